// The Deal section's reference data on the administration plane (/admin/v1/companies/{id}/
// deal-boards, deal-stages, deal-labels, deal-missed-reasons): what a stage, a label and a
// board must be, the one default board, and what deactivating an entry does to the deals that
// have it (kept on them, never newly chosen).
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <set>
#include <string>
#include <vector>

#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr const char* kAdminKey = "admin-key-3f9a1c2e7b";
// 2025-02-14T12:00:00+0700.
constexpr core::UnixSeconds kNow = 1739509200;

TestServerOptions with_admin_key() { return fixed_at_with_admin_key(kNow, kAdminKey); }
Headers admin_headers() { return admin_headers_for(kAdminKey); }

// Update Deal's required fields (§4.5.2), as the demo deals have them.
Body update_body() {
  Body b;
  b.str("dealName", "Booking system for Oasis Spa")
      .set("dealValue", "250000")
      .str("expectedCloseDate", "2025-03-01T00:00:00+0700")
      .str("assignTo", "staff01");
  return b;
}

Body create_body(std::int64_t board) {
  Body b;
  b.set("customerCodes", R"(["C000154"])")
      .set("boardId", std::to_string(board))
      .str("dealName", "Spa renovation")
      .set("probability", "20")
      .set("dealValue", "1500")
      .str("expectedCloseDate", "2025-04-30T00:00:00+0700")
      .str("assignTo", "staff01");
  return b;
}

class DealAdmin : public ::testing::Test {
 protected:
  HttpResponse call(const std::string& method, const std::string& kind_path,
                    const std::string& body = "") {
    return client_.request(method, "/admin/v1/companies/" + std::to_string(company_.id) + kind_path,
                           admin_headers(), body);
  }
  // Checks the RFC 9457 shape and returns the parsed problem.
  rapidjson::Document problem(const HttpResponse& res, int status) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.header("content-type"), "application/problem+json") << res.body;
    auto doc = res.json();
    EXPECT_TRUE(doc.IsObject()) << res.body;
    if (!doc.IsObject()) return doc;
    EXPECT_EQ(keys_of(doc),
              (std::vector<std::string>{"type", "title", "status", "detail", "errors"}));
    EXPECT_EQ(doc["status"].GetInt(), status);
    return doc;
  }
  std::vector<std::string> problem_fields(const HttpResponse& res) {
    auto doc = problem(res, 400);
    std::vector<std::string> out;
    if (!doc.IsObject()) return out;
    for (const auto& e : doc["errors"].GetArray()) out.push_back(e["field"].GetString());
    return out;
  }
  // A created entry's id (201), or 0.
  std::int64_t created_id(const HttpResponse& res) {
    EXPECT_EQ(res.status, 201) << res.body;
    auto doc = res.json();
    return doc.IsObject() && doc.HasMember("id") ? doc["id"].GetInt64() : 0;
  }
  HttpResponse api(const std::string& method, const std::string& path,
                   const std::string& body = "") {
    return client_.request(method, path, body.empty() ? company_.auth() : company_.auth_json(),
                           body);
  }
  // The deal object of a family-V reply.
  rapidjson::Document deal_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data"))
      out.CopyFrom(doc["data"]["value"], out.GetAllocator());
    return out;
  }
  std::string v_not_found(const std::string& message) {
    return one_problem_body(api::Family::kV, message, 404);
  }
  // {boardId: isDefault} of the public board list, in its order.
  std::vector<std::pair<std::int64_t, bool>> defaults() {
    auto res = api("GET", "/v1/deals/boards");
    EXPECT_EQ(res.status, 200) << res.body;
    std::vector<std::pair<std::int64_t, bool>> out;
    auto doc = res.json();
    for (const auto& b : doc["data"]["value"].GetArray()) {
      out.emplace_back(b["boardId"].GetInt64(), b["isDefault"].GetBool());
    }
    return out;
  }

  TestServer server_{with_admin_key()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(DealAdmin, AStageNamesAnActiveBoardOfTheCompany) {
  auto created = call("POST", "/deal-stages",
                      R"({"name":"Demo booked","boardId":34628319,"seq":2,"probability":40,)"
                      R"("stageType":1})");
  const auto id = created_id(created);
  ASSERT_GT(id, 5509);
  EXPECT_EQ(to_json(created.json()),
            R"({"id":)" + std::to_string(id) +
                R"(,"name":"Demo booked","isActive":true,"boardId":34628319,"seq":2,)"
                R"("probability":40,"stageType":1})");
  // The public list shows it in its board's order (seq, then id).
  auto stages = api("GET", "/v1/deals/stages?boardId=34628319");
  ASSERT_EQ(stages.status, 200) << stages.body;
  std::vector<std::int64_t> ids;
  const auto listed = stages.json();
  for (const auto& s : listed["data"]["value"].GetArray()) {
    ids.push_back(s["dealStageId"].GetInt64());
  }
  EXPECT_EQ(ids, (std::vector<std::int64_t>{5507, 5508, id, 5509}));

  // No such board, another company's board, an inactive board: not found.
  for (const char* board : {"999", "0"}) {
    SCOPED_TRACE(board);
    auto res = call("POST", "/deal-stages",
                    std::string(R"({"name":"Nowhere","seq":1,"probability":0,"stageType":1,)") +
                        R"("boardId":)" + board + "}");
    if (std::string(board) == "0") {
      EXPECT_EQ(problem_fields(res), (std::vector<std::string>{"boardId"}));
    } else {
      auto doc = problem(res, 404);
      EXPECT_NE(std::string(doc["detail"].GetString()).find("boardId 999"), std::string::npos)
          << res.body;
    }
  }
  const TestCompany other = server_.add_company(false);
  auto theirs = client_.request(
      "POST", "/admin/v1/companies/" + std::to_string(other.id) + "/deal-stages", admin_headers(),
      R"({"name":"Not theirs","boardId":34628319,"seq":1,"probability":0,"stageType":1})");
  problem(theirs, 404);
  const auto board = created_id(call("POST", "/deal-boards", R"({"name":"Dormant"})"));
  ASSERT_EQ(call("PUT", "/deal-boards/" + std::to_string(board), R"({"isActive":false})").status,
            200);
  problem(call("POST", "/deal-stages",
               R"({"name":"On a dormant board","seq":1,"probability":0,"stageType":1,"boardId":)" +
                   std::to_string(board) + "}"),
          404);
  // Nothing was written by the refusals.
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM deal_stages WHERE company_id = ?", {company_.id}),
            9);
  // Every required field, every bound.
  EXPECT_EQ(problem_fields(call("POST", "/deal-stages", R"({"name":"Bare"})")),
            (std::vector<std::string>{"boardId", "seq", "probability", "stageType"}));
  EXPECT_EQ(problem_fields(call("POST", "/deal-stages",
                                R"({"name":"X","boardId":1,"seq":0,"probability":101,)"
                                R"("stageType":4})")),
            (std::vector<std::string>{"seq", "probability", "stageType"}));
}

TEST_F(DealAdmin, AStagesTypeAndBoardAreFixedOnceCreated) {
  EXPECT_EQ(problem_fields(call("PUT", "/deal-stages/5507", R"({"stageType":2})")),
            (std::vector<std::string>{"stageType"}));
  EXPECT_EQ(problem_fields(call("PUT", "/deal-stages/5507", R"({"boardId":1})")),
            (std::vector<std::string>{"boardId"}));
  // Even to the value it has: refused, not ignored.
  EXPECT_EQ(problem_fields(call("PUT", "/deal-stages/5507",
                                R"({"name":"Pitch","boardId":34628319,"stageType":1})")),
            (std::vector<std::string>{"boardId", "stageType"}));
  // Nothing changed, and the rest may change.
  auto renamed = call("PUT", "/deal-stages/5507", R"({"name":"Pitch","seq":5,"probability":35})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(to_json(renamed.json()),
            R"({"id":5507,"name":"Pitch","isActive":true,"boardId":34628319,"seq":5,)"
            R"("probability":35,"stageType":1})");
  // The deals in it show the stage as it is now.
  auto deal = deal_of(api("GET", "/v1/deals/D241200044"));
  EXPECT_EQ(to_json(deal["dealStage"]),
            R"({"dealStageId":5507,"dealStageName":"Pitch","boardId":34628319,"seq":5,)"
            R"("probability":35,"stageType":1,"isActive":true})");
  EXPECT_EQ(deal["statusId"].GetInt(), 1);
}

TEST_F(DealAdmin, ALabelsColourIsHashAndSixHexDigits) {
  for (const char* color : {R"("red")", R"("#12345")", R"("#1234567")", R"("#GG0000")",
                            R"("00897B0")", R"("")", "7", "null"}) {
    SCOPED_TRACE(color);
    auto fields = problem_fields(call(
        "POST", "/deal-labels", std::string(R"({"name":"Bad colour","color":)") + color + "}"));
    // A null on creation is both missing and null: two problems, both of color.
    EXPECT_EQ(std::set<std::string>(fields.begin(), fields.end()), std::set<std::string>{"color"});
  }
  auto doc = problem(call("POST", "/deal-labels", R"({"name":"Bad colour","color":"red"})"), 400);
  EXPECT_NE(std::string(to_json(doc["errors"])).find("#RRGGBB"), std::string::npos) << to_json(doc);
  // Required on creation.
  EXPECT_EQ(problem_fields(call("POST", "/deal-labels", R"({"name":"No colour"})")),
            (std::vector<std::string>{"color"}));
  const auto id = created_id(call("POST", "/deal-labels", R"({"name":"Teal","color":"#00897b"})"));
  ASSERT_GT(id, 0);
  EXPECT_EQ(
      problem_fields(call("PUT", "/deal-labels/" + std::to_string(id), R"({"color":"blue"})")),
      (std::vector<std::string>{"color"}));
  auto changed = call("PUT", "/deal-labels/" + std::to_string(id), R"({"color":"#004D40"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  auto labels = api("GET", "/v1/deals/labels");
  EXPECT_NE(labels.body.find(R"({"labelId":)" + std::to_string(id) +
                             R"(,"labelName":"Teal","color":"#004D40","isActive":true})"),
            std::string::npos)
      << labels.body;
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM deal_labels WHERE company_id = ?", {company_.id}),
            7);
}

TEST_F(DealAdmin, MakingAnotherBoardTheDefaultMovesTheDefault) {
  EXPECT_EQ(defaults(), (std::vector<std::pair<std::int64_t, bool>>{{1, true}, {34628319, false}}));
  const auto id =
      created_id(call("POST", "/deal-boards", R"({"name":"Key accounts","isDefault":true})"));
  ASSERT_GT(id, 1);
  EXPECT_EQ(defaults(), (std::vector<std::pair<std::int64_t, bool>>{
                            {1, false}, {34628319, false}, {id, true}}));
  auto moved = call("PUT", "/deal-boards/34628319", R"({"isDefault":true})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_TRUE(moved.json()["isDefault"].GetBool());
  EXPECT_EQ(defaults(), (std::vector<std::pair<std::int64_t, bool>>{
                            {1, false}, {34628319, true}, {id, false}}));
  EXPECT_FALSE(call("GET", "/deal-boards/" + std::to_string(id)).json()["isDefault"].GetBool());
  // One row per company, always.
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM deal_board_defaults WHERE company_id = ?",
                           {company_.id}),
            1);
  // false is no way to move it: another board is made the default instead.
  EXPECT_EQ(problem_fields(call("PUT", "/deal-boards/34628319", R"({"isDefault":false})")),
            (std::vector<std::string>{"isDefault"}));
  // An inactive board cannot become the default, unless activated in the same request.
  ASSERT_EQ(call("PUT", "/deal-boards/" + std::to_string(id), R"({"isActive":false})").status, 200);
  problem(call("PUT", "/deal-boards/" + std::to_string(id), R"({"isDefault":true})"), 422);
  EXPECT_EQ(defaults()[1], (std::pair<std::int64_t, bool>{34628319, true}));
  auto back =
      call("PUT", "/deal-boards/" + std::to_string(id), R"({"isActive":true,"isDefault":true})");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(defaults(), (std::vector<std::pair<std::int64_t, bool>>{
                            {1, false}, {34628319, false}, {id, true}}));
  // Another company's default is untouched.
  const TestCompany other = server_.add_company();
  auto theirs = client_.request("GET", "/v1/deals/boards", other.auth());
  EXPECT_NE(theirs.body.find(R"({"boardId":1,"boardName":"Sales pipeline","isDefault":true)"),
            std::string::npos)
      << theirs.body;
}

TEST_F(DealAdmin, TheDefaultBoardIsNeitherDeactivatedNorDeleted) {
  problem(call("PUT", "/deal-boards/1", R"({"isActive":false})"), 422);
  problem(call("DELETE", "/deal-boards/1"), 422);
  auto still = call("GET", "/deal-boards/1");
  ASSERT_EQ(still.status, 200) << still.body;
  EXPECT_TRUE(still.json()["isActive"].GetBool());
  EXPECT_TRUE(still.json()["isDefault"].GetBool());
  // Once another board is the default, the former one may go: its stages refer to it, so it is
  // deactivated.
  ASSERT_EQ(call("PUT", "/deal-boards/34628319", R"({"isDefault":true})").status, 200);
  auto removed = call("DELETE", "/deal-boards/1");
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_STREQ(removed.json()["result"].GetString(), "deactivated");
  EXPECT_EQ(defaults(), (std::vector<std::pair<std::int64_t, bool>>{{1, false}, {34628319, true}}));
  // A board nothing refers to is deleted.
  const auto empty = created_id(call("POST", "/deal-boards", R"({"name":"Empty"})"));
  auto gone = call("DELETE", "/deal-boards/" + std::to_string(empty));
  ASSERT_EQ(gone.status, 200) << gone.body;
  EXPECT_STREQ(gone.json()["result"].GetString(), "deleted");
  problem(call("GET", "/deal-boards/" + std::to_string(empty)), 404);
  // An inactive board takes no new deal; its deals still read and update.
  EXPECT_EQ(api("POST", "/v1/deals", create_body(1).json()).body,
            v_not_found("boardId 1 was not found"));
  auto on_default = api("POST", "/v1/deals", create_body(34628319).json());
  ASSERT_EQ(on_default.status, 200) << on_default.body;
}

TEST_F(DealAdmin, AnEntryADealRefersToIsDeactivatedNotDeleted) {
  // Stage 5507 holds both demo deals; stage 3 holds none.
  auto stage = call("DELETE", "/deal-stages/5507");
  ASSERT_EQ(stage.status, 200) << stage.body;
  EXPECT_STREQ(stage.json()["result"].GetString(), "deactivated");
  EXPECT_FALSE(call("GET", "/deal-stages/5507").json()["isActive"].GetBool());
  auto unused = call("DELETE", "/deal-stages/3");
  ASSERT_EQ(unused.status, 200) << unused.body;
  EXPECT_STREQ(unused.json()["result"].GetString(), "deleted");
  problem(call("GET", "/deal-stages/3"), 404);
  // Label 98199047 is on D241200044; label 1 on no deal.
  auto label = call("DELETE", "/deal-labels/98199047");
  ASSERT_EQ(label.status, 200) << label.body;
  EXPECT_STREQ(label.json()["result"].GetString(), "deactivated");
  EXPECT_STREQ(call("DELETE", "/deal-labels/1").json()["result"].GetString(), "deleted");
  // Board 34628319 has deals and stages.
  EXPECT_STREQ(call("DELETE", "/deal-boards/34628319").json()["result"].GetString(), "deactivated");
  // Missed reasons: referred to once a deal is lost for it.
  ASSERT_EQ(api("PUT", "/v1/deals/D241200047",
                update_body().set("dealStageId", "5509").set("reasonCategoryId", "39733557").json())
                .status,
            200);
  EXPECT_STREQ(call("DELETE", "/deal-missed-reasons/39733557").json()["result"].GetString(),
               "deactivated");
  EXPECT_STREQ(call("DELETE", "/deal-missed-reasons/4").json()["result"].GetString(), "deleted");
  // The deal still reads with all of them.
  auto deal = deal_of(api("GET", "/v1/deals/D241200044"));
  EXPECT_EQ(deal["dealStageId"].GetInt64(), 5507);
  EXPECT_FALSE(deal["dealStage"]["isActive"].GetBool());
  EXPECT_EQ(to_json(deal["dealsLabels"]),
            R"([{"labelId":98199047,"labelName":"Key account","color":"#8E24AA"}])");
  EXPECT_EQ(deal["boardId"].GetInt64(), 34628319);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM deals WHERE company_id = ?", {company_.id}), 2);
}

TEST_F(DealAdmin, AnInactiveStageStaysOnItsDealsButIsNeverNewlyChosen) {
  ASSERT_EQ(call("PUT", "/deal-stages/5507", R"({"isActive":false})").status, 200);
  // Listed, inactive (the lists show every entry with its flag).
  auto stages = api("GET", "/v1/deals/stages?boardId=34628319");
  EXPECT_NE(stages.body.find(R"("dealStageId":5507,"dealStageName":"Presentation","boardId":)"
                             R"(34628319,"seq":1,"probability":30,"stageType":1,"isActive":false)"),
            std::string::npos)
      << stages.body;
  // A deal already in it may keep naming it.
  auto kept = api("PUT", "/v1/deals/D241200044", update_body().set("dealStageId", "5507").json());
  auto d = deal_of(kept);
  EXPECT_EQ(d["dealStageId"].GetInt64(), 5507);
  EXPECT_EQ(d["statusId"].GetInt(), 1);
  EXPECT_EQ(d["dealsIndex"].GetInt64(), 1);
  // No new deal, and no deal moving in.
  EXPECT_EQ(api("POST", "/v1/deals", create_body(34628319).set("dealStageId", "5507").json()).body,
            v_not_found("dealStageId 5507 was not found"));
  const auto before =
      server_.scalar("SELECT COUNT(*) FROM deals WHERE company_id = ?", {company_.id});
  ASSERT_EQ(
      api("PUT", "/v1/deals/D241200047", update_body().set("dealStageId", "5508").json()).status,
      200);
  EXPECT_EQ(
      api("PUT", "/v1/deals/D241200047", update_body().set("dealStageId", "5507").json()).body,
      v_not_found("dealStageId 5507 was not found"));
  EXPECT_EQ(deal_of(api("GET", "/v1/deals/D241200047"))["dealStageId"].GetInt64(), 5508);
  // A deal created without a stage goes to the board's first active one.
  auto first = deal_of(api("POST", "/v1/deals", create_body(34628319).json()));
  EXPECT_EQ(first["dealStageId"].GetInt64(), 5508);
  EXPECT_EQ(first["statusId"].GetInt(), 2);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM deals WHERE company_id = ?", {company_.id}),
            before + 1);
  // Active again: chosen again.
  ASSERT_EQ(call("PUT", "/deal-stages/5507", R"({"isActive":true})").status, 200);
  EXPECT_EQ(
      api("PUT", "/v1/deals/D241200047", update_body().set("dealStageId", "5507").json()).status,
      200);
}

TEST_F(DealAdmin, AnInactiveLabelStaysOnItsDealsButIsNeverNewlyGiven) {
  ASSERT_EQ(call("PUT", "/deal-labels/98199047", R"({"isActive":false})").status, 200);
  // D241200044 has it: an update naming it again (and adding an active one) keeps it.
  auto kept = deal_of(api("PUT", "/v1/deals/D241200044",
                          update_body().set("dealLabels", "[98199047,1002]").json()));
  EXPECT_EQ(to_json(kept["dealsLabels"]),
            R"([{"labelId":98199047,"labelName":"Key account","color":"#8E24AA"},)"
            R"({"labelId":1002,"labelName":"Priority","color":"#F4511E"}])");
  // An update that leaves dealLabels out keeps it too.
  auto untouched = deal_of(api("PUT", "/v1/deals/D241200044", update_body().json()));
  EXPECT_EQ(untouched["dealsLabels"].Size(), 2u);
  // D241200047 does not have it; nor does a new deal.
  EXPECT_EQ(
      api("PUT", "/v1/deals/D241200047", update_body().set("dealLabels", "[98199047]").json()).body,
      v_not_found("dealLabels 98199047 was not found"));
  EXPECT_EQ(api("POST", "/v1/deals", create_body(1).set("dealLabels", "[1,98199047]").json()).body,
            v_not_found("dealLabels 98199047 was not found"));
  EXPECT_EQ(to_json(deal_of(api("GET", "/v1/deals/D241200047"))["dealsLabels"]),
            R"([{"labelId":34064271,"labelName":"Referral","color":"#43A047"}])");
  // Once dropped from the deal, it cannot come back.
  ASSERT_EQ(
      api("PUT", "/v1/deals/D241200044", update_body().set("dealLabels", "[1002]").json()).status,
      200);
  EXPECT_EQ(
      api("PUT", "/v1/deals/D241200044", update_body().set("dealLabels", "[98199047]").json()).body,
      v_not_found("dealLabels 98199047 was not found"));
}

TEST_F(DealAdmin, AnInactiveMissedReasonStaysOnItsLostDealsOnly) {
  ASSERT_EQ(api("PUT", "/v1/deals/D241200047",
                update_body().set("dealStageId", "5509").set("reasonCategoryId", "39733557").json())
                .status,
            200);
  ASSERT_EQ(call("PUT", "/deal-missed-reasons/39733557", R"({"isActive":false})").status, 200);
  // The lost deal keeps it, named again or not.
  auto again = deal_of(
      api("PUT", "/v1/deals/D241200047",
          update_body().set("dealStageId", "5509").set("reasonCategoryId", "39733557").json()));
  EXPECT_EQ(again["reasonCategoryId"].GetInt64(), 39733557);
  EXPECT_EQ(deal_of(api("PUT", "/v1/deals/D241200047", update_body().json()))["reasonCategoryId"]
                .GetInt64(),
            39733557);
  // Another deal cannot be lost for it.
  EXPECT_EQ(api("PUT", "/v1/deals/D241200044",
                update_body().set("dealStageId", "5509").set("reasonCategoryId", "39733557").json())
                .body,
            v_not_found("reasonCategoryId 39733557 was not found"));
  EXPECT_EQ(deal_of(api("GET", "/v1/deals/D241200044"))["statusId"].GetInt(), 1);
}

TEST_F(DealAdmin, AnInterestTopicOnADealIsDeactivatedAndKeptButNeverNewlyGiven) {
  // The deal interests are the customer interest topics, administered as interest-topics;
  // D241200044 and D241200047 have topic 1001.
  auto removed = client_.request(
      "DELETE", "/admin/v1/companies/" + std::to_string(company_.id) + "/interest-topics/1001",
      admin_headers());
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_STREQ(removed.json()["result"].GetString(), "deactivated");
  EXPECT_EQ(api("GET", "/v1/deals/interests").body,
            R"({"data":{"value":[{"interestId":1001,"interestName":"Booking system",)"
            R"("isActive":false}]}})");
  auto kept = deal_of(
      api("PUT", "/v1/deals/D241200044", update_body().set("dealInterests", "[1001]").json()));
  EXPECT_EQ(to_json(kept["dealsInterests"]),
            R"([{"interestId":1001,"interestName":"Booking system"}])");
  EXPECT_EQ(api("POST", "/v1/deals", create_body(1).set("dealInterests", "[1001]").json()).body,
            v_not_found("dealInterests 1001 was not found"));
}

TEST_F(DealAdmin, ABoardWithoutAnActiveStageTakesNoDeal) {
  const auto board = created_id(call("POST", "/deal-boards", R"({"name":"Not set up yet"})"));
  ASSERT_GT(board, 0);
  auto none = api("POST", "/v1/deals", create_body(board).json());
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(none.body, one_problem_body(api::Family::kV, "boardId " + std::to_string(board) +
                                                             " has no active stage"));
  const auto stage =
      created_id(call("POST", "/deal-stages",
                      R"({"name":"Only stage","seq":1,"probability":10,"stageType":1,"boardId":)" +
                          std::to_string(board) + "}"));
  auto first = deal_of(api("POST", "/v1/deals", create_body(board).json()));
  EXPECT_EQ(first["dealStageId"].GetInt64(), stage);
  EXPECT_EQ(first["dealsIndex"].GetInt64(), 1);
  ASSERT_EQ(call("PUT", "/deal-stages/" + std::to_string(stage), R"({"isActive":false})").status,
            200);
  EXPECT_EQ(api("POST", "/v1/deals", create_body(board).json()).status, 400);
  // The stage holds a deal: deleting it deactivates it.
  EXPECT_STREQ(call("DELETE", "/deal-stages/" + std::to_string(stage)).json()["result"].GetString(),
               "deactivated");
}

TEST_F(DealAdmin, TheDealKindsAreListedAndFoundPerCompany) {
  auto boards = call("GET", "/deal-boards");
  ASSERT_EQ(boards.status, 200) << boards.body;
  EXPECT_EQ(boards.body,
            R"([{"id":1,"name":"Sales pipeline","isActive":true,"isDefault":true},)"
            R"({"id":34628319,"name":"Project sales","isActive":true,"isDefault":false}])");
  auto reasons = call("GET", "/deal-missed-reasons/39733557");
  ASSERT_EQ(reasons.status, 200) << reasons.body;
  EXPECT_EQ(reasons.body, R"({"id":39733557,"name":"Chose a competitor's offer","isActive":true})");
  auto label = call("GET", "/deal-labels/1002");
  EXPECT_EQ(label.body, R"({"id":1002,"name":"Priority","isActive":true,"color":"#F4511E"})");
  // Another company's entries are not found through this company.
  const TestCompany plain = server_.add_company(false);
  const std::string theirs = "/admin/v1/companies/" + std::to_string(plain.id);
  for (const char* path : {"/deal-boards/34628319", "/deal-stages/5507", "/deal-labels/1002",
                           "/deal-missed-reasons/39733557"}) {
    SCOPED_TRACE(path);
    problem(client_.request("GET", theirs + path, admin_headers()), 404);
    problem(client_.request("DELETE", theirs + path, admin_headers()), 404);
  }
  EXPECT_EQ(call("GET", "/deal-stages/5507").status, 200);
}

}  // namespace
}  // namespace ov::test
