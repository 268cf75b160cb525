// The SalesOrder section over HTTP (ENDPOINTS.md §4.11, §4.9): Create Or Update SalesOrder (family
// S, `data` an array of the one saved order) with its totals, discounts, payment schedules and
// every status move of the upsert; Get By SalesOrderNo and its attachments; the legacy Get By Id
// view (family V); Approve, Reject (family N), Update Payment and Update Tracking; Update Deal's
// cancleAllOrder; the SaleOrder.* events; numbering under concurrent creates; refused input that
// writes nothing; another company's orders; and the Venio docs' examples against the demo orders.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/json_body.hpp"
#include "support/json_text.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"
#include "support/webhook_receiver.hpp"
#include "webhooks/events.hpp"
#include "webhooks/subscriptions.hpp"

namespace ov::test {
namespace {

using namespace std::chrono_literals;

// 2025-02-14T12:00:00+0700: new orders are numbered in February 2025.
constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";
constexpr const char* kTrue = R"({"status":{"code":"1000","description":"Success"},"data":true})";
// The demo deal board (src/modules/demo/demo_data.cpp): its won and lost stages, a missed reason.
constexpr std::int64_t kWon = 5508;
constexpr std::int64_t kLost = 5509;
constexpr std::int64_t kReason = 39733557;

const std::vector<std::string> kOrderKeys = {"salesOrderSubject",
                                             "customerCode",
                                             "customerId",
                                             "salesOrderNo",
                                             "salesOrderStatus",
                                             "salesOrderDate",
                                             "recipientName",
                                             "recipientAddress",
                                             "headerTemplateId",
                                             "warehouseCode",
                                             "salesorderDetails",
                                             "discountName",
                                             "discountValue",
                                             "discountType",
                                             "paymentTerm",
                                             "remark",
                                             "staffCode",
                                             "salesOrderNote",
                                             "vatCalculation",
                                             "subTotal",
                                             "subTotalWithDiscount",
                                             "grandTotal",
                                             "totalVat",
                                             "privateNote",
                                             "referenceNo",
                                             "contactId",
                                             "customerAddressId",
                                             "currencyCode",
                                             "salesOrderId",
                                             "payment",
                                             "invoiceInfo",
                                             "shippingDocumentUrl",
                                             "trackingNo",
                                             "discounts",
                                             "integrationPlatform",
                                             "isIntegrationOrderPaid",
                                             "recipient",
                                             "salesOrderCustomerAddress",
                                             "isIncludeVat",
                                             "totalWht",
                                             "dealNo",
                                             "rejectReason",
                                             "approvedByUserId",
                                             "dateApproved",
                                             "createdByUserId",
                                             "dateCreated",
                                             "updatedByUserId",
                                             "dateUpdated"};
const std::vector<std::string> kLineKeys = {
    "productCode",        "productName",   "price",        "qty",          "productUnitName",
    "productDescription", "discountValue", "discountType", "vatTaxValue",  "whtTaxValue",
    "totalPrice",         "unitId",        "isShipping",   "warehouseCode"};
// Get a SalesOrders By Id: the legacy fields first (§4.11.2), then the rest of the object.
const std::vector<std::string> kLegacyLead = {
    "attachments",     "customer",        "userInfo",    "statusName",
    "isEdit",          "isDelete",        "isApprove",   "total",
    "buyer",           "seller",          "customerIds", "currency",
    "subTotal",        "saleOrderId",     "orderType",   "saleOrderNo",
    "status",          "dateOrder",       "customerId",  "isActive",
    "remark",          "createdByUserId", "dateCreated", "waitingApproveByUserId",
    "approvedByUserId"};
const std::vector<std::string> kAttachmentKeys = {"attachmentId", "refId",
                                                  "type",         "filename",
                                                  "extension",    "fileSize",
                                                  "isActive",     "createdByUserId",
                                                  "dateCreated",  "resourceUrl",
                                                  "companyId",    "isProcessed",
                                                  "url",          "urlResponseUpload",
                                                  "thumbnail"};

// The Venio docs' Update SalesOrder Payment request example (§4.11.7), verbatim.
constexpr const char* kDocPaymentExample = R"({
"payments": [
{
"periodNo": 1,
"status": 2
},
{
"periodNo": 2,
"status": 1
}
]
})";

// The Venio docs' Reject SaleOrder request example (§4.11.5), verbatim.
constexpr const char* kDocRejectExample = R"({
"salesOrderIds": [],
"reason": "string"
})";

// The Venio docs' example B (§4.11.1), complete and verbatim.
constexpr const char* kDocExampleB = R"({
"status": {
"code": "1000",
"description": "Success"
},
"data": [
{
"salesOrderSubject": "ATM Edit SO Full Detail",
"customerCode": "C000001",
"customerId": 592512,
"salesOrderNo": "SO260600039",
"salesOrderStatus": 2,
"salesOrderDate": "2026-06-05T00:00:00+0700",
"recipientName": "string",
"recipientAddress": "string",
"headerTemplateId": 0,
"warehouseCode": "string",
"salesorderDetails": [
{
"productCode": "PD002",
"productName": "Venio Headphone",
"price": 800,
"qty": 2,
"productUnitName": "ชิ้น",
"productDescription": "string",
"discountValue": 0,
"discountType": true,
"vatTaxValue": 7,
"whtTaxValue": 0,
"totalPrice": 1280,
"unitId": 0,
"isShipping": true,
"warehouseCode": "string"
}
],
"discountName": "string",
"discountValue": 0,
"discountType": true,
"paymentTerm": "string",
"remark": "string",
"staffCode": "00004",
"salesOrderNote": "string",
"vatCalculation": true,
"subTotal": 2880,
"subTotalWithDiscount": 2304,
"grandTotal": 2304,
"totalVat": 150.73,
"privateNote": "string",
"referenceNo": "string",
"contactId": 0,
"customerAddressId": 0,
"currencyCode": "USD",
"salesOrderId": 281940,
"payment": {},
"invoiceInfo": {},
"shippingDocumentUrl": "string",
"trackingNo": "string",
"discounts": [
{}
],
"integrationPlatform": 0,
"isIntegrationOrderPaid": true,
"recipient": {
"name": "string",
"address": "string"
},
"salesOrderCustomerAddress": {
"addressId": 0,
"locationName": "string",
"location": "string",
"fullAddress": "string"
}
}
]
})";

// The Venio docs' example A (§4.11.3) up to where the docs cut it off, closed before `payment`.
constexpr const char* kDocExampleA = R"({
"salesOrderSubject": "ใบสั่งขาย - บริษัท ABC จำกัด",
"customerCode": "CUST-001",
"customerId": 1001,
"salesOrderNo": "SOZ-260400032",
"salesOrderStatus": 1,
"salesOrderDate": "2026-04-21T00:00:00",
"recipientName": "คุณสมชาย ใจดี",
"recipientAddress": "123/45 ถ.สุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110",
"headerTemplateId": 1,
"warehouseCode": "WHGENERAL",
"salesorderDetails": [
{
"productCode": "PRD-001",
"productName": "สินค้าตัวอย่าง A",
"price": 1000.00,
"qty": 2.00,
"productUnitName": "ชิ้น",
"productDescription": "รายละเอียดสินค้าตัวอย่าง A",
"discountValue": 50.00,
"discountType": false,
"vatTaxValue": 7.00,
"whtTaxValue": 3.00,
"totalPrice": 1950.00,
"unitId": 10,
"isShipping": true,
"warehouseCode": "WHGENERAL"
},
{
"productCode": "PRD-002",
"productName": "สินค้าตัวอย่าง B",
"price": 500.00,
"qty": 5.00,
"productUnitName": "กล่อง",
"productDescription": "รายละเอียดสินค้าตัวอย่าง B",
"discountValue": 10.00,
"discountType": true,
"vatTaxValue": 7.00,
"whtTaxValue": null,
"totalPrice": 2325.00,
"unitId": 12,
"isShipping": false,
"warehouseCode": "WHGENERAL"
}
],
"discountName": "ส่วนลดพิเศษ",
"discountValue": 100.00,
"discountType": false,
"paymentTerm": "Net 30",
"remark": "กรุณาจัดส่งในวันทำการถัดไป",
"staffCode": "STAFF-001",
"salesOrderNote": "ลูกค้า VIP — ดูแลเป็นพิเศษ",
"vatCalculation": true,
"subTotal": 4275.00,
"subTotalWithDiscount": 4175.00,
"grandTotal": 4467.25
})";

// The smallest valid order: one PRD-001 (1000) with VAT on top, 1070 in all.
Body order_body(const std::string& subject = "Booking system for Oasis Spa") {
  Body b;
  b.str("salesOrderSubject", subject)
      .str("customerCode", "C000154")
      .str("salesOrderDate", "2025-02-10")
      .str("staffCode", "staff01")
      .set("vatCalculation", "true")
      .set("salesOrderDetails", R"([{"productCode":"PRD-001","qty":1}])");
  return b;
}

// Venio example A's content (§4.9.1 test vector 1) as a request.
Body example_a_body() {
  return order_body()
      .str("customerCode", "CUST-001")
      .set(
          "salesOrderDetails",
          R"([{"productCode":"PRD-001","price":1000,"qty":2,"discountValue":50,)"
          R"("discountType":false,"whtTaxValue":3},)"
          R"({"productCode":"PRD-002","price":500,"qty":5,"discountValue":10,"discountType":true}])")
      .set("discountValue", "100")
      .set("discountType", "false")
      .set("isIncludeVat", "false");
}

// The S-family body of Get By SalesOrderNo for the order a successful upsert answered.
std::string as_get_body(const std::string& upsert_body) {
  std::string out = upsert_body;
  const auto at = out.find(R"("data":[)");
  if (at == std::string::npos || out.size() < 2) return {};
  out.erase(at + 7, 1);
  out.erase(out.size() - 2, 1);  // the `]` before the closing brace
  return out;
}

// The same JSON value: numbers by value (the docs write 100.00 for 100), the rest as text.
bool same_value(const rapidjson::Value& a, const rapidjson::Value& b) {
  if (a.IsNumber() && b.IsNumber()) return a.GetDouble() == b.GetDouble();
  return to_json(a) == to_json(b);
}

// The JSON text of a member, "" when absent.
std::string json_at(const rapidjson::Value& obj, const char* key) {
  if (!obj.IsObject() || !obj.HasMember(key)) return "";
  return to_json(obj[key]);
}

class SalesOrderApi : public ::testing::Test {
 protected:
  static TestServerOptions options() { return fixed_at_with_quick_retries(kNow); }

  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "") {
    return client_.request(method, path, company_.auth_json(), body);
  }
  HttpResponse call_as(const TestCompany& c, const std::string& method, const std::string& path,
                       const std::string& body = "") {
    return client_.request(method, path, c.auth_json(), body);
  }
  // The payload of a family S or N success; fails the test on anything else.
  rapidjson::Document data_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data")) out.CopyFrom(doc["data"], out.GetAllocator());
    return out;
  }
  // Create Or Update SalesOrder: the one saved order of its `data` array.
  rapidjson::Document save(const Body& b) {
    auto list = data_of(call("POST", "/v2/salesorder", b.json()));
    rapidjson::Document out;
    EXPECT_TRUE(list.IsArray() && list.Size() == 1) << to_json(list);
    if (list.IsArray() && list.Size() == 1) out.CopyFrom(list[0], out.GetAllocator());
    return out;
  }
  std::string create_no(const Body& b) {
    auto o = save(b);
    return o.IsObject() ? o["salesOrderNo"].GetString() : "";
  }
  // The update of order `no` to the content of `b`.
  rapidjson::Document update(const std::string& no, Body b = order_body()) {
    return save(b.str("salesOrderNo", no));
  }
  HttpResponse upsert_raw(const std::string& no, Body b = order_body()) {
    return call("POST", "/v2/salesorder", b.str("salesOrderNo", no).json());
  }
  rapidjson::Document get(const std::string& no) {
    return data_of(call("GET", "/v2/salesorder/" + no));
  }
  std::string get_body(const std::string& no) { return call("GET", "/v2/salesorder/" + no).body; }
  int status_of(const std::string& no) {
    auto o = get(no);
    return o.IsObject() ? o["salesOrderStatus"].GetInt() : -1;
  }
  rapidjson::Document legacy(std::int64_t id) {
    auto res = call("GET", "/v1/salesorders/" + std::to_string(id));
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data") && doc["data"].HasMember("value")) {
      out.CopyFrom(doc["data"]["value"], out.GetAllocator());
    }
    return out;
  }
  HttpResponse approve(const std::string& no, const std::string& body = "") {
    return call("PUT", "/v2/salesorder/" + no + "/approve", body);
  }
  HttpResponse reject(const std::vector<std::int64_t>& ids, const std::string& reason = "r") {
    std::string list;
    for (auto id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return call("DELETE", "/v1/salesorders/reject",
                R"({"salesOrderIds":[)" + list + R"(],"reason":)" + quote(reason) + "}");
  }
  HttpResponse pay(const std::string& no, const std::string& body) {
    return call("PUT", "/v2/salesorder/" + no + "/payment", body);
  }
  HttpResponse track(const std::string& no, const std::string& body) {
    return call("PUT", "/v2/salesorder/" + no + "/tracking", body);
  }
  void expect_error(const HttpResponse& res, int status, const std::string& message,
                    api::Family family = api::Family::kS) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.body, one_problem_body(family, message, status));
  }
  std::int64_t count(const std::string& table) {
    return server_.scalar("SELECT COUNT(*) FROM " + table + " WHERE company_id = ?", {company_.id});
  }
  // What the section writes, so that a refused call can be seen to have written nothing.
  std::string written() {
    std::string out;
    for (const char* t : {"sales_orders", "document_lines", "sales_order_discounts",
                          "sales_order_installments", "attachments", "webhook_messages"}) {
      out += std::string(t) + "=" + std::to_string(count(t)) + " ";
    }
    return out + "updated=" +
           std::to_string(server_.scalar(
               "SELECT COALESCE(SUM(date_updated), 0) FROM sales_orders WHERE company_id = ?",
               {company_.id}));
  }
  std::int64_t order_id(const std::string& no) {
    return server_.scalar(
        "SELECT sales_order_id FROM sales_orders WHERE company_id = ? AND sales_order_no = ?",
        {company_.id, std::string_view(no)});
  }
  std::int64_t address_of(const std::string& customer_code) {
    return server_.scalar(
        "SELECT MIN(address_id) FROM customer_addresses WHERE company_id = ? AND customer_id = ?",
        {company_.id, server_.customer_id(customer_code, company_)});
  }
  // A new order brought into `status` the way a client brings it there: created as a draft or
  // waiting, approved (3), rejected (4) or cancelled by an upsert (5).
  std::string in_status(int status, Body b = order_body()) {
    if (status >= 2 && status <= 4) b.set("salesOrderStatus", "2");
    const auto no = create_no(b);
    if (status == 3) {
      EXPECT_EQ(approve(no).body, kTrue);
    }
    if (status == 4) {
      auto res = reject({order_id(no)}, "Wrong price");
      EXPECT_EQ(res.status, 200) << res.body;
    }
    if (status == 5) {
      EXPECT_EQ(upsert_raw(no, b.set("salesOrderStatus", "5")).status, 200);
    }
    EXPECT_EQ(status_of(no), status);
    return no;
  }
  // Moves the server's clock on, and takes a token valid at the new time.
  void advance(core::UnixSeconds seconds) {
    server_.fixed_clock()->advance(seconds);
    company_.token = server_.fetch_token(company_);
  }
  // Subscribes the company to every event, delivered to the test's receiver.
  void subscribe() {
    server_.db().write_now([&](storage::Session& s) {
      auto created = webhooks::Subscriptions(s, false).create(
          company_.id, {receiver_.url(), {"*"}, true}, webhooks::unix_ms());
      receiver_.set_secrets({created.secret});
    });
  }
  // The company's SaleOrder.* messages in emission order: each one's event and body.
  std::vector<std::pair<std::string, std::string>> outbox() {
    std::vector<std::pair<std::string, std::string>> out;
    server_.db().read_now([&](storage::Session& s) {
      auto rows = s.query(
          "SELECT event, body FROM webhook_messages WHERE company_id = ? AND event LIKE "
          "'SaleOrder.%' ORDER BY message_id",
          {company_.id});
      while (rows.next()) out.emplace_back(rows.str(0), rows.str(1));
    });
    return out;
  }
  // The message §5.3 writes for `event` of order `no`.
  std::pair<std::string, std::string> event(const std::string& name, const std::string& no,
                                            int previous = 0, int status = 0) {
    std::string data =
        R"({"SaleOrderNo":)" + quote(no) + R"(,"SaleOrderId":)" + std::to_string(order_id(no));
    if (name == "StatusChanged") {
      data += R"(,"PreviousStatus":)" + std::to_string(previous) + R"(,"Status":)" +
              std::to_string(status);
    }
    return {"SaleOrder." + name, R"({"Topic":"SaleOrder","Event":")" + name + R"(","Data":)" +
                                     data + R"(},"Timestamp":")" + kNowText + R"(","CompanyId":)" +
                                     std::to_string(company_.id) + "}"};
  }
  // A deal of the demo board, by Create Deal; its dealNo.
  std::string create_deal() {
    auto res = call("POST", "/v1/deals",
                    R"({"customerCodes":["C000154"],"boardId":34628319,"probability":10,)"
                    R"("dealName":"Booking system","dealValue":1000,)"
                    R"("expectedCloseDate":"2025-03-01","assignTo":"staff01"})");
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    if (!doc.IsObject() || !doc.HasMember("data")) return "";
    return doc["data"]["value"]["dealNo"].GetString();
  }
  HttpResponse update_deal(const std::string& deal_no, std::int64_t stage,
                           const std::string& extra) {
    return call("PUT", "/v1/deals/" + deal_no,
                R"({"dealName":"Booking system","dealValue":1000,"expectedCloseDate":"2025-03-01",)"
                R"("assignTo":"staff01","dealStageId":)" +
                    std::to_string(stage) + extra + "}");
  }

  // Declared first: the server (and its delivery worker) stop before the receiver goes.
  WebhookReceiver receiver_;
  TestServer server_{options()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Create Or Update SalesOrder: create

TEST_F(SalesOrderApi, CreateAnswersTheSavedOrderInAnArray) {
  auto res = call("POST", "/v2/salesorder", order_body().json());
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  ASSERT_TRUE(doc["data"].IsArray());
  ASSERT_EQ(doc["data"].Size(), 1u);
  const auto& o = doc["data"][0];
  EXPECT_EQ(keys_of(o), kOrderKeys);
  EXPECT_STREQ(o["salesOrderNo"].GetString(), "SO250200001");
  EXPECT_EQ(o["salesOrderId"].GetInt64(), order_id("SO250200001"));
  EXPECT_STREQ(o["salesOrderSubject"].GetString(), "Booking system for Oasis Spa");
  EXPECT_STREQ(o["customerCode"].GetString(), "C000154");
  EXPECT_EQ(o["customerId"].GetInt64(), server_.customer_id("C000154", company_));
  EXPECT_EQ(o["salesOrderStatus"].GetInt(), 1);
  EXPECT_STREQ(o["salesOrderDate"].GetString(), "2025-02-10T00:00:00+0700");
  EXPECT_STREQ(o["staffCode"].GetString(), "staff01");
  // Defaults: the default sales-order template, the tenant's currency, no schedule.
  EXPECT_EQ(o["headerTemplateId"].GetInt64(), 1);
  EXPECT_STREQ(o["currencyCode"].GetString(), "THB");
  EXPECT_EQ(json_at(o, "payment"), R"({"valueType":null,"schedulePayments":[]})");
  EXPECT_EQ(json_at(o, "invoiceInfo"), "null");
  EXPECT_EQ(json_at(o, "discounts"), "[]");
  EXPECT_EQ(json_at(o, "integrationPlatform"), "0");
  EXPECT_EQ(json_at(o, "isIntegrationOrderPaid"), "false");
  EXPECT_EQ(json_at(o, "recipient"), R"({"name":null,"address":null})");
  EXPECT_EQ(json_at(o, "salesOrderCustomerAddress"), "null");
  EXPECT_EQ(json_at(o, "isIncludeVat"), "false");
  for (const char* k :
       {"recipientName", "recipientAddress", "warehouseCode", "discountName", "discountValue",
        "discountType", "paymentTerm", "remark", "salesOrderNote", "privateNote", "referenceNo",
        "contactId", "customerAddressId", "shippingDocumentUrl", "trackingNo", "dealNo",
        "rejectReason", "approvedByUserId", "dateApproved"}) {
    EXPECT_EQ(json_at(o, k), "null") << k;
  }
  // 1000 + 7 % VAT on top.
  EXPECT_EQ(json_at(o, "subTotal"), "1000");
  EXPECT_EQ(json_at(o, "subTotalWithDiscount"), "1000");
  EXPECT_EQ(json_at(o, "totalVat"), "70");
  EXPECT_EQ(json_at(o, "grandTotal"), "1070");
  EXPECT_EQ(json_at(o, "totalWht"), "0");
  // The line takes what it leaves out from its product.
  ASSERT_EQ(o["salesorderDetails"].Size(), 1u);
  const auto& line = o["salesorderDetails"][0];
  EXPECT_EQ(keys_of(line), kLineKeys);
  EXPECT_EQ(to_json(line),
            R"({"productCode":"PRD-001","productName":"สินค้าตัวอย่าง A","price":1000,"qty":1,)"
            R"("productUnitName":"ชิ้น","productDescription":null,"discountValue":null,)"
            R"("discountType":null,"vatTaxValue":7,"whtTaxValue":null,"totalPrice":1000,)"
            R"("unitId":1,"isShipping":true,"warehouseCode":null})");
  EXPECT_STREQ(o["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(o["updatedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(o["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(o["dateUpdated"].GetString(), kNowText);
  // Get By SalesOrderNo shows the object itself, as the upsert answered it.
  EXPECT_EQ(get_body("SO250200001"), as_get_body(res.body));
  EXPECT_EQ(create_no(order_body()), "SO250200002");
}

TEST_F(SalesOrderApi, CreateKeepsEveryOptionalField) {
  const auto address = address_of("CUST-001");
  ASSERT_GT(address, 0);
  auto o = save(
      order_body("Opening order")
          .str("customerCode", "cust-001")
          .set("salesOrderStatus", "2")
          .set("isIncludeVat", "false")
          .str("discountName", "Opening")
          .set("discountValue", "5")
          .set("discountType", "true")
          .str("recipientName", "คุณสมชาย ใจดี")
          .str("recipientAddress", "99 Silom Road, Bangkok 10500")
          .set("headerTemplateId", "3")
          .str("warehouseCode", "WH-BKK")
          .str("paymentTerm", "Net 30")
          .str("remark", "Deliver before noon")
          .str("salesOrderNote", "VIP customer")
          .str("privateNote", "Margin is thin")
          .str("referenceNo", "PO-7781")
          .set("contactId", "77")
          .set("customerAddressId", std::to_string(address))
          .str("currencyCode", "usd")
          .str("dealNo", "d241200044")
          .set("salesOrderDetails",
               R"([{"productCode":"prd-001","qty":2,"price":"950.50","productName":"Custom name",)"
               R"("productUnitName":"set","productDescription":"Gift wrapped","discountValue":10,)"
               R"("discountType":false,"vatTaxValue":7,"whtTaxValue":3,"unitId":9,)"
               R"("isShipping":false,"warehouseCode":"WH-CNX"},)"
               R"({"productCode":"PRD-002","qty":1}])"));
  ASSERT_TRUE(o.IsObject());
  EXPECT_EQ(o["salesOrderStatus"].GetInt(), 2);
  EXPECT_STREQ(o["customerCode"].GetString(), "CUST-001");
  EXPECT_STREQ(o["recipientName"].GetString(), "คุณสมชาย ใจดี");
  EXPECT_EQ(json_at(o, "recipient"),
            R"({"name":"คุณสมชาย ใจดี","address":"99 Silom Road, Bangkok 10500"})");
  EXPECT_EQ(o["headerTemplateId"].GetInt64(), 3);
  EXPECT_STREQ(o["warehouseCode"].GetString(), "WH-BKK");
  EXPECT_STREQ(o["paymentTerm"].GetString(), "Net 30");
  EXPECT_STREQ(o["remark"].GetString(), "Deliver before noon");
  EXPECT_STREQ(o["salesOrderNote"].GetString(), "VIP customer");
  EXPECT_STREQ(o["privateNote"].GetString(), "Margin is thin");
  EXPECT_STREQ(o["referenceNo"].GetString(), "PO-7781");
  EXPECT_EQ(o["contactId"].GetInt64(), 77);
  EXPECT_EQ(o["customerAddressId"].GetInt64(), address);
  EXPECT_EQ(
      json_at(o, "salesOrderCustomerAddress"),
      R"({"addressId":)" + std::to_string(address) +
          R"(,"locationName":"Head office","location":"123/45 Sukhumvit Road, Khlong Toei, )"
          R"(Bangkok 10110","fullAddress":"123/45 Sukhumvit Road, Khlong Toei, Bangkok 10110"})");
  EXPECT_STREQ(o["currencyCode"].GetString(), "USD");
  EXPECT_STREQ(o["dealNo"].GetString(), "D241200044");
  EXPECT_STREQ(o["discountName"].GetString(), "Opening");
  EXPECT_EQ(json_at(o, "discountValue"), "5");
  EXPECT_EQ(json_at(o, "discountType"), "true");
  ASSERT_EQ(o["salesorderDetails"].Size(), 2u);
  EXPECT_EQ(to_json(o["salesorderDetails"][0]),
            R"({"productCode":"PRD-001","productName":"Custom name","price":950.5,"qty":2,)"
            R"("productUnitName":"set","productDescription":"Gift wrapped","discountValue":10,)"
            R"("discountType":false,"vatTaxValue":7,"whtTaxValue":3,"totalPrice":1891,)"
            R"("unitId":9,"isShipping":false,"warehouseCode":"WH-CNX"})");
  // A line without a warehouse ships from the order's.
  EXPECT_STREQ(o["salesorderDetails"][1]["warehouseCode"].GetString(), "WH-BKK");
  // The rest from the product.
  EXPECT_STREQ(o["salesorderDetails"][1]["productName"].GetString(), "สินค้าตัวอย่าง B");
  EXPECT_STREQ(o["salesorderDetails"][1]["productUnitName"].GetString(), "ชิ้น");
  EXPECT_EQ(json_at(o["salesorderDetails"][1], "price"), "500");
  EXPECT_EQ(json_at(o["salesorderDetails"][1], "isShipping"), "true");
  // 1891 + 500 = 2391; 5 % off = 119.55 → 2271.45; VAT 159.0015 → 159; WHT 3 % of 1891.
  EXPECT_EQ(json_at(o, "subTotal"), "2391");
  EXPECT_EQ(json_at(o, "subTotalWithDiscount"), "2271.45");
  EXPECT_EQ(json_at(o, "totalVat"), "159");
  EXPECT_EQ(json_at(o, "grandTotal"), "2430.45");
  EXPECT_EQ(json_at(o, "totalWht"), "56.73");
}

TEST_F(SalesOrderApi, AliasesAndAnyCaseOfKeysAreAccepted) {
  // The object's casing of the lines, the nested recipient, the quotation's WHT spelling and
  // the misspelt description.
  auto o = save(order_body()
                    .erase("salesOrderDetails")
                    .set("SALESORDERDETAILS", R"([{"productCode":"PRD-001","qty":1,"whTaxValue":5,)"
                                              R"("productDescriptioin":"Spelt as a client does"}])")
                    .set("recipient", R"({"name":"Front desk","address":"1 Spa Road"})"));
  ASSERT_TRUE(o.IsObject());
  EXPECT_STREQ(o["recipientName"].GetString(), "Front desk");
  EXPECT_STREQ(o["recipientAddress"].GetString(), "1 Spa Road");
  const auto& line = o["salesorderDetails"][0];
  EXPECT_EQ(json_at(line, "whtTaxValue"), "5");
  EXPECT_STREQ(line["productDescription"].GetString(), "Spelt as a client does");
  EXPECT_EQ(json_at(o, "totalWht"), "50");
  auto lower = save(order_body()
                        .erase("salesOrderDetails")
                        .set("salesorderDetails", R"([{"productCode":"PRD-002","qty":2}])"));
  ASSERT_TRUE(lower.IsObject());
  EXPECT_EQ(json_at(lower, "subTotal"), "1000");
}

// A flat recipientName wins over recipient.name, and recipient.address still fills the address
// (§1.4 rule 4: per field).
TEST_F(SalesOrderApi, TheNestedRecipientFillsWhatTheFlatFieldsLeaveOut) {
  auto o = save(order_body()
                    .str("recipientName", "Front desk")
                    .set("recipient", R"({"name":"Ignored","address":"1 Spa Road"})"));
  ASSERT_TRUE(o.IsObject());
  EXPECT_STREQ(o["recipientName"].GetString(), "Front desk");
  EXPECT_EQ(json_at(o, "recipientAddress"), quote("1 Spa Road"));
}

// ---------------------------------------------------------------------------------------------
// Totals (§4.9.1)

TEST_F(SalesOrderApi, TheTotalsTestVectorsHoldThroughTheEndpoint) {
  // 1: Venio example A's content, with line 2 as the percent rule makes it.
  auto a = save(example_a_body());
  ASSERT_TRUE(a.IsObject());
  EXPECT_EQ(json_at(a["salesorderDetails"][0], "totalPrice"), "1950");
  EXPECT_EQ(json_at(a["salesorderDetails"][1], "totalPrice"), "2250");
  EXPECT_EQ(json_at(a, "subTotal"), "4200");
  EXPECT_EQ(json_at(a, "subTotalWithDiscount"), "4100");
  EXPECT_EQ(json_at(a, "totalVat"), "287");
  EXPECT_EQ(json_at(a, "grandTotal"), "4387");
  EXPECT_EQ(json_at(a, "totalWht"), "58.5");
  // 2: example B's header figures, prices including VAT.
  auto b = save(order_body()
                    .set("salesOrderDetails", R"([{"productCode":"PD002","qty":3.6}])")
                    .set("discountValue", "20")
                    .set("discountType", "true")
                    .set("isIncludeVat", "true"));
  ASSERT_TRUE(b.IsObject());
  EXPECT_EQ(json_at(b, "subTotal"), "2880");
  EXPECT_EQ(json_at(b, "subTotalWithDiscount"), "2304");
  EXPECT_EQ(json_at(b, "grandTotal"), "2304");
  EXPECT_EQ(json_at(b, "totalVat"), "150.73");
  // 3: each rounding at its own point.
  auto c = save(order_body().set(
      "salesOrderDetails",
      R"([{"productCode":"A003","price":99.99,"qty":3,"discountValue":15,"discountType":true}])"));
  ASSERT_TRUE(c.IsObject());
  EXPECT_EQ(json_at(c["salesorderDetails"][0], "totalPrice"), "254.97");
  EXPECT_EQ(json_at(c, "subTotalWithDiscount"), "254.97");
  EXPECT_EQ(json_at(c, "totalVat"), "17.85");
  EXPECT_EQ(json_at(c, "grandTotal"), "272.82");
  // Without VAT: none, and the lines' rate is 0.
  auto d = save(example_a_body().set("vatCalculation", "false"));
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(json_at(d, "totalVat"), "0");
  EXPECT_EQ(json_at(d, "grandTotal"), "4100");
  EXPECT_EQ(json_at(d["salesorderDetails"][0], "vatTaxValue"), "0");
  // WHT on VAT-included prices is taken from the price net of VAT: 1950 × 100/107 × 3 %.
  auto e = save(example_a_body().set("isIncludeVat", "true"));
  ASSERT_TRUE(e.IsObject());
  EXPECT_EQ(json_at(e, "totalWht"), "54.67");
  EXPECT_EQ(json_at(e, "grandTotal"), "4100");
  EXPECT_EQ(json_at(e, "totalVat"), "268.22");
  // Totals a client sends are ignored.
  auto f = save(order_body().set("grandTotal", "1").set("subTotal", "1"));
  ASSERT_TRUE(f.IsObject());
  EXPECT_EQ(json_at(f, "grandTotal"), "1070");
}

TEST_F(SalesOrderApi, ExtraDiscountsApplyInOrderToTheRunningAmount) {
  const std::string extras =
      R"([{"discountName":"Member","discountType":false,"discountValue":100},)"
      R"({"discountName":"Promo","discountType":true,"discountValue":50}])";
  auto o = save(
      order_body().set("discountValue", "10").set("discountType", "true").set("discounts", extras));
  ASSERT_TRUE(o.IsObject());
  // 1000, 10 % off → 900, 100 off → 800, 50 % off → 400.
  EXPECT_EQ(json_at(o, "discounts"),
            R"([{"discountName":"Member","discountType":false,"discountValue":100,)"
            R"("discountAmount":100},{"discountName":"Promo","discountType":true,)"
            R"("discountValue":50,"discountAmount":400}])");
  EXPECT_EQ(json_at(o, "subTotal"), "1000");
  EXPECT_EQ(json_at(o, "subTotalWithDiscount"), "400");
  EXPECT_EQ(json_at(o, "totalVat"), "28");
  EXPECT_EQ(json_at(o, "grandTotal"), "428");
  const std::string no = o["salesOrderNo"].GetString();
  // Absent keeps them, against the new lines: 2000 → 1800 → 1700 → 850.
  auto kept = update(no, order_body()
                             .set("salesOrderDetails", R"([{"productCode":"PRD-001","qty":2}])")
                             .set("discountValue", "10")
                             .set("discountType", "true"));
  ASSERT_TRUE(kept.IsObject());
  ASSERT_EQ(kept["discounts"].Size(), 2u);
  EXPECT_EQ(json_at(kept["discounts"][1], "discountAmount"), "850");
  EXPECT_EQ(json_at(kept, "subTotalWithDiscount"), "850");
  // Each step rounds: 33.33 % of 999.99 → 333.30, then of 666.69 → 222.21.
  auto rounded = update(
      no, order_body()
              .set("salesOrderDetails", R"([{"productCode":"PRD-001","qty":1,"price":999.99}])")
              .set("discountValue", "null")
              .set("discounts", R"([{"discountType":true,"discountValue":33.33},)"
                                R"({"discountType":true,"discountValue":33.33}])"));
  ASSERT_TRUE(rounded.IsObject());
  ASSERT_EQ(rounded["discounts"].Size(), 2u);
  EXPECT_EQ(json_at(rounded["discounts"][0], "discountAmount"), "333.3");
  EXPECT_EQ(json_at(rounded["discounts"][1], "discountAmount"), "222.21");
  EXPECT_EQ(json_at(rounded, "subTotalWithDiscount"), "444.48");
  // Null or an empty list removes them.
  auto cleared = update(no, order_body().set("discounts", "null"));
  EXPECT_EQ(json_at(cleared, "discounts"), "[]");
  EXPECT_EQ(json_at(cleared, "subTotalWithDiscount"), "1000");
  update(no, order_body().set("discounts", extras));
  EXPECT_EQ(json_at(update(no, order_body().set("discounts", "[]")), "discounts"), "[]");
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM sales_order_discounts WHERE company_id = ? AND "
                           "sales_order_id = ?",
                           {company_.id, order_id(no)}),
            0);
}

// ---------------------------------------------------------------------------------------------
// Payment schedules (§4.11)

TEST_F(SalesOrderApi, APercentScheduleGivesTheRemainderToTheLastInstalment) {
  // 100.01 without VAT; 33.33 % of it rounds to 33.33 twice, the last takes 33.35.
  const std::string schedule =
      R"({"valueType":1,"schedulePayments":[)"
      R"({"installmentNumber":1,"installmentValue":33.33,"installmentDueDate":"2025-03-01"},)"
      R"({"installmentNumber":2,"installmentValue":33.33,"installmentDueDate":"2025-04-01"},)"
      R"({"installmentNumber":3,"installmentValue":33.34}]})";
  auto o =
      save(order_body()
               .set("vatCalculation", "false")
               .set("salesOrderDetails", R"([{"productCode":"PRD-001","qty":1,"price":100.01}])")
               .set("payment", schedule));
  ASSERT_TRUE(o.IsObject());
  EXPECT_EQ(
      json_at(o, "payment"),
      R"({"valueType":1,"schedulePayments":[)"
      R"({"installmentNumber":1,"status":1,"installmentValue":33.33,"installmentAmount":33.33,)"
      R"("installmentDueDate":"2025-03-01T00:00:00+0700","datePaid":null},)"
      R"({"installmentNumber":2,"status":1,"installmentValue":33.33,"installmentAmount":33.33,)"
      R"("installmentDueDate":"2025-04-01T00:00:00+0700","datePaid":null},)"
      R"({"installmentNumber":3,"status":1,"installmentValue":33.34,"installmentAmount":33.35,)"
      R"("installmentDueDate":null,"datePaid":null}]})");
  EXPECT_EQ(json_at(o, "isIntegrationOrderPaid"), "false");
  // A new total without a new payment: the kept percents are taken of it (200.02).
  const std::string no = o["salesOrderNo"].GetString();
  auto u = update(
      no, order_body()
              .set("vatCalculation", "false")
              .set("salesOrderDetails", R"([{"productCode":"PRD-001","qty":2,"price":100.01}])"));
  ASSERT_TRUE(u.IsObject());
  EXPECT_EQ(json_at(u["payment"], "valueType"), "1");
  std::vector<std::string> amounts;
  for (const auto& i : u["payment"]["schedulePayments"].GetArray()) {
    amounts.push_back(to_json(i["installmentAmount"]));
  }
  EXPECT_EQ(amounts, (std::vector<std::string>{"66.67", "66.67", "66.68"}));
  EXPECT_STREQ(u["payment"]["schedulePayments"][0]["installmentDueDate"].GetString(),
               "2025-03-01T00:00:00+0700");
  // Null removes the schedule.
  EXPECT_EQ(json_at(update(no, order_body().set("payment", "null")), "payment"),
            R"({"valueType":null,"schedulePayments":[]})");
}

TEST_F(SalesOrderApi, AnAmountScheduleAddsUpToTheGrandTotal) {
  auto o = save(order_body().set(
      "payment",
      R"({"valueType":2,"schedulePayments":[{"installmentNumber":1,"installmentValue":600},)"
      R"({"installmentNumber":2,"installmentValue":"470.00"}]})"));
  ASSERT_TRUE(o.IsObject());
  EXPECT_EQ(json_at(o["payment"], "valueType"), "2");
  ASSERT_EQ(o["payment"]["schedulePayments"].Size(), 2u);
  EXPECT_EQ(json_at(o["payment"]["schedulePayments"][0], "installmentAmount"), "600");
  EXPECT_EQ(json_at(o["payment"]["schedulePayments"][1], "installmentAmount"), "470");
  // The kept amounts must still add up when the lines change: a new total needs a new schedule.
  const std::string no = o["salesOrderNo"].GetString();
  const auto before = get_body(no);
  expect_error(
      upsert_raw(no,
                 order_body().set("salesOrderDetails", R"([{"productCode":"PRD-001","qty":2}])")),
      400,
      "payment.schedulePayments amounts must add up to grandTotal (2140; they add up to 1070)");
  EXPECT_EQ(get_body(no), before);
  auto resent =
      update(no, order_body()
                     .set("salesOrderDetails", R"([{"productCode":"PRD-001","qty":2}])")
                     .set("payment", R"({"valueType":2,"schedulePayments":[)"
                                     R"({"installmentNumber":1,"installmentValue":2140}]})"));
  EXPECT_EQ(json_at(resent["payment"]["schedulePayments"][0], "installmentAmount"), "2140");
  // valueType with no instalments is no schedule.
  auto empty = save(order_body().set("payment", R"({"valueType":1,"schedulePayments":[]})"));
  EXPECT_EQ(json_at(empty, "payment"), R"({"valueType":null,"schedulePayments":[]})");
}

TEST_F(SalesOrderApi, PaymentSchedulesAreCheckedAndWriteNothing) {
  subscribe();
  const auto before = written();
  auto with_payment = [&](const std::string& payment) {
    return call("POST", "/v2/salesorder", order_body().set("payment", payment).json());
  };
  expect_error(with_payment(R"({"valueType":1,"schedulePayments":[)"
                            R"({"installmentNumber":1,"installmentValue":50},)"
                            R"({"installmentNumber":2,"installmentValue":49}]})"),
               400, "payment.schedulePayments percents must add up to 100 (they add up to 99)");
  expect_error(with_payment(R"({"valueType":2,"schedulePayments":[)"
                            R"({"installmentNumber":1,"installmentValue":1000}]})"),
               400,
               "payment.schedulePayments amounts must add up to grandTotal (1070; they add up "
               "to 1000)");
  expect_error(with_payment(R"({"valueType":1,"schedulePayments":[)"
                            R"({"installmentNumber":1,"installmentValue":50},)"
                            R"({"installmentNumber":3,"installmentValue":50}]})"),
               400,
               "payment.schedulePayments[1].installmentNumber must be 2 (instalments are "
               "numbered 1 to n in order)");
  expect_error(
      with_payment(R"({"schedulePayments":[{"installmentNumber":1,"installmentValue":100}]})"), 400,
      "payment.valueType is required with schedulePayments (1 percents of grandTotal, "
      "2 amounts)");
  // Out of order is wrong at both places; a valueType that is neither kind.
  auto swapped = with_payment(R"({"valueType":1,"schedulePayments":[)"
                              R"({"installmentNumber":2,"installmentValue":50},)"
                              R"({"installmentNumber":1,"installmentValue":50}]})");
  EXPECT_EQ(swapped.status, 400);
  EXPECT_NE(swapped.body.find(R"("code":"4002")"), std::string::npos) << swapped.body;
  for (const char* bad :
       {R"({"valueType":3,"schedulePayments":[{"installmentNumber":1,"installmentValue":100}]})",
        R"({"valueType":1,"schedulePayments":[{"installmentNumber":1}]})",
        R"({"valueType":1,"schedulePayments":[{"installmentValue":100}]})",
        R"({"valueType":1,"schedulePayments":"monthly"})", R"("monthly")"}) {
    SCOPED_TRACE(bad);
    auto res = with_payment(bad);
    EXPECT_EQ(res.status, 400) << res.body;
  }
  EXPECT_EQ(written(), before);
  EXPECT_EQ(create_no(order_body()), "SO250200001");
}

TEST_F(SalesOrderApi, InstalmentsKeepTheirPaidStateAcrossAnUpdate) {
  const std::string halves = R"({"valueType":1,"schedulePayments":[)"
                             R"({"installmentNumber":1,"installmentValue":50},)"
                             R"({"installmentNumber":2,"installmentValue":50}]})";
  const auto no = create_no(order_body().set("payment", halves));
  // Instalments are paid only through Update Payment in status 3, which an upsert cannot
  // follow with content changes: the paid state is set directly.
  server_.exec(
      "UPDATE sales_order_installments SET status = 2, date_paid = ? WHERE company_id = ? AND "
      "sales_order_id = ? AND installment_number = 1",
      {kNow - 86400, company_.id, order_id(no)});
  auto u =
      update(no, order_body().set("payment", R"({"valueType":1,"schedulePayments":[)"
                                             R"({"installmentNumber":1,"installmentValue":40},)"
                                             R"({"installmentNumber":2,"installmentValue":30},)"
                                             R"({"installmentNumber":3,"installmentValue":30}]})"));
  ASSERT_TRUE(u.IsObject());
  const auto& s = u["payment"]["schedulePayments"];
  ASSERT_EQ(s.Size(), 3u);
  EXPECT_EQ(s[0]["status"].GetInt(), 2);
  EXPECT_STREQ(s[0]["datePaid"].GetString(), "2025-02-13T12:00:00+0700");
  EXPECT_EQ(json_at(s[0], "installmentAmount"), "428");
  EXPECT_EQ(s[1]["status"].GetInt(), 1);
  EXPECT_EQ(json_at(s[1], "datePaid"), "null");
  EXPECT_EQ(s[2]["status"].GetInt(), 1);
  EXPECT_EQ(json_at(u, "isIntegrationOrderPaid"), "false");
  // Every instalment paid: the order counts as paid.
  server_.exec(
      "UPDATE sales_order_installments SET status = 2, date_paid = ? WHERE company_id = "
      "? AND sales_order_id = ?",
      {kNow, company_.id, order_id(no)});
  EXPECT_EQ(json_at(get(no), "isIntegrationOrderPaid"), "true");
}

// ---------------------------------------------------------------------------------------------
// Create Or Update SalesOrder: update

TEST_F(SalesOrderApi, UpdateByNumberReplacesContentAndKeepsWhatIsAbsent) {
  const auto created = save(order_body()
                                .str("remark", "Keep me")
                                .str("paymentTerm", "Net 15")
                                .str("recipientName", "Front desk")
                                .str("privateNote", "Private")
                                .str("warehouseCode", "WH-BKK")
                                .str("referenceNo", "PO-1")
                                .set("contactId", "5")
                                .set("headerTemplateId", "3")
                                .str("currencyCode", "EUR")
                                .set("isIncludeVat", "true")
                                .set("salesOrderDetails", R"([{"productCode":"PRD-001","qty":1},)"
                                                          R"({"productCode":"PRD-002","qty":1}])"));
  ASSERT_TRUE(created.IsObject());
  const std::string no = created["salesOrderNo"].GetString();
  const auto id = created["salesOrderId"].GetInt64();
  const auto orders = count("sales_orders");
  advance(600);
  // By its number in any case; required fields again, the optional ones left out.
  auto u = update(
      "so250200001",
      order_body("Renamed").set("salesOrderDetails", R"([{"productCode":"PRD-002","qty":3}])"));
  ASSERT_TRUE(u.IsObject());
  EXPECT_EQ(keys_of(u), kOrderKeys);
  EXPECT_EQ(u["salesOrderNo"].GetString(), no);
  EXPECT_EQ(u["salesOrderId"].GetInt64(), id);
  EXPECT_STREQ(u["salesOrderSubject"].GetString(), "Renamed");
  for (const char* k : {"remark", "paymentTerm", "recipientName", "privateNote", "warehouseCode",
                        "referenceNo", "contactId", "headerTemplateId", "currencyCode",
                        "isIncludeVat", "dateCreated", "createdByUserId"}) {
    EXPECT_EQ(json_at(u, k), json_at(created, k)) << k;
  }
  ASSERT_EQ(u["salesorderDetails"].Size(), 1u);
  EXPECT_STREQ(u["salesorderDetails"][0]["productCode"].GetString(), "PRD-002");
  EXPECT_STREQ(u["salesorderDetails"][0]["warehouseCode"].GetString(), "WH-BKK");
  EXPECT_EQ(json_at(u, "grandTotal"), "1500");
  EXPECT_STREQ(u["dateUpdated"].GetString(), "2025-02-14T12:10:00+0700");
  EXPECT_EQ(count("sales_orders"), orders);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM document_lines WHERE company_id = ? AND "
                           "document_id = ? AND product_code = 'PRD-002'",
                           {company_.id, id}),
            1);
  // Null clears what may be cleared.
  auto cleared = update(no, order_body()
                                .set("remark", "null")
                                .set("privateNote", "null")
                                .set("recipientName", "null")
                                .set("currencyCode", "null")
                                .set("headerTemplateId", "null"));
  EXPECT_EQ(json_at(cleared, "remark"), "null");
  EXPECT_EQ(json_at(cleared, "privateNote"), "null");
  EXPECT_EQ(json_at(cleared, "recipientName"), "null");
  EXPECT_STREQ(cleared["currencyCode"].GetString(), "THB");
  EXPECT_EQ(cleared["headerTemplateId"].GetInt64(), 1);
  // An unknown number is a 404; nothing is created instead.
  const auto state = written();
  expect_error(upsert_raw("SO209912099999"), 404, "salesOrderNo SO209912099999 was not found");
  EXPECT_EQ(written(), state);
}

TEST_F(SalesOrderApi, NewOrdersAreDraftsOrWaitingApproval) {
  EXPECT_EQ(save(order_body())["salesOrderStatus"].GetInt(), 1);
  EXPECT_EQ(save(order_body().set("salesOrderStatus", "1"))["salesOrderStatus"].GetInt(), 1);
  EXPECT_EQ(save(order_body().set("salesOrderStatus", "2"))["salesOrderStatus"].GetInt(), 2);
  EXPECT_EQ(save(order_body().set("salesOrderStatus", "null"))["salesOrderStatus"].GetInt(), 1);
  // A number in a string is the number (§1.4 rule 3).
  EXPECT_EQ(save(order_body().set("salesOrderStatus", "\"2\""))["salesOrderStatus"].GetInt(), 2);
  const auto before = written();
  for (int status : {3, 4, 5}) {
    expect_error(call("POST", "/v2/salesorder",
                      order_body().set("salesOrderStatus", std::to_string(status)).json()),
                 400, "A new sales order must be in status 1 or 2, not " + std::to_string(status));
  }
  for (const char* status : {"0", "6", "-1", "\"six\"", "1.5", "true"}) {
    SCOPED_TRACE(status);
    auto res = call("POST", "/v2/salesorder", order_body().set("salesOrderStatus", status).json());
    EXPECT_EQ(res.status, 400) << res.body;
    EXPECT_NE(res.body.find("salesOrderStatus"), std::string::npos) << res.body;
  }
  EXPECT_EQ(written(), before);
  EXPECT_EQ(create_no(order_body()), "SO250200006");
}

TEST_F(SalesOrderApi, EveryStatusMoveOfTheUpsert) {
  // §4.9.3: from each status, the statuses an upsert may set.
  const std::map<int, std::set<int>> allowed = {
      {1, {1, 2, 5}}, {2, {1, 2, 5}}, {3, {3, 5}}, {4, {1, 2, 4, 5}}, {5, {}}};
  for (int from = 1; from <= 5; ++from) {
    for (int to = 1; to <= 5; ++to) {
      SCOPED_TRACE(std::to_string(from) + " -> " + std::to_string(to));
      const auto no = in_status(from);
      const auto before = get_body(no);
      auto res = upsert_raw(no, order_body().set("salesOrderStatus", std::to_string(to)));
      if (!allowed.at(from).count(to)) {
        expect_error(res, 400,
                     "Sales order cannot change from status " + std::to_string(from) + " to " +
                         std::to_string(to));
        EXPECT_EQ(get_body(no), before);
        continue;
      }
      ASSERT_EQ(res.status, 200) << res.body;
      EXPECT_EQ(res.json()["data"][0]["salesOrderStatus"].GetInt(), to);
      EXPECT_EQ(status_of(no), to);
    }
  }
  // Without salesOrderStatus the status stays; a cancelled order takes no upsert at all.
  const auto waiting = in_status(2);
  EXPECT_EQ(update(waiting)["salesOrderStatus"].GetInt(), 2);
  const auto cancelled = in_status(5);
  expect_error(upsert_raw(cancelled), 400, "Sales order cannot change from status 5 to 5");
}

TEST_F(SalesOrderApi, AnApprovedOrderChangesOnlyItsStatusAndNotes) {
  const auto no = in_status(3, order_body().str("remark", "Old").str("referenceNo", "PO-1"));
  const auto id = order_id(no);
  const auto before = get(no);
  const auto lines = count("document_lines");
  advance(60);
  auto u = update(
      no, order_body("Another subject")
              .str("customerCode", "CUST-001")
              .str("staffCode", "staff02")
              .str("salesOrderDate", "2025-03-01")
              .set("vatCalculation", "false")
              .set("salesOrderDetails", R"([{"productCode":"PRD-002","qty":9}])")
              .set("discountValue", "10")
              .set("discountType", "true")
              .set("discounts", R"([{"discountType":false,"discountValue":1}])")
              .str("currencyCode", "USD")
              .str("paymentTerm", "Net 60")
              .str("recipientName", "Someone else")
              .str("referenceNo", "PO-2")
              .str("warehouseCode", "WH-X")
              .set("headerTemplateId", "3")
              .set("payment", R"({"valueType":1,"schedulePayments":[)"
                              R"({"installmentNumber":1,"installmentValue":100}]})")
              .set("attachments", R"([{"filename":"a.pdf","url":"https://x.example/a.pdf"}])")
              .str("remark", "Delivered")
              .str("salesOrderNote", "Customer informed")
              .str("privateNote", "Paid late"));
  ASSERT_TRUE(u.IsObject());
  EXPECT_STREQ(u["remark"].GetString(), "Delivered");
  EXPECT_STREQ(u["salesOrderNote"].GetString(), "Customer informed");
  EXPECT_STREQ(u["privateNote"].GetString(), "Paid late");
  EXPECT_STREQ(u["dateUpdated"].GetString(), "2025-02-14T12:01:00+0700");
  for (const auto& k : kOrderKeys) {
    if (k == "remark" || k == "salesOrderNote" || k == "privateNote" || k == "dateUpdated") {
      continue;
    }
    EXPECT_EQ(json_at(u, k.c_str()), json_at(before, k.c_str())) << k;
  }
  EXPECT_EQ(count("document_lines"), lines);
  EXPECT_EQ(count("attachments"), 0);
  // Then cancelled: the approval stays on record.
  auto c = update(no, order_body().set("salesOrderStatus", "5"));
  EXPECT_EQ(c["salesOrderStatus"].GetInt(), 5);
  EXPECT_STREQ(c["approvedByUserId"].GetString(), kApiUser);
  EXPECT_EQ(c["salesOrderId"].GetInt64(), id);
}

TEST_F(SalesOrderApi, ARejectedOrderIsCorrectedAndSentAgain) {
  const auto no = in_status(4);
  auto r = get(no);
  EXPECT_STREQ(r["rejectReason"].GetString(), "Wrong price");
  // Corrected while rejected: the content changes, the reason stays.
  auto fixed = update(no, order_body().set("salesOrderDetails",
                                           R"([{"productCode":"PRD-001","qty":1,"price":900}])"));
  EXPECT_EQ(fixed["salesOrderStatus"].GetInt(), 4);
  EXPECT_EQ(json_at(fixed, "grandTotal"), "963");
  EXPECT_STREQ(fixed["rejectReason"].GetString(), "Wrong price");
  // Sent for approval again: the reason is gone.
  auto again = update(no, order_body().set("salesOrderStatus", "2"));
  EXPECT_EQ(again["salesOrderStatus"].GetInt(), 2);
  EXPECT_EQ(json_at(again, "rejectReason"), "null");
  // And back to draft from a second rejection.
  ASSERT_EQ(reject({order_id(no)}, "Still wrong").status, 200);
  auto draft = update(no, order_body().set("salesOrderStatus", "1"));
  EXPECT_EQ(draft["salesOrderStatus"].GetInt(), 1);
  EXPECT_EQ(json_at(draft, "rejectReason"), "null");
}

TEST_F(SalesOrderApi, CustomerAddressMustBeOneOfTheCustomers) {
  const auto cust = address_of("CUST-001");
  const auto other = address_of("C000001");
  ASSERT_GT(cust, 0);
  ASSERT_GT(other, 0);
  const auto before = written();
  expect_error(call("POST", "/v2/salesorder",
                    order_body()
                        .str("customerCode", "CUST-001")
                        .set("customerAddressId", std::to_string(other))
                        .json()),
               404, "customerAddressId " + std::to_string(other) + " was not found");
  expect_error(
      call("POST", "/v2/salesorder", order_body().set("customerAddressId", "999999999").json()),
      404, "customerAddressId 999999999 was not found");
  EXPECT_EQ(written(), before);
  // 0 is none.
  auto none = save(order_body().set("customerAddressId", "0").set("contactId", "0"));
  EXPECT_EQ(json_at(none, "customerAddressId"), "null");
  EXPECT_EQ(json_at(none, "contactId"), "null");
  EXPECT_EQ(json_at(none, "salesOrderCustomerAddress"), "null");
  // Kept while the customer stays, dropped with a new customer.
  const auto no = create_no(
      order_body().str("customerCode", "CUST-001").set("customerAddressId", std::to_string(cust)));
  auto kept = update(no, order_body().str("customerCode", "CUST-001"));
  EXPECT_EQ(kept["customerAddressId"].GetInt64(), cust);
  EXPECT_EQ(kept["salesOrderCustomerAddress"]["addressId"].GetInt64(), cust);
  auto moved = update(no, order_body().str("customerCode", "C000001"));
  EXPECT_EQ(json_at(moved, "customerAddressId"), "null");
  EXPECT_EQ(json_at(moved, "salesOrderCustomerAddress"), "null");
}

TEST_F(SalesOrderApi, HeaderTemplatesAreSalesOrderTemplates) {
  EXPECT_EQ(save(order_body().set("headerTemplateId", "null"))["headerTemplateId"].GetInt64(), 1);
  EXPECT_EQ(save(order_body().set("headerTemplateId", "0"))["headerTemplateId"].GetInt64(), 1);
  const auto no = create_no(order_body().set("headerTemplateId", "3"));
  EXPECT_EQ(get(no)["headerTemplateId"].GetInt64(), 3);
  EXPECT_EQ(update(no)["headerTemplateId"].GetInt64(), 3);
  const auto before = written();
  // 2 is the quotation template.
  expect_error(call("POST", "/v2/salesorder", order_body().set("headerTemplateId", "2").json()),
               404, "headerTemplateId 2 was not found");
  expect_error(upsert_raw(no, order_body().set("headerTemplateId", "99")), 404,
               "headerTemplateId 99 was not found");
  EXPECT_EQ(written(), before);
  EXPECT_EQ(get(no)["headerTemplateId"].GetInt64(), 3);
}

// ---------------------------------------------------------------------------------------------
// Refused input

TEST_F(SalesOrderApi, BadInputIsRefusedAndWritesNothing) {
  subscribe();
  const auto before = written();
  auto post = [&](const std::string& body) { return call("POST", "/v2/salesorder", body); };
  for (const char* body : {"[]", "null", "\"order\"", "42", "not json"}) {
    SCOPED_TRACE(body);
    auto res = post(body);
    EXPECT_EQ(res.status, 400) << res.body;
    EXPECT_NE(res.body.find(R"("code":"4001")"), std::string::npos) << res.body;
  }
  expect_error(post("[]"), 400, "Request body must be a JSON object");
  // Every missing field at once.
  auto empty = post("{}");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.body, problems_body({{"salesOrderSubject", "salesOrderSubject is required"},
                                       {"salesOrderDate", "salesOrderDate is required"},
                                       {"customerCode", "customerCode is required"},
                                       {"staffCode", "staffCode is required"},
                                       {"vatCalculation", "vatCalculation is required"},
                                       {"salesOrderDetails", "salesOrderDetails is required"}}));
  auto some = post(order_body().erase("staffCode").erase("salesOrderSubject").json());
  EXPECT_EQ(some.body, problems_body({{"salesOrderSubject", "salesOrderSubject is required"},
                                      {"staffCode", "staffCode is required"}}));
  struct Case {
    Body body;
    int status;
    std::string message;  // "" for a check of the status and code alone
  };
  auto lines = [](const std::string& list) { return order_body().set("salesOrderDetails", list); };
  std::string many = "[";
  for (int i = 0; i <= 200; ++i)
    many += std::string(i ? "," : "") + R"({"productCode":"PRD-001","qty":1})";
  many += "]";
  std::string discounts = "[";
  for (int i = 0; i <= 20; ++i) discounts += std::string(i ? "," : "") + R"({"discountValue":1})";
  discounts += "]";
  const std::vector<Case> cases = {
      {lines("[]"), 400, "salesOrderDetails must have at least one line"},
      {lines(R"([{"productCode":"PRD-001","qty":0}])"), 400,
       "salesOrderDetails[0].qty must be greater than 0"},
      {lines(R"([{"productCode":"PRD-001","qty":-1}])"), 400, ""},
      {lines(R"([{"productCode":"PRD-001"}])"), 400, "salesOrderDetails[0].qty is required"},
      {lines(R"([{"qty":1}])"), 400, "salesOrderDetails[0].productCode is required"},
      {lines(R"([{"productCode":"PRD-001","qty":1,"price":"10.001"}])"), 400,
       "salesOrderDetails[0].price must have at most 2 decimal places"},
      {lines(R"([{"productCode":"PRD-001","qty":1.00001}])"), 400, ""},
      {lines(R"([{"productCode":"PRD-001","qty":1,"discountValue":1001,"discountType":false}])"),
       400, "salesOrderDetails[0].discountValue must not exceed the amount it applies to (1000)"},
      {lines(R"([{"productCode":"PRD-001","qty":1,"discountValue":101,"discountType":true}])"), 400,
       "salesOrderDetails[0].discountValue must be between 0 and 100 for a percent discount"},
      {lines(R"([{"productCode":"PRD-001","qty":1,"vatTaxValue":10}])"), 400,
       "salesOrderDetails[0].vatTaxValue must be null or 7 (the company's VAT rate) when "
       "vatCalculation is true"},
      {lines(R"([{"productCode":"PRD-001","qty":1,"whtTaxValue":101}])"), 400, ""},
      {lines(R"([{"productCode":"NOPE","qty":1}])"), 404,
       "salesOrderDetails[0].productCode NOPE was not found"},
      {lines(many), 400, ""},
      {order_body().set("discountValue", "1001").set("discountType", "false"), 400,
       "discountValue must not exceed the amount it applies to (1000)"},
      {order_body().set("discountValue", "101").set("discountType", "true"), 400,
       "discountValue must be between 0 and 100 for a percent discount"},
      {order_body()
           .set("discountValue", "10")
           .set("discountType", "true")
           .set("discounts", R"([{"discountType":false,"discountValue":901}])"),
       400, "discounts[0].discountValue must not exceed the amount it applies to (900)"},
      {order_body().set("discounts", R"([{"discountType":true,"discountValue":100.5}])"), 400, ""},
      {order_body().set("discounts", discounts), 400, ""},
      {order_body().str("customerCode", "NOPE"), 404, "customerCode NOPE was not found"},
      {order_body().str("staffCode", "nobody"), 404, "staffCode nobody was not found"},
      {order_body().set("headerTemplateId", "999"), 404, "headerTemplateId 999 was not found"},
      {order_body().str("dealNo", "D209901000001"), 404, "dealNo D209901000001 was not found"},
      {order_body().set("customerAddressId", "999999999"), 404,
       "customerAddressId 999999999 was not found"},
      {order_body().set("salesOrderStatus", "6"), 400, ""},
      {order_body().str("salesOrderDate", "2025-02-30"), 400, ""},
      {order_body().str("currencyCode", "BAHT"), 400, ""},
      {order_body().set("vatCalculation", "\"yes\""), 400, ""},
      {order_body().set("payment", R"({"valueType":1,"schedulePayments":[)"
                                   R"({"installmentNumber":1,"installmentValue":60},)"
                                   R"({"installmentNumber":2,"installmentValue":60}]})"),
       400, "payment.schedulePayments percents must add up to 100 (they add up to 120)"},
      {order_body().set("payment", R"({"valueType":1,"schedulePayments":[)"
                                   R"({"installmentNumber":0,"installmentValue":100}]})"),
       400, ""},
      {order_body().set("attachments", R"([{"filename":"a.pdf","url":"ftp://x.example/a.pdf"}])"),
       400, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body.json().substr(0, 400));
    auto res = post(c.body.json());
    if (c.message.empty()) {
      EXPECT_EQ(res.status, c.status) << res.body;
      EXPECT_EQ(res.body.rfind(R"({"status":{"code":"400)", 0), 0u) << res.body;
    } else {
      expect_error(res, c.status, c.message);
    }
  }
  EXPECT_EQ(written(), before);
  // The numbers refused creates would have taken are given back.
  EXPECT_EQ(create_no(order_body()), "SO250200001");
}

// ---------------------------------------------------------------------------------------------
// Get a SalesOrder By SalesOrderNo, attachments

TEST_F(SalesOrderApi, GetByNumberFindsAnyCaseAndRefusesUnknownNumbers) {
  EXPECT_EQ(get_body("so24090001"), get_body("SO24090001"));
  expect_error(call("GET", "/v2/salesorder/SO209901000001"), 404,
               "salesOrderNo SO209901000001 was not found");
  expect_error(call("GET", "/v2/salesorder/SO209901000001/attachments"), 404,
               "salesOrderNo SO209901000001 was not found");
  const std::string long_no(300, 'S');
  auto res = call("GET", "/v2/salesorder/" + long_no);
  EXPECT_EQ(res.status, 404) << res.body;
  EXPECT_EQ(res.body.rfind(R"({"status":{"code":"4001")", 0), 0u) << res.body;
}

TEST_F(SalesOrderApi, AttachmentsAreKeptAddedAndRemovedAsTheBodySays) {
  auto o = save(order_body().set(
      "attachments", R"([{"filename":"PO.PDF","url":"https://files.example.com/po.pdf"},)"
                     R"({"filename":"map.png","url":"https://files.example.com/map.png"}])"));
  ASSERT_TRUE(o.IsObject());
  const std::string no = o["salesOrderNo"].GetString();
  const auto id = o["salesOrderId"].GetInt64();
  auto list = data_of(call("GET", "/v2/salesorder/" + no + "/attachments"));
  ASSERT_TRUE(list.IsArray());
  ASSERT_EQ(list.Size(), 2u);
  const auto& pdf = list[0];
  EXPECT_EQ(keys_of(pdf), kAttachmentKeys);
  EXPECT_EQ(pdf["refId"].GetInt64(), id);
  EXPECT_EQ(pdf["type"].GetInt(), 4);
  EXPECT_STREQ(pdf["filename"].GetString(), "PO.PDF");
  EXPECT_STREQ(pdf["extension"].GetString(), "pdf");
  EXPECT_STREQ(pdf["url"].GetString(), "https://files.example.com/po.pdf");
  EXPECT_EQ(pdf["companyId"].GetInt64(), company_.id);
  EXPECT_STREQ(pdf["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(pdf["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(list[1]["filename"].GetString(), "map.png");
  // The legacy view lists the same.
  EXPECT_EQ(to_json(legacy(id)["attachments"]), to_json(list));
  const auto keep = list[1]["attachmentId"].GetInt64();
  // Absent keeps the set; an array replaces it.
  update(no);
  EXPECT_EQ(data_of(call("GET", "/v2/salesorder/" + no + "/attachments")).Size(), 2u);
  update(no, order_body().set("attachments",
                              R"([{"attachmentId":)" + std::to_string(keep) +
                                  R"(},{"filename":"sig.jpg","url":"https://x.example/s.jpg"}])"));
  auto changed = data_of(call("GET", "/v2/salesorder/" + no + "/attachments"));
  ASSERT_EQ(changed.Size(), 2u);
  EXPECT_EQ(changed[0]["attachmentId"].GetInt64(), keep);
  EXPECT_STREQ(changed[1]["filename"].GetString(), "sig.jpg");
  // Another order's attachment cannot be kept; nothing changes.
  auto other = save(
      order_body().set("attachments", R"([{"filename":"b.pdf","url":"https://x.example/b.pdf"}])"));
  const auto foreign =
      data_of(call("GET", "/v2/salesorder/" + std::string(other["salesOrderNo"].GetString()) +
                              "/attachments"))[0]["attachmentId"]
          .GetInt64();
  const auto before = written();
  expect_error(upsert_raw(no, order_body().set("attachments", R"([{"attachmentId":)" +
                                                                  std::to_string(foreign) + "}]")),
               400,
               "attachments[0].attachmentId " + std::to_string(foreign) +
                   " is not an attachment of this sales order");
  EXPECT_EQ(written(), before);
  // Null clears the set.
  update(no, order_body().set("attachments", "null"));
  EXPECT_EQ(call("GET", "/v2/salesorder/" + no + "/attachments").body,
            R"({"status":{"code":"1000","description":"Success"},"data":[]})");
}

// ---------------------------------------------------------------------------------------------
// Get a SalesOrders By Id (the legacy view, family V)

TEST_F(SalesOrderApi, TheLegacyViewLeadsWithItsOwnFieldsThenTheObject) {
  const auto id = order_id("SO24090001");
  auto v = legacy(id);
  ASSERT_TRUE(v.IsObject());
  auto o = get("SO24090001");
  std::vector<std::string> expected = kLegacyLead;
  const std::set<std::string> shown = {"subTotal",        "customerId",  "remark",
                                       "createdByUserId", "dateCreated", "approvedByUserId"};
  for (const auto& k : kOrderKeys) {
    if (!shown.count(k)) expected.push_back(k);
  }
  EXPECT_EQ(keys_of(v), expected);
  // The rest is the object's own values.
  for (const auto& k : kOrderKeys) EXPECT_EQ(json_at(v, k.c_str()), json_at(o, k.c_str())) << k;
  EXPECT_STREQ(v["customer"]["customerCode"].GetString(), "C000154");
  EXPECT_EQ(v["customer"]["customerId"].GetInt64(), o["customerId"].GetInt64());
  EXPECT_STREQ(v["userInfo"]["staffCode"].GetString(), "staff01");
  // userInfo is the staff member's employee object, as Get a Employee shows it.
  auto employee = call("GET", "/v1/employees/" + std::string(v["userInfo"]["userId"].GetString()));
  ASSERT_EQ(employee.status, 200) << employee.body;
  EXPECT_EQ(to_json(v["userInfo"]), to_json(employee.json()["data"]["value"]));
  EXPECT_STREQ(v["statusName"].GetString(), "Approved");
  EXPECT_EQ(json_at(v, "isEdit"), "false");
  EXPECT_EQ(json_at(v, "isDelete"), "false");
  EXPECT_EQ(json_at(v, "isApprove"), "false");
  EXPECT_EQ(json_at(v, "total"), "21186");
  EXPECT_EQ(json_at(v, "subTotal"), "19800");
  EXPECT_STREQ(v["buyer"]["name"].GetString(), v["customer"]["customerName"].GetString());
  EXPECT_EQ(keys_of(v["buyer"]),
            (std::vector<std::string>{"name", "taxNo", "branchCode", "address", "phone", "email"}));
  EXPECT_EQ(keys_of(v["seller"]), keys_of(v["buyer"]));
  EXPECT_EQ(json_at(v, "customerIds"), "[" + std::to_string(o["customerId"].GetInt64()) + "]");
  EXPECT_EQ(json_at(v, "currency"),
            R"({"currencyCode":"THB","currencyName":"Thai Baht","symbol":"฿"})");
  EXPECT_EQ(v["saleOrderId"].GetInt64(), id);
  EXPECT_EQ(json_at(v, "orderType"), "1");
  EXPECT_STREQ(v["saleOrderNo"].GetString(), "SO24090001");
  EXPECT_EQ(v["status"].GetInt(), 3);
  EXPECT_STREQ(v["dateOrder"].GetString(), "2024-09-06T00:00:00+0700");
  EXPECT_EQ(json_at(v, "isActive"), "true");
  EXPECT_STREQ(v["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(v["dateCreated"].GetString(), "2024-09-06T10:40:00+0700");
  EXPECT_EQ(json_at(v, "waitingApproveByUserId"), "null");
  EXPECT_STREQ(v["approvedByUserId"].GetString(), kApiUser);
  // The seller is the order's header template; the buyer's address is the order's address.
  const auto address = address_of("CUST-001");
  auto t = save(order_body()
                    .str("customerCode", "CUST-001")
                    .set("headerTemplateId", "3")
                    .str("currencyCode", "JPY")
                    .set("customerAddressId", std::to_string(address)));
  auto tv = legacy(t["salesOrderId"].GetInt64());
  EXPECT_EQ(json_at(tv, "seller"),
            R"({"name":"Demo Trading Co., Ltd.","taxNo":"0105561000001","branchCode":"00000",)"
            R"("address":"99 Rama IV Road, Pathum Wan, Bangkok 10330","phone":"02-000-0000",)"
            R"("email":"sales@demo-trading.example"})");
  EXPECT_EQ(json_at(tv, "buyer"),
            R"({"name":"บริษัท ABC จำกัด","taxNo":"0105556001001","branchCode":"00000",)"
            R"("address":"123/45 Sukhumvit Road, Khlong Toei, Bangkok 10110","phone":null,)"
            R"("email":null})");
  EXPECT_EQ(json_at(tv, "currency"),
            R"({"currencyCode":"JPY","currencyName":"Japanese Yen","symbol":"¥"})");
  // An id that is no number matches no route; an unknown id is a 404 of the family.
  auto word = call("GET", "/v1/salesorders/SO24090001");
  EXPECT_EQ(word.status, 404);
  EXPECT_EQ(word.body, R"({"statusCode":404,"message":"Resource not found"})");
  expect_error(call("GET", "/v1/salesorders/999999999"), 404,
               "salesOrderId 999999999 was not found", api::Family::kV);
}

TEST_F(SalesOrderApi, TheLegacyViewNamesEveryStatus) {
  struct Row {
    int status;
    const char* name;
    bool edit, remove, approvable, active;
  };
  const Row rows[] = {{1, "Draft", true, true, false, true},
                      {2, "Waiting approval", true, false, true, true},
                      {3, "Approved", false, false, false, true},
                      {4, "Rejected", true, false, false, true},
                      {5, "Cancelled", false, false, false, false}};
  for (const auto& r : rows) {
    SCOPED_TRACE(r.status);
    auto v = legacy(order_id(in_status(r.status)));
    ASSERT_TRUE(v.IsObject());
    EXPECT_STREQ(v["statusName"].GetString(), r.name);
    EXPECT_EQ(v["isEdit"].GetBool(), r.edit);
    EXPECT_EQ(v["isDelete"].GetBool(), r.remove);
    EXPECT_EQ(v["isApprove"].GetBool(), r.approvable);
    EXPECT_EQ(v["isActive"].GetBool(), r.active);
    EXPECT_EQ(v["status"].GetInt(), r.status);
    if (r.status == 4) {
      EXPECT_STREQ(v["rejectReason"].GetString(), "Wrong price");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Approve Sale Order

TEST_F(SalesOrderApi, ApproveTakesAnOrderWaitingForApproval) {
  const auto no = in_status(2);
  advance(120);
  auto res = approve(no);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, kTrue);
  auto o = get(no);
  EXPECT_EQ(o["salesOrderStatus"].GetInt(), 3);
  EXPECT_STREQ(o["approvedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(o["dateApproved"].GetString(), "2025-02-14T12:02:00+0700");
  EXPECT_STREQ(o["dateUpdated"].GetString(), "2025-02-14T12:02:00+0700");
  // With the optional comment, in any case of the number.
  const auto commented = in_status(2);
  EXPECT_EQ(approve(commented, R"({"comment":"Checked the prices"})").body, kTrue);
  EXPECT_EQ(status_of(commented), 3);
  const auto lower = in_status(2);
  EXPECT_EQ(approve("so" + lower.substr(2), R"({"comment":null})").body, kTrue);
  EXPECT_EQ(status_of(lower), 3);
  // A comment that is no text is refused and approves nothing.
  const auto waiting = in_status(2);
  EXPECT_EQ(approve(waiting, R"({"comment":5})").status, 400);
  EXPECT_EQ(approve(waiting, "[1]").status, 400);
  EXPECT_EQ(status_of(waiting), 2);
  // From any other status.
  for (int status : {1, 3, 4, 5}) {
    SCOPED_TRACE(status);
    const auto other = in_status(status);
    const auto before = get_body(other);
    expect_error(approve(other), 400,
                 "Sales order cannot change from status " + std::to_string(status) + " to 3");
    EXPECT_EQ(get_body(other), before);
  }
  expect_error(approve("SO209901000001"), 404, "salesOrderNo SO209901000001 was not found");
}

// ---------------------------------------------------------------------------------------------
// Reject SaleOrder (family N)

TEST_F(SalesOrderApi, RejectDecidesEachOrderInRequestOrder) {
  const auto a = in_status(2);
  const auto draft = in_status(1);
  const auto b = in_status(2);
  const auto ia = order_id(a), id = order_id(draft), ib = order_id(b);
  const auto draft_before = get_body(draft);
  advance(60);
  auto res = reject({ia, id, 999999999, ib, ia}, "Prices expired");
  ASSERT_EQ(res.status, 200) << res.body;
  const auto err = [](const std::string& m) {
    return R"({"code":"4001","message":)" + quote(m) + "}";
  };
  const auto item = [](std::int64_t oid, const std::string& no, bool ok, const std::string& e) {
    return R"({"salesOrderId":)" + std::to_string(oid) + R"(,"salesOrderNo":)" +
           (no.empty() ? std::string("null") : quote(no)) + R"(,"isSuccess":)" +
           (ok ? "true" : "false") + R"(,"error":)" + e + "}";
  };
  EXPECT_EQ(res.body,
            "{\"data\":[" + item(ia, a, true, "null") + "," +
                item(id, draft, false, err("Sales order cannot change from status 1 to 4")) + "," +
                item(999999999, "", false, err("salesOrderId 999999999 was not found")) + "," +
                item(ib, b, true, "null") + "," +
                item(ia, a, false, err("Sales order cannot change from status 4 to 4")) +
                R"(],"statusCode":1000,"httpStatusCode":200})");
  for (const auto& no : {a, b}) {
    auto o = get(no);
    EXPECT_EQ(o["salesOrderStatus"].GetInt(), 4);
    EXPECT_STREQ(o["rejectReason"].GetString(), "Prices expired");
    EXPECT_STREQ(o["dateUpdated"].GetString(), "2025-02-14T12:01:00+0700");
  }
  EXPECT_EQ(get_body(draft), draft_before);
  // The one documented id of the demo data, waiting for approval.
  auto demo = reject({281940});
  EXPECT_EQ(demo.body, "{\"data\":[" + item(281940, "SO260600039", true, "null") +
                           R"(],"statusCode":1000,"httpStatusCode":200})");
}

TEST_F(SalesOrderApi, RejectChecksItsBodyAndWritesNothing) {
  subscribe();
  const auto waiting = in_status(2);
  const auto id = order_id(waiting);
  const auto before = written();
  auto del = [&](const std::string& body) {
    return call("DELETE", "/v1/salesorders/reject", body);
  };
  // The docs' example, verbatim.
  expect_error(del(kDocRejectExample), 400, "salesOrderIds must not be empty", api::Family::kN);
  expect_error(del(R"({"reason":"r"})"), 400, "salesOrderIds is required", api::Family::kN);
  expect_error(del(R"({"salesOrderIds":[)" + std::to_string(id) + "]}"), 400, "reason is required",
               api::Family::kN);
  auto both = del("{}");
  EXPECT_EQ(both.body,
            problems_body(api::Family::kN, {{"salesOrderIds", "salesOrderIds is required"},
                                            {"reason", "reason is required"}}));
  std::string ids;
  for (int i = 0; i <= 100; ++i) ids += (i ? "," : "") + std::to_string(id);
  for (const std::string& body :
       {R"({"salesOrderIds":[)" + ids + R"(],"reason":"r"})", std::string("[]"),
        std::string(R"({"salesOrderIds":[0],"reason":"r"})"),
        std::string(R"({"salesOrderIds":["SO250200001"],"reason":"r"})"),
        std::string(R"({"salesOrderIds":)") + std::to_string(id) + R"(,"reason":"r"})"}) {
    SCOPED_TRACE(body.substr(0, 80));
    auto res = del(body);
    EXPECT_EQ(res.status, 400) << res.body;
    EXPECT_NE(res.body.find(R"("httpStatusCode":400)"), std::string::npos) << res.body;
  }
  EXPECT_EQ(written(), before);
  EXPECT_EQ(status_of(waiting), 2);
  // 100 ids are accepted.
  ids = ids.substr(ids.find(',') + 1);
  auto hundred = del(R"({"salesOrderIds":[)" + ids + R"(],"reason":"r"})");
  ASSERT_EQ(hundred.status, 200) << hundred.body;
  EXPECT_EQ(hundred.json()["data"].Size(), 100u);
  EXPECT_EQ(status_of(waiting), 4);
}

// ---------------------------------------------------------------------------------------------
// Update SalesOrder Payment

TEST_F(SalesOrderApi, TheDocsPaymentExampleSucceedsOnTheDemoOrder) {
  auto res = pay("SO24090001", kDocPaymentExample);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, kTrue);
  auto o = get("SO24090001");
  const auto& s = o["payment"]["schedulePayments"];
  ASSERT_EQ(s.Size(), 2u);
  EXPECT_EQ(s[0]["status"].GetInt(), 2);
  EXPECT_STREQ(s[0]["datePaid"].GetString(), kNowText);
  EXPECT_EQ(s[1]["status"].GetInt(), 1);
  EXPECT_EQ(json_at(s[1], "datePaid"), "null");
  EXPECT_EQ(json_at(o, "isIntegrationOrderPaid"), "false");
  EXPECT_EQ(o["salesOrderStatus"].GetInt(), 3);
  EXPECT_STREQ(o["dateUpdated"].GetString(), kNowText);
  // The schema's InstallmentNumber and the object's installmentNumber name the same.
  advance(60);
  EXPECT_EQ(pay("SO24090001", R"({"payments":[{"InstallmentNumber":2,"status":2}]})").body, kTrue);
  o = get("SO24090001");
  EXPECT_STREQ(o["payment"]["schedulePayments"][1]["datePaid"].GetString(),
               "2025-02-14T12:01:00+0700");
  EXPECT_STREQ(o["payment"]["schedulePayments"][0]["datePaid"].GetString(), kNowText);
  EXPECT_EQ(json_at(o, "isIntegrationOrderPaid"), "true");
  EXPECT_EQ(pay("so24090001", R"({"payments":[{"installmentNumber":1,"status":1}]})").body, kTrue);
  o = get("SO24090001");
  EXPECT_EQ(o["payment"]["schedulePayments"][0]["status"].GetInt(), 1);
  EXPECT_EQ(json_at(o["payment"]["schedulePayments"][0], "datePaid"), "null");
  EXPECT_EQ(json_at(o, "isIntegrationOrderPaid"), "false");
}

TEST_F(SalesOrderApi, PaymentUpdatesAreCheckedAndWriteNothing) {
  subscribe();
  ASSERT_EQ(pay("SO24090001", R"({"payments":[{"periodNo":2,"status":2}]})").status, 200);
  const auto before = written();
  const auto order = get_body("SO24090001");
  // One unknown instalment among good ones changes nothing.
  expect_error(pay("SO24090001", R"({"payments":[{"periodNo":1,"status":2},)"
                                 R"({"periodNo":3,"status":2}]})"),
               400,
               "payments[1].installmentNumber 3 is not an instalment of sales order SO24090001");
  expect_error(pay("SO24090001", R"({"payments":[]})"), 400, "payments must not be empty");
  expect_error(pay("SO24090001", "{}"), 400, "payments is required");
  for (const char* body :
       {R"({"payments":[{"periodNo":1,"status":3}]})",
        R"({"payments":[{"periodNo":1,"status":0}]})", R"({"payments":[{"periodNo":1}]})",
        R"({"payments":[{"status":2}]})", R"({"payments":[{"periodNo":0,"status":2}]})",
        R"({"payments":{"periodNo":1,"status":2}})", "[]", ""}) {
    SCOPED_TRACE(body);
    auto res = pay("SO24090001", body);
    EXPECT_EQ(res.status, 400) << res.body;
  }
  EXPECT_EQ(get_body("SO24090001"), order);
  EXPECT_EQ(written(), before);
  expect_error(pay("SO209901000001", kDocPaymentExample), 404,
               "salesOrderNo SO209901000001 was not found");
}

TEST_F(SalesOrderApi, PaymentAndTrackingNeedAnApprovedOrder) {
  const std::string halves = R"({"valueType":1,"schedulePayments":[)"
                             R"({"installmentNumber":1,"installmentValue":50},)"
                             R"({"installmentNumber":2,"installmentValue":50}]})";
  for (int status : {1, 2, 4, 5}) {
    SCOPED_TRACE(status);
    const auto no = in_status(status, order_body().set("payment", halves));
    const auto before = get_body(no);
    expect_error(pay(no, kDocPaymentExample), 400,
                 "Sales order payments can be updated only in status 3 (Approved); it is in "
                 "status " +
                     std::to_string(status));
    expect_error(track(no, R"({"trackingNo":"TH123"})"), 400,
                 "Sales order tracking can be updated only in status 3 (Approved); it is in "
                 "status " +
                     std::to_string(status));
    EXPECT_EQ(get_body(no), before);
  }
  const auto approved = in_status(3, order_body().set("payment", halves));
  EXPECT_EQ(pay(approved, kDocPaymentExample).body, kTrue);
  EXPECT_EQ(track(approved, R"({"trackingNo":"TH123"})").body, kTrue);
}

// ---------------------------------------------------------------------------------------------
// Update SalesOrder Tracking Number

TEST_F(SalesOrderApi, TrackingSetsTheNumberAndTheShippingDocument) {
  const auto no = in_status(3);
  advance(60);
  auto res =
      track(no, R"({"trackingNo":"TH0123456789","shippingDocumentUrl":"https://x.example/d.pdf"})");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.body, kTrue);
  auto o = get(no);
  EXPECT_STREQ(o["trackingNo"].GetString(), "TH0123456789");
  EXPECT_STREQ(o["shippingDocumentUrl"].GetString(), "https://x.example/d.pdf");
  EXPECT_EQ(o["salesOrderStatus"].GetInt(), 3);
  EXPECT_STREQ(o["dateUpdated"].GetString(), "2025-02-14T12:01:00+0700");
  // Absent keeps the document, null clears it.
  EXPECT_EQ(track(no, R"({"trackingNo":"TH2"})").body, kTrue);
  EXPECT_STREQ(get(no)["shippingDocumentUrl"].GetString(), "https://x.example/d.pdf");
  EXPECT_STREQ(get(no)["trackingNo"].GetString(), "TH2");
  EXPECT_EQ(track(no, R"({"trackingNo":"TH3","shippingDocumentUrl":null})").body, kTrue);
  EXPECT_EQ(json_at(get(no), "shippingDocumentUrl"), "null");
  // 100 characters at most.
  EXPECT_EQ(track(no, R"({"trackingNo":")" + std::string(100, '7') + "\"}").body, kTrue);
  const auto before = get_body(no);
  expect_error(track(no, R"({"trackingNo":")" + std::string(101, '7') + "\"}"), 400,
               "trackingNo must be at most 100 characters");
  expect_error(track(no, "{}"), 400, "trackingNo is required");
  expect_error(track(no, R"({"trackingNo":null})"), 400, "trackingNo is required");
  EXPECT_EQ(track(no, R"({"trackingNo":7})").status, 400);
  EXPECT_EQ(track(no, "[]").status, 400);
  EXPECT_EQ(get_body(no), before);
  expect_error(track("SO209901000001", R"({"trackingNo":"TH1"})"), 404,
               "salesOrderNo SO209901000001 was not found");
}

// ---------------------------------------------------------------------------------------------
// Update Deal's cancleAllOrder (§4.5.2)

TEST_F(SalesOrderApi, LosingADealWithCancleAllOrderCancelsItsOpenOrders) {
  subscribe();
  const auto deal = create_deal();
  const auto other_deal = create_deal();
  const auto with_deal = order_body().str("dealNo", deal);
  const auto draft = in_status(1, with_deal);
  const auto waiting = in_status(2, with_deal);
  const auto approved = in_status(3, with_deal);
  const auto rejected = in_status(4, with_deal);
  const auto cancelled = in_status(5, with_deal);
  const auto elsewhere = in_status(1, order_body().str("dealNo", other_deal));
  const auto unlinked = in_status(2);
  EXPECT_STREQ(get(draft)["dealNo"].GetString(), deal.c_str());
  const auto messages = outbox().size();
  auto res = update_deal(
      deal, kLost,
      R"(,"reasonCategoryId":)" + std::to_string(kReason) + R"(,"cancleAllOrder":true)");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(status_of(draft), 5);
  EXPECT_EQ(status_of(waiting), 5);
  EXPECT_EQ(status_of(approved), 3);
  EXPECT_EQ(status_of(rejected), 4);
  EXPECT_EQ(status_of(cancelled), 5);
  EXPECT_EQ(status_of(elsewhere), 1);
  EXPECT_EQ(status_of(unlinked), 2);
  // Only StatusChanged, one per cancelled order, in order.
  auto all = outbox();
  ASSERT_EQ(all.size(), messages + 2);
  EXPECT_EQ(all[messages], event("StatusChanged", draft, 1, 5));
  EXPECT_EQ(all[messages + 1], event("StatusChanged", waiting, 2, 5));
  // The legacy view of a cancelled one.
  EXPECT_EQ(json_at(legacy(order_id(draft)), "isActive"), "false");
}

TEST_F(SalesOrderApi, CancleAllOrderChangesNothingUnlessTheDealIsLost) {
  const auto deal = create_deal();
  const auto with_deal = order_body().str("dealNo", deal);
  const auto draft = in_status(1, with_deal);
  const auto waiting = in_status(2, with_deal);
  const auto reason = R"(,"reasonCategoryId":)" + std::to_string(kReason);
  // A refused update (lost without a reason) cancels nothing.
  EXPECT_EQ(update_deal(deal, kLost, R"(,"cancleAllOrder":true)").status, 400);
  EXPECT_EQ(status_of(draft), 1);
  // Won, or lost with cancleAllOrder false or absent: the orders stay as they are.
  const auto won = create_deal();
  const auto won_order = in_status(1, order_body().str("dealNo", won));
  ASSERT_EQ(update_deal(won, kWon, R"(,"cancleAllOrder":true)").status, 200);
  EXPECT_EQ(status_of(won_order), 1);
  ASSERT_EQ(update_deal(deal, kLost, reason + R"(,"cancleAllOrder":false)").status, 200);
  EXPECT_EQ(status_of(draft), 1);
  EXPECT_EQ(status_of(waiting), 2);
  ASSERT_EQ(update_deal(deal, kLost, reason).status, 200);
  EXPECT_EQ(status_of(draft), 1);
  EXPECT_EQ(status_of(waiting), 2);
}

// ---------------------------------------------------------------------------------------------
// Events (§5.3)

TEST_F(SalesOrderApi, UpsertsEmitCreatedUpdatedAndStatusChanged) {
  subscribe();
  const auto no = create_no(order_body());
  EXPECT_EQ(outbox(), (std::vector<std::pair<std::string, std::string>>{event("Created", no)}));
  // Created alone, whatever the first status.
  const auto waiting = create_no(order_body().set("salesOrderStatus", "2"));
  EXPECT_EQ(outbox().back(), event("Created", waiting));
  update(no, order_body("Renamed"));
  update(no, order_body().set("salesOrderStatus", "2"));
  const std::vector<std::pair<std::string, std::string>> expected = {
      event("Created", no), event("Created", waiting), event("Updated", no), event("Updated", no),
      event("StatusChanged", no, 1, 2)};
  EXPECT_EQ(outbox(), expected);
  // A refused upsert emits nothing.
  EXPECT_EQ(upsert_raw(no, order_body().set("salesOrderStatus", "4")).status, 400);
  EXPECT_EQ(call("POST", "/v2/salesorder", order_body().str("staffCode", "nobody").json()).status,
            404);
  EXPECT_EQ(outbox(), expected);
  // The worker delivers them, signed.
  ASSERT_TRUE(receiver_.wait_for(expected.size(), 15s));
  for (const auto& r : receiver_.received()) EXPECT_TRUE(r.signature_valid) << r.body;
}

TEST_F(SalesOrderApi, DecisionsPaymentAndTrackingEmitTheirEvents) {
  subscribe();
  const auto a = create_no(
      order_body()
          .set("salesOrderStatus", "2")
          .set(
              "payment",
              R"({"valueType":1,"schedulePayments":[{"installmentNumber":1,"installmentValue":100}]})"));
  const auto b = create_no(order_body().set("salesOrderStatus", "2"));
  const auto first = outbox().size();
  ASSERT_EQ(approve(a).body, kTrue);
  ASSERT_EQ(reject({order_id(b), 999999999, order_id(a)}).status, 200);
  ASSERT_EQ(pay(a, R"({"payments":[{"periodNo":1,"status":2}]})").body, kTrue);
  ASSERT_EQ(track(a, R"({"trackingNo":"TH1"})").body, kTrue);
  // Refused ones emit nothing.
  EXPECT_EQ(approve(a).status, 400);
  EXPECT_EQ(pay(b, kDocPaymentExample).status, 400);
  EXPECT_EQ(track(b, R"({"trackingNo":"TH1"})").status, 400);
  auto all = outbox();
  ASSERT_EQ(all.size(), first + 4);
  EXPECT_EQ(all[first], event("StatusChanged", a, 2, 3));
  EXPECT_EQ(all[first + 1], event("StatusChanged", b, 2, 4));
  EXPECT_EQ(all[first + 2], event("Updated", a));
  EXPECT_EQ(all[first + 3], event("Updated", a));
}

// ---------------------------------------------------------------------------------------------
// Numbers

TEST_F(SalesOrderApi, NumbersStayConsecutiveUnderConcurrentCreates) {
  const auto lines = count("document_lines");
  const auto numbers = concurrent_numbers(server_, company_, "/v2/salesorder", order_body().json(),
                                          "/data/0/salesOrderNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  EXPECT_EQ(numbers.front(), "SO250200001");
  EXPECT_EQ(numbers.back(), "SO250200100");
  expect_consecutive(numbers, 6);
  EXPECT_EQ(count("sales_orders"), 3 + 100);
  EXPECT_EQ(count("document_lines"), lines + 100);
}

TEST(SalesOrderNumbers, NumbersFollowTheCompanysMonth) {
  // 2025-02-28T20:00:00Z: March already in Bangkok, still February in UTC.
  TestServer server{fixed_at(1740772800)};
  const auto bangkok = server.add_company();
  const auto utc = server.add_company(true, "UTC");
  auto http = server.client();
  auto number = [&](const TestCompany& c) {
    auto res = http.request("POST", "/v2/salesorder", c.auth_json(), order_body().json());
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    return doc.IsObject() && doc["data"].IsArray()
               ? std::string(doc["data"][0]["salesOrderNo"].GetString())
               : std::string();
  };
  EXPECT_EQ(number(bangkok), "SO250300001");
  EXPECT_EQ(number(bangkok), "SO250300002");
  EXPECT_EQ(number(utc), "SO250200001");
}

TEST(SalesOrderServers, NumbersStayConsecutiveAcrossTwoServers) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  const auto numbers = numbers_from_two_servers("/v2/salesorder", order_body().json(),
                                                "/data/0/salesOrderNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  expect_consecutive(numbers, 6);
}

// ---------------------------------------------------------------------------------------------
// The Venio docs' examples on the demo orders

TEST_F(SalesOrderApi, TheDocsNumberFormFindsTheApprovedDemoOrder) {
  auto o = get("SO24090001");
  ASSERT_TRUE(o.IsObject());
  EXPECT_EQ(keys_of(o), kOrderKeys);
  EXPECT_EQ(o["salesOrderStatus"].GetInt(), 3);
  EXPECT_STREQ(o["customerCode"].GetString(), "C000154");
  EXPECT_EQ(o["salesorderDetails"].Size(), 2u);
  EXPECT_EQ(json_at(o, "grandTotal"), "21186");
  EXPECT_EQ(json_at(o, "payment"),
            R"({"valueType":1,"schedulePayments":[)"
            R"({"installmentNumber":1,"status":1,"installmentValue":50,"installmentAmount":10593,)"
            R"("installmentDueDate":null,"datePaid":null},)"
            R"({"installmentNumber":2,"status":1,"installmentValue":50,"installmentAmount":10593,)"
            R"("installmentDueDate":null,"datePaid":null}]})");
}

TEST_F(SalesOrderApi, TheDemoDraftIsVenioExampleA) {
  rapidjson::Document doc;
  doc.Parse(kDocExampleA);
  ASSERT_FALSE(doc.HasParseError());
  auto o = get("SOZ-260400032");
  ASSERT_TRUE(o.IsObject());
  // The example's keys in their order are ours, in ours.
  const auto ours = keys_of(o);
  std::size_t at = 0;
  for (const auto& k : keys_of(doc)) {
    while (at < ours.size() && ours[at] != k) ++at;
    EXPECT_LT(at, ours.size()) << k;
  }
  EXPECT_EQ(keys_of(o["salesorderDetails"][0]), keys_of(doc["salesorderDetails"][0]));
  // Its values, except the figures §4.9.1 computes otherwise (§6 point 11) and the date, which
  // we write with its offset.
  const std::set<std::string> differ = {"salesOrderDate", "subTotal", "subTotalWithDiscount",
                                        "grandTotal", "salesorderDetails"};
  for (const auto& k : keys_of(doc)) {
    if (differ.count(k)) continue;
    EXPECT_TRUE(same_value(o[k.c_str()], doc[k.c_str()]))
        << k << ": " << json_at(o, k.c_str()) << " vs " << json_at(doc, k.c_str());
  }
  EXPECT_STREQ(o["salesOrderDate"].GetString(), "2026-04-21T00:00:00+0700");
  EXPECT_EQ(json_at(o, "subTotal"), "4200");
  EXPECT_EQ(json_at(o, "subTotalWithDiscount"), "4100");
  EXPECT_EQ(json_at(o, "totalVat"), "287");
  EXPECT_EQ(json_at(o, "grandTotal"), "4387");
  EXPECT_EQ(json_at(o, "totalWht"), "58.5");
  EXPECT_EQ(json_at(o["payment"], "valueType"), "1");
  EXPECT_EQ(o["payment"]["schedulePayments"][0]["installmentNumber"].GetInt(), 1);
  EXPECT_EQ(o["payment"]["schedulePayments"][0]["status"].GetInt(), 1);
  ASSERT_EQ(o["salesorderDetails"].Size(), 2u);
  for (rapidjson::SizeType i = 0; i < 2; ++i) {
    SCOPED_TRACE(i);
    const auto& ours_line = o["salesorderDetails"][i];
    const auto& doc_line = doc["salesorderDetails"][i];
    for (const char* k :
         {"productCode", "productName", "price", "qty", "productUnitName", "discountValue",
          "discountType", "vatTaxValue", "whtTaxValue", "isShipping", "warehouseCode"}) {
      EXPECT_TRUE(same_value(ours_line[k], doc_line[k]))
          << k << ": " << json_at(ours_line, k) << " vs " << json_at(doc_line, k);
    }
  }
  EXPECT_EQ(json_at(o["salesorderDetails"][0], "totalPrice"), "1950");
  EXPECT_EQ(json_at(o["salesorderDetails"][1], "totalPrice"), "2250");
}

// Demo order SOZ-260400032 carries example A's line descriptions.
TEST_F(SalesOrderApi, TheDemoDraftHasExampleAsLineDescriptions) {
  auto o = get("SOZ-260400032");
  ASSERT_TRUE(o.IsObject());
  ASSERT_EQ(o["salesorderDetails"].Size(), 2u);
  EXPECT_EQ(json_at(o["salesorderDetails"][0], "productDescription"),
            quote("รายละเอียดสินค้าตัวอย่าง A"));
  EXPECT_EQ(json_at(o["salesorderDetails"][1], "productDescription"),
            quote("รายละเอียดสินค้าตัวอย่าง B"));
}

TEST_F(SalesOrderApi, TheDemoWaitingOrderHasExampleBsHeaderFigures) {
  rapidjson::Document doc;
  doc.Parse(kDocExampleB);
  ASSERT_FALSE(doc.HasParseError());
  const auto& b = doc["data"][0];
  auto o = get("SO260600039");
  ASSERT_TRUE(o.IsObject());
  // The example's keys lead ours, in its order; its line's keys are ours.
  const auto documented = keys_of(b);
  const auto ours = keys_of(o);
  ASSERT_GE(ours.size(), documented.size());
  EXPECT_EQ(std::vector<std::string>(ours.begin(), ours.begin() + documented.size()), documented);
  EXPECT_EQ(keys_of(o["salesorderDetails"][0]), keys_of(b["salesorderDetails"][0]));
  EXPECT_EQ(keys_of(o["recipient"]), keys_of(b["recipient"]));
  // Its header values (the example's line, placeholders and empty objects aside, §6 point 24).
  for (const char* k :
       {"salesOrderSubject", "customerCode", "customerId", "salesOrderNo", "salesOrderStatus",
        "salesOrderDate", "staffCode", "vatCalculation", "subTotal", "subTotalWithDiscount",
        "grandTotal", "totalVat", "currencyCode", "salesOrderId", "integrationPlatform"}) {
    EXPECT_EQ(json_at(o, k), json_at(b, k)) << k;
  }
  EXPECT_EQ(json_at(o, "isIncludeVat"), "true");
  for (const char* k :
       {"productCode", "productName", "price", "productUnitName", "vatTaxValue", "isShipping"}) {
    EXPECT_EQ(json_at(o["salesorderDetails"][0], k), json_at(b["salesorderDetails"][0], k)) << k;
  }
  // The legacy view of the documented id.
  auto v = legacy(281940);
  EXPECT_STREQ(v["saleOrderNo"].GetString(), "SO260600039");
  EXPECT_EQ(json_at(v, "currency"),
            R"({"currencyCode":"USD","currencyName":"US Dollar","symbol":"$"})");
  EXPECT_EQ(json_at(v, "total"), "2304");
  EXPECT_STREQ(v["statusName"].GetString(), "Waiting approval");
  EXPECT_STREQ(v["userInfo"]["staffCode"].GetString(), "00004");
}

// ---------------------------------------------------------------------------------------------
// Tenancy

TEST_F(SalesOrderApi, AnotherCompanyCannotSeeOrTouchTheOrders) {
  const auto b = server_.add_company();
  const auto no = in_status(
      3, order_body()
             .set("payment", R"({"valueType":1,"schedulePayments":[)"
                             R"({"installmentNumber":1,"installmentValue":100}]})")
             .set("attachments", R"([{"filename":"a.pdf","url":"https://x.example/a.pdf"}])"));
  const auto waiting = in_status(2);
  const auto id = order_id(no);
  const auto wid = order_id(waiting);
  const auto before = get_body(no);
  const auto waiting_before = get_body(waiting);
  const std::string missing = "salesOrderNo " + no + " was not found";
  expect_error(call_as(b, "GET", "/v2/salesorder/" + no), 404, missing);
  expect_error(call_as(b, "GET", "/v2/salesorder/" + no + "/attachments"), 404, missing);
  expect_error(call_as(b, "GET", "/v1/salesorders/" + std::to_string(id)), 404,
               "salesOrderId " + std::to_string(id) + " was not found", api::Family::kV);
  expect_error(call_as(b, "PUT", "/v2/salesorder/" + waiting + "/approve"), 404,
               "salesOrderNo " + waiting + " was not found");
  expect_error(call_as(b, "PUT", "/v2/salesorder/" + no + "/payment", kDocPaymentExample), 404,
               missing);
  expect_error(call_as(b, "PUT", "/v2/salesorder/" + no + "/tracking", R"({"trackingNo":"X"})"),
               404, missing);
  expect_error(
      call_as(b, "POST", "/v2/salesorder",
              order_body().str("salesOrderNo", waiting).set("salesOrderStatus", "5").json()),
      404, "salesOrderNo " + waiting + " was not found");
  auto rejected = call_as(b, "DELETE", "/v1/salesorders/reject",
                          R"({"salesOrderIds":[)" + std::to_string(wid) + R"(],"reason":"r"})");
  EXPECT_EQ(rejected.body, R"({"data":[{"salesOrderId":)" + std::to_string(wid) +
                               R"(,"salesOrderNo":null,"isSuccess":false,"error":{"code":"4001",)"
                               R"("message":"salesOrderId )" +
                               std::to_string(wid) +
                               R"( was not found"}}],"statusCode":1000,"httpStatusCode":200})");
  EXPECT_EQ(get_body(no), before);
  EXPECT_EQ(get_body(waiting), waiting_before);
  // Nor can its orders name the first company's deals, addresses or attachments.
  const auto deal = create_deal();
  expect_error(call_as(b, "POST", "/v2/salesorder", order_body().str("dealNo", deal).json()), 404,
               "dealNo " + deal + " was not found");
  const auto address = address_of("CUST-001");
  expect_error(call_as(b, "POST", "/v2/salesorder",
                       order_body()
                           .str("customerCode", "CUST-001")
                           .set("customerAddressId", std::to_string(address))
                           .json()),
               404, "customerAddressId " + std::to_string(address) + " was not found");
  const auto attachment = server_.scalar(
      "SELECT MIN(attachment_id) FROM attachments WHERE company_id = ?", {company_.id});
  ASSERT_GT(attachment, 0);
  auto foreign =
      call_as(b, "POST", "/v2/salesorder",
              order_body()
                  .set("attachments", R"([{"attachmentId":)" + std::to_string(attachment) + "}]")
                  .json());
  EXPECT_EQ(foreign.status, 400) << foreign.body;
  EXPECT_EQ(count("attachments"), 1);
  // The other company numbers its own orders from the start and sees its own demo orders.
  auto theirs = call_as(b, "POST", "/v2/salesorder", order_body().json());
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_STREQ(theirs.json()["data"][0]["salesOrderNo"].GetString(), "SO250200001");
  EXPECT_EQ(call_as(b, "GET", "/v2/salesorder/SO24090001").status, 200);
  EXPECT_NE(call_as(b, "GET", "/v2/salesorder/SO24090001").body, get_body("SO24090001"));
}

}  // namespace
}  // namespace ov::test
