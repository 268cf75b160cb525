#include "modules/products/serial_types.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace ov::products {

namespace {

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string serial_key_of(std::string_view serial) { return core::ascii_lower(serial); }

core::UnixSeconds add_period(core::UnixSeconds from, std::int64_t amount, char unit,
                             const core::TimeZone& zone) {
  auto local = zone.to_local(from);
  if (unit == 'd') {
    // Whole local days: step past the day, then back to its midnight (a DST change keeps the
    // date).
    local = zone.to_local(from + amount * 86400 + 12 * 3600);
    return zone.from_local(local.year, local.month, local.day, 0, 0, 0).value_or(from);
  }
  std::int64_t months =
      (local.year * 12 + (local.month - 1)) + (unit == 'y' ? amount * 12 : amount);
  const int year = static_cast<int>(months / 12);
  const int month = static_cast<int>(months % 12) + 1;
  const int day = std::min(local.day, days_in_month(year, month));
  return zone.from_local(year, month, day, local.hour, local.minute, local.second).value_or(from);
}

}  // namespace ov::products
