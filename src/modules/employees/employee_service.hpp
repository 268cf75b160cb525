// The Employee section's rules: reads for the API (an employee by GUID or staff code, the
// enquiry) and the administration's writes (add, update, deactivate). No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <string>

#include "core/caller.hpp"
#include "modules/employees/employee_types.hpp"
#include "storage/database.hpp"

namespace ov::employees {

class EmployeeService {
 public:
  explicit EmployeeService(storage::Database& db) : db_(db) {}

  // `key` is a user GUID, or else a staff code (ENDPOINTS.md §4.6.2).
  boost::asio::awaitable<EmployeeRecord> get(const core::Caller& caller, std::string key);
  boost::asio::awaitable<core::Page<EmployeeRecord>> enquiry(const core::Caller& caller,
                                                             EnquiryInput in);

 private:
  storage::Database& db_;
};

// The administration's writes, in the caller's transaction (openvenio user …, demo data).
// Problems are core::ApiError: an invalid value (validation), a staff code another user of the
// company has (conflict), an unknown employee (not found).
EmployeeRecord add_employee(storage::Session& s, std::int64_t company_id, const NewEmployee& in,
                            core::UnixSeconds now);
// `key` as for EmployeeService::get.
EmployeeRecord update_employee(storage::Session& s, std::int64_t company_id, std::string_view key,
                               const EmployeeChanges& changes, core::UnixSeconds now);
// An employee who left: kept (their records still name them), but no longer assignable.
EmployeeRecord deactivate_employee(storage::Session& s, std::int64_t company_id,
                                   std::string_view key, core::UnixSeconds now);

}  // namespace ov::employees
