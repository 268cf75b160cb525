// The webhook operations of the administration plane (/admin/v1/companies/{companyId}/…):
// subscriptions, secret rotation, the delivery log and replay. The operations are
// webhooks::Subscriptions; these routes read requests and write replies.
#pragma once

#include "admin/admin_routes.hpp"
#include "storage/database.hpp"

namespace ov::admin {

// `allow_http`: plain-http targets besides loopback hosts are accepted (serve
// --webhook-allow-http), as the worker sends them.
void register_webhook_routes(AdminRoutes& routes, storage::Database& db, bool allow_http);

}  // namespace ov::admin
