// The Case section over HTTP (ENDPOINTS.md §4.4) in envelope family SN (§2.2): every endpoint's
// success and error paths, on a demo company with a fixed clock.
#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "auth/provisioning.hpp"
#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-03-31T17:30:00Z is already 2025-04-01T00:30:00 in Bangkok: numbering must use the
// tenant's month (2504), not the UTC one (2503), and April has no case yet.
constexpr core::UnixSeconds kNow = 1743442200;
constexpr const char* kNowText = "2025-04-01T00:30:00+0700";
constexpr const char* kAssignee = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2";
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";
constexpr std::int64_t kCategory = 2140016585;
constexpr const char* kCustomerName = "𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand";

const std::vector<std::string> kCaseKeys = {
    "feedbackId",       "companyId",   "customerId",       "feedbackNo",
    "subject",          "statusId",    "feedbackTypeId",   "feedbackFromId",
    "feedbackFromName", "note",        "assignedToUserId", "dateAssigned",
    "dateCase",         "dateDue",     "createdByUserId",  "dateCreated",
    "updatedByUserId",  "dateUpdated", "dateLatestAnswer", "feedbackCategoryId",
    "customerCode",     "activityNos", "dealNos"};

std::vector<std::string> strings_of(const rapidjson::Value& arr) {
  std::vector<std::string> out;
  for (const auto& v : arr.GetArray()) out.emplace_back(v.GetString());
  return out;
}

// Case bodies are family SN (§2.2).
std::string one_problem_body(std::string_view message, int http_status) {
  return test::one_problem_body(api::Family::kSN, message, http_status);
}
std::string sn_problems_body(const Problems& problems) {
  return problems_body(api::Family::kSN, problems);
}

Body add_body() {
  Body b;
  b.set("caseType", "1")
      .str("subject", "Printer jams")
      .str("customerCode", "C000154")
      .set("categoryId", "2140016585")
      .str("dateCase", "2025-04-02T09:00:00+0700")
      .str("dateDue", "2025-04-09T18:00:00+0700")
      .set("activityNos", R"(["A20250200028","A20250200029"])")
      .set("dealNos", R"(["D241200044","D241200047"])")
      .str("note", "Paper tray 2")
      .str("assignedToUserId", kAssignee);
  return b;
}

Body edit_body() { return add_body().erase("caseType"); }

class CaseApi : public ::testing::Test {
 protected:
  HttpResponse add(const std::string& body, Headers extra = {}) {
    auto h = company_.auth_json();
    h.insert(h.end(), extra.begin(), extra.end());
    return client_.request("POST", "/v1/case", h, body);
  }
  HttpResponse edit(const std::string& case_no, const std::string& body) {
    return client_.request("PUT", "/v1/case/" + case_no, company_.auth_json(), body);
  }
  HttpResponse get(const std::string& target) {
    return client_.request("GET", target, company_.auth());
  }

  // The case object of a successful reply; fails the test on anything else.
  rapidjson::Document payload_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data") && doc["data"].IsObject() &&
        doc["data"].HasMember("data")) {
      out.CopyFrom(doc["data"]["data"], out.GetAllocator());
    }
    return out;
  }
  rapidjson::Document add_ok(const std::string& body) { return payload_of(add(body)); }
  rapidjson::Document edit_ok(const std::string& no, const std::string& body) {
    return payload_of(edit(no, body));
  }

  std::int64_t scalar(const std::string& sql) {
    std::int64_t n = -1;
    server_.db().read_now([&](storage::Session& s) { n = s.query_i64(sql).value_or(-1); });
    return n;
  }
  std::int64_t category_id(const std::string& name) {
    std::int64_t id = -1;
    server_.db().read_now([&](storage::Session& s) {
      id = s.query_i64("SELECT category_id FROM case_categories WHERE company_id = ? AND name = ?",
                       {company_.id, std::string_view(name)})
               .value_or(-1);
    });
    return id;
  }
  std::string add_employee(const std::string& name) {
    std::string id;
    server_.db().write_now([&](storage::Session& s) {
      id = auth::add_user(s, company_.id, name, "", server_.fixed_clock()->now());
    });
    return id;
  }
  void advance(core::UnixSeconds seconds) { server_.fixed_clock()->advance(seconds); }

  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Add Case

TEST_F(CaseApi, AddCaseReturnsTheFullCaseObject) {
  const auto customer_id =
      scalar("SELECT customer_id FROM customers WHERE customer_code = 'C000154'");
  auto res = add(add_body().json());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  EXPECT_EQ(keys_of(doc["data"]),
            (std::vector<std::string>{"data", "statusCode", "httpStatusCode"}));
  ASSERT_TRUE(doc["data"]["statusCode"].IsInt());
  EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 1000);
  ASSERT_TRUE(doc["data"]["httpStatusCode"].IsInt());
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 200);

  const auto& c = doc["data"]["data"];
  ASSERT_TRUE(c.IsObject());
  EXPECT_EQ(keys_of(c), kCaseKeys);
  ASSERT_TRUE(c["feedbackId"].IsInt64());
  EXPECT_GT(c["feedbackId"].GetInt64(), 0);
  EXPECT_EQ(c["feedbackId"].GetInt64(),
            scalar("SELECT feedback_id FROM cases WHERE feedback_no = 'T250400001'"));
  ASSERT_TRUE(c["companyId"].IsInt64());
  EXPECT_EQ(c["companyId"].GetInt64(), company_.id);
  ASSERT_TRUE(c["customerId"].IsInt64());
  EXPECT_EQ(c["customerId"].GetInt64(), customer_id);
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250400001");
  EXPECT_STREQ(c["subject"].GetString(), "Printer jams");
  ASSERT_TRUE(c["statusId"].IsInt());
  EXPECT_EQ(c["statusId"].GetInt(), 201);
  ASSERT_TRUE(c["feedbackTypeId"].IsInt());
  EXPECT_EQ(c["feedbackTypeId"].GetInt(), 1);
  ASSERT_TRUE(c["feedbackFromId"].IsInt64());
  EXPECT_EQ(c["feedbackFromId"].GetInt64(), customer_id);
  EXPECT_STREQ(c["feedbackFromName"].GetString(), kCustomerName);
  EXPECT_STREQ(c["note"].GetString(), "Paper tray 2");
  EXPECT_STREQ(c["assignedToUserId"].GetString(), kAssignee);
  EXPECT_STREQ(c["dateAssigned"].GetString(), kNowText);
  EXPECT_STREQ(c["dateCase"].GetString(), "2025-04-02T09:00:00+0700");
  EXPECT_STREQ(c["dateDue"].GetString(), "2025-04-09T18:00:00+0700");
  EXPECT_STREQ(c["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(c["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(c["updatedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(c["dateUpdated"].GetString(), kNowText);
  EXPECT_STREQ(c["dateLatestAnswer"].GetString(), kNowText);
  ASSERT_TRUE(c["feedbackCategoryId"].IsInt64());
  EXPECT_EQ(c["feedbackCategoryId"].GetInt64(), kCategory);
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
  EXPECT_EQ(strings_of(c["activityNos"]),
            (std::vector<std::string>{"A20250200028", "A20250200029"}));
  EXPECT_EQ(strings_of(c["dealNos"]), (std::vector<std::string>{"D241200044", "D241200047"}));
  // Strings go out raw (§1.4 output rule 5), not \u-escaped.
  EXPECT_NE(res.body.find(kCustomerName), std::string::npos) << res.body;
}

TEST_F(CaseApi, AddCaseNumbersFollowTheTenantMonthAndCaseType) {
  auto first = add_ok(add_body().json());
  auto second = add_ok(add_body().set("caseType", "2").json());
  EXPECT_STREQ(first["feedbackNo"].GetString(), "T250400001");
  EXPECT_STREQ(second["feedbackNo"].GetString(), "T250400002");
  EXPECT_EQ(second["feedbackTypeId"].GetInt(), 2);
  // February continues after the demo case T250200010.
  server_.fixed_clock()->set(1738810504);  // 2025-02-06T09:55:04+0700
  company_.token = server_.fetch_token(company_);
  auto february = add_ok(add_body().json());
  EXPECT_STREQ(february["feedbackNo"].GetString(), "T250200011");
  EXPECT_STREQ(february["dateCreated"].GetString(), "2025-02-06T09:55:04+0700");
}

TEST_F(CaseApi, AddCaseWithoutCustomerHasNullCustomerFields) {
  auto c = add_ok(add_body().erase("customerCode").json());
  ASSERT_TRUE(c.IsObject());
  EXPECT_EQ(keys_of(c), kCaseKeys);
  EXPECT_TRUE(c["customerId"].IsNull());
  EXPECT_TRUE(c["feedbackFromId"].IsNull());
  EXPECT_TRUE(c["feedbackFromName"].IsNull());
  EXPECT_TRUE(c["customerCode"].IsNull());
  // Explicit null is the same as absent on create.
  auto n = add_ok(add_body().set("customerCode", "null").json());
  EXPECT_TRUE(n["customerId"].IsNull());
  EXPECT_TRUE(n["customerCode"].IsNull());
}

TEST_F(CaseApi, AddCaseOptionalListsAndNoteMayBeOmitted) {
  auto c = add_ok(add_body().erase("activityNos").erase("dealNos").erase("note").json());
  ASSERT_TRUE(c.IsObject());
  EXPECT_TRUE(c["note"].IsNull());
  ASSERT_TRUE(c["activityNos"].IsArray());
  EXPECT_EQ(c["activityNos"].Size(), 0u);
  ASSERT_TRUE(c["dealNos"].IsArray());
  EXPECT_EQ(c["dealNos"].Size(), 0u);
}

TEST_F(CaseApi, AddCaseAcceptsEveryDocumentedDateForm) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2025-04-02T10:11:12+0700", "2025-04-02T10:11:12+0700"},
      {"2025-04-02T10:11:12+07:00", "2025-04-02T10:11:12+0700"},
      {"2025-04-02T03:11:12Z", "2025-04-02T10:11:12+0700"},
      {"2025-04-02T01:11:12-0200", "2025-04-02T10:11:12+0700"},
      {"2025-04-02T10:11:12", "2025-04-02T10:11:12+0700"},
      {"2025-04-02 10:11:12", "2025-04-02T10:11:12+0700"},
      {"2025-04-02 03:11:12Z", "2025-04-02T10:11:12+0700"},
      {"2025-04-02 10:11:12.5+0700", "2025-04-02T10:11:12+0700"},
      {"2025-04-02", "2025-04-02T00:00:00+0700"},
      {"2025-04-02T10:11:12.9999999+0700", "2025-04-02T10:11:12+0700"},
      {"2025-02-05T17:35:53.693+0700", "2025-02-05T17:35:53+0700"},
      {"2021-09-17T10:42:31.981Z", "2021-09-17T17:42:31+0700"},
      {"2025-04-01T23:59:59.999Z", "2025-04-02T06:59:59+0700"},
  };
  for (const auto& [sent, echoed] : cases) {
    SCOPED_TRACE(sent);
    auto c = add_ok(add_body().str("dateCase", sent).str("dateDue", sent).json());
    ASSERT_TRUE(c.IsObject());
    EXPECT_STREQ(c["dateCase"].GetString(), echoed.c_str());
    EXPECT_STREQ(c["dateDue"].GetString(), echoed.c_str());
  }
}

TEST_F(CaseApi, AddCaseRejectsOtherDateForms) {
  for (const char* bad : {"05/02/2025", "2025-02-30", "2025-04-02T24:00:00", "2025-04-02T10:11",
                          "2025-04-02T10:11:12.12345678+0700", "2025-04-02T10:11:12+0700 ", ""}) {
    SCOPED_TRACE(bad);
    auto res = add(add_body().str("dateCase", bad).json());
    EXPECT_EQ(res.body, one_problem_body("dateCase is not a valid date", 400));
    EXPECT_EQ(res.status, 400);
  }
  auto number = add(add_body().set("dateDue", "20250402").json());
  EXPECT_EQ(number.body, one_problem_body("dateDue is not a valid date", 400));
}

TEST_F(CaseApi, AddCaseAcceptsNumericStrings) {
  auto c = add_ok(add_body().str("caseType", "2").str("categoryId", "2140016585").json());
  ASSERT_TRUE(c.IsObject());
  ASSERT_TRUE(c["feedbackTypeId"].IsInt());
  EXPECT_EQ(c["feedbackTypeId"].GetInt(), 2);
  ASSERT_TRUE(c["feedbackCategoryId"].IsInt64());
  EXPECT_EQ(c["feedbackCategoryId"].GetInt64(), kCategory);
}

TEST_F(CaseApi, AddCaseMatchesPropertyNamesCaseInsensitively) {
  const std::string body =
      std::string(R"({"CASETYPE":2,"SUBJECT":"Loud fan","CustomerCode":"C000154",)") +
      R"("categoryid":2140016585,"DateCase":"2025-04-02","DATEDUE":"2025-04-03",)" +
      R"("ActivityNos":["A20250200028"],"DEALNOS":["D241200047"],"Note":"n",)" +
      R"("AssignedToUserID":")" + kAssignee + R"("})";
  auto c = add_ok(body);
  ASSERT_TRUE(c.IsObject());
  EXPECT_EQ(c["feedbackTypeId"].GetInt(), 2);
  EXPECT_STREQ(c["subject"].GetString(), "Loud fan");
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(c["dateCase"].GetString(), "2025-04-02T00:00:00+0700");
  EXPECT_STREQ(c["dateDue"].GetString(), "2025-04-03T00:00:00+0700");
  EXPECT_EQ(strings_of(c["activityNos"]), (std::vector<std::string>{"A20250200028"}));
  EXPECT_EQ(strings_of(c["dealNos"]), (std::vector<std::string>{"D241200047"}));
  EXPECT_STREQ(c["note"].GetString(), "n");
  EXPECT_STREQ(c["assignedToUserId"].GetString(), kAssignee);
}

TEST_F(CaseApi, AddCaseLastOccurrenceOfAPropertyWins) {
  auto c = add_ok(add_body().str("subject", "first").json().insert(1, R"("Subject":"zero",)"));
  ASSERT_TRUE(c.IsObject());
  EXPECT_STREQ(c["subject"].GetString(), "first");
  std::string body = add_body().json();
  body.insert(body.size() - 1, R"(,"SUBJECT":"last")");
  auto d = add_ok(body);
  EXPECT_STREQ(d["subject"].GetString(), "last");
}

TEST_F(CaseApi, AddCaseToleratesComments) {
  const std::string body = std::string("{\n") + "\"caseType\": 1, // Request for Action\n" +
                           "/* the subject */ \"subject\": \"With comments\",\n" +
                           "\"categoryId\": 2140016585 /* Service request */,\n" +
                           "\"dateCase\": \"2025-04-02\", \"dateDue\": \"2025-04-02\",\n" +
                           "\"assignedToUserId\": \"" + kAssignee + "\" // required\n" + "}\n";
  auto c = add_ok(body);
  ASSERT_TRUE(c.IsObject());
  EXPECT_STREQ(c["subject"].GetString(), "With comments");
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250400001");
}

TEST_F(CaseApi, AddCaseIgnoresUnknownAndDerivedFields) {
  auto c = add_ok(add_body()
                      .set("unknownThing", R"({"nested":[1,2,{"x":null}]})")
                      .str("feedbackNo", "T999912345")
                      .set("statusId", "204")
                      .str("createdByUserId", kAssignee)
                      .str("dateCreated", "2020-01-01T00:00:00+0700")
                      .json());
  ASSERT_TRUE(c.IsObject());
  EXPECT_EQ(keys_of(c), kCaseKeys);
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250400001");
  EXPECT_EQ(c["statusId"].GetInt(), 201);
  EXPECT_STREQ(c["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(c["dateCreated"].GetString(), kNowText);
}

TEST_F(CaseApi, RequestIdIsEchoedOrGenerated) {
  auto sent = add(add_body().json(), {{"X-Request-Id", "case-test-42"}});
  EXPECT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.header("x-request-id"), "case-test-42");
  auto a = add(add_body().json());
  auto b = add(add_body().json());
  EXPECT_EQ(a.status, 200);
  EXPECT_FALSE(a.header("x-request-id").empty());
  EXPECT_FALSE(b.header("x-request-id").empty());
  EXPECT_NE(a.header("x-request-id"), b.header("x-request-id"));
  // Errors carry it too.
  auto headers = company_.auth();
  headers.emplace_back("X-Request-Id", "lookup-1");
  auto err = client_.request("GET", "/v1/case/T250499999", headers);
  EXPECT_EQ(err.status, 404);
  EXPECT_EQ(err.header("x-request-id"), "lookup-1");
}

// ---------------------------------------------------------------------------------------------
// Add Case errors

TEST_F(CaseApi, AddCaseOneProblemIs4001) {
  auto res = add(add_body().erase("subject").json());
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, one_problem_body("subject is required", 400));
  auto doc = res.json();
  EXPECT_TRUE(doc["data"]["data"].IsNull());
  EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 4001);
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 400);

  EXPECT_EQ(add(add_body().str("subject", "   ").json()).body,
            one_problem_body("subject is required", 400));
  EXPECT_EQ(add(add_body().set("caseType", "3").json()).body,
            one_problem_body("caseType must be between 1 and 2", 400));
  EXPECT_EQ(add(add_body().set("caseType", "0").json()).body,
            one_problem_body("caseType must be between 1 and 2", 400));
  EXPECT_EQ(add(add_body().str("caseType", "one").json()).body,
            one_problem_body("caseType must be an integer", 400));
  EXPECT_EQ(add(add_body().set("categoryId", "1.5").json()).body,
            one_problem_body("categoryId must be an integer", 400));
  EXPECT_EQ(add(add_body().str("assignedToUserId", "somchai").json()).body,
            one_problem_body("assignedToUserId must be a GUID", 400));
  EXPECT_EQ(add(add_body().set("activityNos", R"("A20250200028")").json()).body,
            one_problem_body("activityNos must be an array of strings", 400));
  EXPECT_EQ(add(add_body().set("subject", "42").json()).body,
            one_problem_body("subject must be a string", 400));
  EXPECT_EQ(add(add_body().str("subject", std::string(501, 'x')).json()).body,
            one_problem_body("subject must be at most 500 characters", 400));
}

TEST_F(CaseApi, AddCaseDueDateBeforeCaseDateIs400) {
  auto res = add(add_body()
                     .str("dateCase", "2025-04-02T09:00:00+0700")
                     .str("dateDue", "2025-04-02T08:59:59+0700")
                     .json());
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, one_problem_body("dateDue must not be earlier than dateCase", 400));
  // The same instant written in two zones is not earlier.
  auto same = add_ok(add_body()
                         .str("dateCase", "2025-04-02T09:00:00+0700")
                         .str("dateDue", "2025-04-02T02:00:00Z")
                         .json());
  EXPECT_STREQ(same["dateDue"].GetString(), "2025-04-02T09:00:00+0700");
}

TEST_F(CaseApi, AddCaseSeveralProblemsAre4002InBodyOrder) {
  const std::string body =
      std::string(R"({"assignedToUserId":"not-a-guid","dateCase":"05/02/2025",)") +
      R"("dateDue":"2025-04-09","caseType":3,"subject":"","categoryId":2140016585})";
  auto res = add(body);
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, sn_problems_body({{"assignedToUserId", "assignedToUserId must be a GUID"},
                                        {"dateCase", "dateCase is not a valid date"},
                                        {"caseType", "caseType must be between 1 and 2"},
                                        {"subject", "subject is required"}}));
  auto doc = res.json();
  EXPECT_STREQ(doc["status"]["code"].GetString(), "4002");
  EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 4002);
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 400);
}

TEST_F(CaseApi, AddCaseEmptyObjectListsEveryRequiredField) {
  auto res = add("{}");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, sn_problems_body({{"caseType", "caseType is required"},
                                        {"subject", "subject is required"},
                                        {"categoryId", "categoryId is required"},
                                        {"dateCase", "dateCase is required"},
                                        {"dateDue", "dateDue is required"}}));
  // assignedToUserId is optional on Add (ENDPOINTS.md §7.2).
}

TEST_F(CaseApi, AddCaseDueDateRuleJoinsTheOtherProblems) {
  auto res = add(add_body()
                     .str("dateCase", "2025-04-02")
                     .str("dateDue", "2025-04-01")
                     .str("note", std::string(4001, 'n'))
                     .erase("subject")
                     .json());
  EXPECT_EQ(res.body, sn_problems_body({{"dateDue", "dateDue must not be earlier than dateCase"},
                                        {"note", "note must be at most 4000 characters"},
                                        {"subject", "subject is required"}}));
}

TEST_F(CaseApi, AddCaseMalformedBodiesAre4001) {
  for (const char* body : {"", "   ", "[1,2]", "\"text\"", "{\"caseType\":1,", "{} {}"}) {
    SCOPED_TRACE(body);
    auto res = add(body);
    EXPECT_EQ(res.status, 400);
    auto doc = res.json();
    ASSERT_TRUE(doc.IsObject());
    EXPECT_STREQ(doc["status"]["code"].GetString(), "4001");
    EXPECT_TRUE(doc["data"]["data"].IsNull());
    EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 4001);
    EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 400);
  }
}

TEST_F(CaseApi, AddCaseUnknownRecordsAre404) {
  EXPECT_EQ(add(add_body().set("categoryId", "999").json()).body,
            one_problem_body("categoryId 999 was not found", 404));
  EXPECT_EQ(add(add_body().str("customerCode", "C999999").json()).body,
            one_problem_body("customerCode C999999 was not found", 404));
  EXPECT_EQ(add(add_body().set("activityNos", R"(["A20250200028","A20250299999"])").json()).body,
            one_problem_body("Activity A20250299999 was not found", 404));
  EXPECT_EQ(add(add_body().set("dealNos", R"(["D241299999"])").json()).body,
            one_problem_body("Deal D241299999 was not found", 404));
  EXPECT_EQ(
      add(add_body().str("assignedToUserId", "00000000-0000-4000-8000-000000000001").json()).body,
      one_problem_body("assignedToUserId 00000000-0000-4000-8000-000000000001 was not found", 404));
  // The API client's service user is not an employee and cannot be assigned.
  EXPECT_EQ(add(add_body().str("assignedToUserId", kApiUser).json()).body,
            one_problem_body(std::string("assignedToUserId ") + kApiUser + " was not found", 404));
  auto res = add(add_body().str("customerCode", "C999999").json());
  EXPECT_EQ(res.status, 404);
  auto doc = res.json();
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 404);
  EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 4001);
}

TEST_F(CaseApi, AddCaseInactiveCategoryIs404) {
  server_.db().write_now([&](storage::Session& s) {
    s.exec("UPDATE case_categories SET is_active = 0 WHERE company_id = ? AND category_id = ?",
           {company_.id, kCategory});
  });
  auto res = add(add_body().json());
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body, one_problem_body("categoryId 2140016585 was not found", 404));
}

TEST_F(CaseApi, AddCaseRecordsOfAnotherCompanyAreUnknown) {
  auto other = server_.add_company(false);
  server_.db().write_now([&](storage::Session& s) {
    s.exec(
        "INSERT INTO case_categories (company_id, category_id, name, is_active) VALUES (?, ?, "
        "'Foreign', 1)",
        {other.id, std::int64_t{777777}});
  });
  EXPECT_EQ(add(add_body().set("categoryId", "777777").json()).body,
            one_problem_body("categoryId 777777 was not found", 404));
  // The demo records exist only in the demo company.
  auto res = client_.request("POST", "/v1/case", other.auth_json(), add_body().json());
  EXPECT_EQ(res.body, one_problem_body("categoryId 2140016585 was not found", 404));
}

TEST_F(CaseApi, FailedAddsWriteNothing) {
  const std::string counts =
      "SELECT (SELECT COUNT(*) FROM cases) * 1000000 + (SELECT COUNT(*) FROM case_activities) * "
      "10000 + (SELECT COUNT(*) FROM case_deals) * 100 + (SELECT COUNT(*) FROM number_sequences)";
  const auto before = scalar(counts);
  const auto seq_before = scalar("SELECT COALESCE(SUM(last_value), 0) FROM number_sequences");
  const std::vector<std::string> failing = {
      add_body().erase("subject").json(),
      add_body().set("caseType", "3").json(),
      add_body().str("dateDue", "2025-04-01").json(),
      add_body().set("categoryId", "999").json(),
      add_body().str("customerCode", "C999999").json(),
      add_body().set("activityNos", R"(["A20250200028","A20250299999"])").json(),
      add_body().set("dealNos", R"(["D241200044","D241299999"])").json(),
      add_body().str("assignedToUserId", "00000000-0000-4000-8000-000000000001").json(),
      "{\"caseType\":",
  };
  for (const auto& body : failing) {
    SCOPED_TRACE(body);
    auto res = add(body);
    EXPECT_TRUE(res.status == 400 || res.status == 404) << res.status << " " << res.body;
  }
  EXPECT_EQ(scalar(counts), before);
  EXPECT_EQ(scalar("SELECT COALESCE(SUM(last_value), 0) FROM number_sequences"), seq_before);
  // The month's first number is still free.
  auto c = add_ok(add_body().json());
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250400001");
}

// ---------------------------------------------------------------------------------------------
// Edit Case

TEST_F(CaseApi, EditCaseReplacesFieldsAndLinkSets) {
  auto created = add_ok(add_body().json());
  ASSERT_TRUE(created.IsObject());
  const auto complaint = category_id("Complaint");
  ASSERT_GT(complaint, 0);
  advance(1800);
  auto c = edit_ok("T250400001", edit_body()
                                     .str("subject", "Printer fixed")
                                     .set("categoryId", std::to_string(complaint))
                                     .str("dateCase", "2025-04-03T08:00:00+0700")
                                     .str("dateDue", "2025-04-04T08:00:00+0700")
                                     .set("activityNos", R"(["A20250200029"])")
                                     .set("dealNos", "[]")
                                     .str("note", "Replaced roller")
                                     .json());
  ASSERT_TRUE(c.IsObject());
  EXPECT_EQ(keys_of(c), kCaseKeys);
  EXPECT_EQ(c["feedbackId"].GetInt64(), created["feedbackId"].GetInt64());
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250400001");
  EXPECT_STREQ(c["subject"].GetString(), "Printer fixed");
  EXPECT_EQ(c["feedbackCategoryId"].GetInt64(), complaint);
  EXPECT_STREQ(c["dateCase"].GetString(), "2025-04-03T08:00:00+0700");
  EXPECT_STREQ(c["dateDue"].GetString(), "2025-04-04T08:00:00+0700");
  EXPECT_EQ(strings_of(c["activityNos"]), (std::vector<std::string>{"A20250200029"}));
  ASSERT_TRUE(c["dealNos"].IsArray());
  EXPECT_EQ(c["dealNos"].Size(), 0u);
  EXPECT_STREQ(c["note"].GetString(), "Replaced roller");
  EXPECT_EQ(c["statusId"].GetInt(), 201);
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(c["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(c["dateUpdated"].GetString(), "2025-04-01T01:00:00+0700");
  EXPECT_STREQ(c["dateAssigned"].GetString(), kNowText);
  EXPECT_STREQ(c["dateLatestAnswer"].GetString(), kNowText);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_activities WHERE feedback_id = " +
                   std::to_string(c["feedbackId"].GetInt64())),
            1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_deals WHERE feedback_id = " +
                   std::to_string(c["feedbackId"].GetInt64())),
            0);
  // Links can grow back and keep the order sent.
  auto again = edit_ok("T250400001", edit_body()
                                         .set("activityNos", R"(["A20250200029","A20250200028"])")
                                         .set("dealNos", R"(["D241200047"])")
                                         .json());
  EXPECT_EQ(strings_of(again["activityNos"]),
            (std::vector<std::string>{"A20250200029", "A20250200028"}));
  EXPECT_EQ(strings_of(again["dealNos"]), (std::vector<std::string>{"D241200047"}));
}

TEST_F(CaseApi, EditCaseRecordsWhoChangedItAndWhen) {
  // A second API client of the same company acts as its own service user.
  TestCompany second = company_;
  std::string second_user;
  server_.db().write_now([&](storage::Session& s) {
    second_user = auth::add_user(s, company_.id, "Integration", "", kNow, std::nullopt, "service");
    auto creds = auth::add_client(s, company_.id, second_user, kNow);
    second.client_id = creds.client_id;
    second.client_secret = creds.client_secret;
  });
  second.token = server_.fetch_token(second);
  ASSERT_FALSE(second.token.empty());

  auto before = payload_of(get("/v1/case/T250200010"));
  ASSERT_TRUE(before.IsObject());
  EXPECT_STREQ(before["updatedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(before["dateUpdated"].GetString(), "2025-02-06T09:41:33+0700");

  advance(125);
  auto res = client_.request("PUT", "/v1/case/T250200010", second.auth_json(), edit_body().json());
  auto c = payload_of(res);
  ASSERT_TRUE(c.IsObject());
  EXPECT_STREQ(c["updatedByUserId"].GetString(), second_user.c_str());
  EXPECT_STREQ(c["dateUpdated"].GetString(), "2025-04-01T00:32:05+0700");
  EXPECT_STREQ(c["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(c["dateCreated"].GetString(), "2025-02-06T09:41:33+0700");
  EXPECT_STREQ(c["dateLatestAnswer"].GetString(), "2025-02-06T09:41:33+0700");
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250200010");

  advance(60);
  auto back = edit_ok("T250200010", edit_body().json());
  EXPECT_STREQ(back["updatedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(back["dateUpdated"].GetString(), "2025-04-01T00:33:05+0700");
  EXPECT_STREQ(back["dateCreated"].GetString(), "2025-02-06T09:41:33+0700");
}

TEST_F(CaseApi, EditCaseDateAssignedChangesOnlyWithTheAssignee) {
  const auto other = add_employee("Malee Suksan");
  add_ok(add_body().json());

  advance(600);
  auto same = edit_ok("T250400001", edit_body().str("subject", "Still Somchai").json());
  EXPECT_STREQ(same["assignedToUserId"].GetString(), kAssignee);
  EXPECT_STREQ(same["dateAssigned"].GetString(), kNowText);
  EXPECT_STREQ(same["dateUpdated"].GetString(), "2025-04-01T00:40:00+0700");

  advance(600);
  auto moved = edit_ok("T250400001", edit_body().str("assignedToUserId", other).json());
  EXPECT_STREQ(moved["assignedToUserId"].GetString(), other.c_str());
  EXPECT_STREQ(moved["dateAssigned"].GetString(), "2025-04-01T00:50:00+0700");

  // The same GUID in upper case is the same assignee.
  std::string upper = other;
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  advance(600);
  auto unchanged = edit_ok("T250400001", edit_body().str("assignedToUserId", upper).json());
  EXPECT_STREQ(unchanged["assignedToUserId"].GetString(), other.c_str());
  EXPECT_STREQ(unchanged["dateAssigned"].GetString(), "2025-04-01T00:50:00+0700");
  EXPECT_STREQ(unchanged["dateUpdated"].GetString(), "2025-04-01T01:00:00+0700");
}

// Add Case without an assignee (ENDPOINTS.md §7.2): absent or null, the case is unassigned;
// Edit Case keeps the assignee required, and the first assignment dates it.
TEST_F(CaseApi, AddCaseWithoutAnAssigneeIsUnassigned) {
  auto c = add_ok(add_body().erase("assignedToUserId").json());
  EXPECT_TRUE(c["assignedToUserId"].IsNull());
  EXPECT_TRUE(c["dateAssigned"].IsNull());
  auto null = add_ok(add_body().set("assignedToUserId", "null").json());
  EXPECT_TRUE(null["assignedToUserId"].IsNull());
  auto stored = payload_of(get("/v1/case/T250400001"));
  EXPECT_TRUE(stored["assignedToUserId"].IsNull());
  EXPECT_TRUE(stored["dateAssigned"].IsNull());

  auto res = edit("T250400001", edit_body().erase("assignedToUserId").json());
  EXPECT_EQ(res.body, one_problem_body("assignedToUserId is required", 400));
  advance(600);
  auto assigned = edit_ok("T250400001", edit_body().json());
  EXPECT_STREQ(assigned["assignedToUserId"].GetString(), kAssignee);
  EXPECT_STREQ(assigned["dateAssigned"].GetString(), "2025-04-01T00:40:00+0700");
}

TEST_F(CaseApi, EditCaseAcceptsTheCustomerNoAlias) {
  add_ok(add_body().erase("customerCode").json());
  auto c =
      edit_ok("T250400001", edit_body().erase("customerCode").str("customerNo", "C000154").json());
  ASSERT_TRUE(c.IsObject());
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(c["feedbackFromName"].GetString(), kCustomerName);
  EXPECT_TRUE(c["customerId"].IsInt64());
  EXPECT_EQ(c["feedbackFromId"].GetInt64(), c["customerId"].GetInt64());
  // Both names with the same value are fine.
  auto both = edit_ok("T250400001", edit_body().str("customerNo", "C000154").json());
  EXPECT_STREQ(both["customerCode"].GetString(), "C000154");
  // Unknown through the alias is as unknown as through the canonical name.
  auto unknown =
      edit("T250400001", edit_body().erase("customerCode").str("customerNo", "C999999").json());
  EXPECT_EQ(unknown.body, one_problem_body("customerCode C999999 was not found", 404));
}

TEST_F(CaseApi, EditCaseCustomerCodeAndCustomerNoDifferingOnlyInCaseAgree) {
  add_ok(add_body().erase("customerCode").json());
  // Codes compare case-insensitively (§1.8): both names denote the same customer, so they do
  // not differ.
  auto c = edit_ok("T250400001", edit_body().str("customerNo", "c000154").json());
  ASSERT_TRUE(c.IsObject());
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
}

TEST_F(CaseApi, EditCaseCustomerCodeAndCustomerNoThatDifferAre4001) {
  add_ok(add_body().erase("customerCode").json());
  auto res = edit("T250400001", edit_body().str("customerNo", "C000155").json());
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, one_problem_body("customerCode and customerNo differ", 400));
  auto get_res = payload_of(get("/v1/case/T250400001"));
  EXPECT_TRUE(get_res["customerCode"].IsNull());
}

TEST_F(CaseApi, EditCaseNoteAbsentKeepsAndNullClears) {
  add_ok(add_body().json());
  auto kept = edit_ok("T250400001", edit_body().erase("note").json());
  EXPECT_STREQ(kept["note"].GetString(), "Paper tray 2");
  auto cleared = edit_ok("T250400001", edit_body().set("note", "null").json());
  EXPECT_TRUE(cleared["note"].IsNull());
  auto still = edit_ok("T250400001", edit_body().erase("note").json());
  EXPECT_TRUE(still["note"].IsNull());
}

TEST_F(CaseApi, EditCaseCustomerAbsentKeepsAndNullClears) {
  add_ok(add_body().json());
  auto kept = edit_ok("T250400001", edit_body().erase("customerCode").json());
  EXPECT_STREQ(kept["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(kept["feedbackFromName"].GetString(), kCustomerName);
  auto cleared = edit_ok("T250400001", edit_body().set("customerCode", "null").json());
  EXPECT_TRUE(cleared["customerId"].IsNull());
  EXPECT_TRUE(cleared["feedbackFromId"].IsNull());
  EXPECT_TRUE(cleared["feedbackFromName"].IsNull());
  EXPECT_TRUE(cleared["customerCode"].IsNull());
  auto got = payload_of(get("/v1/case/T250400001"));
  EXPECT_TRUE(got["customerCode"].IsNull());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM cases WHERE feedback_no = 'T250400001' AND customer_id IS "
                   "NULL"),
            1);
}

TEST_F(CaseApi, EditCaseLinksAbsentKeepNullClears) {
  add_ok(add_body().json());
  auto kept = edit_ok("T250400001", edit_body().erase("activityNos").erase("dealNos").json());
  EXPECT_EQ(strings_of(kept["activityNos"]),
            (std::vector<std::string>{"A20250200028", "A20250200029"}));
  EXPECT_EQ(strings_of(kept["dealNos"]), (std::vector<std::string>{"D241200044", "D241200047"}));
  auto cleared =
      edit_ok("T250400001", edit_body().set("activityNos", "null").erase("dealNos").json());
  ASSERT_TRUE(cleared["activityNos"].IsArray());
  EXPECT_EQ(cleared["activityNos"].Size(), 0u);
  EXPECT_EQ(strings_of(cleared["dealNos"]), (std::vector<std::string>{"D241200044", "D241200047"}));
}

TEST_F(CaseApi, EditCaseIgnoresCaseType) {
  add_ok(add_body().set("caseType", "2").json());
  auto c = edit_ok("T250400001", edit_body().set("caseType", "1").json());
  EXPECT_EQ(c["feedbackTypeId"].GetInt(), 2);
  auto d = edit_ok("T250400001", edit_body().str("caseType", "not a type").json());
  EXPECT_EQ(d["feedbackTypeId"].GetInt(), 2);
}

TEST_F(CaseApi, EditCaseStatusTransitions) {
  add_ok(add_body().json());
  auto progress = edit_ok("T250400001", edit_body().set("statusId", "202").json());
  EXPECT_EQ(progress["statusId"].GetInt(), 202);
  auto absent = edit_ok("T250400001", edit_body().json());
  EXPECT_EQ(absent["statusId"].GetInt(), 202);
  auto closed = edit_ok("T250400001", edit_body().str("statusId", "204").json());
  EXPECT_EQ(closed["statusId"].GetInt(), 204);

  advance(60);
  auto reopen = edit("T250400001", edit_body().set("statusId", "202").str("subject", "x").json());
  EXPECT_EQ(reopen.status, 400);
  EXPECT_EQ(reopen.body, one_problem_body("statusId cannot change from 204 to 202", 400));
  auto unknown = edit("T250400001", edit_body().set("statusId", "299").json());
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body, one_problem_body("statusId must be between 201 and 205", 400));

  // The rejected edits changed nothing.
  auto now = payload_of(get("/v1/case/T250400001"));
  EXPECT_EQ(now["statusId"].GetInt(), 204);
  EXPECT_STREQ(now["subject"].GetString(), "Printer jams");
  EXPECT_STREQ(now["dateUpdated"].GetString(), kNowText);
}

TEST_F(CaseApi, EditCaseStatusTable) {
  // from → to → allowed (§4.4).
  const std::vector<std::tuple<std::vector<int>, int, bool>> steps = {
      {{}, 203, true},     {{}, 204, true},     {{}, 205, true},     {{202}, 201, false},
      {{202}, 203, true},  {{202}, 205, true},  {{203}, 202, true},  {{203}, 204, true},
      {{203}, 205, false}, {{203}, 201, false}, {{205}, 201, false}, {{205}, 203, false},
      {{204}, 205, false},
  };
  int n = 0;
  for (const auto& [path, to, allowed] : steps) {
    add_ok(add_body().json());
    char no[16];
    std::snprintf(no, sizeof no, "T2504%05d", ++n);
    for (int s : path) edit_ok(no, edit_body().set("statusId", std::to_string(s)).json());
    const int from = path.empty() ? 201 : path.back();
    SCOPED_TRACE(std::to_string(from) + " -> " + std::to_string(to));
    auto res = edit(no, edit_body().set("statusId", std::to_string(to)).json());
    if (allowed) {
      EXPECT_EQ(res.status, 200) << res.body;
      EXPECT_EQ(res.json()["data"]["data"]["statusId"].GetInt(), to);
    } else {
      EXPECT_EQ(res.body, one_problem_body("statusId cannot change from " + std::to_string(from) +
                                               " to " + std::to_string(to),
                                           400));
    }
  }
}

TEST_F(CaseApi, EditCaseUnknownNumberIs404) {
  auto res = edit("T250299999", edit_body().json());
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body, one_problem_body("Case T250299999 was not found", 404));
  auto categories = edit("T250200010", edit_body().set("categoryId", "999").json());
  EXPECT_EQ(categories.body, one_problem_body("categoryId 999 was not found", 404));
  auto activity = edit("T250200010", edit_body().set("activityNos", R"(["A1"])").json());
  EXPECT_EQ(activity.body, one_problem_body("Activity A1 was not found", 404));
}

TEST_F(CaseApi, EditCaseValidationProblems) {
  EXPECT_EQ(edit("T250200010", edit_body().erase("subject").json()).body,
            one_problem_body("subject is required", 400));
  EXPECT_EQ(edit("T250200010", edit_body().str("dateDue", "2025-02-01").json()).body,
            one_problem_body("dateDue must not be earlier than dateCase", 400));
  auto res = edit("T250200010", "{}");
  EXPECT_EQ(res.body, sn_problems_body({{"subject", "subject is required"},
                                        {"categoryId", "categoryId is required"},
                                        {"dateCase", "dateCase is required"},
                                        {"dateDue", "dateDue is required"},
                                        {"assignedToUserId", "assignedToUserId is required"}}));
}

TEST_F(CaseApi, EditCaseMatchesTheNumberCaseInsensitively) {
  auto c = edit_ok("t250200010", edit_body().str("subject", "lower-case path").json());
  ASSERT_TRUE(c.IsObject());
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250200010");
  EXPECT_STREQ(c["subject"].GetString(), "lower-case path");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM cases"), 1);
  auto got = payload_of(get("/v1/case/t250200010"));
  EXPECT_STREQ(got["feedbackNo"].GetString(), "T250200010");
  EXPECT_STREQ(got["subject"].GetString(), "lower-case path");
}

// ---------------------------------------------------------------------------------------------
// Get Case by CaseNo

TEST_F(CaseApi, GetCaseReturnsTheObjectOfTheLastWrite) {
  auto added = add(add_body().json());
  ASSERT_EQ(added.status, 200);
  EXPECT_EQ(get("/v1/case/T250400001").body, added.body);
  advance(30);
  auto edited =
      edit("T250400001", edit_body().str("subject", "Edited").set("dealNos", "[]").json());
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto got = get("/v1/case/T250400001");
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, edited.body);
  EXPECT_EQ(got.header("content-type"), "application/json; charset=utf-8");
}

TEST_F(CaseApi, GetCaseOfTheDemoData) {
  auto c = payload_of(get("/v1/case/T250200010"));
  ASSERT_TRUE(c.IsObject());
  EXPECT_EQ(keys_of(c), kCaseKeys);
  EXPECT_STREQ(c["subject"].GetString(), "Create new case");
  EXPECT_EQ(c["statusId"].GetInt(), 201);
  EXPECT_STREQ(c["dateCase"].GetString(), "2025-02-05T17:35:53+0700");
  EXPECT_STREQ(c["dateCreated"].GetString(), "2025-02-06T09:41:33+0700");
  EXPECT_STREQ(c["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
}

TEST_F(CaseApi, GetCaseUnknownIs404) {
  auto res = get("/v1/case/T259999999");
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body, one_problem_body("Case T259999999 was not found", 404));
  // Another company's case is unknown too.
  auto other = server_.add_company();
  auto theirs = client_.request("PUT", "/v1/case/T250200010", other.auth_json(),
                                edit_body().str("subject", "theirs").json());
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  auto ours = payload_of(get("/v1/case/T250200010"));
  EXPECT_STREQ(ours["subject"].GetString(), "Create new case");
  EXPECT_EQ(ours["companyId"].GetInt64(), company_.id);
}

// ---------------------------------------------------------------------------------------------
// Get Case Categories

TEST_F(CaseApi, CategoriesListsActiveOnesByName) {
  auto res = get("/v1/case/categories");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 1000);
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 200);
  const auto& list = doc["data"]["data"];
  ASSERT_TRUE(list.IsArray());
  std::vector<std::string> names;
  for (const auto& c : list.GetArray()) {
    EXPECT_EQ(keys_of(c), (std::vector<std::string>{"categoryId", "categoryName", "isActive"}));
    EXPECT_TRUE(c["categoryId"].IsInt64());
    ASSERT_TRUE(c["isActive"].IsBool());
    EXPECT_TRUE(c["isActive"].GetBool());
    names.emplace_back(c["categoryName"].GetString());
    if (names.back() == "Service request") {
      EXPECT_EQ(c["categoryId"].GetInt64(), kCategory);
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Billing", "Complaint", "Delivery", "General enquiry",
                                             "Product feedback", "Service request",
                                             "Technical support", "Warranty claim"}));
  EXPECT_EQ(res.header("x-total-count"), "8");
  EXPECT_EQ(get("/v1/case/categories?isActive=true").body, res.body);
  EXPECT_EQ(get("/v1/case/categories?isActive=TRUE").body, res.body);
}

TEST_F(CaseApi, CategoriesHideInactiveUnlessAsked) {
  const auto complaint = category_id("Complaint");
  server_.db().write_now([&](storage::Session& s) {
    s.exec("UPDATE case_categories SET is_active = 0 WHERE company_id = ? AND category_id = ?",
           {company_.id, complaint});
  });
  auto active = get("/v1/case/categories");
  ASSERT_EQ(active.status, 200);
  auto a = active.json();
  EXPECT_EQ(a["data"]["data"].Size(), 7u);
  EXPECT_EQ(active.header("x-total-count"), "7");
  for (const auto& c : a["data"]["data"].GetArray()) {
    EXPECT_STRNE(c["categoryName"].GetString(), "Complaint");
  }

  auto all = get("/v1/case/categories?isActive=false");
  ASSERT_EQ(all.status, 200) << all.body;
  auto b = all.json();
  const auto& list = b["data"]["data"];
  ASSERT_EQ(list.Size(), 8u);
  EXPECT_EQ(all.header("x-total-count"), "8");
  EXPECT_STREQ(list[1]["categoryName"].GetString(), "Complaint");
  EXPECT_EQ(list[1]["categoryId"].GetInt64(), complaint);
  EXPECT_FALSE(list[1]["isActive"].GetBool());
  EXPECT_TRUE(list[0]["isActive"].GetBool());
}

TEST_F(CaseApi, CategoriesRejectAnInvalidIsActive) {
  auto res = get("/v1/case/categories?isActive=maybe");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, one_problem_body("isActive must be true or false", 400));
}

TEST_F(CaseApi, CategoriesAreConfinedToTheCompany) {
  auto other = server_.add_company(false);
  auto res = client_.request("GET", "/v1/case/categories", other.auth());
  ASSERT_EQ(res.status, 200);
  auto doc = res.json();
  EXPECT_EQ(doc["data"]["data"].Size(), 7u);
  EXPECT_EQ(res.header("x-total-count"), "7");
  for (const auto& c : doc["data"]["data"].GetArray())
    EXPECT_NE(c["categoryId"].GetInt64(), kCategory);
}

// ---------------------------------------------------------------------------------------------
// Concurrency

TEST_F(CaseApi, ConcurrentAddsGetDistinctConsecutiveNumbers) {
  constexpr int kThreads = 20;
  constexpr int kPerThread = 10;
  const std::string body = add_body().json();
  std::vector<std::vector<std::string>> numbers(kThreads);
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        HttpClient client = server_.client();
        for (int i = 0; i < kPerThread; ++i) {
          auto res = client.request("POST", "/v1/case", company_.auth_json(), body);
          if (res.status != 200) {
            failures[t] = std::to_string(res.status) + " " + res.body;
            return;
          }
          rapidjson::Document d;
          d.Parse(res.body.c_str());
          numbers[t].emplace_back(d["data"]["data"]["feedbackNo"].GetString());
        }
      } catch (const std::exception& e) {
        failures[t] = e.what();
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& f : failures) EXPECT_EQ(f, "");

  std::vector<std::string> all;
  for (const auto& list : numbers) {
    // One connection's requests are answered in order, so its numbers increase.
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
    all.insert(all.end(), list.begin(), list.end());
  }
  std::sort(all.begin(), all.end());
  std::vector<std::string> expected;
  for (int i = 1; i <= kThreads * kPerThread; ++i) {
    char no[16];
    std::snprintf(no, sizeof no, "T2504%05d", i);
    expected.emplace_back(no);
  }
  EXPECT_EQ(all, expected);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM cases WHERE feedback_no LIKE 'T2504%'"), 200);
  EXPECT_EQ(scalar("SELECT COUNT(DISTINCT feedback_no) FROM cases"), 201);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM case_activities"), 400);
}

}  // namespace
}  // namespace ov::test
