#include "modules/settings/setting_repository.hpp"

#include <stdexcept>

#include "storage/sql.hpp"

namespace ov::settings {

void add_header_template(storage::Session& s, std::int64_t company_id, const HeaderTemplate& t) {
  using storage::opt;
  s.exec(
      "INSERT INTO header_templates (company_id, header_template_id, name, document_type, "
      "company_name, company_address, company_tax_no, branch_code, company_phone, company_email, "
      "logo_url, is_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {company_id, t.header_template_id, std::string_view(t.name), t.document_type,
       opt(t.company_name), opt(t.company_address), opt(t.company_tax_no), opt(t.branch_code),
       opt(t.company_phone), opt(t.company_email), opt(t.logo_url),
       std::int64_t{t.is_active ? 1 : 0}});
}

void make_default_header_template(storage::Session& s, std::int64_t company_id,
                                  std::int64_t header_template_id) {
  // One row per type: the default moves in one statement, never leaving none or two.
  const auto changed = s.exec(
      "UPDATE header_template_defaults SET header_template_id = ? WHERE company_id = ? AND "
      "document_type = (SELECT document_type FROM header_templates WHERE company_id = ? AND "
      "header_template_id = ?)",
      {header_template_id, company_id, company_id, header_template_id});
  if (changed != 1) {
    throw std::invalid_argument("no header template " + std::to_string(header_template_id));
  }
}

void seed_header_templates(storage::Session& s, std::int64_t company_id) {
  auto name = s.query("SELECT name FROM companies WHERE company_id = ?", {company_id});
  std::optional<std::string> company_name;
  if (name.next()) company_name = name.str(0);
  HeaderTemplate sales_order;
  sales_order.header_template_id = kSalesOrderTemplateId;
  sales_order.name = "Sales order";
  sales_order.document_type = kSalesOrder;
  sales_order.company_name = company_name;
  add_header_template(s, company_id, sales_order);
  HeaderTemplate quotation = sales_order;
  quotation.header_template_id = kQuotationTemplateId;
  quotation.name = "Quotation";
  quotation.document_type = kQuotation;
  add_header_template(s, company_id, quotation);
}

}  // namespace ov::settings
