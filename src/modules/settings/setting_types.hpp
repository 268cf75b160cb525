// The Setting section (ENDPOINTS.md §4.13): document header templates, a master list whose ids
// quotations and sales orders carry as headerTemplateId.
#pragma once

#include <cstdint>

#include "core/master_list.hpp"

namespace ov::settings {

// Document types (designed, §4.13.1).
inline constexpr std::int64_t kQuotation = 1;
inline constexpr std::int64_t kSalesOrder = 2;

// The ids every company's two templates get: the sales-order one is 1, the id the Venio sales
// order example shows (§4.11.3).
inline constexpr std::int64_t kSalesOrderTemplateId = 1;
inline constexpr std::int64_t kQuotationTemplateId = 2;

// The administration plane writes a template's header fields (strings of the bounds of the
// documents they head); the document type is chosen on creation only, since a type's default
// is keyed by it.
inline constexpr core::MasterColumn kHeaderTemplateColumns[] = {
    {.json = "documentType",
     .column = "document_type",
     .kind = core::MasterColumn::Kind::kInt64,
     .write = core::MasterColumn::Write::kOnCreate,
     .min = kQuotation,
     .max = kSalesOrder},
    // The default is a row of its own (migrations/*/0013_header_templates.sql); making a
    // template the default moves its type's row to it.
    {.json = "isDefault",
     .column = "(SELECT COUNT(*) FROM header_template_defaults d WHERE d.company_id = "
               "header_templates.company_id AND d.header_template_id = "
               "header_templates.header_template_id)",
     .kind = core::MasterColumn::Kind::kBool,
     .write = core::MasterColumn::Write::kAlways,
     .set_sql = "UPDATE header_template_defaults SET header_template_id = t.header_template_id "
                "FROM header_templates t WHERE t.company_id = ? AND t.header_template_id = ? AND "
                "t.is_active = 1 AND header_template_defaults.company_id = t.company_id AND "
                "header_template_defaults.document_type = t.document_type"},
    {.json = "companyName",
     .column = "company_name",
     .kind = core::MasterColumn::Kind::kOptString,
     .write = core::MasterColumn::Write::kAlways,
     .max_chars = 500},
    {.json = "companyAddress",
     .column = "company_address",
     .kind = core::MasterColumn::Kind::kOptString,
     .write = core::MasterColumn::Write::kAlways,
     .max_chars = 4000},
    {.json = "companyTaxNo",
     .column = "company_tax_no",
     .kind = core::MasterColumn::Kind::kOptString,
     .write = core::MasterColumn::Write::kAlways,
     .max_chars = 50},
    {.json = "branchCode",
     .column = "branch_code",
     .kind = core::MasterColumn::Kind::kOptString,
     .write = core::MasterColumn::Write::kAlways,
     .max_chars = 50},
    {.json = "companyPhone",
     .column = "company_phone",
     .kind = core::MasterColumn::Kind::kOptString,
     .write = core::MasterColumn::Write::kAlways,
     .max_chars = 50},
    {.json = "companyEmail",
     .column = "company_email",
     .kind = core::MasterColumn::Kind::kOptString,
     .write = core::MasterColumn::Write::kAlways,
     .max_chars = 254},
    {.json = "logoUrl",
     .column = "logo_url",
     .kind = core::MasterColumn::Kind::kOptString,
     .write = core::MasterColumn::Write::kAlways,
     .max_chars = 2048},
};
inline constexpr core::MasterFilter kHeaderTemplateFilters[] = {
    {"documentType", "document_type"},
};
inline constexpr core::MasterList kHeaderTemplates{
    .path = "/v1/setting/header-templates",
    // Gofive's sample reads the same list here (ENDPOINTS.md §7.5).
    .alias_path = "/v2/salesorder/headerTemplate",
    .table = "header_templates",
    .id_column = "header_template_id",
    .name_column = "name",
    .id_key = "headerTemplateId",
    .name_key = "headerTemplateName",
    .field = "headerTemplateId",
    .show_active = true,
    .rows = core::ListedRows::kActiveUnlessAsked,
    .order = "document_type, header_template_id",
    .extras = kHeaderTemplateColumns,
    .filters = kHeaderTemplateFilters,
    .admin_kind = "header-templates",
    // A type's default stays: the schema holds it (0013_header_templates.sql).
    .kept_sql =
        "SELECT 1 FROM header_template_defaults WHERE company_id = ? AND "
        "header_template_id = ?",
    .kept_reason =
        "is the default template of its document type; make another template the "
        "default first",
};

}  // namespace ov::settings
