// An entity's fields, named once: each row ties a JSON property to a column and to a member of
// the record type. The JSON writer (api/json_fields.hpp) and the row reader and INSERT/UPDATE
// builders (storage/table.hpp) are driven by the same rows, so a field cannot be added to one
// and forgotten in another, and a section declares its objects instead of writing them out.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/money.hpp"

namespace ov::core {

// How a member is shown in JSON when its C++ type alone does not say.
enum class FieldKind : std::uint8_t {
  kValue,        // as the member's type says (numbers, strings, booleans, lists)
  kDateTime,     // Unix seconds emitted as yyyy-MM-ddTHH:mm:ss+0700 in the company's zone
  kDateTimeMs,   // Unix milliseconds (the webhook tables' clock), emitted as kDateTime is
  kDecimalText,  // a Decimal emitted as a JSON string, keeping its scale ("1000000.50")
  kRawJson,      // a string holding JSON text we wrote (an object or list), emitted as that JSON
};

// Which statements a column takes part in.
enum class Store : std::uint8_t {
  kReadWrite,  // selected, inserted and updated
  kInsert,     // selected and inserted, never updated (codes, creation audit, owner ids)
  kRead,       // selected only (generated ids, columns of joined tables)
  kWrite,      // inserted and updated, never read back (values derived from other members)
  kNone,       // not a column: JSON only
};

// The member a field reads and writes: a data member, or a const member function for values
// derived from others (is_active() of a customer). std::monostate: the field's JSON is
// written by `custom` instead.
template <class R>
using Member = std::variant<std::monostate, std::int64_t R::*, std::optional<std::int64_t> R::*,
                            int R::*, bool R::*, std::optional<bool> R::*, std::string R::*,
                            std::optional<std::string> R::*, std::optional<double> R::*,
                            std::vector<std::string> R::*, std::vector<std::int64_t> R::*,
                            Decimal R::*, std::optional<Decimal> R::*, bool (R::*)() const,
                            std::optional<std::string> (R::*)() const>;

// JSON written by other code: a nested object or list of another record type, a constant, or
// a value computed from several members. `out` is the api's JSON writer and `context` its
// output context; api/json_fields.hpp makes these from typed functions.
template <class R>
using CustomJson = void (*)(void* out, const R& record, const void* context);

template <class R>
struct Field {
  std::string_view json;    // property name, "" when the field is not part of the JSON
  std::string_view column;  // column, "" when none; "alias.column" for a joined table's
  Member<R> member;
  FieldKind kind = FieldKind::kValue;
  Store store = Store::kReadWrite;
  // What SELECT reads when it is not the column itself (e.g. a COALESCE over legacy rows).
  std::string_view read_expr;
  CustomJson<R> custom = nullptr;

  constexpr Field(std::string_view json_name, std::string_view column_name, Member<R> m,
                  Store s = Store::kReadWrite)
      : json(json_name), column(column_name), member(m), store(s) {}
  constexpr Field(std::string_view json_name, std::string_view column_name, Member<R> m,
                  FieldKind k, Store s = Store::kReadWrite)
      : json(json_name), column(column_name), member(m), kind(k), store(s) {}
  // JSON written by `write`; no column.
  constexpr Field(std::string_view json_name, CustomJson<R> write)
      : json(json_name), member(std::monostate{}), store(Store::kNone), custom(write) {}
};

template <class R>
using Fields = std::span<const Field<R>>;

// A field shown in JSON only (a member already stored under another field, or filled from
// another table).
template <class R>
constexpr Field<R> json_only(std::string_view json, Member<R> m,
                             FieldKind kind = FieldKind::kValue) {
  return Field<R>(json, "", m, kind, Store::kNone);
}
// A column not shown in JSON.
template <class R>
constexpr Field<R> column_only(std::string_view column, Member<R> m,
                               Store store = Store::kReadWrite) {
  return Field<R>("", column, m, store);
}
// A column read through an expression (e.g. COALESCE(date_modified, created_at)).
template <class R>
constexpr Field<R> read_as(Field<R> f, std::string_view expr) {
  f.read_expr = expr;
  return f;
}

// How an entity's generated id is made. kRowid: the backend's own (SQLite's INTEGER PRIMARY
// KEY, PostgreSQL's identity column), which makes the id the table's key. kCompanyFirst: the
// table's key is (company_id, id), so that it can be distributed by company; PostgreSQL still
// numbers it with an identity column, SQLite (one writer) with the next id after the largest
// in use, found by an index on the id.
enum class KeyGen { kRowid, kCompanyFirst };

// Where an entity's rows live: its table, the alias its columns are qualified with in reads,
// the joins that bring in other tables' columns (alias.column fields), and its generated key.
template <class R>
struct Entity {
  std::string_view table;
  std::string_view alias;
  Fields<R> fields;
  std::string_view key_column;  // generated id, returned by INSERT; "" when none
  std::string_view joins;       // " LEFT JOIN customers cu ON …", read statements only
  KeyGen key_gen = KeyGen::kRowid;
};

}  // namespace ov::core
