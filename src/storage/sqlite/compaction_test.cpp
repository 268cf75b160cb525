// Background merging of SQLite's full-text indexes (SqliteDatabase::compact_step).
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "storage/test_database.hpp"

namespace ov::storage {
namespace {

using namespace std::chrono_literals;

// Segments the keyword index would still merge: a merge that finds work changes more than
// the one row of the command itself.
// The job is rolled back (by throwing), so the index is left as it was.
bool has_unmerged_segments(Database& db) {
  struct Undo {};
  bool more = false;
  try {
    db.write_now([&](Session& s) {
      const auto before = s.query_i64("SELECT total_changes()").value_or(0);
      s.exec("INSERT INTO customer_keywords (customer_keywords, rank) VALUES ('merge', -1)");
      more = s.query_i64("SELECT total_changes()").value_or(0) - before > 1;
      throw Undo{};
    });
  } catch (const Undo&) {
  }
  return more;
}

bool wait_until_compacted(Database& db) {
  for (auto until = std::chrono::steady_clock::now() + 30s;
       std::chrono::steady_clock::now() < until;) {
    if (!db.compacting()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

void write_rows(Database& db, int transactions, int first_id) {
  for (int t = 0; t < transactions; ++t) {
    db.write_now([&](Session& s) {
      const std::int64_t id = first_id + t;
      s.exec("INSERT INTO customer_keywords (rowid, search_text) VALUES (?, ?)",
             {id, std::string_view("customer number " + std::to_string(id) + "\n")});
    });
  }
}

TEST(SqliteCompaction, MergesTheFullTextIndexOnceIdle) {
  TempDatabase db;
  ASSERT_TRUE(wait_until_compacted(*db));
  // One segment per transaction.
  write_rows(*db, 40, 1);
  ASSERT_TRUE(wait_until_compacted(*db));
  EXPECT_FALSE(has_unmerged_segments(*db));
  // The index still answers, with every row.
  db->read_now([](Session& s) {
    EXPECT_EQ(s.query_i64("SELECT count(*) FROM customer_keywords WHERE search_text MATCH "
                          "'\"number\"'"),
              40);
  });
  // New writes make it pending again; it settles again.
  write_rows(*db, 5, 100);
  ASSERT_TRUE(wait_until_compacted(*db));
  EXPECT_FALSE(has_unmerged_segments(*db));
}

TEST(SqliteCompaction, WritesGoFirst) {
  TempDatabase db;
  write_rows(*db, 200, 1);
  // While merging may be under way, each write still commits promptly.
  for (int i = 0; i < 20; ++i) {
    const auto start = std::chrono::steady_clock::now();
    write_rows(*db, 1, 1000 + i);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  }
  EXPECT_TRUE(wait_until_compacted(*db));
}

}  // namespace
}  // namespace ov::storage
