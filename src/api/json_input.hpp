// Request bodies: parsing with the API's tolerance rules and field-by-field validation that
// collects every problem before answering (ENDPOINTS.md §1.4, §2.5).
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/error.hpp"
#include "core/money.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace ov::api {

// Bodies nested deeper than this are rejected before parsing: no request of the API nests
// more than four levels, and a bound keeps hostile input from costing stack or time.
inline constexpr int kMaxJsonDepth = 32;

// Parses a JSON body: `//` and `/* */` comments tolerated, UTF-8 validated, exactly one
// value with nothing but white space after it. Throws ApiError (4001) on any failure.
rapidjson::Document parse_json_body(std::string_view body);

// Parses a body that must be a JSON object.
rapidjson::Document parse_json_object(std::string_view body);
// The same for a body the route makes optional (e.g. the JSON body of a GET): nullopt when the
// body is empty or only white space.
std::optional<rapidjson::Document> parse_optional_json_object(std::string_view body);

// A date or date-time used as the inclusive upper end of a range (ENDPOINTS.md §1.6): a
// date-only value stands for the whole local day, so it ends at that day's last second.
std::optional<core::UnixSeconds> parse_range_end(std::string_view text, const core::TimeZone& zone);

// A value that may be absent, explicitly null, or present: update semantics need all three
// (ENDPOINTS.md §1.5).
template <class T>
struct Input {
  bool present = false;  // the property appears in the body (possibly as null)
  std::optional<T> value;

  bool is_null() const { return present && !value; }
  explicit operator bool() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
};

// An Input holding `v`, and an explicit null: how code other than a request parser (tests,
// seeders) states what a body would have said.
template <class T>
Input<T> given(T v) {
  Input<T> in;
  in.present = true;
  in.value = std::move(v);
  return in;
}
template <class T>
Input<T> null_input() {
  Input<T> in;
  in.present = true;
  return in;
}

// A text filter of an enquiry (a keyword, a code): trimmed; absent, null or blank filters
// nothing (nullopt).
inline std::optional<std::string> filter_text(const Input<std::string>& in) {
  if (!in) return std::nullopt;
  auto t = core::trimmed(*in);
  if (t.empty()) return std::nullopt;
  return t;
}

enum class Need { kOptional, kRequired };

// The largest amount of money (15 integer digits, kMoneyScale decimals): what
// ObjectReader::money accepts and what totals computed from such amounts must stay within.
const core::Decimal& max_money();

// Reads the properties of one JSON object with case-insensitive names (the last occurrence
// wins) and records each problem instead of stopping at the first.
class ObjectReader {
 public:
  explicit ObjectReader(const rapidjson::Value& object, std::string path_prefix = "");

  // nullptr when absent.
  const rapidjson::Value* find(std::string_view name) const;

  // Strings: at most max_chars Unicode characters; a required string must not be empty.
  Input<std::string> string(std::string_view name, Need need, std::size_t max_chars);
  // Integers (a numeric string is accepted) within [min, max].
  Input<std::int64_t> integer(std::string_view name, Need need, std::int64_t min, std::int64_t max);
  Input<bool> boolean(std::string_view name, Need need);
  // A number for measures that are not money (coordinates, distances), within [min, max]; a
  // numeric string is accepted.
  Input<double> number(std::string_view name, Need need, double min, double max);
  // An exact decimal (a JSON number or a numeric string) of at most `max_scale` fractional
  // digits within [min, max]: money, quantities and rates (ENDPOINTS.md §1.4, §4.9).
  Input<core::Decimal> decimal(std::string_view name, Need need, int max_scale,
                               const core::Decimal& min, const core::Decimal& max);
  // Money and quantities (api/bounds.hpp): never negative, at most kMoneyScale or
  // kQuantityScale fractional digits and 15 integer digits.
  Input<core::Decimal> money(std::string_view name, Need need);
  Input<core::Decimal> quantity(std::string_view name, Need need);
  Input<core::UnixSeconds> datetime(std::string_view name, Need need, const core::TimeZone& zone);
  // A date (date-only fields): any datetime() form, kept as the local midnight of its day.
  Input<core::UnixSeconds> date(std::string_view name, Need need, const core::TimeZone& zone);
  // A date-time that ends a range: as datetime(), but a date-only value means the end of that
  // local day (parse_range_end).
  Input<core::UnixSeconds> range_end(std::string_view name, Need need, const core::TimeZone& zone);
  Input<std::string> guid(std::string_view name, Need need);
  // An array of non-empty strings (empty ones too with `allow_empty`), at most max_items of at
  // most max_chars each.
  Input<std::vector<std::string>> string_array(std::string_view name, Need need,
                                               std::size_t max_items, std::size_t max_chars,
                                               bool allow_empty = false);
  // An object whose values are strings (a social-account map: unknown keys kept, in order), at
  // most max_keys keys of at most max_key_chars, values of at most max_value_chars; a null
  // value is left out. The value is the object as compact JSON text.
  Input<std::string> string_object(std::string_view name, Need need, std::size_t max_keys,
                                   std::size_t max_key_chars, std::size_t max_value_chars);
  // An array of at most max_items objects, each read by `read_item(ObjectReader&)`, which
  // returns its value (the problems it records keep the item's path, e.g. contacts[2].name).
  template <class ReadItem>
  auto object_list(std::string_view name, Need need, std::size_t max_items, ReadItem read_item)
      -> Input<std::vector<std::invoke_result_t<ReadItem, ObjectReader&>>>;
  // A list of integers in [min, max]; with `single_ok` a single integer stands for a list of
  // one (legacy filters typed "int or int[]").
  Input<std::vector<std::int64_t>> integer_list(std::string_view name, Need need, std::int64_t min,
                                                std::int64_t max, std::size_t max_items,
                                                bool single_ok = false);
  Input<std::vector<bool>> boolean_list(std::string_view name, Need need, std::size_t max_items);
  // An array of at most max_items GUIDs, lower-cased.
  Input<std::vector<std::string>> guid_list(std::string_view name, Need need,
                                            std::size_t max_items);

  // The array `name` must be, with 1 to max_items items of any kind (a batch's items, each read
  // on its own by the caller); nullptr when it is not, its problem recorded ("is required",
  // "must be an array", "must have 1 to N items").
  const rapidjson::Value* items(std::string_view name, std::size_t max_items);
  // Records a problem of property `name` (e.g. a rule across fields).
  void problem(std::string_view name, std::string message);
  // Records the problems found inside property `name` (e.g. by an ObjectReader over one item of
  // an array), so that they keep that property's place in body order.
  void nested_problems(std::string_view name, std::vector<core::FieldProblem> problems);
  std::string path(std::string_view name) const;
  bool has_problems() const { return !problems_.empty(); }
  // Throws the problems found so far, in body order, as one validation error (4001 or 4002).
  void check();
  std::vector<core::FieldProblem> take_problems();

 private:
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  struct Pending {
    std::size_t position;  // index of the property in the body; kAbsent when missing
    std::size_t sequence;
    core::FieldProblem problem;
  };
  std::size_t position(std::string_view name) const;
  void push(std::string_view name, core::FieldProblem problem);
  // The value of `name`, or nullptr when it is absent or null (recording "is required" when
  // it must be there); `present` tells whether the property appears at all.
  const rapidjson::Value* open(std::string_view name, Need need, bool& present);
  // Records "<path> <what>" as the property's problem.
  void invalid(std::string_view name, std::string_view what);

  const rapidjson::Value& object_;
  std::string prefix_;
  std::vector<Pending> problems_;
};

template <class ReadItem>
auto ObjectReader::object_list(std::string_view name, Need need, std::size_t max_items,
                               ReadItem read_item)
    -> Input<std::vector<std::invoke_result_t<ReadItem, ObjectReader&>>> {
  Input<std::vector<std::invoke_result_t<ReadItem, ObjectReader&>>> in;
  const auto* v = open(name, need, in.present);
  if (!v) return in;
  if (!v->IsArray() || v->Size() > max_items) {
    invalid(name, "must be an array of at most " + std::to_string(max_items) + " objects");
    return in;
  }
  std::vector<std::invoke_result_t<ReadItem, ObjectReader&>> out;
  out.reserve(v->Size());
  bool ok = true;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    std::string prefix = path(name);
    prefix.append("[").append(std::to_string(i)).append("]");
    const auto& item = (*v)[i];
    if (!item.IsObject()) {
      std::string message = prefix;
      message.append(" must be an object");
      nested_problems(name, {{std::move(prefix), std::move(message)}});
      ok = false;
      continue;
    }
    ObjectReader reader(item, std::move(prefix));
    auto value = read_item(reader);
    if (reader.has_problems()) {
      nested_problems(name, reader.take_problems());
      ok = false;
      continue;
    }
    out.push_back(std::move(value));
  }
  if (ok) in.value = std::move(out);
  return in;
}

// An integer from a JSON value: numbers, integral decimals (12.0) and numeric strings.
std::optional<std::int64_t> integer_value(const rapidjson::Value& v);
// A boolean from a JSON value: true/false, 1/0 and "true"/"false" in any case (§1.4 rule 3).
std::optional<bool> boolean_value(const rapidjson::Value& v);

// Text rules of property names and values (core/text.hpp).
using core::iequals;
using core::utf8_length;

}  // namespace ov::api
