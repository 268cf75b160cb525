// The SQL of master-data lists (core/master_list.hpp): every statement is confined to one
// company.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/master_list.hpp"
#include "storage/database.hpp"

namespace ov::storage {

struct MasterRow {
  using Extra = std::variant<std::nullptr_t, std::int64_t, std::string, bool>;
  std::int64_t id = 0;
  std::string name;
  bool is_active = true;
  std::vector<Extra> extras;  // in the list's extras order
};

// The entries a reader of the list sees, in the list's order. `include_inactive` widens a
// kActiveUnlessAsked list; `filters` holds one value (or nullopt) per declared filter.
std::vector<MasterRow> list_master(Session& s, const core::MasterList& list,
                                   std::int64_t company_id, bool include_inactive,
                                   const std::vector<std::optional<std::int64_t>>& filters = {});
std::optional<MasterRow> find_master(Session& s, const core::MasterList& list,
                                     std::int64_t company_id, std::int64_t id);
// The entry `id`, which must exist and, when `must_be_active`, be active; otherwise 404/4001
// "<field> <id> was not found". Services pass must_be_active = false when a record keeps the
// entry it already has, so that an entry made inactive stays on its old records but cannot
// be newly chosen.
MasterRow require_master(Session& s, const core::MasterList& list, std::int64_t company_id,
                         std::int64_t id, bool must_be_active);
// The entries `ids` name, each once, in request order: each must exist and be active, unless
// `kept` (what the record already has) holds it. The first that does not stops the request
// (require_master's 404). What a record's list of entries (key activities, labels…) is set to.
std::vector<std::int64_t> require_masters(Session& s, const core::MasterList& list,
                                          std::int64_t company_id,
                                          const std::vector<std::int64_t>& ids,
                                          const std::vector<std::int64_t>& kept);
// Adds an entry (the seed rows, demo data, the administration).
void add_master_row(Session& s, const core::MasterList& list, std::int64_t company_id,
                    std::int64_t id, std::string_view name, bool active = true);
// Before a write gives out the next id of a company's entries (the largest in use plus one):
// on a backend with concurrent writers, a transaction-scoped lock on (table, company), so that
// two writers creating entries at once take turns and the second sees the first's (its next
// statement reads what committed). SQLite's one writer needs none. Creating entries is rare
// (first use of a name), so the turns cost nothing measurable.
void lock_new_entries(Session& s, std::string_view table, std::int64_t company_id);

// The entry named `name` (compared case-insensitively, surrounding spaces aside), created with
// the next id when the company has none: master entries clients name by name (§7.1 sources,
// groups, interests…). Another server creating the same entry at the same moment is resolved
// by the name's unique index: both then use the one stored.
MasterRow find_or_add_by_name(Session& s, const core::MasterList& list, std::int64_t company_id,
                              std::string_view name, std::string_view user_id, std::int64_t now);

// Every entry of the list, active or not, in the list's order: the administration's view.
std::vector<MasterRow> all_master(Session& s, const core::MasterList& list,
                                  std::int64_t company_id);

// What the administration writes to an entry: each property given or not (nullopt keeps the
// stored value). `extras` has one slot per declared extra column; only writable ones are
// read, and a null Extra clears an optional column.
struct MasterWrite {
  std::optional<std::string> name;
  std::optional<bool> active;
  std::vector<std::optional<MasterRow::Extra>> extras;
};
// Adds an entry with the next free id and returns that id. Columns the write leaves out take
// their schema defaults.
std::int64_t create_master(Session& s, const core::MasterList& list, std::int64_t company_id,
                           const MasterWrite& write, std::int64_t now);
// Changes entry `id` (404 when the company has none). Deactivating an entry the list keeps
// (MasterList::kept_sql) is a broken business rule.
void update_master(Session& s, const core::MasterList& list, std::int64_t company_id,
                   std::int64_t id, const MasterWrite& write);
enum class MasterRemoval { kDeleted, kDeactivated };
// Deletes entry `id`, or deactivates it while a record refers to it (MasterList::references);
// 404 when there is none, a broken business rule when the list keeps it.
MasterRemoval remove_master(Session& s, const core::MasterList& list, std::int64_t company_id,
                            std::int64_t id);

// The list's seed rows for a new company.
void seed_master(Session& s, const core::MasterList& list, std::int64_t company_id);

}  // namespace ov::storage
