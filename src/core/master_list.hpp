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

struct MasterList;

// An extra column of a list's items, after the id and the name.
struct MasterColumn {
  enum class Kind { kInt64, kOptInt64, kString, kOptString, kBool };
  // Whether the administration plane writes the column: never, on creation only (a property
  // others rows depend on, such as a header template's document type), or on creation and
  // update.
  enum class Write { kNo, kOnCreate, kAlways };
  // What a written text must look like beyond its length.
  enum class Format { kAny, kColor /* #RRGGBB */ };
  std::string_view json;
  std::string_view column;
  Kind kind = Kind::kInt64;
  Write write = Write::kNo;
  // Bounds of a written value: integers within [min, max], strings of at most max_chars.
  std::int64_t min = 0;
  std::int64_t max = 0;
  std::size_t max_chars = 0;
  // A computed boolean column (e.g. "is the default") is written by a statement of its own,
  // run with (company_id, id) when the property is true; a false value is refused (another
  // entry is made the default instead). The statement must change a row, or the entry did
  // not qualify (e.g. it is inactive).
  std::string_view set_sql;
  Format format = Format::kAny;
  // An integer column naming an entry of another list (a stage's board): a written value must
  // name an active entry of that list.
  const MasterList* refers_to = nullptr;
};

// A column of a record that names an entry of the list (company_id beside it): while a
// record refers to an entry, the administration plane's DELETE deactivates the entry instead
// of deleting it, so that no reference breaks.
struct MasterReference {
  std::string_view table;
  std::string_view column;
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
  // How many of the extras an item shows before its name (product groups: their code).
  std::size_t extras_before_name = 0;
  std::span<const MasterFilter> filters;
  // Entries carry created_by_user_id and date_created (those created on first use by a
  // client's request, storage::find_or_add_by_name).
  bool audited = false;
  // The administration plane: the kind under /admin/v1/companies/{companyId}/{kind} ("" when
  // the list is not administered, e.g. a designed enum), the records that refer to entries,
  // and a query (bound to company_id, id) naming entries that can be neither deactivated nor
  // deleted, with the reason given to the operator.
  std::string_view admin_kind;
  std::span<const MasterReference> references;
  std::string_view kept_sql;
  std::string_view kept_reason;
};

// A list whose entries clients name by their names and that are created on first use
// (storage::find_or_add_by_name): no endpoint of its own, every entry listed with its active
// flag, ordered by name, audited. `order` names the name column and then the id column.
struct NamedByClients {
  std::string_view admin_kind;
  std::string_view table;
  std::string_view id_column;
  std::string_view id_key;
  std::string_view name_key;
  std::string_view field;
  std::string_view order;
  std::span<const MasterReference> references;
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
          .audited = true,
          .admin_kind = l.admin_kind,
          .references = l.references};
}

}  // namespace ov::core
