#include "core/numbers.hpp"

#include <algorithm>
#include <charconv>

namespace ov::core {
namespace {

// Zero-pads after the sign so that a bad value stays recognisable instead of garbling the code.
void append_padded(std::string& out, std::int64_t value, int width) {
  std::uint64_t magnitude = static_cast<std::uint64_t>(value);
  if (value < 0) {
    out.push_back('-');
    magnitude = 0 - magnitude;
  }
  char buf[24];
  const auto result = std::to_chars(buf, buf + sizeof buf, magnitude);
  const auto length = static_cast<int>(result.ptr - buf);
  if (length < width) out.append(static_cast<std::size_t>(width - length), '0');
  out.append(buf, result.ptr);
}

}  // namespace

std::string period_key(const NumberFormat& fmt, const LocalTime& local) {
  std::string key;
  switch (fmt.period) {
    case PeriodKind::kNone:
      break;
    case PeriodKind::kYYMM:
      append_padded(key, (local.year % 100 + 100) % 100, 2);
      append_padded(key, local.month, 2);
      break;
    case PeriodKind::kYYYYMM:
      append_padded(key, local.year, 4);
      append_padded(key, local.month, 2);
      break;
  }
  return key;
}

std::string format_number(const NumberFormat& fmt, std::string_view period, std::int64_t seq) {
  std::string out;
  out.reserve(fmt.prefix.size() + period.size() +
              static_cast<std::size_t>(std::max(fmt.digits, 20)));
  out.append(fmt.prefix);
  out.append(period);
  append_padded(out, seq, fmt.digits);
  return out;
}

}  // namespace ov::core
