// SQL of the Employee section: the users of kind 'employee'. Every statement is confined to one
// company.
#pragma once

#include <optional>
#include <string_view>

#include "modules/employees/employee_types.hpp"
#include "storage/database.hpp"

namespace ov::employees {

class EmployeeRepository {
 public:
  explicit EmployeeRepository(storage::Session& s) : s_(s) {}

  // Active or not; service users (API clients) are no employees.
  std::optional<EmployeeRecord> find_by_id(std::int64_t company_id, std::string_view user_id);
  // Staff codes compare case-insensitively.
  std::optional<EmployeeRecord> find_by_staff_code(std::int64_t company_id,
                                                   std::string_view staff_code);
  core::Page<EmployeeRecord> enquiry(std::int64_t company_id, const EnquiryInput& in);
  // Whether a user of the company other than `except_user_id` has this staff code.
  bool staff_code_taken(std::int64_t company_id, std::string_view staff_code,
                        std::string_view except_user_id);
  void update(const EmployeeRecord& e);

 private:
  storage::Session& s_;
};

}  // namespace ov::employees
