// A statement put together piece by piece: its text and its parameters, with the strings
// the parameters view kept alive here.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "storage/database.hpp"

namespace ov::storage {

// A parameter from an optional: its value, or NULL.
inline Value opt(const std::optional<std::string>& v) {
  return v ? Value(std::string_view(*v)) : Value(nullptr);
}
inline Value opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }
inline Value opt(const std::optional<double>& v) { return v ? Value(*v) : Value(nullptr); }

// A list of strings kept in one TEXT column as a JSON array (read with the row, never
// queried alone), and read back; anything but an array of strings reads as empty.
std::string encode_string_list(const std::vector<std::string>& list);
std::vector<std::string> decode_string_list(std::string_view json);
// The same for a list of int64 ids; anything but an array of integers reads as empty.
std::string encode_id_list(const std::vector<std::int64_t>& list);
std::vector<std::int64_t> decode_id_list(std::string_view json);

class Sql {
 public:
  Sql& add(std::string_view fragment) {
    text_ += fragment;
    return *this;
  }
  Sql& bind(Value v) {
    params_.push_back(v);
    return *this;
  }
  Sql& bind_text(std::string s) {
    owned_.push_back(std::move(s));
    params_.emplace_back(std::string_view(owned_.back()));
    return *this;
  }
  // "(?, ?, …)" for the values. The list is padded to a power of two by repeating its last
  // value (harmless in IN), so lists of any length share a few statement shapes and the
  // prepared-statement cache stays small. `mark` is what each value is written as: "?", or an
  // expression around it such as "lower(?)" (codes compare case-insensitively).
  template <class T>
  Sql& in_list(const std::vector<T>& values, std::string_view mark = "?") {
    std::size_t n = 1;
    while (n < values.size()) n *= 2;
    text_ += "(";
    for (std::size_t i = 0; i < n; ++i) {
      if (i) text_ += ", ";
      text_ += mark;
      const T& v = values[std::min(i, values.size() - 1)];
      if constexpr (std::is_same_v<T, std::string>) {
        owned_.push_back(v);
        params_.emplace_back(std::string_view(owned_.back()));
      } else {
        params_.emplace_back(static_cast<std::int64_t>(v));
      }
    }
    text_ += ")";
    return *this;
  }
  const std::string& text() const { return text_; }
  std::span<const Value> params() const { return params_; }

 private:
  std::string text_;
  std::vector<Value> params_;
  std::deque<std::string> owned_;
};

// A table whose records are named by an id or by a business number (expenses, sales orders,
// quotations).
struct NumberedTable {
  std::string_view table;
  std::string_view id_column;
  std::string_view number_column;
};
// The id of the company's record that `id` or, without one, `number` names (numbers compare
// case-insensitively), for a write that changes it: where writers run concurrently (PostgreSQL)
// its row is locked to the commit, so two changes of one record run one after the other and
// the second reads what the first wrote; SQLite's one writer needs no lock.
std::optional<std::int64_t> find_for_write(Session& s, const NumberedTable& t,
                                           std::int64_t company_id,
                                           const std::optional<std::int64_t>& id,
                                           std::string_view number);

}  // namespace ov::storage
