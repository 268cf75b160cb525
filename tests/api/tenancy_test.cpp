// Two tenants on one server never see or touch each other's data (ENDPOINTS.md §1.3, §1.8).
#include <gtest/gtest.h>

#include <string>

#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-02-10T12:00:00+0700: new cases fall in February 2025, where both demo companies'
// T/2502 sequences stand at 10.
constexpr core::UnixSeconds kNow = 1739163600;
constexpr const char* kDemoCaseNo = "T250200010";
constexpr const char* kFirstNewCaseNo = "T250200011";
// Far above the ids the seeded categories get, so it exists only where the test puts it.
constexpr std::int64_t kOnlyInACategoryId = 9100000001;
constexpr const char* kOnlyInACategoryName = "Only in company A";

std::string case_path(const std::string& case_no) { return "/v1/case/" + case_no; }

std::string add_case_body(std::int64_t category_id) {
  return R"({"caseType":1,"subject":"Tenancy check","customerCode":"C000154","categoryId":)" +
         std::to_string(category_id) +
         R"(,"dateCase":"2025-02-10T09:00:00+0700","dateDue":"2025-02-12T09:00:00+0700",)"
         R"("assignedToUserId":"6d473b8f-a6b3-4536-b1e6-f4b7688414e2"})";
}

std::string not_found_body(const std::string& description) {
  return one_problem_body(api::Family::kSN, description, 404);
}

// A family-SN "unknown record" answer.
void expect_sn_not_found(const HttpResponse& res) {
  EXPECT_EQ(res.status, 404) << res.body;
  auto doc = res.json();
  ASSERT_TRUE(doc.IsObject()) << res.body;
  ASSERT_TRUE(doc.HasMember("status")) << res.body;
  EXPECT_STREQ(doc["status"]["code"].GetString(), "4001");
  ASSERT_TRUE(doc.HasMember("data")) << res.body;
  EXPECT_TRUE(doc["data"]["data"].IsNull());
  EXPECT_EQ(doc["data"]["statusCode"].GetInt(), 4001);
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 404);
}

class TenancyTest : public ::testing::Test {
 protected:
  TenancyTest()
      : server_(fixed_clock_options()),
        a_(server_.add_company()),
        b_(server_.add_company()),
        http_(server_.client()) {}

  static TestServerOptions fixed_clock_options() {
    TestServerOptions o;
    o.fixed_time = kNow;
    return o;
  }

  HttpResponse get_case(const TestCompany& c, const std::string& case_no) {
    return http_.request("GET", case_path(case_no), c.auth());
  }

  // Adds a case for `c` and returns its number (empty on failure, which fails the test).
  std::string add_case(const TestCompany& c, const std::string& body) {
    auto res = http_.request("POST", "/v1/case", c.auth_json(), body);
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    if (res.status != 200 || !doc.IsObject()) return {};
    EXPECT_EQ(doc["data"]["data"]["companyId"].GetInt64(), c.id);
    return doc["data"]["data"]["feedbackNo"].GetString();
  }

  HttpResponse categories(const TestCompany& c, const std::string& query = "") {
    return http_.request("GET", "/v1/case/categories" + query, c.auth());
  }

  TestServer server_;
  TestCompany a_;
  TestCompany b_;
  HttpClient http_;
};

TEST_F(TenancyTest, CompaniesAreDistinct) {
  EXPECT_NE(a_.id, b_.id);
  EXPECT_NE(a_.subscription_key, b_.subscription_key);
  EXPECT_NE(a_.client_id, b_.client_id);
}

TEST_F(TenancyTest, CaseOfAnotherCompanyIsNotFound) {
  const std::string no = add_case(a_, kDocAddCaseExample);
  ASSERT_EQ(no, kFirstNewCaseNo);
  ASSERT_EQ(get_case(a_, no).status, 200);

  auto res = get_case(b_, no);
  expect_sn_not_found(res);
  EXPECT_EQ(res.body, not_found_body("Case " + no + " was not found"));
  // Case numbers compare case-insensitively; that must not open a way across tenants.
  expect_sn_not_found(get_case(b_, "t250200011"));
}

TEST_F(TenancyTest, EditOfAnotherCompanysCaseIsNotFoundAndChangesNothing) {
  const std::string no = add_case(a_, kDocAddCaseExample);
  ASSERT_EQ(no, kFirstNewCaseNo);
  auto before = get_case(a_, no);
  ASSERT_EQ(before.status, 200) << before.body;

  auto res = http_.request("PUT", case_path(no), b_.auth_json(), kDocEditCaseExample);
  expect_sn_not_found(res);
  EXPECT_EQ(res.body, not_found_body("Case " + no + " was not found"));

  auto after = get_case(a_, no);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.body, before.body);
  EXPECT_STREQ(after.json()["data"]["data"]["subject"].GetString(), "Create new case");
}

TEST_F(TenancyTest, SameCaseNumberResolvesToEachCompanysOwnCase) {
  auto in_a = get_case(a_, kDemoCaseNo);
  auto in_b = get_case(b_, kDemoCaseNo);
  ASSERT_EQ(in_a.status, 200) << in_a.body;
  ASSERT_EQ(in_b.status, 200) << in_b.body;
  auto doc_a = in_a.json();
  auto doc_b = in_b.json();
  const auto& case_a = doc_a["data"]["data"];
  const auto& case_b = doc_b["data"]["data"];
  EXPECT_EQ(case_a["companyId"].GetInt64(), a_.id);
  EXPECT_EQ(case_b["companyId"].GetInt64(), b_.id);
  EXPECT_NE(case_a["feedbackId"].GetInt64(), case_b["feedbackId"].GetInt64());
  EXPECT_NE(case_a["customerId"].GetInt64(), case_b["customerId"].GetInt64());
  EXPECT_STREQ(case_b["feedbackNo"].GetString(), kDemoCaseNo);
}

TEST_F(TenancyTest, EditingOwnCaseLeavesTheOtherCompanysNamesakeUntouched) {
  auto a_before = get_case(a_, kDemoCaseNo);
  ASSERT_EQ(a_before.status, 200);

  auto edited = http_.request("PUT", case_path(kDemoCaseNo), b_.auth_json(), kDocEditCaseExample);
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto edited_doc = edited.json();
  EXPECT_EQ(edited_doc["data"]["data"]["companyId"].GetInt64(), b_.id);
  EXPECT_STREQ(edited_doc["data"]["data"]["subject"].GetString(), "Update Case");

  auto a_after = get_case(a_, kDemoCaseNo);
  ASSERT_EQ(a_after.status, 200);
  EXPECT_EQ(a_after.body, a_before.body);
}

TEST_F(TenancyTest, CategoryOfAnotherCompanyCannotBeUsed) {
  server_.db().write_now([&](storage::Session& s) {
    s.exec(
        "INSERT INTO case_categories (company_id, category_id, name, is_active) VALUES (?, ?, ?, "
        "1)",
        {a_.id, kOnlyInACategoryId, std::string_view(kOnlyInACategoryName)});
  });

  auto in_b = http_.request("POST", "/v1/case", b_.auth_json(), add_case_body(kOnlyInACategoryId));
  expect_sn_not_found(in_b);

  // The same request is fine where the category exists, so only tenancy refused it above.
  const std::string no = add_case(a_, add_case_body(kOnlyInACategoryId));
  EXPECT_EQ(no, kFirstNewCaseNo);

  auto edit_in_b =
      http_.request("PUT", case_path(kDemoCaseNo), b_.auth_json(),
                    R"({"subject":"x","categoryId":)" + std::to_string(kOnlyInACategoryId) +
                        R"(,"dateCase":"2025-02-10","dateDue":"2025-02-10",)"
                        R"("assignedToUserId":"6d473b8f-a6b3-4536-b1e6-f4b7688414e2"})");
  expect_sn_not_found(edit_in_b);
}

TEST_F(TenancyTest, CaseNumbersAreNumberedPerCompany) {
  EXPECT_EQ(add_case(a_, kDocAddCaseExample), "T250200011");
  EXPECT_EQ(add_case(b_, kDocAddCaseExample), "T250200011");
  EXPECT_EQ(add_case(a_, kDocAddCaseExample), "T250200012");
  EXPECT_EQ(add_case(a_, kDocAddCaseExample), "T250200013");
  EXPECT_EQ(add_case(b_, kDocAddCaseExample), "T250200012");

  auto a_case = get_case(a_, "T250200013");
  ASSERT_EQ(a_case.status, 200);
  EXPECT_EQ(a_case.json()["data"]["data"]["companyId"].GetInt64(), a_.id);
  expect_sn_not_found(get_case(b_, "T250200013"));
}

TEST_F(TenancyTest, CategoriesListShowsOnlyOwnCategories) {
  server_.db().write_now([&](storage::Session& s) {
    s.exec(
        "INSERT INTO case_categories (company_id, category_id, name, is_active) VALUES (?, ?, ?, "
        "1)",
        {a_.id, kOnlyInACategoryId, std::string_view(kOnlyInACategoryName)});
    s.exec(
        "INSERT INTO case_categories (company_id, category_id, name, is_active) VALUES (?, ?, ?, "
        "0)",
        {a_.id, kOnlyInACategoryId + 1, std::string_view("Inactive only in company A")});
  });

  auto contains = [](const HttpResponse& res, std::int64_t id, const std::string& name) {
    auto doc = res.json();
    const auto& list = doc["data"]["data"];
    EXPECT_TRUE(list.IsArray()) << res.body;
    if (!list.IsArray()) return false;
    for (const auto& item : list.GetArray()) {
      if (item["categoryId"].GetInt64() == id) return true;
      if (name == item["categoryName"].GetString()) return true;
    }
    return false;
  };

  auto list_a = categories(a_);
  auto list_b = categories(b_);
  ASSERT_EQ(list_a.status, 200) << list_a.body;
  ASSERT_EQ(list_b.status, 200) << list_b.body;
  EXPECT_TRUE(contains(list_a, kOnlyInACategoryId, kOnlyInACategoryName));
  EXPECT_FALSE(contains(list_b, kOnlyInACategoryId, kOnlyInACategoryName));
  // Both demo companies hold the seven default categories and the demo one.
  EXPECT_EQ(list_b.json()["data"]["data"].Size(), 8u);
  EXPECT_EQ(list_b.header("x-total-count"), "8");
  EXPECT_EQ(list_a.json()["data"]["data"].Size(), 9u);
  EXPECT_EQ(list_a.header("x-total-count"), "9");

  auto all_a = categories(a_, "?isActive=false");
  auto all_b = categories(b_, "?isActive=false");
  ASSERT_EQ(all_a.status, 200) << all_a.body;
  ASSERT_EQ(all_b.status, 200) << all_b.body;
  EXPECT_TRUE(contains(all_a, kOnlyInACategoryId + 1, "Inactive only in company A"));
  EXPECT_FALSE(contains(all_b, kOnlyInACategoryId, kOnlyInACategoryName));
  EXPECT_FALSE(contains(all_b, kOnlyInACategoryId + 1, "Inactive only in company A"));
  EXPECT_EQ(all_b.json()["data"]["data"].Size(), 8u);
}

}  // namespace
}  // namespace ov::test
