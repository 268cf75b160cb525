#include "api/path_params.hpp"

#include <charconv>

#include "core/error.hpp"
#include "core/text.hpp"

namespace ov::api {

std::optional<std::int64_t> as_id(std::string_view v) {
  if (v.empty() || v.size() > 19) return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
  if (ec != std::errc() || end != v.data() + v.size() || v.front() == '-' || v.front() == '+') {
    return std::nullopt;
  }
  return id;
}

namespace {}  // namespace

std::int64_t path_id(const http::Request& req, std::size_t i) {
  const auto& p = req.params.at(i);
  auto id = as_id(p);
  // The router matched an {x:int64} segment; anything else names nothing.
  if (!id) throw core::not_found("No record has the id " + p);
  return *id;
}

std::string path_code(const http::Request& req, std::size_t i, std::size_t max_chars,
                      std::string_view what, std::string_view record) {
  const auto& v = req.params.at(i);
  if (core::utf8_length(v) > max_chars) {
    throw core::not_found(std::string(what) + " are at most " + std::to_string(max_chars) +
                          " characters; no such " + std::string(record) + " exists");
  }
  return v;
}

IdOrNumber path_id_or_number(const http::Request& req, std::size_t i, std::size_t max_chars,
                             std::string_view what, std::string_view record) {
  IdOrNumber out;
  out.id = as_id(req.params.at(i));
  if (!out.id) out.number = path_code(req, i, max_chars, what, record);
  return out;
}

}  // namespace ov::api
