// Paging and ordering of list endpoints read one way (ENDPOINTS.md §1.9): `take` (or its legacy
// alias), `skip`, and `orderBy` checked against the endpoint's sort table.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "api/json_input.hpp"
#include "core/query.hpp"

namespace ov::api {

struct PageSpec {
  std::string_view take = "take";
  std::string_view alias;  // a legacy name of take (pageLength); the canonical name wins
  Need need = Need::kRequired;
  std::int64_t fallback = 0;  // the page size when take is optional and absent
};

struct PageRequest {
  std::int64_t take = 0;
  std::int64_t skip = 0;
};

// take at least 1 (larger than kMaxTake means kMaxTake, not an error) and skip at least 0.
// Problems are recorded in `r`.
PageRequest read_page(ObjectReader& r, const PageSpec& spec);

// "<field> [asc|desc], …" from property `name`, each field a name of `table` (matched
// case-insensitively). Absent, null or blank → `fallback`. A term not understood records a
// problem.
std::vector<core::SortTerm> read_order(ObjectReader& r, std::string_view name,
                                       core::SortTable table, std::vector<core::SortTerm> fallback);

}  // namespace ov::api
