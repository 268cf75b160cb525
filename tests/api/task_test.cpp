// The Task section over HTTP (ENDPOINTS.md §4.12) in envelope family S: CreateTask's success
// and error paths on a demo company.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr const char* kSecondUser = "0f8e2c6a-5b1d-4e7f-9a3c-2d4b6e8f1a20";

Body task_body() {
  Body b;
  b.str("subject", "ส่งใบเสนอราคา")
      .str("dateDue", "2025-02-20T17:00:00+0700")
      .str("assignedToUserId", kSecondUser)
      .str("note", "Quote for the spa booking system")
      .set("priority", "3")
      .str("dateReminder", "2025-02-20")
      .str("customerCode", "C000154")
      .str("dealNo", "D241200044")
      .str("caseNo", "T250200010")
      .str("activityNo", "A20250200029");
  return b;
}

class TaskApi : public ::testing::Test {
 protected:
  HttpResponse create(const std::string& body) {
    return client_.request("POST", "/v1/task", company_.auth_json(), body);
  }
  std::int64_t tasks() {
    return server_.scalar("SELECT COUNT(*) FROM tasks WHERE company_id = ?", {company_.id});
  }
  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(TaskApi, CreateReturnsTheTaskObject) {
  auto res = create(task_body().json());
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  const auto& t = doc["data"];
  EXPECT_EQ(keys_of(t), (std::vector<std::string>{
                            "taskId", "subject", "note", "statusId", "priority", "dateDue",
                            "dateReminder", "assignedToUserId", "customerId", "customerCode",
                            "dealNo", "caseNo", "activityNo", "createdByUserId", "dateCreated"}));
  EXPECT_EQ(t["taskId"].GetInt64(),
            server_.scalar("SELECT task_id FROM tasks WHERE company_id = ?", {company_.id}));
  EXPECT_STREQ(t["subject"].GetString(), "ส่งใบเสนอราคา");
  EXPECT_EQ(t["statusId"].GetInt(), 1);
  EXPECT_EQ(t["priority"].GetInt(), 3);
  EXPECT_STREQ(t["dateDue"].GetString(), "2025-02-20T17:00:00+0700");
  EXPECT_STREQ(t["dateReminder"].GetString(), "2025-02-20T00:00:00+0700");
  EXPECT_STREQ(t["assignedToUserId"].GetString(), kSecondUser);
  EXPECT_EQ(t["customerId"].GetInt64(), server_.customer_id("C000154", company_));
  EXPECT_STREQ(t["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(t["dealNo"].GetString(), "D241200044");
  EXPECT_STREQ(t["caseNo"].GetString(), "T250200010");
  EXPECT_STREQ(t["activityNo"].GetString(), "A20250200029");
  EXPECT_STREQ(t["createdByUserId"].GetString(), "23108b99-ee24-43c4-b9e7-58dc6a4e16a2");
  EXPECT_STREQ(t["dateCreated"].GetString(), kNowText);
  // The deal link is stored for Update Deal's markAllTaskAsDone.
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM tasks t JOIN deals d ON d.deals_id = t.deals_id "
                           "WHERE t.company_id = ? AND d.deal_no = 'D241200044' AND "
                           "t.status_id = 1",
                           {company_.id}),
            1);
}

TEST_F(TaskApi, OnlyTheRequiredFieldsAreNeeded) {
  auto res = create(Body()
                        .str("subject", "Call back")
                        .str("dateDue", "2025-02-15")
                        .str("assignedToUserId", kSecondUser)
                        .json());
  ASSERT_EQ(res.status, 200) << res.body;
  const auto t = res.json();
  EXPECT_EQ(t["data"]["priority"].GetInt(), 2);
  for (const char* key :
       {"note", "dateReminder", "customerId", "customerCode", "dealNo", "caseNo", "activityNo"}) {
    EXPECT_TRUE(t["data"][key].IsNull()) << key;
  }
}

TEST_F(TaskApi, BadInputIsRefusedAndWritesNothing) {
  EXPECT_EQ(create("{}").body,
            problems_body({{"subject", "subject is required"},
                           {"dateDue", "dateDue is required"},
                           {"assignedToUserId", "assignedToUserId is required"}}));
  const std::vector<std::pair<Body, std::string>> cases = {
      {task_body().set("priority", "4"), "priority must be between 1 and 3"},
      {task_body().set("priority", "\"high\""), "priority must be an integer"},
      {task_body().str("dateReminder", "2025-02-21"),
       "dateReminder must not be later than dateDue"},
      {task_body().str("dateDue", "20/02/2025"), "dateDue is not a valid date"},
      {task_body().str("assignedToUserId", "staff02"), "assignedToUserId must be a GUID"},
      {task_body().str("subject", std::string(501, 's')), "subject must be at most 500 characters"},
      {task_body().set("dealNo", "[\"D241200044\"]"), "dealNo must be a string"},
      {task_body().str("caseNo", std::string(51, 'T')), "caseNo must be at most 50 characters"},
  };
  for (const auto& [body, message] : cases) {
    SCOPED_TRACE(message);
    EXPECT_EQ(create(body.json()).body, one_problem_body(message));
  }
  EXPECT_EQ(tasks(), 0);
}

TEST_F(TaskApi, EveryReferenceMustExistInTheCompany) {
  server_.exec("UPDATE users SET is_active = 0 WHERE company_id = ? AND staff_code = 'staff01'",
               {company_.id});
  const std::vector<std::pair<Body, std::string>> cases = {
      {task_body().str("assignedToUserId", "6d473b8f-a6b3-4536-b1e6-f4b7688414e2"),
       "assignedToUserId 6d473b8f-a6b3-4536-b1e6-f4b7688414e2 was not found"},
      {task_body().str("customerCode", "C999999"), "customerCode C999999 was not found"},
      {task_body().str("dealNo", "D999999999"), "dealNo D999999999 was not found"},
      {task_body().str("caseNo", "T259999999"), "caseNo T259999999 was not found"},
      {task_body().str("activityNo", "A20990100001"), "activityNo A20990100001 was not found"},
  };
  for (const auto& [body, message] : cases) {
    SCOPED_TRACE(message);
    EXPECT_EQ(create(body.json()).body, one_problem_body(api::Family::kS, message, 404));
  }
  EXPECT_EQ(tasks(), 0);
}

}  // namespace
}  // namespace ov::test
