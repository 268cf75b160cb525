// The Activity section over HTTP (ENDPOINTS.md §4.2) in envelope family S: every endpoint's
// success and error paths, the status table pair by pair, numbering under concurrent creates,
// on a demo company with a fixed clock.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-02-14T12:00:00+0700: new activities continue February 2025 after the demo's 29th.
constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr const char* kAssignee = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2";
constexpr const char* kSecondUser = "0f8e2c6a-5b1d-4e7f-9a3c-2d4b6e8f1a20";
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";

const std::vector<std::string> kActivityKeys = {"activityId",
                                                "teamId",
                                                "activityNo",
                                                "subject",
                                                "groupId",
                                                "activityTypeId",
                                                "isActive",
                                                "statusId",
                                                "isAdHoc",
                                                "assignToUserId",
                                                "dateAppointmentStart",
                                                "dateAppointmentEnd",
                                                "startLocation",
                                                "startLocationName",
                                                "visitLatitude",
                                                "visitLongitude",
                                                "visitLocation",
                                                "visitLocationName",
                                                "visitPlaceId",
                                                "dateCheckIn",
                                                "dateCheckOut",
                                                "customerId",
                                                "customerCode",
                                                "customerName",
                                                "keyActivityIds",
                                                "dealNos",
                                                "note",
                                                "createdByUserId",
                                                "dateCreated",
                                                "modifiedByUserId",
                                                "dateModified"};

Body create_body() {
  Body b;
  b.str("subject", "เยี่ยมลูกค้า Oasis Spa")
      .set("activityTypeId", "1")
      .str("customerCode", "C000154")
      .str("dateAppointmentStart", "2025-02-20T10:00:00+0700")
      .str("dateAppointmentEnd", "2025-02-20T11:30:00+0700")
      .str("assignToUserId", kAssignee)
      .set("keyActivityIds", "[1,3]")
      .set("dealNos", R"(["D241200044"])")
      .str("note", "Bring the new brochure")
      .str("visitLocation", "1 Sukhumvit Road, Khlong Toei, Bangkok 10110")
      .str("visitLocationName", "Head office")
      .set("visitLatitude", "13.7367")
      .set("visitLongitude", "100.5603");
  return b;
}

class ActivityApi : public ::testing::Test {
 protected:
  HttpResponse post(const std::string& path, const std::string& body) {
    return client_.request("POST", path, company_.auth_json(), body);
  }
  HttpResponse upsert(const std::string& body) { return post("/v2/activities", body); }
  HttpResponse enquiry(const std::string& body) { return post("/v2/activities/enquiry", body); }
  HttpResponse get(const std::string& target) {
    return client_.request("GET", target, company_.auth());
  }
  // The payload of a successful family-S reply; fails the test on anything else.
  rapidjson::Document payload_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data")) out.CopyFrom(doc["data"], out.GetAllocator());
    return out;
  }
  rapidjson::Document create(const Body& b) { return payload_of(upsert(b.json())); }
  // An activity's number after a create.
  std::string create_no(const Body& b) {
    auto a = create(b);
    return a.IsObject() ? a["activityNo"].GetString() : "";
  }
  std::vector<std::string> numbers_of(const rapidjson::Value& list) {
    std::vector<std::string> out;
    for (const auto& a : list.GetArray()) out.emplace_back(a["activityNo"].GetString());
    return out;
  }

  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Create or Update Activity

TEST_F(ActivityApi, CreateReturnsTheFullActivityObject) {
  auto res = upsert(create_body().json());
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  const auto& a = doc["data"];
  EXPECT_EQ(keys_of(a), kActivityKeys);
  ASSERT_TRUE(a["activityId"].IsInt64());
  EXPECT_EQ(a["activityId"].GetInt64(),
            server_.scalar("SELECT activity_id FROM activities WHERE company_id = ? AND "
                           "activity_no = 'A20250200030'",
                           {company_.id}));
  EXPECT_EQ(a["teamId"].GetInt64(), 1);
  EXPECT_STREQ(a["activityNo"].GetString(), "A20250200030");
  EXPECT_STREQ(a["subject"].GetString(), "เยี่ยมลูกค้า Oasis Spa");
  EXPECT_TRUE(a["groupId"].IsNull());
  EXPECT_EQ(a["activityTypeId"].GetInt(), 1);
  EXPECT_TRUE(a["isActive"].GetBool());
  EXPECT_EQ(a["statusId"].GetInt(), 1);
  EXPECT_FALSE(a["isAdHoc"].GetBool());
  EXPECT_STREQ(a["assignToUserId"].GetString(), kAssignee);
  EXPECT_STREQ(a["dateAppointmentStart"].GetString(), "2025-02-20T10:00:00+0700");
  EXPECT_STREQ(a["dateAppointmentEnd"].GetString(), "2025-02-20T11:30:00+0700");
  EXPECT_TRUE(a["startLocation"].IsNull());
  EXPECT_TRUE(a["startLocationName"].IsNull());
  EXPECT_EQ(to_json(a["visitLatitude"]), "13.7367");
  EXPECT_EQ(to_json(a["visitLongitude"]), "100.5603");
  EXPECT_STREQ(a["visitLocationName"].GetString(), "Head office");
  EXPECT_TRUE(a["visitPlaceId"].IsNull());
  EXPECT_TRUE(a["dateCheckIn"].IsNull());
  EXPECT_TRUE(a["dateCheckOut"].IsNull());
  EXPECT_EQ(a["customerId"].GetInt64(), server_.customer_id("C000154", company_));
  EXPECT_STREQ(a["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(a["customerName"].GetString(), "𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand");
  EXPECT_EQ(to_json(a["keyActivityIds"]), "[1,3]");
  EXPECT_EQ(to_json(a["dealNos"]), R"(["D241200044"])");
  EXPECT_STREQ(a["note"].GetString(), "Bring the new brochure");
  EXPECT_STREQ(a["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(a["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(a["modifiedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(a["dateModified"].GetString(), kNowText);
  // Numbers continue the month in the company's zone.
  EXPECT_EQ(create_no(create_body()), "A20250200031");
}

TEST_F(ActivityApi, EveryReadPathAnswersTheSamePayload) {
  auto created = upsert(create_body().json());
  ASSERT_EQ(created.status, 200);
  const auto id = std::to_string(created.json()["data"]["activityId"].GetInt64());
  auto v2 = get("/v2/activities/" + id);
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_EQ(v2.body, created.body);
  // The legacy path of the older docs, in its own spelling.
  EXPECT_EQ(get("/v1/Activities/" + id).body, created.body);
  EXPECT_EQ(get("/v1/activities/" + id).body, created.body);
  // Numbers compare case-insensitively.
  EXPECT_EQ(get("/v2/activities/no/a20250200030").body, created.body);
  EXPECT_EQ(get("/dev/v2/activities/no/A20250200030").body, created.body);
}

TEST_F(ActivityApi, UnknownActivitiesAreNotFound) {
  auto by_id = get("/v2/activities/999999999");
  EXPECT_EQ(by_id.status, 404);
  EXPECT_EQ(by_id.body,
            one_problem_body(api::Family::kS, "activityId 999999999 was not found", 404));
  EXPECT_EQ(get("/v1/activities/999999999").body, by_id.body);
  auto by_no = get("/v2/activities/no/A20990100001");
  EXPECT_EQ(by_no.status, 404);
  EXPECT_EQ(by_no.body,
            one_problem_body(api::Family::kS, "activityNo A20990100001 was not found", 404));
  // A value longer than any number names no activity.
  auto long_no = get("/v2/activities/no/" + std::string(51, 'A'));
  EXPECT_EQ(long_no.status, 404);
  EXPECT_EQ(
      long_no.body,
      one_problem_body(api::Family::kS,
                       "Activity numbers are at most 50 characters; no such activity exists", 404));
  // A non-numeric id matches no route (the gateway body).
  auto word = get("/v2/activities/A20250200028");
  EXPECT_EQ(word.status, 404);
  EXPECT_EQ(word.body, R"({"statusCode":404,"message":"Resource not found"})");
  // Updating a number that does not exist.
  auto update = upsert(create_body().str("activityNo", "A20990100001").json());
  EXPECT_EQ(update.status, 404);
  EXPECT_EQ(update.body,
            one_problem_body(api::Family::kS, "activityNo A20990100001 was not found", 404));
}

TEST_F(ActivityApi, AnUpdateKeepsOmittedFieldsClearsNullsAndReplacesLists) {
  const auto no = create_no(create_body());
  server_.fixed_clock()->advance(600);
  Body edit;
  edit.str("activityNo", no)
      .str("subject", "Visit moved")
      .set("activityTypeId", "2")
      .str("dateAppointmentStart", "2025-02-21T10:00:00+0700")
      .str("dateAppointmentEnd", "2025-02-21T10:00:00+0700")
      .str("assignToUserId", kSecondUser)
      .set("note", "null")
      .set("keyActivityIds", "[]");
  auto a = payload_of(upsert(edit.json()));
  EXPECT_STREQ(a["activityNo"].GetString(), no.c_str());
  EXPECT_STREQ(a["subject"].GetString(), "Visit moved");
  EXPECT_EQ(a["activityTypeId"].GetInt(), 2);
  EXPECT_STREQ(a["assignToUserId"].GetString(), kSecondUser);
  EXPECT_TRUE(a["note"].IsNull());
  EXPECT_EQ(to_json(a["keyActivityIds"]), "[]");
  // Omitted: kept.
  EXPECT_EQ(to_json(a["dealNos"]), R"(["D241200044"])");
  EXPECT_STREQ(a["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(a["visitLocationName"].GetString(), "Head office");
  EXPECT_STREQ(a["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(a["dateModified"].GetString(), "2025-02-14T12:10:00+0700");
  // The number in any case names the same activity.
  auto again =
      upsert(edit.str("activityNo", "a" + no.substr(1)).set("customerCode", "null").json());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json()["data"]["customerId"].IsNull());
  EXPECT_TRUE(again.json()["data"]["customerName"].IsNull());
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM activities WHERE company_id = ?", {company_.id}),
            3);
}

TEST_F(ActivityApi, EveryStatusPairFollowsTheTable) {
  // ENDPOINTS.md §4.2: from each status, reached the allowed way, to each status.
  const bool allowed[5][5] = {
      {},
      {false, true, true, true, true},
      {false, false, true, true, true},
      {false, false, false, true, false},
      {false, false, false, false, true},
  };
  for (int from = 1; from <= 4; ++from) {
    for (int to = 1; to <= 4; ++to) {
      SCOPED_TRACE(std::to_string(from) + " -> " + std::to_string(to));
      auto body = create_body();
      const auto no = create_no(body);
      body.str("activityNo", no);
      if (from == 2 || from == 3 || from == 4) {
        if (from == 3) {
          ASSERT_EQ(upsert(body.set("statusId", "2").json()).status, 200);
        }
        ASSERT_EQ(upsert(body.set("statusId", std::to_string(from)).json()).status, 200);
      }
      auto res = upsert(body.set("statusId", std::to_string(to)).json());
      if (allowed[from][to]) {
        ASSERT_EQ(res.status, 200) << res.body;
        EXPECT_EQ(res.json()["data"]["statusId"].GetInt(), to);
      } else {
        EXPECT_EQ(res.body, one_problem_body("Activity status cannot change from " +
                                             std::to_string(from) + " to " + std::to_string(to)));
      }
    }
  }
}

TEST_F(ActivityApi, CheckInAndCheckOutStampTheirDatesUnlessGiven) {
  auto body = create_body();
  const auto no = create_no(body);
  body.str("activityNo", no);
  server_.fixed_clock()->advance(60);
  auto in = payload_of(upsert(body.set("statusId", "2").json()));
  EXPECT_STREQ(in["dateCheckIn"].GetString(), "2025-02-14T12:01:00+0700");
  EXPECT_TRUE(in["dateCheckOut"].IsNull());
  auto out = payload_of(upsert(
      body.set("statusId", "3").str("dateCheckOut", "2025-02-14T12:45:00.500+07:00").json()));
  EXPECT_STREQ(out["dateCheckIn"].GetString(), "2025-02-14T12:01:00+0700");
  EXPECT_STREQ(out["dateCheckOut"].GetString(), "2025-02-14T12:45:00+0700");
  // A check-out before the stored check-in is a broken rule.
  auto early = create_body().set("statusId", "2").str("dateCheckIn", "2025-02-14T09:00:00");
  const auto second = create_no(early);
  auto res = upsert(early.str("activityNo", second)
                        .str("dateCheckOut", "2025-02-14T08:00:00")
                        .erase("dateCheckIn")
                        .json());
  EXPECT_EQ(res.body, one_problem_body("dateCheckOut must not be earlier than dateCheckIn"));
}

TEST_F(ActivityApi, StatusFourIsNoWayToCreate) {
  auto res = upsert(create_body().set("statusId", "4").json());
  EXPECT_EQ(res.body, one_problem_body("statusId of a new activity must be 1, 2 or 3"));
  EXPECT_EQ(create_no(create_body().set("statusId", "3")), "A20250200030");
}

// ---------------------------------------------------------------------------------------------
// Bad input

TEST_F(ActivityApi, EveryMissingRequiredFieldIsListed) {
  auto res = upsert("{}");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, problems_body({{"subject", "subject is required"},
                                     {"activityTypeId", "activityTypeId is required"},
                                     {"dateAppointmentStart", "dateAppointmentStart is required"},
                                     {"dateAppointmentEnd", "dateAppointmentEnd is required"},
                                     {"assignToUserId", "assignToUserId is required"}}));
}

TEST_F(ActivityApi, BadValuesAreRefusedOneByOne) {
  struct Case {
    Body body;
    std::string message;
  };
  const std::vector<Case> cases = {
      {create_body().set("activityTypeId", "6"), "activityTypeId must be between 1 and 5"},
      {create_body().set("activityTypeId", "\"visit\""), "activityTypeId must be an integer"},
      {create_body().set("statusId", "0"), "statusId must be between 1 and 4"},
      {create_body().set("isAdHoc", "\"maybe\""), "isAdHoc must be a boolean"},
      {create_body().set("visitLatitude", "90.5"), "visitLatitude must be between -90 and 90"},
      {create_body().set("visitLongitude", "-180.01"),
       "visitLongitude must be between -180 and 180"},
      {create_body().set("visitLongitude", "\"east\""), "visitLongitude must be a number"},
      {create_body().str("dateAppointmentEnd", "2025-02-20T09:59:59+0700"),
       "dateAppointmentEnd must not be earlier than dateAppointmentStart"},
      {create_body().str("dateAppointmentStart", "2025-02-30"),
       "dateAppointmentStart is not a valid date"},
      {create_body().str("dateCheckIn", "2025-02-20T10:00:00").str("dateCheckOut", "2025-02-20"),
       "dateCheckOut must not be earlier than dateCheckIn"},
      {create_body().str("subject", std::string(501, 'x')),
       "subject must be at most 500 characters"},
      {create_body().str("note", std::string(4001, 'x')), "note must be at most 4000 characters"},
      {create_body().str("visitPlaceId", std::string(501, 'x')),
       "visitPlaceId must be at most 500 characters"},
      {create_body().str("activityNo", std::string(51, 'A')),
       "activityNo must be at most 50 characters"},
      {create_body().str("assignToUserId", "staff01"), "assignToUserId must be a GUID"},
      {create_body().set("dealNos", "\"D241200044\""), "dealNos must be an array of strings"},
      {create_body().set("keyActivityIds", "[1,\"x\"]"),
       "keyActivityIds[1] must be an integer between 1 and 9223372036854775807"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message);
    auto res = upsert(c.body.json());
    EXPECT_EQ(res.status, 400);
    EXPECT_EQ(res.body, one_problem_body(c.message));
  }
  std::string many = "[";
  for (int i = 1; i <= 51; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
  EXPECT_EQ(upsert(create_body().set("keyActivityIds", many + "]").json()).body,
            one_problem_body("keyActivityIds must have at most 50 items"));
  // Nothing was written, and no number was taken.
  EXPECT_EQ(create_no(create_body()), "A20250200030");
}

TEST_F(ActivityApi, UnknownReferencesAreNotFound) {
  server_.exec(
      "UPDATE key_activities SET is_active = 0 WHERE company_id = ? AND key_activity_id = 4",
      {company_.id});
  server_.exec("UPDATE users SET is_active = 0 WHERE company_id = ? AND user_id = ?",
               {company_.id, std::string_view(kSecondUser)});
  struct Case {
    Body body;
    std::string message;
  };
  const std::vector<Case> cases = {
      {create_body().str("customerCode", "C999999"), "customerCode C999999 was not found"},
      {create_body().str("assignToUserId", "00000000-0000-4000-8000-000000000000"),
       "assignToUserId 00000000-0000-4000-8000-000000000000 was not found"},
      {create_body().str("assignToUserId", kSecondUser),
       std::string("assignToUserId ") + kSecondUser + " was not found"},
      {create_body().str("assignToUserId", kApiUser),
       std::string("assignToUserId ") + kApiUser + " was not found"},
      {create_body().set("keyActivityIds", "[1,99]"), "keyActivityId 99 was not found"},
      {create_body().set("keyActivityIds", "[4]"), "keyActivityId 4 was not found"},
      {create_body().set("dealNos", R"(["D241200047","D000000001"])"),
       "Deal D000000001 was not found"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message);
    auto res = upsert(c.body.json());
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.body, one_problem_body(api::Family::kS, c.message, 404));
  }
  EXPECT_EQ(create_no(create_body()), "A20250200030");
}

// ---------------------------------------------------------------------------------------------
// Activities Enquiry

class ActivityEnquiry : public ActivityApi {
 protected:
  void SetUp() override {
    // Twelve activities over three days, two assignees, mixed types and statuses; pairs share a
    // start time so that only the tie-break orders them.
    for (int i = 0; i < 12; ++i) {
      auto b = create_body();
      const int day = 20 + i / 4;
      const int hour = 9 + (i % 4) / 2;
      const std::string start = "2025-02-" + std::to_string(day) + "T" + (hour < 10 ? "0" : "") +
                                std::to_string(hour) + ":00:00+0700";
      b.str("dateAppointmentStart", start).str("dateAppointmentEnd", start);
      b.set("activityTypeId", std::to_string(1 + i % 3));
      if (i % 2) b.str("assignToUserId", kSecondUser);
      if (i % 3 == 0) b.erase("customerCode");
      if (i == 5) b.str("subject", "Call about the invoice (ใบแจ้งหนี้)");
      if (i % 4 == 3) b.set("statusId", "3");
      ASSERT_EQ(upsert(b.json()).status, 200);
    }
  }
};

TEST_F(ActivityEnquiry, DefaultOrderIsNewestStartFirstWithATotal) {
  auto res = enquiry(R"({"take":50})");
  ASSERT_EQ(res.status, 200) << res.body;
  // The twelve and the two demo activities.
  EXPECT_EQ(res.header("x-total-count"), "14");
  auto doc = res.json();
  const auto& list = doc["data"];
  ASSERT_EQ(list.Size(), 14u);
  for (rapidjson::SizeType i = 1; i < list.Size(); ++i) {
    const std::string prev = list[i - 1]["dateAppointmentStart"].GetString();
    const std::string cur = list[i]["dateAppointmentStart"].GetString();
    EXPECT_GE(prev, cur);
    // Ties broken by activityId, the later-created first.
    if (prev == cur) {
      EXPECT_GT(list[i - 1]["activityId"].GetInt64(), list[i]["activityId"].GetInt64());
    }
  }
  EXPECT_EQ(keys_of(list[0]), kActivityKeys);
  EXPECT_STREQ(list[13]["activityNo"].GetString(), "A20250200028");
}

TEST_F(ActivityEnquiry, PagesReturnEveryMatchExactlyOnce) {
  std::vector<std::string> all = numbers_of(enquiry(R"({"take":100})").json()["data"]);
  for (const char* order : {"", R"(,"orderBy":"activityTypeId desc, subject")",
                            R"(,"orderBy":"customerName")", R"(,"orderBy":"statusId asc")"}) {
    SCOPED_TRACE(order);
    std::vector<std::string> paged;
    for (int skip = 0; skip < 20; skip += 5) {
      auto res = enquiry(R"({"take":5,"skip":)" + std::to_string(skip) + order + "}");
      ASSERT_EQ(res.status, 200) << res.body;
      EXPECT_EQ(res.header("x-total-count"), "14");
      auto page = numbers_of(res.json()["data"]);
      paged.insert(paged.end(), page.begin(), page.end());
    }
    std::set<std::string> distinct(paged.begin(), paged.end());
    EXPECT_EQ(paged.size(), 14u);
    EXPECT_EQ(distinct, std::set<std::string>(all.begin(), all.end()));
  }
}

TEST_F(ActivityEnquiry, EveryFilterNarrowsTheList) {
  auto total = [&](const std::string& body) {
    auto res = enquiry(body);
    EXPECT_EQ(res.status, 200) << body << " " << res.body;
    return res.header("x-total-count");
  };
  EXPECT_EQ(total(std::string(R"({"take":10,"assignToUserIds":[")") + kSecondUser + R"("]})"), "6");
  EXPECT_EQ(total(R"({"take":10,"assignToUserIds":["6D473B8F-A6B3-4536-B1E6-F4B7688414E2"]})"),
            "8");
  EXPECT_EQ(total(R"({"take":10,"statusIds":[3]})"), "4");
  EXPECT_EQ(total(R"({"take":10,"statusIds":[1,3]})"), "14");
  EXPECT_EQ(total(R"({"take":10,"activityTypeIds":[2]})"), "4");
  EXPECT_EQ(total(R"({"take":10,"customerCode":"c000154"})"), "10");
  EXPECT_EQ(total(R"({"take":10,"customerCode":"C999999"})"), "0");
  EXPECT_EQ(total(R"({"take":10,"activityNo":"a20250200035"})"), "1");
  // Inclusive at both ends; a date-only dateTo is the whole local day.
  EXPECT_EQ(total(R"({"take":10,"dateFrom":"2025-02-21T09:00:00+0700","dateTo":"2025-02-21"})"),
            "4");
  EXPECT_EQ(total(R"({"take":10,"dateFrom":"2025-02-21T10:00:00+0700",)"
                  R"("dateTo":"2025-02-22T09:00:00+0700"})"),
            "4");
  EXPECT_EQ(total(std::string(R"({"take":10,"dateFrom":"2025-02-20","dateTo":"2025-02-20",)") +
                  R"("assignToUserIds":[")" + kSecondUser + R"("],"statusIds":[3]})"),
            "1");
  // Empty lists filter nothing.
  EXPECT_EQ(total(R"({"take":10,"statusIds":[],"assignToUserIds":[],"activityTypeIds":[]})"), "14");
  // Deleted activities are in no list.
  server_.exec("UPDATE activities SET is_active = 0 WHERE company_id = ? AND activity_no = ?",
               {company_.id, std::string_view("A20250200030")});
  EXPECT_EQ(total(R"({"take":10})"), "13");
  EXPECT_EQ(get("/v2/activities/no/A20250200030").status, 200);
}

TEST_F(ActivityEnquiry, KeywordsMatchNumbersSubjectsAndCustomerNamesInAnyCase) {
  auto numbers = [&](const std::string& keyword) {
    auto res = enquiry(R"({"take":50,"keyword":)" + quote(keyword) + "}");
    EXPECT_EQ(res.status, 200) << res.body;
    auto n = numbers_of(res.json()["data"]);
    std::sort(n.begin(), n.end());
    return n;
  };
  // A Thai substring inside a word of the subject.
  EXPECT_EQ(numbers("แจ้งหนี้"), (std::vector<std::string>{"A20250200035"}));
  EXPECT_EQ(numbers("INVOICE"), (std::vector<std::string>{"A20250200035"}));
  EXPECT_EQ(numbers("a2025020003"),
            (std::vector<std::string>{
                "A20250200030", "A20250200031", "A20250200032", "A20250200033", "A20250200034",
                "A20250200035", "A20250200036", "A20250200037", "A20250200038", "A20250200039"}));
  // The customer's name (the demo activities are at C000154 too, with other subjects).
  EXPECT_EQ(numbers("thailand").size(), 10u);
  EXPECT_EQ(numbers("  เยี่ยม  ").size(), 11u);  // trimmed; the invoice call is not a visit
  EXPECT_TRUE(numbers("100%").empty());
  // Blank is no keyword.
  EXPECT_EQ(numbers("   ").size(), 14u);
  auto res = enquiry(R"({"take":2,"keyword":"oasis"})");
  // Eleven subjects and the two demo activities name Oasis.
  EXPECT_EQ(res.header("x-total-count"), "13");
  EXPECT_EQ(res.json()["data"].Size(), 2u);
}

TEST_F(ActivityApi, BadEnquiriesAreRefused) {
  EXPECT_EQ(enquiry("{}").body, one_problem_body("take is required"));
  EXPECT_EQ(enquiry(R"({"take":0})").body, one_problem_body("take must be at least 1"));
  EXPECT_EQ(enquiry(R"({"take":5,"orderBy":"priority"})").body,
            one_problem_body("orderBy field priority is not a sortable field"));
  EXPECT_EQ(enquiry(R"({"take":5,"statusIds":[5]})").body,
            one_problem_body("statusIds[0] must be an integer between 1 and 4"));
  EXPECT_EQ(enquiry(R"({"take":5,"assignToUserIds":["staff01"]})").body,
            one_problem_body("assignToUserIds[0] must be a GUID"));
  EXPECT_EQ(enquiry(R"({"take":5,"dateFrom":"2025-02-02","dateTo":"2025-02-01"})").body,
            one_problem_body("dateTo must not be earlier than dateFrom"));
  EXPECT_EQ(enquiry(R"({"take":5,"dateFrom":"yesterday","keyword":7})").body,
            problems_body({{"dateFrom", "dateFrom is not a valid date"},
                           {"keyword", "keyword must be a string"}}));
  // A take beyond 1000 is capped, not refused.
  EXPECT_EQ(enquiry(R"({"take":100000})").status, 200);
}

// ---------------------------------------------------------------------------------------------
// Get Key Activities

TEST_F(ActivityApi, KeyActivitiesAreListedByName) {
  auto res = get("/v2/activities/key-activities");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "7");
  auto doc = res.json();
  ASSERT_EQ(doc["data"].Size(), 7u);
  EXPECT_EQ(to_json(doc["data"][0]),
            R"({"keyActivityId":7,"keyActivityName":"After-sales service","isActive":true})");
  server_.exec(
      "UPDATE key_activities SET is_active = 0 WHERE company_id = ? AND key_activity_id = 7",
      {company_.id});
  EXPECT_EQ(get("/v2/activities/key-activities").header("x-total-count"), "6");
  auto all = get("/v2/activities/key-activities?isActive=false");
  EXPECT_EQ(all.header("x-total-count"), "7");
  EXPECT_FALSE(all.json()["data"][0]["isActive"].GetBool());
  EXPECT_EQ(get("/v2/activities/key-activities?isActive=maybe").body,
            one_problem_body("isActive must be true or false"));
}

// ---------------------------------------------------------------------------------------------
// Numbering under concurrency, and the cases that link activities

TEST_F(ActivityApi, TwoHundredConcurrentCreatesGetConsecutiveNumbers) {
  constexpr int kThreads = 20;
  constexpr int kPerThread = 10;
  std::mutex mutex;
  std::vector<std::string> numbers, failures;
  std::vector<std::thread> threads;
  const std::string body = create_body().json();
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto client = server_.client();
      for (int i = 0; i < kPerThread; ++i) {
        auto res = client.request("POST", "/v2/activities", company_.auth_json(), body);
        std::lock_guard lock(mutex);
        if (res.status == 200) {
          numbers.emplace_back(res.json()["data"]["activityNo"].GetString());
        } else {
          failures.push_back(res.body);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(failures.empty()) << failures.front();
  std::sort(numbers.begin(), numbers.end());
  ASSERT_EQ(numbers.size(), 200u);
  // A20250200030 … A20250200229: unique and without gaps.
  for (int i = 0; i < 200; ++i) {
    char expected[16];
    std::snprintf(expected, sizeof expected, "A202502%05d", 30 + i);
    ASSERT_EQ(numbers[i], expected);
  }
}

TEST_F(ActivityApi, CasesLinkOnlyActivitiesThatAreNotDeleted) {
  // The case examples' activities are real ones now.
  EXPECT_EQ(post("/v1/case", kDocAddCaseExample).status, 200);
  server_.exec("UPDATE activities SET is_active = 0 WHERE company_id = ? AND activity_no = ?",
               {company_.id, std::string_view("A20250200029")});
  auto res = post("/v1/case", kDocAddCaseExample);
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body,
            one_problem_body(api::Family::kSN, "Activity A20250200029 was not found", 404));
}

TEST(ActivityServers, NumbersStayConsecutiveAcrossTwoServers) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  const auto numbers =
      numbers_from_two_servers("/v2/activities", create_body().json(), "/data/activityNo", 20, 10);
  ASSERT_EQ(numbers.size(), 200u);
  expect_consecutive(numbers, 7);
}

}  // namespace
}  // namespace ov::test
