// The Task section's rules, without HTTP, on every backend: references checked and stored.
#include "modules/tasks/task_service.hpp"

#include <gtest/gtest.h>

#include "modules/test_company.hpp"

namespace ov::tasks {
namespace {

using storage::run_sync;

constexpr core::UnixSeconds kNow = 1739509200;

class TaskServiceTest : public modules::DemoCompanyTest {
 protected:
  TaskServiceTest() : DemoCompanyTest(kNow) {}
  void SetUp() override {
    DemoCompanyTest::SetUp();
    if (IsSkipped()) return;
    service_.emplace(db(), clock_);
  }
  TaskInput input() {
    TaskInput in;
    in.subject = "Call back";
    in.date_due = kNow + 86400;
    in.assigned_to_user_id = demo::kSecondUserId;
    return in;
  }
  std::string error(TaskInput in) {
    return storage::error_of([&]() -> boost::asio::awaitable<void> {
      co_await service_->create(caller_, std::move(in));
    });
  }
  std::optional<TaskService> service_;
};
OV_ON_EVERY_BACKEND(TaskServiceTest);

TEST_P(TaskServiceTest, EveryLinkIsStoredAsTheCompanySpellsIt) {
  auto in = input();
  in.customer_code = "c000154";
  in.deal_no = "d241200044";
  in.case_no = "t250200010";
  in.activity_no = "a20250200029";
  in.priority = kPriorityHigh;
  auto t = run_sync(service_->create(caller_, in));
  EXPECT_GT(t.task_id, 0);
  EXPECT_EQ(t.status_id, kStatusOpen);
  EXPECT_EQ(t.customer_code, "C000154");
  EXPECT_EQ(t.deal_no, "D241200044");
  EXPECT_EQ(t.case_no, "T250200010");
  EXPECT_EQ(t.activity_no, "A20250200029");
  auto stored = run_sync(service_->get(caller_, t.task_id));
  EXPECT_EQ(stored.deal_no, "D241200044");
  EXPECT_EQ(stored.deals_id, t.deals_id);
  EXPECT_EQ(stored.case_no, "T250200010");
  EXPECT_EQ(stored.activity_no, "A20250200029");
  EXPECT_EQ(stored.customer_id, t.customer_id);
  EXPECT_EQ(stored.priority, kPriorityHigh);
  EXPECT_EQ(stored.created_by_user_id, demo::kApiUserId);
  EXPECT_EQ(stored.date_created, kNow);
}

TEST_P(TaskServiceTest, UnknownReferencesStopTheCreateInBodyOrder) {
  auto in = input();
  in.customer_code = "C999999";
  in.deal_no = "D000";
  EXPECT_EQ(error(in), "customerCode C999999 was not found");
  in = input();
  in.deal_no = "D000";
  EXPECT_EQ(error(in), "dealNo D000 was not found");
  in = input();
  in.case_no = "T000";
  EXPECT_EQ(error(in), "caseNo T000 was not found");
  in = input();
  in.activity_no = "A000";
  EXPECT_EQ(error(in), "activityNo A000 was not found");
  in = input();
  in.assigned_to_user_id = demo::kApiUserId;
  EXPECT_EQ(error(in), std::string("assignedToUserId ") + demo::kApiUserId + " was not found");
  (*db_)->read_now(
      [&](storage::Session& s) { EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM tasks"), 0); });
}

}  // namespace
}  // namespace ov::tasks
