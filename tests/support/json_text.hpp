// JSON text for API test assertions: compact serialisation, quoting, object keys in order, and
// the error bodies of the four envelope families (ENDPOINTS.md §2).
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/envelope.hpp"

namespace ov::test {

// Compact JSON of a value.
std::string to_json(const rapidjson::Value& v);
// A JSON string literal of s.
std::string quote(std::string_view s);
// An object's member names in document order.
std::vector<std::string> keys_of(const rapidjson::Value& obj);
using Problems = std::vector<std::pair<std::string, std::string>>;  // field, message

// Error bodies of each envelope family (ENDPOINTS.md §2), byte for byte: one problem (4001,
// answered with `http_status`) and several field problems (4002, always 400).
std::string one_problem_body(api::Family family, std::string_view message, int http_status = 400);
std::string problems_body(api::Family family, const Problems& problems);
// The same in family S, the most common one.
std::string one_problem_body(std::string_view message);
std::string problems_body(const Problems& problems);

}  // namespace ov::test
