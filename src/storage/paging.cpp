#include "storage/paging.hpp"

namespace ov::storage {

std::string order_by(core::SortTable table, const std::vector<core::SortTerm>& terms,
                     std::size_t unique) {
  std::string out = " ORDER BY ";
  bool total = false;
  for (const auto& t : terms) {
    const auto& col = table[t.column];
    out += col.expr;
    out += t.descending ? " DESC" : " ASC";
    if (col.nullable) out += t.descending ? " NULLS LAST" : " NULLS FIRST";
    if (t.column == unique) {
      total = true;  // unique: later terms cannot matter
      break;
    }
    out += ", ";
  }
  if (!total) {
    out += table[unique].expr;
    out += " ASC";
  }
  return out;
}

}  // namespace ov::storage
