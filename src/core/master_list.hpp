// Master data as data: one row declares a reference list of a section (case categories, event
// types, deal boards, …) — its table, columns and JSON keys, which rows a reader sees and in
// which order, and the entries every new company starts with. The same row drives the list's
// GET endpoint, its query, the check that a referenced entry exists, its seed and the OpenAPI
// entry test.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace ov::core {

// An extra column of a list's items, after the id and the name.
struct MasterColumn {
  enum class Kind { kInt64, kOptInt64, kString, kOptString, kBool };
  std::string_view json;
  std::string_view column;
  Kind kind = Kind::kInt64;
};

// A filter of the list's GET endpoint: ?<query>=<int64> keeps the rows whose column equals it.
struct MasterFilter {
  std::string_view query;
  std::string_view column;
};

// An entry a new company gets. Ids are per company, so the documented ones exist in each.
struct MasterSeed {
  std::int64_t id;
  std::string_view name;
};

enum class ListedRows {
  kActive,             // active entries only
  kAll,                // active and inactive (isActive tells which take new references)
  kActiveUnlessAsked,  // active only, unless the request asks isActive=false
};

struct MasterList {
  std::string_view path;  // the GET endpoint; "" when the list has none (seed only)
  // The same endpoint at a second path a published client uses; "" when none.
  std::string_view alias_path;
  std::string_view table;
  std::string_view id_column;
  std::string_view name_column;
  std::string_view id_key;  // JSON keys of an item
  std::string_view name_key;
  // The request field that names an entry, for "<field> <id> was not found".
  std::string_view field;
  std::string_view active_column = "is_active";  // "" when every entry is always in use
  bool show_active = false;                      // items end with "isActive"
  ListedRows rows = ListedRows::kActive;
  std::string_view order;  // ORDER BY of the endpoint, ending in a unique column
  std::span<const MasterSeed> seeds;
  std::span<const MasterColumn> extras;
  std::span<const MasterFilter> filters;
  // Entries carry created_by_user_id and date_created (those created on first use by a
  // client's request, storage::find_or_add_by_name).
  bool audited = false;
};

// A list whose entries clients name by their names and that are created on first use
// (storage::find_or_add_by_name): no endpoint of its own, every entry listed with its active
// flag, ordered by name, audited. `order` names the name column and then the id column.
struct NamedByClients {
  std::string_view table;
  std::string_view id_column;
  std::string_view id_key;
  std::string_view name_key;
  std::string_view field;
  std::string_view order;
};
constexpr MasterList named_by_clients(const NamedByClients& l) {
  return {.table = l.table,
          .id_column = l.id_column,
          .name_column = "name",
          .id_key = l.id_key,
          .name_key = l.name_key,
          .field = l.field,
          .show_active = true,
          .rows = ListedRows::kAll,
          .order = l.order,
          .audited = true};
}

}  // namespace ov::core
