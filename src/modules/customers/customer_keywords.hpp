// Keyword search over customers (ENDPOINTS.md §4.3.3 `keyword`, §4.3.13 `searchText`): the
// index each backend keeps of a customer's searchable text, and the statements that read it.
// A keyword matches a customer whose search text (name, second name, aliases, code, tax
// number, phone, mobile, e-mail, and each contact's name, phone, mobile and e-mail, each
// ASCII-lower-cased, joined by line feeds) contains the lower-cased keyword anywhere, Thai
// included.
//   - SQLite: an FTS5 trigram table whose rowid carries company, state and customer id
//     (migrations/sqlite/0004), so that a keyword of two or more characters, restricted to a
//     company or to one state, is answered by the index alone; a one-character keyword scans
//     the company's (or state's) rows with LIKE.
//   - PostgreSQL: a table with a pg_trgm GIN index, queried with LIKE.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/customers/customer_types.hpp"
#include "storage/sql.hpp"

namespace ov::customers {

class KeywordIndex {
 public:
  explicit KeywordIndex(storage::Session& s);

  // False for a keyword no customer can match: one holding the line feed that separates the
  // fields of the search text would otherwise match across two fields.
  static bool can_match(std::string_view keyword) {
    return keyword.find(kSearchSeparator) == std::string_view::npos;
  }

  // Writes c's row, in the transaction that writes c. `fresh`: c has none yet.
  void save(const CustomerRecord& c, bool fresh);

  // Appends " FROM <index> s CROSS JOIN customers c WHERE …": the customers of the company
  // whose text contains `keyword`. `state`, when given, narrows the index's part read on
  // backends that can; the caller still filters c.customer_state itself. The index drives the
  // join (CROSS JOIN keeps SQLite from starting at a customers index instead).
  // `joins` follows "customers c" (the joins of the entity whose columns are selected).
  void from(storage::Sql& q, std::int64_t company_id, std::string_view keyword,
            std::optional<int> state, std::string_view joins = {}) const;

  // The ids of the company's customers (of `state` when given) whose text contains `keyword`,
  // ascending, when the index alone can list them (SQLite, a keyword of two or more
  // characters); nullopt when matching needs the customer rows or a scan.
  std::optional<std::vector<std::int64_t>> ids(std::int64_t company_id, std::string_view keyword,
                                               std::optional<int> state) const;

 private:
  // The FTS5 query for a lower-cased keyword, or nullopt when it is too short for the index.
  std::optional<std::string> match_expression(const std::string& kw) const;

  storage::Session& s_;
  bool fts_;  // SQLite's FTS5 table
};

}  // namespace ov::customers
