#include "modules/demo/demo_data.hpp"

#include "auth/provisioning.hpp"
#include "modules/cases/case_types.hpp"
#include "modules/customers/customer_service.hpp"
#include "storage/master_lists.hpp"

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

// Customer section: the staff code owners are named by, C000154's audit users and search
// row, and the customers the customer examples name (C000349, C000055).
void seed_demo_customers(storage::Session& s, std::int64_t company_id, std::int64_t c000154,
                         core::UnixSeconds now) {
  s.exec("UPDATE users SET staff_code = ?, team_id = 1 WHERE company_id = ? AND user_id = ?",
         {std::string_view(kOwnerStaffCode), company_id, std::string_view(kAssigneeUserId)});
  s.exec(
      "UPDATE customers SET created_by_user_id = ?, modified_by_user_id = ?, date_modified = ? "
      "WHERE customer_id = ?",
      {std::string_view(kApiUserId), std::string_view(kApiUserId), now, c000154});
  customers::index_customer(s, company_id, c000154);
  auto add = [&](const char* code, const char* name, const char* tax_no, const char* email) {
    customers::CustomerRecord c;
    c.company_id = company_id;
    c.customer_code = code;
    c.customer_name = name;
    c.tax_no = tax_no;
    c.branch_code = "00000";
    c.email = email;
    c.owners = {kOwnerStaffCode};
    customers::Address a;
    a.location_name = "Head office";
    a.location = "1 Sukhumvit Road, Khlong Toei, Bangkok 10110";
    a.latitude = 13.7367;
    a.longitude = 100.5603;
    a.created_by_user_id = kApiUserId;
    a.date_created = now;
    c.addresses.push_back(std::move(a));
    c.date_acquired = c.date_created = c.date_modified = now;
    c.created_by_user_id = c.modified_by_user_id = kApiUserId;
    customers::insert_customer(s, c);
  };
  add("C000349", "บริษัท สยามการค้า จำกัด", "0105556000349", "contact@siam-trading.example");
  add("C000055", "Example Trading Co., Ltd.", "0105556000055", "info@example-trading.example");
  // New customer codes continue after the highest demo code.
  s.exec(
      "INSERT INTO number_sequences (company_id, prefix, period, last_value) VALUES (?, 'C', '', "
      "349)",
      {company_id});
}

// The customer events of the Customer section's examples under their documented ids: the two
// January events of C000055 that Get Customer Events by Customer Code returns, and event 13 of
// C000349 as it stood before the Edit Customer Event example.
void seed_demo_customer_events(storage::Session& s, std::int64_t company_id,
                               core::UnixSeconds now) {
  struct Event {
    std::int64_t documented_id;
    const char* customer_code;
    const char* name;
    std::int64_t type;
    core::UnixSeconds date;
    const char* description;
  };
  static constexpr Event kEvents[] = {
      {2, "C000055", "Example 1", 1, 1738139923, "Example description 1"},  // 2025-01-29 15:38:43
      {9, "C000055", "Example 2", 1, 1738139923, "Example description 2"},
      {13, "C000349", "Example Edit", 4, 1735720723, "edit event"},  // 2025-01-01 15:38:43
  };
  for (const auto& e : kEvents) {
    const auto customer_id = s.query_i64(
        "SELECT customer_id FROM customers WHERE company_id = ? AND lower(customer_code) = "
        "lower(?)",
        {company_id, std::string_view(e.customer_code)});
    if (!customer_id) continue;
    adopt_documented_id(
        s, "customer_events", "event_id",
        s.query_i64("INSERT INTO customer_events (company_id, customer_id, event_name, "
                    "event_type_id, event_date, description, created_by_user_id, date_created, "
                    "updated_by_user_id, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING event_id",
                    {company_id, *customer_id, std::string_view(e.name), e.type, e.date,
                     std::string_view(e.description), std::string_view(kApiUserId), now,
                     std::string_view(kApiUserId), now})
            .value_or(0),
        e.documented_id);
  }
}

}  // namespace

void seed_demo_data(storage::Session& s, std::int64_t company_id, core::UnixSeconds now) {
  auth::add_user(s, company_id, "Somchai Jaidee", "somchai@example.com", now, kAssigneeUserId);
  storage::add_master_row(s, cases::kCaseCategories, company_id, kCaseCategoryId,
                          "Service request");

  const auto customer_id = adopt_documented_id(
      s, "customers", "customer_id",
      s.query_i64("INSERT INTO customers (company_id, customer_code, customer_name, "
                  "customer_type, is_active, created_at) VALUES (?, 'C000154', ?, 11300, 1, ?) "
                  "RETURNING customer_id",
                  {company_id, std::string_view("𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand"), now})
          .value_or(0),
      705693);
  seed_demo_customers(s, company_id, customer_id, now);
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
  seed_demo_customer_events(s, company_id, now);
}

}  // namespace ov::demo
