// The storage interface every module uses. Repositories write SQL with `?` placeholders that
// runs unchanged on each backend; a backend adapts the dialect where it must.
#pragma once

#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace ov::storage {

// Raw bytes for a BLOB/BYTEA column (text columns take std::string_view).
struct Blob {
  std::string_view bytes;
};

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string_view, Blob>;

// A cursor over a query's rows. Columns are 0-based. Text views stay valid until next().
class RowsImpl {
 public:
  virtual ~RowsImpl() = default;
  virtual bool next() = 0;
  virtual bool is_null(int col) = 0;
  virtual std::int64_t i64(int col) = 0;
  virtual double real(int col) = 0;
  virtual std::string_view text(int col) = 0;
  virtual std::string blob(int col) = 0;
};

class Rows {
 public:
  explicit Rows(std::unique_ptr<RowsImpl> impl) : impl_(std::move(impl)) {}
  bool next() { return impl_->next(); }
  bool is_null(int col) { return impl_->is_null(col); }
  std::int64_t i64(int col) { return impl_->i64(col); }
  double real(int col) { return impl_->real(col); }
  std::string_view text(int col) { return impl_->text(col); }
  std::string str(int col) { return std::string(impl_->text(col)); }
  std::string blob(int col) { return impl_->blob(col); }
  std::optional<std::int64_t> opt_i64(int col) {
    if (is_null(col)) return std::nullopt;
    return i64(col);
  }
  std::optional<std::string> opt_str(int col) {
    if (is_null(col)) return std::nullopt;
    return str(col);
  }

 private:
  std::unique_ptr<RowsImpl> impl_;
};

// One connection's view, inside a transaction when given to a write job.
class Session {
 public:
  virtual ~Session() = default;
  // "sqlite" or "postgres", as Database::backend(): for the few statements (such as keyword
  // search) whose best form differs between backends.
  virtual std::string_view backend() const = 0;
  // Whether another transaction may write while this one runs (PostgreSQL), so that locks
  // must decide the order of two writes; SQLite's one writer runs one write at a time.
  bool concurrent_writers() const { return backend() != "sqlite"; }
  virtual Rows query(std::string_view sql, std::span<const Value> params) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t exec(std::string_view sql, std::span<const Value> params) = 0;

  Rows query(std::string_view sql, std::initializer_list<Value> params = {}) {
    return query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  std::int64_t exec(std::string_view sql, std::initializer_list<Value> params = {}) {
    return exec(sql, std::span<const Value>(params.begin(), params.size()));
  }
  // From now until `limit` has passed, statements of this session stop with
  // TimeLimitExceeded; zero lifts the limit. For reads whose cost the request decides (a broad
  // keyword); see TimeLimit.
  virtual void limit_time(std::chrono::milliseconds limit) = 0;
  // False when the database takes no writes now (a PostgreSQL standby, or a server in
  // read-only mode); for /readyz.
  virtual bool accepts_writes() = 0;
  // Savepoints inside a write job, for the parts of one job that must fail alone (one product
  // of a batch): SAVEPOINT, RELEASE SAVEPOINT or ROLLBACK TO SAVEPOINT `name` (a plain
  // identifier). storage::Savepoint is the way to use them.
  enum class SavepointStep { kBegin, kRelease, kRollback };
  virtual void savepoint(SavepointStep step, std::string_view name) = 0;

  // First column of the first row, if any.
  std::optional<std::int64_t> query_i64(std::string_view sql,
                                        std::initializer_list<Value> params = {}) {
    Rows r = query(sql, params);
    if (!r.next() || r.is_null(0)) return std::nullopt;
    return r.i64(0);
  }

  // Asks for the database's commit listener (Database::set_commit_listener) to be called once
  // the transaction holding this work has committed: the webhook outbox wakes its delivery
  // worker so, without polling. A job rolled back alone inside a committed group may still
  // cause a call on backends that cannot tell; listeners treat a call as "look again", never
  // as proof of a change.
  void notify_after_commit() { commit_notice_ = true; }
  // Whether a notice was asked for since the last call; clears it (backends, per transaction).
  bool take_commit_notice() { return std::exchange(commit_notice_, false); }

 private:
  bool commit_notice_ = false;
};

// A part of a write job that is kept, or undone alone: what it wrote is undone unless release()
// is called (a failure of the part throws past it). Parts nest.
class Savepoint {
 public:
  Savepoint(Session& s, std::string_view name) : s_(s), name_(name) {
    s_.savepoint(Session::SavepointStep::kBegin, name_);
  }
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint() {
    if (open_) {
      // Undone, and released so that the savepoint does not stay on the stack; a failure here
      // (the transaction itself failed) is the job's to report.
      try {
        s_.savepoint(Session::SavepointStep::kRollback, name_);
        s_.savepoint(Session::SavepointStep::kRelease, name_);
      } catch (...) {
      }
    }
  }
  void release() {
    s_.savepoint(Session::SavepointStep::kRelease, name_);
    open_ = false;
  }

 private:
  Session& s_;
  std::string name_;
  bool open_ = true;
};

// A unit of work for the storage threads; `done` is called exactly once, on a storage thread,
// after the transaction holding `work` committed (nullptr) or failed (the error). Jobs of
// different tenants take turns in the queues (storage/fair_queue.hpp).
struct WriteJob {
  std::function<void(Session&)> work;
  std::function<void(std::exception_ptr)> done;
  std::int64_t tenant = 0;  // the company the job is for; 0 when it is for none
};
using ReadJob = WriteJob;

// A statement stopped because the time its session was given ran out (Session::limit_time).
class TimeLimitExceeded : public std::runtime_error {
 public:
  TimeLimitExceeded() : std::runtime_error("the statement ran past its time limit") {}
};

// A write that would break a unique key (e.g. two clients creating the same code at once).
class UniqueViolation : public core::ApiError {
 public:
  UniqueViolation()
      : core::ApiError(core::ErrorKind::kConflict, "A record with the same key already exists") {}
};

// Limits the statements of a session for the life of this object.
class TimeLimit {
 public:
  TimeLimit(Session& s, std::chrono::milliseconds limit) : s_(s) { s_.limit_time(limit); }
  ~TimeLimit() { s_.limit_time(std::chrono::milliseconds(0)); }
  TimeLimit(const TimeLimit&) = delete;
  TimeLimit& operator=(const TimeLimit&) = delete;

 private:
  Session& s_;
};

// Throws the 503 a storage queue answers when it is shutting down or holds `max` jobs already.
inline void check_queue_room(bool stopping, std::size_t queued, std::size_t max) {
  if (stopping) throw core::ApiError(core::ErrorKind::kUnavailable, "Storage is shutting down");
  if (queued >= max) {
    throw core::ApiError(core::ErrorKind::kUnavailable, "Storage is overloaded; retry later");
  }
}

// What the storage layer has done since it opened, for /metrics.
struct StorageStats {
  // Connections of the PostgreSQL pool, and how many of them run a job now (0 on SQLite).
  std::size_t pool_connections = 0;
  std::size_t pool_in_use = 0;
  // Transactions that committed a group of writes, and the writes they held: their ratio is
  // the mean batch size.
  std::uint64_t write_batches = 0;
  std::uint64_t batched_writes = 0;
  // The most writes one transaction has committed.
  std::uint64_t largest_batch = 0;
  // Transactions run again: after a serialization or deadlock failure (PostgreSQL), or after a
  // failure that ended a whole group (SQLite).
  std::uint64_t transaction_retries = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual std::string_view backend() const = 0;
  virtual StorageStats stats() const = 0;

  // Runs fn on a read connection owned by the calling thread.
  virtual void read_now(const std::function<void(Session&)>& fn) = 0;
  // Runs fn in its own transaction on the calling thread and commits before returning; for
  // administration commands and tests, not for request handlers.
  virtual void write_now(const std::function<void(Session&)>& fn) = 0;
  // Queues a write for the group-committing writer. Throws ApiError(kUnavailable) when the
  // queue is full.
  virtual void submit_write(WriteJob job) = 0;
  // Finishes queued writes and stops the writer.
  virtual void close() = 0;
  // Writes waiting for the writer, for /metrics.
  virtual std::size_t queued_writes() const = 0;
  // True while the backend still has index maintenance to do in the background (SQLite
  // merging its full-text indexes when idle); for /metrics and load tests that should measure
  // a settled index.
  virtual bool compacting() const { return false; }
  // True when reads are local and cheap enough to run on the calling (I/O) thread; otherwise
  // read() queues them with submit_read.
  virtual bool reads_inline() const { return true; }
  // Queues a read for the storage threads (read() when reads are not inline, read_apart()
  // always). Throws ApiError(kUnavailable) when the queue is full.
  virtual void submit_read(ReadJob job) = 0;

  // Called on a storage thread after each commit whose transaction asked for it
  // (Session::notify_after_commit). Set once, before writes begin; it must return at once (it
  // runs on the writer).
  void set_commit_listener(std::function<void()> listener) {
    commit_listener_ = std::move(listener);
  }

  // Awaitable write: fn runs in a group-committed transaction (isolated by a savepoint from
  // the other writes of its group); resumes on the caller's executor once durable.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F, Session&>> write(F fn);

  // Awaitable read that never runs on the calling (I/O) thread: for reads that may take
  // milliseconds (an enquiry over many matches), so that the I/O thread keeps serving its
  // other connections meanwhile and long reads share the storage threads in arrival order.
  // `tenant`: the company the read is for, so that one company's reads cannot hold up the
  // others' (they take turns).
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F, Session&>> read_apart(F fn,
                                                                       std::int64_t tenant = 0) {
    co_return co_await run_async(std::move(fn), false, tenant);
  }

  // Awaitable read: on a thread-owned connection when reads are inline, else on a storage
  // thread, resuming on the caller's executor.
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F, Session&>> read(F fn) {
    using R = std::invoke_result_t<F, Session&>;
    if (reads_inline()) {
      if constexpr (std::is_void_v<R>) {
        read_now([&](Session& s) { fn(s); });
        co_return;
      } else {
        std::optional<R> out;
        read_now([&](Session& s) { out.emplace(fn(s)); });
        co_return std::move(*out);
      }
    } else {
      co_return co_await run_async(std::move(fn), false);
    }
  }

 protected:
  // Backends call this after a commit (and after a rollback, with committed = false) of a
  // transaction run on `s`: it clears the session's notice and calls the listener if asked.
  void commit_finished(Session& s, bool committed) {
    if (s.take_commit_notice() && committed) notify_commit_listener();
  }
  void notify_commit_listener() {
    if (commit_listener_) commit_listener_();
  }

 private:
  template <class F>
  boost::asio::awaitable<std::invoke_result_t<F, Session&>> run_async(F fn, bool is_write,
                                                                      std::int64_t tenant = 0);
  std::function<void()> commit_listener_;
};

template <class F>
boost::asio::awaitable<std::invoke_result_t<F, Session&>> Database::write(F fn) {
  co_return co_await run_async(std::move(fn), true);
}

template <class F>
boost::asio::awaitable<std::invoke_result_t<F, Session&>> Database::run_async(F fn, bool is_write,
                                                                              std::int64_t tenant) {
  using R = std::invoke_result_t<F, Session&>;
  using Void = std::is_void<R>;
  std::conditional_t<Void::value, bool, std::optional<R>> out{};
  auto token = boost::asio::use_awaitable;
  // With use_awaitable, a non-null exception_ptr completion is rethrown in the coroutine.
  co_await boost::asio::async_initiate<decltype(token), void(std::exception_ptr)>(
      [this, &fn, &out, is_write, tenant](auto handler) {
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        WriteJob job;
        job.tenant = tenant;
        job.work = [&fn, &out](Session& s) {
          if constexpr (Void::value) {
            fn(s);
          } else {
            out.emplace(fn(s));
          }
        };
        auto done = [shared](std::exception_ptr e) {
          auto ex = boost::asio::get_associated_executor(*shared);
          boost::asio::post(ex, [shared, e]() mutable { (*shared)(e); });
        };
        job.done = done;
        try {
          if (is_write) {
            submit_write(std::move(job));
          } else {
            submit_read(std::move(job));
          }
        } catch (...) {
          done(std::current_exception());
        }
      },
      token);
  if constexpr (!Void::value) co_return std::move(*out);
}

struct DatabaseOptions {
  // Writes queued beyond this answer 503 at once: past it a client would wait longer than
  // any request timeout for a turn, and memory would grow without bound.
  std::size_t max_queued_writes = 20000;
  // Most writes committed in one transaction; bounds the latency the first write of a group
  // can gain from the others.
  std::size_t max_group_size = 512;
  // PostgreSQL connections (and storage threads) per server: enough to keep the database busy
  // for a few I/O threads; several servers share the database's max_connections.
  std::size_t pool_size = 8;
  // SQLite threads for reads queued with submit_read (read_apart): one per core is enough to
  // keep the cores busy with long reads while the I/O threads stay free; 0 means the number
  // of cores.
  std::size_t read_threads = 0;
  // SQLite reads queued beyond this answer 503 at once, like writes (PostgreSQL's reads and
  // writes share one queue, bounded by max_queued_writes).
  std::size_t max_queued_reads = 20000;
  // Migrations stop after this version (0: apply them all). A test of one migration opens a
  // database at the version before it, writes rows of that schema and opens it again.
  int schema_version = 0;
};

// The URL with its password (user:password@ or password=) shown as ***: what logs and errors
// may print.
std::string redacted_url(std::string_view url);

// "sqlite:<path>" or "postgresql://user:pass@host:port/dbname" (also "postgres://"). Applies
// pending migrations before returning. Throws std::runtime_error.
std::unique_ptr<Database> open_database(std::string_view url, const DatabaseOptions& options = {});

}  // namespace ov::storage
