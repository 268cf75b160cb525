// Path parameters read one way. The router has already decoded them (and checked {x:int64}
// ones); what is left is how a value names a record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace ov::api {

// Parameter `i` of an {x:int64} route.
std::int64_t path_id(const http::Request& req, std::size_t i = 0);

// Parameter `i` as a code or number of at most `max_chars` characters. A longer value cannot
// name a record: 404/4001 "<what> are at most <max> characters; no such <record> exists".
std::string path_code(const http::Request& req, std::size_t i, std::size_t max_chars,
                      std::string_view what, std::string_view record);

// "Digits are an id, anything else a business number" (Deal, Expense, Quotation paths): a
// value of 1–19 ASCII digits within int64 is an id, any other one a number of at most
// `max_chars` characters (404 beyond, as path_code).
// 1-19 ASCII digits as an id (no sign, no spaces), or nullopt: how a path tells an id from a
// number, and how bodies that type an id as a string do too.
std::optional<std::int64_t> as_id(std::string_view v);

struct IdOrNumber {
  std::optional<std::int64_t> id;
  std::string number;  // the value as sent when it is not an id
};
IdOrNumber path_id_or_number(const http::Request& req, std::size_t i, std::size_t max_chars,
                             std::string_view what, std::string_view record);

}  // namespace ov::api
