#include "core/numbers.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace ov::core {
namespace {

constexpr NumberFormat kCustomerCode{"C", PeriodKind::kNone, 6};

LocalTime local_date(int year, int month) {
  LocalTime local;
  local.year = year;
  local.month = month;
  local.day = 15;
  return local;
}

TEST(PeriodKeyTest, Kinds) {
  EXPECT_EQ(period_key(kCaseNumber, local_date(2025, 2)), "2502");
  EXPECT_EQ(period_key(kDealNumber, local_date(2024, 12)), "2412");
  EXPECT_EQ(period_key(kActivityNumber, local_date(2025, 2)), "202502");
  EXPECT_EQ(period_key(kActivityNumber, local_date(2025, 12)), "202512");
  EXPECT_EQ(period_key(kCustomerCode, local_date(2025, 2)), "");
}

TEST(PeriodKeyTest, PadsYearAndMonth) {
  EXPECT_EQ(period_key(kCaseNumber, local_date(2000, 1)), "0001");
  EXPECT_EQ(period_key(kCaseNumber, local_date(2009, 10)), "0910");
  EXPECT_EQ(period_key(kCaseNumber, local_date(2100, 7)), "0007");
  EXPECT_EQ(period_key(kActivityNumber, local_date(999, 3)), "099903");
}

TEST(PeriodKeyTest, UsesTheCompanyZone) {
  // 2025-02-28T20:00:00Z is already March in Bangkok.
  const UnixSeconds t = 1740772800;
  EXPECT_EQ(period_key(kCaseNumber, TimeZone::bangkok().to_local(t)), "2503");
  const TimeZone* utc = TimeZone::find("UTC");
  ASSERT_NE(utc, nullptr);
  EXPECT_EQ(period_key(kCaseNumber, utc->to_local(t)), "2502");
  EXPECT_EQ(period_key(kActivityNumber, TimeZone::bangkok().to_local(t)), "202503");
}

TEST(FormatNumberTest, PadsToDigits) {
  EXPECT_EQ(format_number(kCaseNumber, "2502", 10), "T250200010");
  EXPECT_EQ(format_number(kCaseNumber, "2502", 1), "T250200001");
  EXPECT_EQ(format_number(kDealNumber, "2412", 44), "D241200044");
  EXPECT_EQ(format_number(kActivityNumber, "202502", 28), "A20250200028");
  EXPECT_EQ(format_number(kCustomerCode, "", 154), "C000154");
}

TEST(FormatNumberTest, WidensPastDigits) {
  EXPECT_EQ(format_number(kCaseNumber, "2502", 99999), "T250299999");
  EXPECT_EQ(format_number(kCaseNumber, "2502", 100000), "T2502100000");
  EXPECT_EQ(format_number(kCaseNumber, "2502", 1234567), "T25021234567");
  EXPECT_EQ(format_number(kCustomerCode, "", 999999), "C999999");
  EXPECT_EQ(format_number(kCustomerCode, "", 1000000), "C1000000");
  EXPECT_EQ(format_number(kCaseNumber, "2502", std::numeric_limits<std::int64_t>::max()),
            "T25029223372036854775807");
}

TEST(FormatNumberTest, OtherPrefixes) {
  constexpr NumberFormat kContract{"CONT", PeriodKind::kYYMM, 5};
  constexpr NumberFormat kExpense{"EXP", PeriodKind::kYYYYMM, 5};
  constexpr NumberFormat kNoPadding{"Q", PeriodKind::kNone, 0};
  EXPECT_EQ(format_number(kContract, "2502", 7), "CONT250200007");
  EXPECT_EQ(format_number(kExpense, "202502", 123456), "EXP202502123456");
  EXPECT_EQ(format_number(kNoPadding, "", 42), "Q42");
}

TEST(FormatNumberTest, PeriodKeyAndNumberTogether) {
  const LocalTime local = TimeZone::bangkok().to_local(1738751753);  // 2025-02-05 in Bangkok
  EXPECT_EQ(format_number(kCaseNumber, period_key(kCaseNumber, local), 10), "T250200010");
  EXPECT_EQ(format_number(kActivityNumber, period_key(kActivityNumber, local), 28), "A20250200028");
}

}  // namespace
}  // namespace ov::core
