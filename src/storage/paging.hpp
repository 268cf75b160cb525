// The SQL of list endpoints: ORDER BY from a sort table with a unique tie-break, and one page
// with the number of all matches (X-Total-Count), the same statements on every backend.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/query.hpp"
#include "storage/database.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"

namespace ov::storage {

// " ORDER BY <terms>, <unique>": made total by the unique column, so that paging with any page
// size returns every match exactly once. `unique` is the index in `table` of that column;
// terms after it cannot change the order and are left out.
std::string order_by(core::SortTable table, const std::vector<core::SortTerm>& terms,
                     std::size_t unique);

// One page of `where` (a " FROM … WHERE …" over the entity's table under its alias, filters
// included) in `order`, with the number of all matches, each row read through `table`.
//
// With `costly_matches` (e.g. a keyword, whose matches cost most to find) the matches are
// found once: a window count over the matching keys, the page cut from them, and only the
// page's rows read in full. Otherwise an index counts the matches and the page is read in
// order. `count_where`, when given, is `where` without the joins that only bring in columns
// to show: the same matches, counted without a lookup per match (SQLite keeps such a LEFT JOIN).
template <class R>
core::Page<R> run_page(Session& s, const Table<R>& table, const Sql& where, bool costly_matches,
                       const std::string& order, std::int64_t take, std::int64_t skip,
                       const std::vector<Value>& order_params = {},
                       const Sql* count_where = nullptr) {
  core::Page<R> page;
  auto count = [&] {
    const Sql& counted = count_where ? *count_where : where;
    std::string sql = "SELECT COUNT(*)";
    sql += counted.text();
    auto rows = s.query(sql, counted.params());
    return rows.next() ? rows.i64(0) : 0;
  };
  std::vector<Value> params(where.params().begin(), where.params().end());
  params.insert(params.end(), order_params.begin(), order_params.end());
  params.emplace_back(take);
  params.emplace_back(skip);
  const std::string key = std::string(table.alias()) + "." + std::string(table.key_column());
  std::string sql = "SELECT ";
  sql += table.columns();
  if (costly_matches) {
    // The page's alias is one no entity uses (products are "p").
    // The page's rows are found again by their whole key: (company_id, id) for the tables keyed
    // company first, which PostgreSQL indexes by that key only.
    const std::string company = std::string(table.alias()) + ".company_id";
    sql += ", page_.total FROM (SELECT " + key + " AS id, " + company +
           " AS cid, COUNT(*) OVER () AS total";
    sql += where.text();
    sql += order;
    sql += " LIMIT ? OFFSET ?) page_ CROSS JOIN ";
    sql.append(table.table()).append(" ").append(table.alias()).append(table.joins());
    sql += " WHERE " + key + " = page_.id AND " + company + " = page_.cid";
    sql += order;
    // The outer ORDER BY repeats the inner one's parameters.
    params.insert(params.end(), order_params.begin(), order_params.end());
  } else {
    page.total = count();
    if (page.total <= skip) return page;
    sql += where.text();
    sql += order;
    sql += " LIMIT ? OFFSET ?";
  }
  auto rows = s.query(sql, params);
  while (rows.next()) {
    page.items.push_back(table.read(rows));
    if (costly_matches) page.total = rows.i64(table.column_count());
  }
  // Past the last page the window has no row to carry the count.
  if (costly_matches && page.items.empty() && skip > 0) page.total = count();
  return page;
}

}  // namespace ov::storage
