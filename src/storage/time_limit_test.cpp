// Session::limit_time on every backend: a statement past its time limit stops with
// TimeLimitExceeded, and the session is usable afterwards without a limit.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "storage/test_database.hpp"

namespace ov::storage {
namespace {

using namespace std::chrono_literals;

class TimeLimitTest : public BackendTest {};
OV_ON_EVERY_BACKEND(TimeLimitTest);

// A statement that takes a good while on either backend: a recursive count to ten million.
constexpr const char* kSlow =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) "
    "SELECT COUNT(*) FROM n";

TEST_P(TimeLimitTest, AStatementPastItsLimitStopsAndTheSessionGoesOn) {
  TempDatabase db(backend());
  db->read_now([&](Session& s) {
    {
      TimeLimit limit(s, 20ms);
      const auto started = std::chrono::steady_clock::now();
      EXPECT_THROW(s.query_i64(kSlow), TimeLimitExceeded);
      // Stopped near its limit, not after running to the end.
      EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
    }
    // The limit is lifted with its guard.
    EXPECT_EQ(s.query_i64("SELECT 40 + 2"), 42);
    {
      TimeLimit limit(s, 10s);
      EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM companies"), 0);
    }
  });
}

}  // namespace
}  // namespace ov::storage
