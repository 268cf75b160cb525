#include "modules/cases/case_repository.hpp"

#include "storage/sql.hpp"

namespace ov::cases {

using storage::opt;
using storage::Value;

namespace {}  // namespace

std::optional<CaseRecord> CaseRepository::find(std::int64_t company_id, std::string_view case_no) {
  auto rows = s_.query(
      "SELECT c.feedback_id, c.company_id, c.customer_id, c.feedback_no, c.subject, c.status_id, "
      "c.case_type, cu.customer_name, c.note, c.assigned_to_user_id, c.date_assigned, c.date_case, "
      "c.date_due, c.created_by_user_id, c.date_created, c.updated_by_user_id, c.date_updated, "
      "c.date_latest_answer, c.category_id, cu.customer_code, c.activity_nos, c.deal_nos "
      "FROM cases c LEFT JOIN customers cu ON cu.customer_id = c.customer_id "
      "WHERE c.company_id = ? AND lower(c.feedback_no) = lower(?)",
      {company_id, case_no});
  if (!rows.next()) return std::nullopt;
  CaseRecord c;
  c.feedback_id = rows.i64(0);
  c.company_id = rows.i64(1);
  c.customer_id = rows.opt_i64(2);
  c.feedback_no = rows.str(3);
  c.subject = rows.str(4);
  c.status_id = static_cast<int>(rows.i64(5));
  c.case_type = static_cast<int>(rows.i64(6));
  c.customer_name = rows.opt_str(7);
  c.note = rows.opt_str(8);
  c.assigned_to_user_id = rows.str(9);
  c.date_assigned = rows.i64(10);
  c.date_case = rows.i64(11);
  c.date_due = rows.i64(12);
  c.created_by_user_id = rows.str(13);
  c.date_created = rows.i64(14);
  c.updated_by_user_id = rows.str(15);
  c.date_updated = rows.i64(16);
  c.date_latest_answer = rows.i64(17);
  c.category_id = rows.i64(18);
  c.customer_code = rows.opt_str(19);
  c.activity_nos = storage::decode_string_list(rows.text(20));
  c.deal_nos = storage::decode_string_list(rows.text(21));
  return c;
}

std::optional<CaseCategory> CaseRepository::category(std::int64_t company_id,
                                                     std::int64_t category_id) {
  auto rows = s_.query(
      "SELECT category_id, name, is_active FROM case_categories WHERE company_id = ? AND "
      "category_id = ?",
      {company_id, category_id});
  if (!rows.next()) return std::nullopt;
  return CaseCategory{rows.i64(0), rows.str(1), rows.i64(2) == 1};
}

std::vector<CaseCategory> CaseRepository::categories(std::int64_t company_id,
                                                     bool include_inactive) {
  auto rows = s_.query(
      "SELECT category_id, name, is_active FROM case_categories WHERE company_id = ? AND "
      "(is_active = 1 OR ? = 1) ORDER BY name, category_id",
      {company_id, std::int64_t{include_inactive ? 1 : 0}});
  std::vector<CaseCategory> out;
  while (rows.next()) out.push_back({rows.i64(0), rows.str(1), rows.i64(2) == 1});
  return out;
}

bool CaseRepository::is_active_employee(std::int64_t company_id, std::string_view user_id) {
  return s_
      .query_i64(
          "SELECT 1 FROM users WHERE company_id = ? AND user_id = ? AND kind = 'employee' AND "
          "is_active = 1",
          {company_id, user_id})
      .has_value();
}

std::optional<CustomerRef> CaseRepository::customer(std::int64_t company_id,
                                                    std::string_view code) {
  auto c = customers::find_customer_ref(s_, company_id, code);
  if (c && !c->is_active) return std::nullopt;  // cases are opened for active customers only
  return c;
}

std::optional<CaseRepository::Link> CaseRepository::activity(std::int64_t company_id,
                                                             std::string_view activity_no) {
  auto rows = s_.query(
      "SELECT activity_id, activity_no FROM activities WHERE company_id = ? AND lower(activity_no) "
      "= lower(?)",
      {company_id, activity_no});
  if (!rows.next()) return std::nullopt;
  return Link{rows.i64(0), rows.str(1)};
}

std::optional<CaseRepository::Link> CaseRepository::deal(std::int64_t company_id,
                                                         std::string_view deal_no) {
  auto rows = s_.query(
      "SELECT deals_id, deal_no FROM deals WHERE company_id = ? AND lower(deal_no) = lower(?)",
      {company_id, deal_no});
  if (!rows.next()) return std::nullopt;
  return Link{rows.i64(0), rows.str(1)};
}

std::int64_t CaseRepository::insert(const CaseRecord& c) {
  auto id = s_.query_i64(
      "INSERT INTO cases (company_id, feedback_no, case_type, subject, status_id, customer_id, "
      "category_id, note, assigned_to_user_id, date_assigned, date_case, date_due, "
      "created_by_user_id, date_created, updated_by_user_id, date_updated, date_latest_answer, "
      "activity_nos, deal_nos) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING feedback_id",
      {c.company_id, std::string_view(c.feedback_no), std::int64_t{c.case_type},
       std::string_view(c.subject), std::int64_t{c.status_id}, opt(c.customer_id), c.category_id,
       opt(c.note), std::string_view(c.assigned_to_user_id), c.date_assigned, c.date_case,
       c.date_due, std::string_view(c.created_by_user_id), c.date_created,
       std::string_view(c.updated_by_user_id), c.date_updated, c.date_latest_answer,
       std::string_view(storage::encode_string_list(c.activity_nos)),
       std::string_view(storage::encode_string_list(c.deal_nos))});
  return id.value_or(0);
}

void CaseRepository::update(const CaseRecord& c) {
  s_.exec(
      "UPDATE cases SET subject = ?, status_id = ?, customer_id = ?, category_id = ?, note = ?, "
      "assigned_to_user_id = ?, date_assigned = ?, date_case = ?, date_due = ?, "
      "updated_by_user_id = ?, date_updated = ? WHERE feedback_id = ? AND company_id = ?",
      {std::string_view(c.subject), std::int64_t{c.status_id}, opt(c.customer_id), c.category_id,
       opt(c.note), std::string_view(c.assigned_to_user_id), c.date_assigned, c.date_case,
       c.date_due, std::string_view(c.updated_by_user_id), c.date_updated, c.feedback_id,
       c.company_id});
}

void CaseRepository::set_activities(std::int64_t feedback_id, const std::vector<Link>& links,
                                    bool fresh) {
  if (!fresh) s_.exec("DELETE FROM case_activities WHERE feedback_id = ?", {feedback_id});
  if (!fresh) {
    std::vector<std::string> numbers;
    for (const auto& link : links) numbers.push_back(link.number);
    s_.exec("UPDATE cases SET activity_nos = ? WHERE feedback_id = ?",
            {std::string_view(storage::encode_string_list(numbers)), feedback_id});
  }
  std::int64_t pos = 0;
  for (const auto& link : links) {
    s_.exec("INSERT INTO case_activities (feedback_id, position, activity_id) VALUES (?, ?, ?)",
            {feedback_id, pos++, link.id});
  }
}

void CaseRepository::set_deals(std::int64_t feedback_id, const std::vector<Link>& links,
                               bool fresh) {
  if (!fresh) s_.exec("DELETE FROM case_deals WHERE feedback_id = ?", {feedback_id});
  if (!fresh) {
    std::vector<std::string> numbers;
    for (const auto& link : links) numbers.push_back(link.number);
    s_.exec("UPDATE cases SET deal_nos = ? WHERE feedback_id = ?",
            {std::string_view(storage::encode_string_list(numbers)), feedback_id});
  }
  std::int64_t pos = 0;
  for (const auto& link : links) {
    s_.exec("INSERT INTO case_deals (feedback_id, position, deals_id) VALUES (?, ?, ?)",
            {feedback_id, pos++, link.id});
  }
}

void seed_case_master_data(storage::Session& s, std::int64_t company_id) {
  static constexpr std::pair<int, const char*> kStatuses[] = {
      {kStatusOpen, "Open"},     {kStatusInProgress, "In progress"}, {kStatusResolved, "Resolved"},
      {kStatusClosed, "Closed"}, {kStatusCancelled, "Cancelled"},
  };
  for (const auto& [id, name] : kStatuses) {
    s.exec("INSERT INTO case_statuses (company_id, status_id, name) VALUES (?, ?, ?)",
           {company_id, std::int64_t{id}, std::string_view(name)});
  }
  static constexpr const char* kCategories[] = {
      "General enquiry",  "Complaint", "Technical support", "Billing",
      "Product feedback", "Delivery",  "Warranty claim",
  };
  for (const char* name : kCategories) {
    s.exec(
        "INSERT INTO case_categories (company_id, category_id, name, is_active) VALUES (?, "
        "(SELECT COALESCE(MAX(category_id), 0) + 1 FROM case_categories WHERE company_id = ?), ?, "
        "1)",
        {company_id, company_id, std::string_view(name)});
  }
}

}  // namespace ov::cases
