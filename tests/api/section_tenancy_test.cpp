// Two tenants on one server, for the Activity, Employee, Task, Setting, Deal, Expense and
// Product sections: another company's activity, employee, task reference, key activity, header
// template, deal, deal board, stage, label, interest or missed reason, expense and its
// attachments, or product, variant, ticket, unit, group and property is unknown.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "modules/activities/activity_types.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/deals/deal_types.hpp"
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

Body deal_body() {
  Body b;
  b.set("customerCodes", R"(["C000154"])")
      .set("boardId", "1")
      .str("dealName", "Tenancy check")
      .set("probability", "10")
      .set("dealValue", "100")
      .str("expectedCloseDate", "2025-03-31T00:00:00+0700")
      .str("assignTo", "staff01");
  return b;
}

Body deal_update_body() {
  Body b;
  b.str("dealName", "Taken over")
      .set("dealValue", "1")
      .str("expectedCloseDate", "2025-03-31T00:00:00+0700")
      .str("assignTo", "staff01");
  return b;
}

Body expense_body() {
  Body b;
  b.set("ExpenseDetails", R"([{"expenseTypeId":1008,"amount":250}])")
      .str("subject", "Tenancy check");
  return b;
}

// The groups of an Expense Enquiry reply, as "<statusId>:<expenseId> <expenseNo>,…;…", each
// expense checked to be of `company`.
std::string expense_groups(const HttpResponse& res, std::int64_t company) {
  EXPECT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  std::string out;
  if (!doc.IsObject() || !doc.HasMember("data")) return out;
  for (const auto& g : doc["data"]["value"].GetArray()) {
    if (!out.empty()) out += ";";
    out += std::to_string(g["statusId"].GetInt()) + ":";
    bool first = true;
    for (const auto& e : g["expenses"].GetArray()) {
      EXPECT_EQ(e["companyId"].GetInt64(), company) << res.body;
      if (!first) out += ",";
      first = false;
      out += std::to_string(e["expenseId"].GetInt64()) + " " + e["expenseNo"].GetString();
    }
  }
  return out;
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
      // Deal references only company A has: a customer, a board with its stage, a label, an
      // interest topic and a missed reason.
      customers::CustomerRecord c;
      c.company_id = a_.id;
      c.customer_code = "CA00001";
      c.customer_name = "Only in A Co., Ltd.";
      c.created_by_user_id = c.modified_by_user_id = a_.admin_user_id;
      c.date_created = c.date_modified = kNow;
      customers::insert_customer(s, c);
      deals::add_board(s, a_.id, 77, "Only in A");
      deals::add_stage(s, a_.id, 77, {7701, "Only in A", 1, 10, deals::kStageNormal});
      deals::add_label(s, a_.id, {77, "Only in A", "#000000"});
      storage::add_master_row(s, customers::kInterestTopics, a_.id, 77, "Only in A");
      storage::add_master_row(s, deals::kMissedReasons, a_.id, 77, "Only in A");
    });
  }
  HttpResponse post(const TestCompany& c, const std::string& path, const std::string& body) {
    return http_.request("POST", path, c.auth_json(), body);
  }
  HttpResponse put(const TestCompany& c, const std::string& path, const std::string& body) {
    return http_.request("PUT", path, c.auth_json(), body);
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
  // The demo's six employees (three named by the money documents' examples), and A's own.
  EXPECT_EQ(post(a_, "/v1/employees/enquiry", R"({"take":10})").header("x-total-count"), "7");
  EXPECT_EQ(post(b_, "/v1/employees/enquiry", R"({"take":10})").header("x-total-count"), "6");
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

TEST_F(SectionTenancy, AnotherCompanysDealIsNotFoundAndUntouched) {
  auto created = post(a_, "/v1/deals", deal_body().json());
  ASSERT_EQ(created.status, 200) << created.body;
  const auto id = std::to_string(created.json()["data"]["value"]["dealsId"].GetInt64());
  const std::string no = created.json()["data"]["value"]["dealNo"].GetString();
  ASSERT_EQ(no, "D250200001");
  const auto before = get(a_, "/v1/deals/" + no);
  ASSERT_EQ(before.status, 200) << before.body;
  // By id and by number, to read or to update.
  expect_not_found(get(b_, "/v1/deals/" + id), api::Family::kV, "dealsId " + id + " was not found");
  expect_not_found(get(b_, "/v1/deals/" + no), api::Family::kV, "dealNo " + no + " was not found");
  expect_not_found(put(b_, "/v1/deals/" + id, deal_update_body().json()), api::Family::kV,
                   "dealsId " + id + " was not found");
  expect_not_found(put(b_, "/v1/deals/" + no, deal_update_body().json()), api::Family::kV,
                   "dealNo " + no + " was not found");
  // Both hold a D241200044 of their own: A's id names nothing in B.
  const auto demo_a = std::to_string(server_.scalar(
      "SELECT deals_id FROM deals WHERE company_id = ? AND deal_no = 'D241200044'", {a_.id}));
  expect_not_found(get(b_, "/v1/deals/" + demo_a), api::Family::kV,
                   "dealsId " + demo_a + " was not found");
  expect_not_found(put(b_, "/v1/deals/" + demo_a, deal_update_body().json()), api::Family::kV,
                   "dealsId " + demo_a + " was not found");
  auto own = get(b_, "/v1/deals/D241200044");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_NE(std::to_string(own.json()["data"]["value"]["dealsId"].GetInt64()), demo_a);
  EXPECT_EQ(get(a_, "/v1/deals/" + no).body, before.body);
  EXPECT_EQ(get(a_, "/v1/deals/" + id).body, before.body);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM deals WHERE company_id = ? AND deals_name = "
                           "'Taken over'",
                           {a_.id}),
            0);
  // Each company's enquiry shows its own; both hold the two demo deals.
  EXPECT_EQ(post(a_, "/v1/deals/enquiry", R"({"take":10})").header("x-total-count"), "3");
  EXPECT_EQ(post(b_, "/v1/deals/enquiry", R"({"take":10})").header("x-total-count"), "2");
  for (const char* filter :
       {R"("keyword":"D250200001")", R"("keyword":"Tenancy")", R"("boardId":1)",
        R"("dealStageIds":[1])",
        R"("statusIds":[1],"customerCode":"C000154","dateFrom":"2025-02-01")"}) {
    SCOPED_TRACE(filter);
    EXPECT_EQ(post(a_, "/v1/deals/enquiry", std::string(R"({"take":10,)") + filter + "}")
                  .header("x-total-count"),
              "1");
    EXPECT_EQ(post(b_, "/v1/deals/enquiry", std::string(R"({"take":10,)") + filter + "}")
                  .header("x-total-count"),
              "0");
  }
  auto b_list = post(b_, "/v1/deals/enquiry", R"({"take":10})");
  EXPECT_EQ(b_list.body.find(R"("dealsId":)" + id + ","), std::string::npos);
  EXPECT_EQ(b_list.body.find(R"("dealsId":)" + demo_a + ","), std::string::npos);
  // Numbers are per company: B's next is the same number, its own deal.
  auto in_b = post(b_, "/v1/deals", deal_body().json());
  ASSERT_EQ(in_b.status, 200) << in_b.body;
  EXPECT_STREQ(in_b.json()["data"]["value"]["dealNo"].GetString(), "D250200001");
  EXPECT_NE(in_b.json()["data"]["value"]["dealsId"].GetInt64(), std::stoll(id));
  EXPECT_EQ(in_b.json()["data"]["value"]["customerId"].GetInt64(),
            server_.customer_id("C000154", b_));
}

TEST_F(SectionTenancy, AnotherCompanysExpenseIsNotFoundAndUntouched) {
  const auto with_link = expense_body().set(
      "attachments", R"([{"filename":"receipt.pdf","url":"https://files.example.com/r.pdf"}])");
  auto created = post(a_, "/v1/expenses", with_link.json());
  ASSERT_EQ(created.status, 200) << created.body;
  const auto doc = created.json();
  const auto& value = doc["data"]["value"];
  const auto id = std::to_string(value["expenseId"].GetInt64());
  const std::string no = value["expenseNo"].GetString();
  ASSERT_EQ(no, "EXP250200001");
  const auto attachment = std::to_string(value["attachments"][0]["attachmentId"].GetInt64());
  const auto before = get(a_, "/v1/expenses/" + no);
  ASSERT_EQ(before.status, 200) << before.body;
  // By id and by number, to read or to update.
  const auto taken_over = expense_body().str("subject", "Taken over").json();
  expect_not_found(get(b_, "/v1/expenses/" + id), api::Family::kV,
                   "expenseId " + id + " was not found");
  expect_not_found(get(b_, "/v1/expenses/" + no), api::Family::kV,
                   "expenseNo " + no + " was not found");
  expect_not_found(put(b_, "/v1/expenses/" + id, taken_over), api::Family::kV,
                   "expenseId " + id + " was not found");
  expect_not_found(put(b_, "/v1/expenses/" + no, taken_over), api::Family::kV,
                   "expenseNo " + no + " was not found");
  // Both hold an EXP230100001 of their own: A's id names nothing in B.
  const auto demo_a = std::to_string(server_.scalar(
      "SELECT expense_id FROM expenses WHERE company_id = ? AND expense_no = 'EXP230100001'",
      {a_.id}));
  expect_not_found(get(b_, "/v1/expenses/" + demo_a), api::Family::kV,
                   "expenseId " + demo_a + " was not found");
  expect_not_found(put(b_, "/v1/expenses/" + demo_a, taken_over), api::Family::kV,
                   "expenseId " + demo_a + " was not found");
  auto own = get(b_, "/v1/expenses/EXP230100001");
  ASSERT_EQ(own.status, 200) << own.body;
  const auto demo_b = std::to_string(own.json()["data"]["value"]["expenseId"].GetInt64());
  EXPECT_NE(demo_b, demo_a);
  EXPECT_EQ(get(a_, "/v1/expenses/" + no).body, before.body);
  EXPECT_EQ(get(a_, "/v1/expenses/" + id).body, before.body);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM expenses WHERE subject = 'Taken over'"), 0);
  // Each company's enquiry shows its own: A its new expense and its demo one, B its demo one.
  EXPECT_EQ(expense_groups(post(a_, "/v1/expenses/enquiry", R"({"expenseTypeId":0})"), a_.id),
            "301:" + id + " " + no + ";302:" + demo_a + " EXP230100001");
  EXPECT_EQ(expense_groups(post(b_, "/v1/expenses/enquiry", R"({"expenseTypeId":0})"), b_.id),
            "302:" + demo_b + " EXP230100001");
  for (const char* body :
       {R"({"expenseTypeId":0,"searchText":"EXP250200001"})",
        R"({"expenseTypeId":0,"searchText":"Tenancy"})", R"({"expenseTypeId":1008})",
        R"({"expenseTypeId":0,"statusIds":["301"]})",
        R"({"expenseTypeId":0,"dateStart":"2025-02-01"})"}) {
    SCOPED_TRACE(body);
    EXPECT_EQ(expense_groups(post(a_, "/v1/expenses/enquiry", body), a_.id),
              "301:" + id + " " + no);
    EXPECT_EQ(expense_groups(post(b_, "/v1/expenses/enquiry", body), b_.id), "");
  }
  // A's activities cannot be linked by B, by number or by id; B's own can.
  auto activity = post(a_, "/v2/activities", activity_body().json());
  ASSERT_EQ(activity.status, 200) << activity.body;
  const auto activity_id = std::to_string(activity.json()["data"]["activityId"].GetInt64());
  ASSERT_STREQ(activity.json()["data"]["activityNo"].GetString(), "A20250200030");
  const auto demo_activity_a = std::to_string(server_.scalar(
      "SELECT activity_id FROM activities WHERE company_id = ? AND activity_no = 'A20250200028'",
      {a_.id}));
  expect_not_found(
      post(b_, "/v1/expenses", expense_body().str("activityId", "A20250200030").json()),
      api::Family::kV, "activityId A20250200030 was not found");
  expect_not_found(post(b_, "/v1/expenses", expense_body().set("activityId", activity_id).json()),
                   api::Family::kV, "activityId " + activity_id + " was not found");
  expect_not_found(
      post(b_, "/v1/expenses", expense_body().str("activityId", demo_activity_a).json()),
      api::Family::kV, "activityId " + demo_activity_a + " was not found");
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM expenses WHERE company_id = ?", {b_.id}), 1);
  // Numbers are per company: B's first February expense is EXP250200001 too, its own.
  auto in_b = post(b_, "/v1/expenses", expense_body().str("activityId", "A20250200028").json());
  ASSERT_EQ(in_b.status, 200) << in_b.body;
  const auto b_doc = in_b.json();
  const auto& b_value = b_doc["data"]["value"];
  EXPECT_STREQ(b_value["expenseNo"].GetString(), "EXP250200001");
  const auto b_id = std::to_string(b_value["expenseId"].GetInt64());
  EXPECT_NE(b_id, id);
  EXPECT_EQ(b_value["activityId"].GetInt64(),
            server_.scalar("SELECT activity_id FROM activities WHERE company_id = ? AND "
                           "activity_no = 'A20250200028'",
                           {b_.id}));
  // A's attachment is no attachment of B's expense, new or stored.
  const auto keep_a = expense_body().set("attachments", R"([{"attachmentId":)" + attachment + "}]");
  const std::string not_ours =
      "attachments[0].attachmentId " + attachment + " is not an attachment of this expense";
  auto kept = put(b_, "/v1/expenses/" + b_id, keep_a.json());
  EXPECT_EQ(kept.status, 400) << kept.body;
  EXPECT_EQ(kept.body, one_problem_body(api::Family::kV, not_ours));
  auto kept_new = post(b_, "/v1/expenses", keep_a.json());
  EXPECT_EQ(kept_new.status, 400) << kept_new.body;
  EXPECT_EQ(kept_new.body, one_problem_body(api::Family::kV, not_ours));
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM expenses WHERE company_id = ?", {b_.id}), 2);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM attachments WHERE company_id = ? AND "
                           "attachment_id = ? AND ref_id = ?",
                           {a_.id, std::stoll(attachment), std::stoll(id)}),
            1);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM attachments WHERE company_id = ?", {b_.id}), 0);
  EXPECT_EQ(get(a_, "/v1/expenses/" + id).body, before.body);
  // B's next is EXP250200002: the refused create gave its number back.
  auto next_b = post(b_, "/v1/expenses", expense_body().json());
  ASSERT_EQ(next_b.status, 200) << next_b.body;
  EXPECT_STREQ(next_b.json()["data"]["value"]["expenseNo"].GetString(), "EXP250200002");
}

TEST_F(SectionTenancy, DealsReferOnlyToTheirOwnCompanysRecords) {
  struct Case {
    Body body;
    std::string message;
  };
  const std::vector<Case> cases = {
      {deal_body().set("customerCodes", R"(["C000154","CA00001"])"),
       "customerCodes CA00001 was not found"},
      {deal_body().str("assignTo", "onlya"), "assignTo onlya was not found"},
      {deal_body().set("participantCodes", R"(["staff02","onlya"])"),
       "participantCodes onlya was not found"},
      {deal_body().set("boardId", "77"), "boardId 77 was not found"},
      {deal_body().set("boardId", "77").set("dealStageId", "7701"), "boardId 77 was not found"},
      {deal_body().set("dealStageId", "7701"), "dealStageId 7701 was not found"},
      {deal_body().set("dealLabels", "[1,77]"), "dealLabels 77 was not found"},
      {deal_body().set("dealInterests", "[77]"), "dealInterests 77 was not found"},
      {deal_body().set("dealStageId", "5").set("reasonCategoryId", "77"),
       "reasonCategoryId 77 was not found"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message);
    expect_not_found(post(b_, "/v1/deals", c.body.json()), api::Family::kV, c.message);
  }
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM deals WHERE company_id = ?", {b_.id}), 2);
  // Updating B's own deal with A's entries.
  expect_not_found(
      put(b_, "/v1/deals/D241200044", deal_update_body().set("dealLabels", "[77]").json()),
      api::Family::kV, "dealLabels 77 was not found");
  expect_not_found(
      put(b_, "/v1/deals/D241200044", deal_update_body().set("dealStageId", "7701").json()),
      api::Family::kV, "dealStageId 7701 was not found");
  expect_not_found(put(b_, "/v1/deals/D241200044",
                       deal_update_body().set("participantCodes", R"(["onlya"])").json()),
                   api::Family::kV, "participantCodes onlya was not found");
  // The same requests succeed where the records are.
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message);
    auto body = c.body;
    if (c.message.rfind("dealStageId", 0) == 0) body.set("boardId", "77");
    auto res = post(a_, "/v1/deals", body.json());
    EXPECT_EQ(res.status, 200) << res.body;
  }
  EXPECT_EQ(post(a_, "/v1/deals/enquiry", R"({"take":10,"customerCode":"CA00001"})")
                .header("x-total-count"),
            "1");
  EXPECT_EQ(post(b_, "/v1/deals/enquiry", R"({"take":10,"customerCode":"CA00001"})")
                .header("x-total-count"),
            "0");
  EXPECT_EQ(
      post(b_, "/v1/deals/enquiry", R"({"take":10,"assignTo":"onlya"})").header("x-total-count"),
      "0");
  EXPECT_EQ(post(b_, "/v1/deals/enquiry", R"({"take":10,"boardId":77})").header("x-total-count"),
            "0");
}

TEST_F(SectionTenancy, DealListsAreEachCompanysOwn) {
  struct List {
    const char* path;
    const char* a_total;
    const char* b_total;
  };
  for (const auto& l :
       {List{"/v1/deals/boards", "3", "2"}, List{"/v1/deals/stages", "9", "8"},
        List{"/v1/deals/stages?boardId=77", "1", "0"}, List{"/v1/deals/interests", "2", "1"},
        List{"/v1/deals/labels", "7", "6"}, List{"/v1/deals/missed-reason-categories", "7", "6"}}) {
    SCOPED_TRACE(l.path);
    auto a = get(a_, l.path);
    auto b = get(b_, l.path);
    ASSERT_EQ(a.status, 200) << a.body;
    ASSERT_EQ(b.status, 200) << b.body;
    EXPECT_EQ(a.header("x-total-count"), l.a_total);
    EXPECT_EQ(b.header("x-total-count"), l.b_total);
    EXPECT_NE(a.body.find("Only in A"), std::string::npos);
    EXPECT_EQ(b.body.find("Only in A"), std::string::npos);
  }
  // The default board is each company's own too.
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM deal_board_defaults WHERE company_id IN (?, ?)",
                           {a_.id, b_.id}),
            2);
}

// A's product, its variant, its ticket and the group, unit and property it created.
Body product_body(const std::string& code) {
  Body b;
  b.str("productCode", code)
      .str("productName", "Tenancy tea")
      .str("category", "Only in A")
      .str("subCategory", "Only in A too")
      .set("cost", "10")
      .set("prices", R"([{"priceTierName":"Retail","regularPrice":20}])")
      .str("productUnitName", "Only in A")
      .set("trackInventory", "true")
      .set("qty", "5")
      .set("useWarranty", "false")
      .set("visibility", "true")
      .set("active", "true")
      .set("productVariant",
           R"([{"productCode":")" + code +
               R"(-V","productName":"Tenancy tea, small","prices":[{"priceTierName":"Retail",)"
               R"("regularPrice":12}],"active":true,"attribute":[{"attributeName":"Only in A",)"
               R"("attributeValueName":"Only in A"}]}])");
  return b;
}

TEST_F(SectionTenancy, AnotherCompanysProductIsNotFoundAndUntouched) {
  const std::string body = R"({"products":[)" + product_body("TEN-1").json() + "]}";
  auto created = post(a_, "/v3/Products", body);
  ASSERT_EQ(created.status, 200) << created.body;
  ASSERT_NE(created.body.find(R"("successItems":1,)"), std::string::npos) << created.body;
  const auto ticket = std::to_string(created.json()["data"]["ticketId"].GetInt64());
  const auto before = get(a_, "/v2/products/TEN-1");
  ASSERT_EQ(before.status, 200) << before.body;
  const auto a_doc = before.json();
  const auto id = a_doc["data"]["productId"].GetInt64();
  const auto unit = std::to_string(a_doc["data"]["unitId"].GetInt64());
  const auto group = a_doc["data"]["productGroupId"].GetInt64();
  ASSERT_EQ(unit, "2");  // after the demo's ชิ้น
  // By code, the product and its variant; the ticket by both paths; the unit by id.
  expect_not_found(get(b_, "/v2/products/TEN-1"), api::Family::kS,
                   "productCode TEN-1 was not found");
  expect_not_found(get(b_, "/v2/products/ten-1-v"), api::Family::kS,
                   "productCode ten-1-v was not found");
  for (const auto& path : {"/v3/products/tickets/" + ticket, "/tickets/" + ticket}) {
    expect_not_found(get(b_, path), api::Family::kS, "ticketId " + ticket + " was not found");
  }
  expect_not_found(get(b_, "/v1/products/units/" + unit), api::Family::kN,
                   "unitId " + unit + " was not found");
  // Each company's lists show its own: A's new group, unit and property are not B's.
  struct List {
    const char* path;
    const char* a_total;
    const char* b_total;
  };
  for (const auto& l : {List{"/v1/products/groups", "4", "2"}, List{"/v1/products/units", "2", "1"},
                        List{"/v1/products/properties", "1", "0"}}) {
    SCOPED_TRACE(l.path);
    auto a = get(a_, l.path);
    auto b = get(b_, l.path);
    ASSERT_EQ(a.status, 200) << a.body;
    ASSERT_EQ(b.status, 200) << b.body;
    EXPECT_EQ(a.header("x-total-count"), l.a_total);
    EXPECT_EQ(b.header("x-total-count"), l.b_total);
    EXPECT_NE(a.body.find("Only in A"), std::string::npos);
    EXPECT_EQ(b.body.find("Only in A"), std::string::npos);
  }
  // The catalogue lists and the filter: A's product is A's alone, whatever names it.
  const auto codes = [&](const TestCompany& c, const std::string& path, const std::string& q) {
    auto res = post(c, path, q);
    EXPECT_EQ(res.status, 200) << res.body;
    std::vector<std::string> out;
    auto doc = res.json();
    if (!doc.IsObject() || !doc["data"].IsArray()) return out;
    for (const auto& p : doc["data"].GetArray()) {
      if (p.HasMember("companyId")) {
        EXPECT_EQ(p["companyId"].GetInt64(), c.id);
      }
      out.emplace_back(p["productCode"].GetString());
    }
    return out;
  };
  // The demo's products by code, and by name (Get Products By Filter's order).
  const std::vector<std::string> demo = {"A001",  "A002",    "A003",   "AB00025dddd",
                                         "PD002", "PRD-001", "PRD-002"};
  const std::vector<std::string> demo_by_name = {"A001",  "AB00025dddd", "A002",   "A003",
                                                 "PD002", "PRD-001",     "PRD-002"};
  const std::vector<std::string> none;
  EXPECT_EQ(codes(b_, "/v2/Products/GetProduct", R"({"take":100,"status":[]})"), demo);
  auto with_ten = demo;
  with_ten.push_back("TEN-1");
  EXPECT_EQ(codes(a_, "/v2/Products/GetProduct", R"({"take":100,"status":[]})"), with_ten);
  for (const std::string& filter :
       {std::string(R"("smartSearch":"TEN-1")"), std::string(R"("smartSearch":"Tenancy")"),
        R"("productGroupIds":[)" + std::to_string(group) + "]",
        std::string(R"("productFor":"G00003")")}) {
    SCOPED_TRACE(filter);
    const auto q = R"({"productType":1031,"status":[],"take":100,)" + filter + "}";
    EXPECT_EQ(codes(a_, "/v1/products/getProduct", q), std::vector<std::string>{"TEN-1"});
    EXPECT_EQ(codes(b_, "/v1/products/getProduct", q), none);
  }
  EXPECT_EQ(codes(b_, "/v1/products/getProduct", R"({"productType":1031,"status":[],"take":100})"),
            demo_by_name);
  // B's stock update of A's code finds nothing; B's A001 is B's own.
  auto stock = put(b_, "/v1/products/stock",
                   R"([{"productCode":"TEN-1","qty":99},{"productCode":"TEN-1-V","qty":99},)"
                   R"({"productCode":"A001","qty":99}])");
  ASSERT_EQ(stock.status, 200) << stock.body;
  EXPECT_EQ(
      stock.body,
      R"({"data":[{"productCode":"TEN-1","qty":null,"isSuccess":false,"error":{"code":"4001",)"
      R"("message":"productCode TEN-1 was not found"}},{"productCode":"TEN-1-V","qty":null,)"
      R"("isSuccess":false,"error":{"code":"4001","message":"productCode TEN-1-V was not )"
      R"(found"}},{"productCode":"A001","qty":99,"isSuccess":true,"error":null}],)"
      R"("statusCode":1000,"httpStatusCode":200})");
  EXPECT_EQ(
      server_.scalar("SELECT COUNT(*) FROM products WHERE company_id = ? AND qty = '99'", {a_.id}),
      0);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM products WHERE company_id = ? AND "
                           "product_code = 'A001' AND qty = '99'",
                           {b_.id}),
            1);
  // B's upsert of the same codes creates B's own product and variant; A's stay as they were.
  auto in_b = post(b_, "/v3/Products", body);
  ASSERT_EQ(in_b.status, 200) << in_b.body;
  EXPECT_NE(in_b.body.find(R"("results":[{"productCode":"TEN-1","isSuccess":true,"error":null}])"),
            std::string::npos)
      << in_b.body;
  const auto b_ticket = std::to_string(in_b.json()["data"]["ticketId"].GetInt64());
  EXPECT_NE(b_ticket, ticket);
  expect_not_found(get(a_, "/tickets/" + b_ticket), api::Family::kS,
                   "ticketId " + b_ticket + " was not found");
  auto own = get(b_, "/v2/products/TEN-1");
  ASSERT_EQ(own.status, 200) << own.body;
  const auto b_doc = own.json();
  EXPECT_NE(b_doc["data"]["productId"].GetInt64(), id);
  ASSERT_EQ(b_doc["data"]["productVariant"].Size(), 1u) << own.body;
  EXPECT_STREQ(b_doc["data"]["productVariant"][0]["productCode"].GetString(), "TEN-1-V");
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM products WHERE company_id = ? AND "
                           "parent_product_id = ?",
                           {b_.id, b_doc["data"]["productId"].GetInt64()}),
            1);
  EXPECT_EQ(get(a_, "/v2/products/TEN-1").body, before.body);
  // Each company's groups, units and properties are numbered on their own.
  EXPECT_EQ(b_doc["data"]["unitId"].GetInt64(), 2);
  EXPECT_EQ(b_doc["data"]["productGroupId"].GetInt64(), group);
  for (const char* table : {"product_groups", "product_units", "product_attributes"}) {
    SCOPED_TRACE(table);
    for (const auto& c : {a_, b_}) {
      EXPECT_EQ(server_.scalar(std::string("SELECT COUNT(*) FROM ") + table +
                                   " WHERE company_id = ? AND name = 'Only in A'",
                               {c.id}),
                1);
    }
  }
}

// The administration plane decides an expense only under its own company's id.
TEST(SectionTenancyAdmin, AnotherCompanysExpenseIsNotDecidedUnderThisCompanysId) {
  constexpr const char* kAdminKey = "admin-key-5d2e8b71c4";
  TestServer server(fixed_at_with_admin_key(kNow, kAdminKey));
  const TestCompany a = server.add_company();
  const TestCompany b = server.add_company();
  auto http = server.client();
  auto created = http.request("POST", "/v1/expenses", a.auth_json(), expense_body().json());
  ASSERT_EQ(created.status, 200) << created.body;
  const auto id = std::to_string(created.json()["data"]["value"]["expenseId"].GetInt64());
  const std::string no = created.json()["data"]["value"]["expenseNo"].GetString();
  ASSERT_EQ(no, "EXP250200001");
  const auto before = http.request("GET", "/v1/expenses/" + id, a.auth());
  const auto under = [&](const TestCompany& c, const std::string& key, const char* action) {
    return http.request(
        "POST", "/admin/v1/companies/" + std::to_string(c.id) + "/expenses/" + key + "/" + action,
        admin_headers_for(kAdminKey), R"({"reason":"Not ours"})");
  };
  for (const char* action : {"approve", "reject", "cancel"}) {
    SCOPED_TRACE(action);
    for (const auto& [key, message] : {std::pair{id, "expenseId " + id + " was not found"},
                                       std::pair{no, "expenseNo " + no + " was not found"}}) {
      auto res = under(b, key, action);
      EXPECT_EQ(res.status, 404) << res.body;
      EXPECT_EQ(res.header("content-type"), "application/problem+json");
      auto doc = res.json();
      ASSERT_TRUE(doc.IsObject() && doc.HasMember("detail")) << res.body;
      EXPECT_STREQ(doc["detail"].GetString(), message.c_str());
    }
  }
  // B's own EXP250200001 does not exist yet; A's expense is untouched, and A's id decides it.
  EXPECT_EQ(http.request("GET", "/v1/expenses/" + id, a.auth()).body, before.body);
  EXPECT_EQ(
      server.scalar("SELECT COUNT(*) FROM expense_states WHERE expense_id = ?", {std::stoll(id)}),
      1);
  auto approved = under(a, id, "approve");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["statusId"].GetInt(), 302);
}

}  // namespace
}  // namespace ov::test
