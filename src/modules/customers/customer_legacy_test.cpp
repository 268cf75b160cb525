// The legacy customer object (ENDPOINTS.md §4.0), as deals and sales orders nest it: its keys
// in the example's order, and customerType in the legacy codes, derived from customerState.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "modules/customers/customer_repository.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/test_company.hpp"

namespace ov::customers {
namespace {

using api::given;
using storage::run_sync;

constexpr core::UnixSeconds kNow = 1743442200;  // 2025-04-01T00:30:00+0700

class LegacyCustomerObject : public modules::DemoCompanyTest {
 protected:
  LegacyCustomerObject() : DemoCompanyTest(kNow) {}
  void SetUp() override {
    DemoCompanyTest::SetUp();
    if (IsSkipped()) return;
    service_.emplace(db(), clock_);
  }

  // The legacy object of the customer `code`, as JSON text.
  std::string legacy_json(const std::string& code) {
    const auto id = run_sync(service_->by_code(caller_, code)).customer_id;
    std::string out;
    db().read_now([&](storage::Session& s) {
      auto c = CustomerRepository(s).find_legacy(company_, id);
      EXPECT_TRUE(c);
      if (!c) return;
      api::StringSink sink(out);
      api::JsonWriter w(sink);
      api::write_object(w, *c, core::Fields<CustomerRecord>(kLegacyCustomerFields),
                        {&core::TimeZone::bangkok(), ""});
    });
    return out;
  }

  std::optional<CustomerService> service_;
};
OV_ON_EVERY_BACKEND(LegacyCustomerObject);

std::vector<std::string> keys_of(const rapidjson::Value& v) {
  std::vector<std::string> out;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) out.emplace_back(it->name.GetString());
  return out;
}

TEST_P(LegacyCustomerObject, KeepsTheLegacyTypeCodesDerivedFromTheState) {
  for (auto [state, legacy] : {std::pair{kStateLead, 11100}, std::pair{kStateProspect, 11200},
                               std::pair{kStateCustomer, 11300}}) {
    UpsertInput in;
    in.customer_name = "State " + std::to_string(state);
    in.customer_state = given<std::int64_t>(state);
    in.customer_type = given<std::int64_t>(kTypeIndividual);  // not what customerType shows here
    const auto code = run_sync(service_->upsert(caller_, in)).customer_code;
    rapidjson::Document doc;
    doc.Parse(legacy_json(code).c_str());
    ASSERT_TRUE(doc.IsObject());
    EXPECT_EQ(doc["customerType"].GetInt(), legacy) << code;
    EXPECT_EQ(doc["type"].GetInt(), kLegacyRecordType);
  }
}

TEST_P(LegacyCustomerObject, CarriesTheExamplesFieldsAndNestedEntries) {
  UpsertInput in;
  in.customer_name = "Nested";
  in.group_name = given<std::string>("Gold");
  in.classification_name = given<std::string>("Retail");
  in.source_name = given<std::string>("Website");
  in.interests = given<std::vector<std::string>>({"Solar"});
  in.owners = given<std::vector<std::string>>({"staff01"});
  in.picture = given<std::string>("https://cdn.example.com/p.png");
  AddressInput a;
  a.location = "Bangkok";
  in.addresses = given<std::vector<AddressInput>>({a});
  const auto c = run_sync(service_->upsert(caller_, in));
  rapidjson::Document doc;
  doc.Parse(legacy_json(c.customer_code).c_str());
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(keys_of(doc),
            (std::vector<std::string>{
                "customerId",   "companyId",        "customerCode",      "customerName",
                "type",         "customerType",     "isActive",          "createdByUserId",
                "dateCreated",  "modifiedByUserId", "dateModified",      "customerGroupId",
                "sourceOfLead", "classificationId", "hasOwner",          "customerOwnersStr",
                "pictureUrl",   "addresses",        "customerInterests", "customerClassification",
                "customerGroup"}));
  EXPECT_EQ(doc["customerId"].GetInt64(), c.customer_id);
  EXPECT_EQ(doc["customerType"].GetInt(), 11300);
  EXPECT_TRUE(doc["isActive"].GetBool());
  EXPECT_STREQ(doc["dateCreated"].GetString(), "2025-04-01T00:30:00+0700");
  EXPECT_EQ(doc["customerGroupId"].GetInt64(), *c.group_id);
  EXPECT_EQ(doc["sourceOfLead"].GetInt64(), *c.source_id);
  EXPECT_EQ(doc["classificationId"].GetInt64(), *c.classification_id);
  EXPECT_TRUE(doc["hasOwner"].GetBool());
  EXPECT_STREQ(doc["customerOwnersStr"][0].GetString(), "staff01");
  EXPECT_STREQ(doc["pictureUrl"].GetString(), "https://cdn.example.com/p.png");
  ASSERT_EQ(doc["addresses"].Size(), 1u);
  EXPECT_EQ(keys_of(doc["addresses"][0]),
            (std::vector<std::string>{"addressId", "customerId", "isActive", "createdByUserId",
                                      "dateCreated", "location", "locationName"}));
  EXPECT_TRUE(doc["addresses"][0]["locationName"].IsNull());
  ASSERT_EQ(doc["customerInterests"].Size(), 1u);
  EXPECT_EQ(keys_of(doc["customerInterests"][0]),
            (std::vector<std::string>{"customerId", "topicId", "isActive"}));
  EXPECT_EQ(doc["customerInterests"][0]["topicId"].GetInt64(), c.interest_ids.at(0));
  const auto& cls = doc["customerClassification"];
  EXPECT_EQ(keys_of(cls),
            (std::vector<std::string>{"customerClassificationId", "customerClassificationName",
                                      "companyId", "isActive", "createdByUserId", "dateCreated",
                                      "modifiedByUserId", "dateModified"}));
  EXPECT_STREQ(cls["customerClassificationName"].GetString(), "Retail");
  EXPECT_EQ(cls["companyId"].GetInt64(), company_);
  EXPECT_STREQ(cls["createdByUserId"].GetString(), demo::kApiUserId);
  EXPECT_STREQ(cls["dateModified"].GetString(), "2025-04-01T00:30:00+0700");
  const auto& group = doc["customerGroup"];
  EXPECT_EQ(keys_of(group),
            (std::vector<std::string>{"customerGroupId", "companyId", "customerGroupName",
                                      "isActive", "createdByUserId", "dateCreated",
                                      "modifiedByUserId", "dateModified"}));
  EXPECT_STREQ(group["customerGroupName"].GetString(), "Gold");
  EXPECT_TRUE(group["isActive"].GetBool());

  // Without a group or classification both are null.
  UpsertInput plain;
  plain.customer_name = "Plain";
  doc.Parse(legacy_json(run_sync(service_->upsert(caller_, plain)).customer_code).c_str());
  EXPECT_TRUE(doc["customerGroup"].IsNull());
  EXPECT_TRUE(doc["customerClassification"].IsNull());
  EXPECT_TRUE(doc["customerGroupId"].IsNull());
  EXPECT_EQ(doc["customerInterests"].Size(), 0u);
}

}  // namespace
}  // namespace ov::customers
