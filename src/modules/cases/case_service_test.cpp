// The Case section's business rules, without HTTP, on every backend: numbering, status
// transitions, references and assignment dates.
#include "modules/cases/case_service.hpp"

#include <gtest/gtest.h>

#include "modules/test_company.hpp"

namespace ov::cases {
namespace {

using storage::run_sync;

// 2025-02-14T12:00:00+0700.
constexpr core::UnixSeconds kFeb14 = 1739509200;

TEST(CaseStatusTest, TransitionsFollowTheTable) {
  // ENDPOINTS.md §4.4: 201→202|203|204|205, 202→203|204|205, 203→202|204; 204 and 205 final.
  const int statuses[] = {kStatusOpen, kStatusInProgress, kStatusResolved, kStatusClosed,
                          kStatusCancelled};
  const bool allowed[5][5] = {
      {true, true, true, true, true},     {false, true, true, true, true},
      {false, true, true, true, false},   {false, false, false, true, false},
      {false, false, false, false, true},
  };
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j) {
      EXPECT_EQ(status_transition_allowed(statuses[i], statuses[j]), allowed[i][j])
          << statuses[i] << " -> " << statuses[j];
    }
  }
}

class CaseServiceTest : public modules::DemoCompanyTest {
 protected:
  CaseServiceTest() : DemoCompanyTest(kFeb14) {}
  void SetUp() override {
    DemoCompanyTest::SetUp();
    if (IsSkipped()) return;
    service_.emplace(db(), clock_);
  }

  AddCaseInput add_input() {
    AddCaseInput in;
    in.case_type = kRequestForAction;
    in.subject = "A case";
    in.customer_code.value = "c000154";  // codes compare case-insensitively
    in.category_id = demo::kCaseCategoryId;
    in.date_case = in.date_due = kFeb14;
    in.assigned_to_user_id = demo::kAssigneeUserId;
    return in;
  }

  EditCaseInput edit_input(const CaseRecord& c) {
    EditCaseInput in;
    in.subject = c.subject;
    in.category_id = c.category_id;
    in.date_case = c.date_case;
    in.date_due = c.date_due;
    in.assigned_to_user_id = c.assigned_to_user_id;
    return in;
  }

  std::string add_error(AddCaseInput in) {
    return storage::error_of(
        [&]() -> boost::asio::awaitable<void> { co_await service_->add(caller_, std::move(in)); });
  }

  std::optional<CaseService> service_;
};
OV_ON_EVERY_BACKEND(CaseServiceTest);

TEST_P(CaseServiceTest, NumbersFollowTheMonthInTheCompanysZone) {
  // The demo's T250200010 is the tenth case of February 2025.
  EXPECT_EQ(run_sync(service_->add(caller_, add_input())).feedback_no, "T250200011");
  EXPECT_EQ(run_sync(service_->add(caller_, add_input())).feedback_no, "T250200012");
  // 2025-02-28T17:30:00Z is already March in Bangkok.
  clock_.set(1740763800);
  EXPECT_EQ(run_sync(service_->add(caller_, add_input())).feedback_no, "T250300001");
}

TEST_P(CaseServiceTest, AFailedAddTakesNoNumber) {
  auto in = add_input();
  in.customer_code.value = "C999999";
  EXPECT_EQ(add_error(in), "customerCode C999999 was not found");
  in = add_input();
  in.deal_nos.value = {"D241200044", "D000000000"};
  EXPECT_EQ(add_error(in), "Deal D000000000 was not found");
  EXPECT_EQ(run_sync(service_->add(caller_, add_input())).feedback_no, "T250200011");
}

TEST_P(CaseServiceTest, AddResolvesEveryReferenceAsStored) {
  auto in = add_input();
  in.activity_nos.value = {"a20250200029", "A20250200028"};
  auto c = run_sync(service_->add(caller_, in));
  EXPECT_EQ(c.status_id, kStatusOpen);
  EXPECT_EQ(c.customer_code, "C000154");
  EXPECT_EQ(c.customer_name, "𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand");
  EXPECT_EQ(c.activity_nos, (std::vector<std::string>{"A20250200029", "A20250200028"}));
  EXPECT_EQ(c.date_assigned, kFeb14);
  auto stored = run_sync(service_->get(caller_, c.feedback_no));
  EXPECT_EQ(stored.activity_nos, c.activity_nos);
  EXPECT_EQ(stored.customer_id, c.customer_id);
}

TEST_P(CaseServiceTest, EditRefusesAForbiddenStatusChange) {
  auto c = run_sync(service_->get(caller_, "T250200010"));
  auto in = edit_input(c);
  in.status_id.present = true;
  in.status_id.value = kStatusClosed;
  EXPECT_EQ(run_sync(service_->edit(caller_, "T250200010", in)).status_id, kStatusClosed);
  in.status_id.value = kStatusOpen;
  EXPECT_EQ(storage::error_of([&]() -> boost::asio::awaitable<void> {
              co_await service_->edit(caller_, "T250200010", in);
            }),
            "statusId cannot change from 204 to 201");
}

TEST_P(CaseServiceTest, AnInactiveCategoryStaysButCannotBeChosen) {
  (*db_)->write_now([&](storage::Session& s) {
    s.exec("UPDATE case_categories SET is_active = 0 WHERE company_id = ? AND category_id = ?",
           {company_, demo::kCaseCategoryId});
  });
  auto c = run_sync(service_->get(caller_, "T250200010"));
  auto in = edit_input(c);
  in.subject = "Still in its category";
  EXPECT_EQ(run_sync(service_->edit(caller_, "T250200010", in)).subject, "Still in its category");
  EXPECT_EQ(add_error(add_input()), "categoryId 2140016585 was not found");
}

TEST_P(CaseServiceTest, TheAssignmentDateMovesOnlyWithTheAssignee) {
  auto c = run_sync(service_->get(caller_, "T250200010"));
  const auto assigned = c.date_assigned;
  clock_.advance(3600);
  auto in = edit_input(c);
  in.subject = "Same assignee";
  EXPECT_EQ(run_sync(service_->edit(caller_, "T250200010", in)).date_assigned, assigned);
  (*db_)->write_now([&](storage::Session& s) {
    auth::NewUser other;
    other.name = "Another";
    other.user_id = "00000000-0000-4000-8000-000000000042";
    auth::add_user(s, company_, other, kFeb14);
  });
  in.assigned_to_user_id = "00000000-0000-4000-8000-000000000042";
  auto edited = run_sync(service_->edit(caller_, "T250200010", in));
  EXPECT_EQ(edited.date_assigned, kFeb14 + 3600);
  EXPECT_EQ(edited.updated_by_user_id, demo::kApiUserId);
}

}  // namespace
}  // namespace ov::cases
