#include "core/time.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <ctime>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"

namespace ov::core {
namespace {

// Two days inside years 1..9999, so that every zone's local year stays in that range.
constexpr UnixSeconds kFirstSafeInstant = -62135596800 + 2 * 86400;
constexpr UnixSeconds kLastSafeInstant = 253402300799 - 2 * 86400;

const TimeZone& new_york() {
  const TimeZone* zone = TimeZone::find("America/New_York");
  EXPECT_NE(zone, nullptr);
  return *zone;
}

const TimeZone& utc() {
  const TimeZone* zone = TimeZone::find("UTC");
  EXPECT_NE(zone, nullptr);
  return *zone;
}

// Parses in Bangkok and formats back in Bangkok; "" when rejected.
std::string reformat(std::string_view text, const TimeZone& zone = TimeZone::bangkok()) {
  const auto t = parse_datetime(text, zone);
  return t ? format_datetime(*t, zone) : std::string();
}

TEST(TimeZoneTest, FindsAndCachesZones) {
  const TimeZone* bangkok = TimeZone::find("Asia/Bangkok");
  ASSERT_NE(bangkok, nullptr);
  EXPECT_EQ(bangkok->name(), "Asia/Bangkok");
  EXPECT_EQ(bangkok, &TimeZone::bangkok());
  EXPECT_EQ(bangkok, TimeZone::find(std::string("Asia/Bangkok")));

  const TimeZone* ny = TimeZone::find("America/New_York");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->name(), "America/New_York");
  EXPECT_NE(ny, bangkok);
}

TEST(TimeZoneTest, UnknownZoneIsNull) {
  EXPECT_EQ(TimeZone::find("Nope/Zone"), nullptr);
  EXPECT_EQ(TimeZone::find(""), nullptr);
  EXPECT_EQ(TimeZone::find("asia/bangkok"), nullptr);
  EXPECT_EQ(TimeZone::find("Asia/Bangkok "), nullptr);
  EXPECT_EQ(TimeZone::find("../../etc/passwd"), nullptr);
  EXPECT_EQ(TimeZone::find("Asia"), nullptr);
  EXPECT_EQ(TimeZone::find(std::string_view("Asia/Bangkok\0x", 14)), nullptr);
  // A miss must not poison a later hit.
  EXPECT_NE(TimeZone::find("Asia/Bangkok"), nullptr);
}

TEST(TimeZoneTest, ConcurrentFindReturnsOneInstance) {
  const char* const names[] = {"Europe/Berlin", "Asia/Tokyo", "Australia/Lord_Howe", "Bad/Zone"};
  std::vector<std::vector<const TimeZone*>> seen(8);
  std::vector<std::thread> threads;
  for (auto& out : seen) {
    threads.emplace_back([&out, &names] {
      for (int round = 0; round < 50; ++round) {
        for (const char* name : names) out.push_back(TimeZone::find(name));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& out : seen) {
    ASSERT_EQ(out.size(), seen[0].size());
    for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], seen[0][i % 4]);
  }
  EXPECT_NE(seen[0][0], nullptr);
  EXPECT_EQ(seen[0][3], nullptr);
}

TEST(TimeZoneTest, ToLocal) {
  const LocalTime local = TimeZone::bangkok().to_local(1738751753);
  EXPECT_EQ(local.year, 2025);
  EXPECT_EQ(local.month, 2);
  EXPECT_EQ(local.day, 5);
  EXPECT_EQ(local.hour, 17);
  EXPECT_EQ(local.minute, 35);
  EXPECT_EQ(local.second, 53);
  EXPECT_EQ(local.utc_offset_seconds, 25200);

  const LocalTime summer = new_york().to_local(1751644800);
  EXPECT_EQ(summer.hour, 12);
  EXPECT_EQ(summer.utc_offset_seconds, -4 * 3600);
  const LocalTime winter = new_york().to_local(1736960400);
  EXPECT_EQ(winter.hour, 12);
  EXPECT_EQ(winter.utc_offset_seconds, -5 * 3600);

  const LocalTime before_epoch = utc().to_local(-1);
  EXPECT_EQ(before_epoch.year, 1969);
  EXPECT_EQ(before_epoch.month, 12);
  EXPECT_EQ(before_epoch.day, 31);
  EXPECT_EQ(before_epoch.hour, 23);
  EXPECT_EQ(before_epoch.minute, 59);
  EXPECT_EQ(before_epoch.second, 59);
}

TEST(TimeZoneTest, FromLocal) {
  EXPECT_EQ(TimeZone::bangkok().from_local(2024, 2, 1, 10, 0, 0), 1706756400);
  EXPECT_EQ(utc().from_local(1970, 1, 1, 0, 0, 0), 0);
  EXPECT_EQ(utc().from_local(1, 1, 1, 0, 0, 0), -62135596800);
  EXPECT_EQ(utc().from_local(9999, 12, 31, 23, 59, 59), 253402300799);

  const TimeZone& bkk = TimeZone::bangkok();
  EXPECT_EQ(bkk.from_local(0, 1, 1, 0, 0, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(10000, 1, 1, 0, 0, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 0, 1, 0, 0, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 13, 1, 0, 0, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 4, 31, 0, 0, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 1, 0, 0, 0, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 1, 1, 24, 0, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 1, 1, -1, 0, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 1, 1, 0, 60, 0), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 1, 1, 0, 0, 60), std::nullopt);
  EXPECT_EQ(bkk.from_local(2025, 1, 1, 0, 0, -1), std::nullopt);
}

TEST(TimeZoneTest, FromLocalInDstGapAndOverlap) {
  // 02:30 does not exist on 2025-03-09 in New York: the clocks jump to 03:00 EDT at 07:00Z.
  EXPECT_EQ(new_york().from_local(2025, 3, 9, 2, 30, 0), 1741503600);
  // 01:30 happens twice on 2025-11-02: first EDT (05:30Z), then EST (06:30Z).
  EXPECT_EQ(new_york().from_local(2025, 11, 2, 1, 30, 0), 1762061400);
}

TEST(ParseDatetimeTest, AcceptsEveryDocumentedForm) {
  const TimeZone& bkk = TimeZone::bangkok();
  EXPECT_EQ(parse_datetime("2025-02-05T17:35:53.693+0700", bkk), 1738751753);
  EXPECT_EQ(parse_datetime("2025-02-05T17:35:53+07:00", bkk), 1738751753);
  EXPECT_EQ(parse_datetime("2021-09-17T10:42:31.981Z", bkk), 1631875351);
  EXPECT_EQ(parse_datetime("2024-02-01T10:00:00", bkk), 1706756400);
  EXPECT_EQ(parse_datetime("2025-06-18 00:00:00", bkk), 1750179600);
  EXPECT_EQ(parse_datetime("2023-02-04", bkk), 1675443600);

  EXPECT_EQ(reformat("2025-02-05T17:35:53.693+0700"), "2025-02-05T17:35:53+0700");
  EXPECT_EQ(reformat("2025-02-05T17:35:53+07:00"), "2025-02-05T17:35:53+0700");
  EXPECT_EQ(reformat("2021-09-17T10:42:31.981Z"), "2021-09-17T17:42:31+0700");
  EXPECT_EQ(reformat("2024-02-01T10:00:00"), "2024-02-01T10:00:00+0700");
  EXPECT_EQ(reformat("2025-06-18 00:00:00"), "2025-06-18T00:00:00+0700");
  EXPECT_EQ(reformat("2023-02-04"), "2023-02-04T00:00:00+0700");
}

TEST(ParseDatetimeTest, SpaceSeparatorTakesFractionAndOffset) {
  EXPECT_EQ(reformat("2025-06-18 00:00:00.5"), "2025-06-18T00:00:00+0700");
  EXPECT_EQ(reformat("2025-06-18 00:00:00Z"), "2025-06-18T07:00:00+0700");
  EXPECT_EQ(reformat("2025-06-18 00:00:00.123+07:00"), "2025-06-18T00:00:00+0700");
  EXPECT_EQ(reformat("2025-06-18 00:00:00-0300"), "2025-06-18T10:00:00+0700");
  EXPECT_EQ(reformat("2024-02-01T10:00:00.25"), "2024-02-01T10:00:00+0700");
}

TEST(ParseDatetimeTest, OffsetForms) {
  const TimeZone& z = utc();
  EXPECT_EQ(parse_datetime("2000-01-01T00:00:00Z", z), 946684800);
  EXPECT_EQ(parse_datetime("2000-01-01T00:00:00+00:00", z), 946684800);
  EXPECT_EQ(parse_datetime("2000-01-01T00:00:00-00:00", z), 946684800);
  EXPECT_EQ(parse_datetime("2000-01-01T07:00:00+07", z), 946684800);
  EXPECT_EQ(parse_datetime("2000-01-01T07:00:00+0700", z), 946684800);
  EXPECT_EQ(parse_datetime("2000-01-01T07:00:00+07:00", z), 946684800);
  EXPECT_EQ(parse_datetime("1999-12-31T19:00:00-05", z), 946684800);
  EXPECT_EQ(parse_datetime("2000-01-01T05:45:00+0545", z), 946684800);
  EXPECT_EQ(parse_datetime("1999-12-31T20:30:00-03:30", z), 946684800);
  EXPECT_EQ(parse_datetime("2000-01-01T18:00:00+18:00", z), 946684800);
  EXPECT_EQ(parse_datetime("1999-12-31T06:00:00-1800", z), 946684800);
  EXPECT_EQ(parse_datetime("1999-12-31T06:00:00-18", z), 946684800);
}

TEST(ParseDatetimeTest, ExplicitOffsetIgnoresZone) {
  EXPECT_EQ(parse_datetime("2024-02-01T10:00:00Z", new_york()), 1706781600);
  EXPECT_EQ(parse_datetime("2024-02-01T10:00:00Z", TimeZone::bangkok()), 1706781600);
  EXPECT_EQ(parse_datetime("2024-02-01T10:00:00", new_york()), 1706781600 + 5 * 3600);
}

TEST(ParseDatetimeTest, FractionIsTruncated) {
  const TimeZone& z = utc();
  EXPECT_EQ(parse_datetime("1970-01-01T00:00:00.9999999Z", z), 0);
  EXPECT_EQ(parse_datetime("1970-01-01T00:00:00.9Z", z), 0);
  EXPECT_EQ(parse_datetime("1969-12-31T23:59:59.999Z", z), -1);
  EXPECT_EQ(parse_datetime("1970-01-01T00:00:01.0000000", z), 1);
}

TEST(ParseDatetimeTest, YearRange) {
  const TimeZone& z = utc();
  EXPECT_EQ(parse_datetime("0001-01-01T00:00:00Z", z), -62135596800);
  EXPECT_EQ(parse_datetime("9999-12-31T23:59:59Z", z), 253402300799);
  EXPECT_EQ(parse_datetime("0001-01-01", z), -62135596800);
  EXPECT_EQ(parse_datetime("0001-01-01T00:00:00+18:00", z), -62135596800 - 18 * 3600);
  EXPECT_EQ(parse_datetime("9999-12-31T23:59:59-18:00", z), 253402300799 + 18 * 3600);
}

TEST(ParseDatetimeTest, LeapDays) {
  const TimeZone& z = utc();
  EXPECT_EQ(parse_datetime("2000-02-29", z), 951782400);
  EXPECT_EQ(parse_datetime("2400-02-29T00:00:00Z", z), 13574563200);
  EXPECT_TRUE(parse_datetime("2024-02-29T12:00:00+07:00", z).has_value());
  EXPECT_TRUE(parse_datetime("0004-02-29", z).has_value());
  EXPECT_EQ(parse_datetime("2023-02-29", z), std::nullopt);
  EXPECT_EQ(parse_datetime("1900-02-29", z), std::nullopt);
  EXPECT_EQ(parse_datetime("2100-02-29T00:00:00Z", z), std::nullopt);
  EXPECT_EQ(parse_datetime("2024-02-30", z), std::nullopt);

  EXPECT_EQ(reformat("2024-02-29T23:59:59+0700"), "2024-02-29T23:59:59+0700");
  EXPECT_EQ(format_datetime(1709225999 + 1, TimeZone::bangkok()), "2024-03-01T00:00:00+0700");
  EXPECT_EQ(reformat("2024-02-29T20:00:00Z"), "2024-03-01T03:00:00+0700");
  EXPECT_EQ(reformat("2023-02-28T20:00:00Z"), "2023-03-01T03:00:00+0700");
}

TEST(ParseDatetimeTest, RejectsEverythingElse) {
  using namespace std::string_view_literals;
  const std::string_view rejected[] = {
      ""sv,
      " "sv,
      "2025"sv,
      "2025-02"sv,
      "20250205"sv,
      "25-02-05"sv,
      "2025-2-05"sv,
      "2025-02-5"sv,
      "2025/02/05"sv,
      "+2025-02-05"sv,
      "-2025-02-05"sv,
      "0000-01-01"sv,
      "0000-01-01T00:00:00Z"sv,
      "2025-02-30"sv,
      "2025-04-31"sv,
      "2025-13-01"sv,
      "2025-00-10"sv,
      "2025-01-00"sv,
      "abcd-ef-gh"sv,
      " 2025-02-05"sv,
      "2025-02-05 "sv,
      "2025-02-05\n"sv,
      "2025-02-05T"sv,
      "2025-02-05Z"sv,
      "2025-02-05+07:00"sv,
      "2025-02-05t17:35:53Z"sv,
      "2025-02-05_17:35:53Z"sv,
      "2025-02-05TT17:35:53Z"sv,
      "2025-02-05  17:35:53"sv,
      "2025-02-05T24:00:00"sv,
      "2025-02-05T23:60:00"sv,
      "2025-02-05T23:59:60Z"sv,
      "2025-02-05T17:35"sv,
      "2025-02-05T17:35:5"sv,
      "2025-02-05T17:35:5Z"sv,
      "2025-02-05T7:35:53Z"sv,
      "2025-02-05T173553Z"sv,
      "2025-02-05T17:35:53z"sv,
      "2025-02-05T17:35:53.Z"sv,
      "2025-02-05T17:35:53."sv,
      "2025-02-05T17:35:53.12345678Z"sv,
      "2025-02-05T17:35:53,693Z"sv,
      "2025-02-05T17:35:53+7"sv,
      "2025-02-05T17:35:53+070"sv,
      "2025-02-05T17:35:53+07:0"sv,
      "2025-02-05T17:35:53+07:"sv,
      "2025-02-05T17:35:53+"sv,
      "2025-02-05T17:35:53+07:60"sv,
      "2025-02-05T17:35:53+1801"sv,
      "2025-02-05T17:35:53+18:30"sv,
      "2025-02-05T17:35:53-19"sv,
      "2025-02-05T17:35:53+99:99"sv,
      "2025-02-05T17:35:53+07:00:00"sv,
      "2025-02-05T17:35:53++0700"sv,
      "2025-02-05T17:35:53+0700Z"sv,
      "2025-02-05T17:35:53Z+0700"sv,
      "2025-02-05T17:35:53ZZ"sv,
      "2025-02-05T17:35:53 +0700"sv,
      "2025-02-05T17:35:53+0700 "sv,
      "2025-02-05T17:35:53UTC"sv,
      "2025-02-05T17:35:53.693+07:00junk"sv,
      "2025-02-05T17:35:53\0"sv,
      "2025-02-05\0T17:35:53Z"sv,
      "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x95-02-05"sv,  // fullwidth digits
      "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa5-02-05"sv,                  // Arabic-Indic digits
      "2025-02-05T17:35:53\xe2\x88\x92"
      "07:00"sv,  // U+2212 minus sign
      "\xff\xff\xff\xff-\xff\xff-\xff\xff"sv,
  };
  static_assert(std::size(rejected) >= 25);
  for (std::string_view text : rejected) {
    SCOPED_TRACE(std::string(text));
    EXPECT_EQ(parse_datetime(text, TimeZone::bangkok()), std::nullopt);
    EXPECT_EQ(parse_datetime(text, new_york()), std::nullopt);
  }
}

// Anything accepted must denote an instant that formats and parses back unchanged; nothing may
// crash, which the sanitizer build checks.
TEST(ParseDatetimeTest, ArbitraryBytesNeverMisbehave) {
  std::mt19937 rng(20250206);
  const std::string seeds[] = {"2025-02-05T17:35:53.693+0700", "2021-09-17T10:42:31.981Z",
                               "2025-06-18 00:00:00", "2023-02-04", "2024-02-29T23:59:59-18:00"};
  const char alphabet[] = "0123456789-:+.TZ \x80\xff";
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = seeds[rng() % std::size(seeds)];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t pos = text.empty() ? 0 : rng() % (text.size() + 1);
      const char c = alphabet[rng() % (sizeof alphabet - 1)];
      switch (rng() % 4) {
        case 0:
          if (pos < text.size()) text[pos] = c;
          break;
        case 1:
          text.insert(pos, 1, c);
          break;
        case 2:
          if (pos < text.size()) text.erase(pos, 1);
          break;
        default:
          text.resize(pos);
          break;
      }
    }
    for (const TimeZone* zone : {&TimeZone::bangkok(), &new_york()}) {
      const auto t = parse_datetime(text, *zone);
      if (!t) continue;
      ++accepted;
      // Near the ends of the range the local year can leave 1..9999, which input rejects.
      if (*t < kFirstSafeInstant || *t > kLastSafeInstant) continue;
      const std::string formatted = format_datetime(*t, *zone);
      EXPECT_EQ(parse_datetime(formatted, utc()), t) << text << " -> " << formatted;
    }
  }
  EXPECT_GT(accepted, 0);

  for (int i = 0; i < 20000; ++i) {
    std::string text(rng() % 40, '\0');
    for (char& c : text) c = static_cast<char>(rng());
    (void)parse_datetime(text, TimeZone::bangkok());
  }
}

TEST(FormatDatetimeTest, Basics) {
  EXPECT_EQ(format_datetime(0, TimeZone::bangkok()), "1970-01-01T07:00:00+0700");
  EXPECT_EQ(format_datetime(0, utc()), "1970-01-01T00:00:00+0000");
  EXPECT_EQ(format_datetime(-1, utc()), "1969-12-31T23:59:59+0000");
  EXPECT_EQ(format_datetime(1738751753, TimeZone::bangkok()), "2025-02-05T17:35:53+0700");
  EXPECT_EQ(format_datetime(1738751753, *TimeZone::find("Asia/Kolkata")),
            "2025-02-05T16:05:53+0530");
  EXPECT_EQ(format_datetime(1738751753, *TimeZone::find("America/St_Johns")),
            "2025-02-05T07:05:53-0330");
  EXPECT_EQ(format_datetime(-62135596800, utc()), "0001-01-01T00:00:00+0000");
  EXPECT_EQ(format_datetime(253402300799, utc()), "9999-12-31T23:59:59+0000");
}

TEST(FormatDatetimeTest, ExtremeInstantsAreClamped) {
  const auto max = std::numeric_limits<UnixSeconds>::max();
  const auto min = std::numeric_limits<UnixSeconds>::min();
  EXPECT_EQ(format_datetime(max, utc()), "10000-01-01T23:59:59+0000");
  EXPECT_EQ(format_datetime(min, utc()), "0000-12-31T00:00:00+0000");
  EXPECT_FALSE(format_datetime(max, new_york()).empty());
  EXPECT_FALSE(format_datetime(min, TimeZone::bangkok()).empty());
  EXPECT_EQ(TimeZone::bangkok().to_local(max).year, 10000);
}

TEST(FormatDatetimeTest, LocalMeanTimeOffsetStillDenotesTheInstant) {
  // Bangkok kept +06:42:04 until 1920; ±HHmm cannot carry the seconds.
  const UnixSeconds t = -2208988800;  // 1900-01-01T00:00:00Z
  EXPECT_EQ(TimeZone::bangkok().to_local(t).utc_offset_seconds, 24124);
  const std::string formatted = format_datetime(t, TimeZone::bangkok());
  EXPECT_EQ(formatted, "1900-01-01T06:42:00+0642");
  EXPECT_EQ(parse_datetime(formatted, utc()), t);
}

TEST(FormatDatetimeTest, NewYorkDstRoundTrip) {
  const TimeZone& ny = new_york();
  EXPECT_EQ(reformat("2025-07-04T12:00:00", ny), "2025-07-04T12:00:00-0400");
  EXPECT_EQ(reformat("2025-01-15T12:00:00", ny), "2025-01-15T12:00:00-0500");
  EXPECT_EQ(parse_datetime("2025-07-04T12:00:00", ny), 1751644800);
  EXPECT_EQ(parse_datetime("2025-01-15T12:00:00", ny), 1736960400);
  EXPECT_EQ(reformat("2025-07-04T12:00:00-04:00", ny), "2025-07-04T12:00:00-0400");
  EXPECT_EQ(reformat("2025-07-04T12:00:00+07:00", ny), "2025-07-04T01:00:00-0400");

  // Spring-forward gap resolves to the transition; both halves of the overlap stay distinct.
  EXPECT_EQ(reformat("2025-03-09T02:30:00", ny), "2025-03-09T03:00:00-0400");
  EXPECT_EQ(reformat("2025-03-09T01:59:59", ny), "2025-03-09T01:59:59-0500");
  EXPECT_EQ(reformat("2025-11-02T01:30:00", ny), "2025-11-02T01:30:00-0400");
  EXPECT_EQ(reformat("2025-11-02T01:30:00-05:00", ny), "2025-11-02T01:30:00-0500");
  EXPECT_EQ(format_datetime(1741503600 - 1, ny), "2025-03-09T01:59:59-0500");
  EXPECT_EQ(format_datetime(1741503600, ny), "2025-03-09T03:00:00-0400");
  EXPECT_EQ(format_datetime(1762065000, ny), "2025-11-02T01:30:00-0500");

  // Every instant of two years, every 17 minutes 13 seconds, survives format → parse.
  for (UnixSeconds t = 1704067200; t < 1767225600; t += 17 * 60 + 13) {
    const std::string text = format_datetime(t, ny);
    ASSERT_EQ(parse_datetime(text, ny), t) << text;
    ASSERT_EQ(parse_datetime(text, TimeZone::bangkok()), t) << text;
  }
}

TEST(FormatDatetimeTest, RoundTripAcrossZonesAndCenturies) {
  for (const char* name : {"Asia/Bangkok", "UTC", "Europe/London", "Australia/Lord_Howe",
                           "Asia/Kathmandu", "Pacific/Kiritimati", "America/Sao_Paulo"}) {
    const TimeZone* zone = TimeZone::find(name);
    ASSERT_NE(zone, nullptr) << name;
    for (UnixSeconds t = kFirstSafeInstant; t <= kLastSafeInstant; t += 987654321) {
      const std::string text = format_datetime(t, *zone);
      ASSERT_EQ(parse_datetime(text, *zone), t) << name << " " << text;
    }
  }
}

TEST(ClockTest, FixedClockSetAndAdvance) {
  FixedClock clock(1738751753);
  const Clock& as_clock = clock;
  EXPECT_EQ(as_clock.now(), 1738751753);
  clock.advance(60);
  EXPECT_EQ(clock.now(), 1738751813);
  clock.advance(-120);
  EXPECT_EQ(clock.now(), 1738751693);
  clock.set(0);
  EXPECT_EQ(clock.now(), 0);
  clock.set(-5);
  clock.advance(5);
  EXPECT_EQ(clock.now(), 0);
}

TEST(ClockTest, FixedClockIsThreadSafe) {
  FixedClock clock(0);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&clock] {
      for (int j = 0; j < 1000; ++j) clock.advance(1);
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(clock.now(), 4000);
}

TEST(ClockTest, SystemClockTracksWallTime) {
  const SystemClock clock;
  const UnixSeconds before = static_cast<UnixSeconds>(std::time(nullptr));
  const UnixSeconds now = clock.now();
  const UnixSeconds after = static_cast<UnixSeconds>(std::time(nullptr));
  // std::time may read a coarser clock that lags a tick behind.
  EXPECT_GE(now, before - 1);
  EXPECT_LE(now, after + 1);
  EXPECT_GT(now, 1700000000);
}

}  // namespace
}  // namespace ov::core
