// A request body as an ordered list of properties with raw JSON values, so that a test can
// change one property and keep the rest in place. Header-only, test code only.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/json_text.hpp"

namespace ov::test {

class Body {
 public:
  // `raw` is JSON text: a number, true, null, an array, "a quoted string".
  Body& set(const std::string& key, const std::string& raw) {
    auto it = std::find_if(props_.begin(), props_.end(), [&](auto& p) { return p.first == key; });
    if (it == props_.end()) {
      props_.emplace_back(key, raw);
    } else {
      it->second = raw;
    }
    return *this;
  }
  Body& str(const std::string& key, std::string_view value) { return set(key, quote(value)); }
  Body& erase(const std::string& key) {
    std::erase_if(props_, [&](auto& p) { return p.first == key; });
    return *this;
  }
  std::string json() const {
    std::string out = "{";
    for (const auto& [k, v] : props_) {
      if (out.size() > 1) out += ",";
      out += quote(k) + ":" + v;
    }
    return out + "}";
  }

 private:
  std::vector<std::pair<std::string, std::string>> props_;
};

}  // namespace ov::test
