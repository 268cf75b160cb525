// Instants, IANA time zones and the date formats of the Venio API (ENDPOINTS.md §1.6).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ov::core {

// Seconds since the Unix epoch, UTC. Whole seconds: the API truncates fractions on input.
using UnixSeconds = std::int64_t;

// Local calendar fields of an instant in some zone.
struct LocalTime {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  int utc_offset_seconds = 0;  // e.g. 25200 for +0700
};

// An IANA time zone (e.g. "Asia/Bangkok") loaded from the operating system's tz database.
// Instances are immutable, cached process-wide and safe to share between threads.
class TimeZone {
 public:
  // nullptr when the name is not a known zone.
  static const TimeZone* find(std::string_view iana_name);
  // Asia/Bangkok, the default zone of a company.
  static const TimeZone& bangkok();

  const std::string& name() const { return name_; }
  LocalTime to_local(UnixSeconds t) const;
  // Local wall-clock fields → instant. For a time inside a DST gap or overlap the earliest
  // valid instant is chosen. Returns nullopt for out-of-range fields.
  std::optional<UnixSeconds> from_local(int year, int month, int day, int hour, int minute,
                                        int second) const;

 private:
  explicit TimeZone(std::string name, const void* zone) : name_(std::move(name)), zone_(zone) {}
  std::string name_;
  const void* zone_;  // date::time_zone*
};

// Parses every input form of ENDPOINTS.md §1.6:
//   2025-02-05T17:35:53.693+0700, 2025-02-05T17:35:53+07:00, 2021-09-17T10:42:31.981Z,
//   2024-02-01T10:00:00 (local in `zone`), 2025-06-18 00:00:00 (space separator, optional
//   fraction, optional offset), 2023-02-04 (local midnight in `zone`).
// Fractions of 1–7 digits are truncated. Years 1..9999 only; month/day/hour/minute/second
// are range-checked (day against the month's length, leap years included). Anything else,
// including trailing characters, → nullopt.
std::optional<UnixSeconds> parse_datetime(std::string_view text, const TimeZone& zone);

// The local midnight that starts the day of `t` in `zone`: how a date-only field (a quotation's
// date, a birthday) keeps the day it names, whatever time of day was sent with it.
UnixSeconds local_midnight(UnixSeconds t, const TimeZone& zone);

// yyyy-MM-ddTHH:mm:ss±HHmm in `zone`, e.g. 2025-02-06T09:41:33+0700.
std::string format_datetime(UnixSeconds t, const TimeZone& zone);
// The same into a caller's buffer, without allocating (responses format many dates).
using DateTimeText = std::array<char, 32>;
std::string_view format_datetime(UnixSeconds t, const TimeZone& zone, DateTimeText& out);

}  // namespace ov::core
