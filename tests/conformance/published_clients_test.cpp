// Requests as published clients of the hosted API send them (ENDPOINTS.md §7), replayed on the
// demo company with only the base URL changed; each test asserts what that client reads from
// the answer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-06-18T10:30:00+0700: the case form's example dates fall on this day.
constexpr core::UnixSeconds kNow = 1750217400;

class PublishedClients : public ::testing::Test {
 protected:
  static TestServerOptions options() {
    TestServerOptions o;
    o.fixed_time = kNow;
    return o;
  }
  HttpResponse post(const std::string& path, const std::string& body, const Headers& headers = {}) {
    return client_.request("POST", path, headers.empty() ? company_.auth_json() : headers, body);
  }
  // status.code as the clients compare it: the string "1000" (§7.6).
  static std::string code_of(const rapidjson::Document& doc) {
    if (!doc.IsObject() || !doc.HasMember("status") || !doc["status"].HasMember("code") ||
        !doc["status"]["code"].IsString()) {
      return "";
    }
    return doc["status"]["code"].GetString();
  }

  TestServer server_{options()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// The merchant-registration service (§7.1): each new merchant becomes a lead, with where it
// came from, what it wants, its custom fields, its contact person and its owner; the service
// keeps the customer code it is given.
TEST_F(PublishedClients, MerchantRegistrationUpsert) {
  auto res = post("/v3/customers", R"({
    "customerName": "ร้านกาแฟบ้านสวน",
    "customerState": 1,
    "customerStatus": 0,
    "customerType": 1,
    "customerTaxNo": "0105565012345",
    "customerPhone": "02-555-0199",
    "customerEmail": "owner@baansuan.example",
    "sourceName": "Merchant portal",
    "leadStatus": 1,
    "interestsName": ["POS", "E-Tax"],
    "customFields": [
      {"customFieldName": "Merchant ID", "customFieldValue": ["M-000123"]},
      {"customFieldName": "Branches", "customFieldValue": ["Sukhumvit", "Silom"]}
    ],
    "contacts": [
      {"contactName": "Suda Rakdee", "contactPosition": "Owner", "contactMobile": "081-555-0199",
       "contactEmail": "suda@baansuan.example"}
    ],
    "owners": ["staff01"]
  })");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  ASSERT_EQ(code_of(doc), "1000") << res.body;
  const auto& c = doc["data"];
  // What the service reads and keeps.
  ASSERT_TRUE(c["customerCode"].IsString());
  EXPECT_STREQ(c["customerCode"].GetString(), "L000001");
  ASSERT_TRUE(c["customerId"].IsInt64());
  EXPECT_EQ(c["customerState"].GetInt(), 1);
  EXPECT_EQ(c["customerStatus"].GetInt(), 0);
  EXPECT_EQ(c["leadStatus"].GetInt(), 1);
  EXPECT_STREQ(c["sourceName"].GetString(), "Merchant portal");
  EXPECT_EQ(to_json(c["interestsName"]), R"(["POS","E-Tax"])");
  EXPECT_EQ(c["customFields"].Size(), 2u);
  EXPECT_STREQ(c["contacts"][0]["contactName"].GetString(), "Suda Rakdee");
  EXPECT_STREQ(c["customerOwnersStr"][0].GetString(), "staff01");

  // Registering the same merchant again with its code updates it rather than adding one.
  auto again = post("/v3/customers", R"({"customerCode":"L000001","customerName":"ร้านกาแฟบ้านสวน",)"
                                     R"("customerState":1,"customerStatus":0,"customerType":1,)"
                                     R"("sourceName":"merchant portal","leadStatus":4})");
  ASSERT_EQ(again.status, 200) << again.body;
  auto updated = again.json();
  EXPECT_STREQ(updated["data"]["customerCode"].GetString(), "L000001");
  EXPECT_EQ(updated["data"]["customerId"].GetInt64(), c["customerId"].GetInt64());
  EXPECT_STREQ(updated["data"]["sourceName"].GetString(), "Merchant portal");
}

// Gofive's sample (its request model, where every value is a string and `contacts` one
// object) updating an existing customer with every field of §7.1 and two typed addresses.
TEST_F(PublishedClients, SampleUpdateWithEveryV3Field) {
  auto res = post("/v3/customers", R"({
    "customerCode": "C000154",
    "customerName": "newCustomerOpenApi04jan2022P4",
    "customerState": "3",
    "customerStatus": "0",
    "customerType": "2",
    "customer2ndName": "ng",
    "customerAliases": ["testOpenApi"],
    "customerPhone": "+66660018286",
    "customerMobile": "+66660018286",
    "customerEmail": "sample@openapi.example",
    "customerPosition": "staff",
    "customerGender": "2",
    "customerMaritalStatus": "2",
    "customerBirthdate": "2000-06-04",
    "customerIncome": "50000",
    "customerTaxNo": "0000000000111",
    "branchCode": "00000",
    "customerPicture": "https://cdn.example.com/p/sample.png",
    "addresses": [
      {"locationAddress": "samutsakhon", "locationName": "samutsakhon", "locationType": "2",
       "latitude": "0.00", "longitude": "20.34"},
      {"locationAddress": "99 Rama IV Road, Bangkok", "locationName": "Head office",
       "locationType": "1", "latitude": "13.7245", "longitude": "100.5314"}
    ],
    "sourceName": "facebook",
    "customerGroupName": "test",
    "leadStatus": "4",
    "unqulifiedReasonName": null,
    "unqulifiedReasonNote": null,
    "interestsName": ["Solar roof"],
    "customerTags": ["sample", "open-api"],
    "classificationName": "VIP",
    "contacts": {
      "contactName": "test01", "contactStatus": "true", "contactPhone": "1234567890",
      "contactMobile": "1234567890", "contactEmail": "notuse", "contactPosition": "intern",
      "contactBirthdate": "2000-06-04", "contactNote": "test open api", "contactPicture": null
    },
    "customerSocialAccount": {"facebook": "notuse", "instagram": null, "line": "@sample",
      "linkedin": null, "skype": null, "telegram": null, "wechat": null, "whatsapp": null},
    "customFields": [{"customFieldName": "Industry", "customFieldValue": ["Energy"]}],
    "customerNote": "create for test",
    "owners": ["Staff01"]
  })");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  ASSERT_EQ(code_of(doc), "1000") << res.body;
  const auto& c = doc["data"];
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
  EXPECT_EQ(c["customerId"].GetInt64(), 705693);  // the same customer
  EXPECT_STREQ(c["customerName"].GetString(), "newCustomerOpenApi04jan2022P4");
  EXPECT_EQ(c["customerState"].GetInt(), 3);
  EXPECT_EQ(c["customerStatus"].GetInt(), 0);
  EXPECT_EQ(c["customerType"].GetInt(), 2);
  EXPECT_EQ(c["customerGender"].GetInt(), 2);
  EXPECT_EQ(c["customerMaritalStatus"].GetInt(), 2);
  EXPECT_STREQ(c["customerBirthdate"].GetString(), "2000-06-04T00:00:00+0700");
  EXPECT_STREQ(c["customerIncome"].GetString(), "50000");
  EXPECT_EQ(c["leadStatus"].GetInt(), 4);
  EXPECT_STREQ(c["sourceName"].GetString(), "facebook");
  EXPECT_STREQ(c["customerGroupName"].GetString(), "test");
  EXPECT_STREQ(c["classificationName"].GetString(), "VIP");
  EXPECT_EQ(to_json(c["interestsName"]), R"(["Solar roof"])");
  EXPECT_EQ(to_json(c["customerTags"]), R"(["sample","open-api"])");
  EXPECT_STREQ(c["customerNote"].GetString(), "create for test");
  EXPECT_EQ(to_json(c["customerSocialAccount"]), R"({"facebook":"notuse","line":"@sample"})");
  EXPECT_EQ(to_json(c["customFields"]),
            R"([{"customFieldName":"Industry","customFieldValue":["Energy"]}])");
  ASSERT_EQ(c["addresses"].Size(), 2u);
  EXPECT_STREQ(c["addresses"][0]["locationAddress"].GetString(), "samutsakhon");
  EXPECT_STREQ(c["addresses"][0]["location"].GetString(), "samutsakhon");
  EXPECT_EQ(c["addresses"][0]["locationType"].GetInt(), 2);
  EXPECT_EQ(to_json(c["addresses"][0]["longitude"]), "20.34");
  EXPECT_EQ(c["addresses"][1]["locationType"].GetInt(), 1);
  ASSERT_EQ(c["contacts"].Size(), 1u);
  const auto& contact = c["contacts"][0];
  EXPECT_TRUE(contact["contactId"].IsInt64());
  EXPECT_STREQ(contact["contactName"].GetString(), "test01");
  EXPECT_TRUE(contact["contactStatus"].GetBool());
  EXPECT_STREQ(contact["contactEmail"].GetString(), "notuse");
  EXPECT_STREQ(contact["contactBirthdate"].GetString(), "2000-06-04T00:00:00+0700");
  EXPECT_STREQ(c["customerOwnersStr"][0].GetString(), "staff01");
  EXPECT_TRUE(c["isActive"].GetBool());
  // The same object is what a read returns.
  auto read = client_.request("GET", "/v3/customers/C000154", company_.auth());
  EXPECT_EQ(to_json(read.json()["data"]), to_json(c));
}

// The case web form (§7.2): the assignee and the note are left out when the form leaves them
// empty, and its dates carry milliseconds and a colon offset. It shows the case number.
TEST_F(PublishedClients, CaseFormWithoutAnAssignee) {
  auto res = post("/v1/case", R"({
    "caseType": 1,
    "subject": "Printer on floor 3 is offline",
    "customerCode": "C000154",
    "categoryId": 2140016585,
    "dateCase": "2025-06-18T03:30:00.000+07:00",
    "dateDue": "2025-06-20T17:00:00.000+07:00"
  })");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  ASSERT_EQ(code_of(doc), "1000") << res.body;
  const auto& c = doc["data"]["data"];
  ASSERT_TRUE(c["feedbackNo"].IsString());
  EXPECT_STREQ(c["feedbackNo"].GetString(), "T250600001");
  EXPECT_TRUE(c["assignedToUserId"].IsNull());
  EXPECT_TRUE(c["dateAssigned"].IsNull());
  EXPECT_TRUE(c["note"].IsNull());
  EXPECT_STREQ(c["dateCase"].GetString(), "2025-06-18T03:30:00+0700");
  EXPECT_STREQ(c["dateDue"].GetString(), "2025-06-20T17:00:00+0700");
  EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 1000);
}

// Gofive's 2019 sample: the legacy list route with its paging in the query string, a legacy
// filter body, and "bearer" in lower case. It parses the answer as a JSON object and prints it.
TEST_F(PublishedClients, LegacyCustomerList) {
  const Headers headers = {{"Ocp-Apim-Subscription-Key", company_.subscription_key},
                           {"Authorization", "bearer " + company_.token},
                           {"Content-Type", "application/json; charset=utf-8"}};
  auto res = post("/v1/Customers/filter?skip=0&pageLength=10", R"({"type":11300})", headers);
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  ASSERT_TRUE(doc.IsObject()) << res.body;
  ASSERT_EQ(code_of(doc), "1000");
  ASSERT_TRUE(doc["data"].IsArray());
  std::vector<std::string> codes;
  for (const auto& c : doc["data"].GetArray()) {
    codes.emplace_back(c["customerCode"].GetString());
    EXPECT_EQ(c["customerState"].GetInt(), 3);
  }
  // Every demo customer is a customer (state 3): those of the case and event examples, and
  // those the money documents' examples name.
  EXPECT_EQ(codes, (std::vector<std::string>{"C000001", "C000055", "C000154", "C000349", "CUST-001",
                                             "daisy"}));
  EXPECT_EQ(res.header("x-total-count"), "6");
}

}  // namespace
}  // namespace ov::test
