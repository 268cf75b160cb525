// The administration plane (/admin/v1) on the API's listener: companies, API clients,
// subscription keys, reference data and employees, for operators who must not need SQL. The
// operations themselves are plain functions over a storage::Session (admin/operations.hpp),
// shared with the `openvenio admin` CLI; the routes here only read requests and write replies.
#pragma once

#include "admin/admin_routes.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"

namespace ov::admin {

// Adds every route of the plane. Other parts of the plane (webhooks) add theirs through their
// own AdminRoutes in app::Application, beside this call.
void register_routes(AdminRoutes& routes, storage::Database& db, const core::Clock& clock);

}  // namespace ov::admin
