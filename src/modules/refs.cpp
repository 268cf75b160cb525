#include "modules/refs.hpp"

namespace ov::refs {

std::optional<CustomerRef> find_customer_ref(storage::Session& s, std::int64_t company_id,
                                             std::string_view code) {
  auto rows = s.query(
      "SELECT customer_id, customer_code, customer_name, is_active FROM customers WHERE "
      "company_id = ? AND lower(customer_code) = lower(?)",
      {company_id, code});
  if (!rows.next()) return std::nullopt;
  return CustomerRef{rows.i64(0), rows.str(1), rows.str(2), rows.i64(3) == 1};
}

CustomerRef require_active_customer(storage::Session& s, std::int64_t company_id,
                                    const std::string& code, std::string_view field) {
  auto c = find_customer_ref(s, company_id, code);
  if (!c || !c->is_active) {
    throw core::not_found(std::string(field) + " " + code + " was not found");
  }
  return std::move(*c);
}

CustomerRef require_customer(storage::Session& s, std::int64_t company_id, const std::string& code,
                             std::string_view field) {
  auto c = find_customer_ref(s, company_id, code);
  if (!c) throw core::not_found(std::string(field) + " " + code + " was not found");
  return std::move(*c);
}

std::optional<EmployeeRef> find_employee_ref(storage::Session& s, std::int64_t company_id,
                                             std::string_view user_id) {
  auto rows = s.query(
      "SELECT user_id, staff_code, team_id FROM users WHERE company_id = ? AND user_id = ? AND "
      "kind = 'employee' AND is_active = 1",
      {company_id, user_id});
  if (!rows.next()) return std::nullopt;
  return EmployeeRef{rows.str(0), rows.opt_str(1), rows.opt_i64(2)};
}

std::optional<EmployeeRef> find_employee_by_staff_code(storage::Session& s, std::int64_t company_id,
                                                       std::string_view staff_code) {
  auto rows = s.query(
      "SELECT user_id, staff_code, team_id FROM users WHERE company_id = ? AND lower(staff_code) "
      "= lower(?) AND kind = 'employee' AND is_active = 1",
      {company_id, staff_code});
  if (!rows.next()) return std::nullopt;
  return EmployeeRef{rows.str(0), rows.opt_str(1), rows.opt_i64(2)};
}

EmployeeRef require_employee_by_staff_code(storage::Session& s, std::int64_t company_id,
                                           const std::string& staff_code, std::string_view field) {
  auto e = find_employee_by_staff_code(s, company_id, staff_code);
  if (!e) throw core::not_found(std::string(field) + " " + staff_code + " was not found");
  return std::move(*e);
}

EmployeeRef require_employee(storage::Session& s, std::int64_t company_id,
                             const std::string& user_id, std::string_view field) {
  auto e = find_employee_ref(s, company_id, user_id);
  if (!e) throw core::not_found(std::string(field) + " " + user_id + " was not found");
  return std::move(*e);
}

std::optional<NumberRef> find_activity_ref(storage::Session& s, std::int64_t company_id,
                                           std::string_view activity_no) {
  auto rows = s.query(
      "SELECT activity_id, activity_no FROM activities WHERE company_id = ? AND lower(activity_no) "
      "= lower(?) AND is_active = 1",
      {company_id, activity_no});
  if (!rows.next()) return std::nullopt;
  return NumberRef{rows.i64(0), rows.str(1)};
}

std::optional<NumberRef> find_activity_by_id(storage::Session& s, std::int64_t company_id,
                                             std::int64_t activity_id) {
  auto rows = s.query(
      "SELECT activity_id, activity_no FROM activities WHERE company_id = ? AND activity_id = ? "
      "AND is_active = 1",
      {company_id, activity_id});
  if (!rows.next()) return std::nullopt;
  return NumberRef{rows.i64(0), rows.str(1)};
}

std::optional<NumberRef> find_deal_ref(storage::Session& s, std::int64_t company_id,
                                       std::string_view deal_no) {
  auto rows = s.query(
      "SELECT deals_id, deal_no FROM deals WHERE company_id = ? AND lower(deal_no) = lower(?)",
      {company_id, deal_no});
  if (!rows.next()) return std::nullopt;
  return NumberRef{rows.i64(0), rows.str(1)};
}

std::optional<ProductRef> find_product_ref(storage::Session& s, std::int64_t company_id,
                                           std::string_view product_code) {
  auto rows = s.query(
      "SELECT p.product_id, p.product_code, p.product_name, p.default_price, p.unit_id, un.name, "
      "p.active FROM products p LEFT JOIN product_units un ON un.company_id = p.company_id AND "
      "un.unit_id = p.unit_id WHERE p.company_id = ? AND lower(p.product_code) = lower(?)",
      {company_id, product_code});
  if (!rows.next()) return std::nullopt;
  return ProductRef{rows.i64(0),     rows.str(1),     rows.str(2),     rows.str(3),
                    rows.opt_i64(4), rows.opt_str(5), rows.i64(6) != 0};
}

std::optional<NumberRef> find_case_ref(storage::Session& s, std::int64_t company_id,
                                       std::string_view case_no) {
  auto rows = s.query(
      "SELECT feedback_id, feedback_no FROM cases WHERE company_id = ? AND lower(feedback_no) = "
      "lower(?)",
      {company_id, case_no});
  if (!rows.next()) return std::nullopt;
  return NumberRef{rows.i64(0), rows.str(1)};
}

}  // namespace ov::refs
