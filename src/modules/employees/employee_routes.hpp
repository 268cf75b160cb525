// The Employee section's routes (ENDPOINTS.md §4.6), in envelope family V (§7.3).
#pragma once

#include "api/routes.hpp"
#include "modules/employees/employee_service.hpp"

namespace ov::employees {

void register_routes(api::Routes& routes, EmployeeService& service);

}  // namespace ov::employees
