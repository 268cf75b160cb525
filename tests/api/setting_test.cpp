// The Setting section over HTTP (ENDPOINTS.md §4.13, §7.5): Get HeaderTemplate on both of its
// paths, with its documentType filter, in envelope family S.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

class SettingApi : public ::testing::Test {
 protected:
  HttpResponse get(const std::string& target) {
    return client_.request("GET", target, company_.auth());
  }
  std::vector<std::int64_t> ids(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    std::vector<std::int64_t> out;
    for (const auto& t : res.json()["data"].GetArray())
      out.push_back(t["headerTemplateId"].GetInt64());
    return out;
  }
  TestServer server_;
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(SettingApi, TemplatesAreListedByDocumentTypeWithOneDefaultEach) {
  auto res = get("/v1/setting/header-templates");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "3");
  auto doc = res.json();
  const auto& list = doc["data"];
  ASSERT_EQ(list.Size(), 3u);
  EXPECT_EQ(keys_of(list[0]),
            (std::vector<std::string>{"headerTemplateId", "headerTemplateName", "documentType",
                                      "isDefault", "companyName", "companyAddress", "companyTaxNo",
                                      "branchCode", "companyPhone", "companyEmail", "logoUrl",
                                      "isActive"}));
  // Quotation (1) first, then the sales-order templates; one default per type.
  EXPECT_EQ(ids(res), (std::vector<std::int64_t>{2, 1, 3}));
  EXPECT_EQ(list[0]["documentType"].GetInt64(), 1);
  EXPECT_TRUE(list[0]["isDefault"].GetBool());
  EXPECT_TRUE(list[1]["isDefault"].GetBool());
  EXPECT_FALSE(list[2]["isDefault"].GetBool());
  EXPECT_STREQ(list[2]["headerTemplateName"].GetString(), "Sales order (English)");
  EXPECT_STREQ(list[2]["companyTaxNo"].GetString(), "0105561000001");
  EXPECT_TRUE(list[0]["companyAddress"].IsNull());
  // Seeded templates are headed by the company's name.
  EXPECT_EQ(std::string(list[0]["companyName"].GetString()).rfind("Company ", 0), 0u);
}

TEST_F(SettingApi, TheSalesOrderPathIsTheSameList) {
  EXPECT_EQ(get("/v2/salesorder/headerTemplate").body, get("/v1/setting/header-templates").body);
  EXPECT_EQ(get("/v2/SalesOrder/HeaderTemplate?documentType=2").body,
            get("/v1/setting/header-templates?documentType=2").body);
}

TEST_F(SettingApi, TheDocumentTypeFilterAndInactiveTemplates) {
  EXPECT_EQ(ids(get("/v1/setting/header-templates?documentType=2")),
            (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(ids(get("/v1/setting/header-templates?documentType=1")),
            (std::vector<std::int64_t>{2}));
  EXPECT_TRUE(ids(get("/v1/setting/header-templates?documentType=3")).empty());
  server_.exec(
      "UPDATE header_templates SET is_active = 0 WHERE company_id = ? AND "
      "header_template_id = 3",
      {company_.id});
  EXPECT_EQ(ids(get("/v1/setting/header-templates?documentType=2")),
            (std::vector<std::int64_t>{1}));
  EXPECT_EQ(ids(get("/v1/setting/header-templates?documentType=2&isActive=false")),
            (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(get("/v1/setting/header-templates?documentType=quotation").body,
            one_problem_body("documentType must be an integer"));
  EXPECT_EQ(get("/v1/setting/header-templates?documentType=0").status, 400);
}

}  // namespace
}  // namespace ov::test
