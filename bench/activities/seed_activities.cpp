// Seeds a company with 200 employees (through the administration's write path) and N
// activities spread over the twelve months of 2025 (through the Activity repository, numbered
// per month as the API numbers them), in large transactions. Writes the employees' user ids for
// the load scripts.
// Usage: openvenio_bench_seed_activities <db-url> <company-id> <count> <employees-file>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/numbers.hpp"
#include "modules/activities/activity_repository.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/employees/employee_service.hpp"
#include "modules/refs.hpp"
#include "storage/database.hpp"
#include "storage/sequences.hpp"

namespace {

constexpr int kEmployees = 200;
constexpr int kTeams = 10;
// 2025-01-01T00:00:00+0700, and the local start of each month of 2025.
constexpr ov::core::UnixSeconds kMonthStart[13] = {
    1735664400, 1738342800, 1740762000, 1743440400, 1746032400, 1748710800, 1751302800,
    1753981200, 1756659600, 1759251600, 1761930000, 1764522000, 1767200400};

const std::vector<std::string> kSubjects = {
    "เยี่ยมลูกค้า",    "Product demo", "Follow-up call", "ส่งใบเสนอราคา",      "Collect payment",
    "Site survey", "ประชุมทีมขาย",   "Training",       "After-sales visit", "Contract review"};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: " << argv[0] << " <db-url> <company-id> <count> <employees-file>\n";
    return 2;
  }
  const std::int64_t company = std::stoll(argv[2]);
  const std::int64_t count = std::stoll(argv[3]);
  std::ofstream employees_out(argv[4]);
  auto db = ov::storage::open_database(argv[1]);
  ov::core::SystemClock clock;
  std::mt19937_64 rng(20250101);
  auto between = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };

  std::vector<std::string> employees;
  db->write_now([&](ov::storage::Session& s) {
    for (int i = 1; i <= kEmployees; ++i) {
      char code[16];
      std::snprintf(code, sizeof code, "B%04d", i);
      ov::employees::NewEmployee e;
      e.first_name = "Sales";
      e.last_name = code;
      e.staff_code = code;
      e.team = "Team " + std::to_string(1 + i % kTeams);
      auto stored = ov::employees::add_employee(s, company, e, clock.now());
      employees.push_back(stored.user_id);
      employees_out << stored.user_id << "\n";
    }
  });

  std::int64_t customer_id = 0;
  db->read_now([&](ov::storage::Session& s) {
    if (auto c = ov::refs::find_customer_ref(s, company, "C000154")) customer_id = c->customer_id;
  });
  // The demo's A20250200028/29 sit in February: that month's numbers continue after them.
  std::int64_t per_month[12] = {0, 29};
  // 20 000 activities a transaction: large enough to seed quickly, small enough to keep the WAL
  // sane.
  constexpr std::int64_t kBatch = 20000;
  for (std::int64_t done = 0; done < count;) {
    const std::int64_t n = std::min(kBatch, count - done);
    db->write_now([&](ov::storage::Session& s) {
      ov::activities::ActivityRepository repo(s);
      for (std::int64_t i = 0; i < n; ++i) {
        const int month = static_cast<int>(between(0, 11));
        ov::activities::ActivityRecord a;
        a.company_id = company;
        const auto& assignee = employees[static_cast<std::size_t>(between(0, kEmployees - 1))];
        a.assign_to_user_id = assignee;
        a.team_id = 1 + between(0, kTeams - 1);
        // Appointments in working hours, on the quarter hour.
        a.date_appointment_start =
            kMonthStart[month] +
            between(0, (kMonthStart[month + 1] - kMonthStart[month]) / 900 - 1) * 900;
        a.date_appointment_end = a.date_appointment_start + 900 * between(1, 8);
        a.activity_type_id = static_cast<int>(between(1, 5));
        a.status_id = static_cast<int>(between(1, 4));
        if (a.status_id >= 2) a.date_check_in = a.date_appointment_start + 60;
        if (a.status_id == 3) a.date_check_out = a.date_appointment_end - 60;
        a.subject = kSubjects[static_cast<std::size_t>(between(0, kSubjects.size() - 1))] + " " +
                    std::to_string(done + i);
        if (between(0, 1) == 0) a.customer_id = customer_id;
        if (between(0, 2) == 0) a.key_activity_ids = {between(1, 7)};
        char no[48];
        std::snprintf(no, sizeof no, "A2025%02d%05lld", month + 1,
                      static_cast<long long>(++per_month[month]));
        a.activity_no = no;
        a.created_by_user_id = a.modified_by_user_id = ov::demo::kApiUserId;
        a.date_created = a.date_modified = kMonthStart[month];
        repo.insert(a, {});
      }
    });
    done += n;
  }
  db->write_now([&](ov::storage::Session& s) {
    for (int m = 0; m < 12; ++m) {
      char period[8];
      std::snprintf(period, sizeof period, "2025%02d", m + 1);
      ov::storage::continue_sequence_after(s, company, ov::core::kActivityNumber, period,
                                           per_month[m]);
    }
  });
  db->close();
  std::cout << "seeded " << kEmployees << " employees and " << count << " activities\n";
  return 0;
}
