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

inline constexpr core::MasterColumn kHeaderTemplateColumns[] = {
    {"documentType", "document_type", core::MasterColumn::Kind::kInt64},
    // The default is a row of its own (migrations/*/0013_header_templates.sql).
    {"isDefault",
     "(SELECT COUNT(*) FROM header_template_defaults d WHERE d.company_id = "
     "header_templates.company_id AND d.header_template_id = header_templates.header_template_id)",
     core::MasterColumn::Kind::kBool},
    {"companyName", "company_name", core::MasterColumn::Kind::kOptString},
    {"companyAddress", "company_address", core::MasterColumn::Kind::kOptString},
    {"companyTaxNo", "company_tax_no", core::MasterColumn::Kind::kOptString},
    {"branchCode", "branch_code", core::MasterColumn::Kind::kOptString},
    {"companyPhone", "company_phone", core::MasterColumn::Kind::kOptString},
    {"companyEmail", "company_email", core::MasterColumn::Kind::kOptString},
    {"logoUrl", "logo_url", core::MasterColumn::Kind::kOptString},
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
};

}  // namespace ov::settings
