// For unit tests: a fresh SQLite database file per test, removed with its WAL files afterwards.
#pragma once

#include <unistd.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace ov::storage {

class TempDatabase {
 public:
  explicit TempDatabase(const DatabaseOptions& options = {}) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("ov-unit-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
    remove_files();
    db_ = open_database("sqlite:" + path_.string(), options);
  }
  ~TempDatabase() {
    db_->close();
    db_.reset();
    remove_files();
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  Database& operator*() { return *db_; }
  Database* operator->() { return db_.get(); }

 private:
  void remove_files() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_.string() + suffix, ec);
    }
  }
  std::filesystem::path path_;
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

}  // namespace ov::storage
