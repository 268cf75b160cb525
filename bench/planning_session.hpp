// A storage session for the benchmark seeders' `--plan`: before each query it passes on, it
// prints the query and its plan (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN) with the
// same parameters, so that a results file shows how the server's own statements run.
#pragma once

#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace ov::bench {

class PlanningSession : public storage::Session {
 public:
  explicit PlanningSession(storage::Session& inner) : inner_(inner) {}
  using Session::exec;
  using Session::query;
  std::string_view backend() const override { return inner_.backend(); }
  storage::Rows query(std::string_view sql, std::span<const storage::Value> params) override {
    const bool sqlite = inner_.backend() == "sqlite";
    std::string explain = sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
    explain.append(sql);
    auto plan = inner_.query(explain, params);
    // SQLite's rows are (id, parent, notused, detail): indent each under its parent, as the
    // sqlite3 shell draws them. PostgreSQL's are lines of text already indented.
    std::map<std::int64_t, int> depth;
    std::cout << "-- " << sql << "\n";
    while (plan.next()) {
      if (!sqlite) {
        std::cout << plan.text(0) << "\n";
        continue;
      }
      const int d = depth[plan.i64(0)] = depth.count(plan.i64(1)) ? depth[plan.i64(1)] + 1 : 0;
      std::cout << std::string(static_cast<std::size_t>(2 * d), ' ') << plan.text(3) << "\n";
    }
    return inner_.query(sql, params);
  }
  std::int64_t exec(std::string_view sql, std::span<const storage::Value> params) override {
    return inner_.exec(sql, params);
  }
  void limit_time(std::chrono::milliseconds limit) override { inner_.limit_time(limit); }
  bool accepts_writes() override { return inner_.accepts_writes(); }
  void savepoint(SavepointStep step, std::string_view name) override {
    inner_.savepoint(step, name);
  }

 private:
  storage::Session& inner_;
};

}  // namespace ov::bench
