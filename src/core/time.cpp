#include "core/time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>

namespace ov::core {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr int kMaxOffsetSeconds = 18 * 3600;

// parse_datetime yields instants from 0001-01-01T00:00:00+18:00 to 9999-12-31T23:59:59-18:00.
// Clamping arbitrary inputs to a day beyond that keeps every calendar field within int range
// and every formatted year at four or five digits.
constexpr UnixSeconds kMinInstant = -62135596800 - kSecondsPerDay;
constexpr UnixSeconds kMaxInstant = 253402300799 + kSecondsPerDay;

const date::time_zone* tz_of(const void* zone) { return static_cast<const date::time_zone*>(zone); }

constexpr bool is_leap_year(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

constexpr int days_in_month(int y, int m) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01.
constexpr std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct CivilDate {
  int year;
  int month;
  int day;
};

// Hinnant's civil_from_days, the inverse of days_from_civil.
constexpr CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_days(11017).year == 2000 && civil_from_days(11017).month == 3);

// `t` must already be clamped.
LocalTime local_fields(UnixSeconds t, int offset_seconds) {
  const std::int64_t local = t + offset_seconds;
  std::int64_t days = local / kSecondsPerDay;
  std::int64_t secs = local % kSecondsPerDay;
  if (secs < 0) {
    secs += kSecondsPerDay;
    --days;
  }
  const CivilDate date = civil_from_days(days);
  const int s = static_cast<int>(secs);
  return {date.year, date.month, date.day, s / 3600, s / 60 % 60, s % 60, offset_seconds};
}

// Reads exactly `n` ASCII digits; the byte range check rejects signs, spaces and non-ASCII.
bool read_digits(const char*& p, const char* end, int n, int& out) {
  if (end - p < n) return false;
  int value = 0;
  for (int i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  p += n;
  out = value;
  return true;
}

bool read_char(const char*& p, const char* end, char c) {
  if (p == end || *p != c) return false;
  ++p;
  return true;
}

bool is_digit(const char* p, const char* end) {
  return p != end && static_cast<unsigned char>(*p) >= '0' && static_cast<unsigned char>(*p) <= '9';
}

// Writes `value` (0 <= value < 100000) with at least `width` digits.
char* write_number(char* p, int value, int width) {
  char digits[8];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0 && n < 8);
  while (n < width) digits[n++] = '0';
  while (n > 0) *p++ = digits[--n];
  return p;
}

struct ZoneCache {
  std::shared_mutex mutex;
  std::map<std::string, std::unique_ptr<TimeZone>, std::less<>> zones;
};

// Never destroyed, so zone pointers stay valid for code that runs during static destruction.
ZoneCache& zone_cache() {
  static ZoneCache* const cache = new ZoneCache;
  return *cache;
}

}  // namespace

const TimeZone* TimeZone::find(std::string_view iana_name) {
  ZoneCache& cache = zone_cache();
  {
    std::shared_lock lock(cache.mutex);
    if (auto it = cache.zones.find(iana_name); it != cache.zones.end()) return it->second.get();
  }

  // Unknown names are not cached: the map would otherwise grow with every caller-supplied typo.
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(iana_name);
    // The zone file is read lazily on first use; forcing it here means that a missing or corrupt
    // file surfaces as nullptr now instead of as an exception inside parse/format later.
    (void)zone->get_info(date::sys_seconds{});
  } catch (const std::exception&) {
    return nullptr;
  }

  auto created = std::unique_ptr<TimeZone>(new TimeZone(std::string(iana_name), zone));
  std::unique_lock lock(cache.mutex);
  auto it = cache.zones.find(iana_name);
  if (it == cache.zones.end()) {
    it = cache.zones.emplace(std::string(iana_name), std::move(created)).first;
  }
  return it->second.get();
}

const TimeZone& TimeZone::bangkok() {
  static const TimeZone* const zone = [] {
    const TimeZone* found = find("Asia/Bangkok");
    if (found == nullptr) throw std::runtime_error("time zone database lacks Asia/Bangkok");
    return found;
  }();
  return *zone;
}

LocalTime TimeZone::to_local(UnixSeconds t) const {
  t = std::clamp(t, kMinInstant, kMaxInstant);
  const auto info = tz_of(zone_)->get_info(date::sys_seconds{std::chrono::seconds{t}});
  return local_fields(t, static_cast<int>(info.offset.count()));
}

std::optional<UnixSeconds> TimeZone::from_local(int year, int month, int day, int hour, int minute,
                                                int second) const {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 59) {
    return std::nullopt;
  }
  const std::int64_t local =
      days_from_civil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second;
  // choose::earliest maps a gap to the transition instant and an overlap to its first
  // occurrence, and never throws.
  const auto sys = tz_of(zone_)->to_sys(date::local_seconds{std::chrono::seconds{local}},
                                        date::choose::earliest);
  return sys.time_since_epoch().count();
}

std::optional<UnixSeconds> parse_datetime(std::string_view text, const TimeZone& zone) {
  const char* p = text.data();
  const char* const end = p + text.size();

  int year = 0, month = 0, day = 0;
  if (!read_digits(p, end, 4, year) || !read_char(p, end, '-') || !read_digits(p, end, 2, month) ||
      !read_char(p, end, '-') || !read_digits(p, end, 2, day)) {
    return std::nullopt;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return std::nullopt;
  }
  if (p == end) return zone.from_local(year, month, day, 0, 0, 0);

  if (*p != 'T' && *p != ' ') return std::nullopt;
  ++p;
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(p, end, 2, hour) || !read_char(p, end, ':') || !read_digits(p, end, 2, minute) ||
      !read_char(p, end, ':') || !read_digits(p, end, 2, second)) {
    return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;

  if (p != end && *p == '.') {
    ++p;
    const char* const fraction = p;
    while (is_digit(p, end)) ++p;
    if (p == fraction || p - fraction > 7) return std::nullopt;
  }

  if (p == end) return zone.from_local(year, month, day, hour, minute, second);

  int offset = 0;
  if (*p == 'Z') {
    ++p;
  } else if (*p == '+' || *p == '-') {
    const bool negative = *p == '-';
    ++p;
    int offset_hours = 0, offset_minutes = 0;
    if (!read_digits(p, end, 2, offset_hours)) return std::nullopt;
    if (read_char(p, end, ':')) {
      if (!read_digits(p, end, 2, offset_minutes)) return std::nullopt;
    } else if (is_digit(p, end)) {
      if (!read_digits(p, end, 2, offset_minutes)) return std::nullopt;
    }
    if (offset_minutes > 59) return std::nullopt;
    offset = offset_hours * 3600 + offset_minutes * 60;
    if (offset > kMaxOffsetSeconds) return std::nullopt;
    if (negative) offset = -offset;
  } else {
    return std::nullopt;
  }
  if (p != end) return std::nullopt;

  return days_from_civil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second -
         offset;
}

UnixSeconds local_midnight(UnixSeconds t, const TimeZone& zone) {
  const auto day = zone.to_local(t);
  return zone.from_local(day.year, day.month, day.day, 0, 0, 0).value_or(t);
}

std::string format_datetime(UnixSeconds t, const TimeZone& zone) {
  DateTimeText text;
  return std::string(format_datetime(t, zone, text));
}

std::string_view format_datetime(UnixSeconds t, const TimeZone& zone, DateTimeText& out) {
  LocalTime local = zone.to_local(t);
  // Historic local mean time offsets carry seconds that ±HHmm cannot show. Truncating the offset
  // and shifting the wall clock to match keeps the string denoting exactly `t`.
  const int shown_offset = local.utc_offset_seconds / 60 * 60;
  if (shown_offset != local.utc_offset_seconds) {
    local = local_fields(std::clamp(t, kMinInstant, kMaxInstant), shown_offset);
  }

  char* buf = out.data();
  char* p = buf;
  p = write_number(p, local.year, 4);
  *p++ = '-';
  p = write_number(p, local.month, 2);
  *p++ = '-';
  p = write_number(p, local.day, 2);
  *p++ = 'T';
  p = write_number(p, local.hour, 2);
  *p++ = ':';
  p = write_number(p, local.minute, 2);
  *p++ = ':';
  p = write_number(p, local.second, 2);
  *p++ = shown_offset < 0 ? '-' : '+';
  const int offset_minutes = (shown_offset < 0 ? -shown_offset : shown_offset) / 60;
  p = write_number(p, offset_minutes / 60, 2);
  p = write_number(p, offset_minutes % 60, 2);
  return std::string_view(buf, static_cast<std::size_t>(p - buf));
}

}  // namespace ov::core
