// The Quotation section over HTTP (ENDPOINTS.md §4.9, §4.10) in envelope family S: Create Update
// Quotation with its upsert keys, its lines and what they take from their products, the totals
// of the §4.9.1 test vectors and every refused input (nothing written); every change of status
// an upsert may or may not make (§4.9.2, all 7 × 7) and what may change in which status; Convert
// to a sales order (one order under concurrent converts), Cancel, Enquiry and Get; the events of
// §5.3; numbering under concurrent creates; tenancy; and the published sample client's calls and
// the Venio docs' examples replayed on the demo company.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
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

// 2025-02-14T12:00:00+0700: new quotations are numbered in February 2025.
constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr const char* kToday = "2025-02-14T00:00:00+0700";
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";
// The demo's header templates (§4.13.1): the quotation default, the sales-order default.
constexpr std::int64_t kQuotationTemplate = 2;
constexpr std::int64_t kSalesOrderTemplate = 1;

const std::vector<std::string> kQuotationKeys = {"quotationSubject",
                                                 "customerCode",
                                                 "customerId",
                                                 "quotationNo",
                                                 "quotationStatus",
                                                 "quotationNote",
                                                 "quotationDate",
                                                 "recipientName",
                                                 "recipientAddress",
                                                 "headerTemplateId",
                                                 "quotationDetails",
                                                 "discountName",
                                                 "discountValue",
                                                 "discountType",
                                                 "remark",
                                                 "staffCode",
                                                 "vatCalculation",
                                                 "subTotal",
                                                 "subTotalWithDiscount",
                                                 "grandTotal",
                                                 "totalVat",
                                                 "totalWht",
                                                 "isIncludeVat",
                                                 "quotationValidUntil",
                                                 "referenceNo",
                                                 "contactName",
                                                 "currencyCode",
                                                 "paymentTerm",
                                                 "dealNo",
                                                 "quotationId",
                                                 "salesOrderNo",
                                                 "cancelReason",
                                                 "createdByUserId",
                                                 "dateCreated",
                                                 "updatedByUserId",
                                                 "dateUpdated"};
const std::vector<std::string> kLineKeys = {"productCode",  "productName",     "price",
                                            "qty",          "productUnitName", "productDescription",
                                            "discountType", "discountValue",   "vatTaxValue",
                                            "whTaxValue",   "totalPrice"};

// The published sample client's request (§4.10.1), verbatim.
constexpr const char* kSampleClientRequest = R"({
  "quotationSubject": "Test open api edit quotation openapi consoleapp",
  "quotationStatus": 1,
  "customerCode": "daisy",
  "staffCode": "Admin01",
  "vatCalculation": true,
  "referenceNo": "DRAFT2301000004",
  "quotationDate": "2023-01-04",
  "quotationValidUntil": "2023-02-04",
  "quotationDetails": [
    { "productCode": "AB00025dddd", "qty": 2, "discountType": false, "discountValue": 10 }
  ]
})";

// The Venio docs' Convert request example (§4.10.2), verbatim with its comment.
constexpr const char* kDocConvertExample = R"({"QuotationNo":"<string>" //รหัสใบเสนอราคา required
})";

// The Venio docs' Quotation Enquiry request example (§4.10.3), verbatim with its comments.
constexpr const char* kDocEnquiryExample = R"({
"quotationDate" : "<datetime>",//วันที่สร้างใบเสนอราคา
"staffCode" : "<string>",//รหัสพนักงานขาย
"quotationNo" : "<string>",//รหัสใบเสนอราคา
"customerCode" : "<string>", ///รหัสลูกค้า
"quotationStatus" :2,//สถานะใบเสนอราคา <integer>
"take" : 5,//จำนวนรายการที่อยากแสดง required **จำเป็นต้องใส่<decimal>
"skip" : 0//จำนวนรายการที่อยากข้าม <decimal>
})";

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The smallest valid quotation of the demo company: a draft with one line of PRD-001 at its
// default price (1000 × 2, VAT on top: 2140).
Body quotation_body(const std::string& subject = "Spa opening package") {
  Body b;
  b.str("quotationSubject", subject)
      .set("quotationStatus", "1")
      .str("customerCode", "C000154")
      .str("staffCode", "staff01")
      .set("vatCalculation", "true")
      .str("quotationDate", "2025-02-14")
      .str("quotationValidUntil", "2025-03-14")
      .set("quotationDetails", R"([{"productCode":"PRD-001","qty":2}])");
  return b;
}

// §4.9.1 test vector 1 (Venio example A) as a quotation.
Body vector1_body() {
  return quotation_body("Venio example A")
      .str("customerCode", "CUST-001")
      .str("staffCode", "STAFF-001")
      .set(
          "quotationDetails",
          R"([{"productCode":"PRD-001","price":1000,"qty":2,"discountType":false,)"
          R"("discountValue":50,"whTaxValue":3},)"
          R"({"productCode":"PRD-002","price":500,"qty":5,"discountType":true,"discountValue":10}])")
      .str("discountName", "ส่วนลดพิเศษ")
      .set("discountType", "false")
      .set("discountValue", "100")
      .set("isIncludeVat", "false");
}

class QuotationApi : public ::testing::Test {
 protected:
  static TestServerOptions options() { return fixed_at_with_quick_retries(kNow); }

  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "") {
    return client_.request(method, path, company_.auth_json(), body);
  }
  // The payload of a family S success; fails the test on anything else.
  rapidjson::Document data_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data")) {
      EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"})) << res.body;
      EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
      out.CopyFrom(doc["data"], out.GetAllocator());
    }
    return out;
  }
  HttpResponse post(const Body& b) { return call("POST", "/v2/quotation", b.json()); }
  rapidjson::Document upsert(const Body& b) { return data_of(post(b)); }
  std::string create_no(const Body& b) {
    auto q = upsert(b);
    return q.IsObject() ? q["quotationNo"].GetString() : "";
  }
  rapidjson::Document get(const std::string& no) {
    return data_of(call("GET", "/v1/quotation/" + no));
  }
  std::string get_body(const std::string& no) { return call("GET", "/v1/quotation/" + no).body; }
  // An upsert of quotation `no` that sets `status` (the rest of `b` as given).
  HttpResponse move(const std::string& no, int status, Body b = quotation_body()) {
    return post(b.str("quotationNo", no).set("quotationStatus", std::to_string(status)));
  }
  HttpResponse convert(const std::string& no) {
    return convert(no, R"({"QuotationNo":)" + quote(no) + "}");
  }
  HttpResponse convert(const std::string& no, const std::string& body) {
    return call("POST", "/v1/quotation/" + no + "/convert-to-salesorder", body);
  }
  HttpResponse cancel(const std::string& no, const std::string& body = "") {
    return call("POST", "/v1/quotation/" + no + "/cancel", body);
  }
  HttpResponse enquiry(const std::string& body) {
    return call("POST", "/v1/quotation/enquiry", body);
  }
  // The quotation numbers an enquiry lists, in reply order.
  std::vector<std::string> listed(const std::string& body) {
    std::vector<std::string> out;
    auto list = data_of(enquiry(body));
    if (!list.IsArray()) return out;
    for (const auto& q : list.GetArray()) out.emplace_back(q["quotationNo"].GetString());
    return out;
  }
  // A new quotation (quotation_body) brought into `status` the ways §4.9.2 allows.
  std::string in_status(int status) {
    const auto no = create_no(quotation_body().set("quotationStatus", status == 1 ? "1" : "2"));
    auto step = [&](int to) { EXPECT_EQ(move(no, to).status, 200) << no << " to " << to; };
    switch (status) {
      case 3:
        step(3);
        break;
      case 4:
        step(3);
        step(4);
        break;
      case 5:
        step(3);
        EXPECT_EQ(convert(no).status, 200);
        break;
      case 6:
        step(6);
        break;
      case 7:
        step(7);
        break;
      default:
        break;
    }
    auto q = get(no);
    EXPECT_TRUE(q.IsObject() && q["quotationStatus"].GetInt() == status) << no;
    return no;
  }
  void expect_error(const HttpResponse& res, int status, const std::string& message) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.body, one_problem_body(api::Family::kS, message, status));
  }
  std::int64_t count(const std::string& table) {
    return server_.scalar("SELECT COUNT(*) FROM " + table + " WHERE company_id = ?", {company_.id});
  }
  // Every row the section writes, so that a refused call can be seen to have written nothing.
  std::int64_t written() {
    std::int64_t n = 0;
    for (const char* t : {"quotations", "document_lines", "sales_orders", "webhook_messages"}) {
      n += count(t);
    }
    return n;
  }
  std::string text(const std::string& sql, std::initializer_list<storage::Value> params) {
    std::string out;
    server_.db().read_now([&](storage::Session& s) {
      auto rows = s.query(sql, params);
      if (rows.next()) out = rows.str(0);
    });
    return out;
  }
  // The demo draft the sample client edits (referenceNo DRAFT2301000004).
  std::string demo_draft_no() {
    return text(
        "SELECT quotation_no FROM quotations WHERE company_id = ? AND reference_no = "
        "'DRAFT2301000004'",
        {company_.id});
  }
  // Subscribes the company to every event, delivered to the test's receiver.
  void subscribe() {
    server_.db().write_now([&](storage::Session& s) {
      auto created = webhooks::Subscriptions(s, false).create(
          company_.id, {receiver_.url(), {"*"}, true}, webhooks::unix_ms());
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
  // One message as §5.2 writes it.
  std::pair<std::string, std::string> event(const std::string& topic, const std::string& name,
                                            const std::string& data) {
    return {topic + "." + name, R"({"Topic":")" + topic + R"(","Event":")" + name + R"(","Data":)" +
                                    data + R"(,"Timestamp":")" + kNowText + R"(","CompanyId":)" +
                                    std::to_string(company_.id) + "}"};
  }
  std::pair<std::string, std::string> quotation_event(const std::string& name,
                                                      const std::string& no, std::int64_t id) {
    return event(
        "Quotation", name,
        R"({"QuotationNo":)" + quote(no) + R"(,"QuotationId":)" + std::to_string(id) + "}");
  }
  std::pair<std::string, std::string> status_event(const std::string& no, std::int64_t id,
                                                   int previous, int status) {
    return event("Quotation", "StatusChanged",
                 R"({"QuotationNo":)" + quote(no) + R"(,"QuotationId":)" + std::to_string(id) +
                     R"(,"PreviousStatus":)" + std::to_string(previous) + R"(,"Status":)" +
                     std::to_string(status) + "}");
  }
  std::int64_t quotation_id(const std::string& no) {
    return server_.scalar(
        "SELECT quotation_id FROM quotations WHERE company_id = ? AND quotation_no = ?",
        {company_.id, std::string_view(no)});
  }

  // Declared first: the server (and its delivery worker) stop before the receiver goes.
  WebhookReceiver receiver_;
  TestServer server_{options()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Create Update Quotation: creating

TEST_F(QuotationApi, CreateReturnsTheFullQuotationObject) {
  auto res = post(quotation_body()
                      .str("quotationNote", "Includes installation")
                      .str("remark", "Visit on Monday")
                      .str("recipientName", "คุณสมชาย ใจดี")
                      .str("recipientAddress", "99 Rama IV Road, Bangkok 10330"));
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  const auto& q = doc["data"];
  EXPECT_EQ(keys_of(q), kQuotationKeys);
  const auto id = quotation_id("Q250200001");
  ASSERT_GT(id, 0);
  EXPECT_STREQ(q["quotationSubject"].GetString(), "Spa opening package");
  EXPECT_STREQ(q["customerCode"].GetString(), "C000154");
  EXPECT_EQ(q["customerId"].GetInt64(), server_.customer_id("C000154", company_));
  EXPECT_STREQ(q["quotationNo"].GetString(), "Q250200001");
  EXPECT_EQ(q["quotationStatus"].GetInt(), 1);
  EXPECT_STREQ(q["quotationNote"].GetString(), "Includes installation");
  EXPECT_STREQ(q["quotationDate"].GetString(), kToday);
  EXPECT_STREQ(q["recipientName"].GetString(), "คุณสมชาย ใจดี");
  EXPECT_STREQ(q["recipientAddress"].GetString(), "99 Rama IV Road, Bangkok 10330");
  // None given: the company's default quotation template.
  EXPECT_EQ(q["headerTemplateId"].GetInt64(), kQuotationTemplate);
  ASSERT_EQ(q["quotationDetails"].Size(), 1u);
  const auto& line = q["quotationDetails"][0];
  EXPECT_EQ(keys_of(line), kLineKeys);
  EXPECT_EQ(to_json(line), R"({"productCode":"PRD-001","productName":"สินค้าตัวอย่าง A",)"
                           R"("price":1000,"qty":2,"productUnitName":"ชิ้น",)"
                           R"("productDescription":null,"discountType":null,)"
                           R"("discountValue":null,"vatTaxValue":7,"whTaxValue":null,)"
                           R"("totalPrice":2000})");
  EXPECT_TRUE(q["discountName"].IsNull());
  EXPECT_TRUE(q["discountValue"].IsNull());
  EXPECT_TRUE(q["discountType"].IsNull());
  EXPECT_STREQ(q["remark"].GetString(), "Visit on Monday");
  EXPECT_STREQ(q["staffCode"].GetString(), "staff01");
  EXPECT_TRUE(q["vatCalculation"].GetBool());
  EXPECT_EQ(to_json(q["subTotal"]), "2000");
  EXPECT_EQ(to_json(q["subTotalWithDiscount"]), "2000");
  EXPECT_EQ(to_json(q["grandTotal"]), "2140");
  EXPECT_EQ(to_json(q["totalVat"]), "140");
  EXPECT_EQ(to_json(q["totalWht"]), "0");
  EXPECT_FALSE(q["isIncludeVat"].GetBool());
  EXPECT_STREQ(q["quotationValidUntil"].GetString(), "2025-03-14T00:00:00+0700");
  // None given: a generated DRAFT+YYMM+6 of the company's month.
  EXPECT_STREQ(q["referenceNo"].GetString(), "DRAFT2502000001");
  EXPECT_TRUE(q["contactName"].IsNull());
  EXPECT_STREQ(q["currencyCode"].GetString(), "THB");
  EXPECT_TRUE(q["paymentTerm"].IsNull());
  EXPECT_TRUE(q["dealNo"].IsNull());
  EXPECT_EQ(q["quotationId"].GetInt64(), id);
  EXPECT_TRUE(q["salesOrderNo"].IsNull());
  EXPECT_TRUE(q["cancelReason"].IsNull());
  EXPECT_STREQ(q["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(q["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(q["updatedByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(q["dateUpdated"].GetString(), kNowText);
  // Money is stored as exact text.
  EXPECT_EQ(text("SELECT grand_total FROM quotations WHERE company_id = ? AND quotation_id = ?",
                 {company_.id, id}),
            "2140.00");
  // Get shows what the upsert answered, by its number in any case.
  EXPECT_EQ(get_body("Q250200001"), res.body);
  EXPECT_EQ(get_body("q250200001"), res.body);
  // The next one takes the next numbers.
  auto next = upsert(quotation_body());
  EXPECT_STREQ(next["quotationNo"].GetString(), "Q250200002");
  EXPECT_STREQ(next["referenceNo"].GetString(), "DRAFT2502000002");
  expect_error(call("GET", "/v1/quotation/Q299901000001"), 404,
               "quotationNo Q299901000001 was not found");
  // A path longer than any number names none.
  auto long_no = call("GET", "/v1/quotation/" + std::string(200, 'Q'));
  EXPECT_EQ(long_no.status, 404) << long_no.body;
  EXPECT_STREQ(long_no.json()["status"]["code"].GetString(), "4001");
}

TEST_F(QuotationApi, LinesTakeWhatTheyLeaveOutFromTheirProduct) {
  auto q = upsert(quotation_body().set(
      "quotationDetails",
      R"([{"productCode":"AB00025dddd","qty":1},)"
      R"({"productCode":"PRD-002","qty":"1.5","price":"480.50","productName":"Boxed set",)"
      R"("productUnitName":"set","productDescription":"Gift wrapped","vatTaxValue":7},)"
      R"({"productCode":"prd-001","qty":0.0001,"productDescriptioin":"Misspelt alias",)"
      R"("whtTaxValue":3,"vatTaxValue":null},)"
      R"({"productCode":"PD002","qty":1,"price":0,"whTaxValue":"1.5"}])"));
  ASSERT_TRUE(q.IsObject());
  const auto& lines = q["quotationDetails"];
  ASSERT_EQ(lines.Size(), 4u);
  // Everything left out: the product's name, unit and default price.
  EXPECT_EQ(to_json(lines[0]), R"({"productCode":"AB00025dddd","productName":"Flower arrangement",)"
                               R"("price":450,"qty":1,"productUnitName":"ชิ้น",)"
                               R"("productDescription":null,"discountType":null,)"
                               R"("discountValue":null,"vatTaxValue":7,"whTaxValue":null,)"
                               R"("totalPrice":450})");
  // Overrides are kept as given.
  EXPECT_EQ(to_json(lines[1]), R"({"productCode":"PRD-002","productName":"Boxed set",)"
                               R"("price":480.5,"qty":1.5,"productUnitName":"set",)"
                               R"("productDescription":"Gift wrapped","discountType":null,)"
                               R"("discountValue":null,"vatTaxValue":7,"whTaxValue":null,)"
                               R"("totalPrice":720.75})");
  // The code as the product stores it; the aliases of §4.10.1.
  EXPECT_STREQ(lines[2]["productCode"].GetString(), "PRD-001");
  EXPECT_STREQ(lines[2]["productDescription"].GetString(), "Misspelt alias");
  EXPECT_EQ(to_json(lines[2]["whTaxValue"]), "3");
  EXPECT_EQ(to_json(lines[2]["qty"]), "0.0001");
  EXPECT_EQ(to_json(lines[2]["totalPrice"]), "0.1");
  EXPECT_EQ(to_json(lines[3]["price"]), "0");
  EXPECT_EQ(to_json(lines[3]["totalPrice"]), "0");
  EXPECT_EQ(to_json(lines[3]["whTaxValue"]), "1.5");
  EXPECT_STREQ(lines[3]["productUnitName"].GetString(), "ชิ้น");
  EXPECT_EQ(to_json(q["subTotal"]), "1170.85");
  // VAT off: every line's rate is 0, and 0 may be given.
  auto off =
      upsert(quotation_body()
                 .set("vatCalculation", "false")
                 .set("quotationDetails", R"([{"productCode":"PRD-001","qty":1,"vatTaxValue":0},)"
                                          R"({"productCode":"PRD-002","qty":1}])"));
  ASSERT_TRUE(off.IsObject());
  EXPECT_EQ(to_json(off["quotationDetails"][0]["vatTaxValue"]), "0");
  EXPECT_EQ(to_json(off["quotationDetails"][1]["vatTaxValue"]), "0");
  EXPECT_EQ(to_json(off["totalVat"]), "0");
  EXPECT_EQ(to_json(off["grandTotal"]), "1500");
  EXPECT_FALSE(off["vatCalculation"].GetBool());
}

// ---------------------------------------------------------------------------------------------
// Totals (§4.9.1 test vectors)

TEST_F(QuotationApi, TotalsOfTestVector1VatOnTop) {
  auto res = post(vector1_body());
  auto q = data_of(res);
  ASSERT_TRUE(q.IsObject());
  EXPECT_EQ(to_json(q["quotationDetails"][0]["totalPrice"]), "1950");
  EXPECT_EQ(to_json(q["quotationDetails"][1]["totalPrice"]), "2250");
  EXPECT_EQ(to_json(q["subTotal"]), "4200");
  EXPECT_EQ(to_json(q["subTotalWithDiscount"]), "4100");
  EXPECT_EQ(to_json(q["totalVat"]), "287");
  EXPECT_EQ(to_json(q["grandTotal"]), "4387");
  EXPECT_EQ(to_json(q["totalWht"]), "58.5");
  // Withholding tax is reported, never subtracted; money in its shortest form.
  EXPECT_NE(res.body.find(R"("grandTotal":4387,"totalVat":287,"totalWht":58.5,)"),
            std::string::npos)
      << res.body;
  EXPECT_STREQ(q["discountName"].GetString(), "ส่วนลดพิเศษ");
  EXPECT_FALSE(q["discountType"].GetBool());
  EXPECT_EQ(to_json(q["discountValue"]), "100");
  // Totals a client sends are ignored.
  auto again = upsert(vector1_body()
                          .str("quotationNo", q["quotationNo"].GetString())
                          .set("subTotal", "1")
                          .set("grandTotal", "1")
                          .set("totalVat", "1"));
  EXPECT_EQ(to_json(again["grandTotal"]), "4387");
  EXPECT_EQ(to_json(again["subTotal"]), "4200");
}

TEST_F(QuotationApi, TotalsOfTestVector2VatIncluded) {
  auto res = post(quotation_body("Venio example B")
                      .str("customerCode", "C000001")
                      .str("staffCode", "00004")
                      .set("quotationDetails", R"([{"productCode":"PD002","qty":3.6}])")
                      .set("discountType", "true")
                      .set("discountValue", "20")
                      .set("isIncludeVat", "true"));
  auto q = data_of(res);
  ASSERT_TRUE(q.IsObject());
  EXPECT_EQ(to_json(q["subTotal"]), "2880");
  EXPECT_EQ(to_json(q["subTotalWithDiscount"]), "2304");
  EXPECT_EQ(to_json(q["grandTotal"]), "2304");
  EXPECT_EQ(to_json(q["totalVat"]), "150.73");
  EXPECT_TRUE(q["isIncludeVat"].GetBool());
  EXPECT_NE(res.body.find(R"("totalVat":150.73,)"), std::string::npos) << res.body;
  // WHT with VAT included is taken from the amount net of VAT: 2880 × 100/107 × 3 % = 80.75.
  auto wht =
      upsert(quotation_body()
                 .set("quotationDetails", R"([{"productCode":"PD002","qty":3.6,"whTaxValue":3}])")
                 .set("isIncludeVat", "true"));
  EXPECT_EQ(to_json(wht["totalWht"]), "80.75");
  EXPECT_EQ(to_json(wht["grandTotal"]), "2880");
  EXPECT_EQ(to_json(wht["totalVat"]), "188.41");
}

TEST_F(QuotationApi, TotalsOfTestVector3RoundHalfUpAndWithoutVat) {
  const std::string lines =
      R"([{"productCode":"PRD-001","price":99.99,"qty":3,"discountType":true,"discountValue":15}])";
  auto q = upsert(quotation_body().set("quotationDetails", lines));
  ASSERT_TRUE(q.IsObject());
  EXPECT_EQ(to_json(q["quotationDetails"][0]["totalPrice"]), "254.97");
  EXPECT_EQ(to_json(q["subTotal"]), "254.97");
  EXPECT_EQ(to_json(q["subTotalWithDiscount"]), "254.97");
  EXPECT_EQ(to_json(q["totalVat"]), "17.85");
  EXPECT_EQ(to_json(q["grandTotal"]), "272.82");
  // Without VAT the grand total is the discounted subtotal.
  auto off = upsert(quotation_body().set("quotationDetails", lines).set("vatCalculation", "false"));
  EXPECT_EQ(to_json(off["totalVat"]), "0");
  EXPECT_EQ(to_json(off["grandTotal"]), "254.97");
  // The edges: a 100 % discount and an amount discount of the whole line are allowed.
  auto free = upsert(quotation_body().set(
      "quotationDetails",
      R"([{"productCode":"PRD-001","qty":1,"discountType":true,"discountValue":100},)"
      R"({"productCode":"PRD-002","qty":2,"discountType":false,"discountValue":1000}])"));
  EXPECT_EQ(to_json(free["quotationDetails"][0]["totalPrice"]), "0");
  EXPECT_EQ(to_json(free["quotationDetails"][1]["totalPrice"]), "0");
  EXPECT_EQ(to_json(free["grandTotal"]), "0");
}

TEST_F(QuotationApi, TotalsBeyondTheRangeOfMoneyAreRefused) {
  subscribe();
  const auto before = written();
  const std::string limit = "add up to more than 999999999999999.99";
  // (Numbers this long are sent as strings, §1.4.) The largest price twice, VAT on top of the
  // largest, the largest price times the largest quantity: none is stored, none overflows.
  for (const auto& [lines, vat] : std::vector<std::pair<std::string, std::string>>{
           {R"([{"productCode":"PRD-001","qty":2,"price":"999999999999999.99"}])", "false"},
           {R"([{"productCode":"PRD-001","qty":1,"price":"999999999999999.99"}])", "true"},
           {R"([{"productCode":"PRD-001","qty":"999999999999999.9999",)"
            R"("price":"999999999999999.99"}])",
            "false"},
           {R"([{"productCode":"PRD-001","qty":1,"price":"999999999999999.99"},)"
            R"({"productCode":"PRD-001","qty":1,"price":0.01}])",
            "false"}}) {
    SCOPED_TRACE(lines);
    expect_error(post(quotation_body().set("quotationDetails", lines).set("vatCalculation", vat)),
                 400, "quotationDetails " + limit);
  }
  EXPECT_EQ(written(), before);
  // The largest total itself is money, every digit of it (in the raw text: a double rounds it).
  auto res = post(quotation_body()
                      .set("vatCalculation", "false")
                      .set("quotationDetails",
                           R"([{"productCode":"PRD-001","qty":1,"price":"999999999999999.99"}])"));
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_NE(res.body.find(R"("grandTotal":999999999999999.99,)"), std::string::npos) << res.body;
}

// ---------------------------------------------------------------------------------------------
// Dates (§1.6)

TEST_F(QuotationApi, DateOnlyFieldsTakeADateAndRefuseWhatIsNoDate) {
  auto q = upsert(
      quotation_body().str("quotationDate", "2025-02-14").str("quotationValidUntil", "2025-02-14"));
  ASSERT_TRUE(q.IsObject());
  EXPECT_STREQ(q["quotationDate"].GetString(), kToday);
  EXPECT_STREQ(q["quotationValidUntil"].GetString(), kToday);
  // The forms of §1.6 are accepted.
  for (const char* date : {"2025-02-13T20:00:00Z", "2025-02-14 10:00:00", "2025-02-14T10:00:00",
                           "2025-02-14T10:00:00.123+07:00", "2025-02-14T10:00:00+0700"}) {
    SCOPED_TRACE(date);
    auto d = post(quotation_body().str("quotationDate", date));
    EXPECT_EQ(d.status, 200) << d.body;
  }
  const auto before = written();
  expect_error(post(quotation_body().str("quotationDate", "14/02/2025")), 400,
               "quotationDate is not a valid date");
  expect_error(post(quotation_body().str("quotationValidUntil", "soon")), 400,
               "quotationValidUntil is not a valid date");
  EXPECT_EQ(written(), before);
}

// A date-time in quotationDate or quotationValidUntil names its local day, kept as its local
// midnight (§1.6).
TEST_F(QuotationApi, DateTimesInDateOnlyFieldsAreKeptAsTheirLocalDay) {
  // A date-time names its local day, emitted at midnight (§1.6); a UTC instant is converted to
  // the tenant's day first.
  for (const char* date : {"2025-02-14T15:30:00+0700", "2025-02-13T20:00:00Z",
                           "2025-02-14 10:00:00", "2025-02-14T10:00:00.123+07:00"}) {
    SCOPED_TRACE(date);
    auto d = upsert(quotation_body().str("quotationDate", date).str("quotationValidUntil", date));
    ASSERT_TRUE(d.IsObject());
    EXPECT_STREQ(d["quotationDate"].GetString(), kToday);
    EXPECT_STREQ(d["quotationValidUntil"].GetString(), kToday);
  }
  // Valid until the same day, whatever the times given.
  auto q = upsert(quotation_body()
                      .str("quotationDate", "2025-02-14T15:30:00+0700")
                      .str("quotationValidUntil", "2025-02-14T09:00:00+0700"));
  ASSERT_TRUE(q.IsObject());
  EXPECT_STREQ(q["quotationValidUntil"].GetString(), kToday);
}

// ---------------------------------------------------------------------------------------------
// Optional fields and updates (§1.5)

TEST_F(QuotationApi, OptionalFieldsAreStoredAndAnUpdateKeepsWhatItLeavesOut) {
  auto full = quotation_body()
                  .str("contactName", "Khun Nid")
                  .str("currencyCode", "usd")
                  .str("paymentTerm", "Net 30")
                  .str("quotationNote", "Valid for stock on hand")
                  .str("recipientName", "Oasis Spa")
                  .str("recipientAddress", "1 Sukhumvit Soi 1")
                  .str("remark", "First offer")
                  .str("dealNo", "D241200044")
                  .str("discountName", "Launch")
                  .set("discountType", "true")
                  .set("discountValue", "10")
                  .set("headerTemplateId", std::to_string(kQuotationTemplate))
                  .set("isIncludeVat", "true")
                  .str("referenceNo", "PO-7781");
  auto q = upsert(full);
  ASSERT_TRUE(q.IsObject());
  const std::string no = q["quotationNo"].GetString();
  const auto id = q["quotationId"].GetInt64();
  EXPECT_STREQ(q["contactName"].GetString(), "Khun Nid");
  EXPECT_STREQ(q["currencyCode"].GetString(), "USD");
  EXPECT_STREQ(q["paymentTerm"].GetString(), "Net 30");
  EXPECT_STREQ(q["quotationNote"].GetString(), "Valid for stock on hand");
  EXPECT_STREQ(q["dealNo"].GetString(), "D241200044");
  EXPECT_STREQ(q["referenceNo"].GetString(), "PO-7781");
  EXPECT_TRUE(q["isIncludeVat"].GetBool());
  EXPECT_EQ(to_json(q["subTotalWithDiscount"]), "1800");
  EXPECT_EQ(to_json(q["grandTotal"]), "1800");

  // Only the required fields, with new lines: the lines are replaced, the rest kept.
  auto kept = upsert(quotation_body("Revised")
                         .str("quotationNo", no)
                         .set("quotationDetails", R"([{"productCode":"PRD-002","qty":1},)"
                                                  R"({"productCode":"PRD-002","qty":3}])"));
  ASSERT_TRUE(kept.IsObject());
  EXPECT_EQ(kept["quotationId"].GetInt64(), id);
  EXPECT_STREQ(kept["quotationSubject"].GetString(), "Revised");
  for (const char* key :
       {"contactName", "currencyCode", "paymentTerm", "quotationNote", "recipientName",
        "recipientAddress", "remark", "dealNo", "discountName", "discountType", "discountValue",
        "headerTemplateId", "isIncludeVat", "referenceNo", "dateCreated", "createdByUserId"}) {
    SCOPED_TRACE(key);
    EXPECT_EQ(to_json(kept[key]), to_json(q[key]));
  }
  ASSERT_EQ(kept["quotationDetails"].Size(), 2u);
  EXPECT_EQ(to_json(kept["subTotal"]), "2000");
  EXPECT_EQ(to_json(kept["grandTotal"]), "1800");
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM document_lines WHERE company_id = ? AND "
                           "document_type = 1 AND document_id = ?",
                           {company_.id, id}),
            2);

  // Null clears each optional field (the template and currency to their defaults).
  auto cleared = upsert(quotation_body()
                            .str("quotationNo", no)
                            .set("contactName", "null")
                            .set("currencyCode", "null")
                            .set("paymentTerm", "null")
                            .set("quotationNote", "null")
                            .set("recipientName", "null")
                            .set("recipientAddress", "null")
                            .set("remark", "null")
                            .set("dealNo", "null")
                            .set("discountName", "null")
                            .set("discountType", "null")
                            .set("discountValue", "null")
                            .set("headerTemplateId", "null")
                            .set("isIncludeVat", "null"));
  ASSERT_TRUE(cleared.IsObject());
  for (const char* key :
       {"contactName", "paymentTerm", "quotationNote", "recipientName", "recipientAddress",
        "remark", "dealNo", "discountName", "discountType", "discountValue"}) {
    SCOPED_TRACE(key);
    EXPECT_TRUE(cleared[key].IsNull());
  }
  EXPECT_STREQ(cleared["currencyCode"].GetString(), "THB");
  EXPECT_EQ(cleared["headerTemplateId"].GetInt64(), kQuotationTemplate);
  EXPECT_FALSE(cleared["isIncludeVat"].GetBool());
  EXPECT_EQ(to_json(cleared["grandTotal"]), "2140");
  EXPECT_EQ(count("quotations"), 3);
  EXPECT_EQ(get_body(no), post(quotation_body().str("quotationNo", no)).body);
}

TEST_F(QuotationApi, TheUpsertKeyIsTheQuotationNoThenTheReferenceNo) {
  auto a = upsert(quotation_body("A").str("referenceNo", "PO-1001"));
  ASSERT_TRUE(a.IsObject());
  EXPECT_STREQ(a["quotationNo"].GetString(), "Q250200001");
  EXPECT_STREQ(a["referenceNo"].GetString(), "PO-1001");
  const auto a_id = a["quotationId"].GetInt64();
  // A referenceNo a quotation carries updates that quotation.
  auto by_ref = upsert(quotation_body("A by its reference").str("referenceNo", "PO-1001"));
  EXPECT_EQ(by_ref["quotationId"].GetInt64(), a_id);
  EXPECT_STREQ(by_ref["quotationNo"].GetString(), "Q250200001");
  EXPECT_STREQ(by_ref["quotationSubject"].GetString(), "A by its reference");
  EXPECT_EQ(count("quotations"), 3);
  // The quotationNo, in any case, names the quotation whatever the referenceNo.
  auto b = upsert(quotation_body("B").str("referenceNo", "PO-2002"));
  EXPECT_STREQ(b["quotationNo"].GetString(), "Q250200002");
  auto by_no = upsert(quotation_body("A by its number")
                          .str("quotationNo", "q250200001")
                          .str("referenceNo", "PO-2002"));
  EXPECT_EQ(by_no["quotationId"].GetInt64(), a_id);
  EXPECT_STREQ(by_no["quotationSubject"].GetString(), "A by its number");
  EXPECT_STREQ(get("Q250200002")["quotationSubject"].GetString(), "B");
  EXPECT_EQ(count("quotations"), 4);
  // An unknown quotationNo is a 404, never a create.
  const auto before = written();
  expect_error(post(quotation_body().str("quotationNo", "Q299901000001")), 404,
               "quotationNo Q299901000001 was not found");
  expect_error(
      post(quotation_body().str("quotationNo", "Q299901000001").str("referenceNo", "PO-1001")), 404,
      "quotationNo Q299901000001 was not found");
  EXPECT_EQ(written(), before);
  // Neither key, or a null one: a new quotation with a generated reference.
  auto c = upsert(quotation_body("C"));
  EXPECT_STREQ(c["quotationNo"].GetString(), "Q250200003");
  EXPECT_STREQ(c["referenceNo"].GetString(), "DRAFT2502000001");
  auto d = upsert(quotation_body("D").set("quotationNo", "null").set("referenceNo", "null"));
  EXPECT_STREQ(d["quotationNo"].GetString(), "Q250200004");
  EXPECT_STREQ(d["referenceNo"].GetString(), "DRAFT2502000002");
  // A generated reference is a key too.
  auto c2 = upsert(quotation_body("C again").str("referenceNo", "DRAFT2502000001"));
  EXPECT_STREQ(c2["quotationNo"].GetString(), "Q250200003");
  EXPECT_EQ(count("quotations"), 6);
}

// Concurrent upserts by one new referenceNo make one quotation and update it (on PostgreSQL the
// creates take turns).
TEST_F(QuotationApi, ConcurrentUpsertsOfOneNewReferenceMakeOneQuotation) {
  // A client retrying its create: every request names the same new referenceNo, so the first
  // creates the quotation and the rest update it (§4.10.1).
  constexpr int kThreads = 20;
  const auto body = quotation_body().str("referenceNo", "PO-RETRY-1").json();
  std::atomic<int> ready{0};
  std::mutex mutex;
  std::vector<HttpResponse> results;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto client = server_.client();
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      auto res = client.request("POST", "/v2/quotation", company_.auth_json(), body);
      std::lock_guard lock(mutex);
      results.push_back(std::move(res));
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::string> numbers;
  for (const auto& res : results) {
    ASSERT_EQ(res.status, 200) << res.body;
    numbers.insert(res.json()["data"]["quotationNo"].GetString());
  }
  EXPECT_EQ(numbers, std::set<std::string>{"Q250200001"});
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM quotations WHERE company_id = ? AND "
                           "reference_no = 'PO-RETRY-1'",
                           {company_.id}),
            1);
}

// ---------------------------------------------------------------------------------------------
// Refused input: the right code, nothing written

TEST_F(QuotationApi, RequiredFieldsAreListedTogether) {
  subscribe();
  const auto before = written();
  auto empty = post(Body());
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.body, problems_body({{"quotationSubject", "quotationSubject is required"},
                                       {"quotationDate", "quotationDate is required"},
                                       {"customerCode", "customerCode is required"},
                                       {"staffCode", "staffCode is required"},
                                       {"vatCalculation", "vatCalculation is required"},
                                       {"quotationDetails", "quotationDetails is required"},
                                       {"quotationValidUntil", "quotationValidUntil is required"},
                                       {"quotationStatus", "quotationStatus is required"}}));
  // Each one alone, absent or null, is a single problem.
  for (const char* key :
       {"quotationSubject", "quotationDate", "quotationValidUntil", "quotationStatus",
        "customerCode", "staffCode", "vatCalculation", "quotationDetails"}) {
    SCOPED_TRACE(key);
    expect_error(post(quotation_body().erase(key)), 400, std::string(key) + " is required");
    expect_error(post(quotation_body().set(key, "null")), 400, std::string(key) + " is required");
  }
  // A line's own required fields.
  auto line = post(quotation_body().set("quotationDetails", R"([{"price":10}])"));
  EXPECT_EQ(line.body,
            problems_body(
                {{"quotationDetails[0].productCode", "quotationDetails[0].productCode is required"},
                 {"quotationDetails[0].qty", "quotationDetails[0].qty is required"}}));
  // Required on update too.
  const auto no = create_no(quotation_body());
  const auto stored = get_body(no);
  const auto after_create = written();
  expect_error(post(quotation_body().str("quotationNo", no).erase("quotationSubject")), 400,
               "quotationSubject is required");
  EXPECT_EQ(get_body(no), stored);
  EXPECT_EQ(written(), after_create);
  EXPECT_EQ(before + 1 + 1 + 1, after_create);  // the quotation, its line, Quotation.Created
}

TEST_F(QuotationApi, LineAndDiscountAmountsAreChecked) {
  subscribe();
  struct Case {
    std::string name;
    Body body;
    std::string message;
  };
  auto lines = [](const std::string& json) {
    return quotation_body().set("quotationDetails", json);
  };
  const std::vector<Case> cases = {
      {"qty 0", lines(R"([{"productCode":"PRD-001","qty":0}])"),
       "quotationDetails[0].qty must be greater than 0"},
      {"qty negative", lines(R"([{"productCode":"PRD-001","qty":-1}])"),
       "quotationDetails[0].qty must be between 0 and 999999999999999.9999"},
      {"qty with 5 decimals", lines(R"([{"productCode":"PRD-001","qty":1.00001}])"),
       "quotationDetails[0].qty must have at most 4 decimal places"},
      {"price with 3 decimals", lines(R"([{"productCode":"PRD-001","qty":1,"price":10.555}])"),
       "quotationDetails[0].price must have at most 2 decimal places"},
      {"price negative", lines(R"([{"productCode":"PRD-001","qty":1,"price":-1}])"),
       "quotationDetails[0].price must be between 0 and 999999999999999.99"},
      {"percent 101",
       lines(R"([{"productCode":"PRD-001","qty":1,"discountType":true,"discountValue":101}])"),
       "quotationDetails[0].discountValue must be between 0 and 100 for a percent discount"},
      {"amount over the line gross",
       lines(R"([{"productCode":"PRD-001","qty":2,"discountType":false,"discountValue":2000.01}])"),
       "quotationDetails[0].discountValue must not exceed the amount it applies to (2000)"},
      {"header amount over the subtotal",
       quotation_body().set("discountType", "false").set("discountValue", "2000.01"),
       "discountValue must not exceed the amount it applies to (2000)"},
      {"header percent 101",
       quotation_body().set("discountType", "true").set("discountValue", "101"),
       "discountValue must be between 0 and 100 for a percent discount"},
      {"vatTaxValue 10 with VAT", lines(R"([{"productCode":"PRD-001","qty":1,"vatTaxValue":10}])"),
       "quotationDetails[0].vatTaxValue must be null or 7 (the company's VAT rate) when "
       "vatCalculation is true"},
      {"vatTaxValue 7 without VAT",
       lines(R"([{"productCode":"PRD-001","qty":1,"vatTaxValue":7}])")
           .set("vatCalculation", "false"),
       "quotationDetails[0].vatTaxValue must be null or 0 when vatCalculation is false"},
      {"whTaxValue 101", lines(R"([{"productCode":"PRD-001","qty":1,"whTaxValue":101}])"),
       "quotationDetails[0].whTaxValue must be between 0 and 100"},
      {"whtTaxValue 101", lines(R"([{"productCode":"PRD-001","qty":1,"whtTaxValue":101}])"),
       "quotationDetails[0].whtTaxValue must be between 0 and 100"},
  };
  const auto before = written();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto res = post(c.body);
    EXPECT_EQ(res.status, 400) << res.body;
    auto doc = res.json();
    ASSERT_TRUE(doc.IsObject());
    EXPECT_EQ(res.body, one_problem_body(c.message));
  }
  // Several at once: every one listed, those of the body as read and those of the amounts.
  auto fields_of = [](const HttpResponse& res) {
    std::vector<std::string> fields;
    auto doc = res.json();
    EXPECT_EQ(res.status, 400);
    EXPECT_STREQ(doc["status"]["code"].GetString(), "4002") << res.body;
    if (doc["data"].IsObject()) {
      for (const auto& e : doc["data"]["errors"].GetArray()) {
        fields.emplace_back(e["field"].GetString());
      }
    }
    return fields;
  };
  EXPECT_EQ(fields_of(post(lines(R"([{"productCode":"PRD-001","qty":0,"price":1.001},)"
                                 R"({"productCode":"PRD-002","qty":1,"discountType":true,)"
                                 R"("discountValue":150}])"))),
            (std::vector<std::string>{"quotationDetails[0].qty", "quotationDetails[0].price",
                                      "quotationDetails[1].discountValue"}));
  EXPECT_EQ(
      fields_of(post(
          lines(R"([{"productCode":"PRD-001","qty":2,"discountType":false,"discountValue":5000},)"
                R"({"productCode":"PRD-002","qty":1,"discountType":false,"discountValue":501}])")
              .set("discountType", "false")
              .set("discountValue", "3000"))),
      (std::vector<std::string>{"quotationDetails[0].discountValue",
                                "quotationDetails[1].discountValue", "discountValue"}));
  EXPECT_EQ(written(), before);
  // A number refused takes no number: the first accepted is the first of the month.
  EXPECT_EQ(create_no(quotation_body()), "Q250200001");
}

TEST_F(QuotationApi, MalformedBodiesAndFieldsAreRefused) {
  subscribe();
  const auto before = written();
  for (const std::string body : {"", "   ", "null", "[]", R"("quotation")", "42", "{",
                                 R"({"quotationSubject":"x",})", "{'a':1}"}) {
    SCOPED_TRACE(body);
    auto res = call("POST", "/v2/quotation", body);
    EXPECT_EQ(res.status, 400) << res.body;
    auto doc = res.json();
    ASSERT_TRUE(doc.IsObject());
    EXPECT_STREQ(doc["status"]["code"].GetString(), "4001") << res.body;
    EXPECT_TRUE(doc["data"].IsNull()) << res.body;
  }
  std::string many = "[";
  for (int i = 0; i <= 200; ++i)
    many += std::string(i ? "," : "") + R"({"productCode":"PRD-001","qty":1})";
  many += "]";
  const std::vector<std::pair<Body, std::string>> cases = {
      {quotation_body().set("quotationDetails", many),
       "quotationDetails must be an array of at most 200 objects"},
      {quotation_body().set("quotationDetails", "[]"),
       "quotationDetails must have at least one line"},
      {quotation_body().set("quotationStatus", "8"), "quotationStatus must be between 1 and 7"},
      {quotation_body().set("quotationStatus", "0"), "quotationStatus must be between 1 and 7"},
      {quotation_body().str("currencyCode", "TH"),
       "currencyCode must be a three-letter ISO 4217 code"},
      {quotation_body().str("currencyCode", "T1B"),
       "currencyCode must be a three-letter ISO 4217 code"},
      {quotation_body().str("quotationValidUntil", "2025-02-13"),
       "quotationValidUntil must not be earlier than quotationDate"},
      {quotation_body().set("vatCalculation", R"("yes")"), "vatCalculation must be a boolean"},
  };
  for (const auto& [body, message] : cases) {
    SCOPED_TRACE(message);
    expect_error(post(body), 400, message);
  }
  for (const auto& body : {quotation_body().str("quotationDate", "2025-02-30"),
                           quotation_body().str("quotationDate", "tomorrow"),
                           quotation_body().set("quotationDetails", R"({"productCode":"PRD-001"})"),
                           quotation_body().set("quotationDetails", R"(["PRD-001"])"),
                           quotation_body().set("headerTemplateId", R"("two")"),
                           quotation_body().set("quotationSubject", "[1]")}) {
    auto res = post(body);
    EXPECT_EQ(res.status, 400) << body.json() << res.body;
  }
  EXPECT_EQ(written(), before);
  // 200 lines are the limit, and the same day is valid until.
  auto edge = quotation_body().str("quotationValidUntil", "2025-02-14");
  many.erase(many.rfind(",{"));
  many += "]";
  auto q = upsert(edge.set("quotationDetails", many));
  ASSERT_TRUE(q.IsObject());
  EXPECT_EQ(q["quotationDetails"].Size(), 200u);
  EXPECT_EQ(to_json(q["subTotal"]), "200000");
}

TEST_F(QuotationApi, UnknownReferencesAreNotFoundAndNothingIsWritten) {
  subscribe();
  const auto before = written();
  const std::vector<std::pair<Body, std::string>> cases = {
      {quotation_body().set(
           "quotationDetails",
           R"([{"productCode":"PRD-001","qty":1},{"productCode":"NOPE","qty":1}])"),
       "quotationDetails[1].productCode NOPE was not found"},
      {quotation_body().str("customerCode", "NOPE"), "customerCode NOPE was not found"},
      {quotation_body().str("staffCode", "NOPE"), "staffCode NOPE was not found"},
      // The sales-order templates are not quotation templates.
      {quotation_body().set("headerTemplateId", std::to_string(kSalesOrderTemplate)),
       "headerTemplateId 1 was not found"},
      {quotation_body().set("headerTemplateId", "3"), "headerTemplateId 3 was not found"},
      {quotation_body().set("headerTemplateId", "999"), "headerTemplateId 999 was not found"},
      {quotation_body().str("dealNo", "D209901000001"), "dealNo D209901000001 was not found"},
  };
  for (const auto& [body, message] : cases) {
    SCOPED_TRACE(message);
    expect_error(post(body), 404, message);
  }
  EXPECT_EQ(written(), before);
  // 0 is the default template, as the docs' examples send it.
  auto q = upsert(quotation_body().set("headerTemplateId", "0"));
  EXPECT_STREQ(q["quotationNo"].GetString(), "Q250200001");
  EXPECT_STREQ(q["referenceNo"].GetString(), "DRAFT2502000001");
  EXPECT_EQ(q["headerTemplateId"].GetInt64(), kQuotationTemplate);
  // On an update too; the quotation is left as it was.
  const auto stored = get_body("Q250200001");
  const auto after = written();
  for (const auto& [body, message] : cases) {
    SCOPED_TRACE(message);
    auto copy = body;
    expect_error(post(copy.str("quotationNo", "Q250200001")), 404, message);
  }
  EXPECT_EQ(get_body("Q250200001"), stored);
  EXPECT_EQ(written(), after);
}

// ---------------------------------------------------------------------------------------------
// Statuses (§4.9.2)

TEST_F(QuotationApi, ANewQuotationIsInDraftOrAwaitingApproval) {
  subscribe();
  const auto before = written();
  for (int status = 3; status <= 7; ++status) {
    SCOPED_TRACE(status);
    expect_error(post(quotation_body().set("quotationStatus", std::to_string(status))), 400,
                 "A new quotation must be in status 1 or 2, not " + std::to_string(status));
  }
  EXPECT_EQ(written(), before);
  EXPECT_EQ(upsert(quotation_body().set("quotationStatus", "1"))["quotationStatus"].GetInt(), 1);
  EXPECT_EQ(upsert(quotation_body().set("quotationStatus", "2"))["quotationStatus"].GetInt(), 2);
}

TEST_F(QuotationApi, EveryStatusChangeAnUpsertMayOrMayNotMake) {
  const std::map<int, std::set<int>> allowed = {
      {1, {1, 2, 7}}, {2, {1, 2, 3, 6, 7}}, {3, {3, 4, 7}}, {4, {4, 5, 7}},
      {5, {}},        {6, {1, 2, 6, 7}},    {7, {}},
  };
  // The attempt changes the content too: it is kept only from 1, 2 and 6.
  const auto attempt = quotation_body("Moved")
                           .set("quotationDetails", R"([{"productCode":"AB00025dddd","qty":3}])")
                           .str("quotationNote", "Moved note");
  for (int from = 1; from <= 7; ++from) {
    for (int to = 1; to <= 7; ++to) {
      SCOPED_TRACE(std::to_string(from) + " to " + std::to_string(to));
      const auto no = in_status(from);
      const auto before = get_body(no);
      auto res = move(no, to, attempt);
      if (!allowed.at(from).contains(to)) {
        expect_error(res, 400,
                     "Quotation cannot change from status " + std::to_string(from) + " to " +
                         std::to_string(to));
        EXPECT_EQ(get_body(no), before);
        continue;
      }
      auto q = data_of(res);
      ASSERT_TRUE(q.IsObject());
      EXPECT_EQ(q["quotationStatus"].GetInt(), to);
      EXPECT_STREQ(q["quotationNote"].GetString(), "Moved note");
      const bool content = from == 1 || from == 2 || from == 6;
      EXPECT_EQ(q["quotationSubject"].GetString(),
                std::string(content ? "Moved" : "Spa opening package"));
      EXPECT_EQ(q["quotationDetails"][0]["productCode"].GetString(),
                std::string(content ? "AB00025dddd" : "PRD-001"));
      EXPECT_EQ(to_json(q["grandTotal"]), content ? "1444.5" : "2140");
      EXPECT_EQ(get_body(no), res.body);
    }
  }
}

TEST_F(QuotationApi, InStatus3And4OnlyTheStatusNoteAndRemarkChange) {
  for (int status : {3, 4}) {
    SCOPED_TRACE(status);
    const auto no = in_status(status);
    auto before = get(no);
    ASSERT_TRUE(before.IsObject());
    const auto lines_before =
        server_.scalar("SELECT COUNT(*) FROM document_lines WHERE company_id = ?", {company_.id});
    // Everything else in the body differs, even references that do not exist: all ignored.
    auto changed = quotation_body("Changed subject")
                       .str("quotationNo", no)
                       .set("quotationStatus", std::to_string(status))
                       .str("customerCode", "daisy")
                       .str("staffCode", "Admin01")
                       .set("vatCalculation", "false")
                       .set("isIncludeVat", "true")
                       .str("quotationDate", "2025-03-01")
                       .str("quotationValidUntil", "2025-04-01")
                       .set("quotationDetails", R"([{"productCode":"NOPE","qty":9}])")
                       .set("discountType", "true")
                       .set("discountValue", "50")
                       .str("discountName", "Big")
                       .set("headerTemplateId", "999")
                       .str("currencyCode", "USD")
                       .str("paymentTerm", "Cash")
                       .str("contactName", "Someone")
                       .str("recipientName", "Someone else")
                       .str("dealNo", "D209901000001")
                       .str("quotationNote", "Sent by courier")
                       .str("remark", "Call before delivery");
    auto q = upsert(changed);
    ASSERT_TRUE(q.IsObject());
    rapidjson::Document expected;
    expected.CopyFrom(before, expected.GetAllocator());
    expected["quotationNote"].SetString("Sent by courier", expected.GetAllocator());
    expected["remark"].SetString("Call before delivery", expected.GetAllocator());
    EXPECT_EQ(to_json(q), to_json(expected));
    EXPECT_EQ(
        server_.scalar("SELECT COUNT(*) FROM document_lines WHERE company_id = ?", {company_.id}),
        lines_before);
    // Absent keeps them, null clears them.
    auto kept = upsert(
        quotation_body().str("quotationNo", no).set("quotationStatus", std::to_string(status)));
    EXPECT_STREQ(kept["remark"].GetString(), "Call before delivery");
    EXPECT_STREQ(kept["quotationNote"].GetString(), "Sent by courier");
    auto nulls = upsert(quotation_body()
                            .str("quotationNo", no)
                            .set("quotationStatus", std::to_string(status))
                            .set("remark", "null")
                            .set("quotationNote", "null"));
    EXPECT_TRUE(nulls["remark"].IsNull());
    EXPECT_TRUE(nulls["quotationNote"].IsNull());
    // The body is still read: a malformed one is refused.
    expect_error(post(changed.set("quotationDetails", R"([{"productCode":"PRD-001","qty":0}])")),
                 400, "quotationDetails[0].qty must be greater than 0");
  }
  // 3 → 4 with other content: only the status moves.
  const auto no = in_status(3);
  auto before = get(no);
  auto q = data_of(
      move(no, 4,
           quotation_body("Other").set("quotationDetails", R"([{"productCode":"A001","qty":1}])")));
  before["quotationStatus"].SetInt(4);
  EXPECT_EQ(to_json(q), to_json(before));
}

TEST_F(QuotationApi, ContentChangesWhileRejected) {
  const auto no = in_status(6);
  auto q = data_of(move(
      no, 6,
      vector1_body().str("quotationDate", "2025-02-20").str("quotationValidUntil", "2025-02-28")));
  ASSERT_TRUE(q.IsObject());
  EXPECT_EQ(q["quotationStatus"].GetInt(), 6);
  EXPECT_STREQ(q["quotationSubject"].GetString(), "Venio example A");
  EXPECT_STREQ(q["customerCode"].GetString(), "CUST-001");
  EXPECT_STREQ(q["staffCode"].GetString(), "STAFF-001");
  EXPECT_STREQ(q["quotationDate"].GetString(), "2025-02-20T00:00:00+0700");
  EXPECT_STREQ(q["quotationValidUntil"].GetString(), "2025-02-28T00:00:00+0700");
  EXPECT_EQ(q["quotationDetails"].Size(), 2u);
  EXPECT_EQ(to_json(q["grandTotal"]), "4387");
  // Back to draft after correction, then for approval again.
  EXPECT_EQ(data_of(move(no, 1, vector1_body()))["quotationStatus"].GetInt(), 1);
  EXPECT_EQ(data_of(move(no, 2, vector1_body()))["quotationStatus"].GetInt(), 2);
}

// ---------------------------------------------------------------------------------------------
// Convert Quotation To SalesOrder

TEST_F(QuotationApi, ConvertMakesASalesOrderOfTheQuotation) {
  const auto no = create_no(vector1_body()
                                .set("quotationStatus", "2")
                                .str("quotationNote", "Deliver before the opening")
                                .str("remark", "Gate B")
                                .str("paymentTerm", "Net 30")
                                .str("recipientName", "คุณสมชาย ใจดี")
                                .str("recipientAddress", "123/45 ถ.สุขุมวิท")
                                .str("currencyCode", "USD")
                                .str("dealNo", "D241200047"));
  ASSERT_EQ(move(no, 3, vector1_body()).status, 200);
  auto q = get(no);
  const auto orders = count("sales_orders");
  auto res = convert(no);
  auto c = data_of(res);
  ASSERT_TRUE(c.IsObject());
  const auto order_id = server_.scalar(
      "SELECT sales_order_id FROM sales_orders WHERE company_id = ? AND sales_order_no = "
      "'SO250200001'",
      {company_.id});
  EXPECT_EQ(to_json(c), R"({"quotationNo":)" + quote(no) +
                            R"(,"quotationStatus":5,"salesOrderNo":"SO250200001","salesOrderId":)" +
                            std::to_string(order_id) + "}");
  EXPECT_EQ(count("sales_orders"), orders + 1);
  // The quotation is completed and names its order; nothing else of it changed.
  auto after = get(no);
  q["quotationStatus"].SetInt(5);
  q["salesOrderNo"].SetString("SO250200001", q.GetAllocator());
  EXPECT_EQ(to_json(after), to_json(q));
  // The order copies the quotation.
  auto o = data_of(call("GET", "/v2/salesorder/SO250200001"));
  ASSERT_TRUE(o.IsObject());
  EXPECT_EQ(o["salesOrderStatus"].GetInt(), 1);
  EXPECT_EQ(o["salesOrderId"].GetInt64(), order_id);
  EXPECT_STREQ(o["referenceNo"].GetString(), no.c_str());
  EXPECT_STREQ(o["salesOrderSubject"].GetString(), "Venio example A");
  EXPECT_STREQ(o["salesOrderNote"].GetString(), "Deliver before the opening");
  EXPECT_STREQ(o["salesOrderDate"].GetString(), kToday);
  EXPECT_EQ(o["headerTemplateId"].GetInt64(), kSalesOrderTemplate);
  for (const char* key :
       {"customerCode", "customerId", "recipientName", "recipientAddress", "discountName",
        "discountValue", "discountType", "paymentTerm", "remark", "staffCode", "vatCalculation",
        "subTotal", "subTotalWithDiscount", "grandTotal", "totalVat", "totalWht", "isIncludeVat",
        "currencyCode", "dealNo"}) {
    SCOPED_TRACE(key);
    EXPECT_EQ(to_json(o[key]), to_json(q[key]));
  }
  EXPECT_EQ(to_json(o["grandTotal"]), "4387");
  const auto& lines = o["salesorderDetails"];
  ASSERT_EQ(lines.Size(), 2u);
  for (rapidjson::SizeType i = 0; i < 2; ++i) {
    SCOPED_TRACE(i);
    const auto& from = q["quotationDetails"][i];
    for (const char* key :
         {"productCode", "productName", "price", "qty", "productUnitName", "productDescription",
          "discountValue", "discountType", "vatTaxValue", "totalPrice"}) {
      EXPECT_EQ(to_json(lines[i][key]), to_json(from[key])) << key;
    }
    EXPECT_EQ(to_json(lines[i]["whtTaxValue"]), to_json(from["whTaxValue"]));
  }
  // Once converted, never again.
  const auto converted = get_body(no);
  expect_error(convert(no), 400, "Quotation cannot change from status 5 to 5");
  EXPECT_EQ(count("sales_orders"), orders + 1);
  EXPECT_EQ(get_body(no), converted);
}

TEST_F(QuotationApi, ConvertTakesOnlyAnApprovedOrSentQuotation) {
  for (int status = 1; status <= 7; ++status) {
    SCOPED_TRACE(status);
    const auto no = in_status(status);
    const auto before = get_body(no);
    const auto orders = count("sales_orders");
    auto res = convert(no);
    if (status == 3 || status == 4) {
      auto c = data_of(res);
      ASSERT_TRUE(c.IsObject());
      EXPECT_EQ(c["quotationStatus"].GetInt(), 5);
      EXPECT_EQ(count("sales_orders"), orders + 1);
      EXPECT_EQ(get(no)["quotationStatus"].GetInt(), 5);
      continue;
    }
    expect_error(res, 400,
                 "Quotation cannot change from status " + std::to_string(status) + " to 5");
    EXPECT_EQ(get_body(no), before);
    EXPECT_EQ(count("sales_orders"), orders);
  }
}

TEST_F(QuotationApi, ConvertChecksItsBodyAgainstThePath) {
  const auto no = in_status(3);  // Q250200001
  const auto before = get_body(no);
  const auto orders = count("sales_orders");
  expect_error(convert(no, R"({"QuotationNo":"Q250200002"})"), 400,
               "QuotationNo must be the quotation number of the path (Q250200001)");
  expect_error(convert(no, "{}"), 400, "QuotationNo is required");
  expect_error(convert(no, R"({"QuotationNo":null})"), 400, "QuotationNo is required");
  for (const std::string body : {"", "[]", "null", R"("Q250200001")", "{"}) {
    SCOPED_TRACE(body);
    auto res = convert(no, body);
    EXPECT_EQ(res.status, 400) << res.body;
    EXPECT_STREQ(res.json()["status"]["code"].GetString(), "4001");
  }
  expect_error(convert("Q299901000001", R"({"QuotationNo":"Q299901000001"})"), 404,
               "quotationNo Q299901000001 was not found");
  EXPECT_EQ(get_body(no), before);
  EXPECT_EQ(count("sales_orders"), orders);
  // The key in any case, the number in any case, the path in any case.
  EXPECT_EQ(data_of(convert(no, R"({"quotationno":"q250200001"})"))["quotationStatus"].GetInt(), 5);
  const auto other = in_status(4);  // Q250200002
  EXPECT_EQ(
      data_of(convert("q250200002", R"({"QUOTATIONNO":"Q250200002"})"))["quotationNo"].GetString(),
      other);
  EXPECT_EQ(count("sales_orders"), orders + 2);
}

TEST_F(QuotationApi, ConcurrentConvertsOfOneQuotationMakeOneSalesOrder) {
  const auto no = in_status(3);
  subscribe();
  const auto orders = count("sales_orders");
  constexpr int kThreads = 50;
  std::atomic<int> ready{0};
  std::mutex mutex;
  std::vector<HttpResponse> results;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto client = server_.client();
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      auto res = client.request("POST", "/v1/quotation/" + no + "/convert-to-salesorder",
                                company_.auth_json(), R"({"QuotationNo":)" + quote(no) + "}");
      std::lock_guard lock(mutex);
      results.push_back(std::move(res));
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(results.size(), static_cast<std::size_t>(kThreads));
  int ok = 0;
  for (const auto& res : results) {
    if (res.status == 200) {
      ++ok;
      continue;
    }
    EXPECT_EQ(res.body, one_problem_body("Quotation cannot change from status 5 to 5"))
        << res.status;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(count("sales_orders"), orders + 1);
  auto q = get(no);
  EXPECT_EQ(q["quotationStatus"].GetInt(), 5);
  EXPECT_STREQ(q["salesOrderNo"].GetString(), "SO250200001");
  // One order's events, once.
  std::multiset<std::string> events;
  for (const auto& m : outbox()) events.insert(m.first);
  EXPECT_EQ(events, (std::multiset<std::string>{"Quotation.StatusChanged", "SaleOrder.Created"}));
}

TEST_F(QuotationApi, ConcurrentCancelsAndConvertsLeaveOneOutcome) {
  const auto no = in_status(3);
  const auto orders = count("sales_orders");
  constexpr int kThreads = 40;
  std::atomic<int> ready{0};
  std::mutex mutex;
  std::vector<std::pair<bool, HttpResponse>> results;  // (converting, answer)
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto client = server_.client();
      const bool converting = t % 2 == 0;
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      auto res = converting
                     ? client.request("POST", "/v1/quotation/" + no + "/convert-to-salesorder",
                                      company_.auth_json(), R"({"QuotationNo":)" + quote(no) + "}")
                     : client.request("POST", "/v1/quotation/" + no + "/cancel",
                                      company_.auth_json(), R"({"reason":"Race"})");
      std::lock_guard lock(mutex);
      results.emplace_back(converting, std::move(res));
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(results.size(), static_cast<std::size_t>(kThreads));
  auto q = get(no);
  ASSERT_TRUE(q.IsObject());
  const int final_status = q["quotationStatus"].GetInt();
  ASSERT_TRUE(final_status == 5 || final_status == 7) << final_status;
  int ok = 0;
  for (const auto& [converting, res] : results) {
    if (res.status == 200) {
      ++ok;
      EXPECT_EQ(converting, final_status == 5);
      continue;
    }
    EXPECT_EQ(res.body,
              one_problem_body("Quotation cannot change from status " +
                               std::to_string(final_status) + " to " + (converting ? "5" : "7")))
        << res.status;
  }
  EXPECT_EQ(ok, 1);
  // Either an order and no reason, or a reason and no order.
  EXPECT_EQ(count("sales_orders"), orders + (final_status == 5 ? 1 : 0));
  EXPECT_EQ(q["salesOrderNo"].IsNull(), final_status == 7);
  EXPECT_EQ(q["cancelReason"].IsNull(), final_status == 5);
}

// ---------------------------------------------------------------------------------------------
// Cancel Quotation

TEST_F(QuotationApi, CancelFromEveryStatus) {
  for (int status = 1; status <= 7; ++status) {
    SCOPED_TRACE(status);
    const auto no = in_status(status);
    const auto before = get_body(no);
    auto res = cancel(no, R"({"reason":"Customer chose another vendor"})");
    if (status == 5 || status == 7) {
      expect_error(res, 400,
                   "Quotation cannot change from status " + std::to_string(status) + " to 7");
      EXPECT_EQ(get_body(no), before);
      continue;
    }
    auto q = data_of(res);
    ASSERT_TRUE(q.IsObject());
    EXPECT_EQ(keys_of(q), kQuotationKeys);
    EXPECT_EQ(q["quotationStatus"].GetInt(), 7);
    EXPECT_STREQ(q["cancelReason"].GetString(), "Customer chose another vendor");
    EXPECT_EQ(get_body(no), res.body);
    // Final: no upsert moves it again.
    expect_error(move(no, 1), 400, "Quotation cannot change from status 7 to 1");
    expect_error(move(no, 7), 400, "Quotation cannot change from status 7 to 7");
  }
}

TEST_F(QuotationApi, CancelTakesAnOptionalReason) {
  for (const std::string body : {"", "{}", R"({"reason":null})"}) {
    SCOPED_TRACE(body);
    const auto no = in_status(2);
    auto q = data_of(cancel(no, body));
    ASSERT_TRUE(q.IsObject());
    EXPECT_EQ(q["quotationStatus"].GetInt(), 7);
    EXPECT_TRUE(q["cancelReason"].IsNull());
  }
  const auto no = in_status(1);
  const auto before = get_body(no);
  for (const std::string body : {"[]", R"({"reason":5})", "{"}) {
    SCOPED_TRACE(body);
    auto res = cancel(no, body);
    EXPECT_EQ(res.status, 400) << res.body;
  }
  EXPECT_EQ(get_body(no), before);
  expect_error(cancel("Q299901000001"), 404, "quotationNo Q299901000001 was not found");
  // By its number in any case.
  EXPECT_EQ(data_of(cancel(lower(no)))["quotationStatus"].GetInt(), 7);
}

// ---------------------------------------------------------------------------------------------
// Quotation Enquiry

class QuotationEnquiry : public QuotationApi {
 protected:
  void SetUp() override {
    draft_ = demo_draft_no();
    ASSERT_FALSE(draft_.empty());
    e1_ = create_no(quotation_body("e1").str("quotationDate", "2025-02-10"));
    e2_ = create_no(quotation_body("e2")
                        .set("quotationStatus", "2")
                        .str("staffCode", "staff02")
                        .str("customerCode", "CUST-001")
                        .str("quotationDate", "2025-02-11"));
    e3_ = create_no(quotation_body("e3")
                        .set("quotationStatus", "2")
                        .str("customerCode", "daisy")
                        .str("quotationDate", "2025-02-11T23:30:00+0700"));
    e4_ = create_no(
        quotation_body("e4").str("staffCode", "staff02").str("quotationDate", "2025-02-12"));
  }
  std::string draft_, e1_, e2_, e3_, e4_;
  const std::string demo_ = "Q01230000002";
};

TEST_F(QuotationEnquiry, ListsNewestFirstAndCountsEveryMatch) {
  using V = std::vector<std::string>;
  auto res = enquiry(R"({"take":100})");
  auto list = data_of(res);
  ASSERT_TRUE(list.IsArray());
  EXPECT_EQ(res.header("x-total-count"), "6");
  EXPECT_EQ(listed(R"({"take":100})"), (V{e4_, e3_, e2_, e1_, draft_, demo_}));
  // Each item is the quotation object Get shows.
  EXPECT_EQ(keys_of(list[0]), kQuotationKeys);
  EXPECT_EQ(to_json(list[0]), to_json(get(e4_)));
  EXPECT_EQ(to_json(list[5]), to_json(get(demo_)));
  // Paging; the count is of every match.
  auto page = enquiry(R"({"take":2,"skip":2})");
  EXPECT_EQ(page.header("x-total-count"), "6");
  EXPECT_EQ(listed(R"({"take":2})"), (V{e4_, e3_}));
  EXPECT_EQ(listed(R"({"take":2,"skip":2})"), (V{e2_, e1_}));
  EXPECT_EQ(listed(R"({"take":2,"skip":null})"), (V{e4_, e3_}));
  auto past = enquiry(R"({"take":2,"skip":10})");
  EXPECT_EQ(past.body, R"({"status":{"code":"1000","description":"Success"},"data":[]})");
  EXPECT_EQ(past.header("x-total-count"), "6");
  // More than the cap is the cap, not an error.
  EXPECT_EQ(listed(R"({"take":5000})").size(), 6u);
  // dateCreated first, then the id: an older id created later comes first.
  server_.exec(
      "UPDATE quotations SET date_created = date_created + 60 WHERE company_id = ? AND "
      "quotation_no = ?",
      {company_.id, std::string_view(e1_)});
  EXPECT_EQ(listed(R"({"take":3})"), (V{e1_, e4_, e3_}));
}

TEST_F(QuotationEnquiry, TakeIsCappedAtAThousand) {
  // A thousand more quotations, copies of the demo one written straight to the table.
  server_.exec(
      "INSERT INTO quotations (company_id, quotation_id, quotation_no, reference_no, "
      "quotation_status, subject, customer_id, customer_code, staff_user_id, staff_code, "
      "document_date, valid_until, header_template_id, vat_calculation, include_vat, sub_total, "
      "sub_total_with_discount, grand_total, total_vat, total_wht, currency_code, "
      "created_by_user_id, date_created, updated_by_user_id, date_updated) "
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
      "SELECT q.company_id, 100000 + n.i, 'QCAP' || n.i, NULL, q.quotation_status, q.subject, "
      "q.customer_id, q.customer_code, q.staff_user_id, q.staff_code, q.document_date, "
      "q.valid_until, q.header_template_id, q.vat_calculation, q.include_vat, q.sub_total, "
      "q.sub_total_with_discount, q.grand_total, q.total_vat, q.total_wht, q.currency_code, "
      "q.created_by_user_id, q.date_created, q.updated_by_user_id, q.date_updated "
      "FROM quotations q, n WHERE q.company_id = ? AND q.quotation_no = 'Q01230000002'",
      {company_.id});
  ASSERT_EQ(count("quotations"), 1006);
  auto res = enquiry(R"({"take":5000})");
  auto list = data_of(res);
  ASSERT_TRUE(list.IsArray());
  EXPECT_EQ(list.Size(), 1000u);
  EXPECT_EQ(res.header("x-total-count"), "1006");
  EXPECT_EQ(listed(R"({"take":1000,"skip":1000})").size(), 6u);
  EXPECT_EQ(listed(R"({"take":1001,"skip":1000})").size(), 6u);
}

TEST_F(QuotationEnquiry, EveryFilter) {
  using V = std::vector<std::string>;
  // The number: exact, in any case.
  EXPECT_EQ(listed(R"({"take":10,"quotationNo":)" + quote(lower(e2_)) + "}"), V{e2_});
  EXPECT_EQ(listed(R"({"take":10,"quotationNo":"Q2502"})"), V{});
  // The status.
  EXPECT_EQ(listed(R"({"take":10,"quotationStatus":2})"), (V{e3_, e2_}));
  EXPECT_EQ(listed(R"({"take":10,"quotationStatus":1})"), (V{e4_, e1_, draft_}));
  EXPECT_EQ(listed(R"({"take":10,"quotationStatus":4})"), V{demo_});
  EXPECT_EQ(listed(R"({"take":10,"quotationStatus":7})"), V{});
  // The staff and the customer; unknown codes match nothing.
  EXPECT_EQ(listed(R"({"take":10,"staffCode":"staff02"})"), (V{e4_, e2_}));
  EXPECT_EQ(listed(R"({"take":10,"staffCode":"Admin01"})"), (V{draft_, demo_}));
  auto nobody = enquiry(R"({"take":10,"staffCode":"nobody"})");
  EXPECT_EQ(nobody.body, R"({"status":{"code":"1000","description":"Success"},"data":[]})");
  EXPECT_EQ(nobody.header("x-total-count"), "0");
  EXPECT_EQ(listed(R"({"take":10,"customerCode":"C000154"})"), (V{e4_, e1_}));
  EXPECT_EQ(listed(R"({"take":10,"customerCode":"daisy"})"), (V{e3_, draft_, demo_}));
  EXPECT_EQ(listed(R"({"take":10,"customerCode":"NOPE"})"), V{});
  // The date: the whole local day of a date or a date-time.
  EXPECT_EQ(listed(R"({"take":10,"quotationDate":"2025-02-11"})"), (V{e3_, e2_}));
  EXPECT_EQ(listed(R"({"take":10,"quotationDate":"2025-02-11T08:00:00+0700"})"), (V{e3_, e2_}));
  EXPECT_EQ(listed(R"({"take":10,"quotationDate":"2025-02-10T17:30:00Z"})"), (V{e3_, e2_}));
  EXPECT_EQ(listed(R"({"take":10,"quotationDate":"2025-02-11T18:00:00Z"})"), V{e4_});
  EXPECT_EQ(listed(R"({"take":10,"quotationDate":"2023-01-04"})"), (V{draft_, demo_}));
  EXPECT_EQ(listed(R"({"take":10,"quotationDate":"2025-02-13"})"), V{});
  // Null filters are no filters.
  EXPECT_EQ(listed(R"({"take":10,"quotationNo":null,"quotationStatus":null,"staffCode":null,)"
                   R"("customerCode":null,"quotationDate":null})")
                .size(),
            6u);
  // Together.
  EXPECT_EQ(listed(R"({"take":10,"quotationStatus":2,"staffCode":"staff01"})"), V{e3_});
  EXPECT_EQ(listed(R"({"take":10,"quotationStatus":1,"customerCode":"C000154",)"
                   R"("quotationDate":"2025-02-12","staffCode":"staff02"})"),
            V{e4_});
  auto total = enquiry(R"({"take":1,"customerCode":"daisy"})");
  EXPECT_EQ(total.header("x-total-count"), "3");
}

TEST_F(QuotationEnquiry, RefusesWhatItCannotRead) {
  expect_error(enquiry("{}"), 400, "take is required");
  expect_error(enquiry(R"({"take":null})"), 400, "take is required");
  for (const std::string body :
       {R"({"take":0})", R"({"take":-1})", R"({"take":"five"})", R"({"take":1.5})",
        R"({"take":5,"skip":-1})", R"({"take":5,"quotationStatus":8})",
        R"({"take":5,"quotationStatus":0})", R"({"take":5,"quotationDate":"yesterday"})",
        R"({"take":5,"quotationDate":"2025-02-30"})", R"({"take":5,"quotationNo":5})", "[]", "",
        "null"}) {
    SCOPED_TRACE(body);
    auto res = enquiry(body);
    EXPECT_EQ(res.status, 400) << res.body;
    auto doc = res.json();
    ASSERT_TRUE(doc.IsObject());
    EXPECT_STREQ(doc["status"]["code"].GetString(), "4001") << res.body;
  }
}

// ---------------------------------------------------------------------------------------------
// Events (§5.3)

TEST_F(QuotationApi, UpsertsEmitCreatedUpdatedAndStatusChanged) {
  subscribe();
  std::vector<std::pair<std::string, std::string>> expected;
  auto q = upsert(quotation_body());
  ASSERT_TRUE(q.IsObject());
  const std::string no = q["quotationNo"].GetString();
  const auto id = q["quotationId"].GetInt64();
  expected.push_back(quotation_event("Created", no, id));
  EXPECT_EQ(outbox(), expected);
  // The same status: Updated alone.
  ASSERT_EQ(move(no, 1, quotation_body("Renamed")).status, 200);
  expected.push_back(quotation_event("Updated", no, id));
  EXPECT_EQ(outbox(), expected);
  // A new status: Updated, then StatusChanged.
  ASSERT_EQ(move(no, 2).status, 200);
  expected.push_back(quotation_event("Updated", no, id));
  expected.push_back(status_event(no, id, 1, 2));
  EXPECT_EQ(outbox(), expected);
  ASSERT_EQ(move(no, 3).status, 200);
  expected.push_back(quotation_event("Updated", no, id));
  expected.push_back(status_event(no, id, 2, 3));
  EXPECT_EQ(outbox(), expected);
  // Refused changes emit nothing.
  EXPECT_EQ(move(no, 1).status, 400);
  EXPECT_EQ(post(quotation_body().str("customerCode", "NOPE")).status, 404);
  EXPECT_EQ(outbox(), expected);
  // A second quotation created by its reference, updated by it.
  auto r = upsert(quotation_body().set("quotationStatus", "2").str("referenceNo", "PO-9"));
  const std::string r_no = r["quotationNo"].GetString();
  const auto r_id = r["quotationId"].GetInt64();
  expected.push_back(quotation_event("Created", r_no, r_id));
  ASSERT_EQ(post(quotation_body().set("quotationStatus", "6").str("referenceNo", "PO-9")).status,
            200);
  expected.push_back(quotation_event("Updated", r_no, r_id));
  expected.push_back(status_event(r_no, r_id, 2, 6));
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

TEST_F(QuotationApi, ConvertAndCancelEmitOnlyStatusChanges) {
  const auto to_convert = in_status(4);
  const auto to_cancel = in_status(3);
  subscribe();
  auto c = data_of(convert(to_convert));
  ASSERT_TRUE(c.IsObject());
  const auto order_id = c["salesOrderId"].GetInt64();
  const auto converted = quotation_id(to_convert);
  // Both of one write; their order is not part of the contract.
  auto messages = outbox();
  std::sort(messages.begin(), messages.end());
  std::vector<std::pair<std::string, std::string>> expected = {
      status_event(to_convert, converted, 4, 5),
      event("SaleOrder", "Created",
            R"({"SaleOrderNo":"SO250200001","SaleOrderId":)" + std::to_string(order_id) + "}")};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(messages, expected);
  ASSERT_EQ(cancel(to_cancel, R"({"reason":"Budget cut"})").status, 200);
  auto all = outbox();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all.back(), status_event(to_cancel, quotation_id(to_cancel), 3, 7));
  // Refused ones emit nothing.
  EXPECT_EQ(cancel(to_cancel).status, 400);
  EXPECT_EQ(convert(to_cancel).status, 400);
  EXPECT_EQ(convert(to_convert).status, 400);
  EXPECT_EQ(outbox().size(), 3u);
}

// ---------------------------------------------------------------------------------------------
// Numbers

TEST_F(QuotationApi, NumbersStayConsecutiveUnderConcurrentCreates) {
  const auto numbers = concurrent_numbers(server_, company_, "/v2/quotation",
                                          quotation_body().json(), "/data/quotationNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  EXPECT_EQ(numbers.front(), "Q250200001");
  EXPECT_EQ(numbers.back(), "Q250200100");
  expect_consecutive(numbers, 5);
  EXPECT_EQ(count("quotations"), 2 + 100);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM document_lines WHERE company_id = ? AND "
                           "document_type = 1",
                           {company_.id}),
            2 + 100);
  // The generated references are each their own too.
  EXPECT_EQ(
      server_.scalar("SELECT COUNT(DISTINCT reference_no) FROM quotations WHERE company_id = ?",
                     {company_.id}),
      2 + 100);
  EXPECT_EQ(text("SELECT MAX(reference_no) FROM quotations WHERE company_id = ? AND "
                 "reference_no LIKE 'DRAFT2502%'",
                 {company_.id}),
            "DRAFT2502000100");
}

TEST(QuotationServers, NumbersStayConsecutiveAcrossTwoServers) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  const auto numbers = numbers_from_two_servers("/v2/quotation", quotation_body().json(),
                                                "/data/quotationNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  expect_consecutive(numbers, 5);
}

// ---------------------------------------------------------------------------------------------
// Tenancy

TEST_F(QuotationApi, AnotherCompanyCannotReachTheQuotation) {
  const auto no =
      create_no(quotation_body().set("quotationStatus", "2").str("referenceNo", "TENANCY-1"));
  ASSERT_EQ(no, "Q250200001");
  ASSERT_EQ(move(no, 3).status, 200);
  const auto stored = get_body(no);
  const auto id = quotation_id(no);
  const auto orders = count("sales_orders");
  auto other = server_.add_company();
  auto as_other = [&](const std::string& method, const std::string& path,
                      const std::string& body = "") {
    return client_.request(method, path, other.auth_json(), body);
  };
  const std::string missing =
      one_problem_body(api::Family::kS, "quotationNo Q250200001 was not found", 404);
  EXPECT_EQ(as_other("GET", "/v1/quotation/" + no).body, missing);
  EXPECT_EQ(
      as_other(
          "POST", "/v2/quotation",
          quotation_body("Taken over").str("quotationNo", no).set("quotationStatus", "3").json())
          .body,
      missing);
  EXPECT_EQ(as_other("POST", "/v1/quotation/" + no + "/convert-to-salesorder",
                     R"({"QuotationNo":")" + no + R"("})")
                .body,
            missing);
  EXPECT_EQ(as_other("POST", "/v1/quotation/" + no + "/cancel", R"({"reason":"x"})").body, missing);
  auto found =
      as_other("POST", "/v1/quotation/enquiry", R"({"take":10,"quotationNo":")" + no + R"("})");
  EXPECT_EQ(found.body, R"({"status":{"code":"1000","description":"Success"},"data":[]})");
  EXPECT_EQ(found.header("x-total-count"), "0");
  // Its list holds its own demo quotations only.
  auto all = as_other("POST", "/v1/quotation/enquiry", R"({"take":100})");
  EXPECT_EQ(all.header("x-total-count"), "2");
  auto doc = all.json();
  for (const auto& q : doc["data"].GetArray()) EXPECT_NE(q["quotationId"].GetInt64(), id);
  // The same referenceNo in the other company is its own quotation.
  auto own = client_.request("POST", "/v2/quotation", other.auth_json(),
                             quotation_body("Theirs").str("referenceNo", "TENANCY-1").json());
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_NE(own.json()["data"]["quotationId"].GetInt64(), id);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM quotations WHERE company_id = ?", {other.id}), 3);
  // The first company's quotation is as it was, and no order was made of it.
  EXPECT_EQ(get_body(no), stored);
  EXPECT_EQ(count("sales_orders"), orders);
}

// ---------------------------------------------------------------------------------------------
// The demo company, the sample client and the Venio docs' examples

TEST_F(QuotationApi, TheSampleClientRequestUpdatesTheDemoDraft) {
  const auto draft = demo_draft_no();
  ASSERT_FALSE(draft.empty());
  const auto id = quotation_id(draft);
  auto before = get(draft);
  ASSERT_TRUE(before.IsObject());
  EXPECT_EQ(before["quotationStatus"].GetInt(), 1);
  const auto quotations = count("quotations");
  auto q = data_of(call("POST", "/v2/quotation", kSampleClientRequest));
  ASSERT_TRUE(q.IsObject());
  EXPECT_EQ(q["quotationId"].GetInt64(), id);
  EXPECT_STREQ(q["quotationNo"].GetString(), draft.c_str());
  EXPECT_STREQ(q["quotationSubject"].GetString(),
               "Test open api edit quotation openapi consoleapp");
  EXPECT_EQ(q["quotationStatus"].GetInt(), 1);
  EXPECT_STREQ(q["referenceNo"].GetString(), "DRAFT2301000004");
  EXPECT_STREQ(q["customerCode"].GetString(), "daisy");
  EXPECT_STREQ(q["staffCode"].GetString(), "Admin01");
  EXPECT_STREQ(q["quotationDate"].GetString(), "2023-01-04T00:00:00+0700");
  EXPECT_STREQ(q["quotationValidUntil"].GetString(), "2023-02-04T00:00:00+0700");
  ASSERT_EQ(q["quotationDetails"].Size(), 1u);
  EXPECT_EQ(to_json(q["quotationDetails"][0]),
            R"({"productCode":"AB00025dddd","productName":"Flower arrangement","price":450,)"
            R"("qty":2,"productUnitName":"ชิ้น","productDescription":null,"discountType":false,)"
            R"("discountValue":10,"vatTaxValue":7,"whTaxValue":null,"totalPrice":890})");
  EXPECT_EQ(to_json(q["subTotal"]), "890");
  EXPECT_EQ(to_json(q["totalVat"]), "62.3");
  EXPECT_EQ(to_json(q["grandTotal"]), "952.3");
  EXPECT_EQ(to_json(q["dateCreated"]), to_json(before["dateCreated"]));
  EXPECT_STREQ(q["dateUpdated"].GetString(), kNowText);
  EXPECT_EQ(count("quotations"), quotations);
  // Sent again, it is the same update.
  auto again = data_of(call("POST", "/v2/quotation", kSampleClientRequest));
  EXPECT_EQ(to_json(again), to_json(q));
  EXPECT_EQ(count("quotations"), quotations);
}

TEST_F(QuotationApi, TheSampleEnquiryFindsTheDemoQuotation) {
  auto res = enquiry(R"({"take":4,"quotationStatus":4})");
  auto list = data_of(res);
  ASSERT_TRUE(list.IsArray());
  ASSERT_EQ(list.Size(), 1u);
  EXPECT_EQ(res.header("x-total-count"), "1");
  const auto& q = list[0];
  EXPECT_STREQ(q["quotationNo"].GetString(), "Q01230000002");
  EXPECT_EQ(q["quotationStatus"].GetInt(), 4);
  EXPECT_STREQ(q["customerCode"].GetString(), "daisy");
  EXPECT_STREQ(q["staffCode"].GetString(), "Admin01");
  ASSERT_EQ(q["quotationDetails"].Size(), 1u);
  EXPECT_STREQ(q["quotationDetails"][0]["productCode"].GetString(), "AB00025dddd");
  EXPECT_EQ(to_json(q["quotationDetails"][0]["qty"]), "4");
  EXPECT_EQ(to_json(q["quotationDetails"][0]["totalPrice"]), "1800");
  EXPECT_TRUE(q["vatCalculation"].GetBool());
  EXPECT_FALSE(q["isIncludeVat"].GetBool());
  EXPECT_EQ(to_json(q["subTotal"]), "1800");
  EXPECT_EQ(to_json(q["totalVat"]), "126");
  EXPECT_EQ(to_json(q["grandTotal"]), "1926");
  EXPECT_EQ(to_json(q), to_json(get("Q01230000002")));
}

TEST_F(QuotationApi, TheSampleConvertCallSucceeds) {
  auto res = call("POST", "/v1/quotation/Q01230000002/convert-to-salesorder",
                  R"({"quotationNo":"Q01230000002"})");
  auto c = data_of(res);
  ASSERT_TRUE(c.IsObject());
  EXPECT_EQ(keys_of(c), (std::vector<std::string>{"quotationNo", "quotationStatus", "salesOrderNo",
                                                  "salesOrderId"}));
  EXPECT_STREQ(c["quotationNo"].GetString(), "Q01230000002");
  EXPECT_EQ(c["quotationStatus"].GetInt(), 5);
  EXPECT_STREQ(c["salesOrderNo"].GetString(), "SO250200001");
  auto q = get("Q01230000002");
  EXPECT_EQ(q["quotationStatus"].GetInt(), 5);
  EXPECT_STREQ(q["salesOrderNo"].GetString(), "SO250200001");
  auto o = data_of(call("GET", "/v2/salesorder/SO250200001"));
  ASSERT_TRUE(o.IsObject());
  EXPECT_EQ(o["salesOrderId"].GetInt64(), c["salesOrderId"].GetInt64());
  EXPECT_STREQ(o["referenceNo"].GetString(), "Q01230000002");
  EXPECT_EQ(to_json(o["grandTotal"]), "1926");
  EXPECT_STREQ(o["customerCode"].GetString(), "daisy");
}

TEST_F(QuotationApi, TheDocsConvertExampleParsesButNamesNoQuotation) {
  const auto before = get_body("Q01230000002");
  const auto orders = count("sales_orders");
  auto res = call("POST", "/v1/quotation/Q01230000002/convert-to-salesorder", kDocConvertExample);
  expect_error(res, 400, "QuotationNo must be the quotation number of the path (Q01230000002)");
  EXPECT_EQ(get_body("Q01230000002"), before);
  EXPECT_EQ(count("sales_orders"), orders);
  // With the placeholder replaced by the number, the same text converts.
  auto real = call("POST", "/v1/quotation/Q01230000002/convert-to-salesorder",
                   replaced(kDocConvertExample, "<string>", "Q01230000002"));
  EXPECT_EQ(data_of(real)["quotationStatus"].GetInt(), 5);
}

TEST_F(QuotationApi, TheDocsEnquiryExampleParsesButItsDatePlaceholderIsRefused) {
  auto res = enquiry(kDocEnquiryExample);
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_EQ(res.body, one_problem_body("quotationDate is not a valid date"));
  // With a real date it succeeds; its other placeholders name nothing.
  const auto dated = replaced(kDocEnquiryExample, "<datetime>", "2023-01-04");
  auto ok = enquiry(dated);
  EXPECT_EQ(ok.body, R"({"status":{"code":"1000","description":"Success"},"data":[]})");
  EXPECT_EQ(ok.header("x-total-count"), "0");
  // And with every placeholder filled in, it finds the demo quotation.
  auto filled = replaced(dated, R"("staffCode" : "<string>")", R"("staffCode" : "Admin01")");
  filled = replaced(filled, R"("quotationNo" : "<string>")", R"("quotationNo" : "Q01230000002")");
  filled = replaced(filled, R"("customerCode" : "<string>")", R"("customerCode" : "daisy")");
  filled = replaced(filled, R"("quotationStatus" :2)", R"("quotationStatus" :4)");
  EXPECT_EQ(listed(filled), std::vector<std::string>{"Q01230000002"});
}

}  // namespace
}  // namespace ov::test
