// The administration's writes of employees and the Employee section's reads, without HTTP, on
// every backend.
#include "modules/employees/employee_service.hpp"

#include <gtest/gtest.h>

#include "modules/refs.hpp"
#include "modules/test_company.hpp"

namespace ov::employees {
namespace {

using storage::run_sync;

constexpr core::UnixSeconds kNow = 1739509200;

TEST(RoleTest, RolesAreFoundByNameOrId) {
  ASSERT_NE(find_role("manager"), nullptr);
  EXPECT_EQ(find_role("manager")->id, "2");
  EXPECT_EQ(find_role("1")->name, "Administrator");
  EXPECT_EQ(find_role("Boss"), nullptr);
}

class EmployeeServiceTest : public modules::DemoCompanyTest {
 protected:
  EmployeeServiceTest() : DemoCompanyTest(kNow) {}
  void SetUp() override {
    DemoCompanyTest::SetUp();
    if (IsSkipped()) return;
    service_.emplace(db());
  }

  EmployeeRecord add(NewEmployee e) {
    EmployeeRecord out;
    db().write_now([&](storage::Session& s) { out = add_employee(s, company_, e, kNow); });
    return out;
  }
  std::string add_error(NewEmployee e) {
    try {
      add(std::move(e));
    } catch (const core::ApiError& err) {
      return err.what();
    }
    return "";
  }

  std::optional<EmployeeService> service_;
};
OV_ON_EVERY_BACKEND(EmployeeServiceTest);

TEST_P(EmployeeServiceTest, AnEmployeeHasEveryFieldItWasGiven) {
  NewEmployee e;
  e.first_name = "Kanya";
  e.last_name = "Boonmee";
  e.email = "kanya@example.com";
  e.staff_code = "S100";
  e.team = "Northern sales";
  e.title = "Ms.";
  e.position = "Sales executive";
  e.phone = "089-000-0000";
  e.role = "manager";
  e.level = 2;
  auto k = add(e);
  EXPECT_EQ(k.fullname, "Kanya Boonmee");
  EXPECT_EQ(k.username, "kanya@example.com");
  EXPECT_EQ(k.staff_code, "S100");
  EXPECT_EQ(k.team_name, "Northern sales");
  // The demo's team is 1; a new name gets the next id.
  EXPECT_EQ(k.team_id, 2);
  EXPECT_EQ(k.role, "Manager");
  EXPECT_EQ(k.role_id, "2");
  EXPECT_EQ(k.level, 2);
  EXPECT_TRUE(k.is_active);
  // Created by the company's administration, whose user is its Administrator.
  (*db_)->read_now([&](storage::Session& s) {
    EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM users WHERE company_id = ? AND user_id = ? AND "
                          "role_id = '1'",
                          {company_, std::string_view(k.created_by_user_id)}),
              1);
  });
  // The same team name (any case) is the same team.
  NewEmployee other;
  other.first_name = "Preecha";
  other.team = "NORTHERN SALES";
  EXPECT_EQ(add(other).team_id, 2);
}

TEST_P(EmployeeServiceTest, StaffCodesAreUniquePerCompanyInAnyCase) {
  NewEmployee e;
  e.first_name = "Copy";
  e.staff_code = "STAFF01";
  EXPECT_EQ(add_error(e), "staffCode STAFF01 is already another user's");
  e.staff_code = "staff03";
  EXPECT_EQ(add_error(e), "");
}

TEST_P(EmployeeServiceTest, BadValuesAreRefused) {
  NewEmployee e;
  EXPECT_EQ(add_error(e), "firstname is required");
  e.first_name = "A";
  e.email = "not-an-address";
  EXPECT_EQ(add_error(e), "email must contain @");
  e.email.reset();
  e.role = "Boss";
  EXPECT_EQ(add_error(e), "role must be Administrator, Manager or Staff");
  e.role.reset();
  e.staff_code = std::string(51, 'x');
  EXPECT_EQ(add_error(e), "staffCode must be at most 50 characters");
  e.staff_code.reset();
  e.level = 101;
  EXPECT_EQ(add_error(e), "level must be between 0 and 100");
}

TEST_P(EmployeeServiceTest, UpdateKeepsWhatIsNotGivenAndDeactivationStopsAssignment) {
  EmployeeRecord e;
  db().write_now([&](storage::Session& s) {
    EmployeeChanges c;
    c.position = "Senior sales executive";
    c.nickname = "";  // clears
    e = update_employee(s, company_, "STAFF02", c, kNow + 60);
  });
  EXPECT_EQ(e.position, "Senior sales executive");
  EXPECT_FALSE(e.nickname);
  EXPECT_EQ(e.fullname, "Suda Srisuk");
  EXPECT_EQ(e.date_modified, kNow + 60);
  db().write_now([&](storage::Session& s) {
    EXPECT_TRUE(refs::find_employee_ref(s, company_, demo::kSecondUserId));
    deactivate_employee(s, company_, demo::kSecondUserId, kNow);
    EXPECT_FALSE(refs::find_employee_ref(s, company_, demo::kSecondUserId));
    EXPECT_FALSE(refs::find_employee_by_staff_code(s, company_, "staff02"));
  });
  // Still readable, as inactive.
  auto read = run_sync(service_->get(caller_, "staff02"));
  EXPECT_FALSE(read.is_active);
}

TEST_P(EmployeeServiceTest, AnEmployeeIsFoundByGuidOrElseByStaffCode) {
  EXPECT_EQ(run_sync(service_->get(caller_, "6D473B8F-A6B3-4536-B1E6-F4B7688414E2")).staff_code,
            "staff01");
  EXPECT_EQ(run_sync(service_->get(caller_, "Staff01")).user_id, demo::kAssigneeUserId);
  // The API client's user is no employee.
  EXPECT_EQ(storage::error_of([&]() -> boost::asio::awaitable<void> {
              co_await service_->get(caller_, demo::kApiUserId);
            }),
            std::string("Employee ") + demo::kApiUserId + " was not found");
}

TEST_P(EmployeeServiceTest, TheEnquiryFiltersAndPages) {
  for (int i = 0; i < 5; ++i) {
    NewEmployee e;
    e.first_name = "สมหญิง";
    e.last_name = "ใจดี " + std::to_string(i);
    e.staff_code = "T" + std::to_string(i);
    e.team = i % 2 ? "Odd" : "Even";
    e.active = i != 4;
    add(e);
  }
  EnquiryInput in;
  in.take = 2;
  in.order = {{kSortByStaffCode, false}};
  in.is_active = true;
  auto page = run_sync(service_->enquiry(caller_, in));
  // The demo's staff01, staff02, Admin01, STAFF-001 and 00004, then T0-T3 (the Administrator
  // has no staff code: it sorts first).
  EXPECT_EQ(page.total, 10);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_FALSE(page.items[0].staff_code);
  in.keyword = "หญิง";  // a Thai substring
  in.take = 10;
  EXPECT_EQ(run_sync(service_->enquiry(caller_, in)).total, 4);
  in.is_active.reset();
  EXPECT_EQ(run_sync(service_->enquiry(caller_, in)).total, 5);
  in.keyword.reset();
  in.staff_codes = {"t1", "T3", "nobody"};
  EXPECT_EQ(run_sync(service_->enquiry(caller_, in)).total, 2);
  in.staff_codes.clear();
  in.keyword = "STAFF0";  // ASCII letters match in any case
  EXPECT_EQ(run_sync(service_->enquiry(caller_, in)).total, 2);
}

}  // namespace
}  // namespace ov::employees
