#include "modules/employees/employee_repository.hpp"

#include "storage/paging.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"
#include "storage/text_match.hpp"

namespace ov::employees {

namespace {

const storage::Table<EmployeeRecord> kEmployees(kEmployeeEntity);

}  // namespace

std::optional<EmployeeRecord> EmployeeRepository::find_by_id(std::int64_t company_id,
                                                             std::string_view user_id) {
  static const std::string sql =
      kEmployees.select() + " WHERE u.company_id = ? AND u.user_id = ? AND u.kind = 'employee'";
  auto rows = s_.query(sql, {company_id, user_id});
  if (!rows.next()) return std::nullopt;
  return kEmployees.read(rows);
}

std::optional<EmployeeRecord> EmployeeRepository::find_by_staff_code(std::int64_t company_id,
                                                                     std::string_view staff_code) {
  static const std::string sql = kEmployees.select() +
                                 " WHERE u.company_id = ? AND lower(u.staff_code) = lower(?) AND "
                                 "u.kind = 'employee'";
  auto rows = s_.query(sql, {company_id, staff_code});
  if (!rows.next()) return std::nullopt;
  return kEmployees.read(rows);
}

core::Page<EmployeeRecord> EmployeeRepository::enquiry(std::int64_t company_id,
                                                       const EnquiryInput& in) {
  storage::Sql where;
  where.add(" FROM users u").add(kEmployees.joins());
  where.add(" WHERE u.company_id = ? AND u.kind = 'employee'").bind(company_id);
  if (in.is_active) where.add(" AND u.is_active = ?").bind(std::int64_t{*in.is_active ? 1 : 0});
  if (!in.staff_codes.empty()) {
    where.add(" AND lower(u.staff_code) IN ").in_list(in.staff_codes, "lower(?)");
  }
  if (!in.team_ids.empty()) where.add(" AND u.team_id IN ").in_list(in.team_ids);
  if (in.keyword) {
    storage::add_contains_any(where, s_, {"u.name", "u.nickname", "u.staff_code", "u.email"},
                              *in.keyword);
  }
  return storage::run_page(s_, kEmployees, where, false,
                           storage::order_by(kEmployeeSort, in.order, kSortByUserId), in.take,
                           in.skip);
}

bool EmployeeRepository::staff_code_taken(std::int64_t company_id, std::string_view staff_code,
                                          std::string_view except_user_id) {
  return s_
      .query_i64(
          "SELECT 1 FROM users WHERE company_id = ? AND lower(staff_code) = lower(?) AND user_id "
          "<> ?",
          {company_id, staff_code, except_user_id})
      .has_value();
}

void EmployeeRepository::update(const EmployeeRecord& e) { kEmployees.update(s_, e); }

}  // namespace ov::employees
