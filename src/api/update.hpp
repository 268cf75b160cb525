// Update semantics of ENDPOINTS.md §1.5, written once: a property absent from the body keeps
// the stored value, null clears it, a value replaces it (arrays replace the whole list); and
// the create-or-update-by-key flow of the "Create or Update …" endpoints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/json_input.hpp"
#include "core/error.hpp"

namespace ov::api {

template <class T>
void patch(std::optional<T>& field, const Input<T>& in) {
  if (in.present) field = in.value;
}
// A list: null empties it.
template <class T>
void patch(std::vector<T>& field, const Input<std::vector<T>>& in) {
  if (in.present) field = in.value ? *in.value : std::vector<T>{};
}
// A field that cannot be null: a null keeps the stored value, like absence (required fields
// reject null before this).
template <class T>
void patch(T& field, const Input<T>& in) {
  if (in.value) field = *in.value;
}

// Create or update by business key: no key (absent or null) → create(); a key naming a stored
// record → update(record); a key naming none → 404/4001 "<field> <key> was not found".
template <class Find, class Create, class Update>
auto upsert_by_key(const std::optional<std::string>& key, std::string_view field, Find find,
                   Create create, Update update) {
  if (!key) return create();
  auto found = find(*key);
  if (!found) throw core::not_found(std::string(field) + " " + *key + " was not found");
  return update(std::move(*found));
}

}  // namespace ov::api
