// Bad input to the v3 fields of Create or Update customer (ENDPOINTS.md §7.1): out-of-range
// enums, contacts without a name, custom fields with other than strings, lists and maps past
// their bounds. Each is 400 with 4001 (one problem) or 4002 (every problem), and nothing of
// the request is written: no customer, no master entry, no number used up.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

std::string repeated(const std::string& item, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ",";
    out += item;
  }
  return out;
}

std::string numbered(const std::string& before, const std::string& after, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ",";
    out += before + std::to_string(i) + after;
  }
  return out;
}

class CustomerV3Input : public ::testing::Test {
 protected:
  HttpResponse upsert(const std::string& fields) {
    return client_.request("POST", "/v3/customers", company_.auth_json(),
                           R"({"customerName":"Bad input",)" + fields + "}");
  }
  // Rows the request could have written.
  std::int64_t written() {
    std::int64_t n = 0;
    server_.db().read_now([&](storage::Session& s) {
      for (const char* table :
           {"customers", "customer_contacts", "customer_sources", "customer_groups",
            "customer_classifications", "customer_interest_topics", "customer_unqualified_reasons",
            "customer_tag_links", "number_sequences"}) {
        n += *s.query_i64(std::string("SELECT COUNT(*) FROM ") + table);
      }
    });
    return n;
  }
  void expect_refused(const std::string& fields, const std::string& message) {
    SCOPED_TRACE(fields.substr(0, 200));
    const auto before = written();
    auto res = upsert(fields);
    EXPECT_EQ(res.status, 400) << res.body;
    EXPECT_EQ(res.body, one_problem_body(message)) << res.body.substr(0, 400);
    EXPECT_EQ(written(), before);
  }

  TestServer server_;
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(CustomerV3Input, EnumsOutOfRange) {
  expect_refused(R"("customerState":4)", "customerState must be between 1 and 3");
  expect_refused(R"("customerState":0)", "customerState must be between 1 and 3");
  expect_refused(R"("customerStatus":3)", "customerStatus must be between 0 and 2");
  expect_refused(R"("customerStatus":"closed")", "customerStatus must be an integer");
  expect_refused(R"("leadStatus":5)", "leadStatus must be between 1 and 4");
  expect_refused(R"("customerType":3)",
                 "customerType must be 1 (business) or 2 (individual), or a legacy type 11100, "
                 "11200 or 11300");
  expect_refused(R"("type":1)", "type must be 11100, 11200 or 11300");
  expect_refused(R"("addresses":[{"locationAddress":"x","locationType":3}])",
                 "addresses[0].locationType must be between 1 and 2");
  expect_refused(R"("contacts":[{"contactName":"A","contactStatus":"maybe"}])",
                 "contacts[0].contactStatus must be a boolean");
}

TEST_F(CustomerV3Input, ContactsNeedANameAndObjects) {
  expect_refused(R"("contacts":[{"contactPhone":"1"}])", "contacts[0].contactName is required");
  expect_refused(R"("contacts":[{"contactName":"   "}])", "contacts[0].contactName is required");
  expect_refused(R"("contacts":[{"contactName":"A"},"B"])", "contacts[1] must be an object");
  expect_refused(R"("contacts":"A")", "contacts must be an array of at most 50 objects");
  expect_refused(R"("contact":{"contactEmail":"a@b.c"})", "contact.contactName is required");
  expect_refused(R"("contact":"A")", "contact must be an object");
  expect_refused(R"("contacts":{"contactName":7})", "contacts.contactName must be a string");
  expect_refused(R"("addresses":[{"locationName":"HQ"}])",
                 "addresses[0].locationAddress is required");
}

TEST_F(CustomerV3Input, CustomFieldsHoldNamedListsOfStrings) {
  expect_refused(R"("customFields":[{"customFieldName":"X","customFieldValue":[1]}])",
                 "customFields[0].customFieldValue[0] must be a string");
  expect_refused(R"("customFields":[{"customFieldName":"X","customFieldValue":"one"}])",
                 "customFields[0].customFieldValue must be an array of strings");
  expect_refused(R"("customFields":[{"customFieldValue":["a"]}])",
                 "customFields[0].customFieldName is required");
  expect_refused(R"("customFields":{"customFieldName":"X"})",
                 "customFields must be an array of at most 50 objects");
}

// The bounds, with their reasons in customer_routes.cpp: 50 contacts, custom fields, tags and
// interests, 50 values per custom field, 100 characters per tag, 20 social accounts with names
// of 50 and values of 2048 characters.
TEST_F(CustomerV3Input, ListsAndMapsPastTheirBounds) {
  expect_refused(R"("contacts":[)" + repeated(R"({"contactName":"A"})", 51) + "]",
                 "contacts must be an array of at most 50 objects");
  expect_refused(R"("customFields":[)" +
                     repeated(R"({"customFieldName":"F","customFieldValue":[]})", 51) + "]",
                 "customFields must be an array of at most 50 objects");
  expect_refused(R"("customFields":[{"customFieldName":"F","customFieldValue":[)" +
                     repeated(R"("v")", 51) + "]}]",
                 "customFields[0].customFieldValue must have at most 50 items");
  expect_refused(R"("customerTags":[)" + numbered(R"("t)", R"(")", 51) + "]",
                 "customerTags must have at most 50 items");
  expect_refused(R"("customerTags":[")" + std::string(101, 't') + R"("])",
                 "customerTags[0] must be at most 100 characters");
  expect_refused(R"("interestsName":[)" + numbered(R"("i)", R"(")", 51) + "]",
                 "interestsName must have at most 50 items");
  expect_refused(R"("customerSocialAccount":{)" + numbered(R"("net)", R"(":"x")", 21) + "}",
                 "customerSocialAccount must be an object of at most 20 string values");
  expect_refused(R"("customerSocialAccount":{")" + std::string(51, 'k') + R"(":"x"})",
                 "customerSocialAccount keys must be 1 to 50 characters");
  expect_refused(R"("customerSocialAccount":{"line":")" + std::string(2049, 'v') + R"("})",
                 "customerSocialAccount.line must be at most 2048 characters");
  expect_refused(R"("customerSocialAccount":{"line":7})",
                 "customerSocialAccount.line must be a string");
  expect_refused(R"("customerSocialAccount":["line"])",
                 "customerSocialAccount must be an object of at most 20 string values");
  expect_refused(R"("contacts":[{"contactName":"A","contactSocialAccount":{)" +
                     numbered(R"("net)", R"(":"x")", 21) + "}}]",
                 "contacts[0].contactSocialAccount must be an object of at most 20 string values");
  // At the bounds, all is stored.
  auto res = upsert(R"("contacts":[)" + repeated(R"({"contactName":"A"})", 50) +
                    R"(],"customerTags":[)" + numbered(R"("t)", R"(")", 50) +
                    R"(],"customerSocialAccount":{)" + numbered(R"("net)", R"(":"x")", 20) + "}");
  ASSERT_EQ(res.status, 200) << res.body.substr(0, 400);
  auto doc = res.json();
  EXPECT_EQ(doc["data"]["contacts"].Size(), 50u);
  EXPECT_EQ(doc["data"]["customerTags"].Size(), 50u);
  EXPECT_EQ(doc["data"]["customerSocialAccount"].MemberCount(), 20u);
}

TEST_F(CustomerV3Input, EveryProblemAtOnceIs4002) {
  const auto before = written();
  auto res = upsert(
      R"("customerState":9,"sourceName":"New source","contacts":[{"contactPhone":"1"}],)"
      R"("customFields":[{"customFieldName":"X","customFieldValue":[true]}],"leadStatus":0)");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(
      res.body,
      R"({"status":{"code":"4002","description":"Validation failed"},"data":{"errors":[)"
      R"({"field":"customerState","message":"customerState must be between 1 and 3"},)"
      R"({"field":"contacts[0].contactName","message":"contacts[0].contactName is required"},)"
      R"({"field":"customFields[0].customFieldValue[0]",)"
      R"("message":"customFields[0].customFieldValue[0] must be a string"},)"
      R"({"field":"leadStatus","message":"leadStatus must be between 1 and 4"}]}})");
  // Not even the source named beside the problems was created.
  EXPECT_EQ(written(), before);
}

}  // namespace
}  // namespace ov::test
