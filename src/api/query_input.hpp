// Query-string parameters read with the rules of request bodies (ENDPOINTS.md §1.4): names
// match case-insensitively, every problem is collected before answering, and problems of the
// query and of a JSON body are answered together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_input.hpp"
#include "core/error.hpp"
#include "core/time.hpp"

namespace ov::api {

class QueryReader {
 public:
  // `query` is the raw query string, without the '?'.
  explicit QueryReader(std::string_view query);

  // Single values: the last occurrence wins, as for a property repeated in a body. An empty
  // value (`?dateFrom=`) is the same as an absent parameter: generated samples send them.
  Input<std::string> string(std::string_view name, Need need, std::size_t max_chars);
  Input<core::UnixSeconds> datetime(std::string_view name, Need need, const core::TimeZone& zone);
  // true/false in any case, or 1/0, as in bodies (§1.4 rule 3).
  Input<bool> boolean(std::string_view name, Need need);
  Input<std::int64_t> integer(std::string_view name, Need need, std::int64_t min, std::int64_t max);
  // The inclusive end of a range: a date-only value means the end of that local day.
  Input<core::UnixSeconds> range_end(std::string_view name, Need need, const core::TimeZone& zone);
  // Integers in [min, max] from every occurrence of the parameter, each also split on commas:
  // `ids=1&ids=4` and `ids=1,4` are the same list. Empty items are skipped.
  Input<std::vector<std::int64_t>> integer_list(std::string_view name, Need need, std::int64_t min,
                                                std::int64_t max, std::size_t max_items);

  void problem(std::string_view name, std::string message);
  std::vector<core::FieldProblem> take_problems();

 private:
  struct Param {
    std::string name;
    std::optional<std::string> value;  // nullopt: not decodable as UTF-8 text
  };
  // The decoded, non-empty value of the last occurrence; nullptr when absent or empty. A value
  // that does not decode records a problem and counts as absent.
  const std::string* last(std::string_view name);
  // last(), recording "is required" when the parameter must be there and is not.
  const std::string* open(std::string_view name, Need need, bool& present);

  std::vector<Param> params_;
  std::vector<core::FieldProblem> problems_;
};

// Answers every problem of the query, then of the body (the order they arrive in), as one
// validation error; returns when there is none. `body` may be null (no body sent).
void check_request(QueryReader& query, ObjectReader* body);

}  // namespace ov::api
