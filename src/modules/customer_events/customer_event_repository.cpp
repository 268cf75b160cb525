#include "modules/customer_events/customer_event_repository.hpp"

#include <string>
#include <utility>

#include "storage/sql.hpp"
#include "storage/table.hpp"

namespace ov::customer_events {

namespace {

const storage::Table<EventRecord> kEvents(kEventEntity);

}  // namespace

std::optional<EventRecord> CustomerEventRepository::find(std::int64_t company_id,
                                                         std::int64_t event_id) {
  static const std::string sql =
      kEvents.select() + " WHERE e.company_id = ? AND e.event_id = ? AND e.is_deleted = 0";
  auto rows = s_.query(sql, {company_id, event_id});
  if (!rows.next()) return std::nullopt;
  return kEvents.read(rows);
}

std::vector<EventRecord> CustomerEventRepository::list(std::int64_t company_id,
                                                       const CustomerRef& customer,
                                                       const EventFilter& filter) {
  storage::Sql q;
  q.add(kEvents.select())
      .add(" WHERE e.company_id = ? AND e.customer_id = ? AND e.is_deleted = 0")
      .bind(company_id)
      .bind(customer.customer_id);
  if (!filter.event_type_ids.empty())
    q.add(" AND e.event_type_id IN ").in_list(filter.event_type_ids);
  if (filter.date_from) q.add(" AND e.event_date >= ?").bind(*filter.date_from);
  if (filter.date_to) q.add(" AND e.event_date <= ?").bind(*filter.date_to);
  q.add(" ORDER BY e.event_date, e.event_id");
  auto rows = s_.query(q.text(), q.params());
  std::vector<EventRecord> out;
  while (rows.next()) out.push_back(kEvents.read(rows));
  return out;
}

std::int64_t CustomerEventRepository::count(std::int64_t company_id, std::int64_t customer_id) {
  return s_
      .query_i64(
          "SELECT COUNT(*) FROM customer_events WHERE company_id = ? AND customer_id = ? AND "
          "is_deleted = 0",
          {company_id, customer_id})
      .value_or(0);
}

std::int64_t CustomerEventRepository::insert(const EventRecord& e, bool with_id) {
  return kEvents.insert(s_, e, with_id);
}

void CustomerEventRepository::update(const EventRecord& e) { kEvents.update(s_, e); }

bool CustomerEventRepository::soft_delete(std::int64_t company_id, std::int64_t event_id,
                                          std::string_view user_id, core::UnixSeconds now) {
  return s_.exec(
             "UPDATE customer_events SET is_deleted = 1, updated_by_user_id = ?, date_updated = "
             "? WHERE company_id = ? AND event_id = ? AND is_deleted = 0",
             {user_id, now, company_id, event_id}) == 1;
}

}  // namespace ov::customer_events
