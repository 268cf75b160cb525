// Bounds every section shares, each with its reason. A section defines only the bounds of its
// own fields beside these.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

namespace ov::api {

// String lengths of ENDPOINTS.md §1.4 rule 6, in Unicode characters.
inline constexpr std::size_t kCodeChars = 50;    // codes and numbers (also phone numbers)
inline constexpr std::size_t kNameChars = 500;   // names and subjects
inline constexpr std::size_t kTextChars = 4000;  // notes, remarks and descriptions
// The longest address of an e-mail (RFC 5321's path limit less the angle brackets).
inline constexpr std::size_t kEmailChars = 254;
// URLs (pictures, links): the length browsers, proxies and servers reliably carry.
inline constexpr std::size_t kUrlChars = 2048;

// Ids are int64 (ENDPOINTS.md §1.8); any positive one may name a record.
inline constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

// Values of one filter list in an enquiry: any real selection fits, and statements stay small.
inline constexpr std::size_t kMaxFilterValues = 100;

// Page sizes (ENDPOINTS.md §1.9): a larger `take` is capped to this, not refused; it bounds
// one reply to a few megabytes.
inline constexpr std::int64_t kMaxTake = 1000;

// Money has two decimal places (satang) and quantities four (ENDPOINTS.md §4.9); both at most
// 15 integer digits (core::Decimal::kMaxIntegerDigits), far above any CRM amount.
inline constexpr int kMoneyScale = 2;
inline constexpr int kQuantityScale = 4;

}  // namespace ov::api
