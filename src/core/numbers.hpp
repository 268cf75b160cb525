// Business numbers (ENDPOINTS.md §1.8): prefix + period + zero-padded sequence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace ov::core {

enum class PeriodKind {
  kNone,    // customer codes: no period, C000154
  kYYMM,    // T250200010, D241200044
  kYYYYMM,  // A20250200028
};

struct NumberFormat {
  std::string_view prefix;  // "T", "A", "D", "C", "CONT", "SO", "Q", "EXP"
  PeriodKind period;
  int digits;  // minimum width of the sequence part: 5, or 6 for customer codes
};

inline constexpr NumberFormat kCaseNumber{"T", PeriodKind::kYYMM, 5};
inline constexpr NumberFormat kActivityNumber{"A", PeriodKind::kYYYYMM, 5};
inline constexpr NumberFormat kDealNumber{"D", PeriodKind::kYYMM, 5};
inline constexpr NumberFormat kExpenseNumber{"EXP", PeriodKind::kYYMM, 5};
inline constexpr NumberFormat kQuotationNumber{"Q", PeriodKind::kYYMM, 5};
inline constexpr NumberFormat kSalesOrderNumber{"SO", PeriodKind::kYYMM, 5};
// A new quotation's referenceNo when the client gives none (§1.8, designed).
inline constexpr NumberFormat kQuotationReference{"DRAFT", PeriodKind::kYYMM, 6};

// The period key of the sequence row: "2502" for kYYMM, "202502" for kYYYYMM, "" for kNone,
// taken from `local` (the creation instant in the company's zone).
std::string period_key(const NumberFormat& fmt, const LocalTime& local);

// prefix + period + sequence, zero-padded to fmt.digits and widening beyond it instead of
// failing (T2502100000 after T250299999). seq >= 1.
std::string format_number(const NumberFormat& fmt, std::string_view period, std::int64_t seq);

}  // namespace ov::core
