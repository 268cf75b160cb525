// Serial numbers of products over HTTP (ENDPOINTS.md §4.8.8–§4.8.10), envelope family S: the
// Codeguard registry (a serial belongs to one product; the same product toggles it; another
// product's call fails whole), Verify Serial Number (a buyer by code or name, the warranty's
// end from the product's warranty, a second registration refused), the read-only status, the
// Venio docs' request example verbatim, and tenancy.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/customers/customer_service.hpp"
#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-02-14T12:00:00+0700.
constexpr core::UnixSeconds kNow = 1739509200;

// The Venio docs' Verify Serial Number request example (§4.8.8), verbatim.
constexpr const char* kDocVerifyExample = R"({
"SerialNumber": "string",//string Required
"CustomerName": "John Doe",//string optional (required CustomerCode or CustomerName)
"CustomerCode": "Coode",//string optional (required CustomerCode or CustomerName)
"CustomerType": 1,
"SaleOrderNo": "SO23080001xxxxxxx",
"Note": "This is a test note.",
"Latitude": 13.7563,
"Longtitude": 100.5018,
"PurchaseDate": "2023-08-04"//string format "YYYY-MM-DD" Required
})";

const std::vector<std::string> kSerialKeys = {
    "serialNumber", "productCode", "productName",  "serialStatus",       "customerCode",
    "customerName", "saleOrderNo", "purchaseDate", "warrantyExpireDate", "dateVerified"};

class SerialApi : public ::testing::Test {
 protected:
  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "", const TestCompany* c = nullptr) {
    return client_.request(method, path, (c ? *c : company_).auth_json(), body);
  }
  // The data of a successful family-S reply.
  rapidjson::Document data_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data")) out.CopyFrom(doc["data"], out.GetAllocator());
    return out;
  }
  void expect_error(const HttpResponse& res, int status, const std::string& message) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.body, one_problem_body(api::Family::kS, message, status));
  }
  rapidjson::Document codeguard(const std::string& products, const TestCompany* c = nullptr) {
    return data_of(call("POST", "/v3/products/codeguard", R"({"products":)" + products + "}", c));
  }
  rapidjson::Document status(const std::string& serial) {
    return data_of(call("GET", "/v3/Products/serials/status?serialNumber=" + serial));
  }
  HttpResponse verify(const std::string& body, const TestCompany* c = nullptr) {
    return call("POST", "/v3/products/serials/verification", body, c);
  }
  // A product with a warranty of `value` `unit` (y, m or d), through Create Or Update Products.
  void add_product(const std::string& code, int value, const char* unit) {
    const std::string product =
        R"({"productCode":")" + code +
        R"(","productName":"Massage chair","category":"Spa systems","cost":1000,)"
        R"("prices":[{"priceTierName":"Retail","regularPrice":25000}],"productUnitName":"ชิ้น",)"
        R"("trackInventory":true,"useWarranty":true,"timeWarrantyValue":)" +
        std::to_string(value) + R"(,"timeWarrantyUnit":")" + unit +
        R"(","visibility":true,"active":true})";
    auto t = data_of(call("POST", "/v3/Products", R"({"products":[)" + product + "]}"));
    ASSERT_TRUE(t.IsObject());
    ASSERT_EQ(t["successItems"].GetInt(), 1) << to_json(t);
  }

  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(SerialApi, CodeguardRegistersSerialsForTheirProduct) {
  auto results =
      codeguard(R"([{"productCode":"a001","serialNumbers":["SN-001"," SN-002 ","sn-001"]},)"
                R"({"productCode":"A002","serialNumbers":["SN-100"],"active":false}])");
  ASSERT_TRUE(results.IsArray());
  EXPECT_EQ(to_json(results),
            R"([{"productCode":"A001","serialCount":2,"isSuccess":true,"error":null},)"
            R"({"productCode":"A002","serialCount":1,"isSuccess":true,"error":null}])");
  auto s = status("sn-002");
  EXPECT_EQ(keys_of(s), kSerialKeys);
  EXPECT_STREQ(s["serialNumber"].GetString(), "SN-002");
  EXPECT_STREQ(s["productCode"].GetString(), "A001");
  EXPECT_STREQ(s["productName"].GetString(), "Booking system licence");
  EXPECT_EQ(s["serialStatus"].GetInt(), 1);
  for (const char* k : {"customerCode", "customerName", "saleOrderNo", "purchaseDate",
                        "warrantyExpireDate", "dateVerified"}) {
    EXPECT_TRUE(s[k].IsNull()) << k;
  }
  // Inactive when registered so; the same product toggles it back.
  EXPECT_EQ(status("SN-100")["serialStatus"].GetInt(), 3);
  EXPECT_TRUE(
      codeguard(
          R"([{"productCode":"A002","serialNumbers":["sn-100"],"active":true}])")[0]["isSuccess"]
          .GetBool());
  EXPECT_EQ(status("SN-100")["serialStatus"].GetInt(), 1);
  // A serial of another product fails that product's whole call: its new serials are not kept.
  auto clash = codeguard(R"([{"productCode":"A003","serialNumbers":["SN-300","SN-001"]}])");
  EXPECT_EQ(to_json(clash[0]["error"]),
            R"({"code":"4001","message":"Serial number SN-001 belongs to product A001"})");
  EXPECT_FALSE(clash[0]["isSuccess"].GetBool());
  expect_error(call("GET", "/v3/Products/serials/status?serialNumber=SN-300"), 404,
               "serialNumber SN-300 was not found");
  EXPECT_EQ(status("SN-001")["productCode"], "A001");
  // An unknown product, and an item that is not one, are per-item failures.
  auto bad = codeguard(R"([{"productCode":"NOPE","serialNumbers":["X1"]},7,)"
                       R"({"productCode":"A001","serialNumbers":[]}])");
  EXPECT_EQ(to_json(bad[0]["error"]),
            R"({"code":"4001","message":"productCode NOPE was not found"})");
  EXPECT_EQ(to_json(bad[1]["error"]),
            R"({"code":"4001","message":"products[1] must be an object"})");
  EXPECT_EQ(
      to_json(bad[2]["error"]),
      R"({"code":"4001","message":"products[2].serialNumbers must have at least one serial"})");
  EXPECT_EQ(
      server_.scalar("SELECT COUNT(*) FROM product_serials WHERE company_id = ?", {company_.id}),
      3);
}

TEST_F(SerialApi, CodeguardRefusesBodiesItCannotRead) {
  for (const char* body : {R"({})", R"({"products":[]})", R"({"products":{}})", R"([])"}) {
    SCOPED_TRACE(body);
    EXPECT_EQ(call("POST", "/v3/products/codeguard", body).status, 400);
  }
  std::string many = "[";
  for (int i = 0; i <= 100; ++i) {
    many += std::string(i ? "," : "") + R"({"productCode":"A001","serialNumbers":["S"]})";
  }
  many += "]";
  expect_error(call("POST", "/v3/products/codeguard", R"({"products":)" + many + "}"), 400,
               "products must have 1 to 100 items");
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM product_serials"), 0);
}

TEST_F(SerialApi, VerificationRegistersTheBuyerAndTheWarrantysEnd) {
  add_product("CHAIR-1", 1, "y");
  add_product("CHAIR-2", 1, "m");
  add_product("CHAIR-3", 30, "d");
  codeguard(R"([{"productCode":"CHAIR-1","serialNumbers":["C1-1"]},)"
            R"({"productCode":"CHAIR-2","serialNumbers":["C2-1"]},)"
            R"({"productCode":"CHAIR-3","serialNumbers":["C3-1"]},)"
            R"({"productCode":"A001","serialNumbers":["A-1"]}])");
  // A known customer: its code and name as stored.
  auto r = data_of(
      verify(R"({"SerialNumber":"c1-1","CustomerCode":"c000154","CustomerType":2,)"
             R"("SaleOrderNo":"SO25020001","Note":"Front desk","Latitude":13.75,"Longitude":100.5,)"
             R"("PurchaseDate":"2024-02-29"})"));
  ASSERT_TRUE(r.IsObject());
  EXPECT_EQ(keys_of(r), kSerialKeys);
  EXPECT_EQ(r["serialStatus"].GetInt(), 2);
  EXPECT_STREQ(r["customerCode"].GetString(), "C000154");
  EXPECT_STREQ(r["customerName"].GetString(), "𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand");
  EXPECT_STREQ(r["saleOrderNo"].GetString(), "SO25020001");
  EXPECT_STREQ(r["purchaseDate"].GetString(), "2024-02-29T00:00:00+0700");
  // A year after 29 February is the last day of the next February.
  EXPECT_STREQ(r["warrantyExpireDate"].GetString(), "2025-02-28T00:00:00+0700");
  EXPECT_STREQ(r["dateVerified"].GetString(), "2025-02-14T12:00:00+0700");
  // A name alone is stored as given.
  auto m = data_of(verify(
      R"({"SerialNumber":"C2-1","CustomerName":"Somchai Jaidee","PurchaseDate":"2025-01-31"})"));
  EXPECT_TRUE(m["customerCode"].IsNull());
  EXPECT_STREQ(m["customerName"].GetString(), "Somchai Jaidee");
  EXPECT_STREQ(m["warrantyExpireDate"].GetString(), "2025-02-28T00:00:00+0700");
  auto d = data_of(
      verify(R"({"SerialNumber":"C3-1","CustomerName":"Suda","PurchaseDate":"2025-01-20"})"));
  EXPECT_STREQ(d["warrantyExpireDate"].GetString(), "2025-02-19T00:00:00+0700");
  // A product without warranty gives none.
  auto a = data_of(
      verify(R"({"SerialNumber":"A-1","CustomerName":"Suda","PurchaseDate":"2025-02-14"})"));
  EXPECT_TRUE(a["warrantyExpireDate"].IsNull());
  // Status reads what verification stored, and changes nothing.
  const auto before = call("GET", "/v3/Products/serials/status?serialNumber=C1-1").body;
  EXPECT_EQ(to_json(status("C1-1")), to_json(r));
  EXPECT_EQ(call("GET", "/v3/Products/serials/status?serialNumber=C1-1").body, before);
}

TEST_F(SerialApi, VerificationRefusesWhatItCannotRegister) {
  codeguard(R"([{"productCode":"A001","serialNumbers":["V-1","V-2"]},)"
            R"({"productCode":"A002","serialNumbers":["V-OFF"],"active":false}])");
  ASSERT_EQ(
      verify(R"({"SerialNumber":"V-1","CustomerName":"Suda","PurchaseDate":"2025-02-01"})").status,
      200);
  expect_error(
      verify(R"({"SerialNumber":"v-1","CustomerName":"Kanya","PurchaseDate":"2025-02-01"})"), 400,
      "Serial number V-1 is already registered");
  expect_error(
      verify(R"({"SerialNumber":"V-OFF","CustomerName":"Kanya","PurchaseDate":"2025-02-01"})"), 400,
      "Serial number V-OFF is inactive");
  expect_error(
      verify(R"({"SerialNumber":"V-9","CustomerName":"Kanya","PurchaseDate":"2025-02-01"})"), 404,
      "SerialNumber V-9 was not found");
  expect_error(
      verify(R"({"SerialNumber":"V-2","CustomerCode":"C999999","PurchaseDate":"2025-02-01"})"), 404,
      "CustomerCode C999999 was not found");
  // The purchase may be today, not tomorrow.
  expect_error(
      verify(R"({"SerialNumber":"V-2","CustomerName":"Kanya","PurchaseDate":"2025-02-15"})"), 400,
      "PurchaseDate must not be in the future");
  expect_error(verify(R"({"SerialNumber":"V-2","PurchaseDate":"2025-02-01"})"), 400,
               "CustomerCode or CustomerName is required");
  auto many =
      verify(R"({"CustomerType":3,"Latitude":91,"Longtitude":"east","PurchaseDate":"2025-02-30"})");
  EXPECT_EQ(many.status, 400);
  auto doc = many.json();
  std::vector<std::string> fields;
  for (const auto& e : doc["data"]["errors"].GetArray())
    fields.emplace_back(e["field"].GetString());
  // In body order; the properties the body lacks last.
  EXPECT_EQ(fields, (std::vector<std::string>{"CustomerType", "Latitude", "Longtitude",
                                              "PurchaseDate", "SerialNumber", "CustomerName"}))
      << many.body;
  // None of it changed V-2.
  EXPECT_EQ(status("V-2")["serialStatus"].GetInt(), 1);
  expect_error(call("GET", "/v3/Products/serials/status"), 400, "serialNumber is required");
}

TEST_F(SerialApi, TheDocsVerificationExampleSucceedsVerbatim) {
  // The example's placeholders name a serial and a customer: stored first, as the app would.
  server_.db().write_now([&](storage::Session& s) {
    customers::CustomerRecord c;
    c.company_id = company_.id;
    c.customer_code = "Coode";
    c.customer_name = "John Doe Co., Ltd.";
    c.created_by_user_id = c.modified_by_user_id = company_.admin_user_id;
    c.date_created = c.date_modified = kNow;
    customers::insert_customer(s, c);
  });
  codeguard(R"([{"productCode":"A001","serialNumbers":["string"]}])");
  auto r = data_of(verify(kDocVerifyExample));
  ASSERT_TRUE(r.IsObject());
  EXPECT_EQ(r["serialStatus"].GetInt(), 2);
  // The code wins over the name: the customer's stored name is the buyer's.
  EXPECT_STREQ(r["customerCode"].GetString(), "Coode");
  EXPECT_STREQ(r["customerName"].GetString(), "John Doe Co., Ltd.");
  EXPECT_STREQ(r["saleOrderNo"].GetString(), "SO23080001xxxxxxx");
  EXPECT_STREQ(r["purchaseDate"].GetString(), "2023-08-04T00:00:00+0700");
}

TEST_F(SerialApi, AnotherCompanysSerialIsUnknown) {
  auto b = server_.add_company();
  codeguard(R"([{"productCode":"A001","serialNumbers":["T-1"]}])");
  expect_error(call("GET", "/v3/Products/serials/status?serialNumber=T-1", "", &b), 404,
               "serialNumber T-1 was not found");
  expect_error(
      verify(R"({"SerialNumber":"T-1","CustomerName":"B","PurchaseDate":"2025-02-01"})", &b), 404,
      "SerialNumber T-1 was not found");
  // B registers the same serial for its own A001: each company's registry is its own.
  EXPECT_TRUE(codeguard(R"([{"productCode":"A001","serialNumbers":["T-1"]}])", &b)[0]["isSuccess"]
                  .GetBool());
  ASSERT_EQ(
      verify(R"({"SerialNumber":"T-1","CustomerName":"B","PurchaseDate":"2025-02-01"})", &b).status,
      200);
  EXPECT_EQ(status("T-1")["serialStatus"].GetInt(), 1);
}

}  // namespace
}  // namespace ov::test
