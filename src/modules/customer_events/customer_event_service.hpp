// Business rules of customer events and satisfaction answers. No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <vector>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/customer_events/customer_event_types.hpp"
#include "storage/database.hpp"

namespace ov::customer_events {

class CustomerEventService {
 public:
  CustomerEventService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  boost::asio::awaitable<EventRecord> add(const core::Caller& caller, EventInput in);
  boost::asio::awaitable<EventRecord> edit(const core::Caller& caller, std::int64_t event_id,
                                           EventInput in);
  boost::asio::awaitable<void> remove(const core::Caller& caller, std::int64_t event_id);
  boost::asio::awaitable<std::vector<EventRecord>> list(const core::Caller& caller,
                                                        EventFilter filter);

  boost::asio::awaitable<SatisfactionRecord> add_satisfaction(const core::Caller& caller,
                                                              SatisfactionInput in);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace ov::customer_events
