// Seeds a company made by `openvenio init --demo-data` with 20 employees who claim expenses
// (staff codes E001..E020, each in one of five teams, through the administration's write path)
// and N expenses spread evenly over the twelve months of 2025, in large transactions of raw SQL
// on the schema of migrations/*/0017_expenses.sql (Create Expense numbers, checks and reads
// back one request at a time; a million expenses through it would take far longer than the
// benchmark).
// Each expense has 1 to 5 lines of the eight expense types, every line carrying what the rules
// of its type require (§4.7 "Per-type line rules": nights, odometer readings, a training's title
// and length, fares, people), its total_baht the exact sum of the lines' amounts and its
// type_mask a bit (type - 1001) per type among them. A quarter wait for approval, 65 % are
// approved, 6 % rejected and 4 % cancelled; every expense has its approval trail (submitted,
// then the decision) and log as Create Expense and the approvers write them, so Get a Expense
// shows a seeded expense as one made through the API. Each month's expenses are numbered
// EXP2501 00001 upwards in date order, as the API numbers them, and the number sequence
// continues after them.
// Writes, for the load scripts, the creators and every expense, one record a line:
//   creator <staffCode> <userId>
//   expense <expenseNo> <expenseId> <statusId> <staffCode> <typeMask> <subject (rest of line)>
// Usage: openvenio_bench_seed_expenses <db-url> <company-id> [<count>] <expenses-file>
//        (count defaults to 1 000 000; at most 12 × 99 999, the numbers a year of months holds)
// With --plan, seeds nothing and prints the query plan (SQLite's EXPLAIN QUERY PLAN,
// PostgreSQL's EXPLAIN) of every statement Expense Enquiry runs for statusIds [301, 302],
// take 50, an expense type (0: every type), optionally one creator's staff code ("-" for none)
// and a searchText: the statements the repository itself builds, so the plan recorded is the
// one the server follows, not a copy of its SQL.
//        openvenio_bench_seed_expenses --plan <db-url> <company-id> <expense-type-id>
//                                      <staff-code|-> [<search-text>]
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "../planning_session.hpp"
#include "core/clock.hpp"
#include "core/numbers.hpp"
#include "modules/employees/employee_service.hpp"
#include "modules/expenses/expense_repository.hpp"
#include "modules/expenses/expense_types.hpp"
#include "storage/database.hpp"
#include "storage/sequences.hpp"

namespace {

using Words = std::vector<std::string>;
namespace ex = ov::expenses;

constexpr std::int64_t kDefaultCount = 1000000;
// Five digits a month: EXP2501 00001 .. EXP2501 99999.
constexpr std::int64_t kMaxPerMonth = 99999;
constexpr std::int64_t kMaxCount = 12 * kMaxPerMonth;

constexpr int kCreators = 20;
constexpr int kTeams = 5;
const Words kFirstNames = {"Somchai", "Suda",     "Anan",    "Malee",   "Prasit",
                           "Kanya",   "Wichai",   "Nittaya", "Surasak", "Pranee",
                           "Chaiwat", "Ratana",   "Somsak",  "Wilai",   "Thongchai",
                           "Orawan",  "Kittisak", "Jintana", "Apichat", "Siriporn"};

// A subject is "<purpose> <place>", e.g. "เยี่ยมลูกค้า เชียงใหม่". Three of the twelve purposes
// hold "ลูกค้า" (customer), so a quarter of the subjects contain it: the searchText of the
// reported-only enquiry. No remark, note or number holds it.
const Words kPurposes = {"เยี่ยมลูกค้า",
                         "ประชุมลูกค้า",
                         "ติดตั้งระบบให้ลูกค้า",
                         "สำรวจหน้างาน",
                         "อบรมพนักงานขาย",
                         "ออกบูธงานแสดงสินค้า",
                         "Customer visit",
                         "Site survey",
                         "Product demo",
                         "Quarterly sales meeting",
                         "After-sales service",
                         "Collect payment"};
const Words kPlaces = {"กรุงเทพ",  "เชียงใหม่",    "ขอนแก่น",       "ภูเก็ต",
                       "ชลบุรี",    "ระยอง",      "นครราชสีมา",    "หาดใหญ่",
                       "อุดรธานี",  "Chiang Rai", "Ayutthaya",    "Pattaya",
                       "Hua Hin", "Nonthaburi", "Samut Prakan", "Phitsanulok"};
const Words kRemarks = {"ตามใบเสร็จแนบ", "Receipts attached", "Paid by company card",
                        "เบิกตามระเบียบบริษัท"};
const Words kOtherNotes = {"ค่าส่งเอกสาร", "Printing of brochures", "ค่าถ่ายเอกสาร", "Courier"};
const Words kTrainings = {"Product training", "อบรมการขายขั้นสูง", "Negotiation skills",
                          "อบรมความปลอดภัย", "CRM workshop"};
const Words kRejectReasons = {"ไม่มีใบเสร็จ", "Amount over the policy limit", "Duplicate claim"};

// The share of each line type among the lines, in percent (Travelling and Fuel the most).
struct TypeWeight {
  int type_id;
  int weight;
};
constexpr TypeWeight kTypeWeights[] = {{1001, 10}, {1002, 8},  {1003, 20}, {1004, 7},
                                       {1005, 5},  {1006, 30}, {1007, 8},  {1008, 12}};

// 2025-01-01T00:00:00+0700, and the local start of each month of 2025.
constexpr std::int64_t kMonthStart[13] = {
    1735664400, 1738342800, 1740762000, 1743440400, 1746032400, 1748710800, 1751302800,
    1753981200, 1756659600, 1759251600, 1761930000, 1764522000, 1767200400};
constexpr std::int64_t kHour = 3600;
// The expense number's period (YYMM) of each month.
constexpr const char* kPeriods[12] = {"2501", "2502", "2503", "2504", "2505", "2506",
                                      "2507", "2508", "2509", "2510", "2511", "2512"};

// 20 000 expenses a transaction, like the other seeders: large enough to seed quickly, small
// enough to keep the WAL sane.
constexpr std::int64_t kBatch = 20000;
// Expenses a statement: 250 × 17 parameters (16, and the id on SQLite), and their lines (at
// most 1 250, 500 a statement: 500 × 18), states and logs (at most 500 × 8): all below SQLite's
// 32 766 and PostgreSQL's 65 535 parameters.
constexpr std::size_t kRowsPerInsert = 250;
constexpr std::size_t kLinesPerInsert = 500;

// Satang as exact two-place decimal text: 180000 → "1800.00".
std::string baht(std::int64_t satang) {
  char text[48];
  std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(satang / 100),
                static_cast<long long>(satang % 100));
  return text;
}

ov::storage::Value opt_text(const std::optional<std::string>& v) {
  if (!v) return nullptr;
  return std::string_view(*v);
}
ov::storage::Value opt_int(std::optional<std::int64_t> v) {
  if (!v) return nullptr;
  return *v;
}

struct LineRow {
  int type_id = 0;
  std::string amount;
  std::string note;
  std::optional<std::int64_t> night, miles_start, miles_end, hours, minutes, person, used_fuel_card;
  std::optional<std::string> training_title, taxi, tollway, parking;
};

struct Creator {
  std::string staff_code;
  std::string user_id;
  std::optional<std::int64_t> team_id;
};

// One expense's values; strings owned here so the statements' views stay valid.
struct ExpenseRow {
  std::string expense_no, subject, remark, total;
  std::optional<std::string> reason;
  const Creator* creator = nullptr;
  std::int64_t status_id = ex::kWaitingApproval, date = 0, type_mask = 0, id = 0;
  std::optional<std::int64_t> decided_at;
  std::vector<LineRow> lines;
};

constexpr const char* kExpenseColumns =
    "company_id, expense_no, team_id, status_id, date_transaction, subject, remark, total_baht, "
    "type_mask, created_by_user_id, date_created, updated_by_user_id, date_updated, "
    "approved_by_user_id, date_approved, reason";
constexpr int kExpenseParams = 16;
constexpr const char* kLineColumns =
    "company_id, expense_id, position, expense_type_id, amount, note, night, miles_start, "
    "miles_end, training_title, hours, minutes, taxi, tollway, parking, person, used_fuel_card";
constexpr int kLineParams = 17;
constexpr const char* kStateColumns =
    "company_id, expense_id, status_id, created_by_user_id, date_created, approve_level, seq";
constexpr int kStateParams = 7;
constexpr const char* kLogColumns =
    "company_id, expense_id, comment, log_type, date_created, created_by_user_id";
constexpr int kLogParams = 6;

// "INSERT INTO <table> (<columns>) VALUES (?, …), …" for `rows` rows, built once per row count,
// and the table's ids. On SQLite the seeder gives every row its id, the largest in use plus
// one and counting, as storage::Table does there; on PostgreSQL the identity column gives it,
// so the ids Create Expense takes later follow the seeded ones on either backend.
class Inserts {
 public:
  Inserts(const char* table, const char* key, const char* columns, int params, bool explicit_keys,
          const char* returning = "")
      : table_(table),
        key_(key),
        columns_(columns),
        params_(params + (explicit_keys ? 1 : 0)),
        explicit_keys_(explicit_keys),
        returning_(returning) {}
  // Reads the largest id in use (of every company: ids are unique across them).
  void start(ov::storage::Session& s) {
    if (!explicit_keys_) return;
    std::string sql = "SELECT COALESCE(MAX(";
    sql.append(key_).append("), 0) FROM ").append(table_);
    last_id_ = s.query_i64(sql).value_or(0);
  }
  // Starts a row: its id first, when the seeder gives it.
  void key(std::vector<ov::storage::Value>& params) {
    if (explicit_keys_) params.emplace_back(++last_id_);
  }
  const std::string& sql(std::size_t rows) {
    auto& sql = cache_[rows];
    if (!sql.empty()) return sql;
    sql.append("INSERT INTO ").append(table_).append(" (");
    if (explicit_keys_) sql.append(key_).append(", ");
    sql.append(columns_).append(") VALUES ");
    std::string one = "(";
    for (int i = 0; i < params_; ++i) one.append(i ? ", ?" : "?");
    one.append(")");
    for (std::size_t r = 0; r < rows; ++r) {
      if (r) sql.append(", ");
      sql.append(one);
    }
    sql.append(returning_);
    return sql;
  }

 private:
  const char* table_;
  const char* key_;
  const char* columns_;
  int params_;
  bool explicit_keys_;
  const char* returning_;
  std::int64_t last_id_ = 0;
  std::map<std::size_t, std::string> cache_;
};

using ov::bench::PlanningSession;

int print_enquiry_plan(const char* url, std::int64_t company, int type_id,
                       const std::string& staff_code, const std::optional<std::string>& text) {
  auto db = ov::storage::open_database(url);
  ex::EnquiryInput in;
  in.expense_type_id = type_id;
  in.status_ids = std::vector<int>{ex::kWaitingApproval, ex::kApproved};
  if (staff_code != "-") in.staff_codes = {staff_code};
  in.search_text = text;
  in.take = 50;
  db->read_now([&](ov::storage::Session& s) {
    PlanningSession planning(s);
    ex::ExpenseRepository(planning).enquiry(company, in);
  });
  db->close();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if ((argc == 6 || argc == 7) && std::string_view(argv[1]) == "--plan") {
    std::optional<std::string> text;
    if (argc == 7) text = argv[6];
    return print_enquiry_plan(argv[2], std::stoll(argv[3]), std::stoi(argv[4]), argv[5], text);
  }
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: " << argv[0] << " <db-url> <company-id> [<count>] <expenses-file>\n"
              << "       " << argv[0]
              << " --plan <db-url> <company-id> <expense-type-id> <staff-code|-> [<search-text>]\n";
    return 2;
  }
  const std::int64_t company = std::stoll(argv[2]);
  const std::int64_t count = argc == 5 ? std::stoll(argv[3]) : kDefaultCount;
  if (count < 1 || count > kMaxCount) {
    std::cerr << "count must be between 1 and " << kMaxCount << " (EXP+YYMM+5 digits a month)\n";
    return 2;
  }
  std::ofstream out(argv[argc - 1]);
  auto db = ov::storage::open_database(argv[1]);
  ov::core::SystemClock clock;
  std::mt19937_64 rng(20250601);
  auto between = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  auto pick = [&](const Words& w) -> const std::string& {
    return w[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(w.size()) - 1))];
  };

  // The creators, and the approver: the company's Administrator, as on the administration
  // plane by default.
  std::vector<Creator> creators;
  std::string approver;
  db->write_now([&](ov::storage::Session& s) {
    for (int i = 1; i <= kCreators; ++i) {
      char code[16];
      std::snprintf(code, sizeof code, "E%03d", i);
      ov::employees::NewEmployee e;
      e.first_name = kFirstNames[static_cast<std::size_t>(i - 1)];
      e.last_name = code;
      e.staff_code = code;
      e.team = "Field sales " + std::to_string(1 + i % kTeams);
      auto stored = ov::employees::add_employee(s, company, e, clock.now());
      creators.push_back({code, stored.user_id, stored.team_id});
      out << "creator " << code << " " << stored.user_id << "\n";
    }
    auto rows = s.query(
        "SELECT user_id FROM users WHERE company_id = ? AND role_id = '1' AND is_active = 1 "
        "ORDER BY created_at, user_id LIMIT 1",
        {company});
    if (!rows.next()) throw std::runtime_error("the company has no active Administrator");
    approver = rows.str(0);
  });

  // Cumulative type weights, for drawing a line's type.
  std::vector<std::pair<int, int>> type_draw;
  for (int sum = 0; const auto& t : kTypeWeights)
    type_draw.emplace_back(sum += t.weight, t.type_id);
  auto draw_type = [&] {
    const int d = static_cast<int>(between(1, type_draw.back().first));
    for (const auto& [upto, type] : type_draw) {
      if (d <= upto) return type;
    }
    return type_draw.back().second;
  };
  // A line of `type` and its amount in satang.
  auto make_line = [&](int type, std::int64_t& satang) {
    LineRow l;
    l.type_id = type;
    switch (type) {
      case 1001:  // Accommodation: nights × a room rate
        l.night = between(1, 3);
        satang = *l.night * between(8, 25) * 10000;
        break;
      case 1002:  // Entertainment
        l.person = between(2, 8);
        satang = between(500, 6000) * 100 + between(0, 1) * 50;
        break;
      case 1003: {  // Fuel: the odometer's readings and about 4 baht a kilometre
        l.miles_start = between(10000, 150000);
        const auto km = between(20, 600);
        l.miles_end = *l.miles_start + km;
        satang = km * between(300, 500);
        if (between(0, 1) == 0) l.used_fuel_card = between(0, 1);
        break;
      }
      case 1004:  // Other, with what it was for
        l.note = pick(kOtherNotes);
        satang = between(50, 3000) * 100;
        break;
      case 1005:  // Training
        l.training_title = pick(kTrainings);
        l.hours = between(1, 8);
        l.minutes = between(0, 3) * 15;
        satang = between(10, 150) * 10000;
        break;
      case 1006: {  // Travelling: taxi, tollway and parking, at least one
        std::int64_t taxi = 0, tollway = 0, parking = 0;
        const auto kinds = between(1, 7);  // which of the three, as bits
        if (kinds & 1) taxi = between(80, 800) * 100 + between(0, 1) * 50;
        if (kinds & 2) tollway = between(25, 150) * 100 + between(0, 1) * 50;
        if (kinds & 4) parking = between(20, 200) * 100;
        if (kinds & 1) l.taxi = baht(taxi);
        if (kinds & 2) l.tollway = baht(tollway);
        if (kinds & 4) l.parking = baht(parking);
        satang = taxi + tollway + parking;
        break;
      }
      case 1007:  // Meeting with staff
        l.person = between(3, 20);
        satang = between(200, 5000) * 100;
        break;
      default:  // 1008 Meeting with sales
        satang = between(300, 8000) * 100 + between(0, 1) * 50;
        break;
    }
    l.amount = baht(satang);
    return l;
  };

  std::int64_t per_month[12] = {};
  const bool explicit_keys = db->backend() == "sqlite";
  Inserts expenses_sql("expenses", "expense_id", kExpenseColumns, kExpenseParams, explicit_keys,
                       " RETURNING expense_id, expense_no");
  Inserts lines_sql("expense_details", "expense_detail_id", kLineColumns, kLineParams,
                    explicit_keys);
  Inserts states_sql("expense_states", "expense_states_id", kStateColumns, kStateParams,
                     explicit_keys);
  Inserts logs_sql("expense_logs", "activity_log_id", kLogColumns, kLogParams, explicit_keys);
  db->read_now([&](ov::storage::Session& s) {
    for (auto* t : {&expenses_sql, &lines_sql, &states_sql, &logs_sql}) t->start(s);
  });
  std::vector<ExpenseRow> rows;
  std::vector<ov::storage::Value> params;
  rows.reserve(kRowsPerInsert);
  params.reserve(kLinesPerInsert * (kLineParams + 1));
  const std::string_view admin = approver;

  for (std::int64_t done = 0; done < count;) {
    const std::int64_t batch_end = std::min(count, done + kBatch);
    db->write_now([&](ov::storage::Session& s) {
      for (std::int64_t i = done; i < batch_end;) {
        rows.clear();
        for (; i < batch_end && rows.size() < kRowsPerInsert; ++i) {
          // Consecutive expenses fill the months in order, count / 12 each, so numbers, ids
          // and dates rise together as when the API stores expenses day by day.
          const int month = static_cast<int>(i * 12 / count);
          const std::int64_t month_first = (month * count + 11) / 12;
          const std::int64_t month_count = ((month + 1) * count + 11) / 12 - month_first;
          ExpenseRow e;
          e.date = kMonthStart[month] +
                   (i - month_first) * (kMonthStart[month + 1] - kMonthStart[month]) / month_count;
          // Formatted as the API formats its numbers: "EXP" + YYMM + five digits.
          e.expense_no = ov::core::format_number(ov::core::kExpenseNumber, kPeriods[month],
                                                 ++per_month[month]);
          e.creator = &creators[static_cast<std::size_t>(between(0, kCreators - 1))];
          e.subject = pick(kPurposes);
          e.subject.append(" ").append(pick(kPlaces));
          if (between(0, 2) == 0) e.remark = pick(kRemarks);
          const int draw = static_cast<int>(between(1, 100));
          e.status_id = draw <= 25   ? ex::kWaitingApproval
                        : draw <= 90 ? ex::kApproved
                        : draw <= 96 ? ex::kRejected
                                     : ex::kCancelled;
          if (e.status_id != ex::kWaitingApproval) e.decided_at = e.date + between(1, 72) * kHour;
          if (e.status_id == ex::kRejected) e.reason = pick(kRejectReasons);
          std::int64_t total = 0;
          const auto lines = between(1, 5);
          for (std::int64_t n = 0; n < lines; ++n) {
            std::int64_t satang = 0;
            e.lines.push_back(make_line(draw_type(), satang));
            total += satang;
            e.type_mask |= std::int64_t{1} << (e.lines.back().type_id - ex::kFirstType);
          }
          e.total = baht(total);
          rows.push_back(std::move(e));
        }
        params.clear();
        for (const auto& e : rows) {
          const bool approved = e.status_id == ex::kApproved;
          const std::string_view updated_by =
              e.decided_at ? admin : std::string_view(e.creator->user_id);
          expenses_sql.key(params);
          params.insert(
              params.end(),
              {company, std::string_view(e.expense_no), opt_int(e.creator->team_id), e.status_id,
               e.date, std::string_view(e.subject), std::string_view(e.remark),
               std::string_view(e.total), e.type_mask, std::string_view(e.creator->user_id), e.date,
               updated_by, e.decided_at.value_or(e.date),
               approved ? ov::storage::Value(admin) : ov::storage::Value(nullptr),
               approved ? ov::storage::Value(*e.decided_at) : ov::storage::Value(nullptr),
               opt_text(e.reason)});
        }
        {
          std::unordered_map<std::string, std::int64_t> ids;
          auto r = s.query(expenses_sql.sql(rows.size()), params);
          while (r.next()) ids.emplace(r.str(1), r.i64(0));
          for (auto& e : rows) e.id = ids.at(e.expense_no);
        }
        // The lines, in expense and position order.
        params.clear();
        std::size_t pending = 0;
        auto flush_lines = [&] {
          if (pending) s.exec(lines_sql.sql(pending), params);
          params.clear();
          pending = 0;
        };
        for (const auto& e : rows) {
          for (std::size_t p = 0; p < e.lines.size(); ++p) {
            const auto& l = e.lines[p];
            lines_sql.key(params);
            params.insert(
                params.end(),
                {company, e.id, static_cast<std::int64_t>(p), std::int64_t{l.type_id},
                 std::string_view(l.amount), std::string_view(l.note), opt_int(l.night),
                 opt_int(l.miles_start), opt_int(l.miles_end), opt_text(l.training_title),
                 opt_int(l.hours), opt_int(l.minutes), opt_text(l.taxi), opt_text(l.tollway),
                 opt_text(l.parking), opt_int(l.person), opt_int(l.used_fuel_card)});
            if (++pending == kLinesPerInsert) flush_lines();
          }
        }
        flush_lines();
        // The approval trail: submitted by the creator, then the approver's decision.
        for (const auto& e : rows) {
          states_sql.key(params);
          params.insert(params.end(), {company, e.id, std::int64_t{ex::kStateSubmitted},
                                       std::string_view(e.creator->user_id), e.date,
                                       std::int64_t{1}, std::int64_t{1}});
          ++pending;
          if (!e.decided_at) continue;
          const int state = e.status_id == ex::kApproved   ? ex::kStateApproved
                            : e.status_id == ex::kRejected ? ex::kStateRejected
                                                           : ex::kStateCancelled;
          states_sql.key(params);
          params.insert(params.end(), {company, e.id, std::int64_t{state}, admin, *e.decided_at,
                                       std::int64_t{1}, std::int64_t{2}});
          ++pending;
        }
        s.exec(states_sql.sql(pending), params);
        params.clear();
        pending = 0;
        // The log: created, then approved, rejected (with its reason) or cancelled.
        for (const auto& e : rows) {
          logs_sql.key(params);
          params.insert(params.end(),
                        {company, e.id, std::string_view(""), std::int64_t{ex::kLogCreated}, e.date,
                         std::string_view(e.creator->user_id)});
          ++pending;
          if (!e.decided_at) continue;
          const int log = e.status_id == ex::kApproved   ? ex::kLogApproved
                          : e.status_id == ex::kRejected ? ex::kLogRejected
                                                         : ex::kLogCancelled;
          logs_sql.key(params);
          params.insert(
              params.end(),
              {company, e.id, e.reason ? std::string_view(*e.reason) : std::string_view(""),
               std::int64_t{log}, *e.decided_at, admin});
          ++pending;
        }
        s.exec(logs_sql.sql(pending), params);
        params.clear();
        pending = 0;
        for (const auto& e : rows) {
          out << "expense " << e.expense_no << " " << e.id << " " << e.status_id << " "
              << e.creator->staff_code << " " << e.type_mask << " " << e.subject << "\n";
        }
      }
    });
    done = batch_end;
  }

  db->write_now([&](ov::storage::Session& s) {
    for (int m = 0; m < 12; ++m) {
      if (per_month[m] == 0) continue;
      ov::storage::continue_sequence_after(s, company, ov::core::kExpenseNumber, kPeriods[m],
                                           per_month[m]);
    }
  });
  // PostgreSQL plans by its statistics, which autovacuum gathers some time after a bulk load:
  // gathered now, so the measurements do not depend on when it gets to them. (SQLite keeps
  // none unless asked, and the server never asks: its plans there need none.)
  if (db->backend() == "postgres") {
    db->write_now([&](ov::storage::Session& s) {
      s.exec("ANALYZE expenses, expense_details, expense_states, expense_logs, users");
    });
  }
  db->close();
  out.close();
  if (!out) {
    std::cerr << "could not write " << argv[argc - 1] << "\n";
    return 1;
  }
  std::cout << "seeded " << kCreators << " employees and " << count << " expenses\n";
  return 0;
}
