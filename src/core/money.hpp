// Exact decimals for money, quantities and rates (ENDPOINTS.md §1.4 output rule 3, §4.9): a
// 128-bit integer count of units of 10^-scale. Nothing here ever passes through binary
// floating point, so 0.1 + 0.2 is 0.3 and a document total is right to the satang.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ov::core {

// GCC's 128-bit integer; __extension__ keeps -Wpedantic quiet about a non-ISO type.
__extension__ typedef __int128 Int128;

class Decimal {
 public:
  // The most fractional digits a value carries; products of two inputs (each at most 6) stay
  // within it.
  static constexpr int kMaxScale = 12;
  // Inputs are at most this many integer digits (a quadrillion baht is far above any CRM
  // amount), so sums and products of inputs stay far inside 128 bits.
  static constexpr int kMaxIntegerDigits = 15;

  constexpr Decimal() = default;
  // An integer amount.
  static Decimal of(std::int64_t whole) { return Decimal(whole, 0); }
  // units × 10^-scale, e.g. from_units(445025, 2) is 4450.25.
  static Decimal from_units(Int128 units, int scale);

  // Decimal text: optional sign, digits, optional fraction, optional exponent (1e3, 2.5E-1).
  // nullopt when the text is not a number, has more integer digits than kMaxIntegerDigits, or
  // more significant fractional digits than `max_scale` (trailing zeros beyond it are dropped:
  // 12.3400 fits a scale of 2). The scale given is kept where it fits: "1000000.50" stays
  // two-place, as it reads back.
  static std::optional<Decimal> parse(std::string_view text, int max_scale);
  // A binary double known to come from decimal text of at most 15 significant digits (what
  // IEEE doubles carry exactly), read back as that text; nullopt when it has more digits (its
  // decimal value is then not certain) or is not finite.
  static std::optional<Decimal> from_double(double d, int max_scale);

  Int128 units() const { return units_; }
  int scale() const { return scale_; }
  bool is_zero() const { return units_ == 0; }
  bool is_negative() const { return units_ < 0; }

  // Rounded to `scale` fractional digits, half away from zero (half-up in money terms:
  // 0.125 → 0.13, -0.125 → -0.13); a value with fewer digits is padded, not changed.
  Decimal rounded(int scale) const;
  // The same value with trailing fractional zeros removed (1950.00 → 1950).
  Decimal normalized() const;

  // Text with exactly scale() fractional digits: "1000000.50", "-3", "0.125".
  std::string to_string() const;
  // The shortest text of the value, for JSON numbers: "1950", "4467.25" (§1.4 output rule 3).
  std::string to_json_number() const { return normalized().to_string(); }

  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  Decimal operator-() const { return Decimal(-units_, scale_); }
  Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
  Decimal& operator-=(const Decimal& b) { return *this = *this - b; }
  // a / b rounded half-up to `scale` digits; b must not be zero.
  static Decimal divide(const Decimal& a, const Decimal& b, int scale);

  // By value: 1.50 == 1.5.
  friend bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    const int c = compare(a, b);
    return c < 0   ? std::strong_ordering::less
           : c > 0 ? std::strong_ordering::greater
                   : std::strong_ordering::equal;
  }

 private:
  constexpr Decimal(Int128 units, int scale) : units_(units), scale_(scale) {}
  static int compare(const Decimal& a, const Decimal& b);

  Int128 units_ = 0;
  int scale_ = 0;
};

// Money as the documents show it: 2 decimals, half-up.
inline Decimal round_money(const Decimal& d) { return d.rounded(2); }

}  // namespace ov::core
