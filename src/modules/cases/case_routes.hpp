// The Case section's routes (ENDPOINTS.md §4.4), all in envelope family SN.
#pragma once

#include "http/router.hpp"
#include "modules/cases/case_service.hpp"

namespace ov::cases {

void register_routes(http::Router& router, CaseService& service);

}  // namespace ov::cases
