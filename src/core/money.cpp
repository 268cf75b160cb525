#include "core/money.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace ov::core {

namespace {

Int128 pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Overflow cannot come from bounded inputs; a caller that chains far more operations than any
// document needs gets an exception, never a wrong number.
Int128 checked_mul(Int128 a, Int128 b) {
  Int128 out;
  if (__builtin_mul_overflow(a, b, &out)) throw std::overflow_error("decimal overflow");
  return out;
}
Int128 checked_add(Int128 a, Int128 b) {
  Int128 out;
  if (__builtin_add_overflow(a, b, &out)) throw std::overflow_error("decimal overflow");
  return out;
}

// a and b brought to the larger of their scales.
void align(const Decimal& a, const Decimal& b, Int128& ua, Int128& ub, int& scale) {
  scale = std::max(a.scale(), b.scale());
  ua = checked_mul(a.units(), pow10(scale - a.scale()));
  ub = checked_mul(b.units(), pow10(scale - b.scale()));
}

// n / d rounded half away from zero.
Int128 divide_half_up(Int128 n, Int128 d) {
  Int128 q = n / d;
  Int128 r = n % d;
  if (r < 0) r = -r;
  const Int128 ad = d < 0 ? -d : d;
  if (r * 2 >= ad) q += ((n < 0) != (d < 0)) ? -1 : 1;
  return q;
}

}  // namespace

Decimal Decimal::from_units(Int128 units, int scale) {
  if (scale < 0 || scale > kMaxScale) throw std::invalid_argument("decimal scale out of range");
  return Decimal(units, scale);
}

std::optional<Decimal> Decimal::parse(std::string_view text, int max_scale) {
  if (max_scale < 0 || max_scale > kMaxScale) max_scale = kMaxScale;
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;  // integer and fraction digits, without the point
  int fraction = 0;
  bool any = false, point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      any = true;
      digits.push_back(c);
      if (point) ++fraction;
      // Far beyond any bound below: stop reading a hostile run of digits early.
      if (digits.size() > 64) return std::nullopt;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    ++i;
    int exponent = 0;
    auto [end, ec] = std::from_chars(text.data() + i + (i < text.size() && text[i] == '+'),
                                     text.data() + text.size(), exponent);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (exponent > 64 || exponent < -64) return std::nullopt;
    fraction -= exponent;
  }
  // A negative fraction count means trailing zeros of the integer part.
  while (fraction < 0) {
    digits.push_back('0');
    ++fraction;
  }
  // Drop fractional zeros beyond what the field allows; any other digit there is too precise.
  while (fraction > max_scale && !digits.empty() && digits.back() == '0') {
    digits.pop_back();
    --fraction;
  }
  if (fraction > max_scale) return std::nullopt;
  // Leading zeros do not count as integer digits.
  const std::size_t first = digits.find_first_not_of('0');
  const std::size_t integer_digits = digits.size() - static_cast<std::size_t>(fraction);
  if (first != std::string::npos && first < integer_digits &&
      integer_digits - first > static_cast<std::size_t>(kMaxIntegerDigits)) {
    return std::nullopt;
  }
  Int128 units = 0;
  for (char c : digits) units = units * 10 + (c - '0');
  return Decimal(negative ? -units : units, fraction);
}

std::optional<Decimal> Decimal::from_double(double d, int max_scale) {
  if (!std::isfinite(d)) return std::nullopt;
  // The shortest text that reads back as d: for a value written with at most 15 significant
  // digits this is that text (IEEE doubles keep 15 decimal digits exactly).
  std::array<char, 64> buf;
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), d);
  if (ec != std::errc()) return std::nullopt;
  std::string_view text(buf.data(), static_cast<std::size_t>(end - buf.data()));
  int significant = 0;
  bool leading = true;
  for (char c : text) {
    if (c == 'e' || c == 'E') break;
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++significant;
  }
  if (significant > 15) return std::nullopt;
  const auto e = text.find_first_of("eE");
  if (e == std::string_view::npos) return parse(text, max_scale);
  // The shortest form may be scientific (1e-04, 2.5e+20): written out in plain digits.
  std::string_view mantissa = text.substr(0, e);
  int exponent = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+' ? 1 : 0), text.data() + text.size(),
                  exponent);
  std::string sign;
  if (!mantissa.empty() && mantissa.front() == '-') {
    sign = "-";
    mantissa.remove_prefix(1);
  }
  std::string digits;
  int point = static_cast<int>(mantissa.size());
  for (std::size_t i = 0; i < mantissa.size(); ++i) {
    if (mantissa[i] == '.') {
      point = static_cast<int>(i);
    } else {
      digits.push_back(mantissa[i]);
    }
  }
  point += exponent;
  if (point <= 0) {
    digits.insert(0, static_cast<std::size_t>(-point), '0');
    point = 0;
  } else if (point > static_cast<int>(digits.size())) {
    digits.append(static_cast<std::size_t>(point) - digits.size(), '0');
  }
  std::string plain = sign;
  plain.append(point == 0 ? "0" : digits.substr(0, static_cast<std::size_t>(point)));
  if (static_cast<std::size_t>(point) < digits.size()) {
    plain.append(".").append(digits.substr(static_cast<std::size_t>(point)));
  }
  return parse(plain, max_scale);
}

Decimal Decimal::rounded(int scale) const {
  if (scale < 0 || scale > kMaxScale) throw std::invalid_argument("decimal scale out of range");
  if (scale >= scale_) return Decimal(checked_mul(units_, pow10(scale - scale_)), scale);
  return Decimal(divide_half_up(units_, pow10(scale_ - scale)), scale);
}

Decimal Decimal::normalized() const {
  Int128 u = units_;
  int s = scale_;
  while (s > 0 && u % 10 == 0) {
    u /= 10;
    --s;
  }
  return Decimal(u, s);
}

std::string Decimal::to_string() const {
  Int128 u = units_ < 0 ? -units_ : units_;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  } while (u != 0);
  while (digits.size() <= static_cast<std::size_t>(scale_)) digits.insert(digits.begin(), '0');
  if (scale_ > 0) digits.insert(digits.end() - scale_, '.');
  if (units_ < 0) digits.insert(digits.begin(), '-');
  return digits;
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  Int128 ua, ub;
  int scale;
  align(a, b, ua, ub, scale);
  return Decimal(checked_add(ua, ub), scale);
}

Decimal operator-(const Decimal& a, const Decimal& b) { return a + (-b); }

Decimal operator*(const Decimal& a, const Decimal& b) {
  const int scale = a.scale_ + b.scale_;
  const Int128 units = checked_mul(a.units_, b.units_);
  if (scale <= Decimal::kMaxScale) return Decimal(units, scale);
  return Decimal(divide_half_up(units, pow10(scale - Decimal::kMaxScale)), Decimal::kMaxScale);
}

Decimal Decimal::divide(const Decimal& a, const Decimal& b, int scale) {
  if (b.units_ == 0) throw std::invalid_argument("decimal division by zero");
  if (scale < 0 || scale > kMaxScale) throw std::invalid_argument("decimal scale out of range");
  // a/b at `scale` = (ua × 10^(scale + sb - sa)) / ub, rounded.
  const int shift = scale + b.scale_ - a.scale_;
  Int128 n = a.units_, d = b.units_;
  if (shift >= 0) {
    n = checked_mul(n, pow10(shift));
  } else {
    d = checked_mul(d, pow10(-shift));
  }
  return Decimal(divide_half_up(n, d), scale);
}

int Decimal::compare(const Decimal& a, const Decimal& b) {
  Int128 ua, ub;
  int scale;
  align(a, b, ua, ub, scale);
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

}  // namespace ov::core
