// Text checks shared by the HTTP and JSON layers.
#pragma once

#include <string_view>

namespace ov::core {

// Well-formed UTF-8: shortest forms only, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s);

}  // namespace ov::core
