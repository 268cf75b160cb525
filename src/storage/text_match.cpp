#include "storage/text_match.hpp"

#include "core/text.hpp"

namespace ov::storage {

std::string contains_pattern(std::string_view keyword) {
  std::string out = "%";
  for (char ch : core::ascii_lower(keyword)) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  out += '%';
  return out;
}

void add_contains_any(Sql& where, const Session& s, std::initializer_list<std::string_view> columns,
                      std::string_view keyword, std::string_view op) {
  // PostgreSQL lowers ASCII letters only under the C collation; SQLite's lower() does so
  // always (without the ICU extension, which openvenio does not load).
  const bool postgres = s.backend() == "postgres";
  const std::string pattern = contains_pattern(keyword);
  where.add(" ").add(op).add(" (");
  bool first = true;
  for (auto column : columns) {
    if (!first) where.add(" OR ");
    first = false;
    where.add("lower(").add(column).add(postgres ? " COLLATE \"C\")" : ")");
    where.add(" LIKE ? ESCAPE '\\'").bind_text(pattern);
  }
  where.add(")");
}

}  // namespace ov::storage
