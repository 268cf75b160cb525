// The Product section's reference data on the administration plane: variant properties
// (product-properties) and units (product-units) are provisioned there, and the public lists
// show what the operator wrote; a unit products use is deactivated, not deleted.
#include <gtest/gtest.h>

#include <string>

#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr const char* kAdminKey = "product-admin-key-5d2e8a";
constexpr core::UnixSeconds kNow = 1739509200;  // 2025-02-14T12:00:00+0700

class ProductAdmin : public ::testing::Test {
 protected:
  HttpResponse admin(const std::string& method, const std::string& path,
                     const std::string& body = "") {
    return client_.request(method, "/admin/v1/companies/" + std::to_string(company_.id) + path,
                           admin_headers_for(kAdminKey), body);
  }
  HttpResponse get(const std::string& path) {
    return client_.request("GET", path, company_.auth());
  }

  TestServer server_{fixed_at_with_admin_key(kNow, kAdminKey)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(ProductAdmin, PropertiesAndUnitsAreProvisionedAndListed) {
  auto size = admin("POST", "/product-properties", R"({"name":"Size"})");
  ASSERT_EQ(size.status, 201) << size.body;
  const auto size_id = size.json()["id"].GetInt64();
  auto props = get("/v1/products/properties");
  ASSERT_EQ(props.status, 200) << props.body;
  EXPECT_EQ(props.body, R"({"data":[{"attributeId":)" + std::to_string(size_id) +
                            R"(,"attributeName":"Size","values":[]}],"statusCode":1000,)"
                            R"("httpStatusCode":200})");
  // A variant naming the operator's attribute uses it and adds its value.
  auto bulk = client_.request(
      "POST", "/v3/Products", company_.auth_json(),
      R"({"products":[{"productCode":"ROBE","productName":"Robe","category":"Linen","cost":1,)"
      R"("prices":[{"priceTierName":"Retail","regularPrice":900}],"productUnitName":"ชิ้น",)"
      R"("trackInventory":true,"useWarranty":false,"visibility":true,"active":true,)"
      R"("productVariant":[{"productCode":"ROBE-L","productName":"Robe L","active":true,)"
      R"("prices":[{"priceTierName":"Retail","regularPrice":900}],)"
      R"("attribute":[{"attributeName":"size","attributeValueName":"L"}]}]}]})");
  ASSERT_EQ(bulk.status, 200) << bulk.body;
  EXPECT_EQ(bulk.json()["data"]["successItems"].GetInt(), 1) << bulk.body;
  props = get("/v1/products/properties");
  EXPECT_NE(props.body.find(R"("attributeName":"Size","values":[{"attributeValueId":1,)"
                            R"("attributeValueName":"L"}])"),
            std::string::npos)
      << props.body;

  auto box = admin("POST", "/product-units", R"({"name":"Box"})");
  ASSERT_EQ(box.status, 201) << box.body;
  const auto box_id = std::to_string(box.json()["id"].GetInt64());
  auto one = get("/v1/products/units/" + box_id);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.body, R"({"data":{"unitId":)" + box_id +
                          R"(,"unitName":"Box","isActive":true},"statusCode":1000,)"
                          R"("httpStatusCode":200})");
  // The unit products use is kept on them: deleting it deactivates it.
  const auto piece = std::to_string(server_.scalar(
      "SELECT unit_id FROM product_units WHERE company_id = ? AND name = 'ชิ้น'", {company_.id}));
  auto removed = admin("DELETE", "/product-units/" + piece);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_NE(get("/v1/products/units/" + piece).body.find(R"("isActive":false)"), std::string::npos);
  EXPECT_EQ(admin("DELETE", "/product-units/" + box_id).status, 200);
  EXPECT_EQ(get("/v1/products/units/" + box_id).status, 404);
}

}  // namespace
}  // namespace ov::test
