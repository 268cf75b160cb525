#include "core/money.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace ov::core {
namespace {

std::string text(std::string_view in, int max_scale = 6) {
  auto d = Decimal::parse(in, max_scale);
  return d ? d->to_string() : "<invalid>";
}

TEST(DecimalTest, ParsesAndKeepsTheGivenScale) {
  EXPECT_EQ(text("1000000.50"), "1000000.50");
  EXPECT_EQ(text("50000"), "50000");
  EXPECT_EQ(text("-3"), "-3");
  EXPECT_EQ(text("+4.25"), "4.25");
  EXPECT_EQ(text("0.125"), "0.125");
  EXPECT_EQ(text(".5"), "0.5");
  EXPECT_EQ(text("5."), "5");
  EXPECT_EQ(text("007.10"), "7.10");
  EXPECT_EQ(text("1e3"), "1000");
  EXPECT_EQ(text("2.5E-1"), "0.25");
  EXPECT_EQ(text("12.5e+1"), "125");
}

TEST(DecimalTest, RejectsWhatIsNotADecimal) {
  for (const char* bad : {"", "-", "+", ".", "abc", "1,000", "1.2.3", "1e", "1e+", "0x10", " 1",
                          "1 ", "1e99999", "NaN", "Infinity", "١٢"}) {
    EXPECT_FALSE(Decimal::parse(bad, 6).has_value()) << bad;
  }
}

TEST(DecimalTest, ScaleBeyondTheFieldIsRefusedUnlessOnlyZeros) {
  EXPECT_EQ(text("12.345", 2), "<invalid>");
  EXPECT_EQ(text("12.3400", 2), "12.34");
  EXPECT_EQ(text("12.000000", 0), "12");
  EXPECT_EQ(text("0.0001", 4), "0.0001");
  EXPECT_EQ(text("0.00001", 4), "<invalid>");
}

TEST(DecimalTest, IntegerDigitsAreBounded) {
  EXPECT_EQ(text("999999999999999.99", 2), "999999999999999.99");  // 15 integer digits
  EXPECT_EQ(text("1000000000000000", 2), "<invalid>");             // 16
  EXPECT_EQ(text("0000000000000000001.5", 2), "1.5");              // leading zeros do not count
  EXPECT_EQ(text(std::string(80, '9')), "<invalid>");
}

TEST(DecimalTest, ArithmeticIsExact) {
  auto d = [](const char* s) { return *Decimal::parse(s, 6); };
  EXPECT_EQ((d("0.1") + d("0.2")).to_string(), "0.3");
  EXPECT_EQ(d("0.1") + d("0.2"), d("0.3"));
  EXPECT_EQ((d("500") * d("5")).to_string(), "2500");
  EXPECT_EQ((d("1950.25") - d("0.25")).to_json_number(), "1950");
  EXPECT_EQ((d("19.99") * d("3.5")).to_string(), "69.965");
  EXPECT_EQ((d("-2.5") * d("4")).to_string(), "-10.0");
  EXPECT_EQ(Decimal::divide(d("10"), d("3"), 2).to_string(), "3.33");
  EXPECT_EQ(Decimal::divide(d("2"), d("3"), 2).to_string(), "0.67");
  EXPECT_EQ(Decimal::divide(d("-2"), d("3"), 2).to_string(), "-0.67");
  EXPECT_EQ(Decimal::divide(d("2250"), d("100"), 2).to_string(), "22.50");
  EXPECT_THROW(Decimal::divide(d("1"), d("0"), 2), std::invalid_argument);
}

TEST(DecimalTest, RoundsHalfAwayFromZero) {
  auto r = [](const char* s, int scale) {
    return Decimal::parse(s, 12)->rounded(scale).to_string();
  };
  EXPECT_EQ(r("0.125", 2), "0.13");
  EXPECT_EQ(r("0.124999", 2), "0.12");
  EXPECT_EQ(r("-0.125", 2), "-0.13");
  EXPECT_EQ(r("2.5", 0), "3");
  EXPECT_EQ(r("-2.5", 0), "-3");
  EXPECT_EQ(r("1.005", 2), "1.01");  // the value binary doubles get wrong
  EXPECT_EQ(r("7", 2), "7.00");
  EXPECT_EQ(round_money(*Decimal::parse("4467.245", 3)).to_string(), "4467.25");
}

TEST(DecimalTest, ComparesByValue) {
  auto d = [](const char* s) { return *Decimal::parse(s, 6); };
  EXPECT_EQ(d("1.50"), d("1.5"));
  EXPECT_LT(d("1.49"), d("1.5"));
  EXPECT_GT(d("-1"), d("-1.01"));
  EXPECT_TRUE(d("0.00").is_zero());
  EXPECT_TRUE(d("-0.01").is_negative());
}

TEST(DecimalTest, JsonNumbersAreShortest) {
  auto j = [](const char* s) { return Decimal::parse(s, 6)->to_json_number(); };
  EXPECT_EQ(j("1950.00"), "1950");
  EXPECT_EQ(j("4467.25"), "4467.25");
  EXPECT_EQ(j("150.730"), "150.73");
  EXPECT_EQ(j("0.000"), "0");
  EXPECT_EQ(j("-0.50"), "-0.5");
}

TEST(DecimalTest, DoublesAreTakenOnlyWhenTheirDecimalIsCertain) {
  auto f = [](double v, int scale) {
    auto d = Decimal::from_double(v, scale);
    return d ? d->to_string() : "<invalid>";
  };
  EXPECT_EQ(f(0.1, 2), "0.1");
  EXPECT_EQ(f(4467.25, 2), "4467.25");
  EXPECT_EQ(f(1950, 2), "1950");
  EXPECT_EQ(f(123456789012.34, 2), "123456789012.34");
  EXPECT_EQ(f(1.005, 3), "1.005");
  EXPECT_EQ(f(0.1 + 0.2, 2), "<invalid>");  // 0.30000000000000004: 17 digits
  EXPECT_EQ(f(1.0 / 3.0, 6), "<invalid>");
  EXPECT_EQ(f(12.345, 2), "<invalid>");  // too precise for the field
  // Values whose shortest form is scientific are read in plain digits.
  EXPECT_EQ(f(0.0001, 4), "0.0001");
  EXPECT_EQ(f(0.0005, 4), "0.0005");
  EXPECT_EQ(f(-0.00025, 5), "-0.00025");
  EXPECT_EQ(f(1e14, 2), "100000000000000");
  EXPECT_EQ(f(2.5e16, 0), "<invalid>");   // 17 integer digits
  EXPECT_EQ(f(0.00001, 4), "<invalid>");  // 5 decimals
}

TEST(DecimalTest, UnitsAndScaleRoundTrip) {
  auto d = Decimal::from_units(445025, 2);
  EXPECT_EQ(d.to_string(), "4450.25");
  EXPECT_EQ(Decimal::from_units(d.units(), d.scale()), d);
  EXPECT_EQ(Decimal::of(-12).to_string(), "-12");
  EXPECT_EQ(Decimal::from_units(5, 3).to_string(), "0.005");
  EXPECT_EQ(Decimal::from_units(-5, 3).to_string(), "-0.005");
}

}  // namespace
}  // namespace ov::core
