#include "modules/documents/documents.hpp"

#include <cctype>

#include "api/bounds.hpp"
#include "api/update.hpp"
#include "core/error.hpp"
#include "modules/refs.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"

namespace ov::documents {

namespace {

using api::Need;
using api::ObjectReader;

// A rate in per cent: VAT and withholding tax.
const core::Decimal kHundred = core::Decimal::of(100);

const storage::Table<DocumentLine> kLines(kLineEntity);

// A rate of per cent with 2 decimals.
api::Input<core::Decimal> read_rate(ObjectReader& r, std::string_view name) {
  return r.decimal(name, Need::kOptional, api::kMoneyScale, core::Decimal::of(0), kHundred);
}

// A currency code: three ASCII letters (ISO 4217), kept in capitals.
api::Input<std::string> read_currency(ObjectReader& r) {
  auto in = r.string("currencyCode", Need::kOptional, 3);
  if (!in) return in;
  auto& code = *in.value;
  bool ok = code.size() == 3;
  for (auto& c : code) {
    ok = ok && std::isalpha(static_cast<unsigned char>(c));
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (!ok) r.problem("currencyCode", "currencyCode must be a three-letter ISO 4217 code");
  return in;
}

// An id where 0 means none, as the documented examples send it (headerTemplateId 0).
api::Input<std::int64_t> read_optional_id(ObjectReader& r, std::string_view name) {
  auto in = r.integer(name, Need::kOptional, 0, api::kMaxId);
  if (in && *in == 0) in.value.reset();
  return in;
}

std::string line_field(const InputNames& names, std::size_t i, std::string_view field) {
  return std::string(names.lines) + "[" + std::to_string(i) + "]." + std::string(field);
}

}  // namespace

api::Input<core::Decimal> read_discount(ObjectReader& r, const api::Input<bool>& type) {
  auto value = r.money("discountValue", Need::kOptional);
  if (value && type && *type && *value > kHundred) {
    r.problem("discountValue",
              r.path("discountValue") + " must be between 0 and 100 for a percent discount");
  }
  return value;
}

api::Input<std::string> string_or_alias(ObjectReader& r, std::string_view name,
                                        std::string_view alias, Need need, std::size_t max_chars) {
  if (!r.find(name) && r.find(alias)) return r.string(alias, need, max_chars);
  return r.string(name, need, max_chars);
}

LineInput read_line(ObjectReader& r, const InputNames& names) {
  LineInput l;
  auto code = r.string("productCode", Need::kRequired, api::kCodeChars);
  l.product_name = r.string("productName", Need::kOptional, api::kNameChars).value;
  l.price = r.money("price", Need::kOptional).value;
  auto qty = r.quantity("qty", Need::kRequired);
  if (qty && qty->is_zero()) r.problem("qty", r.path("qty") + " must be greater than 0");
  l.product_unit_name = r.string("productUnitName", Need::kOptional, api::kNameChars).value;
  // A published sample client misspells it (§6 aliases).
  l.product_description = string_or_alias(r, "productDescription", "productDescriptioin",
                                          Need::kOptional, api::kTextChars)
                              .value;
  auto type = r.boolean("discountType", Need::kOptional);
  l.discount_type = type.value;
  l.discount_value = read_discount(r, type).value;
  l.vat_tax_value = read_rate(r, "vatTaxValue").value;
  // Each document keeps its own spelling; the other is accepted (§6 point 13).
  l.wh_tax_value = (!r.find(names.wht) && r.find(names.wht_alias))
                       ? read_rate(r, names.wht_alias).value
                       : read_rate(r, names.wht).value;
  if (names.sales_order_lines) {
    l.unit_id = read_optional_id(r, "unitId").value;
    l.is_shipping = r.boolean("isShipping", Need::kOptional).value;
    l.warehouse_code = r.string("warehouseCode", Need::kOptional, api::kCodeChars).value;
  }
  if (code) l.product_code = *code.value;
  if (qty) l.qty = *qty.value;
  return l;
}

void read_document(ObjectReader& r, const InputNames& names, const core::TimeZone& zone,
                   DocumentInput& in) {
  auto subject = r.string(names.subject, Need::kRequired, api::kNameChars);
  auto date = r.date(names.date, Need::kRequired, zone);
  auto customer = r.string("customerCode", Need::kRequired, api::kCodeChars);
  auto staff = r.string("staffCode", Need::kRequired, api::kCodeChars);
  auto vat = r.boolean("vatCalculation", Need::kRequired);
  in.include_vat = r.boolean("isIncludeVat", Need::kOptional);
  auto lines = r.object_list(names.lines, Need::kRequired, kMaxLines,
                             [&](ObjectReader& item) { return read_line(item, names); });
  if (lines && lines->empty()) {
    r.problem(names.lines, std::string(names.lines) + " must have at least one line");
  }
  in.discount_type = r.boolean("discountType", Need::kOptional);
  in.discount_value = read_discount(r, in.discount_type);
  in.discount_name = r.string("discountName", Need::kOptional, api::kNameChars);
  in.header_template_id = read_optional_id(r, "headerTemplateId");
  in.currency_code = read_currency(r);
  in.payment_term = r.string("paymentTerm", Need::kOptional, api::kNameChars);
  in.recipient_name = r.string("recipientName", Need::kOptional, api::kNameChars);
  in.recipient_address = r.string("recipientAddress", Need::kOptional, api::kTextChars);
  in.remark = r.string("remark", Need::kOptional, api::kTextChars);
  in.deal_no = r.string("dealNo", Need::kOptional, api::kCodeChars);
  in.reference_no = r.string("referenceNo", Need::kOptional, api::kCodeChars);
  if (subject) in.subject = *subject.value;
  if (date) in.document_date = *date.value;
  if (customer) in.customer_code = *customer.value;
  if (staff) in.staff_code = *staff.value;
  if (vat) in.vat_calculation = *vat.value;
  if (lines) in.lines = std::move(*lines.value);
}

core::Decimal vat_rate(storage::Session& s, std::int64_t company_id) {
  auto rows = s.query("SELECT vat_rate FROM companies WHERE company_id = ?", {company_id});
  if (!rows.next()) return core::Decimal::of(7);
  auto rate = core::Decimal::parse(rows.str(0), core::Decimal::kMaxScale);
  return rate ? *rate : core::Decimal::of(7);
}

std::int64_t default_template(storage::Session& s, std::int64_t company_id, int document_type) {
  auto id = s.query_i64(
      "SELECT header_template_id FROM header_template_defaults WHERE company_id = ? AND "
      "document_type = ?",
      {company_id, std::int64_t{document_type}});
  if (!id) throw core::business_rule("The company has no default header template for this type");
  return *id;
}

Totals apply_document(storage::Session& s, int document_type, DocumentRecord& d,
                      const DocumentInput& in, const InputNames& names,
                      std::span<const Discount> extras) {
  const auto company = d.company_id;
  const auto customer = refs::require_active_customer(s, company, in.customer_code);
  d.customer_id = customer.customer_id;
  d.customer_code = customer.customer_code;
  const auto staff = refs::require_employee_by_staff_code(s, company, in.staff_code, "staffCode");
  d.staff_user_id = staff.user_id;
  d.staff_code = staff.staff_code.value_or(in.staff_code);
  d.subject = in.subject;
  d.document_date = in.document_date;
  d.vat_calculation = in.vat_calculation;
  if (in.include_vat.present) d.include_vat = in.include_vat.value.value_or(false);
  api::patch(d.discount_type, in.discount_type);
  api::patch(d.discount_value, in.discount_value);
  api::patch(d.discount_name, in.discount_name);
  api::patch(d.payment_term, in.payment_term);
  api::patch(d.recipient_name, in.recipient_name);
  api::patch(d.recipient_address, in.recipient_address);
  api::patch(d.remark, in.remark);
  if (in.currency_code.present) {
    d.currency_code = in.currency_code.value.value_or(std::string(kDefaultCurrency));
  }
  if (in.header_template_id) {
    const auto id = *in.header_template_id;
    auto found = s.query_i64(
        "SELECT header_template_id FROM header_templates WHERE company_id = ? AND "
        "header_template_id = ? AND document_type = ? AND is_active = 1",
        {company, id, std::int64_t{document_type}});
    if (!found) {
      throw core::not_found("headerTemplateId " + std::to_string(id) + " was not found");
    }
    d.header_template_id = id;
  } else if (in.header_template_id.present || d.header_template_id == 0) {
    d.header_template_id = default_template(s, company, document_type);
  }
  if (in.deal_no.present) {
    if (in.deal_no) {
      auto deal = refs::find_deal_ref(s, company, *in.deal_no);
      if (!deal) throw core::not_found("dealNo " + *in.deal_no + " was not found");
      d.deal_id = deal->id;
      d.deal_no = deal->number;
    } else {
      d.deal_id.reset();
      d.deal_no.reset();
    }
  }

  // The lines, with what they leave out taken from their products.
  const auto rate = vat_rate(s, company);
  std::vector<core::FieldProblem> problems;
  std::vector<LineAmounts> amounts;
  d.lines.clear();
  for (std::size_t i = 0; i < in.lines.size(); ++i) {
    const auto& l = in.lines[i];
    auto product = in.products.size() == in.lines.size()
                       ? in.products[i]
                       : refs::find_product_ref(s, company, l.product_code);
    if (!product || !product->active) {
      const auto field = line_field(names, i, "productCode");
      throw core::not_found(field + " " + l.product_code + " was not found");
    }
    DocumentLine line;
    line.company_id = company;
    line.document_type = document_type;
    line.position = static_cast<std::int64_t>(i);
    line.product_id = product->product_id;
    line.product_code = product->product_code;
    line.product_name = l.product_name.value_or(product->product_name);
    line.price = l.price ? *l.price
                         : core::Decimal::parse(product->default_price, api::kMoneyScale)
                               .value_or(core::Decimal::of(0));
    line.qty = l.qty;
    line.product_unit_name = l.product_unit_name ? l.product_unit_name : product->unit_name;
    line.product_description = l.product_description;
    line.discount_type = l.discount_type;
    line.discount_value = l.discount_value;
    // One VAT rate per document: the company's, or none (§4.9.1 rule 4).
    const auto vat = d.vat_calculation ? rate : core::Decimal::of(0);
    if (l.vat_tax_value && *l.vat_tax_value != vat) {
      const auto field = line_field(names, i, "vatTaxValue");
      problems.push_back(
          {field, field + " must be null or " + vat.normalized().to_string() +
                      (d.vat_calculation ? " (the company's VAT rate) when vatCalculation is true"
                                         : " when vatCalculation is false")});
    }
    line.vat_tax_value = vat;
    line.wh_tax_value = l.wh_tax_value;
    // A unit named on the line is the company's unit of that name (none when it has none).
    if (l.unit_id) {
      line.unit_id = l.unit_id;
    } else if (l.product_unit_name) {
      line.unit_id = s.query_i64(
          "SELECT unit_id FROM product_units WHERE company_id = ? AND lower(name) = lower(?)",
          {company, *l.product_unit_name});
    } else {
      line.unit_id = product->unit_id;
    }
    line.is_shipping = l.is_shipping.value_or(true);
    line.warehouse_code = l.warehouse_code;
    amounts.push_back({line.qty,
                       line.price,
                       {line.discount_type, line.discount_value},
                       line.wh_tax_value.value_or(core::Decimal::of(0))});
    d.lines.push_back(std::move(line));
  }
  if (!problems.empty()) throw core::ApiError(std::move(problems));
  auto totals =
      compute_totals(amounts, {d.discount_type, d.discount_value}, extras,
                     {d.vat_calculation, d.include_vat, rate}, {std::string(names.lines)});
  for (std::size_t i = 0; i < d.lines.size(); ++i) d.lines[i].total_price = totals.line_totals[i];
  d.sub_total = totals.sub_total;
  d.sub_total_with_discount = totals.sub_total_with_discount;
  d.total_vat = totals.total_vat;
  d.grand_total = totals.grand_total;
  d.total_wht = totals.total_wht;
  // Totals are money as every amount is: 15 integer digits at most.
  if (d.grand_total > api::max_money() || d.sub_total > api::max_money()) {
    throw core::validation(
        std::string(names.lines),
        std::string(names.lines) + " add up to more than " + api::max_money().to_string());
  }
  return totals;
}

std::vector<DocumentLine> load_lines(storage::Session& s, std::int64_t company_id,
                                     int document_type, std::int64_t document_id) {
  static const std::string sql =
      kLines.select() +
      " WHERE dl.company_id = ? AND dl.document_type = ? AND dl.document_id = ? ORDER BY "
      "dl.position";
  std::vector<DocumentLine> out;
  auto rows = s.query(sql, {company_id, std::int64_t{document_type}, document_id});
  while (rows.next()) out.push_back(kLines.read(rows));
  return out;
}

std::vector<std::optional<refs::ProductRef>> find_products(storage::Session& s,
                                                           std::int64_t company_id,
                                                           const std::vector<LineInput>& lines) {
  std::vector<std::optional<refs::ProductRef>> out;
  out.reserve(lines.size());
  for (const auto& l : lines) out.push_back(refs::find_product_ref(s, company_id, l.product_code));
  return out;
}

std::map<std::int64_t, std::vector<DocumentLine>> load_lines_of(
    storage::Session& s, std::int64_t company_id, int document_type,
    const std::vector<std::int64_t>& document_ids) {
  std::map<std::int64_t, std::vector<DocumentLine>> out;
  if (document_ids.empty()) return out;
  storage::Sql q;
  q.add(kLines.select())
      .add(" WHERE dl.company_id = ? AND dl.document_type = ? AND dl.document_id IN ")
      .bind(company_id)
      .bind(std::int64_t{document_type})
      .in_list(document_ids)
      .add(" ORDER BY dl.document_id, dl.position");
  auto rows = s.query(q.text(), q.params());
  while (rows.next()) {
    auto line = kLines.read(rows);
    out[line.document_id].push_back(std::move(line));
  }
  return out;
}

void save_lines(storage::Session& s, int document_type, std::int64_t document_id, DocumentRecord& d,
                bool stored) {
  if (stored) {
    s.exec(
        "DELETE FROM document_lines WHERE company_id = ? AND document_type = ? AND document_id = "
        "?",
        {d.company_id, std::int64_t{document_type}, document_id});
  }
  for (auto& line : d.lines) {
    line.company_id = d.company_id;
    line.document_type = document_type;
    line.document_id = document_id;
  }
  kLines.insert_all(s, d.lines);
}

}  // namespace ov::documents
