#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "storage/batch_counters.hpp"
#include "storage/fair_queue.hpp"
#include "storage/migrations.hpp"

namespace ov::storage {

namespace {

// How long a connection waits for another process's lock before failing: long enough to ride
// out a checkpoint or a second server's migration, short enough to surface a stuck writer.
constexpr int kBusyTimeoutMs = 10000;

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : "out of memory";
  throw std::runtime_error(msg);
}

class SqliteRows final : public RowsImpl {
 public:
  SqliteRows(sqlite3* db, sqlite3_stmt* stmt, bool owned) : db_(db), stmt_(stmt), owned_(owned) {}
  ~SqliteRows() override {
    if (owned_) {
      sqlite3_finalize(stmt_);
    } else {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }
  bool next() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
      throw UniqueViolation();
    }
    // Only a session's time limit interrupts a statement (Session::limit_time).
    if (rc == SQLITE_INTERRUPT) throw TimeLimitExceeded();
    fail(db_, "query failed");
  }
  bool is_null(int col) override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::int64_t i64(int col) override { return sqlite3_column_int64(stmt_, col); }
  double real(int col) override { return sqlite3_column_double(stmt_, col); }
  std::string_view text(int col) override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string_view(p, static_cast<std::size_t>(n)) : std::string_view();
  }
  std::string blob(int col) override {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::string(p, static_cast<std::size_t>(n)) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool owned_;
};

class SqliteSession final : public Session {
 public:
  using Session::exec;
  using Session::query;
  SqliteSession(const std::string& path, bool read_only) {
    int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;  // each connection is used by one thread at a time
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = "cannot open database " + path;
      auto* db = db_;
      db_ = nullptr;
      if (db) {
        msg += ": ";
        msg += sqlite3_errmsg(db);
        sqlite3_close(db);
      }
      throw std::runtime_error(msg);
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db_, 1);
    if (!read_only) {
      // WAL lets readers run beside the writer; synchronous=FULL fsyncs the log at every commit
      // so an acknowledged write survives power loss.
      exec_plain("PRAGMA journal_mode=WAL");
      exec_plain("PRAGMA synchronous=FULL");
      // The writer's page cache, 128 MiB (SQLite's default is 2 MiB): a group of writes
      // changes index pages all over large indexes (a deal's keyword trigrams land in some 30
      // places), and pages that fit stay dirty in memory until the commit instead of spilling
      // to the log mid-transaction. One writer connection per database bounds the memory.
      exec_plain("PRAGMA cache_size=-131072");
      // Each job's savepoint journals the pages it first changes; past a small size SQLite
      // spills that journal to a file in /var/tmp, a pwrite per page on the writer's critical
      // path. In memory it is bounded by one group's changed pages, which the cache above holds
      // anyway.
      exec_plain("PRAGMA temp_store=MEMORY");
    }
    exec_plain("PRAGMA foreign_keys=ON");
    // Reads map the file instead of copying pages through pread: as much of it as SQLite allows
    // (its build caps the size; 2 GiB in Debian's).
    exec_plain("PRAGMA mmap_size=68719476736");
  }
  std::string_view backend() const override { return "sqlite"; }
  ~SqliteSession() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  void exec_plain(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = std::string(sql) + ": " + (err ? err : "error");
      sqlite3_free(err);
      throw std::runtime_error(msg);
    }
  }

  Rows query(std::string_view sql, std::span<const Value> params) override {
    auto [stmt, owned] = prepare(sql);
    bind(stmt, params);
    return Rows(std::make_unique<SqliteRows>(db_, stmt, owned));
  }

  // The writer connection is always open for writes: a SQLite file has no standby.
  bool accepts_writes() override { return true; }
  void savepoint(SavepointStep step, std::string_view name) override {
    std::string sql = step == SavepointStep::kBegin     ? "SAVEPOINT "
                      : step == SavepointStep::kRelease ? "RELEASE SAVEPOINT "
                                                        : "ROLLBACK TO SAVEPOINT ";
    sql.append(name);
    exec_plain(sql.c_str());
  }

  void limit_time(std::chrono::milliseconds limit) override {
    if (limit.count() <= 0) {
      sqlite3_progress_handler(db_, 0, nullptr, nullptr);
      return;
    }
    deadline_ = std::chrono::steady_clock::now() + limit;
    // Checked every few thousand virtual-machine steps: a few microseconds apart.
    sqlite3_progress_handler(
        db_, 4096,
        [](void* self) -> int {
          return std::chrono::steady_clock::now() > static_cast<SqliteSession*>(self)->deadline_;
        },
        this);
  }

  std::int64_t exec(std::string_view sql, std::span<const Value> params) override {
    {
      Rows rows = query(sql, params);
      while (rows.next()) {
      }
    }
    return sqlite3_changes64(db_);
  }

  sqlite3* handle() { return db_; }

 private:
  std::pair<sqlite3_stmt*, bool> prepare(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) {
      // A statement still stepping (a cursor open on the same SQL) gets a private copy.
      if (!sqlite3_stmt_busy(it->second)) return {it->second, false};
      return {compile(sql), true};
    }
    sqlite3_stmt* stmt = compile(sql);
    cache_.emplace(std::string(sql), stmt);
    return {stmt, false};
  }

  sqlite3_stmt* compile(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK) {
      fail(db_, "prepare failed for: " + std::string(sql));
    }
    return stmt;
  }

  void bind(sqlite3_stmt* stmt, std::span<const Value> params) {
    int i = 1;
    for (const auto& v : params) {
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(stmt, i);
      } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, i, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, i, *d);
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        rc = sqlite3_bind_blob64(stmt, i, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
      } else {
        const auto& s = std::get<std::string_view>(v);
        rc = sqlite3_bind_text64(stmt, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) fail(db_, "bind failed");
      ++i;
    }
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> cache_;
  std::chrono::steady_clock::time_point deadline_;
};

std::atomic<std::uint64_t> g_next_instance{1};

// Background compaction of full-text indexes (compact_step): how long the writer must have
// had nothing to do first, and how many pages one step may write (a few milliseconds).
constexpr auto kIdleBeforeCompaction = std::chrono::milliseconds(50);
constexpr std::int64_t kCompactionPages = 64;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, DatabaseOptions options)
      : path_(std::move(path)), options_(options), instance_(g_next_instance++) {
    writer_conn_ = std::make_unique<SqliteSession>(path_, false);
    migrate();
    find_full_text_indexes();
    writer_ = std::thread([this] { writer_loop(); });
    std::size_t n = options_.read_threads;
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t i = 0; i < n; ++i) read_threads_.emplace_back([this] { read_loop(); });
  }
  ~SqliteDatabase() override { close(); }

  std::string_view backend() const override { return "sqlite"; }

  void read_now(const std::function<void(Session&)>& fn) override {
    // One read transaction per call: every query of a request sees the same snapshot, and the
    // WAL read lock is taken once instead of once per statement.
    auto& r = reader();
    r.exec("BEGIN");
    try {
      fn(r);
    } catch (...) {
      r.exec("ROLLBACK");
      throw;
    }
    r.exec("COMMIT");
  }

  void write_now(const std::function<void(Session&)>& fn) override {
    // Goes through the writer so that it never races the group commits.
    std::mutex m;
    std::condition_variable cv;
    bool finished = false;
    std::exception_ptr error;
    WriteJob job{[&](Session& s) { fn(s); },
                 [&](std::exception_ptr e) {
                   std::lock_guard lock(m);
                   error = e;
                   finished = true;
                   cv.notify_one();
                 }};
    submit_write(std::move(job));
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return finished; });
    if (error) std::rethrow_exception(error);
  }

  void submit_write(WriteJob job) override {
    {
      std::lock_guard lock(mutex_);
      check_queue_room(stopping_, queue_.size(), options_.max_queued_writes);
      queue_.push_back(std::move(job));
      queued_.store(queue_.size(), std::memory_order_relaxed);
    }
    cv_.notify_one();
  }

  // Reads that should not hold up an I/O thread: run by the read threads, each on its own
  // read connection; companies take turns, each company's reads in arrival order.
  void submit_read(ReadJob job) override {
    {
      std::lock_guard lock(read_mutex_);
      check_queue_room(read_stopping_, read_queue_.size(), options_.max_queued_reads);
      const auto tenant = job.tenant;
      read_queue_.push(tenant, std::move(job));
    }
    read_cv_.notify_one();
  }

  std::size_t queued_writes() const override { return queued_.load(std::memory_order_relaxed); }
  StorageStats stats() const override {
    StorageStats out;
    counters_.fill(out);
    return out;
  }
  bool compacting() const override { return compaction_pending_.load(std::memory_order_relaxed); }

  void close() override {
    // Queued reads finish first (they answer requests), then queued writes.
    {
      std::lock_guard lock(read_mutex_);
      read_stopping_ = true;
    }
    read_cv_.notify_all();
    for (auto& t : read_threads_) {
      if (t.joinable()) t.join();
    }
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_one();
    if (writer_.joinable()) writer_.join();
  }

 private:
  SqliteSession& reader() {
    // One read connection per thread per database; connections are owned here so they close
    // with the database, and looked up without a lock on the hot path.
    struct Slot {
      std::uint64_t instance;
      SqliteSession* session;
    };
    thread_local std::vector<Slot> slots;
    for (const auto& s : slots) {
      if (s.instance == instance_) return *s.session;
    }
    auto session = std::make_unique<SqliteSession>(path_, true);
    SqliteSession* raw = session.get();
    {
      std::lock_guard lock(readers_mutex_);
      readers_.push_back(std::move(session));
    }
    slots.push_back({instance_, raw});
    return *raw;
  }

  // Migrations run with foreign-key enforcement off, as SQLite's procedure for changing a
  // table's definition asks (a table is rebuilt under a new name and renamed back, which
  // enforcement would refuse midway); before committing, every foreign key is checked, so a
  // migration that breaks one fails and changes nothing.
  void migrate() {
    auto& s = *writer_conn_;
    // The pragma has no effect inside a transaction: it is set before the transaction begins.
    s.exec_plain("PRAGMA foreign_keys=OFF");
    struct Restore {
      SqliteSession& s;
      ~Restore() {
        try {
          s.exec_plain("PRAGMA foreign_keys=ON");
        } catch (...) {
        }
      }
    } restore{s};
    s.exec_plain("BEGIN IMMEDIATE");
    try {
      s.exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT "
          "NOT NULL, applied_at INTEGER NOT NULL)");
      for (const auto& m : sqlite_migrations()) {
        if (options_.schema_version > 0 && m.version > options_.schema_version) break;
        if (s.query_i64("SELECT 1 FROM schema_migrations WHERE version = ?",
                        {std::int64_t{m.version}})) {
          continue;
        }
        std::string sql(m.sql);
        s.exec_plain(sql.c_str());
        s.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
               {std::int64_t{m.version}, m.name, unix_now()});
      }
      if (auto broken = s.query("PRAGMA foreign_key_check"); broken.next()) {
        throw std::runtime_error("a migration broke a foreign key of table " + broken.str(0));
      }
      s.exec_plain("COMMIT");
    } catch (...) {
      s.exec_plain("ROLLBACK");
      throw;
    }
  }

  void read_loop() {
    for (;;) {
      ReadJob job;
      {
        std::unique_lock lock(read_mutex_);
        read_cv_.wait(lock, [&] { return read_stopping_ || !read_queue_.empty(); });
        if (read_queue_.empty()) return;  // stopping and drained
        job = read_queue_.pop();
      }
      std::exception_ptr error;
      try {
        read_now(job.work);
      } catch (...) {
        error = std::current_exception();
      }
      job.done(error);
    }
  }

  void writer_loop() {
    std::vector<WriteJob> batch;
    std::vector<std::exception_ptr> results;
    for (;;) {
      bool idle = false;
      {
        std::unique_lock lock(mutex_);
        const auto ready = [&] { return stopping_ || !queue_.empty(); };
        if (compaction_pending_.load(std::memory_order_relaxed)) {
          // Steps follow each other without a pause once the writer has been idle.
          idle = !cv_.wait_until(lock, last_write_ + kIdleBeforeCompaction, ready);
        } else {
          cv_.wait(lock, ready);
        }
        if (!idle) {
          if (queue_.empty() && stopping_) return;
          while (!queue_.empty() && batch.size() < options_.max_group_size) {
            batch.push_back(std::move(queue_.front()));
            queue_.pop_front();
          }
          queued_.store(queue_.size(), std::memory_order_relaxed);
        }
      }
      if (idle) {
        compaction_pending_.store(compact_step(), std::memory_order_relaxed);
        continue;
      }
      run_group(batch, results);
      for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done(results[i]);
      batch.clear();
      last_write_ = std::chrono::steady_clock::now();
      if (!fts_tables_.empty()) compaction_pending_.store(true, std::memory_order_relaxed);
    }
  }

  // The FTS5 tables of the schema, compacted by compact_step.
  void find_full_text_indexes() {
    auto rows = writer_conn_->query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND (sql LIKE 'CREATE VIRTUAL "
        "TABLE % USING fts5(%' OR sql LIKE 'CREATE VIRTUAL TABLE % USING fts5 (%') ORDER BY name");
    while (rows.next()) fts_tables_.push_back(rows.str(0));
    compaction_pending_.store(!fts_tables_.empty(), std::memory_order_relaxed);
  }

  // Full-text indexes grow by one segment per transaction that writes them, and FTS5 merges
  // segments only in part as it goes: a query reads every segment, and after a day of writes
  // it reads several per term. Once no write has come for kIdleBeforeCompaction, the writer
  // merges them towards a single segment per index in steps of kCompactionPages pages, each a
  // short transaction (a write that arrives meanwhile waits milliseconds and goes first), until
  // a step finds nothing to merge. Returns whether there is more to do. A failure (e.g. a full
  // disk) leaves the index as it is until the next write.
  bool compact_step() {
    auto& s = *writer_conn_;
    bool more = false;
    for (const auto& table : fts_tables_) {
      try {
        s.exec_plain("BEGIN IMMEDIATE");
        const auto before = s.query_i64("SELECT total_changes()").value_or(0);
        s.exec("INSERT INTO \"" + table + "\" (\"" + table + "\", rank) VALUES ('merge', ?)",
               {-kCompactionPages});
        // The command itself counts as one change; more means segments were merged.
        const bool merged = s.query_i64("SELECT total_changes()").value_or(0) - before > 1;
        more = more || merged;
        s.exec_plain("COMMIT");
      } catch (...) {
        if (!sqlite3_get_autocommit(s.handle())) {
          try {
            s.exec_plain("ROLLBACK");
          } catch (...) {
          }
        }
        return false;
      }
    }
    return more;
  }

  // One transaction for the whole group; each job inside its own savepoint so a failing job
  // leaves no trace and does not take the others down. Some failures (a full disk, an I/O
  // error, a constraint with ON CONFLICT ROLLBACK) end the whole transaction instead: then the
  // failed job keeps its error and the jobs before it, whose work was rolled back with it, run
  // again in a new transaction. Every job is thus reported done exactly when its work is
  // committed.
  void run_group(std::vector<WriteJob>& batch, std::vector<std::exception_ptr>& results) {
    results.assign(batch.size(), nullptr);
    auto& s = *writer_conn_;
    const auto unavailable = [](const char* why) {
      return std::make_exception_ptr(core::ApiError(core::ErrorKind::kUnavailable, why));
    };
    const auto fail_pending = [&](const std::exception_ptr& e) {
      for (auto& r : results) {
        if (!r) r = e;
      }
    };
    // Each round either commits or removes one job from the group, so this ends.
    for (;;) {
      try {
        s.exec_plain("BEGIN IMMEDIATE");
      } catch (...) {
        fail_pending(unavailable("Storage is unavailable"));
        return;
      }
      bool aborted = false;
      // Whether a job that stays in this transaction asked for a commit notice: one rolled back
      // alone takes its request with it.
      bool notice = false;
      for (std::size_t i = 0; i < batch.size() && !aborted; ++i) {
        if (results[i]) continue;
        try {
          s.take_commit_notice();
          s.exec_plain("SAVEPOINT job");
          batch[i].work(s);
          s.exec_plain("RELEASE job");
          notice = s.take_commit_notice() || notice;
        } catch (...) {
          s.take_commit_notice();
          results[i] = std::current_exception();
          if (sqlite3_get_autocommit(s.handle())) {
            aborted = true;  // the transaction is gone
          } else {
            try {
              s.exec_plain("ROLLBACK TO job");
              s.exec_plain("RELEASE job");
            } catch (...) {
              aborted = true;
            }
          }
        }
      }
      if (aborted) {
        if (!sqlite3_get_autocommit(s.handle())) {
          try {
            s.exec_plain("ROLLBACK");
          } catch (...) {
          }
        }
        // The jobs that run again ask again.
        counters_.retried();
        continue;
      }
      try {
        s.exec_plain("COMMIT");
        counters_.committed(static_cast<std::uint64_t>(
            std::count(results.begin(), results.end(), std::exception_ptr())));
      } catch (...) {
        try {
          s.exec_plain("ROLLBACK");
        } catch (...) {
        }
        fail_pending(unavailable("Storage could not commit the write"));
        return;
      }
      if (notice) notify_commit_listener();
      return;
    }
  }

  std::string path_;
  DatabaseOptions options_;
  std::uint64_t instance_;
  std::unique_ptr<SqliteSession> writer_conn_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<SqliteSession>> readers_;

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<WriteJob> queue_;
  std::atomic<std::size_t> queued_{0};
  bool stopping_ = false;
  std::vector<std::string> fts_tables_;

  std::mutex read_mutex_;
  std::condition_variable read_cv_;
  FairQueue<ReadJob> read_queue_;
  bool read_stopping_ = false;
  std::vector<std::thread> read_threads_;
  std::atomic<bool> compaction_pending_{false};
  BatchCounters counters_;
  std::chrono::steady_clock::time_point last_write_ = std::chrono::steady_clock::now();
  std::thread writer_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, const DatabaseOptions& options) {
  static std::once_flag configured;
  std::call_once(configured, [] {
    // Memory statistics take a process-wide mutex on every allocation, which the reader
    // threads would contend on; nothing here reads the statistics.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
  return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace ov::storage
