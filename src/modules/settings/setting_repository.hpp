// SQL of the Setting section: header templates and their defaults, within one company.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "modules/settings/setting_types.hpp"
#include "storage/database.hpp"

namespace ov::settings {

// A header template as the administration or the demo data writes it.
struct HeaderTemplate {
  std::int64_t header_template_id = 0;
  std::string name;
  std::int64_t document_type = kQuotation;
  std::optional<std::string> company_name;
  std::optional<std::string> company_address;
  std::optional<std::string> company_tax_no;
  std::optional<std::string> branch_code;
  std::optional<std::string> company_phone;
  std::optional<std::string> company_email;
  std::optional<std::string> logo_url;
  bool is_active = true;
};

// Adds a template; the first active one of its document type becomes that type's default.
void add_header_template(storage::Session& s, std::int64_t company_id, const HeaderTemplate& t);
// Makes `header_template_id` (an active template) the default of its document type.
void make_default_header_template(storage::Session& s, std::int64_t company_id,
                                  std::int64_t header_template_id);
// A new company's templates: one per document type, headed by the company's name, each the
// default of its type.
void seed_header_templates(storage::Session& s, std::int64_t company_id);

}  // namespace ov::settings
