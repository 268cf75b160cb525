// The SQL side of an entity's field table (core/fields.hpp): its SELECT list and row reader,
// and its INSERT and UPDATE, built once from the same rows as the JSON. Statements are
// confined to one company: UPDATE always filters by the record's company_id.
#pragma once

#include <algorithm>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/fields.hpp"
#include "storage/database.hpp"
#include "storage/sql.hpp"

namespace ov::storage {

template <class R>
class Table {
 public:
  explicit Table(const core::Entity<R>& entity) : entity_(entity) {
    using core::Store;
    std::string insert_cols, insert_marks, update_sets;
    for (const auto& f : entity.fields) {
      if (f.column.empty()) continue;
      if (f.column == entity.key_column) key_ = &f;
      if (f.column == "company_id") company_ = &f;
      if (f.store == Store::kReadWrite || f.store == Store::kInsert || f.store == Store::kRead) {
        if (!columns_.empty()) columns_ += ", ";
        if (!f.read_expr.empty()) {
          columns_ += f.read_expr;
        } else if (f.column.find('.') != std::string_view::npos) {
          columns_ += f.column;
        } else {
          columns_.append(entity.alias).append(".").append(f.column);
        }
        read_.push_back(&f);
      }
      const bool own = f.column.find('.') == std::string_view::npos;
      if (own &&
          (f.store == Store::kReadWrite || f.store == Store::kInsert || f.store == Store::kWrite)) {
        insert_.push_back(&f);
      }
      if (own && (f.store == Store::kReadWrite || f.store == Store::kWrite)) {
        update_.push_back(&f);
        if (!update_sets.empty()) update_sets += ", ";
        update_sets.append(f.column).append(" = ?");
      }
    }
    select_ = "SELECT " + columns_ + " FROM " + std::string(entity.table) + " " +
              std::string(entity.alias) + std::string(entity.joins);
    insert_sql_ = insert_text(false);
    if (key_) insert_with_key_sql_ = insert_text(true);
    if (key_ && entity.key_gen == core::KeyGen::kCompanyFirst) {
      std::string next = "(SELECT COALESCE(MAX(";
      next.append(entity.key_column).append("), 0) + 1 FROM ").append(entity.table).append(")");
      insert_next_key_sql_ = insert_text(true, next);
    }
    if (key_ && !update_.empty()) {
      update_sql_ = "UPDATE " + std::string(entity.table) + " SET " + update_sets + " WHERE " +
                    std::string(entity.key_column) + " = ? AND company_id = ?";
    }
  }

  // "c.feedback_id, c.company_id, …": the read fields in table order.
  const std::string& columns() const { return columns_; }
  int column_count() const { return static_cast<int>(read_.size()); }
  // "SELECT <columns> FROM <table> <alias><joins>": append " WHERE …".
  const std::string& select() const { return select_; }
  std::string_view table() const { return entity_.table; }
  std::string_view alias() const { return entity_.alias; }
  std::string_view joins() const { return entity_.joins; }
  std::string_view key_column() const { return entity_.key_column; }

  // Reads a row selected with columns(), whose first column is `first`.
  void read(Rows& rows, R& r, int first = 0) const {
    int col = first;
    for (const auto* f : read_) read_field(rows, col++, *f, r);
  }
  R read(Rows& rows, int first = 0) const {
    R r;
    read(rows, r, first);
    return r;
  }

  // The columns an INSERT writes (a generated key aside), in order, and r's values for them:
  // for writers that build statements of many rows themselves (the benchmark seeders).
  const std::vector<const core::Field<R>*>& insert_fields() const { return insert_; }
  void bind_insert(Sql& q, const R& r) const {
    for (const auto* f : insert_) bind(q, *f, r);
  }

  // Inserts r and returns its generated key (0 when the entity has none). `with_key`: the key
  // is taken from r instead (data that keeps documented ids).
  std::int64_t insert(Session& s, const R& r, bool with_key = false) const {
    Sql params;
    if (with_key) bind(params, *key_, r);
    bind_insert(params, r);
    // SQLite has no identity column outside a rowid key: the next id is the largest plus one,
    // safe because its one writer runs one write at a time.
    const bool next_key = !with_key && !insert_next_key_sql_.empty() && !s.concurrent_writers();
    const std::string& sql =
        with_key ? insert_with_key_sql_ : (next_key ? insert_next_key_sql_ : insert_sql_);
    if (!key_) {
      s.exec(sql, params.params());
      return 0;
    }
    auto rows = s.query(sql, params.params());
    return rows.next() ? rows.i64(0) : 0;
  }

  // Inserts `rows` of an entity without a generated key (a document's lines) with one statement
  // per kRowsPerInsert rows instead of one per row: on SQLite's one writer each statement costs
  // its own step, and a document's twenty lines are one. The bound keeps a statement's values
  // far below SQLite's 32 766 and its text short.
  static constexpr std::size_t kRowsPerInsert = 50;
  void insert_all(Session& s, const std::vector<R>& rows) const {
    if (key_) throw std::logic_error("insert_all is for entities without a generated key");
    for (std::size_t at = 0; at < rows.size(); at += kRowsPerInsert) {
      const auto n = std::min(kRowsPerInsert, rows.size() - at);
      Sql params;
      for (std::size_t i = at; i < at + n; ++i) bind_insert(params, rows[i]);
      // "(?, …, ?)" once per row after the one-row statement's own.
      std::string sql = insert_sql_;
      const auto values = sql.substr(sql.rfind(" VALUES ") + 8);
      for (std::size_t i = 1; i < n; ++i) sql.append(", ").append(values);
      s.exec(sql, params.params());
    }
  }

  // Writes r's updatable columns to its stored row (by key, within its company).
  void update(Session& s, const R& r) const {
    // Every stored row carries its company, and an update never reaches another company's.
    if (update_sql_.empty() || !company_) throw std::logic_error("entity cannot be updated");
    Sql params;
    for (const auto* f : update_) bind(params, *f, r);
    bind(params, *key_, r);
    bind(params, *company_, r);
    s.exec(update_sql_, params.params());
  }

  // Writes only the updatable columns whose stored value differs from `before`'s, the row as
  // read: an index on an unchanged column is left alone and the log holds less. Nothing is
  // written when no column changed.
  void update_changed(Session& s, const R& before, const R& r) const {
    if (update_sql_.empty() || !company_) throw std::logic_error("entity cannot be updated");
    std::string sql = "UPDATE ";
    sql.append(entity_.table).append(" SET ");
    Sql params;
    bool any = false;
    for (const auto* f : update_) {
      Sql was, now;
      bind(was, *f, before);
      bind(now, *f, r);
      if (same(was.params().front(), now.params().front())) continue;
      if (any) sql += ", ";
      sql.append(f->column).append(" = ?");
      any = true;
      bind(params, *f, r);
    }
    if (!any) return;
    sql.append(" WHERE ").append(entity_.key_column).append(" = ? AND company_id = ?");
    bind(params, *key_, r);
    bind(params, *company_, r);
    s.exec(sql, params.params());
  }

 private:
  using F = core::Field<R>;

  static bool same(const Value& a, const Value& b) {
    if (a.index() != b.index()) return false;
    if (const auto* x = std::get_if<Blob>(&a)) return x->bytes == std::get<Blob>(b).bytes;
    if (const auto* x = std::get_if<std::string_view>(&a)) {
      return *x == std::get<std::string_view>(b);
    }
    if (const auto* x = std::get_if<std::int64_t>(&a)) return *x == std::get<std::int64_t>(b);
    if (const auto* x = std::get_if<double>(&a)) return *x == std::get<double>(b);
    return true;  // both null
  }

  // `key_value`: what the key column is given when with_key ("?", a bound value, by default).
  std::string insert_text(bool with_key, std::string_view key_value = "?") const {
    std::string cols, marks;
    auto add = [&](std::string_view column, std::string_view mark = "?") {
      if (!cols.empty()) {
        cols += ", ";
        marks += ", ";
      }
      cols += column;
      marks += mark;
    };
    if (with_key) add(entity_.key_column, key_value);
    for (const auto* f : insert_) add(f->column);
    std::string sql =
        "INSERT INTO " + std::string(entity_.table) + " (" + cols + ") VALUES (" + marks + ")";
    if (key_) sql += " RETURNING " + std::string(entity_.key_column);
    return sql;
  }

  static void read_field(Rows& rows, int col, const F& f, R& r) {
    std::visit(
        [&](auto m) {
          using M = decltype(m);
          if constexpr (std::is_same_v<M, std::int64_t R::*>) {
            r.*m = rows.i64(col);
          } else if constexpr (std::is_same_v<M, std::optional<std::int64_t> R::*>) {
            r.*m = rows.opt_i64(col);
          } else if constexpr (std::is_same_v<M, int R::*>) {
            r.*m = static_cast<int>(rows.i64(col));
          } else if constexpr (std::is_same_v<M, bool R::*>) {
            r.*m = rows.i64(col) == 1;
          } else if constexpr (std::is_same_v<M, std::optional<bool> R::*>) {
            r.*m = rows.is_null(col) ? std::nullopt : std::optional<bool>(rows.i64(col) == 1);
          } else if constexpr (std::is_same_v<M, std::string R::*>) {
            r.*m = rows.str(col);
          } else if constexpr (std::is_same_v<M, std::optional<std::string> R::*>) {
            r.*m = rows.opt_str(col);
          } else if constexpr (std::is_same_v<M, std::optional<double> R::*>) {
            if (rows.is_null(col)) {
              r.*m = std::nullopt;
            } else {
              r.*m = rows.real(col);
            }
          } else if constexpr (std::is_same_v<M, std::vector<std::string> R::*>) {
            r.*m = decode_string_list(rows.text(col));
          } else if constexpr (std::is_same_v<M, std::vector<std::int64_t> R::*>) {
            r.*m = decode_id_list(rows.text(col));
          } else if constexpr (std::is_same_v<M, core::Decimal R::*>) {
            r.*m = stored_decimal(rows.text(col));
          } else if constexpr (std::is_same_v<M, std::optional<core::Decimal> R::*>) {
            // Text that is no decimal (stored before the column held decimals) reads as none.
            r.*m = rows.is_null(col)
                       ? std::nullopt
                       : core::Decimal::parse(rows.text(col), core::Decimal::kMaxScale);
          } else {
            // Derived members and JSON-only fields have no column to read.
          }
        },
        f.member);
  }

  static void bind(Sql& q, const F& f, const R& r) {
    std::visit(
        [&](auto m) {
          using M = decltype(m);
          if constexpr (std::is_same_v<M, std::int64_t R::*>) {
            q.bind(r.*m);
          } else if constexpr (std::is_same_v<M, std::optional<std::int64_t> R::*>) {
            q.bind(opt(r.*m));
          } else if constexpr (std::is_same_v<M, int R::*>) {
            q.bind(std::int64_t{r.*m});
          } else if constexpr (std::is_same_v<M, bool R::*>) {
            q.bind(std::int64_t{(r.*m) ? 1 : 0});
          } else if constexpr (std::is_same_v<M, std::optional<bool> R::*>) {
            if (r.*m) {
              q.bind(std::int64_t{*(r.*m) ? 1 : 0});
            } else {
              q.bind(nullptr);
            }
          } else if constexpr (std::is_same_v<M, std::string R::*>) {
            q.bind(std::string_view(r.*m));
          } else if constexpr (std::is_same_v<M, std::optional<std::string> R::*>) {
            q.bind(opt(r.*m));
          } else if constexpr (std::is_same_v<M, std::optional<double> R::*>) {
            q.bind(opt(r.*m));
          } else if constexpr (std::is_same_v<M, std::vector<std::string> R::*>) {
            q.bind_text(encode_string_list(r.*m));
          } else if constexpr (std::is_same_v<M, std::vector<std::int64_t> R::*>) {
            q.bind_text(encode_id_list(r.*m));
          } else if constexpr (std::is_same_v<M, core::Decimal R::*>) {
            q.bind_text((r.*m).to_string());
          } else if constexpr (std::is_same_v<M, std::optional<core::Decimal> R::*>) {
            if (r.*m) {
              q.bind_text((r.*m)->to_string());
            } else {
              q.bind(nullptr);
            }
          } else if constexpr (std::is_same_v<M, bool (R::*)() const>) {
            q.bind(std::int64_t{(r.*m)() ? 1 : 0});
          } else if constexpr (std::is_same_v<M, std::optional<std::string> (R::*)() const>) {
            if (auto v = (r.*m)()) {
              q.bind_text(std::move(*v));
            } else {
              q.bind(nullptr);
            }
          } else {
            throw std::logic_error("a field without a member cannot be stored");
          }
        },
        f.member);
  }

  // Decimals are stored as their exact text; anything else in a required column reads as zero
  // rather than failing the whole read.
  static core::Decimal stored_decimal(std::string_view text) {
    auto d = core::Decimal::parse(text, core::Decimal::kMaxScale);
    return d ? *d : core::Decimal();
  }

  const core::Entity<R>& entity_;
  const F* key_ = nullptr;
  const F* company_ = nullptr;
  std::vector<const F*> read_, insert_, update_;
  std::string columns_, select_, insert_sql_, insert_with_key_sql_, insert_next_key_sql_,
      update_sql_;
};

}  // namespace ov::storage
