// Seeds a company made by `openvenio init --demo-data` for the Quotation and SalesOrder
// benchmark: 20 sales staff (staff codes SALE01..SALE20, through the administration's write
// path), 20 customers (CUS0001..CUS0020, as the Customer section stores them) and a catalogue of
// 40 products (SKU-001..SKU-040, through Create Or Update Products' own save), then N quotations
// and M sales orders in large transactions of raw SQL on the schema of
// migrations/*/0019_documents.sql (Create Update Quotation looks up every line's product and
// reads the quotation back one request at a time; a million quotations through it would take far
// longer than the benchmark).
// Every document is first made as a request (customer, staff, date, lines with quantities and
// discounts, header discount, VAT settings…) and then turned into the rows the upsert stores
// for it: the lines take their names, prices and units from the products as apply_document
// does, and the totals are the server's own documents::compute_totals of §4.9.1; the columns
// and their stored forms (decimals as Decimal::to_string() text, booleans 0/1, dates as Unix
// seconds of local midnight) come from the sections' field tables. The body of one seeded
// quotation and of one seeded sales order (in status 1 or 2) is written out, so that the load
// script can send it again and compare the stored rows.
// Quotations: 1 to 5 lines each, spread evenly over the 365 days of 2025 (created between 08:30
// and 18:30 local time, quotationDate the day of creation, valid 15, 30 or 60 days), in the
// seven statuses of §4.9.2 (10 % draft, 8 % awaiting approval, 7 % awaiting sending, 25 % sent,
// 30 % completed, 8 % rejected, 12 % cancelled). Sales orders: 20 lines each over the same year,
// in the five statuses of §4.9.3 (10 % draft, 15 % waiting approval, 60 % approved, 5 %
// rejected, 10 % cancelled), a fifth with an extra discount and 40 % with a payment schedule of
// two instalments. Each month's documents are numbered Q2501 00001 (SO2501 00001) upwards in
// creation order, each quotation's reference DRAFT2501 000001 upwards, as the API numbers them,
// and the sequences continue after them.
// Writes, for the load scripts, one record a line:
//   staff <staffCode>
//   customer <customerCode>
//   product <productCode> <defaultPrice>
//   quotation <quotationNo> <quotationId> <status> <quotationDate YYYY-MM-DD>
//   salesorder <salesOrderNo> <salesOrderId> <status> <lines>
//   resaved quotation|salesorder <number>   the document whose body is in <bodies-dir>
// and, to <bodies-dir>/quotation.json and <bodies-dir>/salesorder.json, the bodies of Create
// Update Quotation and Create Or Update SalesOrder for those two documents as they were seeded.
// Usage: openvenio_bench_seed_documents <db-url> <company-id> [<quotations> <sales-orders>]
//                                       <numbers-file> <bodies-dir>
//        (1 000 000 quotations and 100 000 sales orders by default)
// With --plan, seeds nothing and prints the query plan (SQLite's EXPLAIN QUERY PLAN,
// PostgreSQL's EXPLAIN) of every statement Quotation Enquiry runs for one quotationStatus and
// one quotationDate, take 50: the statements the repository itself builds, so the plan recorded
// is the one the server follows.
//        openvenio_bench_seed_documents --plan <db-url> <company-id> <status> <YYYY-MM-DD>
// With --plan-get, the same for Get a SalesOrder By SalesOrderNo (the order, its lines, its
// discounts and its schedule):
//        openvenio_bench_seed_documents --plan-get <db-url> <company-id> <sales-order-no>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "../planning_session.hpp"
#include "api/bounds.hpp"
#include "api/envelope.hpp"
#include "api/json_fields.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/numbers.hpp"
#include "core/time.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/documents/documents.hpp"
#include "modules/documents/totals.hpp"
#include "modules/employees/employee_service.hpp"
#include "modules/products/product_service.hpp"
#include "modules/quotations/quotation_repository.hpp"
#include "modules/quotations/quotation_types.hpp"
#include "modules/refs.hpp"
#include "modules/sales_orders/sales_order_repository.hpp"
#include "modules/sales_orders/sales_order_types.hpp"
#include "storage/database.hpp"
#include "storage/sequences.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"
#include "webhooks/events.hpp"

namespace {

using Words = std::vector<std::string>;
using ov::core::Decimal;
using ov::core::UnixSeconds;
namespace doc = ov::documents;
namespace qt = ov::quotations;
namespace so = ov::sales_orders;

constexpr std::int64_t kDefaultQuotations = 1000000;
constexpr std::int64_t kDefaultSalesOrders = 100000;
// Five digits a month (Q2501 00001 .. Q2501 99999): a 31-day month holds 31/365 of the
// documents.
constexpr std::int64_t kMaxCount = 99999 * 365 / 31;
constexpr std::size_t kSalesOrderLines = 20;

constexpr int kStaff = 20;
constexpr int kCustomers = 20;
const Words kFirstNames = {"Somchai", "Suda",     "Anan",    "Malee",   "Prasit",
                           "Kanya",   "Wichai",   "Nittaya", "Surasak", "Pranee",
                           "Chaiwat", "Ratana",   "Somsak",  "Wilai",   "Thongchai",
                           "Orawan",  "Kittisak", "Jintana", "Apichat", "Siriporn"};
const Words kLastNames = {"Jaidee",  "Srisuk", "Wongsa",   "Chaiyo",    "Boonma",
                          "Rattana", "Sukjai", "Thongdee", "Kaewmanee", "Saelim"};
const Words kCustomerNames = {
    "บริษัท สยามเทรดดิ้ง จำกัด",   "บริษัท ไทยอินดัสทรี จำกัด",       "Bangkok Logistics Co., Ltd.",
    "บริษัท เชียงใหม่ฟู้ดส์ จำกัด",   "ห้างหุ้นส่วนจำกัด รุ่งเรืองการช่าง", "Eastern Seaboard Parts Co., Ltd.",
    "บริษัท ภูเก็ตรีสอร์ท จำกัด",    "โรงพยาบาลสุขภาพดี",           "Mekong Engineering Co., Ltd.",
    "บริษัท โคราชพลาสติก จำกัด",  "สำนักงานกฎหมาย ธรรมนิติ",      "Andaman Hotel Group",
    "บริษัท ขอนแก่นมอเตอร์ จำกัด", "โรงเรียนนานาชาติ กรุงเทพ",     "Thai Green Energy Co., Ltd.",
    "บริษัท หาดใหญ่ซัพพลาย จำกัด", "คลินิกทันตกรรม ยิ้มสวย",         "Siam Retail Co., Ltd.",
    "บริษัท อุดรการเกษตร จำกัด",  "Lanna Coffee Co., Ltd."};

// The catalogue: every price at least 250 baht, so that a line's amount discount (50 or 100
// baht) never exceeds the line.
struct ProductSeed {
  const char* name;
  const char* price;
  const char* unit;
  const char* category;
};
const std::vector<ProductSeed> kProducts = {
    {"เครื่องพิมพ์เลเซอร์ ขาวดำ", "12900.00", "เครื่อง", "IT equipment"},
    {"ตลับหมึกเลเซอร์ 76A", "3290.00", "กล่อง", "Consumables"},
    {"กระดาษ A4 80 แกรม (5 รีม)", "645.00", "กล่อง", "Consumables"},
    {"จอมอนิเตอร์ 24 นิ้ว", "4590.00", "เครื่อง", "IT equipment"},
    {"คีย์บอร์ดไร้สาย", "890.00", "ชิ้น", "IT equipment"},
    {"เมาส์ไร้สาย", "450.00", "ชิ้น", "IT equipment"},
    {"โน้ตบุ๊ก 14 นิ้ว Core i5", "25900.00", "เครื่อง", "IT equipment"},
    {"UPS 1000VA", "3650.00", "เครื่อง", "IT equipment"},
    {"สาย LAN Cat6 (305 m)", "4200.00", "ม้วน", "Network"},
    {"Switch 24 พอร์ต", "7890.00", "เครื่อง", "Network"},
    {"Access point Wi-Fi 6", "5490.00", "เครื่อง", "Network"},
    {"กล้องวงจรปิด IP 4MP", "2890.00", "ตัว", "Security"},
    {"Hard disk 4TB", "3990.00", "ลูก", "IT equipment"},
    {"SSD 1TB NVMe", "2790.00", "ชิ้น", "IT equipment"},
    {"Microsoft 365 Business (1 ปี)", "7500.00", "license", "Software"},
    {"Antivirus (1 ปี)", "990.00", "license", "Software"},
    {"ค่าติดตั้งระบบเครือข่าย", "15000.00", "งาน", "Services"},
    {"ค่าบำรุงรักษารายปี", "24000.00", "ปี", "Services"},
    {"โต๊ะทำงาน 120 cm", "5900.00", "ตัว", "Furniture"},
    {"เก้าอี้สำนักงาน", "3490.00", "ตัว", "Furniture"},
    {"ตู้เอกสาร 4 ลิ้นชัก", "4890.00", "ตู้", "Furniture"},
    {"เครื่องทำลายเอกสาร", "6900.00", "เครื่อง", "Office equipment"},
    {"โปรเจคเตอร์ 4000 lumens", "18900.00", "เครื่อง", "Office equipment"},
    {"จอรับภาพ 100 นิ้ว", "3200.00", "ชิ้น", "Office equipment"},
    {"เครื่องสแกนเอกสาร", "9800.00", "เครื่อง", "Office equipment"},
    {"Router 4G", "2490.00", "เครื่อง", "Network"},
    {"Webcam Full HD", "1290.00", "ชิ้น", "IT equipment"},
    {"ชุดหูฟังพร้อมไมค์", "990.00", "ชุด", "IT equipment"},
    {"Docking station USB-C", "3890.00", "ชิ้น", "IT equipment"},
    {"ตู้ Rack 42U", "21500.00", "ตู้", "Network"},
    {"ปลั๊กไฟ PDU 8 ช่อง", "1890.00", "ชิ้น", "Network"},
    {"สาย HDMI 5 m", "350.00", "เส้น", "IT equipment"},
    {"แฟลชไดรฟ์ 64GB", "290.00", "ชิ้น", "Consumables"},
    {"เครื่องพิมพ์ใบเสร็จ", "4500.00", "เครื่อง", "POS"},
    {"ลิ้นชักเก็บเงิน", "2900.00", "ชิ้น", "POS"},
    {"เครื่องอ่านบาร์โค้ด", "2590.00", "เครื่อง", "POS"},
    {"Tablet 10 นิ้ว", "9900.00", "เครื่อง", "POS"},
    {"ค่าอบรมการใช้งาน", "8000.00", "วัน", "Services"},
    {"ค่าขนส่ง", "500.00", "เที่ยว", "Services"},
    {"NAS 4 bay", "16900.00", "เครื่อง", "IT equipment"},
};
// Services are the lines that carry a withholding tax now and then.
bool is_service(const ProductSeed& p) { return std::string_view(p.category) == "Services"; }

const Words kQuotationSubjects = {"ใบเสนอราคา อุปกรณ์ไอที",  "ใบเสนอราคา ระบบเครือข่าย",
                                  "IT equipment refresh", "ชุดอุปกรณ์สำนักงานใหม่",
                                  "ระบบกล้องวงจรปิด",       "ระบบ POS สาขาใหม่",
                                  "Annual maintenance",   "ห้องประชุมพร้อมโปรเจคเตอร์",
                                  "Network upgrade",      "อุปกรณ์สำหรับพนักงานใหม่"};
const Words kOrderSubjects = {"ใบสั่งขาย อุปกรณ์ไอที", "ใบสั่งขาย ระบบเครือข่าย", "Office fit-out",
                              "ใบสั่งขาย สาขาใหม่",  "Equipment order",     "ใบสั่งขาย ประจำไตรมาส"};
const Words kNotes = {"ราคานี้รวมค่าติดตั้งแล้ว", "Delivery within 7 days of the order", "ยืนราคา 30 วัน",
                      "Prices include on-site training"};
const Words kRemarks = {"กรุณาจัดส่งในวันทำการถัดไป", "Please quote the PO number on the invoice",
                        "ติดต่อก่อนเข้าติดตั้ง"};
const Words kContacts = {"คุณสมชาย ใจดี", "Khun Nida", "คุณวิไล รักงาน", "Mr. John Smith"};
const Words kPaymentTerms = {"Net 30", "เครดิต 30 วัน", "Cash on delivery", "50% deposit"};
const Words kDescriptions = {"รับประกัน 1 ปี", "Including installation", "สีดำ", "ส่งพร้อมคู่มือภาษาไทย"};
const Words kCancelReasons = {"ลูกค้ายกเลิกโครงการ", "Customer chose another supplier",
                              "ราคาสูงเกินงบประมาณ"};
const Words kRejectReasons = {"ราคาไม่ถูกต้อง", "Credit limit exceeded", "สินค้าไม่พร้อมส่ง"};
const Words kPrivateNotes = {"ลูกค้า VIP", "Margin approved by the sales manager"};
constexpr const char* kRecipientAddress = "99/1 ถ.พระราม 4 แขวงปทุมวัน เขตปทุมวัน กรุงเทพฯ 10330";
constexpr const char* kWarehouse = "WHGENERAL";

constexpr UnixSeconds kHour = 3600;
constexpr UnixSeconds kDay = 24 * kHour;

// 20 000 documents a transaction, like the other seeders. 200 documents a statement (200 × 44
// parameters at most: a sales order's 43 columns and its id on SQLite) and 500 lines (500 × 19):
// all below SQLite's 32 766 and PostgreSQL's 65 535 parameters.
constexpr std::int64_t kBatch = 20000;
constexpr std::size_t kRowsPerInsert = 200;
constexpr std::size_t kLinesPerInsert = 500;

// --- The stored columns, from the field tables ---------------------------------------------------

// The columns an INSERT of storage::Table writes for an entity (its own columns that are
// inserted; not the generated key, not joined tables' columns), bound as Table binds them: the
// table's own insert binding over the entity's field table.
template <class R>
class Columns {
 public:
  explicit Columns(ov::core::Fields<R> fields) : entity_{"", "", fields, ""}, table_(entity_) {
    for (const auto* f : table_.insert_fields()) {
      if (!names_.empty()) names_ += ", ";
      names_ += f->column;
    }
  }
  const std::string& names() const { return names_; }
  int count() const { return static_cast<int>(table_.insert_fields().size()); }
  void bind(ov::storage::Sql& q, const R& r) const { table_.bind_insert(q, r); }

 private:
  ov::core::Entity<R> entity_;
  ov::storage::Table<R> table_;
  std::string names_;
};

// "INSERT INTO <table> ([<key>, ]<columns>) VALUES (?, …), …[ RETURNING …]" for `rows` rows,
// built once per row count, and the table's ids. On SQLite the seeder gives every row its id,
// the largest in use plus one and counting, as storage::Table does there; on PostgreSQL the
// identity column gives it, so the ids the upserts take later follow the seeded ones on either
// backend. A table without a generated key (key "") takes its rows as they are.
class Inserts {
 public:
  Inserts(std::string table, std::string key, std::string columns, int params, bool explicit_keys,
          std::string returning = "")
      : table_(std::move(table)),
        key_(std::move(key)),
        columns_(std::move(columns)),
        explicit_keys_(explicit_keys && !key_.empty()),
        params_(params + (explicit_keys_ ? 1 : 0)),
        returning_(std::move(returning)) {}
  // Reads the largest id in use (of every company: ids are unique across them).
  void start(ov::storage::Session& s) {
    if (!explicit_keys_) return;
    last_id_ = s.query_i64("SELECT COALESCE(MAX(" + key_ + "), 0) FROM " + table_).value_or(0);
  }
  // Starts a row: its id first, when the seeder gives it.
  void key(ov::storage::Sql& q) {
    if (explicit_keys_) q.bind(++last_id_);
  }
  const std::string& sql(std::size_t rows) {
    auto& sql = cache_[rows];
    if (!sql.empty()) return sql;
    sql.append("INSERT INTO ").append(table_).append(" (");
    if (explicit_keys_) sql.append(key_).append(", ");
    sql.append(columns_).append(") VALUES ");
    std::string one = "(";
    for (int i = 0; i < params_; ++i) one.append(i ? ", ?" : "?");
    one.append(")");
    for (std::size_t r = 0; r < rows; ++r) {
      if (r) sql.append(", ");
      sql.append(one);
    }
    sql.append(returning_);
    return sql;
  }

 private:
  std::string table_, key_, columns_;
  bool explicit_keys_;
  int params_;
  std::string returning_;
  std::int64_t last_id_ = 0;
  std::map<std::size_t, std::string> cache_;
};

// Lines, many documents' to a statement.
class LineWriter {
 public:
  LineWriter(ov::storage::Session& s, Inserts& sql, const Columns<doc::DocumentLine>& columns)
      : s_(s), sql_(sql), columns_(columns) {}
  void add(const doc::DocumentLine& line) {
    columns_.bind(params_, line);
    if (++pending_ == kLinesPerInsert) flush();
  }
  void flush() {
    if (pending_) s_.exec(sql_.sql(pending_), params_.params());
    params_ = ov::storage::Sql();
    pending_ = 0;
  }

 private:
  ov::storage::Session& s_;
  Inserts& sql_;
  const Columns<doc::DocumentLine>& columns_;
  ov::storage::Sql params_;
  std::size_t pending_ = 0;
};

// --- Requests, and what the upserts store for them
// ------------------------------------------------

// A document line as a client sends it: amounts as decimal text.
struct LineSeed {
  std::size_t product = 0;  // in the catalogue
  std::string qty;
  std::optional<bool> discount_type;
  std::optional<std::string> discount_value;
  std::optional<std::string> wht;
  std::optional<std::string> description;
  bool is_shipping = true;  // sales orders
};

// The shared body of both upserts (§4.9), as sent.
struct DocSeed {
  std::string subject;
  std::size_t customer = 0, staff = 0;
  UnixSeconds date = 0;  // local midnight
  bool vat = true, include_vat = false;
  std::vector<LineSeed> lines;
  std::optional<bool> discount_type;
  std::optional<std::string> discount_value, discount_name;
  std::optional<std::string> currency, payment_term, recipient_name, recipient_address, remark;
};

struct QuotationSeed {
  DocSeed doc;
  int status = qt::kDraft;
  UnixSeconds valid_until = 0;
  std::optional<std::string> note, contact;
};

struct ExtraDiscountSeed {
  std::string name;
  bool percent = true;
  std::string value;
};
struct SalesOrderSeed {
  DocSeed doc;
  int status = so::kDraft;
  std::optional<std::string> warehouse, note, private_note, reference;
  std::vector<ExtraDiscountSeed> discounts;
  bool schedule = false;  // two instalments of 50 % of the grand total, due 30 and 60 days on
};

// What the documents name, as the upserts find them (refs::, the server's own look-ups).
struct Refs {
  std::vector<ov::refs::CustomerRef> customers;
  std::vector<ov::refs::EmployeeRef> staff;
  std::vector<std::string> staff_codes;
  std::vector<ov::refs::ProductRef> products;
  std::vector<bool> services;
  Decimal vat_rate;
  std::int64_t quotation_template = 0, sales_order_template = 0;
};

Decimal text(const std::string& t) {
  auto d = Decimal::parse(t, Decimal::kMaxScale);
  if (!d) throw std::logic_error("not a decimal: " + t);
  return *d;
}

// apply_document (documents.cpp) for a body this seeder sends: the customer, the staff, the
// lines with what they leave out taken from their products, and the totals of §4.9.1 with
// `extras` after the header discount.
doc::Totals apply(const Refs& refs, int type, const DocSeed& in,
                  std::span<const doc::Discount> extras, doc::DocumentRecord& d) {
  const auto& customer = refs.customers[in.customer];
  d.customer_id = customer.customer_id;
  d.customer_code = customer.customer_code;
  const auto& staff = refs.staff[in.staff];
  d.staff_user_id = staff.user_id;
  d.staff_code = staff.staff_code.value_or(refs.staff_codes[in.staff]);
  d.subject = in.subject;
  d.document_date = in.date;
  d.vat_calculation = in.vat;
  d.include_vat = in.include_vat;
  d.discount_type = in.discount_type;
  d.discount_value.reset();
  if (in.discount_value) d.discount_value = text(*in.discount_value);
  d.discount_name = in.discount_name;
  d.payment_term = in.payment_term;
  d.recipient_name = in.recipient_name;
  d.recipient_address = in.recipient_address;
  d.remark = in.remark;
  d.currency_code = in.currency.value_or(std::string(doc::kDefaultCurrency));
  d.header_template_id =
      type == doc::kQuotation ? refs.quotation_template : refs.sales_order_template;
  std::vector<doc::LineAmounts> amounts;
  d.lines.clear();
  for (std::size_t i = 0; i < in.lines.size(); ++i) {
    const auto& l = in.lines[i];
    const auto& product = refs.products[l.product];
    doc::DocumentLine line;
    line.company_id = d.company_id;
    line.document_type = type;
    line.position = static_cast<std::int64_t>(i);
    line.product_id = product.product_id;
    line.product_code = product.product_code;
    line.product_name = product.product_name;
    line.price =
        Decimal::parse(product.default_price, ov::api::kMoneyScale).value_or(Decimal::of(0));
    line.qty = text(l.qty);
    line.product_unit_name = product.unit_name;
    line.product_description = l.description;
    line.discount_type = l.discount_type;
    if (l.discount_value) line.discount_value = text(*l.discount_value);
    line.vat_tax_value = d.vat_calculation ? refs.vat_rate : Decimal::of(0);
    if (l.wht) line.wh_tax_value = text(*l.wht);
    line.unit_id = product.unit_id;
    line.is_shipping = type == doc::kSalesOrder ? l.is_shipping : true;
    amounts.push_back({line.qty,
                       line.price,
                       {line.discount_type, line.discount_value},
                       line.wh_tax_value.value_or(Decimal::of(0))});
    d.lines.push_back(std::move(line));
  }
  auto totals =
      doc::compute_totals(amounts, {d.discount_type, d.discount_value}, extras,
                          {d.vat_calculation, d.include_vat, refs.vat_rate},
                          {type == doc::kQuotation ? "quotationDetails" : "salesOrderDetails"});
  for (std::size_t i = 0; i < d.lines.size(); ++i) d.lines[i].total_price = totals.line_totals[i];
  d.sub_total = totals.sub_total;
  d.sub_total_with_discount = totals.sub_total_with_discount;
  d.total_vat = totals.total_vat;
  d.grand_total = totals.grand_total;
  d.total_wht = totals.total_wht;
  return totals;
}

// --- The bodies of the upserts -----------------------------------------------------------------

std::string ymd(const ov::core::TimeZone& zone, UnixSeconds t) {
  const auto l = zone.to_local(t);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", l.year, l.month, l.day);
  return out;
}

void write_opt(ov::api::JsonWriter& w, const char* key, const std::optional<std::string>& v) {
  if (!v) return;
  ov::api::write_key(w, key);
  ov::api::write_string(w, *v);
}
void write_text(ov::api::JsonWriter& w, const char* key, const std::string& v) {
  ov::api::write_key(w, key);
  ov::api::write_string(w, v);
}
void write_bool(ov::api::JsonWriter& w, const char* key, bool v) {
  ov::api::write_key(w, key);
  w.Bool(v);
}

// The shared body, under the document's names. Amounts and quantities as exact decimal
// strings, which the server keeps at their scale.
void write_doc(ov::api::JsonWriter& w, const Refs& refs, const ov::core::TimeZone& zone,
               const DocSeed& d, bool order) {
  write_text(w, order ? "salesOrderSubject" : "quotationSubject", d.subject);
  write_text(w, "customerCode", refs.customers[d.customer].customer_code);
  write_text(w, "staffCode", refs.staff_codes[d.staff]);
  write_text(w, order ? "salesOrderDate" : "quotationDate", ymd(zone, d.date));
  write_bool(w, "vatCalculation", d.vat);
  if (d.include_vat) write_bool(w, "isIncludeVat", true);
  ov::api::write_key(w, order ? "salesOrderDetails" : "quotationDetails");
  w.StartArray();
  for (const auto& l : d.lines) {
    w.StartObject();
    write_text(w, "productCode", refs.products[l.product].product_code);
    write_text(w, "qty", l.qty);
    write_opt(w, "productDescription", l.description);
    if (l.discount_type) write_bool(w, "discountType", *l.discount_type);
    write_opt(w, "discountValue", l.discount_value);
    write_opt(w, order ? "whtTaxValue" : "whTaxValue", l.wht);
    if (order && !l.is_shipping) write_bool(w, "isShipping", false);
    w.EndObject();
  }
  w.EndArray();
  if (d.discount_type) write_bool(w, "discountType", *d.discount_type);
  write_opt(w, "discountValue", d.discount_value);
  write_opt(w, "discountName", d.discount_name);
  write_opt(w, "currencyCode", d.currency);
  write_opt(w, "paymentTerm", d.payment_term);
  write_opt(w, "recipientName", d.recipient_name);
  write_opt(w, "recipientAddress", d.recipient_address);
  write_opt(w, "remark", d.remark);
}

std::string quotation_body(const Refs& refs, const ov::core::TimeZone& zone,
                           const QuotationSeed& q) {
  std::string out;
  ov::api::StringSink sink(out);
  ov::api::JsonWriter w(sink);
  w.StartObject();
  write_doc(w, refs, zone, q.doc, false);
  ov::api::write_key(w, "quotationStatus");
  w.Int(q.status);
  write_text(w, "quotationValidUntil", ymd(zone, q.valid_until));
  write_opt(w, "quotationNote", q.note);
  write_opt(w, "contactName", q.contact);
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::string sales_order_body(const Refs& refs, const ov::core::TimeZone& zone,
                             const SalesOrderSeed& o) {
  std::string out;
  ov::api::StringSink sink(out);
  ov::api::JsonWriter w(sink);
  w.StartObject();
  write_doc(w, refs, zone, o.doc, true);
  ov::api::write_key(w, "salesOrderStatus");
  w.Int(o.status);
  write_opt(w, "warehouseCode", o.warehouse);
  write_opt(w, "salesOrderNote", o.note);
  write_opt(w, "privateNote", o.private_note);
  write_opt(w, "referenceNo", o.reference);
  if (!o.discounts.empty()) {
    ov::api::write_key(w, "discounts");
    w.StartArray();
    for (const auto& d : o.discounts) {
      w.StartObject();
      write_text(w, "discountName", d.name);
      write_bool(w, "discountType", d.percent);
      write_text(w, "discountValue", d.value);
      w.EndObject();
    }
    w.EndArray();
  }
  if (o.schedule) {
    ov::api::write_key(w, "payment");
    w.StartObject();
    ov::api::write_key(w, "valueType");
    w.Int(so::kPercentOfTotal);
    ov::api::write_key(w, "schedulePayments");
    w.StartArray();
    for (int n = 1; n <= 2; ++n) {
      w.StartObject();
      ov::api::write_key(w, "installmentNumber");
      w.Int(n);
      write_text(w, "installmentValue", "50");
      write_text(w, "installmentDueDate", ymd(zone, o.doc.date + n * 30 * kDay));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndObject();
  out.push_back('\n');
  return out;
}

// --- The seeding ---------------------------------------------------------------------------------

// The company's days of 2025: each local midnight (and 2026-01-01's), and the month of each.
struct Year {
  std::vector<UnixSeconds> midnight;  // 366: the last is 2026-01-01
  std::vector<int> month;             // 0..11, one per day of 2025
};
Year year_of(const ov::core::TimeZone& zone) {
  Year y;
  for (int m = 1; m <= 12; ++m) {
    for (int d = 1; d <= 31; ++d) {
      auto t = zone.from_local(2025, m, d, 0, 0, 0);
      if (!t || zone.to_local(*t).month != m) break;
      y.midnight.push_back(*t);
      y.month.push_back(m - 1);
    }
  }
  y.midnight.push_back(*zone.from_local(2026, 1, 1, 0, 0, 0));
  return y;
}
// The period (YYMM) of each month of 2025.
constexpr const char* kPeriods[12] = {"2501", "2502", "2503", "2504", "2505", "2506",
                                      "2507", "2508", "2509", "2510", "2511", "2512"};

// When the i-th of `count` documents spread evenly over the year was created: its day, and a
// time between 08:30 and 18:30 of it, rising with i.
struct Moment {
  std::size_t day = 0;
  UnixSeconds at = 0;
};
Moment moment(const Year& y, std::int64_t i, std::int64_t count) {
  const auto days = static_cast<std::int64_t>(y.month.size());
  const auto day = i * days / count;
  const auto first = (day * count + days - 1) / days;
  const auto on_day = ((day + 1) * count + days - 1) / days - first;
  Moment m;
  m.day = static_cast<std::size_t>(day);
  m.at = y.midnight[m.day] + 8 * kHour + 1800 +
         (i - first) * 10 * kHour / std::max<std::int64_t>(on_day, 1);
  return m;
}

class Generator {
 public:
  Generator(const Refs& refs, std::uint64_t seed) : refs_(refs), rng_(seed) {}
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  bool chance(int percent) { return between(1, 100) <= percent; }
  const std::string& pick(const Words& w) {
    return w[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(w.size()) - 1))];
  }
  std::size_t index(std::size_t n) {
    return static_cast<std::size_t>(between(0, static_cast<std::int64_t>(n) - 1));
  }

  LineSeed line(std::size_t product) {
    LineSeed l;
    l.product = product;
    // Whole quantities mostly, a half now and then (cable by the roll, days of training).
    const auto qty = between(1, 20);
    l.qty = chance(5) ? std::to_string(qty) + ".5" : std::to_string(qty);
    const auto d = between(1, 100);
    if (d <= 15) {
      l.discount_type = true;
      l.discount_value = pick({"5", "10", "2.5"});
    } else if (d <= 25) {
      l.discount_type = false;
      l.discount_value = pick({"50", "100"});
    }
    if (refs_.services[product] && chance(50)) l.wht = "3";
    if (chance(15)) l.description = pick(kDescriptions);
    return l;
  }

  DocSeed document(const Words& subjects, UnixSeconds date, std::size_t lines, bool distinct) {
    DocSeed d;
    d.subject = pick(subjects);
    d.customer = index(refs_.customers.size());
    d.staff = index(refs_.staff.size());
    d.date = date;
    d.vat = chance(90);
    d.include_vat = d.vat && chance(15);
    std::vector<std::size_t> products(refs_.products.size());
    for (std::size_t p = 0; p < products.size(); ++p) products[p] = p;
    if (distinct) std::shuffle(products.begin(), products.end(), rng_);
    for (std::size_t n = 0; n < lines; ++n) {
      d.lines.push_back(line(distinct ? products[n] : index(products.size())));
    }
    const auto h = between(1, 100);
    if (h <= 12) {
      d.discount_name = "ส่วนลดพิเศษ";
      d.discount_type = true;
      d.discount_value = pick({"5", "10"});
    } else if (h <= 20) {
      d.discount_name = "ส่วนลดท้ายบิล";
      d.discount_type = false;
      d.discount_value = pick({"100", "200"});
    }
    if (chance(3)) d.currency = "USD";
    if (chance(50)) d.payment_term = pick(kPaymentTerms);
    if (chance(20)) {
      d.recipient_name = pick(kContacts);
      d.recipient_address = kRecipientAddress;
    }
    if (chance(20)) d.remark = pick(kRemarks);
    return d;
  }

  QuotationSeed quotation(UnixSeconds date) {
    QuotationSeed q;
    q.doc = document(kQuotationSubjects, date, static_cast<std::size_t>(between(1, 5)), false);
    const auto s = between(1, 100);
    q.status = s <= 10   ? qt::kDraft
               : s <= 18 ? qt::kAwaitingApproval
               : s <= 25 ? qt::kAwaitingSending
               : s <= 50 ? qt::kSent
               : s <= 80 ? qt::kCompleted
               : s <= 88 ? qt::kRejected
                         : qt::kCancelled;
    constexpr int kValidity[] = {15, 30, 30, 60};
    q.valid_until = date + kValidity[between(0, 3)] * kDay;
    if (chance(30)) q.note = pick(kNotes);
    if (chance(40)) q.contact = pick(kContacts);
    return q;
  }

  SalesOrderSeed sales_order(UnixSeconds date) {
    SalesOrderSeed o;
    o.doc = document(kOrderSubjects, date, kSalesOrderLines, true);
    for (auto& l : o.doc.lines) l.is_shipping = !refs_.services[l.product];
    const auto s = between(1, 100);
    o.status = s <= 10   ? so::kDraft
               : s <= 25 ? so::kWaitingApproval
               : s <= 85 ? so::kApproved
               : s <= 90 ? so::kRejected
                         : so::kCancelled;
    if (chance(50)) o.warehouse = kWarehouse;
    if (chance(30)) o.note = pick(kNotes);
    if (chance(10)) o.private_note = pick(kPrivateNotes);
    if (chance(30)) o.reference = "PO-" + std::to_string(between(100000, 999999));
    if (chance(20)) o.discounts.push_back({"โปรโมชั่นประจำเดือน", true, "2"});
    o.schedule = chance(40);
    return o;
  }

 private:
  const Refs& refs_;
  std::mt19937_64 rng_;
};

using ov::bench::PlanningSession;

const ov::core::TimeZone& company_zone(ov::storage::Session& s, std::int64_t company) {
  auto rows = s.query("SELECT timezone FROM companies WHERE company_id = ?", {company});
  if (rows.next()) {
    if (const auto* zone = ov::core::TimeZone::find(rows.text(0))) return *zone;
  }
  return ov::core::TimeZone::bangkok();
}

int print_enquiry_plan(const char* url, std::int64_t company, int status, const std::string& day) {
  auto db = ov::storage::open_database(url);
  db->read_now([&](ov::storage::Session& s) {
    const auto& zone = company_zone(s, company);
    const auto date = ov::core::parse_datetime(day, zone);
    if (!date) throw std::runtime_error("not a date: " + day);
    // The local day, as the route reads quotationDate.
    qt::EnquiryInput in;
    in.status = status;
    in.day_start = ov::core::local_midnight(*date, zone);
    in.take = 50;
    PlanningSession planning(s);
    qt::QuotationRepository(planning).enquiry(company, in);
  });
  db->close();
  return 0;
}

int print_get_plan(const char* url, std::int64_t company, const std::string& no) {
  auto db = ov::storage::open_database(url);
  db->read_now([&](ov::storage::Session& s) {
    PlanningSession planning(s);
    so::SalesOrderRepository(planning).find(company, std::nullopt, no);
  });
  db->close();
  return 0;
}

// The staff, customers and products, through the sections' own write paths, and the references
// as the upserts find them.
Refs seed_refs(ov::storage::Session& s, std::int64_t company, UnixSeconds now,
               const ov::core::TimeZone& zone, std::ostream& out) {
  Refs refs;
  Words staff_codes = {"staff01", "staff02", "Admin01", "STAFF-001", "00004"};
  for (int i = 1; i <= kStaff; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "SALE%02d", i);
    ov::employees::NewEmployee e;
    e.first_name = kFirstNames[static_cast<std::size_t>(i - 1)];
    e.last_name = kLastNames[static_cast<std::size_t>(i % 10)];
    e.staff_code = code;
    e.team = "Project sales " + std::to_string(1 + i % 4);
    e.position = "Sales executive";
    ov::employees::add_employee(s, company, e, now);
    staff_codes.push_back(code);
  }
  Words customer_codes = {"daisy", "C000154", "C000349", "C000055", "CUST-001", "C000001"};
  for (int i = 1; i <= kCustomers; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "CUS%04d", i);
    ov::customers::CustomerRecord c;
    c.company_id = company;
    c.customer_code = code;
    c.customer_name = kCustomerNames[static_cast<std::size_t>(i - 1)];
    char tax[16];
    std::snprintf(tax, sizeof tax, "01055560%05d", i);
    c.tax_no = tax;
    c.branch_code = "00000";
    ov::customers::Address a;
    a.location_name = "Head office";
    a.location = kRecipientAddress;
    a.created_by_user_id = ov::demo::kApiUserId;
    a.date_created = now;
    c.addresses.push_back(std::move(a));
    c.date_acquired = c.date_created = c.date_modified = now;
    c.created_by_user_id = c.modified_by_user_id = ov::demo::kApiUserId;
    ov::customers::insert_customer(s, c);
    customer_codes.push_back(code);
  }
  const ov::core::Caller caller{company, ov::demo::kApiUserId, &zone};
  ov::webhooks::Outbox events(s, company, now, zone);
  Words product_codes = {"A001", "A002", "A003", "AB00025dddd", "PRD-001", "PRD-002", "PD002"};
  std::vector<bool> services(product_codes.size(), false);
  for (std::size_t i = 0; i < kProducts.size(); ++i) {
    const auto& p = kProducts[i];
    char code[16];
    std::snprintf(code, sizeof code, "SKU-%03d", static_cast<int>(i + 1));
    ov::products::ProductInput in;
    in.product_code = code;
    in.product_name = p.name;
    in.category = p.category;
    in.cost = *Decimal::parse(p.price, 2) * *Decimal::parse("0.7", 1);
    in.cost = in.cost.rounded(2);
    ov::products::PriceInput tier;
    tier.price_tier_name = "Retail";
    tier.regular_price = *Decimal::parse(p.price, 2);
    tier.use_default_vat = true;
    in.prices = {tier};
    in.product_unit_name = p.unit;
    ov::products::save_product(s, caller, in, now, events);
    product_codes.push_back(code);
    services.push_back(is_service(p));
  }
  for (const auto& code : staff_codes) {
    auto e = ov::refs::find_employee_by_staff_code(s, company, code);
    if (!e) throw std::runtime_error("no employee " + code + " (not a demo company?)");
    refs.staff.push_back(*e);
    refs.staff_codes.push_back(code);
    out << "staff " << code << "\n";
  }
  for (const auto& code : customer_codes) {
    auto c = ov::refs::find_customer_ref(s, company, code);
    if (!c) throw std::runtime_error("no customer " + code + " (not a demo company?)");
    refs.customers.push_back(*c);
    out << "customer " << c->customer_code << "\n";
  }
  for (const auto& code : product_codes) {
    auto p = ov::refs::find_product_ref(s, company, code);
    if (!p || !p->active) throw std::runtime_error("no product " + code + " (not a demo company?)");
    refs.products.push_back(*p);
    out << "product " << p->product_code << " " << p->default_price << "\n";
  }
  refs.services = services;
  refs.vat_rate = doc::vat_rate(s, company);
  refs.quotation_template = doc::default_template(s, company, doc::kQuotation);
  refs.sales_order_template = doc::default_template(s, company, doc::kSalesOrder);
  return refs;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::string_view(argv[1]) == "--plan") {
    return print_enquiry_plan(argv[2], std::stoll(argv[3]), std::stoi(argv[4]), argv[5]);
  }
  if (argc == 5 && std::string_view(argv[1]) == "--plan-get") {
    return print_get_plan(argv[2], std::stoll(argv[3]), argv[4]);
  }
  if (argc != 5 && argc != 7) {
    std::cerr << "usage: " << argv[0]
              << " <db-url> <company-id> [<quotations> <sales-orders>] <numbers-file> "
                 "<bodies-dir>\n"
              << "       " << argv[0] << " --plan <db-url> <company-id> <status> <YYYY-MM-DD>\n"
              << "       " << argv[0] << " --plan-get <db-url> <company-id> <sales-order-no>\n";
    return 2;
  }
  const std::int64_t company = std::stoll(argv[2]);
  const std::int64_t quotations = argc == 7 ? std::stoll(argv[3]) : kDefaultQuotations;
  const std::int64_t orders = argc == 7 ? std::stoll(argv[4]) : kDefaultSalesOrders;
  if (quotations < 1 || quotations > kMaxCount || orders < 1 || orders > kMaxCount) {
    std::cerr << "counts must be between 1 and " << kMaxCount << " (Q/SO+YYMM+5 digits a month)\n";
    return 2;
  }
  const std::string bodies = argv[argc - 1];
  std::ofstream out(argv[argc - 2]);
  auto db = ov::storage::open_database(argv[1]);
  const bool explicit_keys = db->backend() == "sqlite";
  const UnixSeconds now = ov::core::SystemClock().now();

  const ov::core::TimeZone* zone = nullptr;
  Refs refs;
  db->write_now([&](ov::storage::Session& s) {
    zone = &company_zone(s, company);
    refs = seed_refs(s, company, now, *zone, out);
  });
  const Year year = year_of(*zone);
  const std::string admin = ov::demo::kApiUserId;
  Generator gen(refs, 20250101);

  const Columns<qt::QuotationRecord> quotation_columns{
      ov::core::Fields<qt::QuotationRecord>(qt::kQuotationFields)};
  const Columns<so::SalesOrderRecord> order_columns{
      ov::core::Fields<so::SalesOrderRecord>(so::kSalesOrderFields)};
  const Columns<doc::DocumentLine> line_columns{
      ov::core::Fields<doc::DocumentLine>(doc::kLineColumns)};
  const Columns<so::Discount> discount_columns{ov::core::Fields<so::Discount>(so::kDiscountFields)};
  const Columns<so::Installment> installment_columns{
      ov::core::Fields<so::Installment>(so::kInstallmentFields)};
  Inserts quotations_sql("quotations", "quotation_id", quotation_columns.names(),
                         quotation_columns.count(), explicit_keys,
                         " RETURNING quotation_id, quotation_no");
  Inserts orders_sql("sales_orders", "sales_order_id", order_columns.names(), order_columns.count(),
                     explicit_keys, " RETURNING sales_order_id, sales_order_no");
  Inserts lines_sql("document_lines", "", line_columns.names(), line_columns.count(), false);
  Inserts discounts_sql("sales_order_discounts", "", discount_columns.names(),
                        discount_columns.count(), false);
  Inserts installments_sql("sales_order_installments", "", installment_columns.names(),
                           installment_columns.count(), false);
  db->read_now([&](ov::storage::Session& s) {
    quotations_sql.start(s);
    orders_sql.start(s);
  });

  // --- Quotations ---
  std::int64_t quotation_no[12] = {}, reference_no[12] = {};
  std::optional<QuotationSeed> resaved_quotation;
  std::string resaved_quotation_no;
  std::vector<qt::QuotationRecord> rows;
  std::vector<QuotationSeed> seeds;
  for (std::int64_t done = 0; done < quotations;) {
    const std::int64_t batch_end = std::min(quotations, done + kBatch);
    db->write_now([&](ov::storage::Session& s) {
      LineWriter lines(s, lines_sql, line_columns);
      for (std::int64_t i = done; i < batch_end;) {
        rows.clear();
        seeds.clear();
        for (; i < batch_end && rows.size() < kRowsPerInsert; ++i) {
          const auto when = moment(year, i, quotations);
          const int month = year.month[when.day];
          auto seed = gen.quotation(year.midnight[when.day]);
          qt::QuotationRecord q;
          q.company_id = company;
          q.status = seed.status;
          // A header amount discount over what the lines add up to is refused (§4.9.1): such a
          // document is sent without it.
          try {
            apply(refs, doc::kQuotation, seed.doc, {}, q);
          } catch (const ov::core::ApiError&) {
            seed.doc.discount_type.reset();
            seed.doc.discount_value.reset();
            seed.doc.discount_name.reset();
            apply(refs, doc::kQuotation, seed.doc, {}, q);
          }
          q.valid_until = seed.valid_until;
          q.quotation_note = seed.note;
          q.contact_name = seed.contact;
          q.created_by_user_id = q.updated_by_user_id = admin;
          q.date_created = q.date_updated = when.at;
          // Formatted as the API formats its numbers: Q + YYMM + five digits, DRAFT + YYMM + six.
          q.quotation_no = ov::core::format_number(ov::core::kQuotationNumber, kPeriods[month],
                                                   ++quotation_no[month]);
          q.reference_no = ov::core::format_number(ov::core::kQuotationReference, kPeriods[month],
                                                   ++reference_no[month]);
          // Moved on from draft by later upserts (and Cancel, with its reason).
          if (q.status != qt::kDraft) q.date_updated = when.at + gen.between(1, 240) * kHour;
          if (q.status == qt::kCancelled && gen.chance(50))
            q.cancel_reason = gen.pick(kCancelReasons);
          if (!resaved_quotation && (q.status == qt::kDraft || q.status == qt::kAwaitingApproval)) {
            resaved_quotation = seed;
            resaved_quotation_no = q.quotation_no;
          }
          rows.push_back(std::move(q));
          seeds.push_back(std::move(seed));
        }
        ov::storage::Sql params;
        for (const auto& q : rows) {
          quotations_sql.key(params);
          quotation_columns.bind(params, q);
        }
        {
          std::unordered_map<std::string, std::int64_t> ids;
          auto r = s.query(quotations_sql.sql(rows.size()), params.params());
          while (r.next()) ids.emplace(r.str(1), r.i64(0));
          for (auto& q : rows) q.quotation_id = ids.at(q.quotation_no);
        }
        for (auto& q : rows) {
          for (auto& line : q.lines) {
            line.document_id = q.quotation_id;
            lines.add(line);
          }
        }
        // Before the next statement's rows replace the ones these lines view.
        lines.flush();
        for (const auto& q : rows) {
          out << "quotation " << q.quotation_no << " " << q.quotation_id << " " << q.status << " "
              << ymd(*zone, q.document_date) << "\n";
        }
      }
      lines.flush();
    });
    done = batch_end;
  }

  // --- Sales orders ---
  std::int64_t order_no[12] = {};
  std::optional<SalesOrderSeed> resaved_order;
  std::string resaved_order_no;
  std::vector<so::SalesOrderRecord> orows;
  for (std::int64_t done = 0; done < orders;) {
    const std::int64_t batch_end = std::min(orders, done + kBatch);
    db->write_now([&](ov::storage::Session& s) {
      LineWriter lines(s, lines_sql, line_columns);
      for (std::int64_t i = done; i < batch_end;) {
        orows.clear();
        for (; i < batch_end && orows.size() < kRowsPerInsert; ++i) {
          const auto when = moment(year, i, orders);
          const int month = year.month[when.day];
          auto seed = gen.sales_order(year.midnight[when.day]);
          so::SalesOrderRecord o;
          o.company_id = company;
          o.status = seed.status;
          // The extra discounts after the header's, as apply_content gives them.
          std::vector<doc::Discount> extras;
          for (const auto& d : seed.discounts) extras.push_back({d.percent, text(d.value)});
          doc::Totals totals;
          try {
            totals = apply(refs, doc::kSalesOrder, seed.doc, extras, o);
          } catch (const ov::core::ApiError&) {
            seed.doc.discount_type.reset();
            seed.doc.discount_value.reset();
            seed.doc.discount_name.reset();
            totals = apply(refs, doc::kSalesOrder, seed.doc, extras, o);
          }
          for (std::size_t d = 0; d < seed.discounts.size(); ++d) {
            so::Discount x;
            x.company_id = company;
            x.position = static_cast<std::int64_t>(d);
            x.discount_name = seed.discounts[d].name;
            x.discount_type = seed.discounts[d].percent;
            x.discount_value = text(seed.discounts[d].value);
            x.discount_amount = totals.extra_discounts[d];
            o.discounts.push_back(std::move(x));
          }
          o.warehouse_code = seed.warehouse;
          // A line ships from the order's warehouse unless it names its own.
          for (auto& line : o.lines) line.warehouse_code = o.warehouse_code;
          o.sales_order_note = seed.note;
          o.private_note = seed.private_note;
          o.reference_no = seed.reference;
          if (seed.schedule) {
            // Two instalments of 50 %: the first rounded half-up, the last taking the rest.
            o.payment_value_type = so::kPercentOfTotal;
            const auto half = Decimal::divide(o.grand_total * Decimal::of(50), Decimal::of(100), 2);
            for (int n = 1; n <= 2; ++n) {
              so::Installment x;
              x.company_id = company;
              x.installment_number = n;
              x.installment_value = text("50");
              x.installment_amount = n == 1 ? half : o.grand_total - half;
              x.installment_due_date = seed.doc.date + n * 30 * kDay;
              o.installments.push_back(std::move(x));
            }
          }
          o.created_by_user_id = o.updated_by_user_id = admin;
          o.date_created = o.date_updated = when.at;
          o.sales_order_no = ov::core::format_number(ov::core::kSalesOrderNumber, kPeriods[month],
                                                     ++order_no[month]);
          if (o.status != so::kDraft) o.date_updated = when.at + gen.between(1, 72) * kHour;
          if (o.status == so::kApproved) {
            o.approved_by_user_id = admin;
            o.date_approved = o.date_updated;
            // The first instalment paid, a week or more after the approval, now and then.
            if (!o.installments.empty() && gen.chance(50)) {
              o.installments[0].status = so::kPaid;
              o.installments[0].date_paid = *o.date_approved + gen.between(7, 30) * kDay;
              o.date_updated = *o.installments[0].date_paid;
            }
          }
          if (o.status == so::kRejected) o.reject_reason = gen.pick(kRejectReasons);
          if (!resaved_order && (o.status == so::kDraft || o.status == so::kWaitingApproval)) {
            resaved_order = seed;
            resaved_order_no = o.sales_order_no;
          }
          orows.push_back(std::move(o));
        }
        ov::storage::Sql params;
        for (const auto& o : orows) {
          orders_sql.key(params);
          order_columns.bind(params, o);
        }
        {
          std::unordered_map<std::string, std::int64_t> ids;
          auto r = s.query(orders_sql.sql(orows.size()), params.params());
          while (r.next()) ids.emplace(r.str(1), r.i64(0));
          for (auto& o : orows) o.sales_order_id = ids.at(o.sales_order_no);
        }
        for (auto& o : orows) {
          for (auto& line : o.lines) {
            line.document_id = o.sales_order_id;
            lines.add(line);
          }
        }
        lines.flush();
        // Discounts and instalments: at most 200 discounts (× 7 parameters) and 400 instalments
        // (× 8) a statement.
        ov::storage::Sql discounts, installments;
        std::size_t n_discounts = 0, n_installments = 0;
        for (auto& o : orows) {
          for (auto& d : o.discounts) {
            d.sales_order_id = o.sales_order_id;
            discount_columns.bind(discounts, d);
            ++n_discounts;
          }
          for (auto& x : o.installments) {
            x.sales_order_id = o.sales_order_id;
            installment_columns.bind(installments, x);
            ++n_installments;
          }
        }
        if (n_discounts) s.exec(discounts_sql.sql(n_discounts), discounts.params());
        if (n_installments) s.exec(installments_sql.sql(n_installments), installments.params());
        for (const auto& o : orows) {
          out << "salesorder " << o.sales_order_no << " " << o.sales_order_id << " " << o.status
              << " " << o.lines.size() << "\n";
        }
      }
      lines.flush();
    });
    done = batch_end;
  }

  db->write_now([&](ov::storage::Session& s) {
    for (int m = 0; m < 12; ++m) {
      if (quotation_no[m]) {
        ov::storage::continue_sequence_after(s, company, ov::core::kQuotationNumber, kPeriods[m],
                                             quotation_no[m]);
        ov::storage::continue_sequence_after(s, company, ov::core::kQuotationReference, kPeriods[m],
                                             reference_no[m]);
      }
      if (order_no[m]) {
        ov::storage::continue_sequence_after(s, company, ov::core::kSalesOrderNumber, kPeriods[m],
                                             order_no[m]);
      }
    }
  });
  // PostgreSQL plans by its statistics, which autovacuum gathers some time after a bulk load:
  // gathered now, so the measurements do not depend on when it gets to them. (SQLite keeps
  // none unless asked, and the server never asks: its plans there need none.)
  if (db->backend() == "postgres") {
    db->write_now([&](ov::storage::Session& s) {
      s.exec(
          "ANALYZE quotations, sales_orders, document_lines, sales_order_discounts, "
          "sales_order_installments, products, customers, users");
    });
  }
  db->close();

  std::filesystem::create_directories(bodies);
  std::ofstream qbody(bodies + "/quotation.json"), obody(bodies + "/salesorder.json");
  if (resaved_quotation) {
    qbody << quotation_body(refs, *zone, *resaved_quotation);
    out << "resaved quotation " << resaved_quotation_no << "\n";
  }
  if (resaved_order) {
    obody << sales_order_body(refs, *zone, *resaved_order);
    out << "resaved salesorder " << resaved_order_no << "\n";
  }
  out.close();
  if (!out || !qbody || !obody) {
    std::cerr << "could not write " << argv[argc - 2] << " or the bodies in " << bodies << "\n";
    return 1;
  }
  std::cout << "seeded " << kStaff << " employees, " << kCustomers << " customers, "
            << kProducts.size() << " products, " << quotations << " quotations and " << orders
            << " sales orders\n";
  return 0;
}
