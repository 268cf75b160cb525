// The Customer section over HTTP (ENDPOINTS.md §4.3, endpoints #8–#11 and #20–#23) in envelope
// family S (§2.1): every endpoint's success and error paths, keyword search, tenancy, and the
// Case section reading customers written here. A demo company with a fixed clock.
#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>
#include <string>
#include <vector>

#include "modules/customers/customer_service.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-04-01T00:30:00+0700.
constexpr core::UnixSeconds kNow = 1743442200;
constexpr const char* kNowText = "2025-04-01T00:30:00+0700";
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";
constexpr const char* kAssignee = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2";

// The customer object with the v3 fields of ENDPOINTS.md §7.1.
const std::vector<std::string> kCustomerKeys = {"customerId",
                                                "companyId",
                                                "customerCode",
                                                "customerName",
                                                "customer2ndName",
                                                "customerAliases",
                                                "customerType",
                                                "customerState",
                                                "customerStatus",
                                                "leadStatus",
                                                "unqulifiedReasonName",
                                                "unqulifiedReasonNote",
                                                "customerPicture",
                                                "customerTaxNo",
                                                "branchCode",
                                                "customerPhone",
                                                "customerMobile",
                                                "customerEmail",
                                                "customerPosition",
                                                "customerGender",
                                                "customerMaritalStatus",
                                                "customerBirthdate",
                                                "customerIncome",
                                                "creditLimit",
                                                "sourceName",
                                                "customerGroupName",
                                                "classificationName",
                                                "interestsName",
                                                "customerTags",
                                                "customerNote",
                                                "customerSocialAccount",
                                                "customFields",
                                                "addresses",
                                                "contacts",
                                                "customerOwnersStr",
                                                "hasOwner",
                                                "isActive",
                                                "dateAcquired",
                                                "createdByUserId",
                                                "dateCreated",
                                                "modifiedByUserId",
                                                "dateModified"};
// §7.1: locationAddress beside location, and locationType.
const std::vector<std::string> kAddressKeys = {
    "addressId", "customerId", "locationName", "location",        "locationAddress", "locationType",
    "latitude",  "longitude",  "isActive",     "createdByUserId", "dateCreated"};
const std::vector<std::string> kContactKeys = {
    "contactId",      "contactName",   "contactPosition",     "contactPhone",
    "contactMobile",  "contactEmail",  "contactBirthdate",    "contactNote",
    "contactPicture", "contactStatus", "contactSocialAccount"};

std::vector<std::string> strings_of(const rapidjson::Value& arr) {
  std::vector<std::string> out;
  for (const auto& v : arr.GetArray()) out.emplace_back(v.GetString());
  return out;
}

std::vector<std::string> codes_of(const rapidjson::Value& arr) {
  std::vector<std::string> out;
  for (const auto& v : arr.GetArray()) out.emplace_back(v["customerCode"].GetString());
  return out;
}

// The S body of a one-problem error (§2.1), byte for byte.

std::string percent_encode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Every field of the v3 customer (§7.1).
constexpr const char* kFullBody = R"({
  "customerName": "  Siam Widgets  ",
  "customerState": 3,
  "customerStatus": 0,
  "customerType": 1,
  "leadStatus": 4,
  "customerPicture": "https://cdn.example.com/p/1.png",
  "customer2ndName": "สยามวิดเจ็ท",
  "customerAliases": ["SW", "Widgets Siam"],
  "customerTaxNo": "0105560001234",
  "branchCode": "00001",
  "customerPhone": "02-123-4567",
  "customerMobile": "081 234 5678",
  "customerEmail": "Sales@SiamWidgets.example",
  "customerPosition": "Purchasing manager",
  "customerGender": 2,
  "customerMaritalStatus": 1,
  "customerBirthdate": "1990-05-17",
  "customerIncome": 50000,
  "creditLimit": "1000000.50",
  "sourceName": "Website",
  "customerGroupName": "VIP",
  "classificationName": "VIP",
  "interestsName": ["Widgets", "Gadgets"],
  "customerTags": ["b2b", "Bangkok"],
  "customerNote": "Prefers e-mail",
  "customerSocialAccount": {"facebook": "siamwidgets", "line": "@siamwidgets", "tiktok": "@sw"},
  "customFields": [{"customFieldName": "Industry", "customFieldValue": ["Manufacturing", "Retail"]}],
  "addresses": [
    {"locationName": "Head office", "locationAddress": "99 Rama IV Road, Bangkok",
     "locationType": 1, "latitude": 13.7245, "longitude": 100.5314},
    {"locationName": "Warehouse", "location": "Bang Na, Samut Prakan"}
  ],
  "contacts": [
    {"contactName": " Somchai Jaidee ", "contactPosition": "Buyer", "contactPhone": "02-123-4568",
     "contactMobile": "089-999-0000", "contactEmail": "somchai@siamwidgets.example",
     "contactBirthdate": "1985-01-02", "contactNote": "Mornings",
     "contactPicture": "https://cdn.example.com/c/1.png", "contactSocialAccount": {"line": "somchai"}},
    {"contactName": "Malee", "contactStatus": false}
  ],
  "owners": ["STAFF01"]
})";

class CustomerApi : public ::testing::Test {
 protected:
  HttpResponse post(const std::string& path, const std::string& body,
                    const TestCompany* as = nullptr) {
    return client_.request("POST", path, (as ? *as : company_).auth_json(), body);
  }
  HttpResponse get(const std::string& path, const TestCompany* as = nullptr) {
    return client_.request("GET", path, (as ? *as : company_).auth());
  }
  // The payload of a successful reply; fails the test on anything else.
  rapidjson::Document payload_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data")) out.CopyFrom(doc["data"], out.GetAllocator());
    return out;
  }
  rapidjson::Document upsert_ok(const std::string& body, const TestCompany* as = nullptr) {
    return payload_of(post("/v3/customers", body, as));
  }
  rapidjson::Document create(const std::string& name, const std::string& extra = "",
                             const TestCompany* as = nullptr) {
    // No customerState: a customer (3) by default (§7.1).
    return upsert_ok(R"({"customerName":)" + quote(name) + (extra.empty() ? "" : "," + extra) + "}",
                     as);
  }
  rapidjson::Document enquiry_ok(const std::string& body) {
    return payload_of(post("/v3/customers/enquiry", body));
  }
  std::vector<std::string> enquiry_codes(const std::string& body) {
    return codes_of(enquiry_ok(body));
  }
  void expect_error(const HttpResponse& res, int status, const std::string& message) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.body, one_problem_body(message));
  }
  void sql(const std::string& statement) {
    server_.db().write_now([&](storage::Session& s) { s.exec(statement); });
  }

  TestServer server_{[] {
    TestServerOptions o;
    o.fixed_time = kNow;
    return o;
  }()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Create or Update customer (#8)

TEST_F(CustomerApi, CreateReturnsTheFullCustomerObject) {
  auto res = post("/v3/customers", kFullBody);
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  const auto& c = doc["data"];
  EXPECT_EQ(keys_of(c), kCustomerKeys);
  ASSERT_TRUE(c["customerId"].IsInt64());
  EXPECT_EQ(c["companyId"].GetInt64(), company_.id);
  // The demo's highest customer code is C000349.
  EXPECT_STREQ(c["customerCode"].GetString(), "C000350");
  EXPECT_STREQ(c["customerName"].GetString(), "Siam Widgets");  // trimmed
  EXPECT_STREQ(c["customer2ndName"].GetString(), "สยามวิดเจ็ท");
  EXPECT_EQ(strings_of(c["customerAliases"]), (std::vector<std::string>{"SW", "Widgets Siam"}));
  EXPECT_EQ(c["customerType"].GetInt(), 1);
  EXPECT_EQ(c["customerState"].GetInt(), 3);
  EXPECT_EQ(c["customerStatus"].GetInt(), 0);
  EXPECT_EQ(c["leadStatus"].GetInt(), 4);  // stored for any state (§7.1)
  EXPECT_TRUE(c["unqulifiedReasonName"].IsNull());
  EXPECT_TRUE(c["unqulifiedReasonNote"].IsNull());
  EXPECT_STREQ(c["customerPicture"].GetString(), "https://cdn.example.com/p/1.png");
  EXPECT_STREQ(c["customerTaxNo"].GetString(), "0105560001234");
  EXPECT_STREQ(c["branchCode"].GetString(), "00001");
  EXPECT_STREQ(c["customerPhone"].GetString(), "02-123-4567");
  EXPECT_STREQ(c["customerMobile"].GetString(), "081 234 5678");
  EXPECT_STREQ(c["customerEmail"].GetString(), "Sales@SiamWidgets.example");
  EXPECT_STREQ(c["customerPosition"].GetString(), "Purchasing manager");
  EXPECT_EQ(c["customerGender"].GetInt(), 2);
  EXPECT_EQ(c["customerMaritalStatus"].GetInt(), 1);
  EXPECT_STREQ(c["customerBirthdate"].GetString(), "1990-05-17T00:00:00+0700");
  // A number on input, a string on output (§7.1).
  EXPECT_STREQ(c["customerIncome"].GetString(), "50000");
  EXPECT_STREQ(c["creditLimit"].GetString(), "1000000.50");
  EXPECT_STREQ(c["sourceName"].GetString(), "Website");
  EXPECT_STREQ(c["customerGroupName"].GetString(), "VIP");
  EXPECT_STREQ(c["classificationName"].GetString(), "VIP");
  EXPECT_EQ(strings_of(c["interestsName"]), (std::vector<std::string>{"Widgets", "Gadgets"}));
  EXPECT_EQ(strings_of(c["customerTags"]), (std::vector<std::string>{"b2b", "Bangkok"}));
  EXPECT_STREQ(c["customerNote"].GetString(), "Prefers e-mail");
  // Unknown networks are kept, in order.
  EXPECT_EQ(to_json(c["customerSocialAccount"]),
            R"({"facebook":"siamwidgets","line":"@siamwidgets","tiktok":"@sw"})");
  EXPECT_EQ(to_json(c["customFields"]),
            R"([{"customFieldName":"Industry","customFieldValue":["Manufacturing","Retail"]}])");
  ASSERT_EQ(c["addresses"].Size(), 2u);
  const auto& a = c["addresses"][0];
  EXPECT_EQ(keys_of(a), kAddressKeys);
  ASSERT_TRUE(a["addressId"].IsInt64());
  EXPECT_EQ(a["customerId"].GetInt64(), c["customerId"].GetInt64());
  EXPECT_STREQ(a["locationName"].GetString(), "Head office");
  // Both names carry the address text (§7.1).
  EXPECT_STREQ(a["location"].GetString(), "99 Rama IV Road, Bangkok");
  EXPECT_STREQ(a["locationAddress"].GetString(), "99 Rama IV Road, Bangkok");
  EXPECT_EQ(a["locationType"].GetInt(), 1);
  EXPECT_STREQ(c["addresses"][1]["locationAddress"].GetString(), "Bang Na, Samut Prakan");
  EXPECT_TRUE(c["addresses"][1]["locationType"].IsNull());
  ASSERT_EQ(c["contacts"].Size(), 2u);
  const auto& ct = c["contacts"][0];
  EXPECT_EQ(keys_of(ct), kContactKeys);
  ASSERT_TRUE(ct["contactId"].IsInt64());
  EXPECT_STREQ(ct["contactName"].GetString(), "Somchai Jaidee");  // trimmed
  EXPECT_STREQ(ct["contactPosition"].GetString(), "Buyer");
  EXPECT_STREQ(ct["contactPhone"].GetString(), "02-123-4568");
  EXPECT_STREQ(ct["contactMobile"].GetString(), "089-999-0000");
  EXPECT_STREQ(ct["contactEmail"].GetString(), "somchai@siamwidgets.example");
  EXPECT_STREQ(ct["contactBirthdate"].GetString(), "1985-01-02T00:00:00+0700");
  EXPECT_STREQ(ct["contactNote"].GetString(), "Mornings");
  EXPECT_STREQ(ct["contactPicture"].GetString(), "https://cdn.example.com/c/1.png");
  EXPECT_TRUE(ct["contactStatus"].GetBool());  // the default
  EXPECT_EQ(to_json(ct["contactSocialAccount"]), R"({"line":"somchai"})");
  const auto& second = c["contacts"][1];
  EXPECT_STREQ(second["contactName"].GetString(), "Malee");
  EXPECT_FALSE(second["contactStatus"].GetBool());
  EXPECT_TRUE(second["contactEmail"].IsNull());
  EXPECT_EQ(to_json(second["contactSocialAccount"]), "{}");
  EXPECT_EQ(to_json(a["latitude"]), "13.7245");
  EXPECT_EQ(to_json(a["longitude"]), "100.5314");
  EXPECT_TRUE(a["isActive"].GetBool());
  EXPECT_STREQ(a["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(a["dateCreated"].GetString(), kNowText);
  EXPECT_TRUE(c["addresses"][1]["latitude"].IsNull());
  EXPECT_TRUE(c["addresses"][1]["longitude"].IsNull());
  EXPECT_EQ(strings_of(c["customerOwnersStr"]), (std::vector<std::string>{"staff01"}));
  EXPECT_TRUE(c["hasOwner"].GetBool());
  EXPECT_TRUE(c["isActive"].GetBool());
  EXPECT_STREQ(c["dateAcquired"].GetString(), kNowText);
  EXPECT_STREQ(c["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(c["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(c["modifiedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(c["dateModified"].GetString(), kNowText);

  // What was written is what is read back.
  auto read = get("/v3/customers/C000350");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(to_json(read.json()["data"]), to_json(c));
}

TEST_F(CustomerApi, CreateMinimalHasNullsAndEmptyLists) {
  auto c = create("Minimal");
  EXPECT_EQ(keys_of(c), kCustomerKeys);
  for (const char* key :
       {"customer2ndName",

        "unqulifiedReasonName", "unqulifiedReasonNote", "customerPicture", "customerTaxNo",
        "branchCode", "customerPhone", "customerMobile", "customerEmail", "customerPosition",
        "customerGender", "customerMaritalStatus", "customerBirthdate", "customerIncome",
        "creditLimit", "sourceName", "customerGroupName", "classificationName", "customerNote"}) {
    EXPECT_TRUE(c[key].IsNull()) << key;
  }
  for (const char* key : {"customerAliases", "interestsName", "customerTags", "customFields",
                          "addresses", "contacts", "customerOwnersStr"}) {
    EXPECT_EQ(to_json(c[key]), "[]") << key;
  }
  EXPECT_EQ(to_json(c["customerSocialAccount"]), "{}");
  EXPECT_FALSE(c["hasOwner"].GetBool());
  // The defaults of §7.1: a Business customer, Active; and the lead status Gofive's request
  // model gives a new customer (4 Interested; 1 New for a lead).
  EXPECT_EQ(c["leadStatus"].GetInt(), 4);
  EXPECT_EQ(create("Minimal lead", R"("customerState":1)")["leadStatus"].GetInt(), 1);
  EXPECT_EQ(c["customerState"].GetInt(), 3);
  EXPECT_EQ(c["customerType"].GetInt(), 1);
  EXPECT_EQ(c["customerStatus"].GetInt(), 0);
  EXPECT_TRUE(c["isActive"].GetBool());
}

// The code letter follows customerState (§7.1).
TEST_F(CustomerApi, CodesComeFromOneSequencePerStateLetter) {
  EXPECT_STREQ(create("A lead", R"("customerState":1)")["customerCode"].GetString(), "L000001");
  EXPECT_STREQ(create("A prospect", R"("customerState":2)")["customerCode"].GetString(), "P000001");
  // The legacy type code is the documented alias of the state.
  EXPECT_STREQ(create("Another lead", R"("customerType":11100)")["customerCode"].GetString(),
               "L000002");
  EXPECT_STREQ(create("A customer", R"("customerState":null)")["customerCode"].GetString(),
               "C000350");
  EXPECT_STREQ(create("Null code", R"("customerCode":null)")["customerCode"].GetString(),
               "C000351");
  // Leads are not customers yet.
  EXPECT_TRUE(create("Lead 3", R"("customerState":1)")["dateAcquired"].IsNull());
}

TEST_F(CustomerApi, CodesSkipNumbersAlreadyTaken) {
  sql("INSERT INTO customers (company_id, customer_code, customer_name, customer_state, "
      "is_active, created_at) VALUES (" +
      std::to_string(company_.id) + ", 'c000350', 'Imported', 3, 1, 0)");
  EXPECT_STREQ(create("After import")["customerCode"].GetString(), "C000351");
}

TEST_F(CustomerApi, UpdateKeepsAbsentClearsNullAndReplacesArrays) {
  auto created = upsert_ok(kFullBody);
  const auto id = created["customerId"].GetInt64();
  const auto head_office = created["addresses"][0]["addressId"].GetInt64();
  server_.fixed_clock()->advance(60);
  auto c = upsert_ok(R"({
    "customerCode": "c000350",
    "customerName": "Siam Widgets Plc",
    "customerStatus": 2,
    "customerPhone": null,
    "customerAliases": ["Widgets"],
    "addresses": [
      {"addressId": )" +
                     std::to_string(head_office) +
                     R"(, "locationName": "HQ", "location": "100 Rama IV Road", "latitude": 13.5},
      {"locationName": "Branch", "location": "Chiang Mai"}
    ],
    "owners": []
  })");
  EXPECT_EQ(c["customerId"].GetInt64(), id);
  EXPECT_STREQ(c["customerCode"].GetString(), "C000350");
  EXPECT_STREQ(c["customerName"].GetString(), "Siam Widgets Plc");
  EXPECT_EQ(c["customerState"].GetInt(), 3);  // absent: kept
  EXPECT_EQ(c["customerStatus"].GetInt(), 2);
  EXPECT_FALSE(c["isActive"].GetBool());  // isActive is customerStatus 0 (§7.1)
  EXPECT_TRUE(c["customerPhone"].IsNull());
  EXPECT_STREQ(c["customerMobile"].GetString(), "081 234 5678");  // absent: kept
  EXPECT_STREQ(c["customerTaxNo"].GetString(), "0105560001234");
  EXPECT_STREQ(c["customerBirthdate"].GetString(), "1990-05-17T00:00:00+0700");
  EXPECT_EQ(strings_of(c["customerAliases"]), (std::vector<std::string>{"Widgets"}));
  ASSERT_EQ(c["addresses"].Size(), 2u);
  EXPECT_EQ(c["addresses"][0]["addressId"].GetInt64(), head_office);
  EXPECT_STREQ(c["addresses"][0]["locationName"].GetString(), "HQ");
  EXPECT_EQ(to_json(c["addresses"][0]["latitude"]), "13.5");
  EXPECT_TRUE(c["addresses"][0]["longitude"].IsNull());
  EXPECT_STREQ(c["addresses"][0]["dateCreated"].GetString(), kNowText);  // kept address
  EXPECT_NE(c["addresses"][1]["addressId"].GetInt64(), head_office);
  EXPECT_STREQ(c["addresses"][1]["dateCreated"].GetString(), "2025-04-01T00:31:00+0700");
  EXPECT_EQ(to_json(c["customerOwnersStr"]), "[]");
  EXPECT_FALSE(c["hasOwner"].GetBool());
  EXPECT_STREQ(c["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(c["dateModified"].GetString(), "2025-04-01T00:31:00+0700");
  EXPECT_EQ(to_json(payload_of(get("/v3/customers/C000350"))), to_json(c));

  // addresses null clears the list; a missing addresses property keeps it.
  auto kept = upsert_ok(R"({"customerCode":"C000350","customerName":"X"})");
  EXPECT_EQ(kept["addresses"].Size(), 2u);
  auto cleared = upsert_ok(R"({"customerCode":"C000350","customerName":"X","addresses":null})");
  EXPECT_EQ(to_json(cleared["addresses"]), "[]");
}

// A lead becomes a customer (§7.1): the code stays, dateAcquired is set the first time.
TEST_F(CustomerApi, StateChangesKeepTheCodeAndSetTheAcquisitionOnce) {
  auto lead = create("Lead", R"("customerState":1,"leadStatus":3,)"
                             R"("unqulifiedReasonName":"No budget","unqulifiedReasonNote":"Q3")");
  EXPECT_STREQ(lead["customerCode"].GetString(), "L000001");
  EXPECT_EQ(lead["leadStatus"].GetInt(), 3);
  EXPECT_STREQ(lead["unqulifiedReasonName"].GetString(), "No budget");
  EXPECT_STREQ(lead["unqulifiedReasonNote"].GetString(), "Q3");
  server_.fixed_clock()->advance(1800);
  auto same = upsert_ok(R"({"customerCode":"L000001","customerName":"Lead"})");
  EXPECT_EQ(same["customerState"].GetInt(), 1);  // absent state kept
  EXPECT_EQ(same["leadStatus"].GetInt(), 3);
  EXPECT_STREQ(same["unqulifiedReasonName"].GetString(), "No budget");
  auto won = upsert_ok(
      R"({"customerCode":"L000001","customerName":"Lead","customerState":3,"leadStatus":4})");
  EXPECT_STREQ(won["customerCode"].GetString(), "L000001");
  EXPECT_EQ(won["customerState"].GetInt(), 3);
  EXPECT_EQ(won["leadStatus"].GetInt(), 4);
  EXPECT_STREQ(won["dateAcquired"].GetString(), "2025-04-01T01:00:00+0700");
  server_.fixed_clock()->advance(60);
  upsert_ok(R"({"customerCode":"L000001","customerName":"Lead","customerState":2})");
  auto again = upsert_ok(R"({"customerCode":"L000001","customerName":"Lead","customerState":3})");
  EXPECT_STREQ(again["dateAcquired"].GetString(), "2025-04-01T01:00:00+0700");
}

// Bodies of the legacy meaning (§7.1): a legacy type code in customerType (or `type`) decides
// the state even beside customerState, whose earlier designed 2 (Inactive) means customerStatus
// 2 and 1 means no change of status; customerType keeps its default or stored value.
TEST_F(CustomerApi, LegacyTypeCodesAreTheStatesAlias) {
  auto c = create("Old client", R"("customerType":11100,"customerState":2)");
  EXPECT_STREQ(c["customerCode"].GetString(), "L000001");
  EXPECT_EQ(c["customerState"].GetInt(), 1);
  EXPECT_EQ(c["customerType"].GetInt(), 1);
  EXPECT_EQ(c["customerStatus"].GetInt(), 2);
  EXPECT_FALSE(c["isActive"].GetBool());
  upsert_ok(R"({"customerCode":"L000001","customerName":"Old client","customerType":2})");
  auto won =
      upsert_ok(R"({"customerCode":"L000001","customerName":"Old client","customerType":11300,)"
                R"("customerState":1})");
  EXPECT_EQ(won["customerState"].GetInt(), 3);
  EXPECT_EQ(won["customerType"].GetInt(), 2);    // the stored type
  EXPECT_EQ(won["customerStatus"].GetInt(), 2);  // customerState 1 beside a legacy code: no change
  // An explicit customerStatus wins over the legacy customerState.
  auto open = upsert_ok(R"({"customerCode":"L000001","customerName":"Old client","type":11200,)"
                        R"("customerState":2,"customerStatus":0})");
  EXPECT_EQ(open["customerState"].GetInt(), 2);
  EXPECT_EQ(open["customerStatus"].GetInt(), 0);
  EXPECT_STREQ(create("Prospect", R"("type":11200)")["customerCode"].GetString(), "P000001");
}

// The new fields of §7.1 follow §1.5: absent keeps, null clears, a value replaces.
TEST_F(CustomerApi, V3FieldsKeepClearAndReplace) {
  auto created = upsert_ok(kFullBody);
  const auto first_contact = created["contacts"][0]["contactId"].GetInt64();
  auto kept = upsert_ok(R"({"customerCode":"C000350","customerName":"Siam Widgets"})");
  for (const char* key :
       {"leadStatus", "sourceName", "customerGroupName", "classificationName", "interestsName",
        "customerTags", "customerNote", "customerSocialAccount", "customFields", "contacts"}) {
    EXPECT_EQ(to_json(kept[key]), to_json(created[key])) << key;
  }
  auto changed = upsert_ok(R"({"customerCode":"C000350","customerName":"Siam Widgets",
    "leadStatus": null, "sourceName": "website", "customerGroupName": null,
    "classificationName": "B2", "interestsName": [""], "customerTags": ["new"],
    "customerNote": null, "customerSocialAccount": {"line": "@sw2"}, "customFields": [],
    "contact": {"contactName": "Only one", "contactEmail": "one@sw.example"}})");
  EXPECT_TRUE(changed["leadStatus"].IsNull());
  // A master entry matched by name keeps the company's spelling.
  EXPECT_STREQ(changed["sourceName"].GetString(), "Website");
  EXPECT_TRUE(changed["customerGroupName"].IsNull());
  EXPECT_STREQ(changed["classificationName"].GetString(), "B2");
  EXPECT_EQ(to_json(changed["interestsName"]), "[]");  // [""] means none
  EXPECT_EQ(strings_of(changed["customerTags"]), (std::vector<std::string>{"new"}));
  EXPECT_TRUE(changed["customerNote"].IsNull());
  EXPECT_EQ(to_json(changed["customerSocialAccount"]), R"({"line":"@sw2"})");
  EXPECT_EQ(to_json(changed["customFields"]), "[]");
  // A single contact is a list of one, replacing the list with a new id.
  ASSERT_EQ(changed["contacts"].Size(), 1u);
  EXPECT_STREQ(changed["contacts"][0]["contactName"].GetString(), "Only one");
  EXPECT_NE(changed["contacts"][0]["contactId"].GetInt64(), first_contact);
  EXPECT_EQ(to_json(payload_of(get("/v3/customers/C000350"))), to_json(changed));
  auto cleared = upsert_ok(R"({"customerCode":"C000350","customerName":"Siam Widgets",
    "interestsName": null, "customerTags": null, "customerSocialAccount": null,
    "contacts": null, "contact": {"contactName": "Ignored beside contacts"}})");
  for (const char* key : {"interestsName", "customerTags", "contacts"}) {
    EXPECT_EQ(to_json(cleared[key]), "[]") << key;
  }
  EXPECT_EQ(to_json(cleared["customerSocialAccount"]), "{}");
}

// What Gofive's published request model (its C# sample) notes about its fields: every value
// may be a string, `contacts` may be one object, a contact's e-mail may be a placeholder, a
// classification is at most 3 characters, an Unqualified lead names its reason and an Ended or
// Closed customer has a note.
TEST_F(CustomerApi, TheRulesOfGofivesRequestModel) {
  auto c = upsert_ok(R"({"customerName":"Strings","customerState":"1","customerType":"2",
    "customerGender":"2","leadStatus":"2","classificationName":"VIP",
    "addresses":[{"locationAddress":"samutsakhon","locationName":"samutsakhon","locationType":"2",
                  "latitude":"0.00","longitude":"20.34"}],
    "contacts":{"contactName":"test01","contactStatus":"true","contactEmail":"notuse"},
    "customerSocialAccount":{"facebook":"notuse","instagram":null,"line":null}})");
  EXPECT_EQ(c["customerState"].GetInt(), 1);
  EXPECT_EQ(c["customerType"].GetInt(), 2);
  EXPECT_EQ(c["leadStatus"].GetInt(), 2);
  EXPECT_EQ(c["addresses"][0]["locationType"].GetInt(), 2);
  EXPECT_EQ(to_json(c["addresses"][0]["latitude"]), "0");
  ASSERT_EQ(c["contacts"].Size(), 1u);
  EXPECT_STREQ(c["contacts"][0]["contactEmail"].GetString(), "notuse");
  EXPECT_TRUE(c["contacts"][0]["contactStatus"].GetBool());
  EXPECT_EQ(to_json(c["customerSocialAccount"]), R"({"facebook":"notuse"})");  // nulls left out

  expect_error(post("/v3/customers", R"({"customerName":"X","classificationName":"GOLD"})"), 400,
               "classificationName must be at most 3 characters");
  auto unqualified =
      post("/v3/customers", R"({"customerName":"X","customerState":1,"leadStatus":3})");
  EXPECT_EQ(unqualified.status, 400);
  EXPECT_EQ(
      unqualified.body,
      R"x({"status":{"code":"4002","description":"Validation failed"},"data":{"errors":[)x"
      R"x({"field":"unqulifiedReasonName","message":"unqulifiedReasonName is required for a )x"
      R"x(lead whose leadStatus is 3 (Unqualified)"},)x"
      R"x({"field":"unqulifiedReasonNote","message":"unqulifiedReasonNote is required for a )x"
      R"x(lead whose leadStatus is 3 (Unqualified)"}]}})x");
  expect_error(post("/v3/customers", R"({"customerName":"X","customerStatus":2})"), 400,
               "customerNote is required when customerStatus is 1 (Ended) or 2 (Closed)");
  // A note already stored is enough; and nothing of a refused request was written.
  upsert_ok(R"({"customerCode":")" + std::string(c["customerCode"].GetString()) +
            R"(","customerName":"Strings","customerNote":"Left"})");
  EXPECT_EQ(upsert_ok(R"({"customerCode":")" + std::string(c["customerCode"].GetString()) +
                      R"(","customerName":"Strings","customerStatus":1})")["customerStatus"]
                .GetInt(),
            1);
  EXPECT_STREQ(create("Next")["customerCode"].GetString(), "C000350");
}

TEST_F(CustomerApi, UpdateOfAnUnknownCodeIs404) {
  expect_error(post("/v3/customers", R"({"customerCode":"C999999","customerName":"X"})"), 404,
               "customerCode C999999 was not found");
}

TEST_F(CustomerApi, CodesNamingLiteralSiblingPathsAre4001) {
  for (const char* code : {"enquiry", "Search", "EXISTENCE", "satisfaction", "files",
                           "file-categories", "name", "id", "TaxId", "Filter"}) {
    auto res =
        post("/v3/customers", R"({"customerCode":)" + quote(code) + R"(,"customerName":"X"})");
    expect_error(res, 400,
                 std::string("customerCode ") + code + " is reserved: it names a path of " +
                     "/v3/customers or /v1/Customers");
  }
}

TEST_F(CustomerApi, SeveralProblemsAre4002InBodyOrder) {
  auto res =
      post("/v3/customers", R"({"customerEmail":"no-at-sign","customerState":7,"customerGender":9,)"
                            R"("addresses":[{"location":"x","latitude":91}],)"
                            R"("contacts":[{"contactPhone":"1"}],"customerType":5})");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(
      res.body,
      R"({"status":{"code":"4002","description":"Validation failed"},"data":{"errors":[)"
      R"({"field":"customerEmail","message":"customerEmail must contain @"},)"
      R"({"field":"customerState","message":"customerState must be between 1 and 3"},)"
      R"({"field":"customerGender","message":"customerGender must be between 1 and 3"},)"
      R"({"field":"addresses[0].latitude","message":"addresses[0].latitude must be between -90 and 90"},)"
      R"({"field":"contacts[0].contactName","message":"contacts[0].contactName is required"},)"
      R"({"field":"customerType","message":"customerType must be 1 (business) or 2 (individual), )"
      R"(or a legacy type 11100, 11200 or 11300"},)"
      R"({"field":"customerName","message":"customerName is required"}]}})");
}

TEST_F(CustomerApi, SingleProblemsAre4001) {
  const std::string base = R"("customerName":"X")";
  expect_error(post("/v3/customers", "{" + base + R"(,"customerTaxNo":"012345678901234567890"})"),
               400, "customerTaxNo must be at most 20 characters");
  expect_error(post("/v3/customers", "{" + base + R"(,"customerBirthdate":"2025-04-02"})"), 400,
               "customerBirthdate must not be in the future");
  expect_error(post("/v3/customers", "{" + base + R"(,"customerBirthdate":"17/05/1990"})"), 400,
               "customerBirthdate is not a valid date");
  expect_error(post("/v3/customers", "{" + base + R"(,"owners":["staff01","nobody"]})"), 404,
               "Owner nobody was not found");
  expect_error(post("/v3/customers", "{" + base +
                                         R"(,"addresses":[{"addressId":1,)"
                                         R"("locationName":"a","location":"b"}]})"),
               404, "addressId 1 was not found");
  expect_error(post("/v3/customers", "[]"), 400, "Request body must be a JSON object");
  // Today is not in the future.
  EXPECT_STREQ(
      create("Born today", R"("customerBirthdate":"2025-04-01")")["customerBirthdate"].GetString(),
      "2025-04-01T00:00:00+0700");
}

TEST_F(CustomerApi, FailedWritesChangeNothing) {
  create("Keep me", R"("customerPhone":"0811111111")");
  expect_error(post("/v3/customers", R"({"customerCode":"C000350","customerName":"Changed",)"
                                     R"("owners":["ghost"]})"),
               404, "Owner ghost was not found");
  auto c = payload_of(get("/v3/customers/C000350"));
  EXPECT_STREQ(c["customerName"].GetString(), "Keep me");
  // The failed create did not use up a code.
  expect_error(post("/v3/customers", R"({"customerName":"N","owners":["x"]})"), 404,
               "Owner x was not found");
  EXPECT_STREQ(create("Next")["customerCode"].GetString(), "C000351");
}

// ---------------------------------------------------------------------------------------------
// Get by code (#9), by id (#21), by name (#11), by tax id (#22)

TEST_F(CustomerApi, DemoCustomersOfTheDocExamplesExist) {
  // The customer the Case examples name, and those the customer-event examples name.
  for (const char* code : {"C000154", "C000349", "C000055"}) {
    auto c = payload_of(get(std::string("/v3/customers/") + code));
    EXPECT_EQ(keys_of(c), kCustomerKeys) << code;
    EXPECT_STREQ(c["customerCode"].GetString(), code);
    EXPECT_STREQ(c["createdByUserId"].GetString(), kApiUser);
  }
  auto c = payload_of(get("/v3/customers/C000349"));
  EXPECT_EQ(strings_of(c["customerOwnersStr"]), (std::vector<std::string>{"staff01"}));
  // The legacy host layout of the docs' curl sample reaches the same route.
  EXPECT_EQ(get("/dev/v3/customers/C000055").status, 200);
}

TEST_F(CustomerApi, GetByCodeIsCaseInsensitive) {
  auto c = payload_of(get("/v3/customers/c000154"));
  EXPECT_STREQ(c["customerCode"].GetString(), "C000154");
  EXPECT_EQ(c["customerId"].GetInt64(), 705693);
  expect_error(get("/v3/customers/C999999"), 404, "customerCode C999999 was not found");
  expect_error(get("/v3/customers/" + std::string(51, 'C')), 404,
               "customerCode values are at most 50 characters; no such customer exists");
}

TEST_F(CustomerApi, GetById) {
  auto created = create("By id");
  const auto id = created["customerId"].GetInt64();
  auto c = payload_of(get("/v3/customers/id/" + std::to_string(id)));
  EXPECT_STREQ(c["customerCode"].GetString(), created["customerCode"].GetString());
  expect_error(get("/v3/customers/id/999999999"), 404, "customerId 999999999 was not found");
  // Not an int64: no route.
  auto res = get("/v3/customers/id/abc");
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body, R"({"statusCode":404,"message":"Resource not found"})");
}

TEST_F(CustomerApi, GetByNameMatchesTheTrimmedNameCaseInsensitively) {
  create("Twin Co");
  create("TWIN CO");
  create("Twin Co Ltd");
  auto res = get("/v3/customers/name/" + percent_encode("  twin co "));
  auto list = payload_of(res);
  EXPECT_EQ(codes_of(list), (std::vector<std::string>{"C000350", "C000351"}));
  EXPECT_EQ(res.header("x-total-count"), "2");
  EXPECT_EQ(keys_of(list[0]), kCustomerKeys);
  auto thai = payload_of(get("/v3/customers/name/" + percent_encode("บริษัท สยามการค้า จำกัด")));
  EXPECT_EQ(codes_of(thai), (std::vector<std::string>{"C000349"}));
  expect_error(get("/v3/customers/name/Nobody"), 404, "customerName Nobody was not found");
}

TEST_F(CustomerApi, GetByTaxIdListsBranches) {
  create("Branch 2", R"("customerTaxNo":"0994000000001","branchCode":"00002")");
  create("Head office", R"("customerTaxNo":"0994000000001","branchCode":"00000")");
  create("Unbranched", R"("customerTaxNo":"0994000000001")");
  auto res = get("/v3/customers/taxid/0994000000001");
  EXPECT_EQ(codes_of(payload_of(res)), (std::vector<std::string>{"C000352", "C000351", "C000350"}));
  EXPECT_EQ(res.header("x-total-count"), "3");
  EXPECT_EQ(codes_of(payload_of(get("/v3/customers/taxid/0994000000001?branchCode=00002"))),
            (std::vector<std::string>{"C000350"}));
  expect_error(get("/v3/customers/taxid/0994000000001?branchCode=00009"), 404,
               "taxId 0994000000001 with branchCode 00009 was not found");
  expect_error(get("/v3/customers/taxid/1234"), 404, "taxId 1234 was not found");
}

// ---------------------------------------------------------------------------------------------
// Customers Enquiry (#10)
//
// The demo company has six customers, in code order C000001, C000055, C000154, C000349, CUST-001
// and daisy, all of state 3. Only C000055 and C000349 have owners (staff01), an e-mail and an
// address with coordinates.

TEST_F(CustomerApi, EnquiryPagesInCodeOrderWithTheTotalInAHeader) {
  auto res = post("/v3/customers/enquiry", R"({"take":2})");
  auto list = payload_of(res);
  EXPECT_EQ(codes_of(list), (std::vector<std::string>{"C000001", "C000055"}));
  EXPECT_EQ(res.header("x-total-count"), "6");
  EXPECT_EQ(keys_of(list[0]), kCustomerKeys);
  EXPECT_EQ(enquiry_codes(R"({"take":2,"skip":2})"),
            (std::vector<std::string>{"C000154", "C000349"}));
  // A short last page.
  EXPECT_EQ(enquiry_codes(R"({"take":4,"skip":4})"),
            (std::vector<std::string>{"CUST-001", "daisy"}));
  auto past = post("/v3/customers/enquiry", R"({"take":2,"skip":10})");
  EXPECT_EQ(to_json(payload_of(past)), "[]");
  EXPECT_EQ(past.header("x-total-count"), "6");
  // pageLength is the legacy name of take.
  EXPECT_EQ(enquiry_codes(R"({"pageLength":1})"), (std::vector<std::string>{"C000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":1,"pageLength":3})"), (std::vector<std::string>{"C000001"}));
}

TEST_F(CustomerApi, EnquiryTakeRules) {
  expect_error(post("/v3/customers/enquiry", "{}"), 400, "take is required");
  expect_error(post("/v3/customers/enquiry", R"({"take":null})"), 400, "take is required");
  expect_error(post("/v3/customers/enquiry", R"({"take":0})"), 400, "take must be at least 1");
  expect_error(post("/v3/customers/enquiry", R"({"pageLength":-5})"), 400,
               "pageLength must be at least 1");
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"skip":-1})"), 400,
               "skip must be between 0 and 9223372036854775807");
  EXPECT_EQ(enquiry_ok(R"({"take":"5000"})").Size(), 6u);  // capped, not rejected
}

TEST_F(CustomerApi, EnquiryOrderBy) {
  create("b second", R"("customerState":1)");
  create("A first", R"("customerState":2)");
  EXPECT_EQ(enquiry_codes(R"({"take":10,"orderBy":"customerName"})"),
            (std::vector<std::string>{"P000001", "L000001", "daisy", "C000055", "C000001",
                                      "CUST-001", "C000349", "C000154"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"orderBy":"CustomerState DESC, customerCode desc"})"),
            (std::vector<std::string>{"daisy", "CUST-001", "C000349", "C000154", "C000055",
                                      "C000001", "P000001", "L000001"}));
  // NULL first, then by id: CUST-001 and C000001 have the documented ids 1001 and 592512, below
  // C000154's 705693; the created customers come after the demo ones.
  EXPECT_EQ(enquiry_codes(R"({"take":10,"orderBy":"customerEmail asc"})"),
            (std::vector<std::string>{"CUST-001", "C000001", "C000154", "daisy", "L000001",
                                      "P000001", "C000349", "C000055"}));
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"orderBy":"customerGender"})"), 400,
               "orderBy field customerGender is not a sortable field");
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"orderBy":"customerName up"})"), 400,
               "orderBy direction up must be asc or desc");
}

TEST_F(CustomerApi, EnquiryKeywordSearchesEverySearchableField) {
  create("Alpha", R"("customer2ndName":"Bravo Second","customerAliases":["CharlieAlias"],)"
                  R"("customerTaxNo":"3100700123456","customerPhone":"02-765-4321",)"
                  R"("customerMobile":"089-111-2233","customerEmail":"delta@echo.example",)"
                  R"("contacts":[{"contactName":"Foxtrot Person","contactPhone":"02-919-1919",)"
                  R"("contactMobile":"086-868-6868","contactEmail":"golf@hotel.example"}])");
  create("Other");
  // Contacts' names, phones and e-mails too (§7.1).
  for (const char* kw : {"alph", "BRAVO sec", "liealia", "c000350", "0070012", "765-43", "111-22",
                         "DELTA@ECHO", "lpha", "foxtrot per", "919-19", "868-68", "GOLF@hotel"}) {
    EXPECT_EQ(enquiry_codes(R"({"take":10,"keyword":)" + quote(kw) + "}"),
              (std::vector<std::string>{"C000350"}))
        << kw;
  }
  // Short keywords, with the same result.
  EXPECT_EQ(enquiry_codes(R"({"take":10,"keyword":"ph"})"), (std::vector<std::string>{"C000350"}));
  // A keyword never spans two fields.
  EXPECT_EQ(to_json(enquiry_ok(R"({"take":10,"keyword":"alpha bravo"})")), "[]");
  // Blank keywords filter nothing.
  EXPECT_EQ(enquiry_ok(R"({"take":10,"keyword":"  "})").Size(), 8u);
}

TEST_F(CustomerApi, KeywordsOfEveryLengthMatchAnywhereInTheText) {
  // The pair "ng" ends the text here (the e-mail is the last field), "al" starts it.
  create("Alpha", R"("customerEmail":"a@b.ng")");
  create("Bravo Wang");
  create("Charlie", R"("customerState":1)");
  auto codes = [&](const std::string& kw, const std::string& more = "") {
    return enquiry_codes(R"({"take":10,"keyword":)" + quote(kw) + more + "}");
  };
  // (The demo customers C000055 and C000349 have "trading" in their names.)
  const std::vector<std::string> with_g = {"C000055", "C000349", "C000350", "C000351"};
  EXPECT_EQ(codes("ng"), with_g);
  EXPECT_EQ(codes("g"), with_g);
  EXPECT_EQ(codes(".ng"), (std::vector<std::string>{"C000350"}));
  EXPECT_EQ(codes("al"), (std::vector<std::string>{"C000350"}));
  EXPECT_EQ(codes("qq"), std::vector<std::string>{});
  // Two characters never span two fields either: "0" ends Alpha's code, "a" starts its e-mail.
  EXPECT_EQ(codes("0a"), std::vector<std::string>{});
  EXPECT_EQ(codes("ha", R"(,"customerStates":[1])"), (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(codes("ha", R"(,"customerType":11100)"), (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(codes("ng", R"(,"customerStates":1)"), std::vector<std::string>{});
  // The same matches and order whether or not another filter makes the rows be read.
  for (const char* kw : {"a", "ar", "ra", "an", "c00", "harl", "ng"}) {
    for (const char* order : {"customerCode", "customerCode desc"}) {
      const std::string more = std::string(R"(,"orderBy":")") + order + "\"";
      auto fast = post("/v3/customers/enquiry",
                       R"({"take":2,"skip":1,"keyword":)" + quote(kw) + more + "}");
      auto read = post(
          "/v3/customers/enquiry",
          R"({"take":2,"skip":1,"customerStatuses":[0,2],"keyword":)" + quote(kw) + more + "}");
      EXPECT_EQ(codes_of(payload_of(fast)), codes_of(payload_of(read))) << kw << " " << order;
      EXPECT_EQ(fast.header("x-total-count"), read.header("x-total-count")) << kw << " " << order;
    }
  }
}

TEST_F(CustomerApi, KeywordSearchFollowsAStateChange) {
  create("Movable", R"("customerState":1)");
  auto codes = [&](const std::string& state) {
    return enquiry_codes(R"({"take":10,"keyword":"movab")" + state + "}");
  };
  EXPECT_EQ(codes(R"(,"customerStates":[1])"), (std::vector<std::string>{"L000001"}));
  upsert_ok(R"({"customerCode":"L000001","customerName":"Movable","customerState":3})");
  EXPECT_EQ(codes(R"(,"customerStates":[1])"), std::vector<std::string>{});
  EXPECT_EQ(codes(R"(,"customerStates":[3])"), (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(codes(R"(,"customerType":11300)"), (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(codes(""), (std::vector<std::string>{"L000001"}));
  auto found = payload_of(post("/v3/customers/search", R"({"searchText":"movab"})"));
  EXPECT_EQ(codes_of(found), (std::vector<std::string>{"L000001"}));
}

TEST_F(CustomerApi, ThaiKeywordFindsASubstringInTheMiddleOfAName) {
  create("บริษัทสยามการค้า");
  create("บริษัทไทยพัฒนา");
  EXPECT_EQ(enquiry_codes(R"({"take":10,"keyword":"สยามการ"})"),
            (std::vector<std::string>{"C000349", "C000350"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"keyword":"ไทยพัฒ","customerType":11300})"),
            (std::vector<std::string>{"C000351"}));
  auto found = payload_of(post("/v3/customers/search", R"({"searchText":"ยามการค้"})"));
  EXPECT_EQ(codes_of(found), (std::vector<std::string>{"C000349", "C000350"}));
}

TEST_F(CustomerApi, KeywordWildcardsMatchLiterally) {
  create("100% Cotton");
  create("100 Cotton");
  create("snake_case shop");
  create("snakeXcase shop");
  create(R"(back\slash)");
  EXPECT_EQ(enquiry_codes(R"({"take":10,"keyword":"100%"})"),
            (std::vector<std::string>{"C000350"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"keyword":"% cot"})"),
            (std::vector<std::string>{"C000350"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"keyword":"e_c"})"), (std::vector<std::string>{"C000352"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"keyword":"k\\s"})"),
            (std::vector<std::string>{"C000354"}));
  EXPECT_EQ(to_json(enquiry_ok(R"({"take":10,"keyword":"%%"})")), "[]");
}

TEST_F(CustomerApi, EnquiryFilters) {
  create("Lead one", R"("customerState":1,"customerStatus":2,"leadStatus":2,"customerType":2,)"
                     R"("customerNote":"Moved away")");
  create("Prospect one",
         R"("customerState":2,"customerTags":["VIP","north"],"customerGroupName":"Gold")");
  // The filters of §7.1.
  EXPECT_EQ(enquiry_codes(R"({"take":10,"customerStates":[2]})"),
            (std::vector<std::string>{"P000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"customerStates":[1,2]})"),
            (std::vector<std::string>{"L000001", "P000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"customerTypes":[2]})"),
            (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"customerStatuses":[2]})"),
            (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"leadStatuses":[1,2]})"),
            (std::vector<std::string>{"L000001"}));
  // Tags and groups by name, in any case.
  EXPECT_EQ(enquiry_codes(R"({"take":10,"customerTags":["vip"]})"),
            (std::vector<std::string>{"P000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"customerGroupNames":["GOLD","Silver"]})"),
            (std::vector<std::string>{"P000001"}));
  EXPECT_EQ(to_json(enquiry_ok(R"({"take":10,"customerTags":["south"]})")), "[]");
  // The legacy type codes name states.
  EXPECT_EQ(enquiry_codes(R"({"take":10,"customerType":11100})"),
            (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"ccustomerType":11200})"),
            (std::vector<std::string>{"P000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"type":11200})"), (std::vector<std::string>{"P000001"}));
  // The canonical name wins over the legacy alias.
  EXPECT_EQ(enquiry_codes(R"({"take":10,"customerType":11100,"ccustomerType":11200})"),
            (std::vector<std::string>{"L000001"}));
  // The legacy states (1 Active, 2 Inactive) are customerStatus 0 and 2.
  EXPECT_EQ(enquiry_codes(R"({"take":10,"states":2})"), (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"states":[1,2],"customerType":11200})"),
            (std::vector<std::string>{"P000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"statuses":[false]})"),
            (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(enquiry_ok(R"({"take":10,"statuses":[true,false]})").Size(), 8u);
  // Owners: C000055 and C000349 belong to staff01 (team 1).
  EXPECT_EQ(enquiry_codes(R"({"take":10,"owners":["STAFF01"]})"),
            (std::vector<std::string>{"C000055", "C000349"}));
  EXPECT_EQ(to_json(enquiry_ok(R"({"take":10,"owners":["ghost"]})")), "[]");
  EXPECT_EQ(enquiry_codes(R"({"take":10,"ownerTeams":2})"),
            (std::vector<std::string>{"C000055", "C000349"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"ownerTeams":1})").size(), 8u);
  EXPECT_EQ(to_json(enquiry_ok(R"({"take":10,"ownerTeams":77})")), "[]");
  // Ignored legacy fields.
  EXPECT_EQ(enquiry_ok(R"({"take":10,"actionStates":3,"probabilities":[1],)"
                       R"("displayColumns":["customerName"]})")
                .Size(),
            8u);
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"customerType":11400})"), 400,
               "customerType must hold 1 (business), 2 (individual) or a legacy type 11100, 11200 "
               "or 11300");
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"customerStates":[4]})"), 400,
               "customerStates[0] must be an integer between 1 and 3");
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"leadStatuses":[0]})"), 400,
               "leadStatuses[0] must be an integer between 1 and 4");
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"states":[1,3]})"), 400,
               "states[1] must be an integer between 0 and 2");
  // The legacy request example of ENDPOINTS.md §4.3.3 (cut off there; closed with a take): its
  // zeros filter nothing.
  EXPECT_EQ(enquiry_codes(R"({ "customerType": 11100, "latitude": 0.0, "longitude": 0.0, )"
                          R"("distanceLimit": 0.0, "states": 0, "take": 10 })"),
            (std::vector<std::string>{"L000001"}));
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"statuses":["maybe"]})"), 400,
               "statuses[0] must be a boolean");
}

TEST_F(CustomerApi, EnquiryTeamsGroupsClassificationsAndInterests) {
  auto lead = create("Grouped", R"("customerState":1,"owners":["staff01"])");
  const auto id = std::to_string(lead["customerId"].GetInt64());
  const auto company = std::to_string(company_.id);
  sql("UPDATE customers SET customer_group_id = 7, classification_id = 9 WHERE customer_id = " +
      id);
  sql("INSERT INTO customer_interests (company_id, customer_id, topic_id) VALUES (" + company +
      ", " + id + ", 42)");
  EXPECT_EQ(enquiry_codes(R"({"take":10,"groups":[7,8]})"), (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"classifications":[9]})"),
            (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"topicInterests":["42"]})"),
            (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(to_json(enquiry_ok(R"({"take":10,"topicInterests":["43"]})")), "[]");
  EXPECT_EQ(enquiry_ok(R"({"take":10,"groups":[]})").Size(), 7u);  // empty list: no filter
  EXPECT_EQ(enquiry_codes(R"({"take":10,"ownerTeams":1,"customerStates":[1]})"),
            (std::vector<std::string>{"L000001"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,"ownerTeams":"1","owners":["staff01"]})").size(), 3u);
  sql("UPDATE users SET team_id = 5 WHERE company_id = " + company + " AND staff_code = 'staff01'");
  EXPECT_EQ(enquiry_codes(R"({"take":10,"ownerTeams":5})").size(), 3u);
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"topicInterests":["x"]})"), 400,
               "topicInterests[0] must be an integer between 1 and 9223372036854775807");
}

TEST_F(CustomerApi, EnquiryDistance) {
  // The demo customers C000055 and C000349 are at 13.7367, 100.5603 (Khlong Toei); the others
  // have no coordinates.
  create("Chiang Mai shop", R"("addresses":[{"locationName":"Shop","location":"Nimman",)"
                            R"("latitude":18.7961,"longitude":98.9656}])");
  // Siam Paragon, about 3 km from Khlong Toei; Chiang Mai is about 580 km away.
  const std::string centre = R"("latitude":13.7462,"longitude":100.5347)";
  EXPECT_EQ(enquiry_codes(R"({"take":10,)" + centre + R"(,"distanceLimit":5})"),
            (std::vector<std::string>{"C000055", "C000349"}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,)" + centre + R"(,"distanceLimit":2})"),
            (std::vector<std::string>{}));
  EXPECT_EQ(enquiry_codes(R"({"take":10,)" + centre + R"(,"distanceLimit":600})"),
            (std::vector<std::string>{"C000055", "C000349", "C000350"}));
  // The legacy samples' zeros filter nothing.
  EXPECT_EQ(enquiry_ok(R"({"take":10,"latitude":0.0,"longitude":0.0,"distanceLimit":0.0})").Size(),
            7u);
  expect_error(post("/v3/customers/enquiry", R"({"take":1,"distanceLimit":5})"), 400,
               "distanceLimit needs latitude and longitude");
}

// The legacy routes of §7.1: Get by code at /v1/Customers/{code}, and Customers Enquiry at
// /v1/Customers/filter with its paging in the query string.
TEST_F(CustomerApi, LegacyRoutes) {
  auto legacy = get("/v1/Customers/c000154");
  EXPECT_EQ(legacy.body, get("/v3/customers/C000154").body);
  expect_error(get("/v1/customers/C999999"), 404, "customerCode C999999 was not found");

  create("A lead", R"("customerState":1)");
  auto page = post("/v1/Customers/filter?skip=1&pageLength=1", R"({"type":11300})");
  EXPECT_EQ(codes_of(payload_of(page)), (std::vector<std::string>{"C000055"}));
  EXPECT_EQ(page.header("x-total-count"), "6");
  EXPECT_EQ(enquiry_codes(R"({"take":1,"skip":1,"customerType":11300})"),
            codes_of(payload_of(page)));
  // take is the query's other name of pageLength; without either the body's, or 20.
  EXPECT_EQ(codes_of(payload_of(post("/v1/customers/filter?take=2", "{}"))),
            (std::vector<std::string>{"C000001", "C000055"}));
  EXPECT_EQ(codes_of(payload_of(post("/v1/Customers/filter", R"({"pageLength":1})"))),
            (std::vector<std::string>{"C000001"}));
  EXPECT_EQ(payload_of(post("/v1/Customers/filter", "{}")).Size(), 7u);
  expect_error(post("/v1/Customers/filter?pageLength=abc", "{}"), 400,
               "pageLength must be an integer");
  expect_error(post("/v1/Customers/filter?pageLength=0", "{}"), 400,
               "pageLength must be between 1 and 9223372036854775807");
  expect_error(post("/v1/Customers/filter?skip=-1&pageLength=5", "{}"), 400,
               "skip must be between 0 and 9223372036854775807");
}

// ---------------------------------------------------------------------------------------------
// Customer Search (#20)

TEST_F(CustomerApi, SearchReturnsCompactItemsExactCodeFirst) {
  create("Zeta C000351 reseller");  // C000350: its name holds the next code
  create("Alpha", R"("customerTaxNo":"123","branchCode":"00000","customerEmail":"a@b.c")");
  auto res = post("/v3/customers/search", R"({"searchText":"c000351"})");
  auto list = payload_of(res);
  EXPECT_EQ(codes_of(list), (std::vector<std::string>{"C000351", "C000350"}));
  EXPECT_EQ(res.header("x-total-count"), "2");
  // customerState joins the designed item: with §7.1 customerType no longer tells a lead from a
  // customer.
  EXPECT_EQ(keys_of(list[0]), (std::vector<std::string>{
                                  "customerId", "customerCode", "customerName", "customer2ndName",
                                  "customerType", "customerState", "customerTaxNo", "branchCode",
                                  "customerPhone", "customerMobile", "customerEmail"}));
  EXPECT_EQ(list[0]["customerState"].GetInt(), 3);
  EXPECT_STREQ(list[0]["customerTaxNo"].GetString(), "123");
  EXPECT_TRUE(list[0]["customerPhone"].IsNull());
  // By name after the exact code (CUST-001 and daisy hold no "c000").
  EXPECT_EQ(
      codes_of(payload_of(post("/v3/customers/search", R"({"searchText":"c000"})"))),
      (std::vector<std::string>{"C000351", "C000055", "C000001", "C000350", "C000349", "C000154"}));
  EXPECT_EQ(codes_of(payload_of(
                post("/v3/customers/search", R"({"searchText":"c000","take":2,"skip":1})"))),
            (std::vector<std::string>{"C000055", "C000001"}));
  EXPECT_EQ(to_json(payload_of(
                post("/v3/customers/search", R"({"searchText":"c000","customerTypes":[11100]})"))),
            "[]");
  expect_error(post("/v3/customers/search", R"({"searchText":" x "})"), 400,
               "searchText must be at least 2 characters");
  expect_error(post("/v3/customers/search", "{}"), 400, "searchText is required");
  EXPECT_EQ(to_json(payload_of(
                post("/v3/customers/search", R"({"searchText":"c000","customerStates":[1,2]})"))),
            "[]");
  EXPECT_EQ(payload_of(post("/v3/customers/search",
                            R"({"searchText":"c000","customerStates":[3],"customerTypes":[1]})"))
                .Size(),
            6u);
  expect_error(post("/v3/customers/search", R"({"searchText":"ab","customerTypes":[3]})"), 400,
               "customerTypes must hold 1 (business), 2 (individual) or a legacy type 11100, "
               "11200 or 11300");
  expect_error(post("/v3/customers/search", R"({"searchText":"ab","take":0})"), 400,
               "take must be at least 1");
}

TEST_F(CustomerApi, SearchTakesTwentyByDefault) {
  server_.db().write_now([&](storage::Session& s) {
    for (int i = 0; i < 25; ++i) {
      s.exec(
          "INSERT INTO customers (company_id, customer_code, customer_name, customer_state, "
          "is_active, created_at) VALUES (?, ?, 'Bulk', 3, 1, 0)",
          {company_.id, std::string_view("B" + std::to_string(100 + i))});
    }
  });
  // Rows stored without a search row become searchable once indexed.
  server_.db().write_now([&](storage::Session& s) {
    auto rows = s.query("SELECT customer_id FROM customers WHERE customer_name = 'Bulk'");
    std::vector<std::int64_t> ids;
    while (rows.next()) ids.push_back(rows.i64(0));
    for (auto id : ids) customers::index_customer(s, company_.id, id);
  });
  auto res = post("/v3/customers/search", R"({"searchText":"bulk"})");
  EXPECT_EQ(payload_of(res).Size(), 20u);
  EXPECT_EQ(res.header("x-total-count"), "25");
}

// ---------------------------------------------------------------------------------------------
// Check Customer Existence (#23)

TEST_F(CustomerApi, ExistenceReportsMatchedFields) {
  create("Dup Co",
         R"("customerPhone":"(02) 555-0101","customerMobile":"+66 81 555 0199",)"
         R"("customerEmail":"Dup@Co.example","customerTaxNo":"777","branchCode":"00001")");
  auto res =
      post("/v3/customers/existence",
           R"({"customerName":" dup co ","customerPhone":"081-555-0199",)"
           R"("customerEmail":"dup@co.EXAMPLE","customerTaxNo":"777","branchCode":"00001"})");
  auto data = payload_of(res);
  EXPECT_EQ(to_json(data),
            R"({"isExist":true,"customers":[{"customerId":)" +
                std::to_string(payload_of(get("/v3/customers/C000350"))["customerId"].GetInt64()) +
                R"(,"customerCode":"C000350","customerName":"Dup Co","matchedFields":)"
                R"(["customerName","customerTaxNo","branchCode","customerEmail"]}]})");
  // Digits only, either stored number.
  auto phone = payload_of(post("/v3/customers/existence", R"({"customerMobile":"02 555 0101"})"));
  EXPECT_EQ(to_json(phone["customers"][0]["matchedFields"]), R"(["customerMobile"])");
  auto mobile = payload_of(post("/v3/customers/existence", R"({"customerPhone":"66815550199"})"));
  EXPECT_EQ(to_json(mobile["customers"][0]["matchedFields"]), R"(["customerPhone"])");
  // Another branch of the same tax id is not this customer.
  auto branch = payload_of(
      post("/v3/customers/existence", R"({"customerTaxNo":"777","branchCode":"00002"})"));
  EXPECT_EQ(to_json(branch), R"({"isExist":false,"customers":[]})");
  expect_error(post("/v3/customers/existence", R"({"branchCode":"00001","customerName":" "})"), 400,
               "At least one of customerName, customerTaxNo, customerPhone, customerMobile or "
               "customerEmail is required");
}

// ---------------------------------------------------------------------------------------------
// Tenancy and the Case section

TEST_F(CustomerApi, AnotherCompanyNeitherSeesNorChangesTheseCustomers) {
  auto mine = create("Mine only", R"("customerState":1,"customerTaxNo":"555",)"
                                  R"("customerEmail":"mine@x.example")");
  const auto id = std::to_string(mine["customerId"].GetInt64());
  auto other = server_.add_company(false);
  EXPECT_EQ(get("/v3/customers/L000001", &other).status, 404);
  EXPECT_EQ(get("/v3/customers/C000154", &other).status, 404);
  EXPECT_EQ(get("/v3/customers/id/" + id, &other).status, 404);
  EXPECT_EQ(get("/v3/customers/name/Mine%20only", &other).status, 404);
  EXPECT_EQ(get("/v3/customers/taxid/555", &other).status, 404);
  auto list = post("/v3/customers/enquiry", R"({"take":100})", &other);
  EXPECT_EQ(list.body, R"({"status":{"code":"1000","description":"Success"},"data":[]})");
  EXPECT_EQ(list.header("x-total-count"), "0");
  EXPECT_EQ(post("/v3/customers/enquiry", R"({"take":100,"keyword":"mine"})", &other).body,
            R"({"status":{"code":"1000","description":"Success"},"data":[]})");
  EXPECT_EQ(post("/v3/customers/search", R"({"searchText":"mine"})", &other).body,
            R"({"status":{"code":"1000","description":"Success"},"data":[]})");
  EXPECT_EQ(to_json(payload_of(
                post("/v3/customers/existence", R"({"customerEmail":"mine@x.example"})", &other))),
            R"({"isExist":false,"customers":[]})");
  expect_error(
      post("/v3/customers", R"({"customerCode":"L000001","customerName":"Hijack"})", &other), 404,
      "customerCode L000001 was not found");
  // The other company's own numbering starts afresh, and its owners are its own.
  EXPECT_STREQ(create("Theirs", R"("customerState":1)", &other)["customerCode"].GetString(),
               "L000001");
  EXPECT_EQ(post("/v3/customers", R"({"customerName":"X","owners":["staff01"]})", &other).status,
            404);
  EXPECT_STREQ(payload_of(get("/v3/customers/L000001"))["customerName"].GetString(), "Mine only");
}

TEST_F(CustomerApi, CasesUseCustomersCreatedHere) {
  auto c = create("Case customer");
  const std::string code = c["customerCode"].GetString();
  auto res = post("/v1/case", R"({"caseType":1,"subject":"Hello","customerCode":")" + code +
                                  R"(","categoryId":2140016585,"dateCase":"2025-04-02",)"
                                  R"("dateDue":"2025-04-03","assignedToUserId":")" +
                                  kAssignee + R"("})");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  const auto& kase = doc["data"]["data"];
  EXPECT_EQ(kase["customerId"].GetInt64(), c["customerId"].GetInt64());
  EXPECT_STREQ(kase["feedbackFromName"].GetString(), "Case customer");
  EXPECT_STREQ(kase["customerCode"].GetString(), code.c_str());
  // A renamed customer shows its new name on the case.
  upsert_ok(R"({"customerCode":")" + code + R"(","customerName":"Renamed"})");
  auto got = client_.request("GET", "/v1/case/" + std::string(kase["feedbackNo"].GetString()),
                             company_.auth());
  EXPECT_STREQ(got.json()["data"]["data"]["feedbackFromName"].GetString(), "Renamed");
  // An inactive customer (customerStatus other than 0, §7.1) cannot take new cases.
  upsert_ok(R"({"customerCode":")" + code +
            R"(","customerName":"Renamed","customerStatus":1,"customerNote":"Contract ended"})");
  auto inactive = post("/v1/case", R"({"caseType":1,"subject":"Hello","customerCode":")" + code +
                                       R"(","categoryId":2140016585,"dateCase":"2025-04-02",)"
                                       R"("dateDue":"2025-04-03","assignedToUserId":")" +
                                       kAssignee + R"("})");
  EXPECT_EQ(inactive.status, 404);
}

}  // namespace
}  // namespace ov::test
