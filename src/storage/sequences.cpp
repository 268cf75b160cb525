#include "storage/sequences.hpp"

#include <stdexcept>

namespace ov::storage {

std::string next_number(Session& s, std::int64_t company_id, const core::NumberFormat& fmt,
                        core::UnixSeconds now, const core::TimeZone& zone) {
  const std::string period = core::period_key(fmt, zone.to_local(now));
  auto seq = s.query_i64(
      "INSERT INTO number_sequences (company_id, prefix, period, last_value) VALUES (?, ?, ?, 1) "
      "ON CONFLICT (company_id, prefix, period) DO UPDATE SET last_value = "
      "number_sequences.last_value + 1 RETURNING last_value",
      {company_id, fmt.prefix, std::string_view(period)});
  if (!seq) throw std::runtime_error("sequence allocation returned no row");
  return core::format_number(fmt, period, *seq);
}

void continue_sequence_after(Session& s, std::int64_t company_id, const core::NumberFormat& fmt,
                             std::string_view period, std::int64_t last_value) {
  s.exec(
      "INSERT INTO number_sequences (company_id, prefix, period, last_value) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (company_id, prefix, period) DO UPDATE SET last_value = CASE WHEN "
      "number_sequences.last_value > excluded.last_value THEN number_sequences.last_value ELSE "
      "excluded.last_value END",
      {company_id, fmt.prefix, period, last_value});
}

}  // namespace ov::storage
