// The Customer section's routes (ENDPOINTS.md §4.3), all in envelope family S.
#pragma once

#include "http/router.hpp"
#include "modules/customers/customer_service.hpp"

namespace ov::customers {

void register_routes(http::Router& router, CustomerService& service);

}  // namespace ov::customers
