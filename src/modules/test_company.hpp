// For service tests: a demo company on a scratch database of the test's backend, a clock that
// stands still, and a caller acting as the company's API client. Header-only, test code only.
#pragma once

#include <optional>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/modules.hpp"
#include "storage/test_database.hpp"

namespace ov::modules {

class DemoCompanyTest : public storage::BackendTest {
 protected:
  explicit DemoCompanyTest(core::UnixSeconds now) : clock_(now) {}

  // Derived fixtures call this first and return when IsSkipped().
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    db_.emplace(backend());
    (*db_)->write_now([&](storage::Session& s) {
      company_ =
          create_company(s, {"Demo", "Asia/Bangkok", std::nullopt}, true, clock_.now()).company_id;
    });
    caller_ = {company_, demo::kApiUserId, &core::TimeZone::bangkok()};
  }

  storage::Database& db() { return **db_; }

  core::FixedClock clock_;
  std::optional<storage::TempDatabase> db_;
  std::int64_t company_ = 0;
  core::Caller caller_;
};

}  // namespace ov::modules
