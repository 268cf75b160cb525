#include "modules/customer_events/customer_event_service.hpp"

#include "api/update.hpp"
#include "core/error.hpp"
#include "modules/customer_events/customer_event_repository.hpp"
#include "modules/customer_events/satisfaction_repository.hpp"
#include "storage/master_lists.hpp"

namespace ov::customer_events {

namespace {

std::string event_not_found(std::int64_t event_id) {
  return "Customer event " + std::to_string(event_id) + " was not found";
}

void require_room(CustomerEventRepository& repo, std::int64_t company_id,
                  const CustomerRef& customer) {
  if (repo.count(company_id, customer.customer_id) >= kMaxEventsPerCustomer) {
    throw core::business_rule("Customer " + customer.customer_code + " already has " +
                              std::to_string(kMaxEventsPerCustomer) +
                              " events, the most one customer may have");
  }
}

}  // namespace

boost::asio::awaitable<EventRecord> CustomerEventService::add(const core::Caller& caller,
                                                              EventInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    CustomerEventRepository repo(s);
    const auto company = caller.company_id;
    storage::require_master(s, kEventTypes, company, in.event_type, true);
    const auto customer = refs::require_active_customer(s, company, in.customer_code);
    require_room(repo, company, customer);
    const auto now = clock_.now();
    EventRecord e;
    e.company_id = company;
    e.customer_id = customer.customer_id;
    e.event_name = std::move(in.event_name);
    e.event_date = in.event_date;
    e.event_type = in.event_type;
    e.description = std::move(in.description.value);
    e.created_by_user_id = e.updated_by_user_id = caller.user_id;
    e.date_created = e.date_updated = now;
    e.event_id = repo.insert(e);
    return e;
  });
}

boost::asio::awaitable<EventRecord> CustomerEventService::edit(const core::Caller& caller,
                                                               std::int64_t event_id,
                                                               EventInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    CustomerEventRepository repo(s);
    const auto company = caller.company_id;
    auto found = repo.find(company, event_id);
    if (!found) throw core::not_found(event_not_found(event_id));
    EventRecord e = std::move(*found);
    // An inactive type may stay on an event that has it, but may not be newly chosen.
    storage::require_master(s, kEventTypes, company, in.event_type, in.event_type != e.event_type);
    const auto customer = refs::require_active_customer(s, company, in.customer_code);
    if (customer.customer_id != e.customer_id) require_room(repo, company, customer);
    e.customer_id = customer.customer_id;
    e.event_name = std::move(in.event_name);
    e.event_date = in.event_date;
    e.event_type = in.event_type;
    api::patch(e.description, in.description);
    e.updated_by_user_id = caller.user_id;
    e.date_updated = clock_.now();
    repo.update(e);
    return e;
  });
}

boost::asio::awaitable<void> CustomerEventService::remove(const core::Caller& caller,
                                                          std::int64_t event_id) {
  const bool deleted = co_await db_.write([&](storage::Session& s) {
    return CustomerEventRepository(s).soft_delete(caller.company_id, event_id, caller.user_id,
                                                  clock_.now());
  });
  if (!deleted) throw core::not_found(event_not_found(event_id));
}

boost::asio::awaitable<std::vector<EventRecord>> CustomerEventService::list(
    const core::Caller& caller, EventFilter filter) {
  co_return co_await db_.read([&](storage::Session& s) {
    CustomerEventRepository repo(s);
    // Reading keeps working for a customer made inactive: its history stays visible.
    auto customer = refs::require_customer(s, caller.company_id, filter.customer_code);
    return repo.list(caller.company_id, customer, filter);
  });
}

boost::asio::awaitable<SatisfactionRecord> CustomerEventService::add_satisfaction(
    const core::Caller& caller, SatisfactionInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    const auto company = caller.company_id;
    const auto now = clock_.now();
    SatisfactionRepository repo(s);
    const auto customer = refs::require_active_customer(s, company, in.customer_code);
    auto source = repo.source(company, in.source_name, in.source_type, caller.user_id, now);
    // One source collects one kind of score: CSAT and NPS points are not comparable.
    if (source.source_type != in.source_type) {
      throw core::business_rule(
          "SourceName " + source.source_name + " is a" +
          (source.source_type == kCsat ? " CSAT (SourceType 1)" : "n NPS (SourceType 2)") +
          " source; SourceType must be " + std::to_string(source.source_type));
    }
    SatisfactionRecord r;
    r.company_id = company;
    r.customer_id = customer.customer_id;
    r.customer_code = customer.customer_code;
    r.source_id = source.source_id;
    r.source_name = std::move(source.source_name);
    r.source_type = source.source_type;
    r.point = in.point;
    r.comment = std::move(in.comment);
    r.answer_by = std::move(in.answer_by);
    r.date_created = in.date_created;
    r.created_by_user_id = caller.user_id;
    r.recorded_at = now;
    r.satisfaction_id = repo.insert(r);
    return r;
  });
}

}  // namespace ov::customer_events
