// Text rules shared by every layer: UTF-8, case-insensitive comparison, trimming, GUIDs.
#pragma once

#include <string>
#include <string_view>

namespace ov::core {

// ASCII case-insensitive equality, the rule for property names and codes.
bool iequals(std::string_view a, std::string_view b);
// Number of Unicode code points in valid UTF-8.
std::size_t utf8_length(std::string_view s);
// `s` without leading and trailing spaces, tabs and line breaks.
std::string_view trim(std::string_view s);
std::string trimmed(std::string_view s);
// `s` with the ASCII letters lower-cased and every other byte kept (Thai has no case).
std::string ascii_lower(std::string_view s);
// True when text is a hyphenated GUID (8-4-4-4-12 hex digits, any case).
bool is_guid(std::string_view text);
// #RRGGBB: a hash and six hexadecimal digits (either case).
bool is_hex_color(std::string_view text);
// Lower-cases a GUID (callers check is_guid first).
std::string normalize_guid(std::string_view text);

// Well-formed UTF-8: shortest forms only, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s);

}  // namespace ov::core
