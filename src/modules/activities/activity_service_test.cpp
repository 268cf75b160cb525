// The Activity section's business rules, without HTTP, on every backend: the status table for
// every pair, numbering, check-in and check-out dates, references and update semantics.
#include "modules/activities/activity_service.hpp"

#include <gtest/gtest.h>

#include "modules/employees/employee_service.hpp"
#include "modules/test_company.hpp"

namespace ov::activities {
namespace {

using storage::run_sync;

// 2025-02-14T12:00:00+0700.
constexpr core::UnixSeconds kFeb14 = 1739509200;

TEST(ActivityStatusTest, EveryPairFollowsTheTable) {
  // ENDPOINTS.md §4.2: 1→2, 2→3, 1→3, 1→4, 2→4; 3 and 4 final; keeping a status is no change.
  const bool allowed[4][4] = {
      {true, true, true, true},
      {false, true, true, true},
      {false, false, true, false},
      {false, false, false, true},
  };
  for (int from = 1; from <= 4; ++from) {
    for (int to = 1; to <= 4; ++to) {
      EXPECT_EQ(status_transition_allowed(from, to), allowed[from - 1][to - 1])
          << from << " -> " << to;
    }
  }
}

class ActivityServiceTest : public modules::DemoCompanyTest {
 protected:
  ActivityServiceTest() : DemoCompanyTest(kFeb14) {}
  void SetUp() override {
    DemoCompanyTest::SetUp();
    if (IsSkipped()) return;
    service_.emplace(db(), clock_);
  }

  UpsertInput create_input() {
    UpsertInput in;
    in.subject = "Visit";
    in.activity_type_id = kTypeVisit;
    in.customer_code.present = true;
    in.customer_code.value = "c000154";  // codes compare case-insensitively
    in.date_appointment_start = kFeb14 + 3600;
    in.date_appointment_end = kFeb14 + 7200;
    in.assign_to_user_id = demo::kAssigneeUserId;
    return in;
  }
  // An update of `a` that sends only the required fields.
  UpsertInput update_input(const ActivityRecord& a) {
    UpsertInput in;
    in.activity_no = a.activity_no;
    in.subject = a.subject;
    in.activity_type_id = a.activity_type_id;
    in.date_appointment_start = a.date_appointment_start;
    in.date_appointment_end = a.date_appointment_end;
    in.assign_to_user_id = *a.assign_to_user_id;
    return in;
  }
  static void set_status(UpsertInput& in, int status) {
    in.status_id.present = true;
    in.status_id.value = status;
  }

  ActivityRecord upsert(UpsertInput in) {
    return run_sync(service_->upsert(caller_, std::move(in)));
  }
  std::string upsert_error(UpsertInput in) {
    return storage::error_of([&]() -> boost::asio::awaitable<void> {
      co_await service_->upsert(caller_, std::move(in));
    });
  }

  std::optional<ActivityService> service_;
};
OV_ON_EVERY_BACKEND(ActivityServiceTest);

TEST_P(ActivityServiceTest, NumbersFollowTheMonthInTheCompanysZone) {
  // The demo's A20250200029 is the 29th activity of February 2025.
  auto a = upsert(create_input());
  EXPECT_EQ(a.activity_no, "A20250200030");
  EXPECT_EQ(upsert(create_input()).activity_no, "A20250200031");
  // 2025-02-28T17:30:00Z is already March in Bangkok.
  clock_.set(1740763800);
  EXPECT_EQ(upsert(create_input()).activity_no, "A20250300001");
  // The stored record is what the create returned.
  auto stored = run_sync(service_->by_no(caller_, "a20250200030"));
  EXPECT_EQ(stored.activity_id, a.activity_id);
  EXPECT_EQ(stored.customer_code, "C000154");
  EXPECT_EQ(stored.team_id, a.team_id);
  EXPECT_TRUE(stored.team_id.has_value());
}

TEST_P(ActivityServiceTest, AFailedCreateTakesNoNumber) {
  auto in = create_input();
  in.customer_code.value = "C999999";
  EXPECT_EQ(upsert_error(in), "customerCode C999999 was not found");
  in = create_input();
  in.key_activity_ids.present = true;
  in.key_activity_ids.value = {1, 99};
  EXPECT_EQ(upsert_error(in), "keyActivityId 99 was not found");
  in = create_input();
  in.deal_nos.present = true;
  in.deal_nos.value = {"D241200044", "D000000000"};
  EXPECT_EQ(upsert_error(in), "Deal D000000000 was not found");
  EXPECT_EQ(upsert(create_input()).activity_no, "A20250200030");
}

TEST_P(ActivityServiceTest, CheckInAndCheckOutStampTheirDates) {
  auto a = upsert(create_input());
  EXPECT_EQ(a.status_id, kStatusPlanned);
  EXPECT_FALSE(a.date_check_in);
  clock_.advance(600);
  auto in = update_input(a);
  set_status(in, kStatusCheckedIn);
  a = upsert(in);
  EXPECT_EQ(a.status_id, kStatusCheckedIn);
  EXPECT_EQ(a.date_check_in, kFeb14 + 600);
  EXPECT_FALSE(a.date_check_out);
  clock_.advance(1200);
  set_status(in, kStatusCompleted);
  a = upsert(in);
  EXPECT_EQ(a.status_id, kStatusCompleted);
  EXPECT_EQ(a.date_check_in, kFeb14 + 600);
  EXPECT_EQ(a.date_check_out, kFeb14 + 1800);
  // Completed is final; keeping it is fine.
  EXPECT_EQ(upsert(in).status_id, kStatusCompleted);
  set_status(in, kStatusPlanned);
  EXPECT_EQ(upsert_error(in), "Activity status cannot change from 3 to 1");
  set_status(in, kStatusCancelled);
  EXPECT_EQ(upsert_error(in), "Activity status cannot change from 3 to 4");
}

TEST_P(ActivityServiceTest, CompletingWithoutCheckInStampsNothing) {
  auto a = upsert(create_input());
  auto in = update_input(a);
  set_status(in, kStatusCompleted);
  a = upsert(in);
  EXPECT_EQ(a.status_id, kStatusCompleted);
  EXPECT_FALSE(a.date_check_in);
  EXPECT_FALSE(a.date_check_out);
}

TEST_P(ActivityServiceTest, ACreateMayStartCheckedIn) {
  auto in = create_input();
  set_status(in, kStatusCheckedIn);
  auto a = upsert(in);
  EXPECT_EQ(a.status_id, kStatusCheckedIn);
  EXPECT_EQ(a.date_check_in, kFeb14);
  // A date sent with the check-in is kept.
  in = create_input();
  set_status(in, kStatusCheckedIn);
  in.date_check_in.present = true;
  in.date_check_in.value = kFeb14 - 60;
  EXPECT_EQ(upsert(in).date_check_in, kFeb14 - 60);
}

TEST_P(ActivityServiceTest, ACheckOutBeforeTheStoredCheckInIsRefused) {
  auto in = create_input();
  set_status(in, kStatusCheckedIn);
  auto a = upsert(in);
  auto edit = update_input(a);
  edit.date_check_out.present = true;
  edit.date_check_out.value = kFeb14 - 1;
  EXPECT_EQ(upsert_error(edit), "dateCheckOut must not be earlier than dateCheckIn");
}

TEST_P(ActivityServiceTest, LinksAreResolvedOnceEachAsStored) {
  auto in = create_input();
  in.key_activity_ids.present = true;
  in.key_activity_ids.value = {3, 1, 3};
  in.deal_nos.present = true;
  in.deal_nos.value = {"d241200047", "D241200044", "D241200047"};
  auto a = upsert(in);
  EXPECT_EQ(a.key_activity_ids, (std::vector<std::int64_t>{3, 1}));
  EXPECT_EQ(a.deal_nos, (std::vector<std::string>{"D241200047", "D241200044"}));
  (*db_)->read_now([&](storage::Session& s) {
    EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM activity_key_activities WHERE activity_id = ?",
                          {a.activity_id}),
              2);
    EXPECT_EQ(
        s.query_i64("SELECT COUNT(*) FROM activity_deals WHERE activity_id = ?", {a.activity_id}),
        2);
  });
  // An update that sends [] empties both; one that omits them keeps them.
  auto keep = update_input(a);
  EXPECT_EQ(upsert(keep).key_activity_ids, (std::vector<std::int64_t>{3, 1}));
  auto clear = update_input(a);
  clear.key_activity_ids.present = true;
  clear.key_activity_ids.value = std::vector<std::int64_t>{};
  clear.deal_nos.present = true;  // null
  auto cleared = upsert(clear);
  EXPECT_TRUE(cleared.key_activity_ids.empty());
  EXPECT_TRUE(cleared.deal_nos.empty());
  (*db_)->read_now([&](storage::Session& s) {
    EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM activity_key_activities WHERE activity_id = ?",
                          {a.activity_id}),
              0);
  });
}

TEST_P(ActivityServiceTest, AnInactiveKeyActivityStaysButCannotBeTicked) {
  auto in = create_input();
  in.key_activity_ids.present = true;
  in.key_activity_ids.value = {2};
  auto a = upsert(in);
  (*db_)->write_now([&](storage::Session& s) {
    s.exec("UPDATE key_activities SET is_active = 0 WHERE company_id = ? AND key_activity_id = 2",
           {company_});
  });
  auto edit = update_input(a);
  edit.key_activity_ids = in.key_activity_ids;
  EXPECT_EQ(upsert(edit).key_activity_ids, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(upsert_error(in), "keyActivityId 2 was not found");
}

TEST_P(ActivityServiceTest, OnlyActiveEmployeesAreAssigned) {
  (*db_)->write_now([&](storage::Session& s) {
    employees::deactivate_employee(s, company_, demo::kSecondStaffCode, kFeb14);
  });
  auto in = create_input();
  in.assign_to_user_id = demo::kSecondUserId;
  EXPECT_EQ(upsert_error(in),
            std::string("assignToUserId ") + demo::kSecondUserId + " was not found");
  // The API client's own user is no employee.
  in.assign_to_user_id = demo::kApiUserId;
  EXPECT_EQ(upsert_error(in), std::string("assignToUserId ") + demo::kApiUserId + " was not found");
}

TEST_P(ActivityServiceTest, AnUpdateKeepsWhatItOmitsAndClearsWhatItNulls) {
  auto in = create_input();
  in.note.present = true;
  in.note.value = "Bring brochures";
  in.visit_latitude.present = true;
  in.visit_latitude.value = 13.75;
  auto a = upsert(in);
  auto edit = update_input(a);
  edit.subject = "Visit (moved)";
  auto kept = upsert(edit);
  EXPECT_EQ(kept.subject, "Visit (moved)");
  EXPECT_EQ(kept.note, "Bring brochures");
  EXPECT_EQ(kept.visit_latitude, 13.75);
  EXPECT_EQ(kept.customer_code, "C000154");
  edit.note.present = true;
  edit.customer_code.present = true;
  auto cleared = upsert(edit);
  EXPECT_FALSE(cleared.note);
  EXPECT_FALSE(cleared.customer_id);
  EXPECT_FALSE(cleared.customer_name);
  EXPECT_EQ(cleared.activity_no, a.activity_no);
  EXPECT_EQ(cleared.date_created, a.date_created);
  EXPECT_EQ(cleared.created_by_user_id, demo::kApiUserId);
}

TEST_P(ActivityServiceTest, AnUnknownNumberIsNotFound) {
  auto in = create_input();
  in.activity_no = "A20990100001";
  EXPECT_EQ(upsert_error(in), "activityNo A20990100001 was not found");
}

TEST_P(ActivityServiceTest, TheDemoActivitiesAreRealActivities) {
  auto a = run_sync(service_->by_no(caller_, "A20250200028"));
  EXPECT_EQ(a.status_id, kStatusCompleted);
  EXPECT_EQ(a.customer_code, "C000154");
  EXPECT_EQ(a.assign_to_user_id, demo::kAssigneeUserId);
  auto b = run_sync(service_->by_id(caller_, a.activity_id + 1));
  EXPECT_EQ(b.activity_no, "A20250200029");
}

}  // namespace
}  // namespace ov::activities
