// A statement put together piece by piece: its text and its parameters, with the strings
// the parameters view kept alive here.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "storage/database.hpp"

namespace ov::storage {

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
  // prepared-statement cache stays small.
  template <class T>
  Sql& in_list(const std::vector<T>& values) {
    std::size_t n = 1;
    while (n < values.size()) n *= 2;
    text_ += "(";
    for (std::size_t i = 0; i < n; ++i) {
      text_ += i ? ", ?" : "?";
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

}  // namespace ov::storage
