// "Contains the keyword" over text columns, with the same matches on every backend: ASCII
// letters compare case-insensitively and every other character exactly (Thai has no case, and
// a database's Unicode case rules differ between engines and locales), so SQLite's lower()
// (ASCII only) and PostgreSQL's lower() under the C collation give the same answer. `%`, `_`
// and `\` in the keyword match themselves.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "storage/database.hpp"
#include "storage/sql.hpp"

namespace ov::storage {

// The LIKE pattern of "contains `keyword`": ASCII-lower-cased, wildcards escaped with '\'.
std::string contains_pattern(std::string_view keyword);

// Appends " AND (<c1> contains ? OR <c2> contains ? …)" for `keyword` to `where` (`op` in
// place of AND: " OR (…)" extends a condition). A NULL column contains nothing.
void add_contains_any(Sql& where, const Session& s, std::initializer_list<std::string_view> columns,
                      std::string_view keyword, std::string_view op = "AND");

}  // namespace ov::storage
