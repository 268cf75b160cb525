// SQL of customer events and event types. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "modules/customer_events/customer_event_types.hpp"
#include "storage/database.hpp"

namespace ov::customer_events {

class CustomerEventRepository {
 public:
  explicit CustomerEventRepository(storage::Session& s) : s_(s) {}

  // An event that is not deleted.
  std::optional<EventRecord> find(std::int64_t company_id, std::int64_t event_id);
  std::vector<EventRecord> list(std::int64_t company_id, const CustomerRef& customer,
                                const EventFilter& filter);
  // Events of the customer that are not deleted.
  std::int64_t count(std::int64_t company_id, std::int64_t customer_id);

  // `with_id`: e carries its id (data that keeps documented ids).
  std::int64_t insert(const EventRecord& e, bool with_id = false);
  void update(const EventRecord& e);
  // False when there was no such event left to delete.
  bool soft_delete(std::int64_t company_id, std::int64_t event_id, std::string_view user_id,
                   core::UnixSeconds now);

 private:
  storage::Session& s_;
};

}  // namespace ov::customer_events
