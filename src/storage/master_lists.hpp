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
// Adds an entry (the seed rows, demo data, the administration).
void add_master_row(Session& s, const core::MasterList& list, std::int64_t company_id,
                    std::int64_t id, std::string_view name, bool active = true);
// The entry named `name` (compared case-insensitively, surrounding spaces aside), created with
// the next id when the company has none: master entries clients name by name (§7.1 sources,
// groups, interests…). Another server creating the same entry at the same moment is resolved
// by the name's unique index: both then use the one stored.
MasterRow find_or_add_by_name(Session& s, const core::MasterList& list, std::int64_t company_id,
                              std::string_view name, std::string_view user_id, std::int64_t now);

// The list's seed rows for a new company.
void seed_master(Session& s, const core::MasterList& list, std::int64_t company_id);

}  // namespace ov::storage
