#include "modules/demo/demo_data.hpp"

#include "auth/provisioning.hpp"
#include "modules/cases/case_types.hpp"

namespace ov::demo {

namespace {

// An explicit id where it is free, else one the database picks.
storage::Value free_id(storage::Session& s, const char* probe_sql, std::int64_t id) {
  if (s.query_i64(probe_sql, {id})) return nullptr;
  return id;
}

}  // namespace

void seed_demo_data(storage::Session& s, std::int64_t company_id, core::UnixSeconds now) {
  auth::add_user(s, company_id, "Somchai Jaidee", "somchai@example.com", now, kAssigneeUserId);
  s.exec(
      "INSERT INTO case_categories (company_id, category_id, name, is_active) VALUES (?, ?, "
      "'Service request', 1)",
      {company_id, kCaseCategoryId});

  const auto customer_id = s.query_i64(
      "INSERT INTO customers (customer_id, company_id, customer_code, customer_name, "
      "customer_type, is_active, created_at) VALUES (?, ?, 'C000154', ?, 11300, 1, ?) "
      "RETURNING customer_id",
      {free_id(s, "SELECT 1 FROM customers WHERE customer_id = ?", 705693), company_id,
       std::string_view("𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand"), now});
  for (const char* no : {"A20250200028", "A20250200029"}) {
    s.exec(
        "INSERT INTO activities (company_id, activity_no, subject, created_at) VALUES (?, ?, ?, ?)",
        {company_id, std::string_view(no), std::string_view("Demo activity"), now});
  }
  for (const char* no : {"D241200044", "D241200047"}) {
    s.exec("INSERT INTO deals (company_id, deal_no, deals_name, created_at) VALUES (?, ?, ?, ?)",
           {company_id, std::string_view(no), std::string_view("Demo deal"), now});
  }

  // The case of the Edit Case example, as it stood before that edit: created 2025-02-06
  // 09:41:33 +0700 (1738809693) by the documented API user.
  constexpr core::UnixSeconds kCreated = 1738809693;
  constexpr core::UnixSeconds kCaseDate = 1738751753;  // 2025-02-05T17:35:53+0700
  s.exec(
      "INSERT INTO cases (feedback_id, company_id, feedback_no, case_type, subject, status_id, "
      "customer_id, category_id, note, assigned_to_user_id, date_assigned, date_case, date_due, "
      "created_by_user_id, date_created, updated_by_user_id, date_updated, date_latest_answer) "
      "VALUES (?, ?, 'T250200010', 1, 'Create new case', ?, ?, ?, 'description', ?, ?, ?, ?, ?, "
      "?, ?, ?, ?)",
      {free_id(s, "SELECT 1 FROM cases WHERE feedback_id = ?", 67941), company_id,
       std::int64_t{cases::kStatusOpen}, customer_id ? storage::Value(*customer_id) : nullptr,
       kCaseCategoryId, std::string_view(kAssigneeUserId), kCreated, kCaseDate, kCaseDate,
       std::string_view(kApiUserId), kCreated, std::string_view(kApiUserId), kCreated, kCreated});
  // T250200010 is the tenth case of February 2025: new numbers of that month continue after it.
  s.exec(
      "INSERT INTO number_sequences (company_id, prefix, period, last_value) VALUES (?, 'T', "
      "'2502', 10)",
      {company_id});
}

}  // namespace ov::demo
