#include "storage/master_lists.hpp"

#include "core/error.hpp"
#include "storage/sql.hpp"

namespace ov::storage {

namespace {

using core::MasterColumn;

std::string select_of(const core::MasterList& list) {
  std::string sql = "SELECT ";
  sql.append(list.id_column).append(", ").append(list.name_column).append(", ");
  if (list.active_column.empty()) {
    sql += "1";
  } else {
    sql += list.active_column;
  }
  for (const auto& e : list.extras) sql.append(", ").append(e.column);
  sql.append(" FROM ").append(list.table).append(" WHERE company_id = ?");
  return sql;
}

MasterRow read_row(Rows& rows, const core::MasterList& list) {
  MasterRow r;
  r.id = rows.i64(0);
  r.name = rows.str(1);
  r.is_active = rows.i64(2) == 1;
  int col = 3;
  for (const auto& e : list.extras) {
    if (rows.is_null(col)) {
      r.extras.emplace_back(nullptr);
    } else if (e.kind == MasterColumn::Kind::kString || e.kind == MasterColumn::Kind::kOptString) {
      r.extras.emplace_back(rows.str(col));
    } else if (e.kind == MasterColumn::Kind::kBool) {
      r.extras.emplace_back(rows.i64(col) == 1);
    } else {
      r.extras.emplace_back(rows.i64(col));
    }
    ++col;
  }
  return r;
}

}  // namespace

std::vector<MasterRow> list_master(Session& s, const core::MasterList& list,
                                   std::int64_t company_id, bool include_inactive,
                                   const std::vector<std::optional<std::int64_t>>& filters) {
  Sql q;
  q.add(select_of(list)).bind(company_id);
  const bool active_only = list.rows == core::ListedRows::kActive ||
                           (list.rows == core::ListedRows::kActiveUnlessAsked && !include_inactive);
  if (active_only && !list.active_column.empty())
    q.add(" AND ").add(list.active_column).add(" = 1");
  for (std::size_t i = 0; i < list.filters.size() && i < filters.size(); ++i) {
    if (!filters[i]) continue;
    q.add(" AND ").add(list.filters[i].column).add(" = ?").bind(*filters[i]);
  }
  q.add(" ORDER BY ").add(list.order);
  auto rows = s.query(q.text(), q.params());
  std::vector<MasterRow> out;
  while (rows.next()) out.push_back(read_row(rows, list));
  return out;
}

std::optional<MasterRow> find_master(Session& s, const core::MasterList& list,
                                     std::int64_t company_id, std::int64_t id) {
  std::string sql = select_of(list);
  sql.append(" AND ").append(list.id_column).append(" = ?");
  auto rows = s.query(sql, {company_id, id});
  if (!rows.next()) return std::nullopt;
  return read_row(rows, list);
}

MasterRow require_master(Session& s, const core::MasterList& list, std::int64_t company_id,
                         std::int64_t id, bool must_be_active) {
  auto row = find_master(s, list, company_id, id);
  if (!row || (must_be_active && !row->is_active)) {
    throw core::not_found(std::string(list.field) + " " + std::to_string(id) + " was not found");
  }
  return std::move(*row);
}

void add_master_row(Session& s, const core::MasterList& list, std::int64_t company_id,
                    std::int64_t id, std::string_view name, bool active) {
  std::string sql = "INSERT INTO ";
  sql.append(list.table).append(" (company_id, ").append(list.id_column).append(", ");
  sql.append(list.name_column);
  if (!list.active_column.empty()) sql.append(", ").append(list.active_column);
  sql += list.active_column.empty() ? ") VALUES (?, ?, ?)" : ") VALUES (?, ?, ?, ?)";
  if (list.active_column.empty()) {
    s.exec(sql, {company_id, id, name});
  } else {
    s.exec(sql, {company_id, id, name, std::int64_t{active ? 1 : 0}});
  }
}

MasterRow find_or_add_by_name(Session& s, const core::MasterList& list, std::int64_t company_id,
                              std::string_view name, std::string_view user_id, std::int64_t now) {
  std::string find = select_of(list);
  find.append(" AND lower(").append(list.name_column).append(") = lower(?)");
  std::string add = "INSERT INTO ";
  add.append(list.table).append(" (company_id, ").append(list.id_column).append(", ");
  add.append(list.name_column);
  if (!list.active_column.empty()) add.append(", ").append(list.active_column);
  if (list.audited) add += ", created_by_user_id, date_created";
  add.append(") SELECT ?, COALESCE(MAX(").append(list.id_column).append("), 0) + 1, ?");
  if (!list.active_column.empty()) add += ", 1";
  if (list.audited) add += ", ?, ?";
  // The WHERE also tells SQLite's parser that ON CONFLICT belongs to the INSERT.
  add.append(" FROM ").append(list.table).append(" WHERE company_id = ? ON CONFLICT DO NOTHING");
  // A conflict on the id (another name took it at the same moment) leaves the name unstored:
  // try again with the next id. A few rounds settle any real race.
  for (int attempt = 0; attempt < 8; ++attempt) {
    {
      auto rows = s.query(find, {company_id, name});
      if (rows.next()) return read_row(rows, list);
    }
    if (list.audited) {
      s.exec(add, {company_id, name, user_id, now, company_id});
    } else {
      s.exec(add, {company_id, name, company_id});
    }
  }
  throw core::conflict(std::string(list.field) + " " + std::string(name) +
                       " could not be stored; try again");
}

void seed_master(Session& s, const core::MasterList& list, std::int64_t company_id) {
  for (const auto& seed : list.seeds) add_master_row(s, list, company_id, seed.id, seed.name);
}

}  // namespace ov::storage
