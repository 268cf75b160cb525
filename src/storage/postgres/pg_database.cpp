#include "storage/postgres/pg_database.hpp"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
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

// Any key: serialises schema migration across servers starting at once.
constexpr std::int64_t kMigrationLockKey = 7235101;
// Transactions that lose a serialization or deadlock race are run again this many times.
constexpr int kMaxAttempts = 4;
// How long a dead connection's reconnect may take before the request fails with 503; a
// readiness probe must not hang on an unreachable database.
constexpr const char* kConnectTimeoutSeconds = "3";
// A database host that goes silent (powered off, its container stopped, a network partition)
// sends no reset: without these a statement sent to it would wait for the kernel's own
// retransmission timeout, about a quarter of an hour, and its request with it. Sent data
// unacknowledged for 10 s, or an idle connection whose keep-alive probes go unanswered for
// 5 + 3 × 2 s, ends the connection: the request gets its 503 and the connection is replaced.
// A statement that merely runs long is unaffected (the server's kernel acknowledges).
constexpr const char* kTcpUserTimeoutMs = "10000";
constexpr const char* kKeepalivesIdleSeconds = "5";
constexpr const char* kKeepalivesIntervalSeconds = "2";
constexpr const char* kKeepalivesCount = "3";

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::ApiError unavailable() {
  return core::ApiError(core::ErrorKind::kUnavailable, "Storage is unavailable; retry later");
}

// An error PostgreSQL raised for a statement; keeps its SQLSTATE.
class PgError : public std::runtime_error {
 public:
  PgError(std::string sqlstate, const std::string& message)
      : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }
  bool retryable() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }

 private:
  std::string sqlstate_;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

class PgRows final : public RowsImpl {
 public:
  explicit PgRows(PGresult* res) : res_(res), rows_(PQntuples(res)) {}
  ~PgRows() override { PQclear(res_); }
  bool next() override { return ++row_ < rows_; }
  bool is_null(int col) override { return PQgetisnull(res_, row_, col) == 1; }
  std::int64_t i64(int col) override {
    const char* v = PQgetvalue(res_, row_, col);
    if (v[0] == 't' && v[1] == '\0') return 1;  // a boolean expression
    if (v[0] == 'f' && v[1] == '\0') return 0;
    return std::strtoll(v, nullptr, 10);
  }
  double real(int col) override { return std::strtod(PQgetvalue(res_, row_, col), nullptr); }
  std::string_view text(int col) override {
    return {PQgetvalue(res_, row_, col), static_cast<std::size_t>(PQgetlength(res_, row_, col))};
  }
  std::string blob(int col) override {
    // bytea in text format is "\x" followed by hex digits.
    std::string_view hex = text(col);
    std::string out;
    if (hex.size() >= 2 && hex[0] == '\\' && hex[1] == 'x') hex.remove_prefix(2);
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      out.push_back(static_cast<char>(hex_value(hex[i]) * 16 + hex_value(hex[i + 1])));
    }
    return out;
  }

 private:
  PGresult* res_;
  int rows_;
  int row_ = -1;
};

class PgSession final : public Session {
 public:
  using Session::exec;
  using Session::query;

  // `prepare`: named prepared statements, kept per connection (the fastest); without it every
  // statement is sent unnamed, as a connection pooler in transaction mode requires.
  PgSession(const std::string& url, bool prepare) : url_(url), prepare_(prepare) { connect(); }
  ~PgSession() override {
    if (conn_) PQfinish(conn_);
  }

  std::string_view backend() const override { return "postgres"; }
  // False once the connection was lost, or was found on a server that cannot serve it (a
  // standby, one shutting down): the next use connects again, and libpq picks a host that
  // fits the URL (target_session_attrs=read-write after a failover).
  bool healthy() const { return conn_ && !stale_ && PQstatus(conn_) == CONNECTION_OK; }

  // Re-establishes a lost connection; prepared statements are gone with it.
  void reconnect() {
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    prepared_.clear();
    limit_transaction_ = false;
    stale_ = false;
    connect();
  }

  void simple(const char* sql) {
    PGresult* res = PQexec(conn_, sql);
    check(res, sql);
    PQclear(res);
  }

  Rows query(std::string_view sql, std::span<const Value> params) override {
    return Rows(std::make_unique<PgRows>(run(sql, params)));
  }

  // PostgreSQL's own limit, per statement, set with SET LOCAL so that it ends with its
  // transaction: behind a pooler in transaction mode the server connection goes to another
  // client afterwards, which must not inherit it. A read (which otherwise runs statement by
  // statement) is given a transaction of its own for the time of the limit.
  void limit_time(std::chrono::milliseconds limit) override {
    if (limit.count() > 0) {
      if (PQtransactionStatus(conn_) == PQTRANS_IDLE) {
        simple("BEGIN");
        limit_transaction_ = true;
      }
      std::string sql = "SET LOCAL statement_timeout = ";
      sql.append(std::to_string(limit.count()));
      simple(sql.c_str());
      return;
    }
    // Lifting the limit runs in TimeLimit's destructor, also while a TimeLimitExceeded unwinds:
    // it never throws, and a transaction that failed is rolled back.
    if (!healthy()) {
      limit_transaction_ = false;
      return;
    }
    const bool failed = PQtransactionStatus(conn_) == PQTRANS_INERROR;
    const char* sql = limit_transaction_ ? (failed ? "ROLLBACK" : "COMMIT")
                      : failed           ? nullptr
                                         : "SET LOCAL statement_timeout = 0";
    limit_transaction_ = false;
    if (sql) PQclear(PQexec(conn_, sql));
  }

  bool accepts_writes() override {
    return query_i64(
               "SELECT CASE WHEN current_setting('transaction_read_only') = 'off' THEN 1 "
               "ELSE 0 END")
               .value_or(0) == 1;
  }

  void savepoint(SavepointStep step, std::string_view name) override {
    std::string sql = step == SavepointStep::kBegin     ? "SAVEPOINT "
                      : step == SavepointStep::kRelease ? "RELEASE SAVEPOINT "
                                                        : "ROLLBACK TO SAVEPOINT ";
    sql.append(name);
    simple(sql.c_str());
  }

  std::int64_t exec(std::string_view sql, std::span<const Value> params) override {
    PGresult* res = run(sql, params);
    std::int64_t n = std::strtoll(PQcmdTuples(res), nullptr, 10);
    PQclear(res);
    return n;
  }

 private:
  void connect() {
    // Defaults first: what the URL names (expanded from dbname, last) takes precedence.
    const char* keys[] = {"connect_timeout",
                          "application_name",
                          "keepalives",
                          "keepalives_idle",
                          "keepalives_interval",
                          "keepalives_count",
                          "tcp_user_timeout",
                          "dbname",
                          nullptr};
    const char* values[] = {kConnectTimeoutSeconds,
                            "openvenio",
                            "1",
                            kKeepalivesIdleSeconds,
                            kKeepalivesIntervalSeconds,
                            kKeepalivesCount,
                            kTcpUserTimeoutMs,
                            url_.c_str(),
                            nullptr};
    conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
      if (conn_) PQfinish(conn_);
      conn_ = nullptr;
      throw std::runtime_error("cannot connect to PostgreSQL: " + msg);
    }
    // Server notices (e.g. "already exists, skipping") are not errors; keep them off stderr.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    PGresult* res = PQexec(conn_, "SET TIME ZONE 'UTC'");
    PQclear(res);
  }

  void check(PGresult* res, std::string_view sql) {
    const auto status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "";
    std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    if (res) PQclear(res);
    if (!healthy()) throw unavailable();
    if (sqlstate == "23505") throw UniqueViolation();
    // query_canceled: only statement_timeout cancels our statements (limit_time).
    if (sqlstate == "57014") throw TimeLimitExceeded();
    // The server cannot take this connection's work now: a standby refusing a write (25006,
    // e.g. the old primary demoted, or a failover not yet seen), a server shutting down or
    // starting (57P01-57P03), a connection failure (class 08). Passing conditions: 503, and
    // the connection is replaced on its next use.
    if (sqlstate == "25006" || sqlstate.starts_with("08") || sqlstate == "57P01" ||
        sqlstate == "57P02" || sqlstate == "57P03") {
      stale_ = true;
      throw unavailable();
    }
    throw PgError(sqlstate, msg + " [" + std::string(sql.substr(0, 200)) + "]");
  }

  PGresult* run(std::string_view sql, std::span<const Value> params) {
    if (!healthy()) throw unavailable();
    // Prepared: the statement's name; unnamed: its text with $n placeholders.
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string text = to_postgres_placeholders(sql);
      if (prepare_) {
        std::string name = "s";
        name.append(std::to_string(prepared_.size()));
        PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
        check(res, sql);
        PQclear(res);
        text = std::move(name);
      }
      it = prepared_.emplace(std::string(sql), std::move(text)).first;
    }
    // Text-format parameters; the server infers each one's type from where it is used.
    std::vector<std::string> owned(params.size());
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size()), formats(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) {
        values[i] = nullptr;
      } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
        owned[i] = std::to_string(*n);
        values[i] = owned[i].c_str();
      } else if (const auto* d = std::get_if<double>(&v)) {
        // 17 significant digits round-trip every double exactly (std::to_string keeps 6
        // decimals, which moves coordinates).
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        owned[i] = buf;
        values[i] = owned[i].c_str();
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        values[i] = b->bytes.data();
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = 1;  // binary: bytea takes the bytes as they are
      } else {
        owned[i] = std::string(std::get<std::string_view>(v));
        values[i] = owned[i].c_str();
      }
    }
    const int n = static_cast<int>(params.size());
    PGresult* res = prepare_ ? PQexecPrepared(conn_, it->second.c_str(), n, values.data(),
                                              lengths.data(), formats.data(), 0)
                             : PQexecParams(conn_, it->second.c_str(), n, nullptr, values.data(),
                                            lengths.data(), formats.data(), 0);
    check(res, sql);
    return res;
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::string url_;
  bool prepare_ = true;
  PGconn* conn_ = nullptr;
  // By the statement as repositories write it: its prepared name, or its PostgreSQL text.
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> prepared_;
  // True while a transaction limit_time began is open.
  bool limit_transaction_ = false;
  // Set when the server answered that it cannot serve this connection (see check()).
  bool stale_ = false;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(PgUrl url, DatabaseOptions options)
      : url_(std::move(url)),
        options_(options),
        pool_size_(std::max<std::size_t>(1, options_.pool_size)),
        // Half the pool at most runs write batches, so reads always find connections; with a
        // pool of one, its connection takes both in turn.
        max_batches_(std::max<std::size_t>(1, pool_size_ / 2)) {
    for (std::size_t i = 0; i < pool_size_; ++i) {
      idle_.push_back(std::make_unique<PgSession>(url_.libpq, url_.prepared_statements));
    }
    migrate();
    for (std::size_t i = 0; i < pool_size_; ++i) workers_.emplace_back([this] { worker_loop(); });
  }
  ~PgDatabase() override { close(); }

  std::string_view backend() const override { return "postgres"; }
  bool reads_inline() const override { return false; }

  void read_now(const std::function<void(Session&)>& fn) override { transact(fn, true); }
  void write_now(const std::function<void(Session&)>& fn) override { transact(fn, false); }

  void submit_write(WriteJob job) override { enqueue(std::move(job), true); }
  void submit_read(ReadJob job) override { enqueue(std::move(job), false); }

  std::size_t queued_writes() const override { return queued_.load(std::memory_order_relaxed); }

  StorageStats stats() const override {
    StorageStats out;
    counters_.fill(out);
    out.pool_connections = pool_size_;
    out.pool_in_use = in_use_.load(std::memory_order_relaxed);
    return out;
  }

  void close() override {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
    }
    jobs_cv_.notify_all();
    for (auto& t : workers_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  void enqueue(WriteJob job, bool write) {
    {
      std::lock_guard lock(mutex_);
      // Reads and writes share one bound, as they share the pool.
      check_queue_room(stopping_, reads_.size() + writes_.size(), options_.max_queued_writes);
      // Companies take turns, each company's jobs in arrival order.
      const auto tenant = job.tenant;
      (write ? writes_ : reads_).push(tenant, std::move(job));
      queued_.store(writes_.size(), std::memory_order_relaxed);
    }
    jobs_cv_.notify_one();
  }

  // Each storage thread takes either one read or, while fewer than max_batches_ batches run,
  // every queued write up to max_group_size as one batch: writes that arrive while a batch
  // commits wait for the next one, so a burst of writes costs a few commits instead of one each.
  void worker_loop() {
    std::vector<WriteJob> batch;
    for (;;) {
      std::optional<ReadJob> read;
      {
        std::unique_lock lock(mutex_);
        const auto can_batch = [&] { return !writes_.empty() && batches_running_ < max_batches_; };
        jobs_cv_.wait(lock, [&] {
          return !reads_.empty() || can_batch() || (stopping_ && reads_.empty() && writes_.empty());
        });
        if (can_batch()) {
          while (!writes_.empty() && batch.size() < options_.max_group_size) {
            batch.push_back(writes_.pop());
          }
          ++batches_running_;
        } else if (!reads_.empty()) {
          read.emplace(reads_.pop());
        } else {
          return;  // stopping and drained
        }
        queued_.store(writes_.size(), std::memory_order_relaxed);
      }
      if (read) {
        std::exception_ptr error;
        try {
          transact(read->work, true);
        } catch (...) {
          error = std::current_exception();
        }
        read->done(error);
        continue;
      }
      std::vector<std::exception_ptr> results;
      run_batch(batch, results);
      {
        std::lock_guard lock(mutex_);
        --batches_running_;
      }
      // A batch may start now; a stopping worker may find the queues drained.
      jobs_cv_.notify_all();
      for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done(results[i]);
      batch.clear();
    }
  }

  std::unique_ptr<PgSession> acquire() {
    std::unique_lock lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !idle_.empty(); });
    auto s = std::move(idle_.back());
    idle_.pop_back();
    in_use_.fetch_add(1, std::memory_order_relaxed);
    return s;
  }

  void release(std::unique_ptr<PgSession> s) {
    {
      std::lock_guard lock(pool_mutex_);
      idle_.push_back(std::move(s));
      in_use_.fetch_sub(1, std::memory_order_relaxed);
    }
    pool_cv_.notify_one();
  }

  // A pooled connection for the life of this object, re-established first when it was lost.
  struct Lease {
    PgDatabase& db;
    std::unique_ptr<PgSession> s;
    explicit Lease(PgDatabase& d) : db(d), s(d.acquire()) {}
    ~Lease() { db.release(std::move(s)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    // Throws the 503 error when the database cannot be reached.
    PgSession& ready() {
      if (!s->healthy()) {
        try {
          s->reconnect();
        } catch (const std::exception& e) {
          spdlog::warn("PostgreSQL reconnect failed: {}", e.what());
          throw unavailable();
        }
      }
      return *s;
    }
  };

  // Runs fn in one transaction on a pooled connection, retrying serialization failures and
  // re-establishing a connection that was lost. A lost connection fails the request with 503.
  void transact(const std::function<void(Session&)>& fn, bool read_only) {
    Lease lease(*this);
    auto& s = lease.ready();
    for (int attempt = 1;; ++attempt) {
      try {
        if (read_only) {
          // Under READ COMMITTED a transaction would not give a read one snapshot anyway, so
          // reads run statement by statement: one round trip each instead of three.
          fn(s);
          return;
        }
        s.simple("BEGIN");
        fn(s);
        s.simple("COMMIT");
        commit_finished(s, true);
        counters_.committed(1);
        return;
      } catch (const PgError& e) {
        if (!read_only) rollback(s);
        commit_finished(s, false);
        if (e.retryable() && attempt < kMaxAttempts) {
          counters_.retried();
          continue;
        }
        throw;
      } catch (...) {
        if (!read_only) rollback(s);
        commit_finished(s, false);
        throw;
      }
    }
  }

  // One transaction for the whole batch, each job inside its own savepoint so that a failing
  // job leaves no trace and does not take the others down (as the SQLite writer does). A
  // serialization or deadlock failure ends the transaction's chances (its locks are what the
  // other side waits for): the batch is rolled back and runs again, up to kMaxAttempts times.
  // A lost connection fails the jobs not yet failed with 503. Every job is thus reported done
  // exactly when its work is committed.
  void run_batch(std::vector<WriteJob>& batch, std::vector<std::exception_ptr>& results) {
    results.assign(batch.size(), nullptr);
    const auto fail_pending = [&](const std::exception_ptr& e) {
      for (auto& r : results) {
        if (!r) r = e;
      }
    };
    // Jobs in company order: batches running at once take the companies' sequence rows in the
    // same order, so they wait for each other instead of deadlocking.
    std::stable_sort(batch.begin(), batch.end(),
                     [](const WriteJob& a, const WriteJob& b) { return a.tenant < b.tenant; });
    // A job alone needs no savepoint: its failure rolls back the transaction, which is its own.
    const bool savepoints = batch.size() > 1;
    try {
      Lease lease(*this);
      auto& s = lease.ready();
      for (int attempt = 1;; ++attempt) {
        std::vector<std::exception_ptr> round(batch.size());
        try {
          s.simple("BEGIN");
          for (std::size_t i = 0; i < batch.size(); ++i) {
            if (results[i]) continue;
            if (savepoints) s.simple("SAVEPOINT job");
            try {
              batch[i].work(s);
            } catch (const PgError& e) {
              if (e.retryable() || !savepoints) throw;
              round[i] = std::current_exception();
            } catch (const core::ApiError& e) {
              // A lost connection (503) ends the batch; any other error is the job's own.
              if (!s.healthy() || !savepoints) throw;
              round[i] = std::current_exception();
            } catch (...) {
              if (!s.healthy() || !savepoints) throw;
              round[i] = std::current_exception();
            }
            if (savepoints)
              s.simple(round[i] ? "ROLLBACK TO SAVEPOINT job" : "RELEASE SAVEPOINT job");
          }
          s.simple("COMMIT");
        } catch (const PgError& e) {
          rollback(s);
          commit_finished(s, false);
          if (e.retryable() && attempt < kMaxAttempts) {
            counters_.retried();
            continue;
          }
          throw;
        } catch (...) {
          rollback(s);
          commit_finished(s, false);
          throw;
        }
        commit_finished(s, true);
        std::uint64_t committed = 0;
        for (std::size_t i = 0; i < batch.size(); ++i) {
          if (results[i]) continue;
          results[i] = round[i];
          committed += round[i] ? 0 : 1;
        }
        counters_.committed(committed);
        return;
      }
    } catch (...) {
      fail_pending(std::current_exception());
    }
  }

  static void rollback(PgSession& s) {
    if (!s.healthy()) return;
    try {
      s.simple("ROLLBACK");
    } catch (...) {
    }
  }

  void migrate() {
    write_now([this](Session& session) {
      auto& s = static_cast<PgSession&>(session);
      // Held until this transaction ends: a second server starting now waits, then finds the
      // migrations applied.
      s.query_i64("SELECT 1 FROM pg_advisory_xact_lock(?)", {kMigrationLockKey});
      s.simple(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT "
          "NULL, applied_at BIGINT NOT NULL)");
      for (const auto& m : postgres_migrations()) {
        if (options_.schema_version > 0 && m.version > options_.schema_version) break;
        if (s.query_i64("SELECT 1 FROM schema_migrations WHERE version = ?",
                        {std::int64_t{m.version}})) {
          continue;
        }
        std::string sql(m.sql);
        s.simple(sql.c_str());
        s.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
               {std::int64_t{m.version}, m.name, unix_now()});
      }
    });
  }

  PgUrl url_;
  DatabaseOptions options_;
  const std::size_t pool_size_;
  const std::size_t max_batches_;

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<PgSession>> idle_;
  std::atomic<std::size_t> in_use_{0};

  std::mutex mutex_;
  std::condition_variable jobs_cv_;
  FairQueue<ReadJob> reads_;
  FairQueue<WriteJob> writes_;
  std::size_t batches_running_ = 0;
  std::atomic<std::size_t> queued_{0};
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  BatchCounters counters_;
};

}  // namespace

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

PgUrl parse_pg_url(std::string_view url) {
  PgUrl out;
  const auto q = url.find('?');
  out.libpq = std::string(url.substr(0, q));
  if (q == std::string_view::npos) return out;
  constexpr std::string_view kOption = "prepared_statements=";
  std::string rest;
  std::string_view query = url.substr(q + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (param.starts_with(kOption)) {
      const auto value = param.substr(kOption.size());
      if (value != "on" && value != "off") {
        throw std::runtime_error("prepared_statements in the database URL must be on or off");
      }
      out.prepared_statements = value == "on";
      continue;
    }
    if (param.empty()) continue;
    rest.append(rest.empty() ? "?" : "&");
    rest.append(param);
  }
  out.libpq.append(rest);
  return out;
}

std::unique_ptr<Database> open_postgres(const std::string& url, const DatabaseOptions& options) {
  return std::make_unique<PgDatabase>(parse_pg_url(url), options);
}

}  // namespace ov::storage
