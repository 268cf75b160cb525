#include "modules/cases/case_repository.hpp"

#include "storage/sql.hpp"
#include "storage/table.hpp"

namespace ov::cases {

namespace {

const storage::Table<CaseRecord> kCases(kCaseEntity);

}  // namespace

std::optional<CaseRecord> CaseRepository::find(std::int64_t company_id, std::string_view case_no) {
  static const std::string sql =
      kCases.select() + " WHERE c.company_id = ? AND lower(c.feedback_no) = lower(?)";
  auto rows = s_.query(sql, {company_id, case_no});
  if (!rows.next()) return std::nullopt;
  return kCases.read(rows);
}

std::int64_t CaseRepository::insert(const CaseRecord& c, bool with_id) {
  return kCases.insert(s_, c, with_id);
}

void CaseRepository::update(const CaseRecord& c) { kCases.update(s_, c); }

void CaseRepository::set_links(const CaseRecord& c, LinkKind kind,
                               const std::vector<refs::NumberRef>& links, bool fresh) {
  const bool activities = kind == LinkKind::kActivities;
  if (!fresh) {
    s_.exec(activities ? "DELETE FROM case_activities WHERE company_id = ? AND feedback_id = ?"
                       : "DELETE FROM case_deals WHERE company_id = ? AND feedback_id = ?",
            {c.company_id, c.feedback_id});
  }
  std::int64_t pos = 0;
  for (const auto& link : links) {
    s_.exec(activities ? "INSERT INTO case_activities (company_id, feedback_id, position, "
                         "activity_id) VALUES (?, ?, ?, ?)"
                       : "INSERT INTO case_deals (company_id, feedback_id, position, deals_id) "
                         "VALUES (?, ?, ?, ?)",
            {c.company_id, c.feedback_id, pos++, link.id});
  }
}

}  // namespace ov::cases
