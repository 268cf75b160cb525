// The Deal section over HTTP (ENDPOINTS.md §4.5) in envelope family V: Create, Update and Get
// Deal with their success and error paths, the stage/status rules as a table, the cards'
// places in their stage columns under concurrent moves, numbering under concurrent creates,
// markAllTaskAsDone, and the Venio docs' request examples replayed verbatim on a demo company.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "modules/customers/customer_service.hpp"
#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-02-14T12:00:00+0700: new deals are numbered in February 2025.
constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";
// The demo board and its stages (src/modules/demo/demo_data.cpp).
constexpr std::int64_t kBoard = 34628319;
constexpr std::int64_t kPresentation = 5507;  // normal
constexpr std::int64_t kSigned = 5508;        // won
constexpr std::int64_t kLost = 5509;          // lost
constexpr std::int64_t kReason = 39733557;

const std::vector<std::string> kDealKeys = {
    "dealsId",        "customerId",     "dealNo",           "dealsName",       "dealsValue",
    "statusId",       "dealStageId",    "dealsIndex",       "dealsDate",       "expectedCloseDate",
    "probability",    "notes",          "isActive",         "boardId",         "dateCreated",
    "createByUserId", "dateModified",   "modifiedByUserId", "measure",         "customer",
    "dealStage",      "dealsInterests", "dealsLabels",      "isAction",        "isEdit",
    "customerCodes",  "assignTo",       "participantCodes", "dealQuantity",    "dealQuantityUnit",
    "dateFollowUp",   "followUpNotes",  "remark",           "reasonCategoryId"};

// The Venio docs' Update Deal request sample, complete (ENDPOINTS.md §4.5.2), verbatim.
constexpr const char* kDocUpdateSample = R"({
"dealName": "string",
"dealQuantityUnit": "unit",
"dealQuantity": 90,
"dealValue": 10000,
"dealInterests": [],
"dealLabels": [
98199047,
34064271
],
"dealDate": "2023-02-08T16:51:40+0700",
"expectedCloseDate": "2023-02-08T16:51:40+0700",
"note": "string",
"assignTo": "staff01",
"participantCodes": [
"staff02"
],
"dateFollowUp": "2023-02-08T16:51:40+0700",
"followUpNotes": "incididunt",
"dealStageId": 5509,
"remark": "Excepteur Lorem non cupidatat nostrud",
"reasonCategoryId": 39733557,
"markAllTaskAsDone": false,
"cancleAllOrder": true
})";

// The schema panel's Update Deal example (§4.5.2), cut off in the remark there: its lines
// verbatim, the remark completed as the complete sample has it, then closed.
constexpr const char* kDocUpdateSchemaExample = R"({
"dealName": "string",
"probability": 100,
"dealQuantityUnit": "unit",
"dealQuantity": 90,
"dealValue": 10000,
"dealInterests": [],
"dealLabels": [
98199047,
34064271
],
"dealDate": "2023-02-08T16:51:40+0700",
"expectedCloseDate": "2023-02-08T16:51:40+0700",
"note": "string",
"assignTo": "staff01",
"participantCodes": [
"staff02"
],
"dateFollowUp": "2023-02-08T16:51:40+0700",
"followUpNotes": "incididunt",
"dealStageId": 5509,
"remark": "Excepteur Lorem non cupidatat nostrud"
, "reasonCategoryId": 39733557
})";

// The Create Deal example (§4.5.1), cut off after dateFollowUp: its lines verbatim, closed
// with the remaining text fields. Its customer "string" is the docs' placeholder, not a demo
// customer: the test creates one under that code first.
constexpr const char* kDocCreateExample = R"({
"customerCodes": [
"string"
],
"boardId": 34628319,
"dealName": "dealName",
"probability": 20,
"dealQuantity": 91493369,
"dealQuantityUnit": "unit",
"dealValue": 10,
"dealInterests": [
1001
],
"dealLabels": [
1002
],
"dealDate": "2023-02-07T16:51:40+0700",
"expectedCloseDate": "2023-02-08T16:51:40+0700",
"note": "string",
"assignTo": "staff01",
"participantCodes": [
"staff02"
],
"dateFollowUp": "2023-02-08T16:51:40+0700",
"followUpNotes": "string", "remark": "string"
})";

Body create_body() {
  Body b;
  b.set("customerCodes", R"(["C000154","C000349"])")
      .set("boardId", std::to_string(kBoard))
      .str("dealName", "ระบบจองคิว Oasis Spa สาขาใหม่")
      .set("probability", "40")
      .set("dealValue", "125000.50")
      .set("dealQuantity", "2.5")
      .str("dealQuantityUnit", "branch")
      .set("dealInterests", "[1001]")
      .set("dealLabels", "[1002,98199047]")
      .str("dealDate", "2025-02-10T09:00:00+0700")
      .str("expectedCloseDate", "2025-03-31T00:00:00+0700")
      .str("note", "Second phase")
      .str("assignTo", "staff01")
      .set("participantCodes", R"(["staff02"])")
      .str("dateFollowUp", "2025-02-20T10:00:00+0700")
      .str("followUpNotes", "Call the owner")
      .str("remark", "Priority account");
  return b;
}

// The fields Update Deal requires, on their own.
Body update_body(std::int64_t stage = 0) {
  Body b;
  b.str("dealName", "Moved").set("dealValue", "1000").str("expectedCloseDate", "2025-06-30");
  b.str("assignTo", "staff01");
  if (stage != 0) b.set("dealStageId", std::to_string(stage));
  return b;
}

class DealApi : public ::testing::Test {
 protected:
  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "") {
    return client_.request(method, path, company_.auth_json(), body);
  }
  // The payload of a successful family-V reply; fails the test on anything else.
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
    return value_of(call("POST", "/v1/deals", b.json()));
  }
  std::string create_no(const Body& b) {
    auto d = create(b);
    return d.IsObject() ? d["dealNo"].GetString() : "";
  }
  rapidjson::Document update(const std::string& key, const Body& b) {
    return value_of(call("PUT", "/v1/deals/" + key, b.json()));
  }
  rapidjson::Document get(const std::string& key) {
    return value_of(call("GET", "/v1/deals/" + key));
  }
  void expect_error(const HttpResponse& res, int status, const std::string& message) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.body, one_problem_body(api::Family::kV, message, status));
  }
  // The dealNo → dealsIndex of every deal in `stage`.
  std::map<std::string, std::int64_t> column(std::int64_t stage) {
    std::map<std::string, std::int64_t> out;
    auto res = call("POST", "/v1/deals/enquiry",
                    R"({"take":1000,"dealStageIds":[)" + std::to_string(stage) + "]}");
    auto list = value_of(res);
    for (const auto& d : list.GetArray())
      out[d["dealNo"].GetString()] = get(d["dealNo"].GetString())["dealsIndex"].GetInt64();
    return out;
  }
  // The indexes of a column, sorted: 1..n when the column has no gap and no duplicate.
  std::vector<std::int64_t> indexes(std::int64_t stage) {
    std::vector<std::int64_t> out;
    for (const auto& [no, index] : column(stage)) out.push_back(index);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::int64_t card_count(std::int64_t stage) {
    return server_.scalar(
        "SELECT COALESCE(SUM(cards), 0) FROM deal_card_blocks WHERE company_id = ? AND "
        "deal_stage_id = ?",
        {company_.id, stage});
  }
  std::int64_t deals_id(const std::string& no) {
    return server_.scalar("SELECT deals_id FROM deals WHERE company_id = ? AND deal_no = ?",
                          {company_.id, std::string_view(no)});
  }

  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Create Deal

TEST_F(DealApi, CreateReturnsTheFullDealObject) {
  auto res = call("POST", "/v1/deals", create_body().json());
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), std::vector<std::string>{"data"});
  const auto& d = doc["data"]["value"];
  EXPECT_EQ(keys_of(d), kDealKeys);
  EXPECT_EQ(d["dealsId"].GetInt64(), deals_id("D250200001"));
  EXPECT_EQ(d["customerId"].GetInt64(), server_.customer_id("C000154", company_));
  EXPECT_STREQ(d["dealNo"].GetString(), "D250200001");
  EXPECT_STREQ(d["dealsName"].GetString(), "ระบบจองคิว Oasis Spa สาขาใหม่");
  EXPECT_EQ(to_json(d["dealsValue"]), "125000.5");
  EXPECT_EQ(d["statusId"].GetInt(), 1);
  // No stage named: the board's first (lowest seq), at the end of its column.
  EXPECT_EQ(d["dealStageId"].GetInt64(), kPresentation);
  EXPECT_EQ(d["dealsIndex"].GetInt64(), 3);  // after the demo's two deals
  EXPECT_STREQ(d["dealsDate"].GetString(), "2025-02-10T09:00:00+0700");
  EXPECT_STREQ(d["expectedCloseDate"].GetString(), "2025-03-31T00:00:00+0700");
  EXPECT_EQ(d["probability"].GetInt(), 40);
  EXPECT_STREQ(d["notes"].GetString(), "Second phase");
  EXPECT_TRUE(d["isActive"].GetBool());
  EXPECT_EQ(d["boardId"].GetInt64(), kBoard);
  EXPECT_STREQ(d["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(d["createByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(d["dateModified"].GetString(), kNowText);
  EXPECT_STREQ(d["modifiedByUserId"].GetString(), kApiUser);
  EXPECT_EQ(to_json(d["measure"]), "2.5");
  // The legacy customer object (§4.0) of the first customer.
  EXPECT_STREQ(d["customer"]["customerCode"].GetString(), "C000154");
  EXPECT_EQ(d["customer"]["customerType"].GetInt(), 11300);
  EXPECT_EQ(to_json(d["dealStage"]),
            R"({"dealStageId":5507,"dealStageName":"Presentation","boardId":34628319,"seq":1,)"
            R"("probability":30,"stageType":1,"isActive":true})");
  EXPECT_EQ(to_json(d["dealsInterests"]),
            R"([{"interestId":1001,"interestName":"Booking system"}])");
  EXPECT_EQ(to_json(d["dealsLabels"]),
            R"([{"labelId":1002,"labelName":"Priority","color":"#F4511E"},)"
            R"({"labelId":98199047,"labelName":"Key account","color":"#8E24AA"}])");
  EXPECT_TRUE(d["isAction"].GetBool());
  EXPECT_TRUE(d["isEdit"].GetBool());
  EXPECT_EQ(to_json(d["customerCodes"]), R"(["C000154","C000349"])");
  EXPECT_STREQ(d["assignTo"].GetString(), "staff01");
  EXPECT_EQ(to_json(d["participantCodes"]), R"(["staff02"])");
  EXPECT_EQ(to_json(d["dealQuantity"]), "2.5");
  EXPECT_STREQ(d["dealQuantityUnit"].GetString(), "branch");
  EXPECT_STREQ(d["dateFollowUp"].GetString(), "2025-02-20T10:00:00+0700");
  EXPECT_STREQ(d["followUpNotes"].GetString(), "Call the owner");
  EXPECT_STREQ(d["remark"].GetString(), "Priority account");
  EXPECT_TRUE(d["reasonCategoryId"].IsNull());
  // Money is stored as exact text, never through a binary float.
  EXPECT_EQ(server_.scalar("SELECT count(*) FROM deals WHERE deal_no = 'D250200001' AND "
                           "deals_value = '125000.5'"),
            1);
  EXPECT_EQ(create_no(create_body()), "D250200002");
}

TEST_F(DealApi, CreateDefaultsTheDealDateAndKeepsExactDecimals) {
  auto res = call("POST", "/v1/deals",
                  create_body()
                      .erase("dealDate")
                      .set("dealValue", R"("0.10")")
                      .set("dealQuantity", R"("123456789012345.1234")")
                      .json());
  auto d = value_of(res);
  ASSERT_TRUE(d.IsObject());
  EXPECT_STREQ(d["dealsDate"].GetString(), kNowText);
  EXPECT_EQ(to_json(d["dealsValue"]), "0.1");
  // Every digit reaches the client (a double would round it; the raw text shows them).
  EXPECT_NE(res.body.find(R"("dealQuantity":123456789012345.1234,)"), std::string::npos)
      << res.body;
  // Codes compare case-insensitively and are shown as stored; a repeated one counts once.
  auto again = create(create_body().set("customerCodes", R"(["c000349","C000349","c000154"])"));
  EXPECT_EQ(to_json(again["customerCodes"]), R"(["C000349","C000154"])");
  EXPECT_EQ(again["customer"]["customerCode"], "C000349");
}

TEST_F(DealApi, CreateRefusesWhatItCannotStore) {
  auto res = call("POST", "/v1/deals", "{}");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body,
            problems_body(api::Family::kV, {{"customerCodes", "customerCodes is required"},
                                            {"boardId", "boardId is required"},
                                            {"dealName", "dealName is required"},
                                            {"probability", "probability is required"},
                                            {"dealValue", "dealValue is required"},
                                            {"expectedCloseDate", "expectedCloseDate is required"},
                                            {"assignTo", "assignTo is required"}}));
  auto bad = call("POST", "/v1/deals",
                  create_body()
                      .set("customerCodes", "[]")
                      .set("probability", "101")
                      .set("dealValue", "-1")
                      .set("dealQuantity", "1.23456")
                      .json());
  EXPECT_EQ(bad.status, 400);
  auto doc = bad.json();
  EXPECT_STREQ(doc["status"]["code"].GetString(), "4002");
  std::vector<std::string> fields;
  for (const auto& e : doc["data"]["value"]["errors"].GetArray())
    fields.emplace_back(e["field"].GetString());
  EXPECT_EQ(fields, (std::vector<std::string>{"customerCodes", "probability", "dealValue",
                                              "dealQuantity"}));
  auto scale = call("POST", "/v1/deals", create_body().set("dealValue", "1.234").json());
  EXPECT_EQ(scale.status, 400) << scale.body;
  EXPECT_EQ(server_.scalar("SELECT count(*) FROM deals WHERE company_id = ?", {company_.id}), 2);
}

TEST_F(DealApi, UnknownReferencesAreNotFoundAndWriteNothing) {
  struct Case {
    std::string key, value, message;
  };
  const std::vector<Case> cases = {
      {"customerCodes", R"(["C000154","C999999"])", "customerCodes C999999 was not found"},
      {"boardId", "99", "boardId 99 was not found"},
      {"dealStageId", "999", "dealStageId 999 was not found"},
      {"dealInterests", "[1001,77]", "dealInterests 77 was not found"},
      {"dealLabels", "[77]", "dealLabels 77 was not found"},
      {"assignTo", R"("staff99")", "assignTo staff99 was not found"},
      {"participantCodes", R"(["staff02","nobody"])", "participantCodes nobody was not found"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.key);
    expect_error(call("POST", "/v1/deals", create_body().set(c.key, c.value).json()), 404,
                 c.message);
  }
  // A lost deal names an existing reason.
  expect_error(call("POST", "/v1/deals",
                    create_body()
                        .set("dealStageId", std::to_string(kLost))
                        .set("reasonCategoryId", "12345")
                        .json()),
               404, "reasonCategoryId 12345 was not found");
  // A stage of another board.
  expect_error(call("POST", "/v1/deals", create_body().set("dealStageId", "1").json()), 400,
               "dealStageId 1 is not a stage of board 34628319");
  // Nothing was written: no deal, no card, no number taken.
  EXPECT_EQ(server_.scalar("SELECT count(*) FROM deals WHERE company_id = ?", {company_.id}), 2);
  EXPECT_EQ(card_count(kPresentation), 2);
  EXPECT_EQ(create_no(create_body()), "D250200001");
}

// ---------------------------------------------------------------------------------------------
// Get and Update Deal: the path names a dealsId or a dealNo

TEST_F(DealApi, EveryPathAnswersTheSameDeal) {
  const auto created = call("POST", "/v1/deals", create_body().json());
  ASSERT_EQ(created.status, 200);
  const auto id = std::to_string(created.json()["data"]["value"]["dealsId"].GetInt64());
  EXPECT_EQ(call("GET", "/v1/deals/" + id).body, created.body);
  EXPECT_EQ(call("GET", "/v1/deals/D250200001").body, created.body);
  EXPECT_EQ(call("GET", "/v1/deals/d250200001").body, created.body);
  EXPECT_EQ(call("GET", "/dev/v1/Deals/D250200001").body, created.body);
  // Update by either key reaches the same deal.
  EXPECT_STREQ(update(id, update_body())["dealNo"].GetString(), "D250200001");
  EXPECT_STREQ(update("d250200001", update_body())["dealNo"].GetString(), "D250200001");
}

TEST_F(DealApi, UnknownDealsAreNotFound) {
  expect_error(call("GET", "/v1/deals/D209901000001"), 404, "dealNo D209901000001 was not found");
  expect_error(call("GET", "/v1/deals/999999999"), 404, "dealsId 999999999 was not found");
  expect_error(call("PUT", "/v1/deals/999999999", update_body().json()), 404,
               "dealsId 999999999 was not found");
  expect_error(call("PUT", "/v1/deals/D209901000001", update_body().json()), 404,
               "dealNo D209901000001 was not found");
  expect_error(call("GET", "/v1/deals/" + std::string(51, 'D')), 404,
               "Deal numbers are at most 50 characters; no such deal exists");
}

TEST_F(DealApi, UpdateKeepsWhatItIsNotSentAndRefusesTheCustomersAndTheBoard) {
  ASSERT_EQ(create_no(create_body()), "D250200001");
  auto d = update("D250200001", update_body());
  ASSERT_TRUE(d.IsObject());
  EXPECT_STREQ(d["dealsName"].GetString(), "Moved");
  EXPECT_EQ(to_json(d["dealsValue"]), "1000");
  EXPECT_STREQ(d["expectedCloseDate"].GetString(), "2025-06-30T00:00:00+0700");
  // Absent: kept (probability too, which the docs' own sample leaves out, §6 point 4).
  EXPECT_EQ(d["probability"].GetInt(), 40);
  EXPECT_EQ(to_json(d["dealQuantity"]), "2.5");
  EXPECT_EQ(to_json(d["dealsLabels"]).find("Priority") != std::string::npos, true);
  EXPECT_EQ(to_json(d["participantCodes"]), R"(["staff02"])");
  EXPECT_STREQ(d["dateCreated"].GetString(), kNowText);
  EXPECT_EQ(to_json(d["customerCodes"]), R"(["C000154","C000349"])");
  // Null clears an optional field; an empty list empties one.
  d = update("D250200001",
             update_body().set("note", "null").set("dealLabels", "[]").set("dealQuantity", "null"));
  EXPECT_TRUE(d["notes"].IsNull());
  EXPECT_EQ(to_json(d["dealsLabels"]), "[]");
  EXPECT_TRUE(d["measure"].IsNull());
  auto res = call("PUT", "/v1/deals/D250200001",
                  update_body().set("customerCodes", R"(["C000055"])").set("boardId", "1").json());
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body,
            problems_body(api::Family::kV, {{"customerCodes", "customerCodes cannot be changed"},
                                            {"boardId", "boardId cannot be changed"}}));
  // The required fields of an update.
  res = call("PUT", "/v1/deals/D250200001", R"({"note":"x"})");
  EXPECT_EQ(res.body,
            problems_body(api::Family::kV, {{"dealName", "dealName is required"},
                                            {"dealValue", "dealValue is required"},
                                            {"expectedCloseDate", "expectedCloseDate is required"},
                                            {"assignTo", "assignTo is required"}}));
  expect_error(call("PUT", "/v1/deals/D250200001", update_body(1).json()), 400,
               "dealStageId 1 is not a stage of board 34628319");
}

// ---------------------------------------------------------------------------------------------
// Status follows the stage (§4.5): the table of every move

TEST_F(DealApi, StatusFollowsTheStageForEveryMove) {
  struct Stage {
    std::int64_t id;
    int status;
  };
  const Stage stages[] = {{kPresentation, 1}, {kSigned, 2}, {kLost, 3}};
  for (const auto& from : stages) {
    for (const auto& to : stages) {
      SCOPED_TRACE(std::to_string(from.id) + " -> " + std::to_string(to.id));
      auto start = create_body().set("dealStageId", std::to_string(from.id));
      if (from.status == 3) start.set("reasonCategoryId", std::to_string(kReason));
      const auto created = create(start);
      ASSERT_TRUE(created.IsObject());
      EXPECT_EQ(created["statusId"].GetInt(), from.status);
      EXPECT_EQ(created["isAction"].GetBool(), from.status == 1);
      const std::string no = created["dealNo"].GetString();
      if (to.status == 3 && from.status != 3) {
        // Moving into a lost stage needs a reason.
        expect_error(call("PUT", "/v1/deals/" + no, update_body(to.id).json()), 400,
                     "reasonCategoryId is required when the deal's stage is a lost stage");
        EXPECT_EQ(get(no)["statusId"].GetInt(), from.status);
      }
      auto body = update_body(to.id);
      if (to.status == 3) body.set("reasonCategoryId", "2");
      auto moved = update(no, body);
      ASSERT_TRUE(moved.IsObject());
      EXPECT_EQ(moved["statusId"].GetInt(), to.status);
      EXPECT_EQ(moved["dealStageId"].GetInt64(), to.id);
      EXPECT_EQ(moved["dealStage"]["dealStageId"].GetInt64(), to.id);
      // A won or reopened deal has no missed reason; a lost one keeps the one given.
      if (to.status == 3) {
        EXPECT_EQ(moved["reasonCategoryId"].GetInt64(), 2);
      } else {
        EXPECT_TRUE(moved["reasonCategoryId"].IsNull());
      }
    }
  }
  // A lost deal keeps its reason when an update leaves it out, and cannot lose it.
  auto lost = create(create_body()
                         .set("dealStageId", std::to_string(kLost))
                         .set("reasonCategoryId", std::to_string(kReason)));
  const std::string no = lost["dealNo"].GetString();
  EXPECT_EQ(update(no, update_body())["reasonCategoryId"].GetInt64(), kReason);
  expect_error(call("PUT", "/v1/deals/" + no, update_body().set("reasonCategoryId", "null").json()),
               400, "reasonCategoryId is required when the deal's stage is a lost stage");
}

// ---------------------------------------------------------------------------------------------
// dealsIndex: a card's place in its stage's column

TEST_F(DealApi, NewAndMovedDealsGoLastAndColumnsCloseUp) {
  // The demo's two deals are cards 1 and 2 of Presentation.
  EXPECT_EQ(column(kPresentation),
            (std::map<std::string, std::int64_t>{{"D241200044", 1}, {"D241200047", 2}}));
  const auto a = create_no(create_body());  // 3
  const auto b = create_no(create_body());  // 4
  // Moving the first card out closes the gap behind it; it goes last in its new column.
  EXPECT_EQ(update("D241200044", update_body(kSigned))["dealsIndex"].GetInt64(), 1);
  EXPECT_EQ(column(kPresentation),
            (std::map<std::string, std::int64_t>{{"D241200047", 1}, {a, 2}, {b, 3}}));
  EXPECT_EQ(update(a, update_body(kSigned))["dealsIndex"].GetInt64(), 2);
  // Moving back goes last again; staying in the stage keeps the place.
  EXPECT_EQ(update("D241200044", update_body(kPresentation))["dealsIndex"].GetInt64(), 3);
  EXPECT_EQ(update("D241200047", update_body(kPresentation))["dealsIndex"].GetInt64(), 1);
  EXPECT_EQ(column(kPresentation),
            (std::map<std::string, std::int64_t>{{"D241200047", 1}, {b, 2}, {"D241200044", 3}}));
  EXPECT_EQ(column(kSigned), (std::map<std::string, std::int64_t>{{a, 1}}));
  EXPECT_EQ(card_count(kPresentation), 3);
  EXPECT_EQ(card_count(kSigned), 1);
}

TEST_F(DealApi, ConcurrentMovesKeepEveryColumnWithoutGapsOrDuplicates) {
  std::vector<std::string> deals;
  for (int i = 0; i < 12; ++i) deals.push_back(create_no(create_body()));
  const std::int64_t columns[] = {kPresentation, kSigned};
  std::mutex mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      auto client = server_.client();
      for (int i = 0; i < 12; ++i) {
        const auto& no = deals[(t * 5 + i) % deals.size()];
        auto res = client.request("PUT", "/v1/deals/" + no, company_.auth_json(),
                                  update_body(columns[(t + i) % 2]).json());
        if (res.status != 200) {
          std::lock_guard lock(mutex);
          failures.push_back(res.body);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(failures.empty()) << failures.front();
  std::int64_t cards = 0;
  for (auto stage : columns) {
    const auto got = indexes(stage);
    std::vector<std::int64_t> expected(got.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
      expected[i] = static_cast<std::int64_t>(i) + 1;
    EXPECT_EQ(got, expected) << stage;
    EXPECT_EQ(card_count(stage), static_cast<std::int64_t>(got.size()));
    cards += static_cast<std::int64_t>(got.size());
  }
  EXPECT_EQ(cards, 14);  // the demo's two and the twelve
}

// ---------------------------------------------------------------------------------------------
// Numbering under concurrency

TEST_F(DealApi, OneHundredConcurrentCreatesGetConsecutiveNumbers) {
  const auto numbers = concurrent_numbers(server_, company_, "/v1/deals", create_body().json(),
                                          "/data/value/dealNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  EXPECT_EQ(numbers.front(), "D250200001");
  expect_consecutive(numbers, 5);
  // Every card has its own place.
  EXPECT_EQ(indexes(kPresentation).back(), 102);
  EXPECT_EQ(card_count(kPresentation), 102);
}

TEST(DealServers, NumbersStayConsecutiveAcrossTwoServers) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  const auto numbers =
      numbers_from_two_servers("/v1/deals", create_body().json(), "/data/value/dealNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  expect_consecutive(numbers, 5);
}

// ---------------------------------------------------------------------------------------------
// Closing a deal: its tasks, and the orders flag

TEST_F(DealApi, MarkAllTaskAsDoneClosesTheDealsOpenTasks) {
  ASSERT_EQ(create_no(create_body()), "D250200001");
  auto task = [&](const std::string& deal) {
    auto res = call("POST", "/v1/task",
                    R"({"subject":"Send the contract","dateDue":"2025-02-20T10:00:00+0700",)"
                    R"("assignedToUserId":"6d473b8f-a6b3-4536-b1e6-f4b7688414e2","dealNo":")" +
                        deal + R"("})");
    EXPECT_EQ(res.status, 200) << res.body;
  };
  task("D250200001");
  task("D250200001");
  task("D241200044");
  auto open_tasks = [&](const std::string& deal) {
    return server_.scalar(
        "SELECT count(*) FROM tasks WHERE company_id = ? AND status_id = 1 AND "
        "deals_id = ?",
        {company_.id, deals_id(deal)});
  };
  EXPECT_EQ(open_tasks("D250200001"), 2);
  update("D250200001", update_body().set("markAllTaskAsDone", "false"));
  EXPECT_EQ(open_tasks("D250200001"), 2);
  update("D250200001", update_body().set("markAllTaskAsDone", "true"));
  EXPECT_EQ(open_tasks("D250200001"), 0);
  // Another deal's tasks stay open.
  EXPECT_EQ(open_tasks("D241200044"), 1);
  // cancleAllOrder (the documented spelling) is stored with the deal.
  update("D250200001", update_body().set("cancleAllOrder", "true"));
  EXPECT_EQ(server_.scalar("SELECT cancel_all_order FROM deals WHERE deal_no = 'D250200001'"), 1);
}

// ---------------------------------------------------------------------------------------------
// The Venio docs' request examples, verbatim on a demo company

TEST_F(DealApi, TheDocsUpdateSampleClosesTheDemoDealAsLost) {
  auto res = call("PUT", "/v1/deals/D241200044", kDocUpdateSample);
  ASSERT_EQ(res.status, 200) << res.body;
  const auto d = value_of(res);
  EXPECT_EQ(keys_of(d), kDealKeys);
  EXPECT_STREQ(d["dealNo"].GetString(), "D241200044");
  EXPECT_EQ(d["dealStageId"].GetInt64(), kLost);
  EXPECT_EQ(d["statusId"].GetInt(), 3);
  EXPECT_EQ(d["reasonCategoryId"].GetInt64(), kReason);
  EXPECT_EQ(d["probability"].GetInt(), 30);  // absent from the sample: kept
  EXPECT_EQ(to_json(d["dealsValue"]), "10000");
  EXPECT_EQ(to_json(d["measure"]), "90");
  EXPECT_EQ(to_json(d["dealsInterests"]), "[]");
  EXPECT_EQ(to_json(d["dealsLabels"]),
            R"([{"labelId":98199047,"labelName":"Key account","color":"#8E24AA"},)"
            R"({"labelId":34064271,"labelName":"Referral","color":"#43A047"}])");
  EXPECT_STREQ(d["dealsDate"].GetString(), "2023-02-08T16:51:40+0700");
  EXPECT_STREQ(d["remark"].GetString(), "Excepteur Lorem non cupidatat nostrud");
  EXPECT_EQ(server_.scalar("SELECT cancel_all_order FROM deals WHERE deal_no = 'D241200044'"), 1);
  // The schema panel's example, on the other demo deal, by its id.
  res = call("PUT", "/v1/deals/" + std::to_string(deals_id("D241200047")), kDocUpdateSchemaExample);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(value_of(res)["probability"].GetInt(), 100);
}

TEST_F(DealApi, TheDocsCreateExampleSucceedsOnItsPlaceholderCustomer) {
  // Clients create customers under generated codes: the placeholder is stored directly.
  server_.db().write_now([&](storage::Session& s) {
    customers::CustomerRecord c;
    c.company_id = company_.id;
    c.customer_code = "string";
    c.customer_name = "Placeholder";
    c.date_created = c.date_modified = kNow;
    customers::insert_customer(s, c);
  });
  auto res = call("POST", "/v1/deals", kDocCreateExample);
  ASSERT_EQ(res.status, 200) << res.body;
  const auto d = value_of(res);
  EXPECT_EQ(keys_of(d), kDealKeys);
  EXPECT_EQ(to_json(d["customerCodes"]), R"(["string"])");
  EXPECT_EQ(to_json(d["measure"]), "91493369");
  EXPECT_EQ(to_json(d["dealsInterests"]),
            R"([{"interestId":1001,"interestName":"Booking system"}])");
  EXPECT_EQ(d["dealsLabels"][0]["labelId"].GetInt64(), 1002);
  EXPECT_EQ(d["boardId"].GetInt64(), kBoard);
}

}  // namespace
}  // namespace ov::test
