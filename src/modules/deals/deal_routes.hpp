// The Deal section's routes (ENDPOINTS.md §4.5), envelope family V. The five master lists are
// registered with the other lists (modules/master_data.cpp).
#pragma once

#include "api/routes.hpp"
#include "modules/deals/deal_service.hpp"

namespace ov::deals {

void register_routes(api::Routes& routes, DealService& service);

}  // namespace ov::deals
