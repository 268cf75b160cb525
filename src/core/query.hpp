// Lists: sort tables, sort terms and pages, shared by the request readers (api/paging.hpp)
// and the SQL builders (storage/paging.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace ov::core {

// A field an endpoint may be ordered by (orderBy, ENDPOINTS.md §1.9): the response field's
// name and the SQL that sorts it. Codes, names and e-mails sort case-insensitively, like they
// compare (lower(...)).
struct SortColumn {
  std::string_view field;
  std::string_view expr;
  bool nullable = false;  // NULL sorts lowest on every backend: first ascending, last descending
};
using SortTable = std::span<const SortColumn>;

struct SortTerm {
  std::size_t column = 0;  // index in the endpoint's sort table
  bool descending = false;
  bool operator==(const SortTerm&) const = default;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;  // matches before skip/take, for X-Total-Count
};

}  // namespace ov::core
