// The Case section's routes (ENDPOINTS.md §4.4), all in envelope family SN.
#pragma once

#include "api/routes.hpp"
#include "modules/cases/case_service.hpp"

namespace ov::cases {

void register_routes(api::Routes& routes, CaseService& service);

}  // namespace ov::cases
