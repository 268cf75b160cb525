// The Product section's catalogue and stock over HTTP (ENDPOINTS.md §4.8): Create Or Update
// Products with its tickets (per-product results, one bad product among good ones, body-level
// refusals, reserved and taken codes, exact decimals), Get a Product by ProductCode, Get
// Products With Take & Status, Get Products By Filter, the group tree, units and variant
// properties, and Update Product Stock with its per-item results, its Product.StockUpdated
// events and concurrent updates of one product; the Venio docs' request examples replayed
// verbatim on the demo company.
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"
#include "support/webhook_receiver.hpp"
#include "webhooks/events.hpp"
#include "webhooks/subscriptions.hpp"

namespace ov::test {
namespace {

using namespace std::chrono_literals;

// 2025-02-14T12:00:00+0700.
constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr core::UnixSeconds kWeek = 7 * 24 * 3600;
// The demo tree (src/modules/demo/demo_data.cpp): Spa systems (1) > Front desk (2), and the
// unit ชิ้น (1); new groups and units are numbered after them.
constexpr std::int64_t kSpaSystems = 1;
constexpr std::int64_t kFrontDesk = 2;
// The end of a reserved code's message.
constexpr const char* kReserved = ": it is a path segment of the API";

const std::vector<std::string> kProductKeys = {"productId",
                                               "productCode",
                                               "productBarcode",
                                               "productName",
                                               "productDescription",
                                               "productType",
                                               "category",
                                               "subCategory",
                                               "sub_SubCategory",
                                               "productGroupId",
                                               "cost",
                                               "prices",
                                               "productUnitName",
                                               "unitId",
                                               "productWeight",
                                               "productWeightUnit",
                                               "productTag",
                                               "productImage",
                                               "trackInventory",
                                               "qty",
                                               "lowStockAlert",
                                               "useWarranty",
                                               "timeWarrantyValue",
                                               "timeWarrantyUnit",
                                               "warrantyNote",
                                               "visibility",
                                               "active",
                                               "brandName",
                                               "productVariant",
                                               "dateCreated",
                                               "dateModified"};
const std::vector<std::string> kVariantKeys = {
    "productCode",   "productName", "productBarcode", "productDescription",
    "cost",          "prices",      "productImage",   "qty",
    "lowStockAlert", "active",      "attribute"};
const std::vector<std::string> kRowKeys = {
    "partId",         "partTypeId",     "partName",       "qty",       "price",
    "companyId",      "unit",           "name",           "isActive",  "productCode",
    "productBarcode", "productGroupId", "trackInventory", "visibility"};
const std::vector<std::string> kTicketKeys = {"ticketId",     "status",       "totalItems",
                                              "successItems", "failedItems",  "results",
                                              "dateCreated",  "dateCompleted"};

// The Venio docs' request examples (§4.8.1, §4.8.3, §4.8.7, §4.8.11), verbatim.
constexpr const char* kDocCreateExample = R"({
"products": [
{
"productCode": "<string>", // Required if no product sku
"productBarcode": "<string>",
"productName": "<string>", // Required
"productDescription": "<string>",
"category": "<string>", // Required
"subCategory": "<string>",
"sub_SubCategory": "<string>",
"cost": 0.0, // Required
"prices": [
{
"priceTierName": "<string>", // Required
"regularPrice": 0.0, // Required
"salePrice": 0.0,
"vatValue": 0.0,
"useDefaultVat" : true
}
], // Required
"productUnitName": "<string>", // Required
"productWeight": 0.0,
"productWeightUnit": "<string>",
"productTag": ["string"],
"productImage": [
"<string>"
],
"trackInventory": true, // Required
"qty": 0,
"lowStockAlert": 0,
"useWarranty": false, // Required
"timeWarrantyValue": 0,
"timeWarrantyUnit": "<string>", // [y = year ,m = month ,d = day]
"warrantyNote": "<string>",
"visibility": true, // Required
"active": true, // Required
"brandName": "<string>",
"productVariant": [
{
"productCode": "<string>", // Required
"productName": "<string>", // Required
"productBarcode": "<string>",
"productDescription": "<string>",
"cost": 0.0,
"prices": [
{
"priceTierName": "<string>",
"regularPrice": 0.0,
"salePrice": 0.0,
"vat": 0.0
}
], // Required
"productImage": [
"<string>"
],
"qty": 0,
"lowStockAlert": 0,
"active": "<boolean>", // Required
"attribute": [
{
"attributeName": "<string>", // Required
"attributeValueName": "<string>" // Required
}
] // Required
}
]
}
]
})";
constexpr const char* kDocTakeStatusExample = R"({
"take": 0, //จำนวน Product
"status": [
1
] //สถานะของสินค้า [0 = inactive , 1 = activite]
})";
constexpr const char* kDocFilterExample = R"({
"productFor": "string",
"typeFor": 0,
"productType": 1031,
"productGroupIds": [
0
],
"status": [
true
],
"skip": 0,
"take": 0,
"smartSearch": "string",
"orderBy": "string"
})";
constexpr const char* kDocStockExample = R"([
{
"productCode": "A001",
"qty": 20
},
{
"productCode": "A002",
"qty": 20
},
{
"productCode": "A003",
"qty": 20
}
])";

// A product with every required field and nothing else: one price tier, no variants.
Body product_body(const std::string& code, const std::string& name = "Green tea 500 ml") {
  Body b;
  b.str("productCode", code)
      .str("productName", name)
      .str("category", "Beverages")
      .set("cost", "12.5")
      .set("prices", R"([{"priceTierName":"Retail","regularPrice":25}])")
      .str("productUnitName", "Bottle")
      .set("trackInventory", "true")
      .set("useWarranty", "false")
      .set("visibility", "true")
      .set("active", "true");
  return b;
}

// A product with every field the request knows, two variants among them.
Body full_body() {
  return product_body("TEA-001", "ชาเขียว มัทฉะ 500 ml")
      .str("productBarcode", "8850001112223")
      .str("productDescription", "Cold brewed matcha")
      .str("subCategory", "Tea")
      .str("sub_SubCategory", "Green")
      .set("prices",
           R"([{"priceTierName":"Retail","regularPrice":25,"salePrice":22.5,"vatValue":7,)"
           R"("useDefaultVat":true},{"priceTierName":"Wholesale","regularPrice":"18.00"}])")
      .set("productWeight", "0.525")
      .str("productWeightUnit", "kg")
      .set("productTag", R"(["organic","เครื่องดื่ม"])")
      .set("productImage", R"(["https://img.example.com/tea-001.png"])")
      .set("qty", "48")
      .set("lowStockAlert", "6")
      .set("useWarranty", "true")
      .set("timeWarrantyValue", "12")
      .str("timeWarrantyUnit", "m")
      .str("warrantyNote", "Replaced if damaged in transit")
      .str("brandName", "Kintsugi")
      .set("productVariant",
           R"([{"productCode":"TEA-001-S","productName":"ชาเขียว มัทฉะ 250 ml",)"
           R"("productBarcode":"8850001112230","productDescription":"Small bottle","cost":7,)"
           R"("prices":[{"priceTierName":"Retail","regularPrice":14,"salePrice":0,"vat":7}],)"
           R"("productImage":["https://img.example.com/tea-001-s.png"],"qty":12,)"
           R"("lowStockAlert":2,"active":true,"attribute":[{"attributeName":"Size",)"
           R"("attributeValueName":"S"},{"attributeName":"Colour","attributeValueName":"Green"}]},)"
           R"({"productCode":"TEA-001-L","productName":"ชาเขียว มัทฉะ 1 l",)"
           R"("prices":[{"priceTierName":"Retail","regularPrice":45}],"active":false,)"
           R"("attribute":[{"attributeName":"Size","attributeValueName":"L"}]}])");
}

// One variant of a product, with one attribute.
std::string variant(const std::string& code, const std::string& attribute = "Colour",
                    const std::string& value = "Red") {
  return R"({"productCode":)" + quote(code) +
         R"(,"productName":"Variant","prices":[{"priceTierName":"Retail","regularPrice":1}],)"
         R"("active":true,"attribute":[{"attributeName":)" +
         quote(attribute) + R"(,"attributeValueName":)" + quote(value) + "}]}";
}

// The body of Create Or Update Products around the products given as JSON text.
std::string batch(const std::vector<std::string>& products) {
  std::string out = R"({"products":[)";
  for (std::size_t i = 0; i < products.size(); ++i) {
    if (i > 0) out += ",";
    out += products[i];
  }
  return out + "]}";
}
std::string batch(const Body& product) { return batch(std::vector<std::string>{product.json()}); }

// "<productCode>: ok" or "<productCode>: <message>" for each result of a ticket, in order;
// each result checked to have the documented shape.
std::vector<std::string> outcomes(const rapidjson::Value& ticket) {
  std::vector<std::string> out;
  if (!ticket.IsObject() || !ticket.HasMember("results")) return out;
  for (const auto& r : ticket["results"].GetArray()) {
    EXPECT_EQ(keys_of(r), (std::vector<std::string>{"productCode", "isSuccess", "error"}));
    std::string line = std::string(r["productCode"].GetString()) + ": ";
    if (r["isSuccess"].GetBool()) {
      EXPECT_TRUE(r["error"].IsNull()) << to_json(r);
      line += "ok";
    } else {
      EXPECT_EQ(keys_of(r["error"]), (std::vector<std::string>{"code", "message"}));
      EXPECT_STREQ(r["error"]["code"].GetString(), "4001");
      line += r["error"]["message"].GetString();
    }
    out.push_back(std::move(line));
  }
  return out;
}

// The codes of a list of products (productCode) or of rows (productCode too), in order.
std::vector<std::string> codes_of(const rapidjson::Value& list) {
  std::vector<std::string> out;
  if (!list.IsArray()) return out;
  for (const auto& p : list.GetArray()) out.emplace_back(p["productCode"].GetString());
  return out;
}

// A quantity's digits, whether the JSON carries it as a number or as a string.
std::string number_text(const rapidjson::Value& v) {
  return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : to_json(v);
}

// Percent-encodes every byte outside the unreserved set (a path segment).
std::string percent_encoded(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class ProductApi : public ::testing::Test {
 protected:
  // The catalogue these tests read is the Product section's own demo products, A001 to A003:
  // the products the money documents' examples name (AB00025dddd, PRD-001, PRD-002, PD002)
  // are taken out of this company first, so that every list below holds what its test made.
  ProductApi() {
    server_.exec(
        "DELETE FROM products WHERE company_id = ? AND product_code IN ('AB00025dddd', "
        "'PRD-001', 'PRD-002', 'PD002')",
        {company_.id});
  }

  static TestServerOptions options() { return fixed_at_with_quick_retries(kNow); }

  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "") {
    return client_.request(method, path, company_.auth_json(), body);
  }
  // The payload of a family S or N success; fails the test on anything else.
  rapidjson::Document data_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data")) out.CopyFrom(doc["data"], out.GetAllocator());
    return out;
  }
  // Create Or Update Products: its ticket.
  rapidjson::Document upsert(const std::string& body) {
    return data_of(call("POST", "/v3/Products", body));
  }
  rapidjson::Document upsert(const Body& product) { return upsert(batch(product)); }
  // The outcome of each product of a call, from its ticket (outcomes()).
  std::vector<std::string> upsert_outcomes(const std::string& body) {
    return outcomes(upsert(body));
  }
  rapidjson::Document product(const std::string& code) {
    return data_of(call("GET", "/v2/products/" + code));
  }
  rapidjson::Document filter(const std::string& body) {
    return data_of(call("POST", "/v1/products/getProduct", body));
  }
  // The codes a Get Products By Filter body lists.
  std::vector<std::string> filtered(const std::string& body) { return codes_of(filter(body)); }
  std::vector<std::string> taken(const std::string& body) {
    return codes_of(data_of(call("POST", "/v2/Products/GetProduct", body)));
  }
  HttpResponse stock(const std::string& body) { return call("PUT", "/v1/products/stock", body); }
  void expect_error(const HttpResponse& res, api::Family family, int status,
                    const std::string& message) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.body, one_problem_body(family, message, status));
  }
  // Moves the server's clock on, and takes a token valid at the new time.
  void advance(core::UnixSeconds seconds) {
    server_.fixed_clock()->advance(seconds);
    company_.token = server_.fetch_token(company_);
  }
  std::int64_t count(const std::string& table) {
    return server_.scalar("SELECT COUNT(*) FROM " + table + " WHERE company_id = ?", {company_.id});
  }
  // Every row the section writes, so that a refused call can be seen to have written nothing.
  std::int64_t written() {
    std::int64_t n = 0;
    for (const char* t : {"products", "product_groups", "product_units", "product_attributes",
                          "product_attribute_values", "product_tickets", "webhook_messages"}) {
      n += count(t);
    }
    return n + server_.scalar(
                   "SELECT COALESCE(SUM(date_modified), 0) FROM products WHERE company_id = ?",
                   {company_.id});
  }
  std::int64_t product_id(const std::string& code) {
    return server_.scalar(
        "SELECT product_id FROM products WHERE company_id = ? AND product_code = ?",
        {company_.id, std::string_view(code)});
  }
  // Subscribes the company to Product.StockUpdated, delivered to the test's receiver.
  void subscribe() {
    server_.db().write_now([&](storage::Session& s) {
      auto created = webhooks::Subscriptions(s, false).create(
          company_.id, {receiver_.url(), {"Product.StockUpdated"}, true}, webhooks::unix_ms());
      receiver_.set_secrets({created.secret});
    });
  }
  // The company's outbox in emission order: each message's event and body.
  std::vector<std::pair<std::string, std::string>> outbox() {
    std::vector<std::pair<std::string, std::string>> out;
    server_.db().read_now([&](storage::Session& s) {
      auto rows = s.query(
          "SELECT event, body FROM webhook_messages WHERE company_id = ? ORDER BY message_id",
          {company_.id});
      while (rows.next()) out.emplace_back(rows.str(0), rows.str(1));
    });
    return out;
  }
  // The message of one stock change, as §5.2 writes it.
  std::pair<std::string, std::string> stock_event(const std::string& code,
                                                  const std::string& previous,
                                                  const std::string& qty) {
    return {"Product.StockUpdated",
            R"({"Topic":"Product","Event":"StockUpdated","Data":{"ProductCode":)" + quote(code) +
                R"(,"PreviousQty":)" + previous + R"(,"Qty":)" + qty + R"(},"Timestamp":")" +
                kNowText + R"(","CompanyId":)" + std::to_string(company_.id) + "}"};
  }

  // Declared first: the server (and its delivery worker) stop before the receiver goes.
  WebhookReceiver receiver_;
  TestServer server_{options()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Create Or Update Products

TEST_F(ProductApi, CreateAnswersATicketAndGetShowsTheFullProduct) {
  auto res = call("POST", "/v3/Products", batch(full_body()));
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  const auto& t = doc["data"];
  EXPECT_EQ(keys_of(t), kTicketKeys);
  const auto ticket = t["ticketId"].GetInt64();
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM product_tickets WHERE company_id = ? AND "
                           "ticket_id = ?",
                           {company_.id, ticket}),
            1);
  EXPECT_EQ(res.body, R"({"status":{"code":"1000","description":"Success"},"data":{"ticketId":)" +
                          std::to_string(ticket) +
                          R"(,"status":3,"totalItems":1,"successItems":1,"failedItems":0,)"
                          R"("results":[{"productCode":"TEA-001","isSuccess":true,"error":null}],)"
                          R"("dateCreated":")" +
                          kNowText + R"(","dateCompleted":")" + kNowText + R"("}})");

  // The new groups follow the demo's two, the new unit the demo's one.
  const auto id = product_id("TEA-001");
  ASSERT_GT(id, 0);
  auto got = call("GET", "/v2/products/TEA-001");
  ASSERT_EQ(got.status, 200) << got.body;
  auto p = got.json();
  EXPECT_EQ(keys_of(p["data"]), kProductKeys);
  for (const auto& v : p["data"]["productVariant"].GetArray()) EXPECT_EQ(keys_of(v), kVariantKeys);
  const std::string expected =
      R"({"productId":)" + std::to_string(id) +
      R"(,"productCode":"TEA-001","productBarcode":"8850001112223",)"
      R"("productName":"ชาเขียว มัทฉะ 500 ml","productDescription":"Cold brewed matcha",)"
      R"("productType":1031,"category":"Beverages","subCategory":"Tea","sub_SubCategory":"Green",)"
      R"("productGroupId":5,"cost":12.5,"prices":[{"priceTierName":"Retail","regularPrice":25,)"
      R"("salePrice":22.5,"vatValue":7,"useDefaultVat":true},{"priceTierName":"Wholesale",)"
      R"("regularPrice":18,"salePrice":null,"vatValue":null,"useDefaultVat":null}],)"
      R"("productUnitName":"Bottle","unitId":2,"productWeight":0.525,"productWeightUnit":"kg",)"
      R"("productTag":["organic","เครื่องดื่ม"],"productImage":["https://img.example.com/tea-001.png"],)"
      R"("trackInventory":true,"qty":48,"lowStockAlert":6,"useWarranty":true,)"
      R"("timeWarrantyValue":12,"timeWarrantyUnit":"m",)"
      R"("warrantyNote":"Replaced if damaged in transit","visibility":true,"active":true,)"
      R"("brandName":"Kintsugi","productVariant":[{"productCode":"TEA-001-S",)"
      R"("productName":"ชาเขียว มัทฉะ 250 ml","productBarcode":"8850001112230",)"
      R"("productDescription":"Small bottle","cost":7,"prices":[{"priceTierName":"Retail",)"
      R"("regularPrice":14,"salePrice":0,"vat":7}],)"
      R"("productImage":["https://img.example.com/tea-001-s.png"],"qty":12,"lowStockAlert":2,)"
      R"("active":true,"attribute":[{"attributeName":"Size","attributeValueName":"S"},)"
      R"({"attributeName":"Colour","attributeValueName":"Green"}]},{"productCode":"TEA-001-L",)"
      R"("productName":"ชาเขียว มัทฉะ 1 l","productBarcode":null,"productDescription":null,)"
      R"("cost":12.5,"prices":[{"priceTierName":"Retail","regularPrice":45,"salePrice":null,)"
      R"("vat":null}],"productImage":[],"qty":0,"lowStockAlert":null,"active":false,)"
      R"("attribute":[{"attributeName":"Size","attributeValueName":"L"}]}],)"
      R"("dateCreated":")" +
      std::string(kNowText) + R"(","dateModified":")" + kNowText + R"("})";
  EXPECT_EQ(got.body,
            R"({"status":{"code":"1000","description":"Success"},"data":)" + expected + "}");
  // Product codes compare case-insensitively, and a percent-encoded path names the same one.
  EXPECT_EQ(call("GET", "/v2/products/tea-001").body, got.body);
  EXPECT_EQ(call("GET", "/v2/Products/%54EA-001").body, got.body);
  // Money and quantities are stored as exact text.
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM products WHERE product_id = ? AND cost = '12.5' "
                           "AND qty = '48' AND product_weight = '0.525'",
                           {id}),
            1);

  // A variant is a product of its own code: its product's groups, unit, tags and warranty.
  auto v = product("tea-001-s");
  ASSERT_TRUE(v.IsObject());
  EXPECT_EQ(keys_of(v), kProductKeys);
  EXPECT_EQ(v["productId"].GetInt64(), product_id("TEA-001-S"));
  EXPECT_STREQ(v["productCode"].GetString(), "TEA-001-S");
  EXPECT_STREQ(v["productName"].GetString(), "ชาเขียว มัทฉะ 250 ml");
  EXPECT_STREQ(v["productBarcode"].GetString(), "8850001112230");
  EXPECT_EQ(v["productType"].GetInt(), 1031);
  EXPECT_STREQ(v["category"].GetString(), "Beverages");
  EXPECT_STREQ(v["subCategory"].GetString(), "Tea");
  EXPECT_STREQ(v["sub_SubCategory"].GetString(), "Green");
  EXPECT_EQ(v["productGroupId"].GetInt64(), 5);
  EXPECT_EQ(to_json(v["cost"]), "7");
  EXPECT_STREQ(v["productUnitName"].GetString(), "Bottle");
  EXPECT_EQ(v["unitId"].GetInt64(), 2);
  EXPECT_EQ(to_json(v["productTag"]), R"(["organic","เครื่องดื่ม"])");
  EXPECT_EQ(to_json(v["qty"]), "12");
  EXPECT_TRUE(v["useWarranty"].GetBool());
  EXPECT_EQ(v["timeWarrantyValue"].GetInt(), 12);
  EXPECT_STREQ(v["brandName"].GetString(), "Kintsugi");
  EXPECT_EQ(to_json(v["productVariant"]), "[]");
  // A variant's price tiers keep the keys the variant was given them with (§4.8.1: vat).
  ASSERT_TRUE(v["prices"].IsArray() && v["prices"].Size() == 1u) << to_json(v["prices"]);
  EXPECT_EQ(keys_of(v["prices"][0]),
            (std::vector<std::string>{"priceTierName", "regularPrice", "salePrice", "vat"}));
  EXPECT_FALSE(product("TEA-001-L")["active"].GetBool());
  // Variants are no products of the catalogue lists.
  EXPECT_EQ(taken(R"({"take":100,"status":[]})"),
            (std::vector<std::string>{"A001", "A002", "A003", "TEA-001"}));
}

TEST_F(ProductApi, UnknownProductsAreNotFound) {
  expect_error(call("GET", "/v2/products/NOPE-1"), api::Family::kS, 404,
               "productCode NOPE-1 was not found");
  expect_error(call("GET", "/v2/products/" + std::string(51, 'x')), api::Family::kS, 404,
               "Product codes are at most 50 characters; no such product exists");
  // A Thai code, percent-encoded in the path, is found as stored.
  ASSERT_EQ(upsert_outcomes(batch(product_body("ชา-01"))), (std::vector<std::string>{"ชา-01: ok"}));
  auto p = product(percent_encoded("ชา-01"));
  ASSERT_TRUE(p.IsObject());
  EXPECT_STREQ(p["productCode"].GetString(), "ชา-01");
  expect_error(call("GET", "/v2/products/" + percent_encoded("ชา-02")), api::Family::kS, 404,
               "productCode ชา-02 was not found");
}

TEST_F(ProductApi, GroupsAreCreatedPerLevelAndReusedCaseInsensitively) {
  auto tree = [](const std::string& code, const char* category, const char* sub,
                 const char* subsub) {
    auto b = product_body(code).str("category", category);
    if (sub) b.str("subCategory", sub);
    if (subsub) b.str("sub_SubCategory", subsub);
    return b.json();
  };
  ASSERT_EQ(
      upsert_outcomes(batch(
          {tree("G-1", "Beverages", "Tea", "Green"), tree("G-2", "BEVERAGES", " tea ", nullptr),
           tree("G-3", "Snacks", "Tea", nullptr), tree("G-4", "spa systems", "FRONT DESK", "Lobby"),
           tree("G-5", "Beverages", "  ", nullptr)})),
      (std::vector<std::string>{"G-1: ok", "G-2: ok", "G-3: ok", "G-4: ok", "G-5: ok"}));
  struct Expect {
    const char* code;
    const char* category;
    const char* sub;
    const char* subsub;
    std::int64_t group;
  };
  for (const auto& e :
       {Expect{"G-1", "Beverages", "Tea", "Green", 5},
        Expect{"G-2", "Beverages", "Tea", nullptr, 4}, Expect{"G-3", "Snacks", "Tea", nullptr, 7},
        Expect{"G-4", "Spa systems", "Front desk", "Lobby", 8},
        Expect{"G-5", "Beverages", nullptr, nullptr, 3}}) {
    SCOPED_TRACE(e.code);
    auto p = product(e.code);
    ASSERT_TRUE(p.IsObject());
    EXPECT_STREQ(p["category"].GetString(), e.category);
    if (e.sub) {
      EXPECT_STREQ(p["subCategory"].GetString(), e.sub);
    } else {
      EXPECT_TRUE(p["subCategory"].IsNull());
    }
    if (e.subsub) {
      EXPECT_STREQ(p["sub_SubCategory"].GetString(), e.subsub);
    } else {
      EXPECT_TRUE(p["sub_SubCategory"].IsNull());
    }
    EXPECT_EQ(p["productGroupId"].GetInt64(), e.group);
  }
  // Parents before children, then by name; each created group has its code. Names keep the
  // spelling that created them.
  auto res = call("GET", "/v1/products/groups");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "8");
  auto doc = res.json();
  ASSERT_TRUE(doc["data"].IsArray());
  std::vector<std::string> rows;
  for (const auto& g : doc["data"].GetArray()) {
    rows.push_back(
        std::to_string(g["productGroupId"].GetInt64()) + " " + g["productGroupCode"].GetString() +
        " " + g["productGroupName"].GetString() + " parent " +
        (g["parentGroupId"].IsNull() ? "-" : std::to_string(g["parentGroupId"].GetInt64())) +
        " level " + std::to_string(g["level"].GetInt()) +
        (g["isActive"].GetBool() ? "" : " inactive"));
  }
  EXPECT_EQ(rows,
            (std::vector<std::string>{
                "3 G00003 Beverages parent - level 1", "6 G00006 Snacks parent - level 1",
                "1 G00001 Spa systems parent - level 1", "2 G00002 Front desk parent 1 level 2",
                "4 G00004 Tea parent 3 level 2", "7 G00007 Tea parent 6 level 2",
                "5 G00005 Green parent 4 level 3", "8 G00008 Lobby parent 2 level 3"}));
  // The keys in the order §4.8.5 lists them.
  EXPECT_EQ(keys_of(doc["data"][0]),
            (std::vector<std::string>{"productGroupId", "productGroupCode", "productGroupName",
                                      "parentGroupId", "level", "isActive"}));
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"data", "statusCode", "httpStatusCode"}));
  // An update moves the product: the tree it names now, its old groups kept.
  ASSERT_EQ(upsert_outcomes(batch(product_body("g-1")
                                      .str("category", "Snacks")
                                      .set("subCategory", "null")
                                      .set("sub_SubCategory", "null"))),
            (std::vector<std::string>{"g-1: ok"}));
  auto moved = product("G-1");
  EXPECT_STREQ(moved["category"].GetString(), "Snacks");
  EXPECT_TRUE(moved["subCategory"].IsNull());
  EXPECT_TRUE(moved["sub_SubCategory"].IsNull());
  EXPECT_EQ(moved["productGroupId"].GetInt64(), 6);
  EXPECT_EQ(count("product_groups"), 8);
  // A third level needs a second.
  EXPECT_EQ(
      upsert_outcomes(batch({tree("G-9", "Snacks", nullptr, "Lobby")})),
      (std::vector<std::string>{"G-9: products[0].sub_SubCategory needs products[0].subCategory"}));
  EXPECT_EQ(count("product_groups"), 8);
}

TEST_F(ProductApi, UnitsAreCreatedOrReusedByName) {
  ASSERT_EQ(upsert_outcomes(batch({product_body("U-1").json(),
                                   product_body("U-2").str("productUnitName", " BOTTLE ").json(),
                                   product_body("U-3").str("productUnitName", "ชิ้น").json(),
                                   product_body("U-4").str("productUnitName", "Box").json()})),
            (std::vector<std::string>{"U-1: ok", "U-2: ok", "U-3: ok", "U-4: ok"}));
  for (const auto& [code, unit, name] :
       {std::tuple{"U-1", 2, "Bottle"}, std::tuple{"U-2", 2, "Bottle"}, std::tuple{"U-3", 1, "ชิ้น"},
        std::tuple{"U-4", 3, "Box"}}) {
    SCOPED_TRACE(code);
    auto p = product(code);
    EXPECT_EQ(p["unitId"].GetInt64(), unit);
    EXPECT_STREQ(p["productUnitName"].GetString(), name);
  }
  auto res = call("GET", "/v1/products/units");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "3");
  EXPECT_EQ(res.body, R"({"data":[{"unitId":2,"unitName":"Bottle","isActive":true},)"
                      R"({"unitId":3,"unitName":"Box","isActive":true},)"
                      R"({"unitId":1,"unitName":"ชิ้น","isActive":true}],)"
                      R"("statusCode":1000,"httpStatusCode":200})");
  EXPECT_EQ(call("GET", "/v1/products/units/3").body,
            R"({"data":{"unitId":3,"unitName":"Box","isActive":true},)"
            R"("statusCode":1000,"httpStatusCode":200})");
  EXPECT_EQ(call("GET", "/v1/Products/Units/1/").body,
            R"({"data":{"unitId":1,"unitName":"ชิ้น","isActive":true},)"
            R"("statusCode":1000,"httpStatusCode":200})");
  expect_error(call("GET", "/v1/products/units/99"), api::Family::kN, 404,
               "unitId 99 was not found");
  auto word = call("GET", "/v1/products/units/box");
  EXPECT_EQ(word.status, 404);
  EXPECT_EQ(word.body, R"({"statusCode":404,"message":"Resource not found"})");
}

TEST_F(ProductApi, VariantsKeepTheirAttributesAndThePropertiesListThem) {
  EXPECT_EQ(call("GET", "/v1/products/properties").body,
            R"({"data":[],"statusCode":1000,"httpStatusCode":200})");
  ASSERT_EQ(upsert_outcomes(
                batch({product_body("SHIRT")
                           .set("productVariant", "[" + variant("SHIRT-R") + "," +
                                                      variant("SHIRT-B", "Colour", "Blue") + "," +
                                                      variant("SHIRT-L", "Size", "L") + "]")
                           .json(),
                       // Names are found case-insensitively.
                       product_body("CAP")
                           .set("productVariant", "[" + variant("CAP-R", "colour ", " RED") + "]")
                           .json()})),
            (std::vector<std::string>{"SHIRT: ok", "CAP: ok"}));
  auto res = call("GET", "/v1/products/properties");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "2");
  EXPECT_EQ(res.body, R"({"data":[{"attributeId":1,"attributeName":"Colour","values":[)"
                      R"({"attributeValueId":2,"attributeValueName":"Blue"},)"
                      R"({"attributeValueId":1,"attributeValueName":"Red"}]},)"
                      R"({"attributeId":2,"attributeName":"Size","values":[)"
                      R"({"attributeValueId":1,"attributeValueName":"L"}]}],)"
                      R"("statusCode":1000,"httpStatusCode":200})");
  auto shirt = product("SHIRT");
  EXPECT_EQ(codes_of(shirt["productVariant"]),
            (std::vector<std::string>{"SHIRT-R", "SHIRT-B", "SHIRT-L"}));
  EXPECT_EQ(to_json(shirt["productVariant"][1]["attribute"]),
            R"([{"attributeName":"Colour","attributeValueName":"Blue"}])");
  // The attribute as sent (trimmed) is the variant's; the list keeps the first spelling.
  EXPECT_EQ(to_json(product("CAP")["productVariant"][0]["attribute"]),
            R"([{"attributeName":"colour","attributeValueName":"RED"}])");
  // An update changes a variant in place: same id, new attributes, its stock kept.
  const auto red = product_id("SHIRT-R");
  ASSERT_EQ(upsert_outcomes(batch(product_body("shirt").set(
                "productVariant", "[" + variant("shirt-r", "Fabric", "Cotton") + "]"))),
            (std::vector<std::string>{"shirt: ok"}));
  EXPECT_EQ(product_id("SHIRT-R"), red);
  EXPECT_EQ(to_json(product("SHIRT")["productVariant"][0]["attribute"]),
            R"([{"attributeName":"Fabric","attributeValueName":"Cotton"}])");
  EXPECT_EQ(count("product_attributes"), 3);
  EXPECT_EQ(count("product_attribute_values"), 4);
  // A variant needs an attribute, each with its name and value, and an active flag.
  const std::string no_attribute =
      R"({"productCode":"V-0","productName":"V","prices":[{"priceTierName":"R","regularPrice":1}],)"
      R"("active":true,"attribute":[]})";
  const std::string bad_attribute =
      R"({"productCode":"V-1","productName":"V","prices":[{"priceTierName":"R","regularPrice":1}],)"
      R"("active":"yes","attribute":[{"attributeName":"Colour"}]})";
  EXPECT_EQ(upsert_outcomes(
                batch({product_body("V").set("productVariant", "[" + no_attribute + "]").json(),
                       product_body("W").set("productVariant", "[" + bad_attribute + "]").json()})),
            (std::vector<std::string>{
                "V: products[0].productVariant[0].attribute must have at least one attribute",
                "W: products[1].productVariant[0].active must be a boolean; "
                "products[1].productVariant[0].attribute[0].attributeValueName is required"}));
  EXPECT_EQ(count("product_attributes"), 3);
}

TEST_F(ProductApi, UpdateMatchesTheCodeCaseInsensitivelyAndIgnoresQty) {
  ASSERT_EQ(upsert_outcomes(batch(product_body("tea-002", "Old name").set("qty", "5"))),
            (std::vector<std::string>{"tea-002: ok"}));
  const auto id = product_id("tea-002");
  const auto products = count("products");
  advance(3600);
  ASSERT_EQ(upsert_outcomes(batch(product_body(" TEA-002 ", "New name")
                                      .set("qty", "99")
                                      .set("active", "false")
                                      .str("brandName", "Kintsugi"))),
            (std::vector<std::string>{"TEA-002: ok"}));
  EXPECT_EQ(count("products"), products);
  auto p = product("TEA-002");
  EXPECT_EQ(p["productId"].GetInt64(), id);
  EXPECT_STREQ(p["productCode"].GetString(), "tea-002");
  EXPECT_STREQ(p["productName"].GetString(), "New name");
  EXPECT_STREQ(p["brandName"].GetString(), "Kintsugi");
  EXPECT_FALSE(p["active"].GetBool());
  // The initial stock stays: only Update Product Stock changes it.
  EXPECT_EQ(to_json(p["qty"]), "5");
  EXPECT_STREQ(p["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(p["dateModified"].GetString(), "2025-02-14T13:00:00+0700");
}

TEST_F(ProductApi, UpdateKeepsWhatItIsNotSentAndClearsWhatIsSentNull) {
  ASSERT_EQ(upsert_outcomes(batch(full_body())), (std::vector<std::string>{"TEA-001: ok"}));
  const auto before = product("TEA-001");
  // The required fields only (§1.5: an absent property keeps its stored value).
  ASSERT_EQ(upsert_outcomes(batch(product_body("TEA-001", "Renamed"))),
            (std::vector<std::string>{"TEA-001: ok"}));
  const auto after = product("TEA-001");
  EXPECT_STREQ(after["productName"].GetString(), "Renamed");
  EXPECT_EQ(to_json(after["prices"]),
            R"([{"priceTierName":"Retail","regularPrice":25,"salePrice":null,"vatValue":null,)"
            R"("useDefaultVat":null}])");
  for (const char* kept : {"productBarcode", "productDescription", "subCategory", "sub_SubCategory",
                           "productGroupId", "productWeight", "productWeightUnit", "productTag",
                           "productImage", "lowStockAlert", "warrantyNote", "brandName", "qty"}) {
    SCOPED_TRACE(kept);
    EXPECT_EQ(to_json(after[kept]), to_json(before[kept]));
  }
  EXPECT_EQ(codes_of(after["productVariant"]),
            (std::vector<std::string>{"TEA-001-S", "TEA-001-L"}));
  // A null clears.
  ASSERT_EQ(upsert_outcomes(batch(product_body("TEA-001", "Renamed")
                                      .set("brandName", "null")
                                      .set("productBarcode", "null")
                                      .set("subCategory", "null")
                                      .set("productTag", "[]"))),
            (std::vector<std::string>{"TEA-001: ok"}));
  const auto cleared = product("TEA-001");
  EXPECT_TRUE(cleared["brandName"].IsNull());
  EXPECT_TRUE(cleared["productBarcode"].IsNull());
  EXPECT_TRUE(cleared["subCategory"].IsNull());
  EXPECT_TRUE(cleared["sub_SubCategory"].IsNull());
  EXPECT_EQ(cleared["productGroupId"].GetInt64(), 3);
  EXPECT_EQ(to_json(cleared["productTag"]), "[]");
}

TEST_F(ProductApi, OneBadProductLeavesTheOthersSaved) {
  subscribe();
  const auto before = count("products");
  auto t = upsert(batch({
      product_body("GOOD-1").set("qty", "4").json(),
      product_body("BAD-1").set("cost", "-1").erase("productName").json(),
      product_body("GOOD-2").str("category", "Snacks").json(),
      // Valid as sent, refused when saved: its variant's code is GOOD-1's. Its new group and
      // unit, its row and its stock event go with it.
      product_body("BAD-2")
          .str("category", "Only bad")
          .str("productUnitName", "Crate")
          .set("qty", "7")
          .set("productVariant", "[" + variant("GOOD-1") + "]")
          .json(),
      "42",
      product_body(std::string(51, 'L')).json(),
  }));
  ASSERT_TRUE(t.IsObject());
  EXPECT_EQ(t["status"].GetInt(), 3);
  EXPECT_EQ(t["totalItems"].GetInt(), 6);
  EXPECT_EQ(t["successItems"].GetInt(), 2);
  EXPECT_EQ(t["failedItems"].GetInt(), 4);
  EXPECT_EQ(outcomes(t),
            (std::vector<std::string>{
                "GOOD-1: ok",
                "BAD-1: products[1].cost must be between 0 and 999999999999999.99; "
                "products[1].productName is required",
                "GOOD-2: ok",
                "BAD-2: productVariant[0].productCode GOOD-1 is the code of another product",
                ": products[4] must be an object",
                std::string(51, 'L') + ": products[5].productCode must be at most 50 characters",
            }));
  EXPECT_EQ(count("products"), before + 2);
  EXPECT_STREQ(product("GOOD-2")["category"].GetString(), "Snacks");
  expect_error(call("GET", "/v2/products/BAD-1"), api::Family::kS, 404,
               "productCode BAD-1 was not found");
  expect_error(call("GET", "/v2/products/BAD-2"), api::Family::kS, 404,
               "productCode BAD-2 was not found");
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM product_groups WHERE company_id = ? AND name = "
                           "'Only bad'",
                           {company_.id}),
            0);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM product_units WHERE company_id = ? AND name = "
                           "'Crate'",
                           {company_.id}),
            0);
  // GOOD-1 is no variant of anything.
  EXPECT_EQ(to_json(product("GOOD-1")["productVariant"]), "[]");
  // One stock event, GOOD-1's: BAD-2's went with it (its form is StockUpdated's test's).
  const auto messages = outbox();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].first, "Product.StockUpdated");
  EXPECT_NE(messages[0].second.find(R"("Data":{"ProductCode":"GOOD-1",)"), std::string::npos)
      << messages[0].second;
}

TEST_F(ProductApi, TheLastOfTwoEqualCodesInOneCallWins) {
  auto t = upsert(batch({product_body("DUP-1", "First").str("category", "Beverages").json(),
                         product_body("dup-1", "Second").str("category", "Snacks").json()}));
  EXPECT_EQ(outcomes(t), (std::vector<std::string>{"DUP-1: ok", "dup-1: ok"}));
  EXPECT_EQ(t["successItems"].GetInt(), 2);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM products WHERE company_id = ? AND "
                           "lower(product_code) = 'dup-1'",
                           {company_.id}),
            1);
  auto p = product("DUP-1");
  EXPECT_STREQ(p["productName"].GetString(), "Second");
  EXPECT_STREQ(p["category"].GetString(), "Snacks");
}

TEST_F(ProductApi, BodyLevelProblemsRefuseTheWholeCall) {
  const auto before = written();
  std::vector<std::string> five_hundred_and_one;
  for (int i = 0; i < 501; ++i) {
    five_hundred_and_one.push_back(product_body("BULK-" + std::to_string(i)).json());
  }
  const std::string one = product_body("ONE-1").json();
  struct Case {
    std::string body;
    std::string message;
  };
  for (const auto& c : std::vector<Case>{
           {"{}", "products is required"},
           {R"({"products":null})", "products is required"},
           {R"({"product":[)" + one + "]}", "products is required"},
           {R"({"products":)" + one + "}", "products must be an array"},
           {R"({"products":"ONE-1"})", "products must be an array"},
           {R"({"products":[]})", "products must have 1 to 500 items"},
           {batch(five_hundred_and_one), "products must have 1 to 500 items"},
           // The last of two spellings wins (§1.4): an empty list.
           {R"({"products":[)" + one + R"(],"Products":[]})", "products must have 1 to 500 items"},
           {"[" + batch(std::vector<std::string>{one}) + "]", "Request body must be a JSON object"},
       }) {
    SCOPED_TRACE(c.body.substr(0, 80));
    expect_error(call("POST", "/v3/Products", c.body), api::Family::kS, 400, c.message);
  }
  auto res = call("POST", "/v3/products", "");
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_EQ(written(), before);
  // Five hundred are one call's worth.
  five_hundred_and_one.pop_back();
  auto t = upsert(batch(five_hundred_and_one));
  ASSERT_TRUE(t.IsObject());
  EXPECT_EQ(t["totalItems"].GetInt(), 500);
  EXPECT_EQ(t["successItems"].GetInt(), 500);
  EXPECT_EQ(count("products"), 3 + 500);
}

TEST_F(ProductApi, ReservedCodesAreRefusedPerProduct) {
  std::vector<std::string> products, expected;
  for (const char* code : {"GetProduct", "getproduct", "tickets", "TICKETS", "serials", "codeguard",
                           "Stock", "units", "groups", "properties", " tickets "}) {
    products.push_back(product_body(code).json());
    const std::string trimmed = core::trimmed(code);
    expected.push_back(trimmed + ": productCode " + trimmed + " is reserved" + kReserved);
  }
  // Codes that only contain a reserved word are codes like any other.
  products.push_back(product_body("tickets-1").json());
  expected.push_back("tickets-1: ok");
  products.push_back(product_body("STOCK2").json());
  expected.push_back("STOCK2: ok");
  EXPECT_EQ(upsert_outcomes(batch(products)), expected);
  EXPECT_EQ(count("products"), 3 + 2);
  // A variant's code is a product code too (GET /v2/products/{productCode} finds variants).
  EXPECT_EQ(upsert_outcomes(
                batch(product_body("SHELF").set("productVariant", "[" + variant("tickets") + "]"))),
            (std::vector<std::string>{std::string("SHELF: productVariant[0].productCode tickets "
                                                  "is reserved") +
                                      kReserved}));
  EXPECT_EQ(count("products"), 3 + 2);
}

TEST_F(ProductApi, AVariantCodeIsItsOwnAndNoOtherProducts) {
  ASSERT_EQ(
      upsert_outcomes(batch(product_body("X").set("productVariant", "[" + variant("X-1") + "]"))),
      (std::vector<std::string>{"X: ok"}));
  const auto products = count("products");
  EXPECT_EQ(upsert_outcomes(batch({
                // Another product's variant.
                product_body("Y").set("productVariant", "[" + variant("x-1") + "]").json(),
                // Another product itself, and a demo one.
                product_body("Z").set("productVariant", "[" + variant("X") + "]").json(),
                product_body("Z2").set("productVariant", "[" + variant("A001") + "]").json(),
                // The product's own code.
                product_body("W").set("productVariant", "[" + variant("w") + "]").json(),
                // A variant is saved with its product, never as one.
                product_body("X-1").json(),
            })),
            (std::vector<std::string>{
                "Y: productVariant[0].productCode x-1 is the code of another product",
                "Z: productVariant[0].productCode X is the code of another product",
                "Z2: productVariant[0].productCode A001 is the code of another product",
                "W: productVariant[0].productCode w is its product's own code",
                "X-1: productCode X-1 is a variant; it is saved with its product"}));
  EXPECT_EQ(count("products"), products);
  EXPECT_STREQ(product("X-1")["productName"].GetString(), "Variant");
  EXPECT_EQ(codes_of(product("X")["productVariant"]), std::vector<std::string>{"X-1"});
  EXPECT_EQ(to_json(product("X")["productVariant"][0]["attribute"]),
            R"([{"attributeName":"Colour","attributeValueName":"Red"}])");
}

TEST_F(ProductApi, DecimalsKeepEveryDigit) {
  const auto big =
      product_body("BIG-1")
          .set("cost", R"("999999999999999.99")")
          .set("prices", R"([{"priceTierName":"Retail","regularPrice":"999999999999999.99",)"
                         R"("salePrice":"0.01","vatValue":"7.25"}])")
          .set("productWeight", R"("123456789012345.1234")")
          .set("qty", R"("999999999999999.9999")")
          .set("lowStockAlert", R"("0.0001")");
  ASSERT_EQ(upsert_outcomes(batch({big.json(), product_body("TEN").set("cost", "10.500").json()})),
            (std::vector<std::string>{"BIG-1: ok", "TEN: ok"}));
  auto res = call("GET", "/v2/products/BIG-1");
  ASSERT_EQ(res.status, 200) << res.body;
  for (const char* text :
       {R"("cost":999999999999999.99,)",
        R"("prices":[{"priceTierName":"Retail","regularPrice":999999999999999.99,)"
        R"("salePrice":0.01,"vatValue":7.25,"useDefaultVat":null}],)",
        R"("productWeight":123456789012345.1234,)",
        R"("qty":999999999999999.9999,"lowStockAlert":0.0001,)"}) {
    EXPECT_NE(res.body.find(text), std::string::npos) << text << "\n" << res.body;
  }
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM products WHERE company_id = ? AND product_code = "
                           "'BIG-1' AND cost = '999999999999999.99' AND qty = "
                           "'999999999999999.9999' AND default_price = '0.01'",
                           {company_.id}),
            1);
  EXPECT_EQ(to_json(product("TEN")["cost"]), "10.5");
  // The filter's row shows the default price: the first tier's sale price when above 0.
  auto rows = call("POST", "/v1/products/getProduct",
                   R"({"productType":1031,"status":[],"take":10,"smartSearch":"BIG-1"})");
  EXPECT_NE(rows.body.find(R"("qty":999999999999999.9999,"price":0.01,)"), std::string::npos)
      << rows.body;
  // Stock keeps every digit too.
  auto set = stock(R"([{"productCode":"BIG-1","qty":"123456789012345.6789"}])");
  EXPECT_NE(set.body.find(R"("qty":123456789012345.6789,)"), std::string::npos) << set.body;
  EXPECT_NE(call("GET", "/v2/products/BIG-1").body.find(R"("qty":123456789012345.6789,)"),
            std::string::npos);

  // More digits than a field carries are refused, never rounded.
  const auto products = count("products");
  auto with_variant = [](const std::string& code, const std::string& v) {
    return product_body(code).set("productVariant", "[" + v + "]").json();
  };
  const std::string variant_cost =
      R"({"productCode":"D-7-V","productName":"V","cost":0.001,)"
      R"("prices":[{"priceTierName":"R","regularPrice":1}],"active":true,)"
      R"("attribute":[{"attributeName":"Size","attributeValueName":"S"}]})";
  const std::string variant_vat =
      R"({"productCode":"D-8-V","productName":"V",)"
      R"("prices":[{"priceTierName":"R","regularPrice":1,"vat":101}],"active":true,)"
      R"("attribute":[{"attributeName":"Size","attributeValueName":"S"}]})";
  EXPECT_EQ(
      upsert_outcomes(batch({
          product_body("D-0").set("cost", "1.234").json(),
          product_body("D-1")
              .set("prices", R"([{"priceTierName":"Retail","regularPrice":"1.001"}])")
              .json(),
          product_body("D-2")
              .set("prices", R"([{"priceTierName":"Retail","regularPrice":1,"salePrice":0.125}])")
              .json(),
          product_body("D-3").set("qty", "1.23456").json(),
          product_body("D-4")
              .set("prices", R"([{"priceTierName":"Retail","regularPrice":1,"vatValue":100.5}])")
              .json(),
          product_body("D-5").set("cost", "1234567890123456.7").json(),
          product_body("D-6").set("cost", R"("1000000000000000")").json(),
          with_variant("D-7", variant_cost),
          with_variant("D-8", variant_vat),
          product_body("D-9").set("lowStockAlert", "-0.5").json(),
      })),
      (std::vector<std::string>{
          "D-0: products[0].cost must have at most 2 decimal places",
          "D-1: products[1].prices[0].regularPrice must have at most 2 decimal places",
          "D-2: products[2].prices[0].salePrice must have at most 2 decimal places",
          "D-3: products[3].qty must have at most 4 decimal places",
          "D-4: products[4].prices[0].vatValue must be between 0 and 100",
          "D-5: products[5].cost has more digits than a JSON number carries exactly; send it as "
          "a string",
          "D-6: products[6].cost must be between 0 and 999999999999999.99",
          "D-7: products[7].productVariant[0].cost must have at most 2 decimal places",
          "D-8: products[8].productVariant[0].prices[0].vat must be between 0 and 100",
          "D-9: products[9].lowStockAlert must be between 0 and 999999999999999.9999",
      }));
  EXPECT_EQ(count("products"), products);
}

// A JSON number is read exactly whatever its shortest form: 100000.0 and 0.0001 print as
// 1e+05 and 1e-04.
TEST_F(ProductApi, JsonNumbersOfFewDigitsAreReadExactlyInAnyForm) {
  EXPECT_EQ(upsert_outcomes(batch({
                product_body("E-1")
                    .set("cost", "100000.0")
                    .set("prices", R"([{"priceTierName":"Retail","regularPrice":2.5e3}])")
                    .set("qty", "0.0001")
                    .set("lowStockAlert", "1E1")
                    .json(),
            })),
            (std::vector<std::string>{"E-1: ok"}));
  auto res = call("GET", "/v2/products/E-1");
  for (const char* text :
       {R"("cost":100000,)", R"("regularPrice":2500,)", R"("qty":0.0001,"lowStockAlert":10,)"}) {
    EXPECT_NE(res.body.find(text), std::string::npos) << text << "\n" << res.body;
  }
  auto set = stock(R"([{"productCode":"E-1","qty":0.0005},{"productCode":"A001","qty":1e6}])");
  EXPECT_EQ(set.body,
            R"({"data":[{"productCode":"E-1","qty":0.0005,"isSuccess":true,"error":null},)"
            R"({"productCode":"A001","qty":1000000,"isSuccess":true,"error":null}],)"
            R"("statusCode":1000,"httpStatusCode":200})");
}

TEST_F(ProductApi, RequiredFieldsAndRulesOfOneProduct) {
  const auto products = count("products");
  EXPECT_EQ(
      upsert_outcomes(batch({
          R"({})",
          product_body("R-1").set("prices", "[]").json(),
          product_body("R-2").set("useWarranty", "true").json(),
          product_body("R-3")
              .set("useWarranty", "true")
              .set("timeWarrantyValue", "2")
              .str("timeWarrantyUnit", "w")
              .json(),
          product_body("R-4").str("productName", "").set("trackInventory", "\"maybe\"").json(),
          product_body("R-5").set("productTag", R"(["a",1])").json(),
      })),
      (std::vector<std::string>{
          ": products[0].productCode is required; products[0].productName is required; "
          "products[0].category is required; products[0].cost is required; "
          "products[0].prices is required; products[0].productUnitName is required; "
          "products[0].trackInventory is required; products[0].useWarranty is required; "
          "products[0].visibility is required; products[0].active is required",
          "R-1: products[1].prices must have at least one tier",
          "R-2: products[2].timeWarrantyValue is required; "
          "products[2].timeWarrantyUnit is required",
          "R-3: products[3].timeWarrantyUnit must be y, m or d",
          "R-4: products[4].productName is required; products[4].trackInventory must be a "
          "boolean",
          "R-5: products[5].productTag[1] must be a non-empty string",
      }));
  EXPECT_EQ(count("products"), products);
  // A product without warranty keeps the unit it was sent, whatever it says.
  ASSERT_EQ(upsert_outcomes(batch(product_body("R-6").str("timeWarrantyUnit", "<string>"))),
            (std::vector<std::string>{"R-6: ok"}));
  EXPECT_STREQ(product("R-6")["timeWarrantyUnit"].GetString(), "<string>");
  // Booleans and numbers are read with the usual tolerance (§1.4 rule 3).
  ASSERT_EQ(upsert_outcomes(batch(product_body("R-7")
                                      .set("trackInventory", R"("FALSE")")
                                      .set("visibility", "0")
                                      .set("cost", R"(" 3.50 ")"))),
            (std::vector<std::string>{"R-7: ok"}));
  auto p = product("R-7");
  EXPECT_FALSE(p["trackInventory"].GetBool());
  EXPECT_FALSE(p["visibility"].GetBool());
  EXPECT_EQ(to_json(p["cost"]), "3.5");
}

TEST_F(ProductApi, TheDocsCreateExampleAnswersATicketWithItsOneFailure) {
  const auto before = written();
  auto res = call("POST", "/v3/Products", kDocCreateExample);
  ASSERT_EQ(res.status, 200) << res.body;
  auto t = res.json();
  EXPECT_EQ(t["data"]["totalItems"].GetInt(), 1);
  EXPECT_EQ(t["data"]["successItems"].GetInt(), 0);
  EXPECT_EQ(t["data"]["failedItems"].GetInt(), 1);
  // Its one problem: the variant's placeholder "<boolean>" is no boolean.
  EXPECT_EQ(outcomes(t["data"]),
            (std::vector<std::string>{
                "<string>: products[0].productVariant[0].active must be a boolean"}));
  // Nothing but the ticket is written.
  EXPECT_EQ(written(), before + 1);
  EXPECT_EQ(count("product_tickets"), 1);
  // With a boolean there, it is saved as it reads: its placeholder code and its variant's are
  // the same, which is refused.
  std::string fixed = kDocCreateExample;
  fixed.replace(fixed.find(R"("<boolean>")"), 11, "true");
  EXPECT_EQ(upsert_outcomes(fixed),
            (std::vector<std::string>{
                "<string>: productVariant[0].productCode <string> is its product's own code"}));
}

// ---------------------------------------------------------------------------------------------
// Tickets

TEST_F(ProductApi, TicketsAreReadByBothPathsForSevenDays) {
  auto created = call("POST", "/v3/Products",
                      batch({product_body("T-1").json(), product_body("tickets").json()}));
  ASSERT_EQ(created.status, 200) << created.body;
  const auto id = std::to_string(created.json()["data"]["ticketId"].GetInt64());
  for (const std::string& path : {"/v3/products/tickets/" + id, "/v3/Products/Tickets/" + id,
                                  "/tickets/" + id, "/tickets/" + id + "/", "/dev/tickets/" + id}) {
    SCOPED_TRACE(path);
    EXPECT_EQ(call("GET", path).body, created.body);
  }
  const auto other = std::to_string(std::stoll(id) + 1);
  expect_error(call("GET", "/v3/products/tickets/" + other), api::Family::kS, 404,
               "ticketId " + other + " was not found");
  expect_error(call("GET", "/tickets/" + other), api::Family::kS, 404,
               "ticketId " + other + " was not found");
  for (const char* path : {"/v3/products/tickets/abc", "/tickets/-1", "/v3/products/tickets/"}) {
    SCOPED_TRACE(path);
    auto res = call("GET", path);
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.body, R"({"statusCode":404,"message":"Resource not found"})");
  }
  // Kept seven days to the second, then gone.
  advance(kWeek);
  EXPECT_EQ(call("GET", "/tickets/" + id).body, created.body);
  advance(1);
  expect_error(call("GET", "/v3/products/tickets/" + id), api::Family::kS, 404,
               "ticketId " + id + " was not found");
  expect_error(call("GET", "/tickets/" + id), api::Family::kS, 404,
               "ticketId " + id + " was not found");
  // A new one is read at once.
  auto next = call("POST", "/v3/Products", batch(product_body("T-2")));
  ASSERT_EQ(next.status, 200) << next.body;
  const auto next_id = std::to_string(next.json()["data"]["ticketId"].GetInt64());
  EXPECT_NE(next_id, id);
  EXPECT_EQ(call("GET", "/tickets/" + next_id).body, next.body);
  EXPECT_NE(next.body.find(R"("dateCreated":"2025-02-21T12:00:01+0700")"), std::string::npos)
      << next.body;
}

// ---------------------------------------------------------------------------------------------
// Get Products With Take & Status

TEST_F(ProductApi, TakeAndStatusListsTheCatalogueByCode) {
  ASSERT_EQ(upsert_outcomes(batch({
                product_body("b-2").json(),
                product_body("B-1").set("active", "false").json(),
                product_body("C-3").set("productVariant", "[" + variant("C-3-V") + "]").json(),
            })),
            (std::vector<std::string>{"b-2: ok", "B-1: ok", "C-3: ok"}));
  const std::vector<std::string> all = {"A001", "A002", "A003", "B-1", "b-2", "C-3"};
  const std::vector<std::string> active = {"A001", "A002", "A003", "b-2", "C-3"};
  const std::vector<std::string> inactive = {"B-1"};
  struct Case {
    const char* status;
    std::vector<std::string> codes;
  };
  for (const auto& c : {Case{"[1]", active}, Case{"[true]", active}, Case{"[\"true\"]", active},
                        Case{"[0]", inactive}, Case{"[false]", inactive}, Case{"[]", all},
                        Case{"[0,1]", all}, Case{"[true,0]", all}, Case{"[1,1]", active}}) {
    SCOPED_TRACE(c.status);
    EXPECT_EQ(taken(std::string(R"({"take":100,"status":)") + c.status + "}"), c.codes);
  }
  // Paged: skip and take, at most 1000 a page.
  EXPECT_EQ(taken(R"({"take":2,"skip":2,"status":[]})"), (std::vector<std::string>{"A003", "B-1"}));
  EXPECT_EQ(taken(R"({"take":100,"skip":6,"status":[]})"), std::vector<std::string>{});
  EXPECT_EQ(taken(R"({"take":5000,"status":[]})"), all);
  // The total before paging is in X-Total-Count (§1.2).
  auto res = call("POST", "/v2/products/getproduct", R"({"take":2,"status":[]})");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "6");
  // Each item is the product object Get a Product by ProductCode answers, variants included.
  auto list = data_of(call("POST", "/v2/Products/GetProduct", R"({"take":100,"status":[1]})"));
  ASSERT_TRUE(list.IsArray());
  for (const auto& p : list.GetArray()) {
    SCOPED_TRACE(p["productCode"].GetString());
    EXPECT_EQ(keys_of(p), kProductKeys);
    auto one = product(p["productCode"].GetString());
    EXPECT_EQ(to_json(p), to_json(one));
  }
  EXPECT_EQ(codes_of(list[4]["productVariant"]), std::vector<std::string>{"C-3-V"});
}

TEST_F(ProductApi, TakeAndStatusRefusesWhatItCannotRead) {
  // The docs' example asks for 0 products (§1.9: take is at least 1).
  expect_error(call("POST", "/v2/Products/GetProduct", kDocTakeStatusExample), api::Family::kS, 400,
               "take must be at least 1");
  expect_error(call("POST", "/v2/Products/GetProduct", R"({"status":[1]})"), api::Family::kS, 400,
               "take is required");
  expect_error(call("POST", "/v2/Products/GetProduct", R"({"take":1})"), api::Family::kS, 400,
               "status is required");
  expect_error(call("POST", "/v2/Products/GetProduct", R"({"take":1,"status":[2]})"),
               api::Family::kS, 400, "status[0] must be a boolean");
  expect_error(call("POST", "/v2/Products/GetProduct", R"({"take":1,"status":1})"), api::Family::kS,
               400, "status must be an array of at most 100 booleans");
  expect_error(call("POST", "/v2/Products/GetProduct", R"({"take":1,"status":[],"skip":-1})"),
               api::Family::kS, 400, "skip must be between 0 and 9223372036854775807");
  auto several = call("POST", "/v2/Products/GetProduct", R"({"take":0,"status":["x"]})");
  EXPECT_EQ(several.status, 400);
  EXPECT_EQ(several.body,
            problems_body(api::Family::kS, {{"take", "take must be at least 1"},
                                            {"status[0]", "status[0] must be a boolean"}}));
  // With a take, the example lists the active products.
  std::string example = kDocTakeStatusExample;
  example.replace(example.find("\"take\": 0"), 9, "\"take\": 2");
  EXPECT_EQ(taken(example), (std::vector<std::string>{"A001", "A002"}));
}

// ---------------------------------------------------------------------------------------------
// Get Products By Filter

class ProductFilter : public ProductApi {
 protected:
  void SetUp() override {
    ASSERT_EQ(
        upsert_outcomes(batch({
            product_body("TEA-001", "ชาเขียว มัทฉะ")
                .str("productBarcode", "8850001112223")
                .str("brandName", "Kintsugi")
                .str("subCategory", "Tea")
                .str("sub_SubCategory", "Green")
                .set("productTag", R"(["organic","เครื่องดื่ม"])")
                .set("trackInventory", "false")
                .set("qty", "7")
                .set("productVariant", "[" + variant("TEA-001-V") + "]")
                .json(),
            product_body("SNK-01", "Rice cracker")
                .str("category", "Snacks")
                .set("prices", R"([{"priceTierName":"Retail","regularPrice":40,"salePrice":35}])")
                .set("visibility", "false")
                .set("active", "false")
                .json(),
            product_body("SET-01", "Gift set").json(),
        })),
        (std::vector<std::string>{"TEA-001: ok", "SNK-01: ok", "SET-01: ok"}));
    // Bundles are made in the app; this one is made a bundle here.
    server_.exec(
        "UPDATE products SET product_type = 1032 WHERE company_id = ? AND product_code "
        "= 'SET-01'",
        {company_.id});
    beverages_ = server_.scalar(
        "SELECT product_group_id FROM product_groups WHERE company_id = ? AND name = 'Beverages'",
        {company_.id});
    green_ = server_.scalar(
        "SELECT product_group_id FROM product_groups WHERE company_id = ? AND name = 'Green'",
        {company_.id});
    snacks_ = server_.scalar(
        "SELECT product_group_id FROM product_groups WHERE company_id = ? AND name = 'Snacks'",
        {company_.id});
  }
  // A filter body: every product of type 1031 unless `more` says otherwise.
  static std::string body(const std::string& more = "") {
    std::string b = R"({"productType":1031,"status":[],"take":100)";
    if (!more.empty()) b += "," + more;
    return b + "}";
  }
  std::string code_of_group(std::int64_t id) {
    std::string out;
    server_.db().read_now([&](storage::Session& s) {
      auto rows =
          s.query("SELECT code FROM product_groups WHERE company_id = ? AND product_group_id = ?",
                  {company_.id, id});
      if (rows.next()) out = rows.str(0);
    });
    return out;
  }

  std::int64_t beverages_ = 0, green_ = 0, snacks_ = 0;
  // By name: "Booking system licence", "Queue display screen", "Receipt printer", "Rice
  // cracker", then the Thai name.
  const std::vector<std::string> all_ = {"A001", "A002", "A003", "SNK-01", "TEA-001"};
  const std::vector<std::string> demo_ = {"A001", "A002", "A003"};
};

TEST_F(ProductFilter, RowsHaveTheLegacyShapeAndTheTotal) {
  auto res = call("POST", "/v1/products/getProduct", body());
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "5");
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"data", "statusCode", "httpStatusCode"}));
  EXPECT_EQ(codes_of(doc["data"]), all_);
  for (const auto& r : doc["data"].GetArray()) EXPECT_EQ(keys_of(r), kRowKeys);
  EXPECT_EQ(to_json(doc["data"][0]),
            R"({"partId":)" + std::to_string(product_id("A001")) +
                R"(,"partTypeId":1031,"partName":"Booking system licence","qty":10,)"
                R"("price":12000,"companyId":)" +
                std::to_string(company_.id) +
                R"(,"unit":"ชิ้น","name":"Spa systems","isActive":true,"productCode":"A001",)"
                R"("productBarcode":null,"productGroupId":2,"trackInventory":true,)"
                R"("visibility":true})");
  // The default price is the first tier's sale price when above 0.
  EXPECT_EQ(to_json(doc["data"][3]),
            R"({"partId":)" + std::to_string(product_id("SNK-01")) +
                R"(,"partTypeId":1031,"partName":"Rice cracker","qty":0,"price":35,"companyId":)" +
                std::to_string(company_.id) +
                R"(,"unit":"Bottle","name":"Snacks","isActive":false,"productCode":"SNK-01",)"
                R"("productBarcode":null,"productGroupId":)" +
                std::to_string(snacks_) + R"(,"trackInventory":true,"visibility":false})");
  EXPECT_EQ(to_json(doc["data"][4]["name"]), R"("Beverages")");
  EXPECT_EQ(to_json(doc["data"][4]["productBarcode"]), R"("8850001112223")");
  // Paged, the total stays.
  res = call("POST", "/v1/products/getProduct", body(R"("take":2,"skip":1)"));
  EXPECT_EQ(codes_of(data_of(res)), (std::vector<std::string>{"A002", "A003"}));
  EXPECT_EQ(res.header("x-total-count"), "5");
  res = call("POST", "/v1/products/getProduct", body(R"("take":2,"skip":1,"smartSearch":"a00")"));
  EXPECT_EQ(codes_of(data_of(res)), (std::vector<std::string>{"A002", "A003"}));
  EXPECT_EQ(res.header("x-total-count"), "3");
  EXPECT_EQ(filtered(body(R"("take":5000)")), all_);
}

TEST_F(ProductFilter, ByTypeStatusAndUse) {
  struct Case {
    std::string more;
    std::vector<std::string> codes;
  };
  const std::vector<std::string> bundle = {"SET-01"};
  const std::vector<std::string> none;
  for (const auto& c : std::vector<Case>{
           {R"("productType":1301)", all_},
           {R"("productType":1032)", bundle},
           {R"("productType":1302)", bundle},
           {R"("productType":"1032")", bundle},
           {R"("status":[1])", {"A001", "A002", "A003", "TEA-001"}},
           {R"("status":[true])", {"A001", "A002", "A003", "TEA-001"}},
           {R"("status":[0])", {"SNK-01"}},
           {R"("status":[false])", {"SNK-01"}},
           {R"("status":[0,true])", all_},
           {R"("typeFor":0)", all_},
           {R"("typeFor":null)", all_},
           {R"("typeFor":1)", {"A001", "A002", "A003", "TEA-001"}},
           {R"("typeFor":2)", {"A001", "A002", "A003", "SNK-01"}},
           {R"("typeFor":2,"status":[1])", demo_},
           {R"("productType":1032,"status":[0])", none},
       }) {
    SCOPED_TRACE(c.more);
    EXPECT_EQ(filtered(body(c.more)), c.codes);
  }
}

TEST_F(ProductFilter, ByGroupsOfAnyLevelAndGroupCodes) {
  struct Case {
    std::string more;
    std::vector<std::string> codes;
  };
  const auto ids = [](std::initializer_list<std::int64_t> list) {
    std::string out = R"("productGroupIds":[)";
    for (auto id : list) {
      if (out.back() != '[') out += ",";
      out += std::to_string(id);
    }
    return out + "]";
  };
  const std::vector<std::string> none;
  for (const auto& c : std::vector<Case>{
           {ids({kSpaSystems}), demo_},
           {ids({kFrontDesk}), demo_},
           {ids({green_}), {"TEA-001"}},
           {ids({beverages_}), {"TEA-001"}},
           {ids({snacks_, kFrontDesk}), {"A001", "A002", "A003", "SNK-01"}},
           {ids({999}), none},
           // The legacy example's [0] filters nothing.
           {ids({0}), all_},
           {ids({}), all_},
           {R"("productGroupIds":null)", all_},
           {R"("productFor":"G00001")", demo_},
           {R"("productFor":"g00002")", demo_},
           {R"("productFor":")" + code_of_group(green_) + R"(")", {"TEA-001"}},
           {R"("productFor":" G00002 , )" + code_of_group(snacks_) + R"(")",
            {"A001", "A002", "A003", "SNK-01"}},
           {R"("productFor":"GZZZZZ")", none},
           {R"("productFor":"")", all_},
           {R"("productFor":" , ")", all_},
           {R"("productFor":null)", all_},
           {R"("productFor":"G00001",)" + ids({snacks_}), {"A001", "A002", "A003", "SNK-01"}},
       }) {
    SCOPED_TRACE(c.more);
    EXPECT_EQ(filtered(body(c.more)), c.codes);
  }
}

TEST_F(ProductFilter, SmartSearchContainsOnCodeBarcodeNameBrandAndTags) {
  struct Case {
    std::string search;
    std::vector<std::string> codes;
  };
  const std::vector<std::string> tea = {"TEA-001"};
  const std::vector<std::string> none;
  for (const auto& c : std::vector<Case>{
           {"a00", demo_},
           {"TEA-0", tea},
           {"1112223", tea},
           {"มัทฉะ", tea},
           {"ชาเขียว", tea},
           {"KINTSUGI", tea},
           {"ganic", tea},
           {"เครื่อง", tea},
           {"printer", {"A003"}},
           {"cracker", {"SNK-01"}},
           {"  ", all_},
           {"zzz", none},
           {"%", none},
           {"_", none},
           // A variant's code names no product of the list.
           {"TEA-001-V", none},
       }) {
    SCOPED_TRACE(c.search);
    EXPECT_EQ(filtered(body(R"("smartSearch":)" + quote(c.search))), c.codes);
  }
  auto res = call("POST", "/v1/products/getProduct", body(R"("smartSearch":"ชา")"));
  EXPECT_EQ(res.header("x-total-count"), "1");
  // A keyword is contained in one field: a line break, which would span two, is refused.
  auto across = call("POST", "/v1/products/getProduct", body(R"("smartSearch":"A001\nBooking")"));
  EXPECT_EQ(across.status, 400) << across.body;
  EXPECT_NE(across.body.find("smartSearch must not contain control characters"), std::string::npos)
      << across.body;
}

TEST_F(ProductFilter, OrderByAnyRowField) {
  struct Case {
    std::string order;
    std::vector<std::string> codes;
  };
  for (const auto& c : std::vector<Case>{
           {"", all_},
           {"partName", all_},
           {"partName desc", {"TEA-001", "SNK-01", "A003", "A002", "A001"}},
           {"PARTID DESC", {"SNK-01", "TEA-001", "A003", "A002", "A001"}},
           {"price desc, partName", {"A001", "A002", "A003", "SNK-01", "TEA-001"}},
           {"price", {"TEA-001", "SNK-01", "A003", "A002", "A001"}},
           {"qty desc, productCode desc", {"A003", "A002", "A001", "TEA-001", "SNK-01"}},
           {"productCode desc", {"TEA-001", "SNK-01", "A003", "A002", "A001"}},
           {"name, partId", {"TEA-001", "SNK-01", "A001", "A002", "A003"}},
           {"isActive, productCode", {"SNK-01", "A001", "A002", "A003", "TEA-001"}},
       }) {
    SCOPED_TRACE(c.order);
    EXPECT_EQ(filtered(body(R"("orderBy":)" + quote(c.order))), c.codes);
  }
}

TEST_F(ProductFilter, RefusesWhatItCannotRead) {
  // The docs' example: take 0 (§1.9) and an orderBy field no row has.
  auto res = call("POST", "/v1/products/getProduct", kDocFilterExample);
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_EQ(res.body, problems_body(api::Family::kN,
                                    {{"take", "take must be at least 1"},
                                     {"orderBy", "orderBy field string is not a sortable field"}}));
  struct Case {
    std::string body;
    std::string message;
  };
  for (const auto& c : std::vector<Case>{
           {R"({"status":[],"take":1})", "productType is required"},
           {R"({"productType":0,"status":[],"take":1})",
            "productType must be 1031 (product) or 1032 (bundle)"},
           {R"({"productType":1033,"status":[],"take":1})",
            "productType must be 1031 (product) or 1032 (bundle)"},
           {R"({"productType":"bundle","status":[],"take":1})", "productType must be an integer"},
           {R"({"productType":1031,"take":1})", "status is required"},
           {R"({"productType":1031,"status":[2],"take":1})", "status[0] must be a boolean"},
           {R"({"productType":1031,"status":[]})", "take is required"},
           {R"({"productType":1031,"status":[],"take":-1})", "take must be at least 1"},
           {R"({"productType":1031,"status":[],"take":1,"typeFor":3})",
            "typeFor must be between 0 and 2"},
           {R"({"productType":1031,"status":[],"take":1,"productGroupIds":["x"]})",
            "productGroupIds[0] must be an integer between 0 and 9223372036854775807"},
           {R"({"productType":1031,"status":[],"take":1,"smartSearch":7})",
            "smartSearch must be a string"},
           {R"({"productType":1031,"status":[],"take":1,"orderBy":"price sideways"})",
            "orderBy direction sideways must be asc or desc"},
           {R"({"productType":1031,"status":[],"take":1,"orderBy":"cost"})",
            "orderBy field cost is not a sortable field"},
           {"[]", "Request body must be a JSON object"},
       }) {
    SCOPED_TRACE(c.body);
    expect_error(call("POST", "/v1/products/getProduct", c.body), api::Family::kN, 400, c.message);
  }
  // With a take and a field to order by, the example answers: its group 0 filters nothing,
  // its productFor names no group.
  std::string example = kDocFilterExample;
  example.replace(example.find("\"take\": 0"), 9, "\"take\": 9");
  example.replace(example.find("\"orderBy\": \"string\""), 19, "\"orderBy\": \"partId\"");
  example.replace(example.find("\"smartSearch\": \"string\""), 23, "\"smartSearch\": null");
  EXPECT_EQ(filtered(example), std::vector<std::string>{});
  example.replace(example.find("\"productFor\": \"string\""), 22, "\"productFor\": null");
  EXPECT_EQ(filtered(example), (std::vector<std::string>{"A001", "A002", "A003", "TEA-001"}));
}

// ---------------------------------------------------------------------------------------------
// Update Product Stock

TEST_F(ProductApi, TheDocsStockExampleSetsTheDemoProductsToTwenty) {
  auto res = stock(kDocStockExample);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, R"({"data":[{"productCode":"A001","qty":20,"isSuccess":true,"error":null},)"
                      R"({"productCode":"A002","qty":20,"isSuccess":true,"error":null},)"
                      R"({"productCode":"A003","qty":20,"isSuccess":true,"error":null}],)"
                      R"("statusCode":1000,"httpStatusCode":200})");
  for (const char* code : {"A001", "A002", "A003"}) {
    SCOPED_TRACE(code);
    EXPECT_EQ(to_json(product(code)["qty"]), "20");
  }
  // The quantity is absolute: the same call again leaves 20, never 40.
  EXPECT_EQ(stock(kDocStockExample).body, res.body);
  EXPECT_EQ(to_json(product("A001")["qty"]), "20");
}

TEST_F(ProductApi, StockResultsFollowTheRequestOrder) {
  ASSERT_EQ(upsert_outcomes(batch(
                {product_body("OFF-1").set("active", "false").json(),
                 product_body("UNTRACKED").set("trackInventory", "false").json(),
                 product_body("P").set("productVariant", "[" + variant("P-V") + "]").json()})),
            (std::vector<std::string>{"OFF-1: ok", "UNTRACKED: ok", "P: ok"}));
  advance(60);
  auto res = stock(R"([{"productCode":"A001","qty":5},)"
                   R"({"productCode":"NOPE","qty":1},)"
                   R"({"productCode":"A002","qty":-1},)"
                   R"({"productCode":"A003","qty":1.23456},)"
                   R"({"qty":1},)"
                   R"(7,)"
                   R"({"productCode":"a002","qty":"3.25"},)"
                   R"({"productCode":"A003"},)"
                   R"({"productCode":"OFF-1","qty":2},)"
                   R"({"productCode":"UNTRACKED","qty":0.5},)"
                   R"({"productCode":"p-v","qty":9},)"
                   R"({"productCode":"A003","qty":"lots"},)"
                   R"({"productCode":"A001","qty":0}])");
  ASSERT_EQ(res.status, 200) << res.body;
  auto ok = [](const char* code, const char* qty) {
    return std::string(R"({"productCode":")") + code + R"(","qty":)" + qty +
           R"(,"isSuccess":true,"error":null})";
  };
  auto failed = [](const std::string& code, const std::string& message) {
    return R"({"productCode":)" + quote(code) +
           R"(,"qty":null,"isSuccess":false,"error":{"code":"4001","message":)" + quote(message) +
           "}}";
  };
  EXPECT_EQ(res.body, "{\"data\":[" + ok("A001", "5") + "," +
                          failed("NOPE", "productCode NOPE was not found") + "," +
                          failed("A002", "[2].qty must be between 0 and 999999999999999.9999") +
                          "," + failed("A003", "[3].qty must have at most 4 decimal places") + "," +
                          failed("", "[4].productCode is required") + "," +
                          failed("", "[5] must be an object") + "," + ok("A002", "3.25") + "," +
                          failed("A003", "[7].qty is required") + "," + ok("OFF-1", "2") + "," +
                          ok("UNTRACKED", "0.5") + "," + ok("P-V", "9") + "," +
                          failed("A003", "[11].qty must be a number") + "," + ok("A001", "0") +
                          R"(],"statusCode":1000,"httpStatusCode":200})");
  EXPECT_EQ(to_json(product("A001")["qty"]), "0");
  EXPECT_EQ(to_json(product("A002")["qty"]), "3.25");
  EXPECT_EQ(to_json(product("A003")["qty"]), "10");
  EXPECT_EQ(to_json(product("OFF-1")["qty"]), "2");
  EXPECT_FALSE(product("OFF-1")["active"].GetBool());
  EXPECT_EQ(to_json(product("UNTRACKED")["qty"]), "0.5");
  EXPECT_EQ(to_json(product("P")["productVariant"][0]["qty"]), "9");
  // A changed quantity is a modification; an unchanged product keeps its date.
  EXPECT_STREQ(product("A002")["dateModified"].GetString(), "2025-02-14T12:01:00+0700");
  EXPECT_STREQ(product("A003")["dateModified"].GetString(), kNowText);
}

TEST_F(ProductApi, StockRefusesABodyThatIsNoListOfItems) {
  const auto before = written();
  struct Case {
    std::string body;
    std::string message;
  };
  std::string thousand_and_one = "[";
  for (int i = 0; i < 1001; ++i) {
    if (i > 0) thousand_and_one += ",";
    thousand_and_one += R"({"productCode":"A001","qty":)" + std::to_string(i) + "}";
  }
  thousand_and_one += "]";
  for (const auto& c : std::vector<Case>{
           {R"({"productCode":"A001","qty":20})", "The body must be a JSON array of stock items"},
           {R"("A001")", "The body must be a JSON array of stock items"},
           {"null", "The body must be a JSON array of stock items"},
           {"[]", "The body must have 1 to 1000 stock items"},
           {thousand_and_one, "The body must have 1 to 1000 stock items"},
           {"", "Request body is not valid JSON: The document is empty. (at byte 0)"},
       }) {
    SCOPED_TRACE(c.body.substr(0, 60));
    expect_error(stock(c.body), api::Family::kN, 400, c.message);
  }
  EXPECT_EQ(written(), before);
  EXPECT_EQ(to_json(product("A001")["qty"]), "10");
  // A thousand are one call's worth, each item on its own: the last one stands.
  thousand_and_one.erase(thousand_and_one.rfind(",{"));
  thousand_and_one += "]";
  auto res = stock(thousand_and_one);
  ASSERT_EQ(res.status, 200) << res.body.substr(0, 200);
  auto list = data_of(res);
  ASSERT_EQ(list.Size(), 1000u);
  EXPECT_EQ(to_json(list[999]),
            R"({"productCode":"A001","qty":999,"isSuccess":true,"error":null})");
  EXPECT_EQ(to_json(product("A001")["qty"]), "999");
}

TEST_F(ProductApi, StockUpdatedIsEmittedWhenTheQuantityChanges) {
  subscribe();
  std::vector<std::pair<std::string, std::string>> expected;
  ASSERT_EQ(stock(R"([{"productCode":"A001","qty":20}])").status, 200);
  expected.push_back(stock_event("A001", "10", "20"));
  EXPECT_EQ(outbox(), expected);
  // The same quantity is no change; an unknown product and a refused item emit nothing.
  ASSERT_EQ(stock(R"([{"productCode":"a001","qty":"20.00"},{"productCode":"NOPE","qty":3},)"
                  R"({"productCode":"A002","qty":-3}])")
                .status,
            200);
  EXPECT_EQ(outbox(), expected);
  // Absolute: 5 after 20, not 25. Two items of one product chain.
  ASSERT_EQ(stock(R"([{"productCode":"A001","qty":5},{"productCode":"A001","qty":1.5}])").status,
            200);
  expected.push_back(stock_event("A001", "20", "5"));
  expected.push_back(stock_event("A001", "5", "1.5"));
  EXPECT_EQ(outbox(), expected);
  EXPECT_EQ(to_json(product("A001")["qty"]), "1.5");
  // Created with stock: from 0. A product and a variant created with none emit nothing, nor
  // does an update's qty (ignored).
  ASSERT_EQ(upsert_outcomes(batch({
                product_body("NEW-1").set("qty", "3").json(),
                product_body("NEW-2")
                    .set("qty", "0")
                    .set("productVariant", "[" + variant("NEW-2-V") + "]")
                    .json(),
                product_body("A002").set("qty", "99").json(),
            })),
            (std::vector<std::string>{"NEW-1: ok", "NEW-2: ok", "A002: ok"}));
  expected.push_back(stock_event("NEW-1", "0", "3"));
  EXPECT_EQ(outbox(), expected);
  auto with_qty = product_body("NEW-3").set(
      "productVariant",
      R"([{"productCode":"NEW-3-V","productName":"V","prices":[{"priceTierName":"R",)"
      R"("regularPrice":1}],"qty":"2.5","active":true,"attribute":[{"attributeName":"Size",)"
      R"("attributeValueName":"M"}]}])");
  ASSERT_EQ(upsert_outcomes(batch(with_qty)), (std::vector<std::string>{"NEW-3: ok"}));
  expected.push_back(stock_event("NEW-3-V", "0", "2.5"));
  EXPECT_EQ(outbox(), expected);
  // Each is delivered as the outbox holds it, signed.
  ASSERT_TRUE(receiver_.wait_for(expected.size(), 15s));
  std::multiset<std::string> sent, heard;
  for (const auto& m : expected) sent.insert(m.second);
  for (const auto& r : receiver_.received()) {
    heard.insert(r.body);
    EXPECT_TRUE(r.signature_valid) << r.body;
  }
  EXPECT_EQ(heard, sent);
}

TEST_F(ProductApi, ConcurrentStockUpdatesOfOneProductChainWithoutALostUpdate) {
  subscribe();
  constexpr int kThreads = 8;
  constexpr int kEach = 25;
  std::mutex mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = server_.client();
      for (int i = 0; i < kEach; ++i) {
        // Every value is new: each update is a change.
        const auto qty = std::to_string(1000 * (t + 1) + i);
        auto res = client.request("PUT", "/v1/products/stock", company_.auth_json(),
                                  R"([{"productCode":"A001","qty":)" + qty + "}]");
        const std::string expected = R"({"data":[{"productCode":"A001","qty":)" + qty +
                                     R"(,"isSuccess":true,"error":null}],"statusCode":1000,)"
                                     R"("httpStatusCode":200})";
        if (res.body != expected) {
          std::lock_guard lock(mutex);
          failures.push_back(std::to_string(res.status) + " " + res.body);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(failures.empty()) << failures.front();
  // In emission order, each change starts where the one before ended.
  const auto messages = outbox();
  ASSERT_EQ(messages.size(), static_cast<std::size_t>(kThreads * kEach));
  std::string previous = "10";
  std::set<std::string> seen;
  for (const auto& [event, body] : messages) {
    ASSERT_EQ(event, "Product.StockUpdated");
    rapidjson::Document d;
    d.Parse(body.c_str(), body.size());
    ASSERT_TRUE(d.IsObject()) << body;
    const auto& data = d["Data"];
    ASSERT_EQ(number_text(data["PreviousQty"]), previous) << body;
    previous = number_text(data["Qty"]);
    EXPECT_TRUE(seen.insert(previous).second) << previous;
  }
  EXPECT_EQ(to_json(product("A001")["qty"]), previous);
}

TEST_F(ProductApi, ConcurrentUpsertsCreateEveryNewGroupUnitAndProperty) {
  constexpr int kThreads = 8;
  constexpr int kEach = 4;
  std::mutex mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = server_.client();
      for (int i = 0; i < kEach; ++i) {
        const auto n = std::to_string(t) + "-" + std::to_string(i);
        // Names new to the company: one of its own for each call, and one all calls share.
        auto body = product_body("C-" + n)
                        .str("category", "Category " + n)
                        .str("subCategory", "Shared")
                        .str("productUnitName", "Unit " + n)
                        .set("productVariant",
                             "[" + variant("C-" + n + "-V", "Attribute " + n, "Value " + n) + "," +
                                 variant("C-" + n + "-W", "Shared", "Value " + n) + "]");
        auto res = client.request("POST", "/v3/Products", company_.auth_json(), batch(body));
        std::lock_guard lock(mutex);
        if (res.status != 200 || res.body.find(R"("failedItems":0,)") == std::string::npos) {
          failures.push_back(std::to_string(res.status) + " " + res.body);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, the first: " << failures.front();
  constexpr int kCalls = kThreads * kEach;
  EXPECT_EQ(count("products"), 3 + 3 * kCalls);
  // Two demo groups, each call's category and its Shared below it.
  EXPECT_EQ(count("product_groups"), 2 + 2 * kCalls);
  EXPECT_EQ(count("product_units"), 1 + kCalls);
  EXPECT_EQ(count("product_attributes"), 1 + kCalls);
  // Each call's own attribute has its value; the shared one has every call's.
  EXPECT_EQ(count("product_attribute_values"), 2 * kCalls);
  EXPECT_EQ(server_.scalar("SELECT COUNT(DISTINCT code) FROM product_groups WHERE company_id = ?",
                           {company_.id}),
            2 + 2 * kCalls);
}

// The same with every group, unit and attribute known before: only the attribute's new
// values are made at once, and each is stored.
TEST_F(ProductApi, ConcurrentUpsertsStoreEveryNewAttributeValue) {
  ASSERT_EQ(upsert_outcomes(batch(product_body("FIRST").set(
                "productVariant", "[" + variant("FIRST-V", "Shared", "First") + "]"))),
            (std::vector<std::string>{"FIRST: ok"}));
  constexpr int kThreads = 8;
  constexpr int kEach = 4;
  std::mutex mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = server_.client();
      for (int i = 0; i < kEach; ++i) {
        const auto n = std::to_string(t) + "-" + std::to_string(i);
        auto body = product_body("V-" + n).set(
            "productVariant", "[" + variant("V-" + n + "-V", "Shared", "Value " + n) + "]");
        auto res = client.request("POST", "/v3/Products", company_.auth_json(), batch(body));
        std::lock_guard lock(mutex);
        if (res.status != 200 || res.body.find(R"("failedItems":0,)") == std::string::npos) {
          failures.push_back(std::to_string(res.status) + " " + res.body);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, the first: " << failures.front();
  EXPECT_EQ(count("product_attributes"), 1);
  EXPECT_EQ(count("product_attribute_values"), 1 + kThreads * kEach);
  auto res = call("GET", "/v1/products/properties");
  auto doc = res.json();
  ASSERT_TRUE(doc.IsObject() && doc["data"].IsArray() && doc["data"].Size() == 1u) << res.body;
  EXPECT_EQ(doc["data"][0]["values"].Size(),
            static_cast<rapidjson::SizeType>(1 + kThreads * kEach));
}

}  // namespace
}  // namespace ov::test
