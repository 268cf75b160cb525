// For tests (unit and API alike): a fresh database per test on either backend, and a way to run
// one test body on both. Header-only: included by test code, never by the server.
//
// SQLite: a file in the temp directory, removed with its WAL files afterwards. PostgreSQL: a
// schema of its own in one shared database (ovtest_scratch), found through the connection's
// search path and dropped afterwards. The server named by OPENVENIO_TEST_PG must let its user
// create databases; scripts/test starts a throw-away cluster for this.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace ov::storage {

enum class Backend { kSqlite, kPostgres };

inline const char* backend_name(Backend b) { return b == Backend::kSqlite ? "sqlite" : "postgres"; }

// OPENVENIO_TEST_PG, or "" when no PostgreSQL server is given.
inline std::string postgres_admin_url() {
  const char* url = std::getenv("OPENVENIO_TEST_PG");
  return url ? url : "";
}

// OPENVENIO_TEST_PG_POOLER: a connection pooler in transaction mode (PgBouncer) in front of the
// OPENVENIO_TEST_PG server, that the databases under test are reached through; "" for none.
inline std::string postgres_pooler_url() {
  const char* url = std::getenv("OPENVENIO_TEST_PG_POOLER");
  return url ? url : "";
}

namespace test_detail {

// Runs one statement outside a transaction (CREATE/DROP DATABASE need that); returns the
// error text, "" on success.
inline std::string pg_exec(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach the test PostgreSQL server: " + msg);
  }
  PGresult* res = PQexec(conn, sql.c_str());
  std::string error;
  if (PQresultStatus(res) != PGRES_COMMAND_OK && PQresultStatus(res) != PGRES_TUPLES_OK) {
    error = PQresultErrorMessage(res);
    if (error.empty()) error = "failed";
  }
  PQclear(res);
  PQfinish(conn);
  return error;
}

// The admin URL with its database name replaced.
inline std::string with_database(const std::string& url, const std::string& name) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = url.find('?');
  std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + name + rest;
}

inline std::string random_suffix() {
  std::random_device rd;
  return std::to_string(rd()) + "_" + std::to_string(rd());
}

// The database the PostgreSQL scratch schemas live in, created once per server. pg_trgm is
// installed in its public schema, which every scratch schema's search path ends with.
inline std::string postgres_test_database(const std::string& admin) {
  static std::mutex mutex;
  static std::string url;
  std::lock_guard lock(mutex);
  if (!url.empty()) return url;
  constexpr const char* kName = "ovtest_scratch";
  // Another test process may create it at the same moment: one of the two wins, both use it.
  for (int attempt = 0; attempt < 50; ++attempt) {
    PGconn* conn = PQconnectdb(admin.c_str());
    PGresult* res = PQexec(conn, "SELECT 1 FROM pg_database WHERE datname = 'ovtest_scratch'");
    const bool exists = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
    PQclear(res);
    PQfinish(conn);
    std::string create = "CREATE DATABASE ";
    create += kName;
    if (exists || pg_exec(admin, create).empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const std::string db = with_database(admin, std::string(kName));
  const auto error = pg_exec(db, "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
  // Two processes installing it at once: the loser sees a duplicate, which is as good.
  if (!error.empty() && error.find("already exists") == std::string::npos &&
      error.find("duplicate key") == std::string::npos) {
    throw std::runtime_error("CREATE EXTENSION pg_trgm: " + error);
  }
  url = db;
  return url;
}

// The template the databases of pooled tests are copied from: pg_trgm installed, as in the
// scratch database. Created once per server.
inline void postgres_pooled_template(const std::string& admin) {
  static std::once_flag once;
  std::call_once(once, [&] {
    constexpr const char* kName = "ovtest_pooled_template";
    for (int attempt = 0; attempt < 50; ++attempt) {
      PGconn* conn = PQconnectdb(admin.c_str());
      PGresult* res =
          PQexec(conn, "SELECT 1 FROM pg_database WHERE datname = 'ovtest_pooled_template'");
      const bool exists = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
      PQclear(res);
      PQfinish(conn);
      std::string create = "CREATE DATABASE ";
      create += kName;
      if (exists || pg_exec(admin, create).empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto error = pg_exec(with_database(admin, kName),
                               "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
    if (!error.empty() && error.find("already exists") == std::string::npos &&
        error.find("duplicate key") == std::string::npos) {
      throw std::runtime_error("CREATE EXTENSION pg_trgm: " + error);
    }
  });
}

}  // namespace test_detail

// A fresh, empty (migrated, for PostgreSQL) database, dropped on destruction.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(Backend backend) {
    if (backend == Backend::kSqlite) {
      static std::atomic<int> counter{0};
      path_ = std::filesystem::temp_directory_path() /
              ("ov-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
               test_detail::random_suffix() + ".db");
      remove_files();
      url_ = "sqlite:" + path_.string();
      return;
    }
    const auto admin = postgres_admin_url();
    if (admin.empty()) throw std::runtime_error("PostgreSQL tests need OPENVENIO_TEST_PG");
    const auto pooler = postgres_pooler_url();
    if (!pooler.empty()) {
      // Through a pooler in transaction mode a connection's search path cannot be chosen (the
      // startup options are not passed on, and a SET would outlive the transaction): a database
      // of its own instead, copied from a template in a few milliseconds.
      test_detail::postgres_pooled_template(admin);
      admin_ = admin;
      database_ = "t_" + test_detail::random_suffix();
      std::string error;
      // A copy waits while another process is still connected to the template (installing
      // pg_trgm in it): at most a second.
      for (int attempt = 0; attempt < 50; ++attempt) {
        error = test_detail::pg_exec(
            admin, "CREATE DATABASE " + database_ + " TEMPLATE ovtest_pooled_template");
        if (error.find("being accessed by other users") == std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      if (!error.empty()) throw std::runtime_error("CREATE DATABASE " + database_ + ": " + error);
      url_ = test_detail::with_database(pooler, database_);
      return;
    }
    // A schema of its own in a shared database: creating one costs a few milliseconds, a
    // database a quarter of a second. Connections find the schema through their search path.
    db_ = test_detail::postgres_test_database(admin);
    schema_ = "t_" + test_detail::random_suffix();
    const auto error = test_detail::pg_exec(db_, "CREATE SCHEMA " + schema_);
    if (!error.empty()) throw std::runtime_error("CREATE SCHEMA " + schema_ + ": " + error);
    url_ = db_ + (db_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_ + "%2Cpublic";
  }
  ~ScratchDatabase() {
    if (!database_.empty()) {
      try {
        // FORCE: the pooler still holds server connections to it.
        test_detail::pg_exec(admin_, "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
      } catch (const std::exception&) {
      }
    }
    if (!schema_.empty()) {
      try {
        test_detail::pg_exec(db_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      } catch (const std::exception&) {
      }
    }
    if (!path_.empty()) remove_files();
  }
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& url() const { return url_; }

 private:
  void remove_files() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_.string() + suffix, ec);
    }
  }
  std::string url_;
  std::filesystem::path path_;
  std::string db_, schema_;
  std::string admin_, database_;  // a database of its own (behind a pooler)
};

// An open database on a scratch database of `backend`.
class TempDatabase {
 public:
  explicit TempDatabase(const DatabaseOptions& options = {}, Backend backend = Backend::kSqlite)
      : scratch_(std::make_unique<ScratchDatabase>(backend)) {
    db_ = open_database(scratch_->url(), options);
  }
  explicit TempDatabase(Backend backend) : TempDatabase(DatabaseOptions{}, backend) {}
  ~TempDatabase() {
    db_->close();
    db_.reset();
    scratch_.reset();
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  Database& operator*() { return *db_; }
  Database* operator->() { return db_.get(); }

 private:
  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<Database> db_;
};

// Runs the awaitable `op()` returns to completion; returns the message of the ApiError it
// threw, or "" when it completed.
template <class Op>
std::string error_of(Op op) {
  boost::asio::io_context io;
  std::string caught;
  boost::asio::co_spawn(
      io,
      [&]() -> boost::asio::awaitable<void> {
        try {
          co_await op();
        } catch (const core::ApiError& e) {
          caught = e.what();
        }
      },
      boost::asio::detached);
  io.run();
  return caught;
}

// Runs an awaitable to completion on a private io_context and returns its result (rethrowing
// what it threw): services called from a test without a server.
template <class T>
T run_sync(boost::asio::awaitable<T> op) {
  boost::asio::io_context io;
  auto result = boost::asio::co_spawn(io, std::move(op), boost::asio::use_future);
  io.run();
  return result.get();
}

// A test fixture run once per backend (OV_ON_EVERY_BACKEND): the PostgreSQL run is skipped,
// saying so, when no server is given. A fixture's own SetUp calls BackendTest::SetUp() first and
// returns when IsSkipped().
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres && postgres_admin_url().empty()) {
      GTEST_SKIP() << "no PostgreSQL server to test on (set OPENVENIO_TEST_PG)";
    }
  }
  Backend backend() const { return GetParam(); }
};

inline std::string backend_test_name(const ::testing::TestParamInfo<Backend>& info) {
  return backend_name(info.param);
}

}  // namespace ov::storage

// Instantiates a BackendTest fixture's tests on SQLite and on PostgreSQL.
#define OV_ON_EVERY_BACKEND(Fixture)                                                         \
  INSTANTIATE_TEST_SUITE_P(                                                                  \
      Backends, Fixture,                                                                     \
      ::testing::Values(::ov::storage::Backend::kSqlite, ::ov::storage::Backend::kPostgres), \
      ::ov::storage::backend_test_name)
