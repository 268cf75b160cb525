// Customer events (#13-#17) and Create Customer Satisfaction (#12) of the Customer section
// (ENDPOINTS.md §4.3), in envelope family S.
#pragma once

#include "api/routes.hpp"
#include "modules/customer_events/customer_event_service.hpp"

namespace ov::customer_events {

void register_routes(api::Routes& routes, CustomerEventService& service);

}  // namespace ov::customer_events
