// The Venio doc request examples of the Case section, replayed verbatim on the demo data, and
// our reply held against the one complete response example the Venio docs publish (Edit Case
// by CaseNo, ENDPOINTS.md §4.4.2).
#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <regex>
#include <string>
#include <vector>

#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// The Venio docs' 200 response of Edit Case by CaseNo, verbatim
// (shared/reference/venio-docs-edit-case-by-caseno.txt).
constexpr const char* kDocEditCaseResponse = R"doc({
  "status": {
    "code": "1000",
    "description": "Success"
  },
  "data": {
    "data": {
      "feedbackId": 67941,
      "companyId": 507,
      "customerId": 705693,
      "feedbackNo": "T250200010",
      "subject": "Create new case (Edit)",
      "statusId": 201,
      "feedbackTypeId": 592,
      "feedbackFromId": 50642,
      "feedbackFromName": "𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand",
      "note": "Bff description",
      "assignedToUserId": "6d473b8f-a6b3-4536-b1e6-f4b7688414e2",
      "dateAssigned": "2025-02-06T09:41:33+0700",
      "dateCase": "2025-02-05T17:35:53+0700",
      "dateDue": "2025-02-05T17:35:53+0700",
      "createdByUserId": "23108b99-ee24-43c4-b9e7-58dc6a4e16a2",
      "dateCreated": "2025-02-06T09:41:33+0700",
      "updatedByUserId": "23108b99-ee24-43c4-b9e7-58dc6a4e16a2",
      "dateUpdated": "2025-02-06T09:55:04+0700",
      "dateLatestAnswer": "2025-02-06T09:41:33+0700"
    },
    "statusCode": 1000,
    "httpStatusCode": 200
  }
})doc";

// The instant of the documented edit, 2025-02-06T09:55:04+0700: with the clock there, our
// reply's audit dates can be held to the documented ones exactly.
constexpr core::UnixSeconds kDocEditInstant = 1738810504;

TestServerOptions at_doc_edit_instant() {
  TestServerOptions o;
  o.fixed_time = kDocEditInstant;
  return o;
}

// The JSON type as the documented example distinguishes it.
std::string kind_of(const rapidjson::Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsString()) return "string";
  if (v.IsBool()) return "bool";
  if (v.IsInt64()) return "integer";
  if (v.IsNumber()) return "number";
  if (v.IsArray()) return "array";
  return "object";
}

rapidjson::Document documented() {
  rapidjson::Document d;
  d.Parse(kDocEditCaseResponse);
  EXPECT_FALSE(d.HasParseError());
  return d;
}

class DocExamples : public ::testing::Test {
 protected:
  TestServer server_{at_doc_edit_instant()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(DocExamples, DocumentedResponseIsTheReferenceShape) {
  // Guards the embedded copy: 2 + 3 + 19 keys as on the doc page.
  auto doc = documented();
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  EXPECT_EQ(keys_of(doc["data"]),
            (std::vector<std::string>{"data", "statusCode", "httpStatusCode"}));
  EXPECT_EQ(doc["data"]["data"].MemberCount(), 19u);
}

TEST_F(DocExamples, AddCaseExampleSucceeds) {
  auto res = client_.request("POST", "/v1/case", company_.auth_json(), kDocAddCaseExample);
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 1000);
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 200);
  const auto& c = doc["data"]["data"];
  // February 2025 continues after the documented T250200010.
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250200011");
  EXPECT_STREQ(c["subject"].GetString(), "Create new case");
  EXPECT_EQ(c["statusId"].GetInt(), 201);
  EXPECT_EQ(c["feedbackTypeId"].GetInt(), 1);
  EXPECT_STREQ(c["dateCase"].GetString(), "2025-02-05T17:35:53+0700");
  EXPECT_STREQ(c["dateDue"].GetString(), "2025-02-05T17:35:53+0700");
  EXPECT_STREQ(c["createdByUserId"].GetString(), "23108b99-ee24-43c4-b9e7-58dc6a4e16a2");
  EXPECT_STREQ(c["dateCreated"].GetString(), "2025-02-06T09:55:04+0700");
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(c["feedbackFromName"].GetString(), "𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand");
  EXPECT_EQ(to_json(c["activityNos"]), R"(["A20250200028","A20250200029"])");
  EXPECT_EQ(to_json(c["dealNos"]), R"(["D241200044","D241200047"])");
  EXPECT_STREQ(c["note"].GetString(), "description");
  EXPECT_STREQ(c["assignedToUserId"].GetString(), "6d473b8f-a6b3-4536-b1e6-f4b7688414e2");
  EXPECT_EQ(c["feedbackCategoryId"].GetInt64(), 2140016585);
}

TEST_F(DocExamples, EditCaseExampleMatchesTheDocumentedResponse) {
  auto res =
      client_.request("PUT", "/v1/case/T250200010", company_.auth_json(), kDocEditCaseExample);
  ASSERT_EQ(res.status, 200) << res.body;
  auto ours = res.json();
  auto doc = documented();
  ASSERT_TRUE(ours.IsObject());

  // Envelope: same keys in the same order, same status object, integer codes.
  EXPECT_EQ(keys_of(ours), keys_of(doc));
  EXPECT_EQ(to_json(ours["status"]), to_json(doc["status"]));
  ASSERT_TRUE(ours["data"].IsObject());
  EXPECT_EQ(keys_of(ours["data"]), keys_of(doc["data"]));
  ASSERT_TRUE(ours["data"]["statusCode"].IsInt());
  ASSERT_TRUE(ours["data"]["httpStatusCode"].IsInt());
  EXPECT_EQ(ours["data"]["statusCode"].GetInt(), doc["data"]["statusCode"].GetInt());
  EXPECT_EQ(ours["data"]["httpStatusCode"].GetInt(), doc["data"]["httpStatusCode"].GetInt());

  // Payload: the documented 19 keys in order with the documented JSON types, then exactly the
  // four additive keys.
  const auto& got = ours["data"]["data"];
  const auto& want = doc["data"]["data"];
  ASSERT_TRUE(got.IsObject());
  const auto got_keys = keys_of(got);
  const auto want_keys = keys_of(want);
  ASSERT_EQ(got_keys.size(), want_keys.size() + 4) << res.body;
  for (std::size_t i = 0; i < want_keys.size(); ++i) {
    SCOPED_TRACE(want_keys[i]);
    EXPECT_EQ(got_keys[i], want_keys[i]);
    const auto& g = got[got_keys[i].c_str()];
    const auto& w = want[want_keys[i].c_str()];
    EXPECT_EQ(kind_of(g), kind_of(w));
  }
  EXPECT_EQ(
      std::vector<std::string>(got_keys.begin() + 19, got_keys.end()),
      (std::vector<std::string>{"feedbackCategoryId", "customerCode", "activityNos", "dealNos"}));

  const std::regex date(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0700$)");
  for (const char* key :
       {"dateAssigned", "dateCase", "dateDue", "dateCreated", "dateUpdated", "dateLatestAnswer"}) {
    SCOPED_TRACE(key);
    ASSERT_TRUE(got[key].IsString());
    EXPECT_TRUE(std::regex_match(got[key].GetString(), date)) << got[key].GetString();
    // Sent with .693 and returned truncated; the audit dates are the seeded creation and the
    // documented edit instant.
    EXPECT_STREQ(got[key].GetString(), want[key].GetString());
  }

  // Values that are the documented ones by construction of the demo data.
  for (const char* key : {"feedbackNo", "statusId", "feedbackFromName", "assignedToUserId",
                          "createdByUserId", "updatedByUserId"}) {
    SCOPED_TRACE(key);
    EXPECT_EQ(to_json(got[key]), to_json(want[key]));
  }
  EXPECT_STREQ(got["feedbackNo"].GetString(), "T250200010");
  EXPECT_STREQ(got["createdByUserId"].GetString(), "23108b99-ee24-43c4-b9e7-58dc6a4e16a2");
  EXPECT_STREQ(got["updatedByUserId"].GetString(), "23108b99-ee24-43c4-b9e7-58dc6a4e16a2");
  EXPECT_STREQ(got["assignedToUserId"].GetString(), "6d473b8f-a6b3-4536-b1e6-f4b7688414e2");
  // The demo data takes the documented internal ids in a fresh database.
  EXPECT_EQ(got["feedbackId"].GetInt64(), 67941);
  EXPECT_EQ(got["customerId"].GetInt64(), 705693);

  // Values that differ from the example by design (§4.4): ours are what was sent and what the
  // tenant is.
  EXPECT_EQ(got["companyId"].GetInt64(), company_.id);
  EXPECT_STREQ(got["subject"].GetString(), "Update Case");
  EXPECT_STREQ(got["note"].GetString(), "description");
  EXPECT_EQ(got["feedbackTypeId"].GetInt(), 1);
  EXPECT_EQ(got["feedbackFromId"].GetInt64(), got["customerId"].GetInt64());

  // The additive keys.
  ASSERT_TRUE(got["feedbackCategoryId"].IsInt64());
  EXPECT_EQ(got["feedbackCategoryId"].GetInt64(), 2140016585);
  EXPECT_STREQ(got["customerCode"].GetString(), "C000154");
  EXPECT_EQ(to_json(got["activityNos"]), R"(["A20250200028","A20250200029"])");
  EXPECT_EQ(to_json(got["dealNos"]), R"(["D241200044","D241200047"])");

  // Get Case by CaseNo afterwards: the identical payload.
  auto again = client_.request("GET", "/v1/case/T250200010", company_.auth());
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, res.body);
}

}  // namespace
}  // namespace ov::test
