#include "modules/customer_events/customer_event_repository.hpp"

#include <string>
#include <utility>

#include "storage/sql.hpp"

namespace ov::customer_events {

using storage::opt;
using storage::Value;

namespace {

constexpr const char* kEventColumns =
    "SELECT event_id, customer_id, event_name, event_date, event_type_id, description FROM "
    "customer_events ";

EventRecord event_of(storage::Rows& rows) {
  EventRecord e;
  e.event_id = rows.i64(0);
  e.customer_id = rows.i64(1);
  e.event_name = rows.str(2);
  e.event_date = rows.i64(3);
  e.event_type = rows.i64(4);
  e.description = rows.opt_str(5);
  return e;
}

}  // namespace

std::optional<EventRecord> CustomerEventRepository::find(std::int64_t company_id,
                                                         std::int64_t event_id) {
  // Appended rather than concatenated: g++ 12 at -O2 misreports operator+ here (-Warray-bounds).
  std::string sql(kEventColumns);
  sql += "WHERE company_id = ? AND event_id = ? AND is_deleted = 0";
  auto rows = s_.query(sql, {company_id, event_id});
  if (!rows.next()) return std::nullopt;
  return event_of(rows);
}

std::vector<EventRecord> CustomerEventRepository::list(std::int64_t company_id,
                                                       const CustomerRef& customer,
                                                       const EventFilter& filter) {
  std::string sql(kEventColumns);
  sql += "WHERE company_id = ? AND customer_id = ? AND is_deleted = 0";
  std::vector<Value> params{company_id, customer.customer_id};
  if (!filter.event_type_ids.empty()) {
    sql += " AND event_type_id IN (";
    for (std::size_t i = 0; i < filter.event_type_ids.size(); ++i) {
      sql += i ? ", ?" : "?";
      params.emplace_back(filter.event_type_ids[i]);
    }
    sql += ")";
  }
  if (filter.date_from) {
    sql += " AND event_date >= ?";
    params.emplace_back(*filter.date_from);
  }
  if (filter.date_to) {
    sql += " AND event_date <= ?";
    params.emplace_back(*filter.date_to);
  }
  sql += " ORDER BY event_date, event_id";
  auto rows = s_.query(sql, std::span<const Value>(params.data(), params.size()));
  std::vector<EventRecord> out;
  while (rows.next()) out.push_back(event_of(rows));
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

std::int64_t CustomerEventRepository::insert(std::int64_t company_id, const EventRecord& e,
                                             std::string_view user_id, core::UnixSeconds now) {
  return s_
      .query_i64(
          "INSERT INTO customer_events (company_id, customer_id, event_name, event_type_id, "
          "event_date, description, created_by_user_id, date_created, updated_by_user_id, "
          "date_updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING event_id",
          {company_id, e.customer_id, std::string_view(e.event_name), e.event_type, e.event_date,
           opt(e.description), user_id, now, user_id, now})
      .value_or(0);
}

void CustomerEventRepository::update(std::int64_t company_id, const EventRecord& e,
                                     std::string_view user_id, core::UnixSeconds now) {
  s_.exec(
      "UPDATE customer_events SET customer_id = ?, event_name = ?, event_type_id = ?, "
      "event_date = ?, description = ?, updated_by_user_id = ?, date_updated = ? WHERE "
      "company_id = ? AND event_id = ? AND is_deleted = 0",
      {e.customer_id, std::string_view(e.event_name), e.event_type, e.event_date,
       opt(e.description), user_id, now, company_id, e.event_id});
}

bool CustomerEventRepository::soft_delete(std::int64_t company_id, std::int64_t event_id,
                                          std::string_view user_id, core::UnixSeconds now) {
  return s_.exec(
             "UPDATE customer_events SET is_deleted = 1, updated_by_user_id = ?, date_updated = "
             "? WHERE company_id = ? AND event_id = ? AND is_deleted = 0",
             {user_id, now, company_id, event_id}) == 1;
}

}  // namespace ov::customer_events
