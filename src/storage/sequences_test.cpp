#include "storage/sequences.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "storage/test_database.hpp"

namespace ov::storage {
namespace {

using namespace std::chrono_literals;

constexpr auto kWait = 10s;

// 2025-02-14T12:00:00Z and 2025-03-14T12:00:00Z: mid-month, the same month in every zone.
constexpr core::UnixSeconds kFeb2025 = 1739534400;
constexpr core::UnixSeconds kMar2025 = 1741953600;

std::string next(Database& db, std::int64_t company, const core::NumberFormat& fmt,
                 core::UnixSeconds now, const core::TimeZone& zone = core::TimeZone::bangkok()) {
  std::string out;
  db.write_now([&](Session& s) { out = next_number(s, company, fmt, now, zone); });
  return out;
}

std::int64_t last_value(Database& db, std::int64_t company, std::string_view prefix,
                        std::string_view period) {
  std::int64_t out = -1;
  db.read_now([&](Session& s) {
    out = s.query_i64(
               "SELECT last_value FROM number_sequences WHERE company_id = ? AND prefix = ? AND "
               "period = ?",
               {company, prefix, period})
              .value_or(-1);
  });
  return out;
}

// --- next_number, on every backend -----------------------------------------------------------

class NextNumberTest : public BackendTest {};
OV_ON_EVERY_BACKEND(NextNumberTest);

TEST_P(NextNumberTest, FirstAndConsecutiveNumbers) {
  TempDatabase db(backend());
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200001");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200002");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025 + 86400), "T250200003");
  EXPECT_EQ(last_value(*db, 1, "T", "2502"), 3);
}

TEST_P(NextNumberTest, SeparateSequencesPerCompany) {
  TempDatabase db(backend());
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200001");
  EXPECT_EQ(next(*db, 2, core::kCaseNumber, kFeb2025), "T250200001");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200002");
  EXPECT_EQ(next(*db, 2, core::kCaseNumber, kFeb2025), "T250200002");
  EXPECT_EQ(next(*db, 3, core::kCaseNumber, kFeb2025), "T250200001");
}

TEST_P(NextNumberTest, SeparateSequencesPerMonthAndPrefix) {
  TempDatabase db(backend());
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200001");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kMar2025), "T250300001");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200002");
  EXPECT_EQ(next(*db, 1, core::kDealNumber, kFeb2025), "D250200001");
  EXPECT_EQ(next(*db, 1, core::kActivityNumber, kFeb2025), "A20250200001");
  EXPECT_EQ(next(*db, 1, core::kActivityNumber, kMar2025), "A20250300001");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kMar2025), "T250300002");
}

TEST_P(NextNumberTest, PeriodComesFromTheZone) {
  TempDatabase db(backend());
  // 2025-01-31T17:30:00Z is 2025-02-01 00:30 in Bangkok.
  constexpr core::UnixSeconds kInstant = 1738344600;
  const core::TimeZone* utc = core::TimeZone::find("UTC");
  ASSERT_NE(utc, nullptr);
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kInstant), "T250200001");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kInstant, *utc), "T250100001");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kInstant - 1800), "T250200002");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kInstant - 1801), "T250100002");
  EXPECT_EQ(last_value(*db, 1, "T", "2502"), 2);
  EXPECT_EQ(last_value(*db, 1, "T", "2501"), 2);
}

TEST_P(NextNumberTest, WidensPastFiveDigits) {
  TempDatabase db(backend());
  db->write_now([](Session& s) {
    s.exec(
        "INSERT INTO number_sequences (company_id, prefix, period, last_value) VALUES (?, ?, ?, "
        "?)",
        {std::int64_t{1}, std::string_view("T"), std::string_view("2502"), std::int64_t{99998}});
  });
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250299999");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T2502100000");
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T2502100001");
  // Another company's sequence is untouched.
  EXPECT_EQ(next(*db, 2, core::kCaseNumber, kFeb2025), "T250200001");
}

TEST_P(NextNumberTest, RolledBackTransactionGivesItsNumberBack) {
  TempDatabase db(backend());
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200001");
  std::string taken;
  EXPECT_THROW(db->write_now([&](Session& s) {
    taken = next_number(s, 1, core::kCaseNumber, kFeb2025, core::TimeZone::bangkok());
    throw std::runtime_error("insert failed");
  }),
               std::runtime_error);
  EXPECT_EQ(taken, "T250200002");
  EXPECT_EQ(last_value(*db, 1, "T", "2502"), 1);
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200002");
  // The first number of a new period is given back too: no row is left behind.
  EXPECT_THROW(db->write_now([&](Session& s) {
    taken = next_number(s, 1, core::kCaseNumber, kMar2025, core::TimeZone::bangkok());
    throw std::runtime_error("insert failed");
  }),
               std::runtime_error);
  EXPECT_EQ(taken, "T250300001");
  EXPECT_EQ(last_value(*db, 1, "T", "2503"), -1);
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kMar2025), "T250300001");
}

TEST_P(NextNumberTest, ContinuingAfterSeededNumbersNeverGoesBack) {
  TempDatabase db(backend());
  db->write_now([](Session& s) { continue_sequence_after(s, 1, core::kCaseNumber, "2502", 10); });
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200011");
  // A sequence already past the seeded number keeps its place.
  db->write_now([](Session& s) { continue_sequence_after(s, 1, core::kCaseNumber, "2502", 5); });
  EXPECT_EQ(next(*db, 1, core::kCaseNumber, kFeb2025), "T250200012");
  EXPECT_EQ(last_value(*db, 1, "T", "2502"), 12);
}

TEST_P(NextNumberTest, ConcurrentCallersGetDistinctConsecutiveNumbers) {
  TempDatabase db(backend());
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  std::mutex m;
  std::vector<std::string> numbers;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {
        auto n = next(*db, 7, core::kCaseNumber, kFeb2025);
        std::lock_guard lock(m);
        numbers.push_back(std::move(n));
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(numbers.size(), static_cast<std::size_t>(kThreads * kPerThread));
  std::sort(numbers.begin(), numbers.end());
  for (int i = 0; i < kThreads * kPerThread; ++i) {
    char expected[32];
    std::snprintf(expected, sizeof expected, "T2502%05d", i + 1);
    ASSERT_EQ(numbers[static_cast<std::size_t>(i)], expected);
  }
  EXPECT_EQ(last_value(*db, 7, "T", "2502"), kThreads * kPerThread);
}

// --- SQLite Database -------------------------------------------------------------------------

void create_table(Database& db) {
  db.write_now([](Session& s) { s.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"); });
}

std::int64_t count_rows(Database& db) {
  std::int64_t n = -1;
  db.read_now([&](Session& s) { n = s.query_i64("SELECT count(*) FROM t").value_or(-1); });
  return n;
}

std::vector<std::int64_t> ids(Database& db) {
  std::vector<std::int64_t> out;
  db.read_now([&](Session& s) {
    auto rows = s.query("SELECT id FROM t ORDER BY id");
    while (rows.next()) out.push_back(rows.i64(0));
  });
  return out;
}

void insert(Session& s, std::int64_t id) {
  s.exec("INSERT INTO t (id, v) VALUES (?, ?)", {id, std::string_view("x")});
}

// A submitted job's outcome, delivered by its done callback.
struct Outcome {
  std::promise<std::exception_ptr> promise;
  std::future<std::exception_ptr> future = promise.get_future();

  WriteJob job(std::function<void(Session&)> work) {
    return WriteJob{std::move(work), [this](std::exception_ptr e) { promise.set_value(e); }};
  }
  // The job's error; fails the test if the callback does not come.
  std::exception_ptr wait() {
    if (!result) {
      if (future.wait_for(kWait) != std::future_status::ready) {
        ADD_FAILURE() << "write job did not finish";
        return nullptr;
      }
      result = future.get();
    }
    return *result;
  }
  std::optional<std::exception_ptr> result;
};

std::string message_of(std::exception_ptr e) {
  if (!e) return "";
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    return ex.what();
  }
}

// Holds the writer inside a job until released; releases on destruction so a failing test
// never leaves the writer stuck (declare it after the database).
class WriterGate {
 public:
  explicit WriterGate(Database& db, std::function<void(Session&)> before = {}) {
    db.submit_write(outcome_.job([this, before = std::move(before)](Session& s) {
      if (before) before(s);
      started_.set_value();
      release_future_.wait();
    }));
    started_ok_ = started_future_.wait_for(kWait) == std::future_status::ready;
  }
  ~WriterGate() {
    release();
    if (started_ok_) outcome_.wait();
  }
  bool started() const { return started_ok_; }
  void release() {
    if (!released_) {
      released_ = true;
      release_.set_value();
    }
  }
  std::exception_ptr wait() { return outcome_.wait(); }

 private:
  Outcome outcome_;
  std::promise<void> started_;
  std::future<void> started_future_ = started_.get_future();
  std::promise<void> release_;
  std::shared_future<void> release_future_ = release_.get_future().share();
  bool started_ok_ = false;
  bool released_ = false;
};

TEST(SqliteDatabaseTest, WriteNowFromSeveralThreads) {
  TempDatabase db;
  create_table(*db);
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        db->write_now([&](Session& s) { insert(s, t * 1000 + i); });
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(count_rows(*db), kThreads * kPerThread);
  EXPECT_EQ(db->queued_writes(), 0u);
  EXPECT_EQ(db->backend(), "sqlite");
}

TEST(SqliteDatabaseTest, AwaitableWritesFromCoroutines) {
  TempDatabase db;
  create_table(*db);
  boost::asio::io_context io;
  std::vector<std::string> numbers;
  int inserted = 0;
  for (int i = 0; i < 20; ++i) {
    boost::asio::co_spawn(
        io,
        [&, i]() -> boost::asio::awaitable<void> {
          auto n = co_await db->write([](Session& s) {
            return next_number(s, 1, core::kCaseNumber, kFeb2025, core::TimeZone::bangkok());
          });
          numbers.push_back(n);
          co_await db->write([i](Session& s) { insert(s, i); });
          ++inserted;
        },
        boost::asio::detached);
  }
  io.run();
  EXPECT_EQ(inserted, 20);
  std::sort(numbers.begin(), numbers.end());
  ASSERT_EQ(numbers.size(), 20u);
  EXPECT_EQ(numbers.front(), "T250200001");
  EXPECT_EQ(numbers.back(), "T250200020");
  EXPECT_EQ(std::set<std::string>(numbers.begin(), numbers.end()).size(), 20u);
  EXPECT_EQ(count_rows(*db), 20);
}

TEST(SqliteDatabaseTest, AwaitableWriteRethrowsTheJobError) {
  TempDatabase db;
  create_table(*db);
  EXPECT_EQ(error_of([&] {
              return db->write([](Session& s) {
                insert(s, 1);
                throw core::business_rule("rejected");
              });
            }),
            "rejected");
  EXPECT_EQ(count_rows(*db), 0);
}

// --- group commit, on every backend ----------------------------------------------------------

// A PostgreSQL pool of two: one write batch at a time (half the pool), so that the jobs queued
// while a gate holds the batch are the next batch, as they are the next group on SQLite.
class GroupCommitTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    DatabaseOptions options;
    options.pool_size = 2;
    db_.emplace(options, backend());
    create_table(**db_);
  }
  Database& db() { return **db_; }
  std::optional<TempDatabase> db_;
};
OV_ON_EVERY_BACKEND(GroupCommitTest);

TEST_P(GroupCommitTest, FailingJobDoesNotAffectItsGroup) {
  Outcome b, c, d, e;
  {
    // Jobs queued while the writer is held are committed together as one group.
    WriterGate gate(db(), [](Session& s) { insert(s, 100); });
    ASSERT_TRUE(gate.started());
    db().submit_write(b.job([](Session& s) { insert(s, 1); }));
    db().submit_write(c.job([](Session& s) {
      insert(s, 2);
      throw std::runtime_error("job c failed");
    }));
    db().submit_write(d.job([](Session& s) { insert(s, 3); }));
    // A constraint failure raised by the database itself, after a successful insert in the
    // same job.
    db().submit_write(e.job([](Session& s) {
      insert(s, 4);
      insert(s, 1);
    }));
    EXPECT_EQ(db().queued_writes(), 4u);
    gate.release();
    EXPECT_EQ(gate.wait(), nullptr);
  }
  EXPECT_EQ(b.wait(), nullptr);
  EXPECT_EQ(message_of(c.wait()), "job c failed");
  EXPECT_EQ(d.wait(), nullptr);
  auto e_error = e.wait();
  ASSERT_NE(e_error, nullptr);
  // A duplicate key is reported as such, whatever the backend's own wording.
  EXPECT_THROW(std::rethrow_exception(e_error), UniqueViolation) << message_of(e_error);
  EXPECT_EQ(ids(db()), (std::vector<std::int64_t>{1, 3, 100}));
  EXPECT_EQ(db().queued_writes(), 0u);
  // The gate's job alone, then the four in one transaction; c and e are not counted.
  const auto stats = db().stats();
  EXPECT_EQ(stats.largest_batch, 2u);
  EXPECT_GE(stats.write_batches, 2u);
}

TEST_P(GroupCommitTest, QueuedWritesShareOneTransaction) {
  constexpr int kJobs = 100;
  const auto before = db().stats();
  std::vector<Outcome> outcomes(kJobs);
  {
    WriterGate gate(db());
    ASSERT_TRUE(gate.started());
    for (int i = 0; i < kJobs; ++i) {
      db().submit_write(outcomes[i].job([i](Session& s) { insert(s, i + 1); }));
    }
    EXPECT_EQ(db().queued_writes(), static_cast<std::size_t>(kJobs));
  }
  for (auto& o : outcomes) EXPECT_EQ(o.wait(), nullptr);
  const auto after = db().stats();
  // The gate's transaction, then one for the hundred (fewer than max_group_size).
  EXPECT_EQ(after.write_batches - before.write_batches, 2u);
  EXPECT_EQ(after.batched_writes - before.batched_writes, static_cast<std::uint64_t>(kJobs + 1));
  EXPECT_EQ(after.largest_batch, static_cast<std::uint64_t>(kJobs));
  EXPECT_EQ(count_rows(db()), kJobs);
}

// Numbers are taken from the sequence row by each job of a batch in turn: consecutive, and a
// job that fails after taking one gives it back with its savepoint.
TEST_P(GroupCommitTest, NumbersInABatchStayConsecutiveWhenAJobFails) {
  const auto& fmt = core::kCaseNumber;
  const core::TimeZone& zone = core::TimeZone::bangkok();
  std::string first, second;
  Outcome a, failing, b;
  {
    WriterGate gate(db());
    ASSERT_TRUE(gate.started());
    db().submit_write(a.job([&](Session& s) { first = next_number(s, 1, fmt, kFeb2025, zone); }));
    db().submit_write(failing.job([&](Session& s) {
      next_number(s, 1, fmt, kFeb2025, zone);
      throw core::business_rule("rejected after numbering");
    }));
    db().submit_write(b.job([&](Session& s) { second = next_number(s, 1, fmt, kFeb2025, zone); }));
  }
  EXPECT_EQ(a.wait(), nullptr);
  EXPECT_EQ(message_of(failing.wait()), "rejected after numbering");
  EXPECT_EQ(b.wait(), nullptr);
  EXPECT_EQ(first, "T250200001");
  EXPECT_EQ(second, "T250200002");
  EXPECT_EQ(last_value(db(), 1, "T", "2502"), 2);
}

// A serialization failure in one job of a batch (what a lost race between servers raises)
// rolls the whole batch back and runs it again: every job is committed once.
TEST_P(GroupCommitTest, ASerializationFailureRunsTheBatchAgain) {
  if (backend() != Backend::kPostgres) GTEST_SKIP() << "SQLite has one writer: no such race";
  const auto before = db().stats();
  std::atomic<int> runs{0};
  Outcome a, racing, b;
  {
    WriterGate gate(db());
    ASSERT_TRUE(gate.started());
    db().submit_write(a.job([](Session& s) { insert(s, 1); }));
    db().submit_write(racing.job([&](Session& s) {
      insert(s, 2);
      if (runs.fetch_add(1) == 0) {
        s.exec("DO $x$ BEGIN RAISE EXCEPTION 'lost a race' USING ERRCODE = '40001'; END $x$");
      }
    }));
    db().submit_write(b.job([](Session& s) { insert(s, 3); }));
  }
  EXPECT_EQ(a.wait(), nullptr);
  EXPECT_EQ(racing.wait(), nullptr);
  EXPECT_EQ(b.wait(), nullptr);
  EXPECT_EQ(runs.load(), 2);
  EXPECT_EQ(ids(db()), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(db().stats().transaction_retries - before.transaction_retries, 1u);
}

TEST(SqliteDatabaseTest, JobThatAbortsTheTransactionLeavesTruthfulOutcomes) {
  // Some failures end the whole SQLite transaction, not just the statement: an ON CONFLICT
  // ROLLBACK constraint here, a full disk or an I/O error in production. A job reported as
  // failed must not be stored (its client retries it) and one reported as done must be.
  TempDatabase db;
  create_table(*db);
  db->write_now([](Session& s) { insert(s, 100); });
  Outcome before, aborting, after;
  {
    WriterGate gate(*db);
    ASSERT_TRUE(gate.started());
    db->submit_write(before.job([](Session& s) { insert(s, 1); }));
    db->submit_write(aborting.job(
        [](Session& s) { s.exec("INSERT OR ROLLBACK INTO t (id, v) VALUES (100, 'dup')"); }));
    db->submit_write(after.job([](Session& s) { insert(s, 3); }));
    gate.release();
    EXPECT_EQ(gate.wait(), nullptr);
  }
  EXPECT_NE(aborting.wait(), nullptr);
  const auto before_error = message_of(before.wait());
  const auto after_error = message_of(after.wait());
  const auto rows = ids(*db);
  // Every job reported as committed is stored, and every job reported as failed is not.
  const bool has1 = std::find(rows.begin(), rows.end(), 1) != rows.end();
  const bool has3 = std::find(rows.begin(), rows.end(), 3) != rows.end();
  EXPECT_EQ(has1, before_error.empty()) << "job 1: " << before_error;
  EXPECT_EQ(has3, after_error.empty()) << "job 3: " << after_error;
  // The writer is usable afterwards.
  db->write_now([](Session& s) { insert(s, 4); });
  EXPECT_EQ(count_rows(*db), static_cast<std::int64_t>(rows.size()) + 1);
}

TEST(SqliteDatabaseTest, ReadNowSeesOnlyCommittedData) {
  TempDatabase db;
  create_table(*db);
  db->write_now([](Session& s) { insert(s, 1); });
  EXPECT_EQ(ids(*db), std::vector<std::int64_t>{1});
  {
    // The writer holds an open transaction with row 2 in it.
    WriterGate gate(*db, [](Session& s) { insert(s, 2); });
    ASSERT_TRUE(gate.started());
    EXPECT_EQ(ids(*db), std::vector<std::int64_t>{1});
    gate.release();
    EXPECT_EQ(gate.wait(), nullptr);
  }
  EXPECT_EQ(ids(*db), (std::vector<std::int64_t>{1, 2}));
  // A read from another thread uses its own connection and sees the same data.
  std::vector<std::int64_t> seen;
  std::thread([&] { seen = ids(*db); }).join();
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2}));
}

TEST(SqliteDatabaseTest, ReadNowRollsBackOnError) {
  TempDatabase db;
  create_table(*db);
  EXPECT_THROW(db->read_now([](Session& s) {
    s.query_i64("SELECT count(*) FROM t");
    throw std::runtime_error("reader failed");
  }),
               std::runtime_error);
  // The connection is usable again and sees later writes.
  db->write_now([](Session& s) { insert(s, 5); });
  EXPECT_EQ(ids(*db), std::vector<std::int64_t>{5});
}

TEST(SqliteDatabaseTest, QueuedWritesReturnsToZero) {
  TempDatabase db;
  create_table(*db);
  EXPECT_EQ(db->queued_writes(), 0u);
  Outcome a, b, c;
  {
    WriterGate gate(*db);
    ASSERT_TRUE(gate.started());
    EXPECT_EQ(db->queued_writes(), 0u);
    db->submit_write(a.job([](Session& s) { insert(s, 1); }));
    db->submit_write(b.job([](Session& s) { insert(s, 2); }));
    db->submit_write(c.job([](Session& s) { insert(s, 3); }));
    EXPECT_EQ(db->queued_writes(), 3u);
  }
  EXPECT_EQ(a.wait(), nullptr);
  EXPECT_EQ(b.wait(), nullptr);
  EXPECT_EQ(c.wait(), nullptr);
  EXPECT_EQ(db->queued_writes(), 0u);
  EXPECT_EQ(count_rows(*db), 3);
}

TEST(SqliteDatabaseTest, FullQueueIsUnavailable) {
  DatabaseOptions options;
  options.max_queued_writes = 1;
  TempDatabase db(options);
  create_table(*db);
  Outcome queued, later;
  {
    WriterGate gate(*db);
    ASSERT_TRUE(gate.started());
    db->submit_write(queued.job([](Session& s) { insert(s, 1); }));
    EXPECT_EQ(db->queued_writes(), 1u);
    Outcome refused;
    try {
      db->submit_write(refused.job([](Session& s) { insert(s, 2); }));
      ADD_FAILURE() << "submit_write accepted a job past max_queued_writes";
    } catch (const core::ApiError& e) {
      EXPECT_EQ(e.kind(), core::ErrorKind::kUnavailable);
      EXPECT_STREQ(e.what(), "Storage is overloaded; retry later");
    }
    // write_now goes through the same queue.
    try {
      db->write_now([](Session& s) { insert(s, 3); });
      ADD_FAILURE() << "write_now accepted a job past max_queued_writes";
    } catch (const core::ApiError& e) {
      EXPECT_EQ(e.kind(), core::ErrorKind::kUnavailable);
    }
    EXPECT_EQ(db->queued_writes(), 1u);
  }
  EXPECT_EQ(queued.wait(), nullptr);
  EXPECT_EQ(db->queued_writes(), 0u);
  // Once the queue drains, writes are accepted again.
  db->submit_write(later.job([](Session& s) { insert(s, 4); }));
  EXPECT_EQ(later.wait(), nullptr);
  EXPECT_EQ(ids(*db), (std::vector<std::int64_t>{1, 4}));
}

TEST(SqliteDatabaseTest, CloseFinishesQueuedWritesThenRefuses) {
  TempDatabase db;
  create_table(*db);
  Outcome a, b;
  {
    WriterGate gate(*db);
    ASSERT_TRUE(gate.started());
    db->submit_write(a.job([](Session& s) { insert(s, 1); }));
    db->submit_write(b.job([](Session& s) { insert(s, 2); }));
    std::thread closer([&] { db->close(); });
    gate.release();
    closer.join();
  }
  EXPECT_EQ(a.wait(), nullptr);
  EXPECT_EQ(b.wait(), nullptr);
  EXPECT_EQ(ids(*db), (std::vector<std::int64_t>{1, 2}));
  try {
    db->write_now([](Session& s) { insert(s, 3); });
    ADD_FAILURE() << "write_now accepted a job after close()";
  } catch (const core::ApiError& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kUnavailable);
    EXPECT_STREQ(e.what(), "Storage is shutting down");
  }
}

TEST(SqliteDatabaseTest, MigrationsAreAppliedOnce) {
  TempDatabase db;
  std::int64_t applied = -1;
  db->read_now([&](Session& s) {
    applied = s.query_i64("SELECT count(*) FROM schema_migrations").value_or(-1);
  });
  EXPECT_GE(applied, 1);
  std::int64_t tables = -1;
  db->read_now([&](Session& s) {
    tables = s.query_i64(
                  "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                  "'number_sequences'")
                 .value_or(-1);
  });
  EXPECT_EQ(tables, 1);
}

TEST(OpenDatabaseTest, RejectsUnknownUrls) {
  EXPECT_THROW(open_database("sqlite:"), std::runtime_error);
  EXPECT_THROW(open_database("postgres://localhost/db"), std::runtime_error);
  EXPECT_THROW(open_database(""), std::runtime_error);
}

}  // namespace
}  // namespace ov::storage
