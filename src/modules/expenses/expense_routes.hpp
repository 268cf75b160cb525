// The Expense section's routes (ENDPOINTS.md §4.7), in envelope family V: Create Expense, Update
// Expense, Expense Enquiry and Get a Expense; both path casings reach them.
#pragma once

#include "api/routes.hpp"
#include "modules/expenses/expense_service.hpp"

namespace ov::expenses {

void register_routes(api::Routes& routes, ExpenseService& service);

}  // namespace ov::expenses
