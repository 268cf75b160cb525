// Two tenants on one server, for the Activity, Employee, Task and Setting sections: another
// company's activity, employee, task reference, key activity or header template is unknown.
#include <gtest/gtest.h>

#include <string>

#include "modules/activities/activity_types.hpp"
#include "modules/employees/employee_service.hpp"
#include "modules/settings/setting_repository.hpp"
#include "storage/master_lists.hpp"
#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr core::UnixSeconds kNow = 1739509200;
// A GUID only company A has an employee for.
constexpr const char* kOnlyInA = "aaaaaaaa-1111-4222-8333-444444444444";

Body activity_body(const std::string& assignee = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2") {
  Body b;
  b.str("subject", "Tenancy check")
      .set("activityTypeId", "3")
      .str("dateAppointmentStart", "2025-02-20T10:00:00+0700")
      .str("dateAppointmentEnd", "2025-02-20T10:15:00+0700")
      .str("assignToUserId", assignee);
  return b;
}

Body task_body(const std::string& assignee = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2") {
  Body b;
  b.str("subject", "Tenancy check").str("dateDue", "2025-02-20").str("assignedToUserId", assignee);
  return b;
}

class SectionTenancy : public ::testing::Test {
 protected:
  SectionTenancy() {
    server_.db().write_now([&](storage::Session& s) {
      employees::NewEmployee e;
      e.user_id = kOnlyInA;
      e.first_name = "Only";
      e.last_name = "in A";
      e.staff_code = "onlya";
      employees::add_employee(s, a_.id, e, kNow);
      storage::add_master_row(s, activities::kKeyActivities, a_.id, 50, "Only in A");
      settings::HeaderTemplate t;
      t.header_template_id = 9;
      t.name = "Only in A";
      t.document_type = settings::kQuotation;
      settings::add_header_template(s, a_.id, t);
    });
  }
  HttpResponse post(const TestCompany& c, const std::string& path, const std::string& body) {
    return http_.request("POST", path, c.auth_json(), body);
  }
  HttpResponse get(const TestCompany& c, const std::string& path) {
    return http_.request("GET", path, c.auth());
  }
  void expect_not_found(const HttpResponse& res, api::Family family, const std::string& message) {
    EXPECT_EQ(res.status, 404) << res.body;
    EXPECT_EQ(res.body, one_problem_body(family, message, 404));
  }

  TestServer server_{fixed_at(kNow)};
  TestCompany a_ = server_.add_company();
  TestCompany b_ = server_.add_company();
  HttpClient http_ = server_.client();
};

TEST_F(SectionTenancy, AnotherCompanysActivityIsNotFoundAndUntouched) {
  auto created = post(a_, "/v2/activities", activity_body().json());
  ASSERT_EQ(created.status, 200) << created.body;
  const auto id = std::to_string(created.json()["data"]["activityId"].GetInt64());
  const std::string no = created.json()["data"]["activityNo"].GetString();
  ASSERT_EQ(no, "A20250200030");
  for (const char* prefix : {"/v1/activities/", "/v2/activities/"}) {
    expect_not_found(get(b_, prefix + id), api::Family::kS, "activityId " + id + " was not found");
  }
  expect_not_found(get(b_, "/v2/activities/no/" + no), api::Family::kS,
                   "activityNo " + no + " was not found");
  expect_not_found(post(b_, "/v2/activities", activity_body().str("activityNo", no).json()),
                   api::Family::kS, "activityNo " + no + " was not found");
  EXPECT_EQ(get(a_, "/v2/activities/" + id).body, created.body);
  // Each company's enquiry shows its own; both hold the two demo activities.
  EXPECT_EQ(post(a_, "/v2/activities/enquiry", R"({"take":10})").header("x-total-count"), "3");
  EXPECT_EQ(post(b_, "/v2/activities/enquiry", R"({"take":10})").header("x-total-count"), "2");
  EXPECT_EQ(post(b_, "/v2/activities/enquiry", R"({"take":10,"activityNo":"A20250200030"})")
                .header("x-total-count"),
            "0");
  // Numbers are per company: B's next is the same number, its own activity.
  auto in_b = post(b_, "/v2/activities", activity_body().json());
  EXPECT_STREQ(in_b.json()["data"]["activityNo"].GetString(), "A20250200030");
  EXPECT_NE(in_b.json()["data"]["activityId"].GetInt64(), std::stoll(id));
}

TEST_F(SectionTenancy, AnotherCompanysEmployeeIsNotFoundAndCannotBeAssigned) {
  ASSERT_EQ(get(a_, std::string("/v1/employees/") + kOnlyInA).status, 200);
  expect_not_found(get(b_, std::string("/v1/employees/") + kOnlyInA), api::Family::kV,
                   std::string("Employee ") + kOnlyInA + " was not found");
  expect_not_found(get(b_, "/v1/employees/onlya"), api::Family::kV, "Employee onlya was not found");
  EXPECT_EQ(post(a_, "/v1/employees/enquiry", R"({"take":10})").header("x-total-count"), "4");
  EXPECT_EQ(post(b_, "/v1/employees/enquiry", R"({"take":10})").header("x-total-count"), "3");
  const std::string missing = std::string(" ") + kOnlyInA + " was not found";
  expect_not_found(post(b_, "/v2/activities", activity_body(kOnlyInA).json()), api::Family::kS,
                   "assignToUserId" + missing);
  expect_not_found(post(b_, "/v1/task", task_body(kOnlyInA).json()), api::Family::kS,
                   "assignedToUserId" + missing);
  auto add_case = Body()
                      .set("caseType", "1")
                      .str("subject", "x")
                      .set("categoryId", "1")
                      .str("dateCase", "2025-02-14")
                      .str("dateDue", "2025-02-14")
                      .str("assignedToUserId", kOnlyInA);
  expect_not_found(post(b_, "/v1/case", add_case.json()), api::Family::kSN,
                   "assignedToUserId" + missing);
  // The same requests succeed where the employee is.
  EXPECT_EQ(post(a_, "/v2/activities", activity_body(kOnlyInA).json()).status, 200);
  EXPECT_EQ(post(a_, "/v1/task", task_body(kOnlyInA).json()).status, 200);
}

TEST_F(SectionTenancy, TasksReferOnlyToTheirOwnCompanysRecords) {
  auto activity = post(a_, "/v2/activities", activity_body().json());
  ASSERT_EQ(activity.status, 200);
  auto c = post(a_, "/v1/case", kDocAddCaseExample);
  ASSERT_EQ(c.status, 200) << c.body;
  const std::string case_no = c.json()["data"]["data"]["feedbackNo"].GetString();
  ASSERT_EQ(case_no, "T250200011");
  expect_not_found(post(b_, "/v1/task", task_body().str("caseNo", case_no).json()), api::Family::kS,
                   "caseNo " + case_no + " was not found");
  expect_not_found(post(b_, "/v1/task", task_body().str("activityNo", "A20250200030").json()),
                   api::Family::kS, "activityNo A20250200030 was not found");
  auto ok = post(a_, "/v1/task",
                 task_body().str("caseNo", case_no).str("activityNo", "A20250200030").json());
  ASSERT_EQ(ok.status, 200) << ok.body;
  // B's task naming the demo records links B's own rows, never A's.
  auto in_b = post(b_, "/v1/task",
                   task_body().str("customerCode", "C000154").str("dealNo", "D241200044").json());
  ASSERT_EQ(in_b.status, 200) << in_b.body;
  const auto task_id = in_b.json()["data"]["taskId"].GetInt64();
  EXPECT_EQ(in_b.json()["data"]["customerId"].GetInt64(), server_.customer_id("C000154", b_));
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM tasks t JOIN deals d ON d.deals_id = t.deals_id "
                           "WHERE t.task_id = ? AND d.company_id = ?",
                           {task_id, b_.id}),
            1);
}

TEST_F(SectionTenancy, KeyActivitiesAndTemplatesAreEachCompanysOwn) {
  EXPECT_EQ(get(a_, "/v2/activities/key-activities").header("x-total-count"), "8");
  EXPECT_EQ(get(b_, "/v2/activities/key-activities").header("x-total-count"), "7");
  expect_not_found(post(b_, "/v2/activities", activity_body().set("keyActivityIds", "[50]").json()),
                   api::Family::kS, "keyActivityId 50 was not found");
  EXPECT_EQ(post(a_, "/v2/activities", activity_body().set("keyActivityIds", "[50]").json()).status,
            200);
  EXPECT_EQ(get(a_, "/v1/setting/header-templates").header("x-total-count"), "4");
  EXPECT_EQ(get(b_, "/v1/setting/header-templates").header("x-total-count"), "3");
  EXPECT_EQ(get(b_, "/v2/salesorder/headerTemplate?documentType=1").body.find("Only in A"),
            std::string::npos);
}

}  // namespace
}  // namespace ov::test
