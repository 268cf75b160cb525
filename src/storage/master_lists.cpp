#include "storage/master_lists.hpp"

#include <algorithm>

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

std::vector<std::int64_t> require_masters(Session& s, const core::MasterList& list,
                                          std::int64_t company_id,
                                          const std::vector<std::int64_t>& ids,
                                          const std::vector<std::int64_t>& kept) {
  std::vector<std::int64_t> out;
  for (auto id : ids) {
    if (std::find(out.begin(), out.end(), id) != out.end()) continue;
    const bool had = std::find(kept.begin(), kept.end(), id) != kept.end();
    require_master(s, list, company_id, id, !had);
    out.push_back(id);
  }
  return out;
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

void lock_new_entries(Session& s, std::string_view table, std::int64_t company_id) {
  if (!s.concurrent_writers()) return;
  s.query_i64("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?), ?)",
              {table, static_cast<std::int64_t>(company_id % 2147483647)});
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
  {
    auto rows = s.query(find, {company_id, name});
    if (rows.next()) return read_row(rows, list);
  }
  lock_new_entries(s, list.table, company_id);
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

std::vector<MasterRow> all_master(Session& s, const core::MasterList& list,
                                  std::int64_t company_id) {
  std::string sql = select_of(list);
  sql.append(" ORDER BY ").append(list.order);
  auto rows = s.query(sql, {company_id});
  std::vector<MasterRow> out;
  while (rows.next()) out.push_back(read_row(rows, list));
  return out;
}

namespace {

Value extra_value(const MasterRow::Extra& e) {
  return std::visit(
      [](const auto& v) -> Value {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::nullptr_t>) {
          return Value(nullptr);
        } else if constexpr (std::is_same_v<V, bool>) {
          return Value(std::int64_t{v ? 1 : 0});
        } else if constexpr (std::is_same_v<V, std::string>) {
          return Value(std::string_view(v));
        } else {
          return Value(v);
        }
      },
      e);
}

std::string entry_name(const core::MasterList& list, std::int64_t id) {
  std::string name(list.admin_kind.empty() ? list.field : list.admin_kind);
  name.append(" ").append(std::to_string(id));
  return name;
}

// Refuses to deactivate or delete an entry the list keeps.
void check_not_kept(Session& s, const core::MasterList& list, std::int64_t company_id,
                    std::int64_t id) {
  if (list.kept_sql.empty()) return;
  if (s.query(list.kept_sql, {company_id, id}).next()) {
    std::string message = entry_name(list, id);
    message.append(" ").append(list.kept_reason);
    throw core::business_rule(message);
  }
}

// Runs the statements of computed columns set to true (set_sql).
void run_setters(Session& s, const core::MasterList& list, std::int64_t company_id, std::int64_t id,
                 const MasterWrite& write) {
  for (std::size_t i = 0; i < list.extras.size() && i < write.extras.size(); ++i) {
    const auto& e = list.extras[i];
    if (e.set_sql.empty() || !write.extras[i]) continue;
    const auto* on = std::get_if<bool>(&*write.extras[i]);
    if (!on || !*on) continue;
    if (s.exec(e.set_sql, {company_id, id}) == 0) {
      std::string message(e.json);
      message.append(" can be set only on an active entry");
      throw core::business_rule(message);
    }
  }
}

bool writes(const MasterColumn& e, bool creating) {
  if (!e.set_sql.empty()) return false;
  return e.write == MasterColumn::Write::kAlways ||
         (creating && e.write == MasterColumn::Write::kOnCreate);
}

}  // namespace

std::int64_t create_master(Session& s, const core::MasterList& list, std::int64_t company_id,
                           const MasterWrite& write, std::int64_t now) {
  // Columns naming an entry of another list name an active one of the company's.
  for (std::size_t i = 0; i < list.extras.size() && i < write.extras.size(); ++i) {
    const auto* other = list.extras[i].refers_to;
    if (!other || !write.extras[i]) continue;
    if (const auto* id = std::get_if<std::int64_t>(&*write.extras[i])) {
      require_master(s, *other, company_id, *id, true);
    }
  }
  const std::int64_t id = s.query_i64(std::string("SELECT COALESCE(MAX(")
                                          .append(list.id_column)
                                          .append("), 0) + 1 FROM ")
                                          .append(list.table)
                                          .append(" WHERE company_id = ?"),
                                      {company_id})
                              .value_or(1);
  std::string columns = "company_id, ";
  columns.append(list.id_column).append(", ").append(list.name_column);
  const std::string_view name = write.name ? std::string_view(*write.name) : std::string_view();
  std::vector<Value> params{company_id, id, name};
  if (!list.active_column.empty() && write.active) {
    columns.append(", ").append(list.active_column);
    params.emplace_back(std::int64_t{*write.active ? 1 : 0});
  }
  if (list.audited) {
    columns += ", date_created";
    params.emplace_back(now);
  }
  for (std::size_t i = 0; i < list.extras.size() && i < write.extras.size(); ++i) {
    if (!writes(list.extras[i], true) || !write.extras[i]) continue;
    columns.append(", ").append(list.extras[i].column);
    params.push_back(extra_value(*write.extras[i]));
  }
  std::string sql = "INSERT INTO ";
  sql.append(list.table).append(" (").append(columns).append(") VALUES (?");
  for (std::size_t i = 1; i < params.size(); ++i) sql += ", ?";
  sql += ")";
  s.exec(sql, params);
  run_setters(s, list, company_id, id, write);
  return id;
}

void update_master(Session& s, const core::MasterList& list, std::int64_t company_id,
                   std::int64_t id, const MasterWrite& write) {
  auto current = find_master(s, list, company_id, id);
  if (!current) throw core::not_found(entry_name(list, id) + " was not found");
  if (write.active && !*write.active && current->is_active) {
    check_not_kept(s, list, company_id, id);
  }
  std::string sets;
  std::vector<Value> params;
  auto set = [&](std::string_view column, Value v) {
    if (!sets.empty()) sets += ", ";
    sets.append(column).append(" = ?");
    params.push_back(v);
  };
  if (write.name) set(list.name_column, std::string_view(*write.name));
  if (write.active && !list.active_column.empty()) {
    set(list.active_column, std::int64_t{*write.active ? 1 : 0});
  }
  for (std::size_t i = 0; i < list.extras.size() && i < write.extras.size(); ++i) {
    if (!writes(list.extras[i], false) || !write.extras[i]) continue;
    set(list.extras[i].column, extra_value(*write.extras[i]));
  }
  if (!sets.empty()) {
    std::string sql = "UPDATE ";
    sql.append(list.table).append(" SET ").append(sets).append(" WHERE company_id = ? AND ");
    sql.append(list.id_column).append(" = ?");
    params.emplace_back(company_id);
    params.emplace_back(id);
    s.exec(sql, params);
  }
  run_setters(s, list, company_id, id, write);
}

MasterRemoval remove_master(Session& s, const core::MasterList& list, std::int64_t company_id,
                            std::int64_t id) {
  if (!find_master(s, list, company_id, id)) {
    throw core::not_found(entry_name(list, id) + " was not found");
  }
  check_not_kept(s, list, company_id, id);
  bool referred = false;
  for (const auto& ref : list.references) {
    std::string sql = "SELECT 1 FROM ";
    sql.append(ref.table).append(" WHERE company_id = ? AND ").append(ref.column);
    sql += " = ? LIMIT 1";
    if (s.query(sql, {company_id, id}).next()) {
      referred = true;
      break;
    }
  }
  std::string sql;
  if (referred) {
    if (list.active_column.empty()) {
      throw core::conflict(entry_name(list, id) + " is in use and cannot be deleted");
    }
    sql.append("UPDATE ").append(list.table).append(" SET ").append(list.active_column);
    sql += " = 0";
  } else {
    sql.append("DELETE FROM ").append(list.table);
  }
  sql.append(" WHERE company_id = ? AND ").append(list.id_column).append(" = ?");
  s.exec(sql, {company_id, id});
  return referred ? MasterRemoval::kDeactivated : MasterRemoval::kDeleted;
}

void seed_master(Session& s, const core::MasterList& list, std::int64_t company_id) {
  for (const auto& seed : list.seeds) add_master_row(s, list, company_id, seed.id, seed.name);
}

}  // namespace ov::storage
