#include "modules/customer_events/satisfaction_repository.hpp"

#include "storage/table.hpp"

namespace ov::customer_events {

std::optional<SatisfactionSource> SatisfactionRepository::find_source(std::int64_t company_id,
                                                                      std::string_view name) {
  auto rows = s_.query(
      "SELECT source_id, source_name, source_type FROM customer_satisfaction_sources WHERE "
      "company_id = ? AND lower(source_name) = lower(?)",
      {company_id, name});
  if (!rows.next()) return std::nullopt;
  return SatisfactionSource{rows.i64(0), rows.str(1), static_cast<int>(rows.i64(2))};
}

SatisfactionSource SatisfactionRepository::source(std::int64_t company_id, std::string_view name,
                                                  int type, std::string_view user_id,
                                                  core::UnixSeconds now) {
  if (auto found = find_source(company_id, name)) return *found;
  // Another server on the same database may create the same source at the same moment: the
  // unique name index keeps one, and both answers then use it.
  s_.exec(
      "INSERT INTO customer_satisfaction_sources (company_id, source_name, source_type, "
      "created_by_user_id, date_created) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {company_id, name, std::int64_t{type}, user_id, now});
  return find_source(company_id, name).value();
}

std::int64_t SatisfactionRepository::insert(const SatisfactionRecord& r) {
  static const storage::Table<SatisfactionRecord> answers(kSatisfactionEntity);
  return answers.insert(s_, r);
}

}  // namespace ov::customer_events
