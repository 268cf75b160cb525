// The Expense section over HTTP (ENDPOINTS.md §4.7) in envelope family V: Create, Update, Enquiry
// and Get a Expense with their success and error paths, the per-type line rules as a table,
// lines and attachments on update, the statuses an expense may be edited in, the approvals of
// the administration plane (every status × every decision), numbering under concurrent creates,
// and the Venio docs' request example and documented response held against the server.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "modules/expenses/expense_types.hpp"
#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-02-14T12:00:00+0700: new expenses are numbered in February 2025.
constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";
constexpr const char* kAdminKey = "expense-approvals-admin-key-0123456789";

const std::vector<std::string> kExpenseKeys = {"expenseId",
                                               "teamId",
                                               "expenseNo",
                                               "statusId",
                                               "dateTransaction",
                                               "createdByUserId",
                                               "dateCreated",
                                               "updatedByUserId",
                                               "dateUpdated",
                                               "remark",
                                               "subject",
                                               "totalBaht",
                                               "activityExpenses",
                                               "expenseDetails",
                                               "expenseStates",
                                               "canApprove",
                                               "isEdit",
                                               "deletable",
                                               "total",
                                               "attachments",
                                               "pictureUrl",
                                               "activityLogs",
                                               "activityId",
                                               "waitingApproveByUserId",
                                               "waitingApproveByRoleId",
                                               "waitingApproveByRankNo",
                                               "approvedByUserId",
                                               "dateApproved",
                                               "modifiedByUserId",
                                               "statusName",
                                               "reason"};
const std::vector<std::string> kLineKeys = {"expenseDetailId",
                                            "expenseId",
                                            "expenseTypeId",
                                            "categoryId",
                                            "amount1",
                                            "note",
                                            "expenseLimitRangesId",
                                            "night",
                                            "milesStart",
                                            "milesEnd",
                                            "trainingTitle",
                                            "hours",
                                            "minutes",
                                            "taxi",
                                            "tollway",
                                            "parking",
                                            "person",
                                            "usedFuelCard"};

// The Venio docs' Expense Enquiry request example (§4.7.3), verbatim.
constexpr const char* kDocEnquiryExample = R"({
"expenseTypeId": 1001,
"statusIds": [
"string"
],
"staffCodes": [
"string"
],
"searchText": "string",
"dateStart": "2021-09-17T10:42:31.981Z",
"dateEnd": "2021-09-17T10:42:31.981Z"
})";

// The Venio docs' Get a Expense 200 example (§4.7.4) up to where the docs cut it off, closed
// after identityUserId: the keys it shows, in its order.
constexpr const char* kDocGetExample = R"({
"expenseId": 1, "teamId": 1, "expenseNo": "string", "statusId": 302,
"dateTransaction": "2023-01-06T12:04:16+0700", "createdByUserId": "string",
"dateCreated": "2023-01-06T12:04:36+0700", "updatedByUserId": "string",
"dateUpdated": "2023-01-06T12:05:20+0700", "remark": "", "subject": "string", "totalBaht": 0,
"activityExpenses": [],
"expenseDetails": [{"expenseDetailId": 1, "expenseId": 1, "expenseTypeId": 1, "categoryId": 1,
  "amount1": 0, "note": "", "expenseLimitRangesId": 1}],
"expenseStates": [{"expenseStatesId": 1, "expenseId": 1, "statusId": 1,
  "createdByUserId": "string", "dateCreated": "2023-01-06T12:04:36+0700", "approveLevel": 1,
  "seq": 1}],
"canApprove": false, "isEdit": false, "deletable": true, "total": 0,
"attachments": [{"attachmentId": 1, "refId": 1, "type": 1,
  "dateCreated": "2023-01-25T15:26:54+0700", "url": "string", "urlResponseUpload": "string",
  "thumbnail": "string"}],
"pictureUrl": "string",
"activityLogs": [{"activityLogId": 1, "refId": 1, "comment": "", "logType": 1, "status": 1,
  "dateCreated": "2023-01-06T12:05:20+0700", "createdByUserId": "string",
  "userInfo": {"userId": "string", "fullname": "string", "dateCreated": "2018-11-05T10:13:59+0700",
    "dateModified": "2023-01-20T11:38:34+0700", "identityUserId": "s"}}]
})";

// A line of each kind a claim commonly has: a night, fuel and a taxi ride.
Body create_body() {
  Body b;
  b.set("ExpenseDetails",
        R"([{"expenseTypeId":1001,"amount":"1800.00","night":1,"categoryId":7},)"
        R"({"expenseTypeId":1003,"amount":950.25,"milesStart":1200,"milesEnd":1480,)"
        R"("usedFuelCard":true},)"
        R"({"expenseTypeId":1006,"amount":999,"taxi":250,"tollway":"75.50","parking":null}])")
      .str("subject", "เยี่ยมลูกค้า เชียงใหม่")
      .str("dateTransaction", "2025-02-10T09:00:00+0700")
      .str("remark", "Quarterly visit");
  return b;
}

// The smallest valid body: one line of the type that needs only an amount.
Body small_body(const std::string& subject = "Lunch with sales") {
  Body b;
  b.set("ExpenseDetails", R"([{"expenseTypeId":1008,"amount":120}])").str("subject", subject);
  return b;
}

class ExpenseApi : public ::testing::Test {
 protected:
  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "") {
    return client_.request(method, path, company_.auth_json(), body);
  }
  HttpResponse admin(const std::string& path, const std::string& body = "") {
    return client_.request("POST", "/admin/v1/companies/" + std::to_string(company_.id) + path,
                           admin_headers_for(kAdminKey), body);
  }
  rapidjson::Document value_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data") && doc["data"].HasMember("value")) {
      out.CopyFrom(doc["data"]["value"], out.GetAllocator());
    }
    return out;
  }
  rapidjson::Document create(const Body& b) {
    return value_of(call("POST", "/v1/expenses", b.json()));
  }
  std::string create_no(const Body& b) {
    auto e = create(b);
    return e.IsObject() ? e["expenseNo"].GetString() : "";
  }
  rapidjson::Document get(const std::string& key) {
    return value_of(call("GET", "/v1/expenses/" + key));
  }
  rapidjson::Document enquiry(const std::string& body) {
    return value_of(call("POST", "/v1/expenses/enquiry", body));
  }
  // statusId → expense numbers of each group of an enquiry, in reply order.
  std::vector<std::pair<int, std::vector<std::string>>> groups(const std::string& body) {
    std::vector<std::pair<int, std::vector<std::string>>> out;
    auto list = enquiry(body);
    if (!list.IsArray()) return out;
    for (const auto& g : list.GetArray()) {
      std::vector<std::string> nos;
      for (const auto& e : g["expenses"].GetArray()) nos.emplace_back(e["expenseNo"].GetString());
      out.emplace_back(g["statusId"].GetInt(), std::move(nos));
    }
    return out;
  }
  void expect_error(const HttpResponse& res, int status, const std::string& message) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.body, one_problem_body(api::Family::kV, message, status));
  }
  std::int64_t count(const std::string& table) {
    return server_.scalar("SELECT COUNT(*) FROM " + table + " WHERE company_id = ?", {company_.id});
  }
  std::int64_t expense_id(const std::string& no) {
    return server_.scalar("SELECT expense_id FROM expenses WHERE company_id = ? AND expense_no = ?",
                          {company_.id, std::string_view(no)});
  }

  TestServer server_{fixed_at_with_admin_key(kNow, kAdminKey)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Create Expense

TEST_F(ExpenseApi, CreateReturnsTheFullExpenseObject) {
  auto res = call("POST", "/v1/Expenses", create_body().json());
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), std::vector<std::string>{"data"});
  const auto& e = doc["data"]["value"];
  EXPECT_EQ(keys_of(e), kExpenseKeys);
  const auto id = expense_id("EXP250200001");
  EXPECT_EQ(e["expenseId"].GetInt64(), id);
  EXPECT_STREQ(e["expenseNo"].GetString(), "EXP250200001");
  EXPECT_EQ(e["statusId"].GetInt(), 301);
  EXPECT_STREQ(e["statusName"].GetString(), "Waiting approval");
  EXPECT_STREQ(e["dateTransaction"].GetString(), "2025-02-10T09:00:00+0700");
  EXPECT_STREQ(e["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(e["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(e["updatedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(e["modifiedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(e["dateUpdated"].GetString(), kNowText);
  EXPECT_STREQ(e["subject"].GetString(), "เยี่ยมลูกค้า เชียงใหม่");
  EXPECT_STREQ(e["remark"].GetString(), "Quarterly visit");
  // 1800 + 950.25 + (250 + 75.50): Travelling's amount is its fares, its `amount` ignored.
  EXPECT_EQ(to_json(e["totalBaht"]), "3075.75");
  EXPECT_EQ(to_json(e["total"]), "3075.75");
  EXPECT_EQ(to_json(e["activityExpenses"]), "[]");
  ASSERT_EQ(e["expenseDetails"].Size(), 3u);
  for (const auto& l : e["expenseDetails"].GetArray()) {
    EXPECT_EQ(keys_of(l), kLineKeys);
    EXPECT_EQ(l["expenseId"].GetInt64(), id);
    EXPECT_TRUE(l["expenseLimitRangesId"].IsNull());
  }
  const auto& night = e["expenseDetails"][0];
  EXPECT_EQ(night["expenseTypeId"].GetInt(), 1001);
  EXPECT_EQ(night["categoryId"].GetInt64(), 7);
  EXPECT_EQ(to_json(night["amount1"]), "1800");
  EXPECT_STREQ(night["note"].GetString(), "");
  EXPECT_EQ(night["night"].GetInt(), 1);
  const auto& fuel = e["expenseDetails"][1];
  EXPECT_EQ(to_json(fuel["amount1"]), "950.25");
  EXPECT_EQ(fuel["milesStart"].GetInt(), 1200);
  EXPECT_EQ(fuel["milesEnd"].GetInt(), 1480);
  EXPECT_TRUE(fuel["usedFuelCard"].GetBool());
  EXPECT_TRUE(night["usedFuelCard"].IsNull());
  const auto& ride = e["expenseDetails"][2];
  EXPECT_EQ(to_json(ride["amount1"]), "325.5");
  EXPECT_EQ(to_json(ride["taxi"]), "250");
  EXPECT_EQ(to_json(ride["tollway"]), "75.5");
  EXPECT_TRUE(ride["parking"].IsNull());
  // The trail starts submitted; the log with its creation by the API client.
  EXPECT_EQ(to_json(e["expenseStates"]),
            R"([{"expenseStatesId":)" +
                std::to_string(e["expenseStates"][0]["expenseStatesId"].GetInt64()) +
                R"(,"expenseId":)" + std::to_string(id) + R"(,"statusId":1,"createdByUserId":")" +
                kApiUser + R"(","dateCreated":")" + kNowText + R"(","approveLevel":1,"seq":1}])");
  ASSERT_EQ(e["activityLogs"].Size(), 1u);
  const auto& log = e["activityLogs"][0];
  EXPECT_EQ(log["refId"].GetInt64(), id);
  EXPECT_EQ(log["logType"].GetInt(), 1);
  EXPECT_EQ(log["status"].GetInt(), 1);
  EXPECT_STREQ(log["comment"].GetString(), "");
  EXPECT_EQ(keys_of(log["userInfo"]), (std::vector<std::string>{"userId", "fullname", "dateCreated",
                                                                "dateModified", "identityUserId"}));
  EXPECT_STREQ(log["userInfo"]["userId"].GetString(), kApiUser);
  EXPECT_STREQ(log["userInfo"]["identityUserId"].GetString(), kApiUser);
  EXPECT_FALSE(e["canApprove"].GetBool());
  EXPECT_TRUE(e["isEdit"].GetBool());
  EXPECT_TRUE(e["deletable"].GetBool());
  EXPECT_EQ(to_json(e["attachments"]), "[]");
  EXPECT_TRUE(e["activityId"].IsNull());
  EXPECT_TRUE(e["waitingApproveByUserId"].IsNull());
  EXPECT_STREQ(e["waitingApproveByRoleId"].GetString(), "1");
  EXPECT_EQ(e["waitingApproveByRankNo"].GetInt(), 1);
  EXPECT_TRUE(e["approvedByUserId"].IsNull());
  EXPECT_TRUE(e["dateApproved"].IsNull());
  EXPECT_TRUE(e["reason"].IsNull());
  // Money is stored as exact text, never through a binary float.
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM expenses WHERE expense_id = ? AND total_baht = "
                           "'3075.75'",
                           {id}),
            1);
  // Get shows what Create answered.
  EXPECT_EQ(call("GET", "/v1/expenses/" + std::to_string(id)).body, res.body);
  EXPECT_EQ(create_no(small_body()), "EXP250200002");
}

TEST_F(ExpenseApi, CreateDefaultsItsDateAndRemarkAndKeepsExactDecimals) {
  auto res =
      call("POST", "/v1/expenses",
           small_body()
               .set("ExpenseDetails", R"([{"expenseTypeId":1008,"amount":"0.10"},)"
                                      R"({"expenseTypeId":1008,"amount":0.2},)"
                                      R"({"expenseTypeId":1008,"amount":"999999999999999.69"}])")
               .json());
  auto e = value_of(res);
  ASSERT_TRUE(e.IsObject());
  EXPECT_STREQ(e["dateTransaction"].GetString(), kNowText);
  EXPECT_STREQ(e["remark"].GetString(), "");
  // 0.1 + 0.2 is 0.3 exactly; the total keeps every digit of the largest amount.
  // (The raw text: a client's double would round it.)
  EXPECT_NE(res.body.find(R"("totalBaht":999999999999999.99,)"), std::string::npos) << res.body;
  EXPECT_EQ(to_json(e["expenseDetails"][0]["amount1"]), "0.1");
  // A total is money too: lines that add up past its range are refused, and nothing is saved.
  const auto before = count("expenses");
  expect_error(
      call("POST", "/v1/expenses",
           small_body()
               .set("ExpenseDetails", R"([{"expenseTypeId":1008,"amount":"999999999999999.99"},)"
                                      R"({"expenseTypeId":1008,"amount":"0.01"}])")
               .json()),
      400, "ExpenseDetails add up to more than 999999999999999.99");
  EXPECT_EQ(count("expenses"), before);
}

TEST_F(ExpenseApi, EveryLineTypeNeedsItsRequiredFields) {
  // A complete line of each type (kLineRules), then each required field taken away in turn.
  const std::map<int, std::string> complete = {
      {1001, R"("amount":100,"night":2)"},
      {1002, R"("amount":100,"person":3)"},
      {1003, R"("amount":100,"milesStart":10,"milesEnd":20)"},
      {1004, R"("amount":100,"note":"Printer paper")"},
      {1005, R"("amount":100,"trainingTitle":"CRM basics","hours":1,"minutes":30)"},
      {1006, R"("taxi":100)"},
      {1007, R"("amount":100,"person":4)"},
      {1008, R"("amount":100)"},
  };
  ASSERT_EQ(complete.size(), std::size(expenses::kLineRules));
  for (const auto& rule : expenses::kLineRules) {
    SCOPED_TRACE(rule.type_id);
    const auto& fields = complete.at(rule.type_id);
    const std::string type = R"({"expenseTypeId":)" + std::to_string(rule.type_id);
    auto ok = call("POST", "/v1/expenses",
                   small_body().set("ExpenseDetails", "[" + type + "," + fields + "}]").json());
    ASSERT_EQ(ok.status, 200) << ok.body;
    for (auto missing : rule.required) {
      SCOPED_TRACE(std::string(missing));
      // The line without `missing`, and with it null or (for text) empty: each is missing.
      const std::string absent_key = "\"" + std::string(missing) + "\":";
      std::string without;
      std::string rest = fields;
      // Drop the "key":value pair from the comma-separated properties.
      std::vector<std::string> parts;
      std::size_t depth = 0, start = 0;
      for (std::size_t i = 0; i <= rest.size(); ++i) {
        if (i == rest.size() || (rest[i] == ',' && depth == 0)) {
          parts.push_back(rest.substr(start, i - start));
          start = i + 1;
        } else if (rest[i] == '"') {
          depth ^= 1;
        }
      }
      for (const auto& p : parts) {
        if (p.rfind(absent_key, 0) == 0) continue;
        if (!without.empty()) without += ",";
        without += p;
      }
      for (const std::string& variant :
           {without, without + (without.empty() ? "" : ",") + absent_key + "null"}) {
        const std::string line = type + (variant.empty() ? "" : "," + variant) + "}";
        const std::string body = small_body().set("ExpenseDetails", "[" + line + "]").json();
        const std::string field = "ExpenseDetails[0]." + std::string(missing);
        expect_error(call("POST", "/v1/expenses", body), 400,
                     field + " is required for expense type " + std::to_string(rule.type_id) +
                         " (" + std::string(rule.name) + ")");
      }
    }
  }
  // Travelling needs one of its fares instead.
  expect_error(
      call("POST", "/v1/expenses",
           small_body().set("ExpenseDetails", R"([{"expenseTypeId":1006,"amount":100}])").json()),
      400,
      "ExpenseDetails[0].taxi, ExpenseDetails[0].tollway or ExpenseDetails[0].parking "
      "is required for expense type 1006 (Travelling)");
  auto parking = create(small_body().set(
      "ExpenseDetails", R"([{"expenseTypeId":1006,"parking":"40.00","amount":5000}])"));
  EXPECT_EQ(to_json(parking["totalBaht"]), "40");
  // Text that is only present but empty is missing too.
  expect_error(call("POST", "/v1/expenses",
                    small_body()
                        .set("ExpenseDetails", R"([{"expenseTypeId":1004,"amount":1,"note":""}])")
                        .json()),
               400, "ExpenseDetails[0].note is required for expense type 1004 (Other)");
  // Text of white space only is missing too.
  expect_error(
      call(
          "POST", "/v1/expenses",
          small_body()
              .set(
                  "ExpenseDetails",
                  R"([{"expenseTypeId":1005,"amount":1,"trainingTitle":"  ","hours":1,"minutes":0}])")
              .json()),
      400, "ExpenseDetails[0].trainingTitle is required for expense type 1005 (Training)");
  // A new expense has no lines to name.
  expect_error(call("POST", "/v1/expenses",
                    small_body()
                        .set("ExpenseDetails",
                             R"([{"expenseDetailId":999999,"expenseTypeId":1008,"amount":1}])")
                        .json()),
               400, "ExpenseDetails[0].expenseDetailId 999999 is not a line of this expense");
  // Nothing of the refused requests was written.
  EXPECT_EQ(count("expenses"), 1 + 8 + 1);
}

TEST_F(ExpenseApi, CreateRefusesWhatItCannotStoreAndWritesNothing) {
  const auto expenses_before = count("expenses");
  const auto lines_before = count("expense_details");
  auto empty = call("POST", "/v1/expenses", "{}");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.body,
            problems_body(api::Family::kV, {{"ExpenseDetails", "ExpenseDetails is required"},
                                            {"subject", "subject is required"}}));
  expect_error(call("POST", "/v1/expenses", small_body().set("ExpenseDetails", "[]").json()), 400,
               "ExpenseDetails must have at least one line");
  // Every problem of the body at once, in body order.
  auto bad = call("POST", "/v1/expenses",
                  small_body()
                      .set("ExpenseDetails",
                           R"([{"expenseTypeId":1008,"amount":-1},)"
                           R"({"expenseTypeId":1008,"amount":"1.234"},)"
                           R"({"expenseTypeId":0,"amount":1},)"
                           R"({"expenseTypeId":1009,"amount":1},)"
                           R"({"expenseTypeId":1003,"amount":1,"milesStart":20,"milesEnd":20},)"
                           R"({"expenseTypeId":1005,"amount":1,"trainingTitle":"x","hours":1,)"
                           R"("minutes":60},)"
                           R"({"expenseTypeId":1001,"amount":1,"night":0},)"
                           R"({"expenseTypeId":1002,"amount":1,"person":0},)"
                           R"({"expenseTypeId":1008,"amount":1,"usedFuelCard":"maybe"}])")
                      .str("dateTransaction", "2025-02-30T10:00:00+0700")
                      .set("activityId", "[1]")
                      .json());
  EXPECT_EQ(bad.status, 400);
  auto doc = bad.json();
  EXPECT_STREQ(doc["status"]["code"].GetString(), "4002");
  std::vector<std::string> fields;
  for (const auto& e : doc["data"]["value"]["errors"].GetArray())
    fields.emplace_back(e["field"].GetString());
  EXPECT_EQ(fields, (std::vector<std::string>{
                        "ExpenseDetails[0].amount", "ExpenseDetails[1].amount",
                        "ExpenseDetails[2].expenseTypeId", "ExpenseDetails[3].expenseTypeId",
                        "ExpenseDetails[4].milesEnd", "ExpenseDetails[5].minutes",
                        "ExpenseDetails[6].night", "ExpenseDetails[7].person",
                        "ExpenseDetails[8].usedFuelCard", "dateTransaction", "activityId"}))
      << bad.body;
  // A documented bound on the lines of one expense.
  std::string lines = "[";
  for (std::size_t i = 0; i <= expenses::kMaxLines; ++i) {
    lines += std::string(i ? "," : "") + R"({"expenseTypeId":1008,"amount":1})";
  }
  lines += "]";
  expect_error(call("POST", "/v1/expenses", small_body().set("ExpenseDetails", lines).json()), 400,
               "ExpenseDetails must be an array of at most 200 objects");
  // An unknown activity is a 404; the number it would have taken is given back.
  expect_error(call("POST", "/v1/expenses", small_body().str("activityId", "A20990100001").json()),
               404, "activityId A20990100001 was not found");
  EXPECT_EQ(count("expenses"), expenses_before);
  EXPECT_EQ(count("expense_details"), lines_before);
  EXPECT_EQ(create_no(small_body()), "EXP250200001");
}

TEST_F(ExpenseApi, TheLinkedActivityIsNamedByIdOrNumber) {
  const auto activity = server_.scalar(
      "SELECT activity_id FROM activities WHERE company_id = ? AND activity_no = 'A20250200028'",
      {company_.id});
  const std::string activity_json =
      R"([{"activityId":)" + std::to_string(activity) + R"(,"activityNo":"A20250200028"}])";
  // By its number (any case), by its id as a string and as a number.
  for (const std::string& ref : {std::string(R"("a20250200028")"), quote(std::to_string(activity)),
                                 std::to_string(activity)}) {
    SCOPED_TRACE(ref);
    auto e = create(small_body().set("activityId", ref));
    ASSERT_TRUE(e.IsObject());
    EXPECT_EQ(to_json(e["activityExpenses"]), activity_json);
    EXPECT_EQ(e["activityId"].GetInt64(), activity);
  }
  const std::string no = create_no(small_body().str("activityId", "A20250200028"));
  // Absent keeps the link, null (or blank) removes it.
  auto kept = value_of(call("PUT", "/v1/expenses/" + no, small_body("Kept").json()));
  EXPECT_EQ(to_json(kept["activityExpenses"]), activity_json);
  auto cleared =
      value_of(call("PUT", "/v1/expenses/" + no, small_body().set("activityId", "null").json()));
  EXPECT_EQ(to_json(cleared["activityExpenses"]), "[]");
  EXPECT_TRUE(cleared["activityId"].IsNull());
  expect_error(
      call("PUT", "/v1/expenses/" + no, small_body().str("activityId", "999999999").json()), 404,
      "activityId 999999999 was not found");
}

// ---------------------------------------------------------------------------------------------
// Update Expense

TEST_F(ExpenseApi, UpdateMatchesLinesByIdAddsNewOnesAndRemovesTheRest) {
  auto e = create(create_body());
  ASSERT_TRUE(e.IsObject());
  const std::string no = e["expenseNo"].GetString();
  const auto id = e["expenseId"].GetInt64();
  const auto night = e["expenseDetails"][0]["expenseDetailId"].GetInt64();
  const auto fuel = e["expenseDetails"][1]["expenseDetailId"].GetInt64();
  // The fuel line changed and moved first, the night kept, the taxi dropped, a new line added.
  const std::string lines =
      R"([{"expenseDetailId":)" + std::to_string(fuel) +
      R"(,"expenseTypeId":1003,"amount":"1000.00","milesStart":1200,"milesEnd":1500},)"
      R"({"expenseDetailId":)" +
      std::to_string(night) +
      R"(,"expenseTypeId":1001,"amount":"1800.00","night":1,"categoryId":7},)"
      R"({"expenseDetailId":null,"expenseTypeId":1002,"amount":"640.50","person":2}])";
  auto res = call("PUT", "/v1/expenses/" + std::to_string(id),
                  Body().set("ExpenseDetails", lines).str("subject", "Revised").json());
  auto u = value_of(res);
  ASSERT_TRUE(u.IsObject());
  EXPECT_EQ(keys_of(u), kExpenseKeys);
  EXPECT_STREQ(u["subject"].GetString(), "Revised");
  // Absent properties keep what is stored.
  EXPECT_STREQ(u["remark"].GetString(), "Quarterly visit");
  EXPECT_STREQ(u["dateTransaction"].GetString(), "2025-02-10T09:00:00+0700");
  EXPECT_EQ(to_json(u["totalBaht"]), "3440.5");
  ASSERT_EQ(u["expenseDetails"].Size(), 3u);
  EXPECT_EQ(u["expenseDetails"][0]["expenseDetailId"].GetInt64(), fuel);
  EXPECT_EQ(to_json(u["expenseDetails"][0]["amount1"]), "1000");
  // Fields the line no longer gives are cleared: the line is as the body states it.
  EXPECT_TRUE(u["expenseDetails"][0]["usedFuelCard"].IsNull());
  EXPECT_EQ(u["expenseDetails"][1]["expenseDetailId"].GetInt64(), night);
  const auto added = u["expenseDetails"][2]["expenseDetailId"].GetInt64();
  EXPECT_NE(added, night);
  EXPECT_NE(added, fuel);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM expense_details WHERE expense_id = ?", {id}), 3);
  // Still waiting: one more log entry, no new state.
  EXPECT_EQ(u["statusId"].GetInt(), 301);
  EXPECT_EQ(u["expenseStates"].Size(), 1u);
  ASSERT_EQ(u["activityLogs"].Size(), 2u);
  EXPECT_EQ(u["activityLogs"][1]["logType"].GetInt(), 2);
  // Null clears the remark to "", a new date is kept.
  auto v = value_of(
      call("PUT", "/v1/expenses/" + no,
           small_body().set("remark", "null").str("dateTransaction", "2025-02-11").json()));
  EXPECT_STREQ(v["remark"].GetString(), "");
  EXPECT_STREQ(v["dateTransaction"].GetString(), "2025-02-11T00:00:00+0700");
  EXPECT_EQ(v["expenseDetails"].Size(), 1u);
}

TEST_F(ExpenseApi, UpdateRefusesLinesOfOtherExpensesAndUnknownKeys) {
  auto a = create(create_body());
  auto b = create(small_body());
  ASSERT_TRUE(a.IsObject() && b.IsObject());
  const std::string a_no = a["expenseNo"].GetString();
  const auto b_line = b["expenseDetails"][0]["expenseDetailId"].GetInt64();
  const auto a_line = a["expenseDetails"][0]["expenseDetailId"].GetInt64();
  const auto before = call("GET", "/v1/expenses/" + a_no).body;
  expect_error(call("PUT", "/v1/expenses/" + a_no,
                    small_body()
                        .set("ExpenseDetails", R"([{"expenseDetailId":)" + std::to_string(b_line) +
                                                   R"(,"expenseTypeId":1008,"amount":1}])")
                        .json()),
               400,
               "ExpenseDetails[0].expenseDetailId " + std::to_string(b_line) +
                   " is not a line of expense " + a_no);
  expect_error(call("PUT", "/v1/expenses/" + a_no,
                    small_body()
                        .set("ExpenseDetails",
                             R"([{"expenseDetailId":)" + std::to_string(a_line) +
                                 R"(,"expenseTypeId":1008,"amount":1},{"expenseDetailId":)" +
                                 std::to_string(a_line) + R"(,"expenseTypeId":1008,"amount":2}])")
                        .json()),
               400,
               "ExpenseDetails[1].expenseDetailId " + std::to_string(a_line) + " is given twice");
  EXPECT_EQ(call("GET", "/v1/expenses/" + a_no).body, before);
  // Digits name an id, anything else a number (any case).
  expect_error(call("PUT", "/v1/expenses/987654321", small_body().json()), 404,
               "expenseId 987654321 was not found");
  expect_error(call("PUT", "/v1/expenses/EXP209901000001", small_body().json()), 404,
               "expenseNo EXP209901000001 was not found");
  expect_error(call("GET", "/v1/expenses/EXP209901000001"), 404,
               "expenseNo EXP209901000001 was not found");
  EXPECT_EQ(value_of(call("PUT", "/v1/Expenses/" + std::string("exp250200002"),
                          small_body("Lower case").json()))["subject"],
            "Lower case");
}

TEST_F(ExpenseApi, OnlyWaitingAndRejectedExpensesCanBeEdited) {
  // One expense in each status, through the administration plane's decisions.
  const auto waiting = create_no(small_body());
  const auto approved = create_no(small_body());
  const auto rejected = create_no(small_body());
  const auto cancelled = create_no(small_body());
  ASSERT_EQ(admin("/expenses/" + approved + "/approve").status, 200);
  ASSERT_EQ(admin("/expenses/" + rejected + "/reject", R"({"reason":"No receipt"})").status, 200);
  ASSERT_EQ(admin("/expenses/" + cancelled + "/cancel").status, 200);
  for (const auto& no : {approved, cancelled, std::string("EXP230100001")}) {
    SCOPED_TRACE(no);
    const auto before = call("GET", "/v1/expenses/" + no).body;
    expect_error(call("PUT", "/v1/expenses/" + no, small_body("Changed").json()), 400,
                 "Expense cannot be edited in its current status");
    EXPECT_EQ(call("GET", "/v1/expenses/" + no).body, before);
  }
  auto w = value_of(call("PUT", "/v1/expenses/" + waiting, small_body("Changed").json()));
  EXPECT_EQ(w["statusId"].GetInt(), 301);
  // A rejected expense goes back to waiting: a new submitted state, its reason gone.
  auto r0 = get(rejected);
  EXPECT_EQ(r0["statusId"].GetInt(), 303);
  EXPECT_STREQ(r0["reason"].GetString(), "No receipt");
  EXPECT_FALSE(r0["deletable"].GetBool());
  EXPECT_TRUE(r0["isEdit"].GetBool());
  auto r = value_of(call("PUT", "/v1/expenses/" + rejected, small_body("Receipt added").json()));
  EXPECT_EQ(r["statusId"].GetInt(), 301);
  EXPECT_TRUE(r["reason"].IsNull());
  ASSERT_EQ(r["expenseStates"].Size(), 3u);
  EXPECT_EQ(r["expenseStates"][1]["statusId"].GetInt(), 3);
  EXPECT_EQ(r["expenseStates"][2]["statusId"].GetInt(), 1);
  EXPECT_EQ(r["expenseStates"][2]["seq"].GetInt(), 3);
  std::vector<int> logs;
  for (const auto& l : r["activityLogs"].GetArray()) logs.push_back(l["logType"].GetInt());
  EXPECT_EQ(logs, (std::vector<int>{1, 4, 2}));
  EXPECT_STREQ(r["activityLogs"][1]["comment"].GetString(), "No receipt");
}

// ---------------------------------------------------------------------------------------------
// Approvals (the administration plane)

TEST_F(ExpenseApi, EveryDecisionFromEveryStatus) {
  struct Case {
    const char* action;
    int from;
    int to;  // 0: refused
  };
  const Case cases[] = {
      {"approve", 301, 302}, {"approve", 302, 0}, {"approve", 303, 0},  {"approve", 304, 0},
      {"reject", 301, 303},  {"reject", 302, 0},  {"reject", 303, 0},   {"reject", 304, 0},
      {"cancel", 301, 304},  {"cancel", 302, 0},  {"cancel", 303, 304}, {"cancel", 304, 0},
  };
  const std::map<std::string, std::string> verbs = {
      {"approve", "approved"}, {"reject", "rejected"}, {"cancel", "cancelled"}};
  // Puts a new expense into `status` through the plane.
  auto in_status = [&](int status) {
    const auto no = create_no(small_body());
    const char* step = status == 302   ? "/approve"
                       : status == 303 ? "/reject"
                       : status == 304 ? "/cancel"
                                       : nullptr;
    if (step) {
      EXPECT_EQ(admin("/expenses/" + no + step, R"({"reason":"r"})").status, 200);
    }
    return no;
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.action) + " from " + std::to_string(c.from));
    const auto no = in_status(c.from);
    const auto before = call("GET", "/v1/expenses/" + no).body;
    auto res = admin("/expenses/" + no + "/" + c.action, R"({"reason":"Out of policy"})");
    if (c.to == 0) {
      EXPECT_EQ(res.status, 422) << res.body;
      EXPECT_NE(res.body.find("Expense " + no + " cannot be " + verbs.at(c.action) +
                              " in its current status (" +
                              std::string(expenses::status_name(c.from)) + ")"),
                std::string::npos)
          << res.body;
      EXPECT_EQ(call("GET", "/v1/expenses/" + no).body, before);
      continue;
    }
    ASSERT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    // The plane answers the expense object itself, as Get a Expense shows it.
    EXPECT_EQ(keys_of(doc), kExpenseKeys);
    EXPECT_EQ(doc["statusId"].GetInt(), c.to);
    EXPECT_EQ(value_of(call("GET", "/v1/expenses/" + no))["statusId"].GetInt(), c.to);
    if (c.to == 302) {
      EXPECT_STREQ(doc["approvedByUserId"].GetString(), company_.admin_user_id.c_str());
      EXPECT_STREQ(doc["dateApproved"].GetString(), kNowText);
      EXPECT_TRUE(doc["reason"].IsNull());
      EXPECT_TRUE(doc["waitingApproveByRoleId"].IsNull());
    } else {
      EXPECT_STREQ(doc["reason"].GetString(), "Out of policy");
    }
    const auto& states = doc["expenseStates"];
    EXPECT_EQ(states[states.Size() - 1]["statusId"].GetInt(), c.to - 300);
    EXPECT_STREQ(states[states.Size() - 1]["createdByUserId"].GetString(),
                 company_.admin_user_id.c_str());
  }
}

TEST_F(ExpenseApi, DecisionsCheckTheirBodyTheExpenseAndTheKey) {
  const auto no = create_no(small_body());
  auto res = admin("/expenses/" + no + "/reject");
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_NE(res.body.find("reason is required"), std::string::npos) << res.body;
  res = admin("/expenses/" + no + "/approve", R"({"userId":"not-a-guid"})");
  EXPECT_EQ(res.status, 400) << res.body;
  res =
      admin("/expenses/" + no + "/approve", R"({"userId":"aaaaaaaa-1111-4222-8333-444444444444"})");
  EXPECT_EQ(res.status, 404) << res.body;
  res = admin("/expenses/EXP209901000001/approve");
  EXPECT_EQ(res.status, 404) << res.body;
  EXPECT_NE(res.body.find("expenseNo EXP209901000001 was not found"), std::string::npos);
  // A named approver is recorded as such.
  res =
      admin("/expenses/" + no + "/approve", R"({"userId":"6d473b8f-a6b3-4536-b1e6-f4b7688414e2"})");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_STREQ(res.json()["approvedByUserId"].GetString(), "6d473b8f-a6b3-4536-b1e6-f4b7688414e2");
  // A tenant's credentials never open the plane.
  auto tenant = client_.request(
      "POST", "/admin/v1/companies/" + std::to_string(company_.id) + "/expenses/" + no + "/cancel",
      company_.auth_json(), "{}");
  EXPECT_EQ(tenant.status, 401);
  EXPECT_EQ(value_of(call("GET", "/v1/expenses/" + no))["statusId"].GetInt(), 302);
}

// ---------------------------------------------------------------------------------------------
// Attachments

TEST_F(ExpenseApi, AttachmentsAreKeptAddedAndRemovedAsTheBodySays) {
  auto e = create(small_body().set(
      "attachments", R"([{"filename":"Receipt.JPG","url":"https://files.example.com/r/1.jpg"},)"
                     R"({"filename":"invoice.pdf","url":"http://files.example.com/i.pdf"}])"));
  ASSERT_TRUE(e.IsObject());
  const std::string no = e["expenseNo"].GetString();
  ASSERT_EQ(e["attachments"].Size(), 2u);
  const auto& jpg = e["attachments"][0];
  EXPECT_EQ(keys_of(jpg),
            (std::vector<std::string>{"attachmentId", "refId", "type", "filename", "extension",
                                      "fileSize", "isActive", "createdByUserId", "dateCreated",
                                      "resourceUrl", "companyId", "isProcessed", "url",
                                      "urlResponseUpload", "thumbnail"}));
  EXPECT_EQ(jpg["refId"].GetInt64(), e["expenseId"].GetInt64());
  EXPECT_EQ(jpg["type"].GetInt(), 2);
  EXPECT_STREQ(jpg["filename"].GetString(), "Receipt.JPG");
  EXPECT_STREQ(jpg["extension"].GetString(), "jpg");
  EXPECT_EQ(jpg["fileSize"].GetInt(), 0);
  EXPECT_TRUE(jpg["isActive"].GetBool());
  EXPECT_STREQ(jpg["url"].GetString(), "https://files.example.com/r/1.jpg");
  EXPECT_STREQ(jpg["resourceUrl"].GetString(), "https://files.example.com/r/1.jpg");
  EXPECT_STREQ(jpg["thumbnail"].GetString(), "https://files.example.com/r/1.jpg");
  EXPECT_EQ(jpg["companyId"].GetInt64(), company_.id);
  EXPECT_TRUE(e["attachments"][1]["thumbnail"].IsNull());
  const auto keep = e["attachments"][1]["attachmentId"].GetInt64();
  // Absent keeps the set.
  auto same = value_of(call("PUT", "/v1/expenses/" + no, small_body().json()));
  EXPECT_EQ(same["attachments"].Size(), 2u);
  // An array replaces it: the pdf kept, the jpg removed, a link added.
  auto changed = value_of(call(
      "PUT", "/v1/expenses/" + no,
      small_body()
          .set("attachments", R"([{"attachmentId":)" + std::to_string(keep) +
                                  R"(},{"filename":"toll.png","url":"https://x.example/t.png"}])")
          .json()));
  ASSERT_EQ(changed["attachments"].Size(), 2u);
  EXPECT_EQ(changed["attachments"][0]["attachmentId"].GetInt64(), keep);
  EXPECT_STREQ(changed["attachments"][1]["filename"].GetString(), "toll.png");
  // Another expense's attachment cannot be kept; nothing changes.
  auto other = create(
      small_body().set("attachments", R"([{"filename":"a.pdf","url":"https://x.example/a.pdf"}])"));
  const auto foreign = other["attachments"][0]["attachmentId"].GetInt64();
  const auto before = call("GET", "/v1/expenses/" + no).body;
  expect_error(call("PUT", "/v1/expenses/" + no,
                    small_body()
                        .set("attachments", R"([{"attachmentId":)" + std::to_string(foreign) + "}]")
                        .json()),
               400,
               "attachments[0].attachmentId " + std::to_string(foreign) +
                   " is not an attachment of this expense");
  EXPECT_EQ(call("GET", "/v1/expenses/" + no).body, before);
  // Null clears the set.
  auto cleared =
      value_of(call("PUT", "/v1/expenses/" + no, small_body().set("attachments", "null").json()));
  EXPECT_EQ(to_json(cleared["attachments"]), "[]");
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM attachments WHERE company_id = ? AND ref_id = ?",
                           {company_.id, cleared["expenseId"].GetInt64()}),
            0);
}

TEST_F(ExpenseApi, AttachmentInputIsChecked) {
  auto res =
      call("POST", "/v1/expenses",
           small_body()
               .set("attachments", R"([{"filename":"noext","url":"https://x.example/a"},)"
                                   R"({"filename":"a.pdf","url":"ftp://x.example/a.pdf"},)"
                                   R"({"filename":"../a.pdf","url":"https://x.example/a.pdf"},)"
                                   R"({"attachmentId":0},"text"])")
               .json());
  EXPECT_EQ(res.status, 400);
  std::vector<std::string> fields;
  for (const auto& e : res.json()["data"]["value"]["errors"].GetArray())
    fields.emplace_back(e["field"].GetString());
  EXPECT_EQ(fields, (std::vector<std::string>{"attachments[0].filename", "attachments[1].url",
                                              "attachments[2].filename",
                                              "attachments[3].attachmentId", "attachments[4]"}))
      << res.body;
  std::string many = "[";
  for (int i = 0; i <= 20; ++i) {
    many += std::string(i ? "," : "") + R"({"filename":"a.pdf","url":"https://x.example/a.pdf"})";
  }
  many += "]";
  expect_error(call("POST", "/v1/expenses", small_body().set("attachments", many).json()), 400,
               "attachments must be an array of at most 20 objects");
  EXPECT_EQ(count("attachments"), 0);
}

// ---------------------------------------------------------------------------------------------
// Expense Enquiry

class ExpenseEnquiry : public ExpenseApi {
 protected:
  void SetUp() override {
    // Waiting: three of staff01 (created as the API client, re-owned below); approved: one;
    // rejected: one; none cancelled.
    auto add = [&](const std::string& subject, const std::string& date, const std::string& lines) {
      return create_no(
          small_body(subject).str("dateTransaction", date).set("ExpenseDetails", lines));
    };
    const std::string meal = R"([{"expenseTypeId":1008,"amount":100}])";
    const std::string taxi = R"([{"expenseTypeId":1006,"taxi":80}])";
    a_ = add("ค่าที่พัก ภูเก็ต", "2025-02-01T08:00:00+0700",
             R"([{"expenseTypeId":1001,"amount":1200,"night":1}])");
    b_ = add("Taxi to Oasis Spa", "2025-02-03T08:00:00+0700", taxi);
    c_ = add("Team lunch", "2025-02-05T12:00:00+0700", meal);
    d_ = add("Taxi and lunch", "2025-02-07T12:00:00+0700",
             R"([{"expenseTypeId":1006,"taxi":80},{"expenseTypeId":1008,"amount":50}])");
    f_ = add("Fuel", "2025-02-09T12:00:00+0700",
             R"([{"expenseTypeId":1003,"amount":500,"milesStart":1,"milesEnd":90}])");
    EXPECT_EQ(admin("/expenses/" + d_ + "/approve").status, 200);
    EXPECT_EQ(admin("/expenses/" + f_ + "/reject", R"({"reason":"r"})").status, 200);
    // a_ and b_ are staff01's.
    server_.exec(
        "UPDATE expenses SET created_by_user_id = '6d473b8f-a6b3-4536-b1e6-f4b7688414e2' WHERE "
        "company_id = ? AND expense_no IN ('EXP250200001', 'EXP250200002')",
        {company_.id});
  }
  std::string a_, b_, c_, d_, f_;
};

TEST_F(ExpenseEnquiry, GroupsByStatusInStatusOrderNewestFirst) {
  using G = std::vector<std::pair<int, std::vector<std::string>>>;
  EXPECT_EQ(groups(R"({"expenseTypeId":0})"),
            (G{{301, {c_, b_, a_}}, {302, {d_, "EXP230100001"}}, {303, {f_}}}));
  auto list = enquiry(R"({"expenseTypeId":0})");
  ASSERT_TRUE(list.IsArray());
  EXPECT_EQ(keys_of(list[0]), (std::vector<std::string>{"statusId", "statusName", "expenses"}));
  EXPECT_STREQ(list[0]["statusName"].GetString(), "Waiting approval");
  EXPECT_STREQ(list[2]["statusName"].GetString(), "Rejected");
  const auto& item = list[0]["expenses"][2];
  EXPECT_EQ(keys_of(item),
            (std::vector<std::string>{"expenseId", "expenseNo", "companyId", "teamId", "subject",
                                      "statusId", "dateTransaction", "totalBaht", "createdByUserId",
                                      "staffCode", "dateCreated"}));
  EXPECT_EQ(item["companyId"].GetInt64(), company_.id);
  EXPECT_STREQ(item["staffCode"].GetString(), "staff01");
  EXPECT_EQ(to_json(item["totalBaht"]), "1200");
  EXPECT_STREQ(item["dateTransaction"].GetString(), "2025-02-01T08:00:00+0700");
  EXPECT_STREQ(item["dateCreated"].GetString(), kNowText);
  // The legacy path casing reaches the same route.
  EXPECT_EQ(call("POST", "/v1/Expenses/Enquiry", R"({"expenseTypeId":0})").body,
            call("POST", "/v1/expenses/enquiry", R"({"expenseTypeId":0})").body);
}

TEST_F(ExpenseEnquiry, TakeAndSkipApplyPerGroupAndEmptyGroupsAreLeftOut) {
  using G = std::vector<std::pair<int, std::vector<std::string>>>;
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"take":1})"), (G{{301, {c_}}, {302, {d_}}, {303, {f_}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"take":1,"skip":1})"),
            (G{{301, {b_}}, {302, {"EXP230100001"}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"skip":3})"), G{});
  // take beyond the cap is the cap, not an error; take 0 and a negative skip are refused.
  EXPECT_EQ(call("POST", "/v1/expenses/enquiry", R"({"expenseTypeId":0,"take":100000})").status,
            200);
  EXPECT_EQ(call("POST", "/v1/expenses/enquiry", R"({"expenseTypeId":0,"take":0})").status, 400);
  EXPECT_EQ(call("POST", "/v1/expenses/enquiry", R"({"expenseTypeId":0,"skip":-1})").status, 400);
}

TEST_F(ExpenseEnquiry, EveryFilter) {
  using G = std::vector<std::pair<int, std::vector<std::string>>>;
  // A type: expenses with at least one line of it.
  EXPECT_EQ(groups(R"({"expenseTypeId":1006})"), (G{{301, {b_}}, {302, {d_, "EXP230100001"}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":1001})"), (G{{301, {a_}}, {302, {"EXP230100001"}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":1007})"), G{});
  // Statuses as strings or numbers; entries naming no status match nothing.
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"statusIds":["303",302]})"),
            (G{{302, {d_, "EXP230100001"}}, {303, {f_}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"statusIds":["string"]})"), G{});
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"statusIds":["string","301"]})"),
            (G{{301, {c_, b_, a_}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"statusIds":[]})").size(), 3u);
  // Creators by staff code, any case; an unknown code matches nothing.
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"staffCodes":["STAFF01"]})"), (G{{301, {b_, a_}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"staffCodes":["nobody"]})"), G{});
  // searchText: a contains-match on number, subject and remark, Thai included.
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"searchText":"ที่พัก"})"), (G{{301, {a_}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"searchText":"TAXI"})"), (G{{301, {b_}}, {302, {d_}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"searchText":"250200003"})"), (G{{301, {c_}}}));
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"searchText":"  "})").size(), 3u);
  // The date range on dateTransaction, inclusive; a date-only end is its whole day.
  EXPECT_EQ(groups(R"({"expenseTypeId":0,"dateStart":"2025-02-03T08:00:00+0700",)"
                   R"("dateEnd":"2025-02-05"})"),
            (G{{301, {c_, b_}}}));
  // Everything together.
  EXPECT_EQ(groups(R"({"expenseTypeId":1006,"statusIds":["301"],"staffCodes":["staff01"],)"
                   R"("searchText":"oasis","dateStart":"2025-02-01","dateEnd":"2025-02-28"})"),
            (G{{301, {b_}}}));
}

TEST_F(ExpenseEnquiry, RefusesWhatItCannotRead) {
  expect_error(call("POST", "/v1/expenses/enquiry", "{}"), 400, "expenseTypeId is required");
  for (const char* type : {"5", "1009", "-1"}) {
    expect_error(
        call("POST", "/v1/expenses/enquiry", std::string(R"({"expenseTypeId":)") + type + "}"), 400,
        "expenseTypeId must be 0 (every type) or 1001 to 1008");
  }
  expect_error(call("POST", "/v1/expenses/enquiry", R"({"expenseTypeId":0,"statusIds":[[301]]})"),
               400, "statusIds[0] must be a status id (a string or a number)");
  expect_error(call("POST", "/v1/expenses/enquiry",
                    R"({"expenseTypeId":0,"dateStart":"2025-02-10","dateEnd":"2025-02-01"})"),
               400, "dateEnd must not be earlier than dateStart");
  EXPECT_EQ(
      call("POST", "/v1/expenses/enquiry", R"({"expenseTypeId":0,"dateStart":"yesterday"})").status,
      400);
}

// ---------------------------------------------------------------------------------------------
// Numbers

TEST_F(ExpenseApi, NumbersStayConsecutiveUnderConcurrentCreates) {
  const auto numbers = concurrent_numbers(server_, company_, "/v1/expenses", create_body().json(),
                                          "/data/value/expenseNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  EXPECT_EQ(numbers.front(), "EXP250200001");
  expect_consecutive(numbers, 7);
  EXPECT_EQ(count("expense_details"), 2 + 300);
}

TEST(ExpenseServers, NumbersStayConsecutiveAcrossTwoServers) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  const auto numbers = numbers_from_two_servers("/v1/expenses", small_body().json(),
                                                "/data/value/expenseNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  expect_consecutive(numbers, 7);
}

// ---------------------------------------------------------------------------------------------
// The Venio docs' examples

TEST_F(ExpenseApi, TheDocsEnquiryExampleSucceedsVerbatim) {
  auto res = call("POST", "/v1/expenses/enquiry", kDocEnquiryExample);
  ASSERT_EQ(res.status, 200) << res.body;
  // Its placeholders name no status and no staff: nothing matches.
  EXPECT_EQ(res.body, R"({"data":{"value":[]}})");
}

TEST_F(ExpenseApi, TheDemoExpenseHasTheDocumentedShape) {
  rapidjson::Document doc;
  doc.Parse(kDocGetExample);
  ASSERT_FALSE(doc.HasParseError());
  auto e = get("1");
  ASSERT_TRUE(e.IsObject());
  // The documented keys, in their order, lead ours.
  const auto documented = keys_of(doc);
  const auto ours = keys_of(e);
  ASSERT_GE(ours.size(), documented.size());
  EXPECT_EQ(std::vector<std::string>(ours.begin(), ours.begin() + documented.size()), documented);
  for (const char* list : {"expenseDetails", "expenseStates", "activityLogs"}) {
    SCOPED_TRACE(list);
    const auto doc_keys = keys_of(doc[list][0]);
    const auto our_keys = keys_of(e[list][0]);
    ASSERT_GE(our_keys.size(), doc_keys.size());
    EXPECT_EQ(std::vector<std::string>(our_keys.begin(), our_keys.begin() + doc_keys.size()),
              doc_keys);
  }
  EXPECT_EQ(keys_of(e["activityLogs"][0]["userInfo"]), keys_of(doc["activityLogs"][0]["userInfo"]));
  // The example's attachment shows 7 of the 15 fields, in our order.
  std::vector<std::string> attachment = {"attachmentId", "refId",
                                         "type",         "filename",
                                         "extension",    "fileSize",
                                         "isActive",     "createdByUserId",
                                         "dateCreated",  "resourceUrl",
                                         "companyId",    "isProcessed",
                                         "url",          "urlResponseUpload",
                                         "thumbnail"};
  std::size_t at = 0;
  for (const auto& k : keys_of(doc["attachments"][0])) {
    while (at < attachment.size() && attachment[at] != k) ++at;
    EXPECT_LT(at, attachment.size()) << k;
  }
  // The values the example shows for its approved expense.
  EXPECT_EQ(e["expenseId"].GetInt64(), 1);
  EXPECT_STREQ(e["expenseNo"].GetString(), "EXP230100001");
  EXPECT_EQ(e["statusId"].GetInt(), 302);
  EXPECT_STREQ(e["dateTransaction"].GetString(), "2023-01-06T12:04:16+0700");
  EXPECT_STREQ(e["dateCreated"].GetString(), "2023-01-06T12:04:36+0700");
  EXPECT_STREQ(e["dateUpdated"].GetString(), "2023-01-06T12:05:20+0700");
  EXPECT_STREQ(e["remark"].GetString(), "");
  EXPECT_FALSE(e["canApprove"].GetBool());
  EXPECT_FALSE(e["isEdit"].GetBool());
  EXPECT_EQ(e["expenseStates"][0]["statusId"].GetInt(), 1);
  EXPECT_EQ(e["expenseStates"][0]["approveLevel"].GetInt(), 1);
  EXPECT_EQ(e["expenseStates"][0]["seq"].GetInt(), 1);
  EXPECT_EQ(e["activityLogs"][0]["logType"].GetInt(), 1);
  EXPECT_EQ(e["activityLogs"][0]["status"].GetInt(), 1);
  // By number too, any case.
  EXPECT_EQ(call("GET", "/v1/expenses/exp230100001").body, call("GET", "/v1/expenses/1").body);
}

}  // namespace
}  // namespace ov::test
