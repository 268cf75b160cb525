// The approvals of the Expense section on the administration plane
// (/admin/v1/companies/{companyId}/expenses/{id}/approve | reject | cancel): what the Venio app's
// approvers do, which the public API leaves out (ENDPOINTS.md §4.7). The rules are
// expenses::decide; these routes read requests and write replies.
#pragma once

#include "admin/admin_routes.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"

namespace ov::admin {

void register_expense_routes(AdminRoutes& routes, storage::Database& db, const core::Clock& clock);

}  // namespace ov::admin
