#include "api/query_input.hpp"

#include <charconv>

#include "core/text.hpp"
#include "http/message.hpp"

namespace ov::api {

using core::FieldProblem;

namespace {

std::optional<std::string> decode_text(std::string_view raw) {
  auto decoded = http::percent_decode(raw, true);
  if (!decoded || decoded->find('\0') != std::string::npos || !core::valid_utf8(*decoded)) {
    return std::nullopt;
  }
  return decoded;
}

}  // namespace

QueryReader::QueryReader(std::string_view query) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = decode_text(pair.substr(0, eq));
    if (!name) continue;  // no parameter of ours has such a name
    Param p;
    p.name = std::move(*name);
    p.value = eq == std::string_view::npos ? std::string() : decode_text(pair.substr(eq + 1));
    params_.push_back(std::move(p));
  }
}

const std::string* QueryReader::last(std::string_view name) {
  const Param* found = nullptr;
  for (const auto& p : params_) {
    if (iequals(p.name, name)) found = &p;
  }
  if (!found) return nullptr;
  if (!found->value) {
    problem(name, std::string(name) + " is not valid percent-encoded UTF-8");
    return nullptr;
  }
  return found->value->empty() ? nullptr : &*found->value;
}

const std::string* QueryReader::open(std::string_view name, Need need, bool& present) {
  const auto before = problems_.size();
  const auto* v = last(name);
  present = v != nullptr;
  // A value that did not decode has its problem already.
  if (!v && need == Need::kRequired && problems_.size() == before) {
    problem(name, std::string(name) + " is required");
  }
  return v;
}

void QueryReader::problem(std::string_view name, std::string message) {
  problems_.push_back({std::string(name), std::move(message)});
}

std::vector<FieldProblem> QueryReader::take_problems() {
  auto out = std::move(problems_);
  problems_.clear();
  return out;
}

Input<std::string> QueryReader::string(std::string_view name, Need need, std::size_t max_chars) {
  Input<std::string> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  if (utf8_length(*v) > max_chars) {
    problem(name,
            std::string(name) + " must be at most " + std::to_string(max_chars) + " characters");
    return in;
  }
  in.value = *v;
  return in;
}

Input<core::UnixSeconds> QueryReader::datetime(std::string_view name, Need need,
                                               const core::TimeZone& zone) {
  Input<core::UnixSeconds> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  in.value = core::parse_datetime(*v, zone);
  if (!in.value) problem(name, std::string(name) + " is not a valid date");
  return in;
}

Input<bool> QueryReader::boolean(std::string_view name, Need need) {
  Input<bool> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  if (iequals(*v, "true") || *v == "1") {
    in.value = true;
  } else if (iequals(*v, "false") || *v == "0") {
    in.value = false;
  } else {
    problem(name, std::string(name) + " must be true or false");
  }
  return in;
}

Input<std::int64_t> QueryReader::integer(std::string_view name, Need need, std::int64_t min,
                                         std::int64_t max) {
  Input<std::int64_t> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size()) {
    problem(name, std::string(name) + " must be an integer");
  } else if (n < min || n > max) {
    problem(name, std::string(name) + " must be between " + std::to_string(min) + " and " +
                      std::to_string(max));
  } else {
    in.value = n;
  }
  return in;
}

Input<core::UnixSeconds> QueryReader::range_end(std::string_view name, Need need,
                                                const core::TimeZone& zone) {
  Input<core::UnixSeconds> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  in.value = parse_range_end(*v, zone);
  if (!in.value) problem(name, std::string(name) + " is not a valid date");
  return in;
}

Input<std::vector<std::int64_t>> QueryReader::integer_list(std::string_view name, Need need,
                                                           std::int64_t min, std::int64_t max,
                                                           std::size_t max_items) {
  Input<std::vector<std::int64_t>> in;
  const std::string field(name);
  std::vector<std::int64_t> items;
  bool ok = true;
  for (const auto& p : params_) {
    if (!iequals(p.name, name)) continue;
    if (!p.value) {
      problem(name, field + " is not valid percent-encoded UTF-8");
      ok = false;
      continue;
    }
    std::string_view rest = *p.value;
    while (ok) {
      const auto comma = rest.find(',');
      auto item = rest.substr(0, comma);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) {
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
        if (ec != std::errc() || end != item.data() + item.size()) {
          problem(name, field + " must be a list of integers");
          ok = false;
        } else if (n < min || n > max) {
          problem(name, field + " items must be between " + std::to_string(min) + " and " +
                            std::to_string(max));
          ok = false;
        } else if (items.size() == max_items) {
          problem(name, field + " must have at most " + std::to_string(max_items) + " items");
          ok = false;
        } else {
          items.push_back(n);
        }
      }
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    if (!ok) break;
  }
  if (!ok) return in;
  in.present = !items.empty();
  if (items.empty()) {
    if (need == Need::kRequired) problem(name, field + " is required");
    return in;
  }
  in.value = std::move(items);
  return in;
}

void check_request(QueryReader& query, ObjectReader* body) {
  auto problems = query.take_problems();
  if (body) {
    for (auto& p : body->take_problems()) problems.push_back(std::move(p));
  }
  if (!problems.empty()) throw core::ApiError(std::move(problems));
}

}  // namespace ov::api
