// The trigrams of Deal Enquiry's keyword index (deal_keywords.hpp): three code points each,
// Thai as well as Latin, each once.
#include "modules/deals/deal_keywords.hpp"

#include <gtest/gtest.h>

namespace ov::deals {
namespace {

std::int64_t gram(char32_t a, char32_t b, char32_t c) {
  return (static_cast<std::int64_t>(a) << 42) | (static_cast<std::int64_t>(b) << 21) |
         static_cast<std::int64_t>(c);
}

TEST(DealTrigrams, ThreeCodePointsEachOnce) {
  EXPECT_TRUE(trigrams("").empty());
  EXPECT_TRUE(trigrams("ab").empty());
  EXPECT_EQ(trigrams("abc"), std::vector<std::int64_t>{gram('a', 'b', 'c')});
  // "aaaa" has two windows, one trigram.
  EXPECT_EQ(trigrams("aaaa"), std::vector<std::int64_t>{gram('a', 'a', 'a')});
  EXPECT_EQ(trigrams("abcd").size(), 2u);
}

TEST(DealTrigrams, ThaiIsCountedInCodePointsNotBytes) {
  // Three Thai characters are nine bytes and one trigram.
  const auto grams = trigrams("การ");
  ASSERT_EQ(grams.size(), 1u);
  EXPECT_EQ(grams.front(), gram(U'ก', U'า', U'ร'));
  // A keyword's trigrams are among the text's when the text contains it.
  const auto text = trigrams(search_text("D250200001", "บริษัท สยามการค้า จำกัด"));
  for (auto g : trigrams("การค้า")) {
    EXPECT_TRUE(std::binary_search(text.begin(), text.end(), g));
  }
}

TEST(DealTrigrams, SearchTextLowersAsciiAndSeparatesTheFields) {
  EXPECT_EQ(search_text("D250200001", "Oasis SPA"), "d250200001\noasis spa");
  // The line feed keeps a keyword from matching across the number and the name.
  const auto text = trigrams(search_text("D1", "xy"));
  EXPECT_FALSE(std::binary_search(text.begin(), text.end(), gram('1', 'x', 'y')));
}

TEST(DealTrigrams, TextThatIsNotUtf8HasNone) {
  EXPECT_TRUE(trigrams(std::string("ab\xff"
                                   "cd"))
                  .empty());
  EXPECT_TRUE(trigrams(std::string("abc\xe0\xb8")).empty());
}

}  // namespace
}  // namespace ov::deals
