#include "storage/postgres/pg_database.hpp"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
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

  explicit PgSession(const std::string& url) : url_(url) { connect(); }
  ~PgSession() override {
    if (conn_) PQfinish(conn_);
  }

  std::string_view backend() const override { return "postgres"; }
  bool healthy() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

  // Re-establishes a lost connection; prepared statements are gone with it.
  void reconnect() {
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    prepared_.clear();
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

  // PostgreSQL's own limit, per statement; reset to none afterwards.
  void limit_time(std::chrono::milliseconds limit) override {
    const std::string sql =
        "SET statement_timeout = " + std::to_string(std::max<std::int64_t>(0, limit.count()));
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
    const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {url_.c_str(), kConnectTimeoutSeconds, "openvenio", nullptr};
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
    throw PgError(sqlstate, msg + " [" + std::string(sql.substr(0, 200)) + "]");
  }

  PGresult* run(std::string_view sql, std::span<const Value> params) {
    if (!healthy()) throw unavailable();
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      std::string text = to_postgres_placeholders(sql);
      PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
      check(res, sql);
      PQclear(res);
      it = prepared_.emplace(std::string(sql), std::move(name)).first;
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
    PGresult* res = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                   values.data(), lengths.data(), formats.data(), 0);
    check(res, sql);
    return res;
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::string url_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> prepared_;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, DatabaseOptions options) : url_(std::move(url)), options_(options) {
    const std::size_t n = std::max<std::size_t>(1, options_.pool_size);
    for (std::size_t i = 0; i < n; ++i) idle_.push_back(std::make_unique<PgSession>(url_));
    migrate();
    for (std::size_t i = 0; i < n; ++i) workers_.emplace_back([this] { worker_loop(); });
  }
  ~PgDatabase() override { close(); }

  std::string_view backend() const override { return "postgres"; }
  bool reads_inline() const override { return false; }

  void read_now(const std::function<void(Session&)>& fn) override { transact(fn, true); }
  void write_now(const std::function<void(Session&)>& fn) override { transact(fn, false); }

  void submit_write(WriteJob job) override { enqueue(std::move(job), false); }
  void submit_read(ReadJob job) override { enqueue(std::move(job), true); }

  std::size_t queued_writes() const override { return queued_.load(std::memory_order_relaxed); }

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
  struct Job {
    WriteJob job;
    bool read_only;
  };

  void enqueue(WriteJob job, bool read_only) {
    {
      std::lock_guard lock(mutex_);
      check_queue_room(stopping_, jobs_.size(), options_.max_queued_writes);
      // Companies take turns for the pool, each company's jobs in arrival order.
      const auto tenant = job.tenant;
      jobs_.push(tenant, {std::move(job), read_only});
      queued_.store(jobs_.size(), std::memory_order_relaxed);
    }
    jobs_cv_.notify_one();
  }

  void worker_loop() {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mutex_);
        jobs_cv_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping and drained
        job = jobs_.pop();
        queued_.store(jobs_.size(), std::memory_order_relaxed);
      }
      std::exception_ptr error;
      try {
        transact(job.job.work, job.read_only);
      } catch (...) {
        error = std::current_exception();
      }
      job.job.done(error);
    }
  }

  std::unique_ptr<PgSession> acquire() {
    std::unique_lock lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !idle_.empty(); });
    auto s = std::move(idle_.back());
    idle_.pop_back();
    return s;
  }

  void release(std::unique_ptr<PgSession> s) {
    {
      std::lock_guard lock(pool_mutex_);
      idle_.push_back(std::move(s));
    }
    pool_cv_.notify_one();
  }

  // Runs fn in one transaction on a pooled connection, retrying serialization failures and
  // re-establishing a connection that was lost. A lost connection fails the request with 503.
  void transact(const std::function<void(Session&)>& fn, bool read_only) {
    auto s = acquire();
    struct Return {
      PgDatabase* db;
      std::unique_ptr<PgSession>& s;
      ~Return() { db->release(std::move(s)); }
    } give_back{this, s};
    if (!s->healthy()) {
      try {
        s->reconnect();
      } catch (const std::exception& e) {
        spdlog::warn("PostgreSQL reconnect failed: {}", e.what());
        throw unavailable();
      }
    }
    for (int attempt = 1;; ++attempt) {
      try {
        if (read_only) {
          // Under READ COMMITTED a transaction would not give a read one snapshot anyway, so
          // reads run statement by statement: one round trip each instead of three.
          fn(*s);
          return;
        }
        s->simple("BEGIN");
        fn(*s);
        s->simple("COMMIT");
        commit_finished(*s, true);
        return;
      } catch (const PgError& e) {
        if (!read_only) rollback(*s);
        commit_finished(*s, false);
        if (e.retryable() && attempt < kMaxAttempts) continue;
        throw;
      } catch (...) {
        if (!read_only) rollback(*s);
        commit_finished(*s, false);
        throw;
      }
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

  std::string url_;
  DatabaseOptions options_;

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<PgSession>> idle_;

  std::mutex mutex_;
  std::condition_variable jobs_cv_;
  FairQueue<Job> jobs_;
  std::atomic<std::size_t> queued_{0};
  bool stopping_ = false;
  std::vector<std::thread> workers_;
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

std::unique_ptr<Database> open_postgres(const std::string& url, const DatabaseOptions& options) {
  return std::make_unique<PgDatabase>(url, options);
}

}  // namespace ov::storage
