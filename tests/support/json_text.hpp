// JSON text for API test assertions: compact serialisation, quoting, object keys in order, and
// the error bodies of envelope family S (ENDPOINTS.md §2.1).
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ov::test {

// Compact JSON of a value.
std::string to_json(const rapidjson::Value& v);
// A JSON string literal of s.
std::string quote(std::string_view s);
// An object's member names in document order.
std::vector<std::string> keys_of(const rapidjson::Value& obj);
// Family S bodies: one problem (4001), several field problems (4002).
std::string one_problem_body(std::string_view message);
std::string problems_body(const std::vector<std::pair<std::string, std::string>>& problems);

}  // namespace ov::test
