// The Activity section's routes (ENDPOINTS.md §4.2), in envelope family S (§2.8 rule 3). Get
// Key Activities is a master list (modules/master_data.cpp).
#pragma once

#include "api/routes.hpp"
#include "modules/activities/activity_service.hpp"

namespace ov::activities {

void register_routes(api::Routes& routes, ActivityService& service);

}  // namespace ov::activities
