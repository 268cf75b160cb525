// Routes of the SalesOrder section (ENDPOINTS.md §4.11).
#pragma once

#include "api/routes.hpp"
#include "modules/sales_orders/sales_order_service.hpp"

namespace ov::sales_orders {

void register_routes(api::Routes& routes, SalesOrderService& service);

}  // namespace ov::sales_orders
