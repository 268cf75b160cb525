#include "modules/activities/activity_repository.hpp"

#include "storage/paging.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"
#include "storage/text_match.hpp"

namespace ov::activities {

namespace {

const storage::Table<ActivityRecord> kActivities(kActivityEntity);

}  // namespace

std::optional<ActivityRecord> ActivityRepository::find_by_id(std::int64_t company_id,
                                                             std::int64_t activity_id) {
  static const std::string sql =
      kActivities.select() + " WHERE a.company_id = ? AND a.activity_id = ?";
  auto rows = s_.query(sql, {company_id, activity_id});
  if (!rows.next()) return std::nullopt;
  return kActivities.read(rows);
}

std::optional<ActivityRecord> ActivityRepository::find_by_no(std::int64_t company_id,
                                                             std::string_view activity_no) {
  static const std::string sql =
      kActivities.select() + " WHERE a.company_id = ? AND lower(a.activity_no) = lower(?)";
  auto rows = s_.query(sql, {company_id, activity_no});
  if (!rows.next()) return std::nullopt;
  return kActivities.read(rows);
}

core::Page<ActivityRecord> ActivityRepository::enquiry(std::int64_t company_id,
                                                       const EnquiryInput& in) {
  std::optional<std::int64_t> customer_id;
  if (in.customer_code) {
    // A code no customer has matches no activity.
    auto customer = refs::find_customer_ref(s_, company_id, *in.customer_code);
    if (!customer) return {};
    customer_id = customer->customer_id;
  }
  // The filters, after the FROM: with the customer join (the keyword and the page's columns
  // need it) or without (a count that needs no column of it).
  auto filtered = [&](storage::Sql& q, bool with_customer) {
    q.add(" FROM activities a");
    if (with_customer) q.add(kActivities.joins());
    // Activities deleted in the app (isActive false) are in no list; Get by id or number still
    // shows them.
    q.add(" WHERE a.company_id = ? AND a.is_active = 1").bind(company_id);
    if (in.activity_no) q.add(" AND lower(a.activity_no) = lower(?)").bind_text(*in.activity_no);
    if (customer_id) q.add(" AND a.customer_id = ?").bind(*customer_id);
    if (!in.assignees.empty()) q.add(" AND a.assign_to_user_id IN ").in_list(in.assignees);
    if (!in.status_ids.empty()) q.add(" AND a.status_id IN ").in_list(in.status_ids);
    if (!in.type_ids.empty()) q.add(" AND a.activity_type_id IN ").in_list(in.type_ids);
    if (in.date_from) q.add(" AND a.date_appointment_start >= ?").bind(*in.date_from);
    if (in.date_to) q.add(" AND a.date_appointment_start <= ?").bind(*in.date_to);
    if (in.keyword) {
      storage::add_contains_any(q, s_, {"a.activity_no", "a.subject", "cu.customer_name"},
                                *in.keyword);
    }
  };
  storage::Sql where, count_where;
  filtered(where, true);
  if (!in.keyword) filtered(count_where, false);
  return storage::run_page(s_, kActivities, where, in.keyword.has_value(),
                           storage::order_by(kActivitySort, in.order, kSortById), in.take, in.skip,
                           {}, in.keyword ? nullptr : &count_where);
}

void ActivityRepository::insert(ActivityRecord& a, const std::vector<refs::NumberRef>& deals,
                                bool with_id) {
  a.activity_id = kActivities.insert(s_, a, with_id);
  set_key_activities(a, true);
  set_deals(a, deals, true);
}

void ActivityRepository::update(const ActivityRecord& a) { kActivities.update(s_, a); }

void ActivityRepository::set_key_activities(const ActivityRecord& a, bool fresh) {
  if (!fresh) {
    s_.exec("DELETE FROM activity_key_activities WHERE company_id = ? AND activity_id = ?",
            {a.company_id, a.activity_id});
  }
  std::int64_t pos = 0;
  for (auto id : a.key_activity_ids) {
    s_.exec(
        "INSERT INTO activity_key_activities (company_id, activity_id, position, "
        "key_activity_id) VALUES (?, ?, ?, ?)",
        {a.company_id, a.activity_id, pos++, id});
  }
}

void ActivityRepository::set_deals(const ActivityRecord& a,
                                   const std::vector<refs::NumberRef>& deals, bool fresh) {
  if (!fresh) {
    s_.exec("DELETE FROM activity_deals WHERE company_id = ? AND activity_id = ?",
            {a.company_id, a.activity_id});
  }
  std::int64_t pos = 0;
  for (const auto& d : deals) {
    s_.exec(
        "INSERT INTO activity_deals (company_id, activity_id, position, deals_id) VALUES (?, ?, "
        "?, ?)",
        {a.company_id, a.activity_id, pos++, d.id});
  }
}

}  // namespace ov::activities
