// Seeds a company with N cases through the Case repository and number sequences, in large
// transactions, and writes their numbers to a file (one per line) for the load scripts.
// Usage: openvenio_bench_seed <db-url> <company-id> <count> <numbers-file>
#include <fstream>
#include <iostream>

#include "core/clock.hpp"
#include "modules/cases/case_repository.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/refs.hpp"
#include "storage/database.hpp"
#include "storage/sequences.hpp"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: " << argv[0] << " <db-url> <company-id> <count> <numbers-file>\n";
    return 2;
  }
  const std::int64_t company = std::stoll(argv[2]);
  const std::int64_t count = std::stoll(argv[3]);
  std::ofstream out(argv[4]);
  auto db = ov::storage::open_database(argv[1]);
  ov::core::SystemClock clock;
  const auto& zone = ov::core::TimeZone::bangkok();
  // 10 000 cases a transaction: large enough to seed quickly, small enough to keep the WAL sane.
  constexpr std::int64_t kBatch = 10000;
  for (std::int64_t done = 0; done < count;) {
    const std::int64_t n = std::min(kBatch, count - done);
    db->write_now([&](ov::storage::Session& s) {
      ov::cases::CaseRepository repo(s);
      auto customer = ov::refs::find_customer_ref(s, company, "C000154");
      for (std::int64_t i = 0; i < n; ++i) {
        ov::cases::CaseRecord c;
        const auto now = clock.now();
        c.company_id = company;
        c.feedback_no = ov::storage::next_number(s, company, ov::core::kCaseNumber, now, zone);
        c.subject = "Seeded case " + std::to_string(done + i);
        if (customer) c.customer_id = customer->customer_id;
        c.category_id = ov::demo::kCaseCategoryId;
        c.note = "Seeded for load tests";
        c.assigned_to_user_id = ov::demo::kAssigneeUserId;
        c.date_assigned = c.date_case = c.date_due = c.date_created = c.date_updated =
            c.date_latest_answer = now;
        c.created_by_user_id = c.updated_by_user_id = ov::demo::kApiUserId;
        c.feedback_id = repo.insert(c);
        out << c.feedback_no << "\n";
      }
    });
    done += n;
  }
  db->close();
  std::cout << "seeded " << count << " cases\n";
  return 0;
}
