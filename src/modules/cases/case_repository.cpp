#include "modules/cases/case_repository.hpp"

#include "storage/sql.hpp"
#include "storage/table.hpp"

namespace ov::cases {

using storage::opt;
using storage::Value;

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

bool CaseRepository::is_active_employee(std::int64_t company_id, std::string_view user_id) {
  return s_
      .query_i64(
          "SELECT 1 FROM users WHERE company_id = ? AND user_id = ? AND kind = 'employee' AND "
          "is_active = 1",
          {company_id, user_id})
      .has_value();
}

std::optional<CustomerRef> CaseRepository::customer(std::int64_t company_id,
                                                    std::string_view code) {
  auto c = customers::find_customer_ref(s_, company_id, code);
  if (c && !c->is_active) return std::nullopt;  // cases are opened for active customers only
  return c;
}

std::optional<CaseRepository::Link> CaseRepository::activity(std::int64_t company_id,
                                                             std::string_view activity_no) {
  auto rows = s_.query(
      "SELECT activity_id, activity_no FROM activities WHERE company_id = ? AND lower(activity_no) "
      "= lower(?)",
      {company_id, activity_no});
  if (!rows.next()) return std::nullopt;
  return Link{rows.i64(0), rows.str(1)};
}

std::optional<CaseRepository::Link> CaseRepository::deal(std::int64_t company_id,
                                                         std::string_view deal_no) {
  auto rows = s_.query(
      "SELECT deals_id, deal_no FROM deals WHERE company_id = ? AND lower(deal_no) = lower(?)",
      {company_id, deal_no});
  if (!rows.next()) return std::nullopt;
  return Link{rows.i64(0), rows.str(1)};
}

std::int64_t CaseRepository::insert(const CaseRecord& c) { return kCases.insert(s_, c); }

void CaseRepository::update(const CaseRecord& c) { kCases.update(s_, c); }

void CaseRepository::set_activities(std::int64_t feedback_id, const std::vector<Link>& links,
                                    bool fresh) {
  if (!fresh) s_.exec("DELETE FROM case_activities WHERE feedback_id = ?", {feedback_id});
  std::int64_t pos = 0;
  for (const auto& link : links) {
    s_.exec("INSERT INTO case_activities (feedback_id, position, activity_id) VALUES (?, ?, ?)",
            {feedback_id, pos++, link.id});
  }
}

void CaseRepository::set_deals(std::int64_t feedback_id, const std::vector<Link>& links,
                               bool fresh) {
  if (!fresh) s_.exec("DELETE FROM case_deals WHERE feedback_id = ?", {feedback_id});
  std::int64_t pos = 0;
  for (const auto& link : links) {
    s_.exec("INSERT INTO case_deals (feedback_id, position, deals_id) VALUES (?, ?, ?)",
            {feedback_id, pos++, link.id});
  }
}

}  // namespace ov::cases
