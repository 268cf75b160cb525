// The Task section's route (ENDPOINTS.md §4.12), in envelope family S.
#pragma once

#include "api/routes.hpp"
#include "modules/tasks/task_service.hpp"

namespace ov::tasks {

void register_routes(api::Routes& routes, TaskService& service);

}  // namespace ov::tasks
