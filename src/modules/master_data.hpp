// The GET endpoints of master-data lists (core/master_list.hpp), and every section's lists in
// one registry: what a new company is seeded with and what the OpenAPI check walks.
#pragma once

#include <span>

#include "api/routes.hpp"
#include "core/master_list.hpp"
#include "storage/database.hpp"
#include "storage/master_lists.hpp"

namespace ov::modules {

// A list and the envelope family of the section it belongs to.
struct SectionList {
  const core::MasterList* list;
  api::Family family;
  // Seeds a new company's entries when they carry more than an id and a name (each company's
  // header templates name the company); runs after the list's declared seeds.
  void (*seed)(storage::Session& s, std::int64_t company_id) = nullptr;
};

// Every section's lists.
std::span<const SectionList> master_lists();

// The list's GET endpoint (when it has a path, and at its alias path too): items {id, name,
// extras…[, isActive]} in the list's order, with X-Total-Count; `?isActive=false` widens a
// kActiveUnlessAsked list and each declared filter is an integer query parameter.
void add_master_route(api::Routes& routes, storage::Database& db, const SectionList& list);

// One entry as its list's GET endpoint shows it: {id, name, extras…[, isActive]} under the
// list's keys (a deal nests its stage this way).
void write_master_item(api::JsonWriter& w, const core::MasterList& list,
                       const storage::MasterRow& row);

// One extra column's value as JSON (null, number, text or boolean): the public list and the
// administration plane show entries with the same values.
void write_master_extra(api::JsonWriter& w, const storage::MasterRow::Extra& value);

}  // namespace ov::modules
