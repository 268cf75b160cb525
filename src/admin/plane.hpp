// The administration plane (/admin/v1) on the API's listener: companies, API clients,
// subscription keys, reference data and employees, for operators who must not need SQL.
#pragma once

#include "admin/admin_routes.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"

namespace ov::admin {

// Adds every route of the plane. Other parts of the plane (webhooks) add theirs through their
// own AdminRoutes in app::Application, beside this call.
void register_routes(AdminRoutes& routes, storage::Database& db, const core::Clock& clock);

}  // namespace ov::admin
