#include "modules/demo/demo_data.hpp"

#include "auth/provisioning.hpp"
#include "modules/cases/case_types.hpp"

#include <string>

namespace ov::demo {

namespace {

// Moves a freshly inserted row to its documented id when no other row has it yet (another demo
// company may), before anything refers to the row. Inserting first and renumbering after keeps
// the generated-id machinery of every backend untouched.
std::int64_t adopt_documented_id(storage::Session& s, const char* table, const char* column,
                                 std::int64_t inserted, std::int64_t documented) {
  const std::string probe = std::string("SELECT 1 FROM ") + table + " WHERE " + column + " = ?";
  if (s.query_i64(probe, {documented})) return inserted;
  const std::string move =
      std::string("UPDATE ") + table + " SET " + column + " = ? WHERE " + column + " = ?";
  s.exec(move, {documented, inserted});
  return documented;
}

}  // namespace

void seed_demo_data(storage::Session& s, std::int64_t company_id, core::UnixSeconds now) {
  auth::add_user(s, company_id, "Somchai Jaidee", "somchai@example.com", now, kAssigneeUserId);
  s.exec(
      "INSERT INTO case_categories (company_id, category_id, name, is_active) VALUES (?, ?, "
      "'Service request', 1)",
      {company_id, kCaseCategoryId});

  const auto customer_id = adopt_documented_id(
      s, "customers", "customer_id",
      s.query_i64("INSERT INTO customers (company_id, customer_code, customer_name, "
                  "customer_type, is_active, created_at) VALUES (?, 'C000154', ?, 11300, 1, ?) "
                  "RETURNING customer_id",
                  {company_id, std::string_view("𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand"), now})
          .value_or(0),
      705693);
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
  adopt_documented_id(
      s, "cases", "feedback_id",
      s.query_i64("INSERT INTO cases (company_id, feedback_no, case_type, subject, status_id, "
                  "customer_id, category_id, note, assigned_to_user_id, date_assigned, date_case, "
                  "date_due, created_by_user_id, date_created, updated_by_user_id, date_updated, "
                  "date_latest_answer) VALUES (?, 'T250200010', 1, 'Create new case', ?, ?, ?, "
                  "'description', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING feedback_id",
                  {company_id, std::int64_t{cases::kStatusOpen}, customer_id, kCaseCategoryId,
                   std::string_view(kAssigneeUserId), kCreated, kCaseDate, kCaseDate,
                   std::string_view(kApiUserId), kCreated, std::string_view(kApiUserId), kCreated,
                   kCreated})
          .value_or(0),
      67941);
  // T250200010 is the tenth case of February 2025: new numbers of that month continue after it.
  s.exec(
      "INSERT INTO number_sequences (company_id, prefix, period, last_value) VALUES (?, 'T', "
      "'2502', 10)",
      {company_id});
}

}  // namespace ov::demo
