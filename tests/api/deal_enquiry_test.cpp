// Deal Enquiry over HTTP (ENDPOINTS.md §4.5.3) in envelope family V: every filter, the default
// and requested orders, paging with X-Total-Count, the list item's fields in order, the legacy
// path and request example, bad enquiries; and the Deal section's five lists (§4.5.5–§4.5.9) as
// a fresh demo company has them. On a demo company with a fixed clock.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/caller.hpp"
#include "core/money.hpp"
#include "modules/deals/deal_service.hpp"
#include "modules/demo/demo_data.hpp"
#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-02-14T12:00:00+0700: new deals are numbered D2502….
constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr std::int64_t kProjectBoard = 34628319;

const std::vector<std::string> kListItemKeys = {
    "dealsId",           "dealNo",     "dealsName",    "customerId",  "customerName",
    "customerCode",      "dealsValue", "statusId",     "statusName",  "dealStageId",
    "dealStageName",     "notes",      "dealQuantity", "quantity",    "dealMeasure",
    "dealMeasureUnit",   "measure",    "boardId",      "probability", "dealsDate",
    "expectedCloseDate", "assignTo",   "dateCreated",  "dateModified"};

std::string v_problem(const std::string& message, int status = 400) {
  return one_problem_body(api::Family::kV, message, status);
}

// A Create Deal body with its required fields (and the deal date when given).
Body deal_body(const std::string& name, const std::string& customers, std::int64_t board,
               const std::string& value, const std::string& date, const std::string& owner) {
  Body b;
  b.set("customerCodes", customers)
      .set("boardId", std::to_string(board))
      .str("dealName", name)
      .set("probability", "40")
      .set("dealValue", value)
      .str("expectedCloseDate", "2025-03-31T17:00:00+0700")
      .str("assignTo", owner);
  if (!date.empty()) b.str("dealDate", date);
  return b;
}

class DealEnquiryApi : public ::testing::Test {
 protected:
  HttpResponse post(const std::string& path, const std::string& body) {
    return client_.request("POST", path, company_.auth_json(), body);
  }
  HttpResponse enquiry(const std::string& body, const std::string& path = "/v1/deals/enquiry") {
    return post(path, body);
  }
  HttpResponse get(const std::string& target) {
    return client_.request("GET", target, company_.auth());
  }
  // The deal object of a successful Create Deal; fails the test on anything else.
  rapidjson::Document create(const Body& b) {
    auto res = post("/v1/deals", b.json());
    EXPECT_EQ(res.status, 200) << b.json() << " " << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data") && doc["data"].IsObject() &&
        doc["data"].HasMember("value")) {
      out.CopyFrom(doc["data"]["value"], out.GetAllocator());
    }
    return out;
  }
  std::string create_no(const Body& b) {
    auto d = create(b);
    return d.IsObject() && d.HasMember("dealNo") ? d["dealNo"].GetString() : "";
  }
  // The deal numbers of an enquiry's items, in order.
  std::vector<std::string> numbers(const std::string& body) {
    auto res = enquiry(body);
    EXPECT_EQ(res.status, 200) << body << " " << res.body;
    std::vector<std::string> out;
    auto doc = res.json();
    if (!doc.IsObject() || !doc.HasMember("data")) return out;
    for (const auto& d : doc["data"]["value"].GetArray()) out.emplace_back(d["dealNo"].GetString());
    return out;
  }
  std::vector<std::string> sorted_numbers(const std::string& body) {
    auto n = numbers(body);
    std::sort(n.begin(), n.end());
    return n;
  }
  std::string total(const std::string& body) {
    auto res = enquiry(body);
    EXPECT_EQ(res.status, 200) << body << " " << res.body;
    return res.header("x-total-count");
  }

  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Deal Enquiry

// Six deals beside the demo's two (D241200044 and D241200047: board 34628319, stage 5507,
// C000154, staff01, 2024-12-09 16:00 and 17:00, 250000.00 and 48500.50):
//
//   D250200001 Alpha CRM rollout      C000349          board 1 stage 1 open  9      02-10 09:00
//   staff01 D250200002 Beta support contract  C000055, C000349 board 1 stage 4 won   10     02-11
//   09:00 staff02 D250200003 Gamma upgrade          C000154          board 1 stage 5 lost  100.5
//   02-11 18:30 staff01 D250200004 Delta licences         C000055          34628319 5508 won     2
//   02-12 00:00 staff02 D250200005 Epsilon renewal        C000349          board 1 stage 2 open
//   1000   now (02-14) staff01 D250200006 Zeta pilot             C000154          board 1 stage 1
//   open  9.5    02-10 09:00 staff01
class DealEnquiry : public DealEnquiryApi {
 protected:
  void SetUp() override {
    struct Seed {
      const char* name;
      const char* customers;
      std::int64_t board;
      std::int64_t stage;  // 0: the board's first
      const char* value;
      const char* date;  // "": now
      const char* owner;
    };
    const Seed seeds[] = {
        {"Alpha CRM rollout", R"(["C000349"])", 1, 0, "9", "2025-02-10T09:00:00+0700", "staff01"},
        {"Beta support contract", R"(["C000055","C000349"])", 1, 4, "10",
         "2025-02-11T09:00:00+0700", "staff02"},
        {"Gamma upgrade", R"(["C000154"])", 1, 5, "100.5", "2025-02-11T18:30:00+0700", "STAFF01"},
        {"Delta licences", R"(["C000055"])", kProjectBoard, 5508, "2", "2025-02-12T00:00:00+0700",
         "staff02"},
        {"Epsilon renewal", R"(["C000349"])", 1, 2, "1000", "", "staff01"},
        {"Zeta pilot", R"(["C000154"])", 1, 0, "9.5", "2025-02-10T09:00:00+0700", "staff01"},
    };
    int n = 0;
    for (const auto& s : seeds) {
      auto b = deal_body(s.name, s.customers, s.board, s.value, s.date, s.owner);
      if (s.stage) b.set("dealStageId", std::to_string(s.stage));
      if (s.stage == 5) b.set("reasonCategoryId", "1");
      ASSERT_EQ(create_no(b), "D25020000" + std::to_string(++n));
    }
  }
};

TEST_F(DealEnquiry, DefaultOrderIsNewestDealDateFirstThenNewestDealWithATotal) {
  auto res = enquiry(R"({"take":50})");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "8");
  auto doc = res.json();
  // Family V: the list is the payload's value, no status object.
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"data"}));
  EXPECT_EQ(keys_of(doc["data"]), (std::vector<std::string>{"value"}));
  ASSERT_TRUE(doc["data"]["value"].IsArray());
  EXPECT_EQ(doc["data"]["value"].Size(), 8u);
  // D250200006 and D250200001 share their deal date: the later-created first.
  EXPECT_EQ(numbers(R"({"take":50})"),
            (std::vector<std::string>{"D250200005", "D250200004", "D250200003", "D250200002",
                                      "D250200006", "D250200001", "D241200047", "D241200044"}));
  // null and blank orderBy are the default order.
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":null})"), numbers(R"({"take":50})"));
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":"  "})"), numbers(R"({"take":50})"));
}

TEST_F(DealEnquiry, ListItemsHaveTheDocumentedFieldsInOrder) {
  auto res = enquiry(R"({"take":50,"keyword":"D250200002"})");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  ASSERT_EQ(doc["data"]["value"].Size(), 1u);
  const auto& d = doc["data"]["value"][0];
  EXPECT_EQ(keys_of(d), kListItemKeys);
  EXPECT_EQ(d["dealsId"].GetInt64(),
            server_.scalar("SELECT deals_id FROM deals WHERE company_id = ? AND deal_no = "
                           "'D250200002'",
                           {company_.id}));
  EXPECT_STREQ(d["dealNo"].GetString(), "D250200002");
  EXPECT_STREQ(d["dealsName"].GetString(), "Beta support contract");
  // The first customer's.
  EXPECT_EQ(d["customerId"].GetInt64(), server_.customer_id("C000055", company_));
  EXPECT_STREQ(d["customerName"].GetString(), "Example Trading Co., Ltd.");
  EXPECT_STREQ(d["customerCode"].GetString(), "C000055");
  EXPECT_EQ(to_json(d["dealsValue"]), "10");
  EXPECT_EQ(d["statusId"].GetInt(), 2);
  EXPECT_STREQ(d["statusName"].GetString(), "Won");
  EXPECT_EQ(d["dealStageId"].GetInt64(), 4);
  EXPECT_STREQ(d["dealStageName"].GetString(), "Won");
  for (const char* key :
       {"notes", "dealQuantity", "quantity", "dealMeasure", "dealMeasureUnit", "measure"}) {
    EXPECT_TRUE(d[key].IsNull()) << key;
  }
  EXPECT_EQ(d["boardId"].GetInt64(), 1);
  EXPECT_EQ(d["probability"].GetInt(), 40);
  EXPECT_STREQ(d["dealsDate"].GetString(), "2025-02-11T09:00:00+0700");
  EXPECT_STREQ(d["expectedCloseDate"].GetString(), "2025-03-31T17:00:00+0700");
  EXPECT_STREQ(d["assignTo"].GetString(), "staff02");
  EXPECT_STREQ(d["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(d["dateModified"].GetString(), kNowText);

  // A demo deal: the four quantity fields carry its quantity, dealMeasureUnit its unit.
  auto demo = enquiry(R"({"take":1,"keyword":"d241200044"})").json();
  ASSERT_EQ(demo["data"]["value"].Size(), 1u);
  const auto& e = demo["data"]["value"][0];
  EXPECT_EQ(keys_of(e), kListItemKeys);
  EXPECT_STREQ(e["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(e["customerName"].GetString(), "𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand");
  // Emitted in its shortest form.
  EXPECT_EQ(to_json(e["dealsValue"]), "250000");
  EXPECT_STREQ(e["statusName"].GetString(), "Open");
  EXPECT_EQ(e["dealStageId"].GetInt64(), 5507);
  EXPECT_STREQ(e["dealStageName"].GetString(), "Presentation");
  EXPECT_STREQ(e["notes"].GetString(), "Three branches in Bangkok");
  for (const char* key : {"dealQuantity", "quantity", "dealMeasure", "measure"}) {
    EXPECT_EQ(to_json(e[key]), "3") << key;
  }
  EXPECT_STREQ(e["dealMeasureUnit"].GetString(), "branch");
  EXPECT_EQ(e["boardId"].GetInt64(), kProjectBoard);
  EXPECT_EQ(e["probability"].GetInt(), 30);
  EXPECT_STREQ(e["dealsDate"].GetString(), "2024-12-09T16:00:00+0700");
  EXPECT_STREQ(e["expectedCloseDate"].GetString(), "2025-03-01T00:00:00+0700");
  EXPECT_STREQ(e["assignTo"].GetString(), "staff01");

  // Lost, and the deal with its date from the clock.
  auto lost = enquiry(R"({"take":5,"statusIds":[3]})").json();
  ASSERT_EQ(lost["data"]["value"].Size(), 1u);
  EXPECT_STREQ(lost["data"]["value"][0]["statusName"].GetString(), "Lost");
  EXPECT_STREQ(lost["data"]["value"][0]["dealStageName"].GetString(), "Lost");
  EXPECT_EQ(to_json(lost["data"]["value"][0]["dealsValue"]), "100.5");
  auto now = enquiry(R"({"take":1})").json();
  EXPECT_STREQ(now["data"]["value"][0]["dealNo"].GetString(), "D250200005");
  EXPECT_STREQ(now["data"]["value"][0]["dealsDate"].GetString(), kNowText);
}

TEST_F(DealEnquiry, BoardStatusAndStageFiltersNarrowTheList) {
  EXPECT_EQ(sorted_numbers(R"({"take":50,"boardId":34628319})"),
            (std::vector<std::string>{"D241200044", "D241200047", "D250200004"}));
  EXPECT_EQ(total(R"({"take":50,"boardId":1})"), "5");
  EXPECT_EQ(total(R"({"take":50,"boardId":777})"), "0");
  EXPECT_EQ(sorted_numbers(R"({"take":50,"statusIds":[2]})"),
            (std::vector<std::string>{"D250200002", "D250200004"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"statusIds":[3]})"),
            (std::vector<std::string>{"D250200003"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"statusIds":[1]})"),
            (std::vector<std::string>{"D241200044", "D241200047", "D250200001", "D250200005",
                                      "D250200006"}));
  EXPECT_EQ(total(R"({"take":50,"statusIds":[1,3]})"), "6");
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dealStageIds":[1]})"),
            (std::vector<std::string>{"D250200001", "D250200006"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dealStageIds":[5507,5508]})"),
            (std::vector<std::string>{"D241200044", "D241200047", "D250200004"}));
  // The legacy example's 0 names no stage: it filters nothing, alone or beside a real id.
  EXPECT_EQ(total(R"({"take":50,"dealStageIds":[0]})"), "8");
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dealStageIds":[0,5507]})"),
            (std::vector<std::string>{"D241200044", "D241200047"}));
  // Empty lists and nulls filter nothing.
  EXPECT_EQ(total(R"({"take":50,"dealStageIds":[],"statusIds":[]})"), "8");
  EXPECT_EQ(total(R"({"take":50,"dealStageIds":null,"statusIds":null,"boardId":null,)"
                  R"("customerCode":null,"assignTo":null,"dateFrom":null,"dateTo":null,)"
                  R"("keyword":null,"skip":null})"),
            "8");
  // Filters combine.
  EXPECT_EQ(sorted_numbers(R"({"take":50,"boardId":1,"statusIds":[1],"dealStageIds":[1,2]})"),
            (std::vector<std::string>{"D250200001", "D250200005", "D250200006"}));
  EXPECT_EQ(total(R"({"take":50,"boardId":34628319,"statusIds":[3]})"), "0");
}

TEST_F(DealEnquiry, CustomerCodeMatchesAnyOfTheDealsCustomers) {
  // D250200002's first customer is C000055; C000349 is its second.
  EXPECT_EQ(sorted_numbers(R"({"take":50,"customerCode":"C000349"})"),
            (std::vector<std::string>{"D250200001", "D250200002", "D250200005"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"customerCode":"c000055"})"),
            (std::vector<std::string>{"D250200002", "D250200004"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"customerCode":" C000154 "})"),
            (std::vector<std::string>{"D241200044", "D241200047", "D250200003", "D250200006"}));
  // A code no customer has matches no deal; a blank one filters nothing.
  EXPECT_EQ(total(R"({"take":50,"customerCode":"C999999"})"), "0");
  EXPECT_EQ(total(R"({"take":50,"customerCode":"  "})"), "8");
  EXPECT_EQ(sorted_numbers(R"({"take":50,"customerCode":"C000349","statusIds":[2]})"),
            (std::vector<std::string>{"D250200002"}));
}

TEST_F(DealEnquiry, AssignToIsAStaffCodeInAnyCase) {
  EXPECT_EQ(sorted_numbers(R"({"take":50,"assignTo":"STAFF02"})"),
            (std::vector<std::string>{"D250200002", "D250200004"}));
  // D250200003 was created with "STAFF01": stored as the employee's code.
  EXPECT_EQ(sorted_numbers(R"({"take":50,"assignTo":"staff01"})"),
            (std::vector<std::string>{"D241200044", "D241200047", "D250200001", "D250200003",
                                      "D250200005", "D250200006"}));
  EXPECT_EQ(total(R"({"take":50,"assignTo":"Staff01","boardId":34628319})"), "2");
  EXPECT_EQ(total(R"({"take":50,"assignTo":"staff99"})"), "0");
}

TEST_F(DealEnquiry, DateRangeIsInclusiveAndADateOnlyDateToCoversItsDay) {
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dateFrom":"2025-02-11T09:00:00+0700",)"
                           R"("dateTo":"2025-02-11"})"),
            (std::vector<std::string>{"D250200002", "D250200003"}));
  // Both ends inclusive to the second.
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dateFrom":"2025-02-11T18:30:00+0700",)"
                           R"("dateTo":"2025-02-12T00:00:00+0700"})"),
            (std::vector<std::string>{"D250200003", "D250200004"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dateFrom":"2025-02-11T18:30:01+0700",)"
                           R"("dateTo":"2025-02-11T23:59:59+0700"})"),
            (std::vector<std::string>{}));
  // A date-only dateFrom starts its day.
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dateFrom":"2025-02-12"})"),
            (std::vector<std::string>{"D250200004", "D250200005"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dateTo":"2024-12-31"})"),
            (std::vector<std::string>{"D241200044", "D241200047"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dateFrom":"2025-02-10","dateTo":"2025-02-10"})"),
            (std::vector<std::string>{"D250200001", "D250200006"}));
  // Another offset names the same instant: 02:00 UTC is 09:00 in Bangkok.
  EXPECT_EQ(sorted_numbers(R"({"take":50,"dateFrom":"2025-02-10T02:00:00Z",)"
                           R"("dateTo":"2025-02-10T02:00:00Z"})"),
            (std::vector<std::string>{"D250200001", "D250200006"}));
  EXPECT_EQ(total(R"({"take":50,"dateFrom":"2025-02-10","dateTo":"2025-02-10","assignTo":)"
                  R"("staff01","dealStageIds":[1],"customerCode":"C000154"})"),
            "1");
}

TEST_F(DealEnquiry, KeywordsMatchNumbersNamesAndTheFirstCustomersName) {
  auto matches = [&](const std::string& keyword) {
    return sorted_numbers(R"({"take":50,"keyword":)" + quote(keyword) + "}");
  };
  // A Thai substring inside a word of the customer's name (บริษัท สยามการค้า จำกัด, C000349):
  // the deals whose first customer it is, not D250200002 where it is the second.
  EXPECT_EQ(matches("การค้า"), (std::vector<std::string>{"D250200001", "D250200005"}));
  EXPECT_EQ(matches("สยาม"), matches("การค้า"));
  // Latin letters in any case, in the customer's name, the deal's name or its number.
  EXPECT_EQ(matches("example TRADING"), (std::vector<std::string>{"D250200002", "D250200004"}));
  EXPECT_EQ(matches("UPGRADE"), (std::vector<std::string>{"D250200003"}));
  EXPECT_EQ(matches("Oasis spa"), (std::vector<std::string>{"D241200044", "D241200047"}));
  EXPECT_EQ(matches("thailand"),
            (std::vector<std::string>{"D241200044", "D241200047", "D250200003", "D250200006"}));
  EXPECT_EQ(matches("d2502000"),
            (std::vector<std::string>{"D250200001", "D250200002", "D250200003", "D250200004",
                                      "D250200005", "D250200006"}));
  EXPECT_EQ(matches("D241200044"), (std::vector<std::string>{"D241200044"}));
  // Trimmed; blank is no keyword; LIKE's wildcards are plain characters.
  EXPECT_EQ(matches("  pilot  "), (std::vector<std::string>{"D250200006"}));
  EXPECT_EQ(matches("   ").size(), 8u);
  EXPECT_TRUE(matches("100%").empty());
  EXPECT_TRUE(matches("_eta").empty());
  EXPECT_TRUE(matches("no such deal").empty());
  // With other filters, and with a total of every match beyond the page.
  EXPECT_EQ(sorted_numbers(R"({"take":50,"keyword":"d2502","statusIds":[2]})"),
            (std::vector<std::string>{"D250200002", "D250200004"}));
  EXPECT_EQ(sorted_numbers(R"({"take":50,"keyword":"D2502","boardId":34628319})"),
            (std::vector<std::string>{"D250200004"}));
  auto res = enquiry(R"({"take":2,"keyword":"D2502"})");
  EXPECT_EQ(res.header("x-total-count"), "6");
  EXPECT_EQ(res.json()["data"]["value"].Size(), 2u);
  // Keywords shorter than three characters match the same way.
  EXPECT_EQ(matches("LT"), (std::vector<std::string>{"D250200002", "D250200004"}));
  EXPECT_EQ(matches("สย"), (std::vector<std::string>{"D250200001", "D250200005"}));
  EXPECT_EQ(matches("44"), (std::vector<std::string>{"D241200044"}));
}

TEST_F(DealEnquiry, KeywordsFollowRenamesAndMoves) {
  Body edit;
  edit.str("dealName", "Omega CRM rollout")
      .set("dealValue", "9")
      .str("expectedCloseDate", "2025-03-31T17:00:00+0700")
      .str("assignTo", "staff01")
      .set("dealStageId", "4");
  auto res = client_.request("PUT", "/v1/deals/D250200001", company_.auth_json(), edit.json());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_TRUE(numbers(R"({"take":50,"keyword":"alpha"})").empty());
  EXPECT_EQ(numbers(R"({"take":50,"keyword":"OMEGA"})"), (std::vector<std::string>{"D250200001"}));
  // Won now: found among the won deals only, with and without a board.
  EXPECT_EQ(numbers(R"({"take":50,"keyword":"omega","statusIds":[2]})"),
            (std::vector<std::string>{"D250200001"}));
  EXPECT_EQ(numbers(R"({"take":50,"keyword":"omega","statusIds":[2],"boardId":1})"),
            (std::vector<std::string>{"D250200001"}));
  EXPECT_TRUE(numbers(R"({"take":50,"keyword":"omega","statusIds":[1]})").empty());
  EXPECT_EQ(sorted_numbers(R"({"take":50,"keyword":"rollout","statusIds":[1,2]})"),
            (std::vector<std::string>{"D250200001"}));
  // Reopened.
  edit.set("dealStageId", "2");
  ASSERT_EQ(
      client_.request("PUT", "/v1/deals/D250200001", company_.auth_json(), edit.json()).status,
      200);
  EXPECT_EQ(numbers(R"({"take":50,"keyword":"omega","statusIds":[1]})"),
            (std::vector<std::string>{"D250200001"}));
  EXPECT_TRUE(numbers(R"({"take":50,"keyword":"omega","statusIds":[2]})").empty());
}

TEST_F(DealEnquiry, OrderByTermsSortByTheirFieldsAndAmountsByValue) {
  // By value, not by text: 2 < 9 < 9.5 < 10 < 100.5 < 1000 < 48500.50 < 250000.00.
  const std::vector<std::string> by_value = {"D250200004", "D250200001", "D250200006",
                                             "D250200002", "D250200003", "D250200005",
                                             "D241200047", "D241200044"};
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":"dealsValue asc"})"), by_value);
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":"DEALSVALUE"})"), by_value);
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":"dealsValue desc"})"),
            std::vector<std::string>(by_value.rbegin(), by_value.rend()));
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":"dealsName"})"),
            (std::vector<std::string>{"D250200001", "D250200002", "D241200044", "D250200004",
                                      "D250200005", "D250200003", "D241200047", "D250200006"}));
  // Several terms; ties broken by dealsId.
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":"statusId desc, dealsId asc"})"),
            (std::vector<std::string>{"D250200003", "D250200002", "D250200004", "D241200044",
                                      "D241200047", "D250200001", "D250200005", "D250200006"}));
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":"boardId desc, dealsDate"})"),
            (std::vector<std::string>{"D241200044", "D241200047", "D250200004", "D250200001",
                                      "D250200006", "D250200002", "D250200003", "D250200005"}));
  EXPECT_EQ(numbers(R"({"take":50,"orderBy":"customerCode, dealNo desc"})"),
            (std::vector<std::string>{"D250200004", "D250200002", "D250200006", "D250200003",
                                      "D241200047", "D241200044", "D250200005", "D250200001"}));
  EXPECT_EQ(numbers(R"({"take":3,"orderBy":"dealStageName, dealsId"})"),
            (std::vector<std::string>{"D250200003", "D241200044", "D241200047"}));
  EXPECT_EQ(enquiry(R"({"take":5,"orderBy":"priority"})").body,
            v_problem("orderBy field priority is not a sortable field"));
  EXPECT_EQ(enquiry(R"({"take":5,"orderBy":"dealsValue upwards"})").body,
            v_problem("orderBy direction upwards must be asc or desc"));
}

TEST_F(DealEnquiry, PagesReturnEveryMatchExactlyOnceWithTheTotalOfAllMatches) {
  const auto all = numbers(R"({"take":100})");
  ASSERT_EQ(all.size(), 8u);
  for (const char* order : {"", R"(,"orderBy":"dealsValue")", R"(,"orderBy":"probability desc")",
                            R"(,"orderBy":"customerName")"}) {
    SCOPED_TRACE(order);
    std::vector<std::string> paged;
    for (int skip = 0; skip < 9; skip += 3) {
      auto res = enquiry(R"({"take":3,"skip":)" + std::to_string(skip) + order + "}");
      ASSERT_EQ(res.status, 200) << res.body;
      EXPECT_EQ(res.header("x-total-count"), "8");
      const auto page = res.json();
      for (const auto& d : page["data"]["value"].GetArray()) {
        paged.emplace_back(d["dealNo"].GetString());
      }
    }
    EXPECT_EQ(paged.size(), 8u);
    EXPECT_EQ(std::set<std::string>(paged.begin(), paged.end()),
              std::set<std::string>(all.begin(), all.end()));
  }
  // In the default order the pages are the list cut in three.
  EXPECT_EQ(numbers(R"({"take":3,"skip":3})"), (std::vector<std::string>{all[3], all[4], all[5]}));
  // Past the end: no items, the total still counts every match.
  auto past = enquiry(R"({"take":3,"skip":100})");
  EXPECT_EQ(past.header("x-total-count"), "8");
  EXPECT_EQ(past.json()["data"]["value"].Size(), 0u);
  // pageLength is take's legacy name; take wins when both are given.
  EXPECT_EQ(numbers(R"({"pageLength":2})"), (std::vector<std::string>{all[0], all[1]}));
  EXPECT_EQ(numbers(R"({"pageLength":2,"take":4})").size(), 4u);
  EXPECT_EQ(total(R"({"pageLength":2})"), "8");
}

TEST_F(DealEnquiry, TheLegacyPathIsTheSameRoute) {
  const std::string body = R"({"take":4,"skip":1,"statusIds":[1,2],"keyword":"d"})";
  auto lower = enquiry(body);
  ASSERT_EQ(lower.status, 200) << lower.body;
  for (const char* path : {"/v1/Deals/Enquiry", "/v1/DEALS/enquiry", "/dev/v1/Deals/Enquiry"}) {
    SCOPED_TRACE(path);
    auto legacy = enquiry(body, path);
    EXPECT_EQ(legacy.status, 200);
    EXPECT_EQ(legacy.body, lower.body);
    EXPECT_EQ(legacy.header("x-total-count"), lower.header("x-total-count"));
  }
  EXPECT_EQ(enquiry("{}", "/v1/Deals/Enquiry").body, v_problem("take is required"));
}

TEST_F(DealEnquiryApi, TheLegacyRequestExampleFailsOnItsPlaceholders) {
  // §4.5.3's example verbatim: pageLength 0 breaks take ≥ 1, "string" names no sortable field.
  const char* example = R"({
    "dealStageIds": [
      0
    ],
    "pageLength": 0,
    "skip": 0,
    "orderBy": "string",
    "keyword": "string"
  })";
  for (const char* path : {"/v1/Deals/Enquiry", "/v1/deals/enquiry"}) {
    auto res = enquiry(example, path);
    EXPECT_EQ(res.status, 400);
    EXPECT_EQ(res.body,
              problems_body(api::Family::kV,
                            {{"pageLength", "pageLength must be at least 1"},
                             {"orderBy", "orderBy field string is not a sortable field"}}));
    EXPECT_STREQ(res.json()["status"]["code"].GetString(), "4002");
  }
  // With its placeholders filled in, it is a working request: no deal is named "string".
  auto fixed = enquiry(
      R"({"dealStageIds":[0],"pageLength":10,"skip":0,"orderBy":"dealsDate","keyword":"string"})");
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(fixed.header("x-total-count"), "0");
  EXPECT_EQ(fixed.body, R"({"data":{"value":[]}})");
}

TEST_F(DealEnquiryApi, BadEnquiriesAreRefusedInFamilyV) {
  EXPECT_EQ(enquiry("{}").body, v_problem("take is required"));
  EXPECT_EQ(enquiry(R"({"skip":0})").body, v_problem("take is required"));
  EXPECT_EQ(enquiry(R"({"take":0})").body, v_problem("take must be at least 1"));
  EXPECT_EQ(enquiry(R"({"take":-1})").body, v_problem("take must be at least 1"));
  EXPECT_EQ(enquiry(R"({"take":5,"skip":-1})").body,
            v_problem("skip must be between 0 and 9223372036854775807"));
  EXPECT_EQ(enquiry(R"({"take":"ten"})").body, v_problem("take must be an integer"));
  EXPECT_EQ(enquiry(R"({"take":5,"statusIds":[4]})").body,
            v_problem("statusIds[0] must be an integer between 1 and 3"));
  EXPECT_EQ(enquiry(R"({"take":5,"statusIds":[0]})").body,
            v_problem("statusIds[0] must be an integer between 1 and 3"));
  EXPECT_EQ(enquiry(R"({"take":5,"boardId":0})").body,
            v_problem("boardId must be between 1 and 9223372036854775807"));
  EXPECT_EQ(enquiry(R"({"take":5,"boardId":"one"})").body, v_problem("boardId must be an integer"));
  // Digits in a string are the number.
  EXPECT_EQ(enquiry(R"({"take":5,"boardId":"34628319"})").header("x-total-count"), "2");
  EXPECT_EQ(enquiry(R"({"take":5,"dealStageIds":[-1]})").body,
            v_problem("dealStageIds[0] must be an integer between 0 and 9223372036854775807"));
  EXPECT_EQ(enquiry(R"({"take":5,"dealStageIds":5507})").body,
            v_problem("dealStageIds must be an array of integers"));
  EXPECT_EQ(enquiry(R"({"take":5,"dateFrom":"2025-02-02","dateTo":"2025-02-01"})").body,
            v_problem("dateTo must not be earlier than dateFrom"));
  EXPECT_EQ(enquiry(R"({"take":5,"dateFrom":"2025-02-02T10:00:00+0700",)"
                    R"("dateTo":"2025-02-02T09:59:59+0700"})")
                .body,
            v_problem("dateTo must not be earlier than dateFrom"));
  EXPECT_EQ(enquiry(R"({"take":5,"dateFrom":"2025-02-30"})").body,
            v_problem("dateFrom is not a valid date"));
  EXPECT_EQ(enquiry(R"({"take":5,"customerCode":7})").body,
            v_problem("customerCode must be a string"));
  EXPECT_EQ(enquiry(R"({"take":5,"assignTo":")" + std::string(51, 's') + "\"}").body,
            v_problem("assignTo must be at most 50 characters"));
  EXPECT_EQ(enquiry(R"({"take":5,"keyword":")" + std::string(501, 'k') + "\"}").body,
            v_problem("keyword must be at most 500 characters"));
  // Several problems in body order, one 4002.
  EXPECT_EQ(enquiry(R"({"statusIds":[4],"take":5,"boardId":0,"dateFrom":"yesterday"})").body,
            problems_body(api::Family::kV,
                          {{"statusIds[0]", "statusIds[0] must be an integer between 1 and 3"},
                           {"boardId", "boardId must be between 1 and 9223372036854775807"},
                           {"dateFrom", "dateFrom is not a valid date"}}));
  EXPECT_EQ(enquiry("[1]").status, 400);
  EXPECT_EQ(enquiry("").status, 400);
}

TEST_F(DealEnquiryApi, ATakeBeyondAThousandIsCappedNotRefused) {
  // 1001 more deals, written as Create Deal writes them.
  server_.db().write_now([&](storage::Session& s) {
    const core::Caller caller{company_.id, demo::kApiUserId, &core::TimeZone::bangkok()};
    deals::DealInput in;
    in.customer_codes = {"C000055"};
    in.board_id = 1;
    in.deal_name = "Bulk deal";
    in.probability = api::given(std::int64_t{10});
    in.deal_value = core::Decimal::of(1);
    in.expected_close_date = kNow;
    in.assign_to = "staff02";
    for (int i = 0; i < 1001; ++i) deals::create_deal(s, caller, in, kNow - i);
  });
  for (const char* body : {R"({"take":5000})", R"({"take":1001})", R"({"pageLength":100000})"}) {
    SCOPED_TRACE(body);
    auto res = enquiry(body);
    ASSERT_EQ(res.status, 200) << res.body.substr(0, 200);
    EXPECT_EQ(res.header("x-total-count"), "1003");
    EXPECT_EQ(res.json()["data"]["value"].Size(), 1000u);
  }
  auto rest = enquiry(R"({"take":5000,"skip":1000})");
  EXPECT_EQ(rest.json()["data"]["value"].Size(), 3u);
  EXPECT_EQ(total(R"({"take":1,"customerCode":"C000055","assignTo":"staff02"})"), "1001");
}

// ---------------------------------------------------------------------------------------------
// The lists of §4.5.5–§4.5.9 on a fresh demo company

class DealLists : public DealEnquiryApi {};

TEST_F(DealLists, BoardsAreListedWithTheDefault) {
  auto res = get("/v1/deals/boards");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "2");
  EXPECT_EQ(res.body,
            R"({"data":{"value":[)"
            R"({"boardId":1,"boardName":"Sales pipeline","isDefault":true,"isActive":true},)"
            R"({"boardId":34628319,"boardName":"Project sales","isDefault":false,"isActive":true})"
            R"(]}})");
  // The PascalCase spelling of the path is the same route.
  EXPECT_EQ(get("/v1/Deals/Boards").body, res.body);
}

TEST_F(DealLists, StagesAreListedByBoardAndSeq) {
  const std::string board_1 =
      R"({"dealStageId":1,"dealStageName":"Qualification","boardId":1,"seq":1,"probability":10,)"
      R"("stageType":1,"isActive":true},)"
      R"({"dealStageId":2,"dealStageName":"Proposal","boardId":1,"seq":2,"probability":50,)"
      R"("stageType":1,"isActive":true},)"
      R"({"dealStageId":3,"dealStageName":"Negotiation","boardId":1,"seq":3,"probability":75,)"
      R"("stageType":1,"isActive":true},)"
      R"({"dealStageId":4,"dealStageName":"Won","boardId":1,"seq":4,"probability":100,)"
      R"("stageType":2,"isActive":true},)"
      R"({"dealStageId":5,"dealStageName":"Lost","boardId":1,"seq":5,"probability":0,)"
      R"("stageType":3,"isActive":true})";
  const std::string project =
      R"({"dealStageId":5507,"dealStageName":"Presentation","boardId":34628319,"seq":1,)"
      R"("probability":30,"stageType":1,"isActive":true},)"
      R"({"dealStageId":5508,"dealStageName":"Signed","boardId":34628319,"seq":2,)"
      R"("probability":100,"stageType":2,"isActive":true},)"
      R"({"dealStageId":5509,"dealStageName":"Lost","boardId":34628319,"seq":3,"probability":0,)"
      R"("stageType":3,"isActive":true})";
  auto all = get("/v1/deals/stages");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.header("x-total-count"), "8");
  EXPECT_EQ(all.body, R"({"data":{"value":[)" + board_1 + "," + project + "]}}");
  auto one = get("/v1/deals/stages?boardId=34628319");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.header("x-total-count"), "3");
  EXPECT_EQ(one.body, R"({"data":{"value":[)" + project + "]}}");
  EXPECT_EQ(get("/v1/deals/stages?boardId=1").body, R"({"data":{"value":[)" + board_1 + "]}}");
  auto none = get("/v1/deals/stages?boardId=777");
  EXPECT_EQ(none.status, 200);
  EXPECT_EQ(none.body, R"({"data":{"value":[]}})");
  EXPECT_EQ(none.header("x-total-count"), "0");
  auto word = get("/v1/deals/stages?boardId=abc");
  EXPECT_EQ(word.status, 400);
  EXPECT_STREQ(word.json()["status"]["code"].GetString(), "4001");
  EXPECT_EQ(word.body, v_problem("boardId must be an integer"));
  EXPECT_EQ(get("/v1/deals/stages?boardId=0").status, 400);
}

TEST_F(DealLists, InterestsLabelsAndMissedReasonsAreListedByName) {
  // The customer interest topics (created by name on first use), under the deal's keys: the
  // demo's topic 1001.
  auto interests = get("/v1/deals/interests");
  ASSERT_EQ(interests.status, 200) << interests.body;
  EXPECT_EQ(interests.header("x-total-count"), "1");
  EXPECT_EQ(interests.body,
            R"({"data":{"value":[{"interestId":1001,"interestName":"Booking system",)"
            R"("isActive":true}]}})");

  auto labels = get("/v1/deals/labels");
  ASSERT_EQ(labels.status, 200) << labels.body;
  EXPECT_EQ(labels.header("x-total-count"), "6");
  EXPECT_EQ(labels.body,
            R"({"data":{"value":[)"
            R"({"labelId":3,"labelName":"Cold","color":"#1E88E5","isActive":true},)"
            R"({"labelId":1,"labelName":"Hot","color":"#E53935","isActive":true},)"
            R"({"labelId":98199047,"labelName":"Key account","color":"#8E24AA","isActive":true},)"
            R"({"labelId":1002,"labelName":"Priority","color":"#F4511E","isActive":true},)"
            R"({"labelId":34064271,"labelName":"Referral","color":"#43A047","isActive":true},)"
            R"({"labelId":2,"labelName":"Warm","color":"#FB8C00","isActive":true})"
            R"(]}})");

  auto reasons = get("/v1/deals/missed-reason-categories");
  ASSERT_EQ(reasons.status, 200) << reasons.body;
  EXPECT_EQ(reasons.header("x-total-count"), "6");
  EXPECT_EQ(reasons.body,
            R"({"data":{"value":[)"
            R"({"reasonCategoryId":2,"reasonCategoryName":"Chose a competitor","isActive":true},)"
            R"({"reasonCategoryId":39733557,"reasonCategoryName":"Chose a competitor's offer",)"
            R"("isActive":true},)"
            R"({"reasonCategoryId":3,"reasonCategoryName":"No budget","isActive":true},)"
            R"({"reasonCategoryId":4,"reasonCategoryName":"No decision made","isActive":true},)"
            R"({"reasonCategoryId":5,"reasonCategoryName":"Other","isActive":true},)"
            R"({"reasonCategoryId":1,"reasonCategoryName":"Price too high","isActive":true})"
            R"(]}})");
}

TEST_F(DealLists, ACompanyWithoutDemoDataHasTheSeededListsOnly) {
  const TestCompany plain = server_.add_company(false);
  auto list = [&](const std::string& path) {
    return client_.request("GET", path, plain.auth()).body;
  };
  EXPECT_EQ(list("/v1/deals/boards"),
            R"({"data":{"value":[{"boardId":1,"boardName":"Sales pipeline","isDefault":true,)"
            R"("isActive":true}]}})");
  EXPECT_EQ(list("/v1/deals/stages?boardId=34628319"), R"({"data":{"value":[]}})");
  EXPECT_EQ(list("/v1/deals/stages"), list("/v1/deals/stages?boardId=1"));
  EXPECT_EQ(list("/v1/deals/labels"),
            R"({"data":{"value":[)"
            R"({"labelId":3,"labelName":"Cold","color":"#1E88E5","isActive":true},)"
            R"({"labelId":1,"labelName":"Hot","color":"#E53935","isActive":true},)"
            R"({"labelId":2,"labelName":"Warm","color":"#FB8C00","isActive":true})"
            R"(]}})");
  EXPECT_EQ(list("/v1/deals/missed-reason-categories").find("39733557"), std::string::npos);
  EXPECT_EQ(list("/v1/deals/interests"), R"({"data":{"value":[]}})");
  auto none = client_.request("POST", "/v1/deals/enquiry", plain.auth_json(), R"({"take":10})");
  EXPECT_EQ(none.body, R"({"data":{"value":[]}})");
  EXPECT_EQ(none.header("x-total-count"), "0");
}

}  // namespace
}  // namespace ov::test
