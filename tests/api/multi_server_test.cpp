// Several `openvenio serve` processes on one PostgreSQL database, as behind a load balancer:
// numbers stay unique and gap-free across processes, and each server reads the others'
// writes at once. PostgreSQL only: SQLite is a single-server engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "support/process.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

using std::chrono::milliseconds;

// The sequence part of a case number (T + YYMM + digits).
int sequence_of(const std::string& no) { return std::stoi(no.substr(5)); }

TEST(MultiServer, ConcurrentCreatesOnTwoServersYieldConsecutiveNumbersAndSharedReads) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  TestDatabase db;
  TempDir logs;
  const Credentials creds = init_company(db.url());
  ASSERT_NE(creds.company_id, 0);
  ServerProcess a(db.url(), logs.path() / "a.log");
  ServerProcess b(db.url(), logs.path() / "b.log");
  ASSERT_TRUE(a.wait_ready(milliseconds(15000))) << a.log();
  ASSERT_TRUE(b.wait_ready(milliseconds(15000))) << b.log();
  // A token issued by one server is valid on the other: the signing key lives in the database.
  const std::string token = fetch_token(a.port(), creds);
  ASSERT_FALSE(token.empty());
  const Headers headers = api_headers(creds, token);

  constexpr int kThreads = 20;
  constexpr int kPerThread = 25;  // 500 creates in all
  std::mutex mutex;
  std::vector<std::string> numbers;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      HttpClient to_a("127.0.0.1", a.port());
      HttpClient to_b("127.0.0.1", b.port());
      for (int i = 0; i < kPerThread; ++i) {
        const bool on_a = (t + i) % 2 == 0;
        auto& writer = on_a ? to_a : to_b;
        auto& reader = on_a ? to_b : to_a;
        auto res = writer.request("POST", "/v1/case", headers, kDocAddCaseExample);
        const std::string no = res.status == 200 ? feedback_no(res) : "";
        std::string problem;
        if (no.empty()) {
          problem = "create failed: " + std::to_string(res.status) + " " + res.body;
        } else {
          // The other server must see the write at once, with no retry.
          auto read = reader.request("GET", "/v1/case/" + no, headers);
          if (read.status != 200 || feedback_no(read) != no) {
            problem = "other server did not read " + no + ": " + read.body;
          }
        }
        std::lock_guard lock(mutex);
        if (!no.empty()) numbers.push_back(no);
        if (!problem.empty()) failures.push_back(problem);
      }
    });
  }
  for (auto& th : threads) th.join();

  ASSERT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures.front();
  ASSERT_EQ(numbers.size(), static_cast<std::size_t>(kThreads * kPerThread));
  std::set<std::string> distinct(numbers.begin(), numbers.end());
  EXPECT_EQ(distinct.size(), numbers.size()) << "duplicate case numbers";
  // All in one month's sequence, consecutive from its first number.
  std::vector<int> seqs;
  const std::string period = numbers.front().substr(0, 5);
  for (const auto& no : numbers) {
    EXPECT_EQ(no.substr(0, 5), period) << no;
    seqs.push_back(sequence_of(no));
  }
  std::sort(seqs.begin(), seqs.end());
  for (std::size_t i = 1; i < seqs.size(); ++i) {
    ASSERT_EQ(seqs[i], seqs[i - 1] + 1) << "gap or repeat after " << seqs[i - 1];
  }
}

TEST(MultiServer, SecondServerStartingOnMigratedDatabaseNeitherFailsNorReapplies) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  TestDatabase db;
  TempDir logs;
  // Three servers start at once on an empty database: the migration lock serialises them.
  ServerProcess a(db.url(), logs.path() / "a.log");
  ServerProcess b(db.url(), logs.path() / "b.log");
  ServerProcess c(db.url(), logs.path() / "c.log");
  EXPECT_TRUE(a.wait_ready(milliseconds(15000))) << a.log();
  EXPECT_TRUE(b.wait_ready(milliseconds(15000))) << b.log();
  EXPECT_TRUE(c.wait_ready(milliseconds(15000))) << c.log();
  // Each migration is recorded once.
  auto out = run_to_completion({OPENVENIO_BIN, "migrate", "--db", db.url()});
  ASSERT_TRUE(out);
  const Credentials creds = init_company(db.url());
  EXPECT_NE(creds.company_id, 0);
}

}  // namespace
}  // namespace ov::test
