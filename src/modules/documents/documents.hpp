// The shared machinery of the money documents (ENDPOINTS.md §4.9): reading the body both
// upserts share, resolving what it names (customer, staff, header template, deal, products),
// computing the totals, and storing the lines. Quotations and sales orders call these and add
// their own fields and status rules.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "core/time.hpp"
#include "modules/documents/document_types.hpp"
#include "modules/documents/totals.hpp"
#include "storage/database.hpp"

namespace ov::documents {

// --- Reading ---------------------------------------------------------------------------------

// One line of `names.lines`, every problem collected in `r`.
LineInput read_line(api::ObjectReader& r, const InputNames& names);
// The shared body into `in`; problems are collected in `r` (the caller calls r.check()).
void read_document(api::ObjectReader& r, const InputNames& names, const core::TimeZone& zone,
                   DocumentInput& in);
// A discount's discountValue: a percent (0–100) when its discountType is true, else an amount.
api::Input<core::Decimal> read_discount(api::ObjectReader& r, const api::Input<bool>& type);
// A string read under `name` or, when absent, under `alias` (§6 aliases).
api::Input<std::string> string_or_alias(api::ObjectReader& r, std::string_view name,
                                        std::string_view alias, api::Need need,
                                        std::size_t max_chars);

// --- Writing ---------------------------------------------------------------------------------

// The company's VAT rate (per cent; 7 unless the administration set another).
core::Decimal vat_rate(storage::Session& s, std::int64_t company_id);
// The default header template of a document type (§4.13.1: exactly one per type).
std::int64_t default_template(storage::Session& s, std::int64_t company_id, int document_type);

// Applies the shared body to `d` (a new document or one whose content may change): the
// customer (active), the staff (an active employee), the header template (of the document's
// type, active; null or 0 the default), the deal, the lines with what they leave out taken from
// their products, and the totals of §4.9.1 with `extras` after the header discount (sales
// orders). Unknown references answer 404; every problem of the amounts is thrown together.
Totals apply_document(storage::Session& s, int document_type, DocumentRecord& d,
                      const DocumentInput& in, const InputNames& names,
                      std::span<const Discount> extras = {});

// The products of `lines`, one per line (nullopt for an unknown code), read before a write so
// that the one writer spends no time on them (docs/decisions.md).
std::vector<std::optional<refs::ProductRef>> find_products(storage::Session& s,
                                                           std::int64_t company_id,
                                                           const std::vector<LineInput>& lines);

// The lines of a document, in their order.
std::vector<DocumentLine> load_lines(storage::Session& s, std::int64_t company_id,
                                     int document_type, std::int64_t document_id);
// The lines of several documents of one type, by document id (one statement).
std::map<std::int64_t, std::vector<DocumentLine>> load_lines_of(
    storage::Session& s, std::int64_t company_id, int document_type,
    const std::vector<std::int64_t>& document_ids);
// Makes d.lines the stored lines of the document; `stored` false: it has none yet (a new one).
void save_lines(storage::Session& s, int document_type, std::int64_t document_id, DocumentRecord& d,
                bool stored = true);

// The stored line (document_lines): every column, shown by neither document as such (their
// JSON tables are below); the benchmark seeder writes lines with it too.
inline constexpr core::Field<DocumentLine> kLineColumns[] = {
    core::column_only<DocumentLine>("company_id", &DocumentLine::company_id),
    core::column_only<DocumentLine>("document_type", &DocumentLine::document_type),
    core::column_only<DocumentLine>("document_id", &DocumentLine::document_id),
    core::column_only<DocumentLine>("position", &DocumentLine::position),
    core::column_only<DocumentLine>("product_id", &DocumentLine::product_id),
    core::column_only<DocumentLine>("product_code", &DocumentLine::product_code),
    core::column_only<DocumentLine>("product_name", &DocumentLine::product_name),
    core::column_only<DocumentLine>("price", &DocumentLine::price),
    core::column_only<DocumentLine>("qty", &DocumentLine::qty),
    core::column_only<DocumentLine>("product_unit_name", &DocumentLine::product_unit_name),
    core::column_only<DocumentLine>("product_description", &DocumentLine::product_description),
    core::column_only<DocumentLine>("discount_type", &DocumentLine::discount_type),
    core::column_only<DocumentLine>("discount_value", &DocumentLine::discount_value),
    core::column_only<DocumentLine>("vat_tax_value", &DocumentLine::vat_tax_value),
    core::column_only<DocumentLine>("wh_tax_value", &DocumentLine::wh_tax_value),
    core::column_only<DocumentLine>("total_price", &DocumentLine::total_price),
    core::column_only<DocumentLine>("unit_id", &DocumentLine::unit_id),
    core::column_only<DocumentLine>("is_shipping", &DocumentLine::is_shipping),
    core::column_only<DocumentLine>("warehouse_code", &DocumentLine::warehouse_code),
};
inline constexpr core::Entity<DocumentLine> kLineEntity{"document_lines", "dl", kLineColumns, ""};

// --- Writing JSON ----------------------------------------------------------------------------

// The lines as each document shows them (§4.10 quotationDetails, §4.11 salesorderDetails).
inline constexpr core::Field<DocumentLine> kQuotationLineFields[] = {
    core::json_only<DocumentLine>("productCode", &DocumentLine::product_code),
    core::json_only<DocumentLine>("productName", &DocumentLine::product_name),
    core::json_only<DocumentLine>("price", &DocumentLine::price),
    core::json_only<DocumentLine>("qty", &DocumentLine::qty),
    core::json_only<DocumentLine>("productUnitName", &DocumentLine::product_unit_name),
    core::json_only<DocumentLine>("productDescription", &DocumentLine::product_description),
    core::json_only<DocumentLine>("discountType", &DocumentLine::discount_type),
    core::json_only<DocumentLine>("discountValue", &DocumentLine::discount_value),
    core::json_only<DocumentLine>("vatTaxValue", &DocumentLine::vat_tax_value),
    core::json_only<DocumentLine>("whTaxValue", &DocumentLine::wh_tax_value),
    core::json_only<DocumentLine>("totalPrice", &DocumentLine::total_price),
};
inline constexpr core::Field<DocumentLine> kSalesOrderLineFields[] = {
    core::json_only<DocumentLine>("productCode", &DocumentLine::product_code),
    core::json_only<DocumentLine>("productName", &DocumentLine::product_name),
    core::json_only<DocumentLine>("price", &DocumentLine::price),
    core::json_only<DocumentLine>("qty", &DocumentLine::qty),
    core::json_only<DocumentLine>("productUnitName", &DocumentLine::product_unit_name),
    core::json_only<DocumentLine>("productDescription", &DocumentLine::product_description),
    core::json_only<DocumentLine>("discountValue", &DocumentLine::discount_value),
    core::json_only<DocumentLine>("discountType", &DocumentLine::discount_type),
    core::json_only<DocumentLine>("vatTaxValue", &DocumentLine::vat_tax_value),
    core::json_only<DocumentLine>("whtTaxValue", &DocumentLine::wh_tax_value),
    core::json_only<DocumentLine>("totalPrice", &DocumentLine::total_price),
    core::json_only<DocumentLine>("unitId", &DocumentLine::unit_id),
    core::json_only<DocumentLine>("isShipping", &DocumentLine::is_shipping),
    core::json_only<DocumentLine>("warehouseCode", &DocumentLine::warehouse_code),
};

}  // namespace ov::documents
