#include "core/text.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace ov::core {
namespace {

// Builds a byte string from explicit values so a NUL or an invalid byte is never mistaken for
// the end of a literal.
std::string bytes(std::initializer_list<unsigned char> b) {
  std::string out;
  for (unsigned char c : b) out.push_back(static_cast<char>(c));
  return out;
}

// Text and byte strings joined by appending: g++ 12 misreads `"a" + std::string` at -O2/-O3
// as a copy of more than PTRDIFF_MAX bytes (-Wstringop-overflow) and fails a -Werror build.
std::string join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out.append(p);
  return out;
}

TEST(ValidUtf8Test, EmptyAndAscii) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("T250200010"));
  EXPECT_TRUE(valid_utf8(std::string_view("a\0b", 3)));
  EXPECT_TRUE(valid_utf8(bytes({0x7F})));
}

TEST(ValidUtf8Test, Thai) {
  EXPECT_TRUE(valid_utf8("ทดสอบ"));
  EXPECT_TRUE(valid_utf8("ลูกค้า ABC จำกัด"));
  // Boundaries of each length.
  EXPECT_TRUE(valid_utf8(bytes({0xC2, 0x80})));        // U+0080
  EXPECT_TRUE(valid_utf8(bytes({0xDF, 0xBF})));        // U+07FF
  EXPECT_TRUE(valid_utf8(bytes({0xE0, 0xA0, 0x80})));  // U+0800
  EXPECT_TRUE(valid_utf8(bytes({0xED, 0x9F, 0xBF})));  // U+D7FF, just below the surrogates
  EXPECT_TRUE(valid_utf8(bytes({0xEE, 0x80, 0x80})));  // U+E000, just above them
  EXPECT_TRUE(valid_utf8(bytes({0xEF, 0xBF, 0xBF})));  // U+FFFF
}

TEST(ValidUtf8Test, FourByteEmoji) {
  EXPECT_TRUE(valid_utf8("😀"));
  EXPECT_TRUE(valid_utf8("𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand"));
  EXPECT_TRUE(valid_utf8(bytes({0xF0, 0x90, 0x80, 0x80})));  // U+10000
  EXPECT_TRUE(valid_utf8(bytes({0xF4, 0x8F, 0xBF, 0xBF})));  // U+10FFFF
}

TEST(ValidUtf8Test, OverlongEncodings) {
  EXPECT_FALSE(valid_utf8(bytes({0xC0, 0x80})));                    // NUL in two bytes
  EXPECT_FALSE(valid_utf8(bytes({0xC1, 0xBF})));                    // U+007F in two bytes
  EXPECT_FALSE(valid_utf8(bytes({0xE0, 0x80, 0x80})));              // NUL in three bytes
  EXPECT_FALSE(valid_utf8(bytes({0xE0, 0x9F, 0xBF})));              // U+07FF in three bytes
  EXPECT_FALSE(valid_utf8(bytes({0xF0, 0x80, 0x80, 0x80})));        // NUL in four bytes
  EXPECT_FALSE(valid_utf8(bytes({0xF0, 0x8F, 0xBF, 0xBF})));        // U+FFFF in four bytes
  EXPECT_FALSE(valid_utf8(join({"a", bytes({0xC0, 0xAF}), "b"})));  // the classic "/" attack
}

TEST(ValidUtf8Test, Surrogates) {
  EXPECT_FALSE(valid_utf8(bytes({0xED, 0xA0, 0x80})));  // U+D800
  EXPECT_FALSE(valid_utf8(bytes({0xED, 0xB0, 0x80})));  // U+DC00
  EXPECT_FALSE(valid_utf8(bytes({0xED, 0xBF, 0xBF})));  // U+DFFF
  // A CESU-8 pair is two surrogates, not one supplementary character.
  EXPECT_FALSE(valid_utf8(bytes({0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80})));
}

TEST(ValidUtf8Test, AboveMaximum) {
  EXPECT_FALSE(valid_utf8(bytes({0xF4, 0x90, 0x80, 0x80})));  // U+110000
  EXPECT_FALSE(valid_utf8(bytes({0xF5, 0x80, 0x80, 0x80})));
  EXPECT_FALSE(valid_utf8(bytes({0xF7, 0xBF, 0xBF, 0xBF})));
  EXPECT_FALSE(valid_utf8(bytes({0xF8, 0x88, 0x80, 0x80, 0x80})));  // five-byte form
  EXPECT_FALSE(valid_utf8(bytes({0xFC, 0x84, 0x80, 0x80, 0x80, 0x80})));
  EXPECT_FALSE(valid_utf8(bytes({0xFE})));
  EXPECT_FALSE(valid_utf8(bytes({0xFF})));
}

TEST(ValidUtf8Test, TruncatedSequences) {
  EXPECT_FALSE(valid_utf8(bytes({0xC2})));
  EXPECT_FALSE(valid_utf8(bytes({0xE0, 0xA0})));
  EXPECT_FALSE(valid_utf8(bytes({0xF0, 0x9F, 0x98})));
  EXPECT_FALSE(valid_utf8(join({"ok", bytes({0xE0, 0xB8})})));
  // Cut short by the next character rather than by the end of input.
  EXPECT_FALSE(valid_utf8(bytes({0xE0, 0xB8, 'a'})));
  EXPECT_FALSE(valid_utf8(bytes({0xF0, 0x9F, 0x98, 'a'})));
  EXPECT_FALSE(valid_utf8(bytes({0xC2, 0xC2, 0x80})));
}

TEST(ValidUtf8Test, StrayContinuationBytes) {
  EXPECT_FALSE(valid_utf8(bytes({0x80})));
  EXPECT_FALSE(valid_utf8(bytes({0xBF})));
  EXPECT_FALSE(valid_utf8(join({"a", bytes({0x80}), "b"})));
  // One continuation byte too many after a complete character.
  EXPECT_FALSE(valid_utf8(bytes({0xC2, 0x80, 0x80})));
  EXPECT_FALSE(valid_utf8(join({"😀", bytes({0x80})})));
}

TEST(HexColor, SixHexDigitsAfterAHash) {
  EXPECT_TRUE(is_hex_color("#E53935"));
  EXPECT_TRUE(is_hex_color("#a1b2c3"));
  EXPECT_FALSE(is_hex_color("E53935"));
  EXPECT_FALSE(is_hex_color("#E5393"));
  EXPECT_FALSE(is_hex_color("#E539350"));
  EXPECT_FALSE(is_hex_color("#G53935"));
  EXPECT_FALSE(is_hex_color(""));
}

}  // namespace
}  // namespace ov::core
