// For unit tests: a fresh SQLite database file per test, removed with its WAL files afterwards.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

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

}  // namespace ov::storage
