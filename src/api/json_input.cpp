#include "api/json_input.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "api/bounds.hpp"
#include "core/text.hpp"

namespace ov::api {

using core::ApiError;
using core::FieldProblem;

namespace {

// Depth of [ and { outside strings and comments; stops early once past the bound.
bool nested_too_deeply(std::string_view body) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == '/' && i + 1 < body.size() && body[i + 1] == '/') {
      while (i < body.size() && body[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < body.size() && body[i + 1] == '*') {
      auto end = body.find("*/", i + 2);
      if (end == std::string_view::npos) return false;  // the parser reports it
      i = end + 1;
    }
  }
  return false;
}

// Every string (keys included) is valid UTF-8: the parser lets a lone low-surrogate escape
// (\udc00) through as CESU-8 bytes, which must not be stored or echoed.
bool strings_valid(const rapidjson::Value& v) {
  if (v.IsString()) return core::valid_utf8({v.GetString(), v.GetStringLength()});
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) {
      if (!strings_valid(item)) return false;
    }
  } else if (v.IsObject()) {
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      if (!core::valid_utf8({it->name.GetString(), it->name.GetStringLength()}) ||
          !strings_valid(it->value)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

rapidjson::Document parse_json_body(std::string_view body) {
  // A raw NUL byte is never valid JSON text, and the parser would take it for the end of input.
  if (body.find('\0') != std::string_view::npos) {
    throw core::validation("", "Request body is not valid JSON: it contains a NUL byte");
  }
  if (nested_too_deeply(body)) {
    throw core::validation("", "Request body is nested too deeply");
  }
  rapidjson::Document doc;
  // Iterative parsing keeps the native stack flat whatever the input; comments are tolerated
  // because the Venio doc examples carry them.
  constexpr unsigned kFlags = rapidjson::kParseCommentsFlag |
                              rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseIterativeFlag;
  doc.Parse<kFlags>(body.data(), body.size());
  if (doc.HasParseError()) {
    std::string msg = "Request body is not valid JSON: ";
    msg += rapidjson::GetParseError_En(doc.GetParseError());
    msg += " (at byte " + std::to_string(doc.GetErrorOffset()) + ")";
    throw core::validation("", msg);
  }
  // Depth is bounded above, so this walk's recursion is too.
  if (!strings_valid(doc)) throw core::validation("", "Request body is not valid UTF-8");
  return doc;
}

rapidjson::Document parse_json_object(std::string_view body) {
  auto doc = parse_json_body(body);
  if (!doc.IsObject()) throw core::validation("", "Request body must be a JSON object");
  return doc;
}

std::optional<rapidjson::Document> parse_optional_json_object(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return std::nullopt;
  return parse_json_object(body);
}

std::optional<core::UnixSeconds> parse_range_end(std::string_view text,
                                                 const core::TimeZone& zone) {
  auto start = core::parse_datetime(text, zone);
  // Only the date-only form (yyyy-MM-dd) is 10 characters long.
  if (!start || text.size() != 10) return start;
  // The next local midnight, found from a moment well inside the next day: days are 23 to 25
  // hours long where daylight saving time changes.
  const auto next = zone.to_local(*start + 36 * 3600);
  auto end = zone.from_local(next.year, next.month, next.day, 0, 0, 0);
  // 9999-12-31 has no next day to end at.
  if (!end) return *start + 24 * 3600 - 1;
  return *end - 1;
}

ObjectReader::ObjectReader(const rapidjson::Value& object, std::string path_prefix)
    : object_(object), prefix_(std::move(path_prefix)) {}

std::size_t ObjectReader::position(std::string_view name) const {
  std::size_t pos = kAbsent, i = 0;
  for (auto it = object_.MemberBegin(); it != object_.MemberEnd(); ++it, ++i) {
    if (iequals({it->name.GetString(), it->name.GetStringLength()}, name)) pos = i;
  }
  return pos;
}

void ObjectReader::push(std::string_view name, FieldProblem problem) {
  problems_.push_back({position(name), problems_.size(), std::move(problem)});
}

std::vector<FieldProblem> ObjectReader::take_problems() {
  // Body order (ENDPOINTS.md §2.5); problems of absent fields follow in the order checked.
  std::sort(problems_.begin(), problems_.end(), [](const Pending& a, const Pending& b) {
    return a.position != b.position ? a.position < b.position : a.sequence < b.sequence;
  });
  std::vector<FieldProblem> out;
  for (auto& p : problems_) out.push_back(std::move(p.problem));
  problems_.clear();
  return out;
}

void ObjectReader::check() {
  if (problems_.empty()) return;
  throw ApiError(take_problems());
}

const rapidjson::Value* ObjectReader::find(std::string_view name) const {
  const rapidjson::Value* found = nullptr;
  for (auto it = object_.MemberBegin(); it != object_.MemberEnd(); ++it) {
    std::string_view key(it->name.GetString(), it->name.GetStringLength());
    if (iequals(key, name)) found = &it->value;  // the last occurrence wins
  }
  return found;
}

std::string ObjectReader::path(std::string_view name) const {
  if (prefix_.empty()) return std::string(name);
  return prefix_ + "." + std::string(name);
}

void ObjectReader::problem(std::string_view name, std::string message) {
  push(name, {path(name), std::move(message)});
}

void ObjectReader::nested_problems(std::string_view name, std::vector<FieldProblem> problems) {
  for (auto& p : problems) push(name, std::move(p));
}

const rapidjson::Value* ObjectReader::open(std::string_view name, Need need, bool& present) {
  const auto* v = find(name);
  present = v != nullptr;
  if (v && !v->IsNull()) return v;
  if (need == Need::kRequired) {
    const std::string field = path(name);
    push(name, {field, field + " is required"});
  }
  return nullptr;
}

void ObjectReader::invalid(std::string_view name, std::string_view what) {
  const std::string field = path(name);
  push(name, {field, field + " " + std::string(what)});
}

Input<std::string> ObjectReader::string(std::string_view name, Need need, std::size_t max_chars) {
  Input<std::string> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  if (!v->IsString()) {
    invalid(name, "must be a string");
    return in;
  }
  std::string_view s(v->GetString(), v->GetStringLength());
  if (need == Need::kRequired && core::trim(s).empty()) {
    invalid(name, "is required");
    return in;
  }
  if (s.find('\0') != std::string_view::npos) {
    invalid(name, "must not contain NUL characters");
    return in;
  }
  if (utf8_length(s) > max_chars) {
    invalid(name, "must be at most " + std::to_string(max_chars) + " characters");
    return in;
  }
  in.value.emplace(s);
  return in;
}

std::optional<std::int64_t> integer_value(const rapidjson::Value& v) {
  if (v.IsInt64()) return v.GetInt64();
  if (v.IsDouble()) {
    // 12.0 is an integer written as a decimal; 12.5 and 1e400 are not.
    const double d = v.GetDouble();
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.0e18) {
      return static_cast<std::int64_t>(d);
    }
  }
  if (v.IsString()) {
    std::string_view s(v.GetString(), v.GetStringLength());
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) return n;
  }
  return std::nullopt;
}

std::optional<bool> boolean_value(const rapidjson::Value& v) {
  if (v.IsBool()) return v.GetBool();
  if (v.IsInt64() && (v.GetInt64() == 0 || v.GetInt64() == 1)) return v.GetInt64() == 1;
  if (v.IsString()) {
    std::string_view s(v.GetString(), v.GetStringLength());
    if (iequals(s, "true")) return true;
    if (iequals(s, "false")) return false;
  }
  return std::nullopt;
}

Input<std::int64_t> ObjectReader::integer(std::string_view name, Need need, std::int64_t min,
                                          std::int64_t max) {
  Input<std::int64_t> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  auto n = integer_value(*v);
  if (!n) {
    invalid(name, "must be an integer");
    return in;
  }
  if (*n < min || *n > max) {
    invalid(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return in;
  }
  in.value = n;
  return in;
}

Input<bool> ObjectReader::boolean(std::string_view name, Need need) {
  Input<bool> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  in.value = boolean_value(*v);
  if (!in.value) invalid(name, "must be a boolean");
  return in;
}

Input<double> ObjectReader::number(std::string_view name, Need need, double min, double max) {
  Input<double> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  std::optional<double> d;
  if (v->IsNumber()) {
    d = v->GetDouble();
  } else if (v->IsString()) {
    const std::string s(v->GetString(), v->GetStringLength());
    char* end = nullptr;
    const double parsed = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) d = parsed;
  }
  if (!d || !std::isfinite(*d)) {
    invalid(name, "must be a number");
  } else if (*d < min || *d > max) {
    // Bounds are whole degrees or kilometres: print them without a fraction.
    invalid(name, "must be between " + std::to_string(static_cast<long long>(min)) + " and " +
                      std::to_string(static_cast<long long>(max)));
  } else {
    in.value = d;
  }
  return in;
}

const core::Decimal& max_money() {
  static const auto most = *core::Decimal::parse("999999999999999.99", kMoneyScale);
  return most;
}

Input<core::Decimal> ObjectReader::money(std::string_view name, Need need) {
  return decimal(name, need, kMoneyScale, core::Decimal::of(0), max_money());
}

Input<core::Decimal> ObjectReader::quantity(std::string_view name, Need need) {
  static const auto most = *core::Decimal::parse("999999999999999.9999", kQuantityScale);
  return decimal(name, need, kQuantityScale, core::Decimal::of(0), most);
}

Input<core::Decimal> ObjectReader::decimal(std::string_view name, Need need, int max_scale,
                                           const core::Decimal& min, const core::Decimal& max) {
  Input<core::Decimal> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  std::optional<core::Decimal> d;
  if (v->IsInt64()) {
    d = core::Decimal::of(v->GetInt64());
  } else if (v->IsDouble()) {
    // A JSON number reaches us as a double: exact only up to 15 significant digits.
    d = core::Decimal::from_double(v->GetDouble(), core::Decimal::kMaxScale);
    if (!d) {
      invalid(name, "has more digits than a JSON number carries exactly; send it as a string");
      return in;
    }
  } else if (v->IsString()) {
    d = core::Decimal::parse(core::trim({v->GetString(), v->GetStringLength()}),
                             core::Decimal::kMaxScale);
  }
  if (!d) {
    // Digits past what a decimal holds (16 integer digits) are a number out of range.
    const bool numeric = v->IsString() && v->GetStringLength() > 0 && [&] {
      std::string_view t = core::trim({v->GetString(), v->GetStringLength()});
      if (!t.empty() && (t.front() == '-' || t.front() == '+')) t.remove_prefix(1);
      return !t.empty() && t.find_first_not_of("0123456789.") == std::string_view::npos &&
             t.find_first_of("0123456789") != std::string_view::npos && t.find('.') == t.rfind('.');
    }();
    if (numeric) {
      invalid(name, "must be between " + min.to_json_number() + " and " + max.to_json_number());
    } else {
      invalid(name, "must be a number");
    }
    return in;
  }
  // Trailing zeros beyond the field's scale carry nothing and are dropped.
  auto exact = core::Decimal::parse(d->to_string(), max_scale);
  if (!exact) {
    invalid(name, "must have at most " + std::to_string(max_scale) + " decimal places");
    return in;
  }
  if (*exact < min || *exact > max) {
    invalid(name, "must be between " + min.to_json_number() + " and " + max.to_json_number());
    return in;
  }
  in.value = std::move(exact);
  return in;
}

Input<core::UnixSeconds> ObjectReader::datetime(std::string_view name, Need need,
                                                const core::TimeZone& zone) {
  Input<core::UnixSeconds> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  if (v->IsString()) {
    in.value = core::parse_datetime({v->GetString(), v->GetStringLength()}, zone);
  }
  if (!in.value) invalid(name, "is not a valid date");
  return in;
}

Input<core::UnixSeconds> ObjectReader::date(std::string_view name, Need need,
                                            const core::TimeZone& zone) {
  auto in = datetime(name, need, zone);
  if (in) in.value = core::local_midnight(*in.value, zone);
  return in;
}

Input<core::UnixSeconds> ObjectReader::range_end(std::string_view name, Need need,
                                                 const core::TimeZone& zone) {
  Input<core::UnixSeconds> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  if (v->IsString()) in.value = parse_range_end({v->GetString(), v->GetStringLength()}, zone);
  if (!in.value) invalid(name, "is not a valid date");
  return in;
}

Input<std::string> ObjectReader::guid(std::string_view name, Need need) {
  Input<std::string> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  if (!v->IsString() || !core::is_guid({v->GetString(), v->GetStringLength()})) {
    invalid(name, "must be a GUID");
    return in;
  }
  in.value = core::normalize_guid({v->GetString(), v->GetStringLength()});
  return in;
}

Input<std::vector<std::string>> ObjectReader::string_array(std::string_view name, Need need,
                                                           std::size_t max_items,
                                                           std::size_t max_chars,
                                                           bool allow_empty) {
  Input<std::vector<std::string>> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  const std::string field = path(name);
  if (!v->IsArray()) {
    invalid(name, "must be an array of strings");
    return in;
  }
  if (v->Size() > max_items) {
    invalid(name, "must have at most " + std::to_string(max_items) + " items");
    return in;
  }
  std::vector<std::string> items;
  bool ok = true;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const auto& item = (*v)[i];
    const std::string item_field = field + "[" + std::to_string(i) + "]";
    if (!item.IsString() || (item.GetStringLength() == 0 && !allow_empty)) {
      push(name, {item_field, item_field + (allow_empty ? " must be a string"
                                                        : " must be a non-empty string")});
      ok = false;
      continue;
    }
    std::string_view s(item.GetString(), item.GetStringLength());
    if (utf8_length(s) > max_chars || s.find('\0') != std::string_view::npos) {
      push(name, {item_field,
                  item_field + " must be at most " + std::to_string(max_chars) + " characters"});
      ok = false;
      continue;
    }
    items.emplace_back(s);
  }
  if (ok) in.value = std::move(items);
  return in;
}

Input<std::string> ObjectReader::string_object(std::string_view name, Need need,
                                               std::size_t max_keys, std::size_t max_key_chars,
                                               std::size_t max_value_chars) {
  Input<std::string> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  const std::string field = path(name);
  if (!v->IsObject() || v->MemberCount() > max_keys) {
    invalid(name, "must be an object of at most " + std::to_string(max_keys) + " string values");
    return in;
  }
  // A key given twice keeps its last value (§1.4 rule 1), in the place it first had.
  std::vector<std::pair<std::string_view, std::string_view>> kept;
  bool ok = true;
  for (auto it = v->MemberBegin(); it != v->MemberEnd(); ++it) {
    std::string_view key(it->name.GetString(), it->name.GetStringLength());
    const std::string item_field = field + "." + std::string(key);
    if (it->value.IsNull()) continue;
    if (key.empty() || utf8_length(key) > max_key_chars ||
        key.find('\0') != std::string_view::npos) {
      push(name, {item_field,
                  field + " keys must be 1 to " + std::to_string(max_key_chars) + " characters"});
      ok = false;
      continue;
    }
    if (!it->value.IsString()) {
      push(name, {item_field, item_field + " must be a string"});
      ok = false;
      continue;
    }
    std::string_view value(it->value.GetString(), it->value.GetStringLength());
    if (utf8_length(value) > max_value_chars || value.find('\0') != std::string_view::npos) {
      push(name, {item_field, item_field + " must be at most " + std::to_string(max_value_chars) +
                                  " characters"});
      ok = false;
      continue;
    }
    auto same =
        std::find_if(kept.begin(), kept.end(), [&](const auto& kv) { return kv.first == key; });
    if (same != kept.end()) {
      same->second = value;
    } else {
      kept.emplace_back(key, value);
    }
  }
  if (!ok) return in;
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  for (const auto& [key, value] : kept) {
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  }
  w.EndObject();
  in.value.emplace(buf.GetString(), buf.GetSize());
  return in;
}

Input<std::vector<std::int64_t>> ObjectReader::integer_list(std::string_view name, Need need,
                                                            std::int64_t min, std::int64_t max,
                                                            std::size_t max_items, bool single_ok) {
  Input<std::vector<std::int64_t>> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  const std::string field = path(name);
  std::vector<const rapidjson::Value*> items;
  if (v->IsArray()) {
    if (v->Size() > max_items) {
      invalid(name, "must have at most " + std::to_string(max_items) + " items");
      return in;
    }
    for (const auto& item : v->GetArray()) items.push_back(&item);
  } else if (single_ok) {
    items.push_back(v);
  } else {
    invalid(name, "must be an array of integers");
    return in;
  }
  std::vector<std::int64_t> out;
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item_field = v->IsArray() ? field + "[" + std::to_string(i) + "]" : field;
    auto n = integer_value(*items[i]);
    if (!n || *n < min || *n > max) {
      push(name, {item_field, item_field + " must be an integer between " + std::to_string(min) +
                                  " and " + std::to_string(max)});
      ok = false;
      continue;
    }
    out.push_back(*n);
  }
  if (ok) in.value = std::move(out);
  return in;
}

const rapidjson::Value* ObjectReader::items(std::string_view name, std::size_t max_items) {
  bool present = false;
  const auto* v = open(name, Need::kRequired, present);
  if (!v) return nullptr;
  if (!v->IsArray()) {
    invalid(name, "must be an array");
    return nullptr;
  }
  if (v->Empty() || v->Size() > max_items) {
    invalid(name, "must have 1 to " + std::to_string(max_items) + " items");
    return nullptr;
  }
  return v;
}

Input<std::vector<bool>> ObjectReader::boolean_list(std::string_view name, Need need,
                                                    std::size_t max_items) {
  Input<std::vector<bool>> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  const std::string field = path(name);
  if (!v->IsArray() || v->Size() > max_items) {
    invalid(name, "must be an array of at most " + std::to_string(max_items) + " booleans");
    return in;
  }
  std::vector<bool> out;
  bool ok = true;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    auto b = boolean_value((*v)[i]);
    if (!b) {
      const std::string item_field = field + "[" + std::to_string(i) + "]";
      push(name, {item_field, item_field + " must be a boolean"});
      ok = false;
      continue;
    }
    out.push_back(*b);
  }
  if (ok) in.value = std::move(out);
  return in;
}

Input<std::vector<std::string>> ObjectReader::guid_list(std::string_view name, Need need,
                                                        std::size_t max_items) {
  Input<std::vector<std::string>> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  const std::string field = path(name);
  if (!v->IsArray() || v->Size() > max_items) {
    invalid(name, "must be an array of at most " + std::to_string(max_items) + " GUIDs");
    return in;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const auto& item = (*v)[i];
    if (!item.IsString() || !core::is_guid({item.GetString(), item.GetStringLength()})) {
      const std::string item_field = field + "[" + std::to_string(i) + "]";
      push(name, {item_field, item_field + " must be a GUID"});
      ok = false;
      continue;
    }
    out.push_back(core::normalize_guid({item.GetString(), item.GetStringLength()}));
  }
  if (ok) in.value = std::move(out);
  return in;
}

}  // namespace ov::api
