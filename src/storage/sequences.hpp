// Business-number sequences (ENDPOINTS.md §1.8).
#pragma once

#include <cstdint>
#include <string>

#include "core/numbers.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace ov::storage {

// Allocates the next number of `fmt` for the company and the period `now` falls in (in
// `zone`). Must run inside the transaction that stores the numbered record: the sequence row
// is locked and incremented there, so numbers are unique across threads and servers, and a
// rolled-back insert gives its number back (no gaps).
std::string next_number(Session& s, std::int64_t company_id, const core::NumberFormat& fmt,
                        core::UnixSeconds now, const core::TimeZone& zone);

// Makes the next number of `fmt` in `period` follow `last_value` (data imported or seeded under
// numbers of the sequence, e.g. the demo's T250200010); a sequence already past it is left.
void continue_sequence_after(Session& s, std::int64_t company_id, const core::NumberFormat& fmt,
                             std::string_view period, std::int64_t last_value);

}  // namespace ov::storage
