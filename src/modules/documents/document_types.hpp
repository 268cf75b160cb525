// What the two money documents share (ENDPOINTS.md §4.9): their lines, the header every
// document carries (customer, staff, dates, discounts, VAT settings, totals, audit), the input
// of both upserts, and the status tables that say which change of status is allowed. The
// Quotation and SalesOrder sections declare their own objects over these records and add
// their own fields and rules.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/money.hpp"
#include "core/time.hpp"
#include "modules/refs.hpp"

namespace ov::documents {

// The document types, as header templates name them (§4.13.1) and as lines are keyed.
inline constexpr int kQuotation = 1;
inline constexpr int kSalesOrder = 2;

// Lines of one document: a long order of a catalogue's items, and a bound on one write.
inline constexpr std::size_t kMaxLines = 200;
// Extra document discounts of a sales order (§4.9.1 rule 3): a few promotions stacked.
inline constexpr std::size_t kMaxDiscounts = 20;
// The currency of a document that names none (the tenants are Thai).
inline constexpr std::string_view kDefaultCurrency = "THB";

// One line of a quotation or a sales order, as stored (document_lines).
struct DocumentLine {
  std::int64_t company_id = 0;
  std::int64_t document_type = kQuotation;
  std::int64_t document_id = 0;
  std::int64_t position = 0;
  std::int64_t product_id = 0;
  std::string product_code;  // as stored on the product
  std::string product_name;
  core::Decimal price;
  core::Decimal qty;
  std::optional<std::string> product_unit_name;
  std::optional<std::string> product_description;
  std::optional<bool> discount_type;
  std::optional<core::Decimal> discount_value;
  core::Decimal vat_tax_value;
  std::optional<core::Decimal> wh_tax_value;
  core::Decimal total_price;
  // Sales orders only.
  std::optional<std::int64_t> unit_id;
  bool is_shipping = true;
  std::optional<std::string> warehouse_code;
};

// What both documents carry; QuotationRecord and SalesOrderRecord derive from it and their
// field tables give these members their JSON names.
struct DocumentRecord {
  std::int64_t company_id = 0;
  int status = 1;
  std::string subject;
  std::int64_t customer_id = 0;
  std::string customer_code;
  std::string staff_user_id;
  std::string staff_code;
  core::UnixSeconds document_date = 0;
  std::optional<std::string> recipient_name;
  std::optional<std::string> recipient_address;
  std::int64_t header_template_id = 0;
  std::optional<std::string> discount_name;
  std::optional<core::Decimal> discount_value;
  std::optional<bool> discount_type;
  std::optional<std::string> remark;
  bool vat_calculation = false;
  bool include_vat = false;
  core::Decimal sub_total;
  core::Decimal sub_total_with_discount;
  core::Decimal grand_total;
  core::Decimal total_vat;
  core::Decimal total_wht;
  std::optional<std::string> reference_no;
  std::string currency_code{kDefaultCurrency};
  std::optional<std::string> payment_term;
  std::optional<std::int64_t> deal_id;
  std::optional<std::string> deal_no;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
  std::string updated_by_user_id;
  core::UnixSeconds date_updated = 0;

  std::vector<DocumentLine> lines;
};

// --- Inputs ------------------------------------------------------------------------------------

// One line of a request; what it leaves out is taken from the product (§4.9.1 rule 6).
struct LineInput {
  std::string product_code;
  std::optional<std::string> product_name;
  std::optional<core::Decimal> price;
  core::Decimal qty;
  std::optional<std::string> product_unit_name;
  std::optional<std::string> product_description;
  std::optional<bool> discount_type;
  std::optional<core::Decimal> discount_value;
  std::optional<core::Decimal> vat_tax_value;
  std::optional<core::Decimal> wh_tax_value;
  // Sales orders only.
  std::optional<std::int64_t> unit_id;
  std::optional<bool> is_shipping;
  std::optional<std::string> warehouse_code;
};

// The body both upserts share. Required fields are always given; of the optional ones an
// absent property keeps what is stored and null clears it (§1.5).
struct DocumentInput {
  std::string subject;
  std::string customer_code;
  std::string staff_code;
  core::UnixSeconds document_date = 0;
  bool vat_calculation = false;
  api::Input<bool> include_vat;
  std::vector<LineInput> lines;
  api::Input<bool> discount_type;
  api::Input<core::Decimal> discount_value;
  api::Input<std::string> discount_name;
  api::Input<std::int64_t> header_template_id;
  api::Input<std::string> currency_code;
  api::Input<std::string> payment_term;
  api::Input<std::string> recipient_name;
  api::Input<std::string> recipient_address;
  api::Input<std::string> remark;
  api::Input<std::string> deal_no;
  api::Input<std::string> reference_no;
  // The lines' products as a read found them before the write (find_products), one per line,
  // so that the writer does not look them up; empty: the write looks them up itself.
  std::vector<std::optional<refs::ProductRef>> products;
};

// The JSON names one document gives the shared body (§4.10.1, §4.11.1).
struct InputNames {
  std::string_view subject;
  std::string_view date;
  std::string_view lines;
  std::string_view wht;            // the line's withholding tax: whTaxValue or whtTaxValue
  std::string_view wht_alias;      // the other spelling, accepted (§6 point 13)
  bool sales_order_lines = false;  // unitId, isShipping, warehouseCode
};

// --- Statuses ------------------------------------------------------------------------------

// One row of a document's status table (§4.9.2, §4.9.3): the statuses an upsert may set from
// `from`.
struct Transition {
  int from;
  std::span<const int> to;
};
// Whether an upsert may move a document from `from` to `to`; `from` 0 is a new document.
inline bool may_move(std::span<const Transition> table, int from, int to) {
  for (const auto& t : table) {
    if (t.from == from) return std::find(t.to.begin(), t.to.end(), to) != t.to.end();
  }
  return false;
}

}  // namespace ov::documents
