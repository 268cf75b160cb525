// The Customer section's routes (ENDPOINTS.md §4.3), all in envelope family S.
#pragma once

#include "api/routes.hpp"
#include "modules/customers/customer_service.hpp"

namespace ov::customers {

void register_routes(api::Routes& routes, CustomerService& service);

}  // namespace ov::customers
