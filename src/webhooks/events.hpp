// The events of ENDPOINTS.md §5.3 and the one call that emits them: inside the write
// transaction of the change, so that a committed change always has its messages in the outbox
// and a rolled-back one never does (the delivery worker sends them after commit).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/money.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace ov::webhooks {

// "<Topic>.<Event>", as subscription filters name it.
struct Event {
  std::string_view topic;
  std::string_view event;
  std::string_view name;
};

inline constexpr Event kCaseCreated{"Case", "Created", "Case.Created"};
inline constexpr Event kCaseUpdated{"Case", "Updated", "Case.Updated"};
inline constexpr Event kCaseStatusChanged{"Case", "StatusChanged", "Case.StatusChanged"};
inline constexpr Event kCustomerCreated{"Customer", "Created", "Customer.Created"};
inline constexpr Event kCustomerUpdated{"Customer", "Updated", "Customer.Updated"};
inline constexpr Event kCustomerStatusChanged{"Customer", "StatusChanged",
                                              "Customer.StatusChanged"};
inline constexpr Event kDealCreated{"Deal", "Created", "Deal.Created"};
inline constexpr Event kDealUpdated{"Deal", "Updated", "Deal.Updated"};
inline constexpr Event kDealStatusChanged{"Deal", "StatusChanged", "Deal.StatusChanged"};
inline constexpr Event kActivityCreated{"Activity", "Created", "Activity.Created"};
inline constexpr Event kActivityUpdated{"Activity", "Updated", "Activity.Updated"};
inline constexpr Event kActivityStatusChanged{"Activity", "StatusChanged",
                                              "Activity.StatusChanged"};
inline constexpr Event kExpenseCreated{"Expense", "Created", "Expense.Created"};
inline constexpr Event kExpenseUpdated{"Expense", "Updated", "Expense.Updated"};
inline constexpr Event kExpenseStatusChanged{"Expense", "StatusChanged", "Expense.StatusChanged"};
inline constexpr Event kProductStockUpdated{"Product", "StockUpdated", "Product.StockUpdated"};
inline constexpr Event kQuotationCreated{"Quotation", "Created", "Quotation.Created"};
inline constexpr Event kQuotationUpdated{"Quotation", "Updated", "Quotation.Updated"};
inline constexpr Event kQuotationStatusChanged{"Quotation", "StatusChanged",
                                               "Quotation.StatusChanged"};
// "SaleOrder", as the public hint spells it (§5.3).
inline constexpr Event kSaleOrderCreated{"SaleOrder", "Created", "SaleOrder.Created"};
inline constexpr Event kSaleOrderUpdated{"SaleOrder", "Updated", "SaleOrder.Updated"};
inline constexpr Event kSaleOrderStatusChanged{"SaleOrder", "StatusChanged",
                                               "SaleOrder.StatusChanged"};

// Every event name of §5.3, those of sections still to come included: a subscription may name
// them before their section emits them.
std::span<const std::string_view> event_names();
bool is_event_name(std::string_view name);

// One key of `Data`: an integer, a string or an exact decimal (a quantity), written as a number.
struct DataField {
  std::string_view key;
  std::variant<std::int64_t, std::string_view, core::Decimal> value;
};
using Data = std::initializer_list<DataField>;

// The §5.2 body, compact: Topic, Event, Data (keys in the given order), Timestamp (in the
// company's zone), CompanyId.
std::string payload(const Event& e, std::int64_t company_id, Data data, core::UnixSeconds at,
                    const core::TimeZone& zone);

// Whether a subscription's filter (its stored JSON array) takes the event.
bool filter_matches(std::string_view events_json, std::string_view event_name);

// The outbox of one write: reads the company's enabled subscriptions once (one indexed read),
// then writes one message per emitted event and matching subscription, in the session's
// transaction.
class Outbox {
 public:
  // `at`: when the change happened (the payload's Timestamp); `zone`: the company's.
  Outbox(storage::Session& s, std::int64_t company_id, core::UnixSeconds at,
         const core::TimeZone& zone)
      : s_(s), company_id_(company_id), at_(at), zone_(zone) {}
  void emit(const Event& e, Data data);

 private:
  struct Subscription {
    std::int64_t id;
    std::string events;
  };
  storage::Session& s_;
  std::int64_t company_id_;
  core::UnixSeconds at_;
  const core::TimeZone& zone_;
  std::optional<std::vector<Subscription>> subscriptions_;
};

// One event: Outbox(s, company_id, at, zone).emit(e, data).
void emit(storage::Session& s, std::int64_t company_id, const Event& e, Data data,
          core::UnixSeconds at, const core::TimeZone& zone);

// Unix time in milliseconds, for the outbox's schedule (the wall clock, even when the API's
// clock is fixed for a test: deliveries happen in real time).
std::int64_t unix_ms();

}  // namespace ov::webhooks
