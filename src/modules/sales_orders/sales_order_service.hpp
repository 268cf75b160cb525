// Business rules of the SalesOrder section: the upsert and its status table (§4.9.3), approval
// and rejection, payments and tracking, the draft Convert Quotation makes, and what a lost
// deal's cancleAllOrder does to its orders. No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/deals/deal_service.hpp"
#include "modules/sales_orders/sales_order_types.hpp"
#include "storage/database.hpp"

namespace ov::sales_orders {

// Get a SalesOrders By Id's view and the order it shows.
struct LegacyView {
  SalesOrderRecord order;
  LegacyOrder view;
};

class SalesOrderService : public deals::DealOrders {
 public:
  SalesOrderService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  boost::asio::awaitable<SalesOrderRecord> upsert(const core::Caller& caller, SalesOrderInput in);
  boost::asio::awaitable<SalesOrderRecord> get(const core::Caller& caller, std::string no);
  boost::asio::awaitable<LegacyView> get_legacy(const core::Caller& caller, std::int64_t id);
  boost::asio::awaitable<std::vector<attachments::Attachment>> attachments(
      const core::Caller& caller, std::string no);
  boost::asio::awaitable<std::vector<RejectResult>> reject(const core::Caller& caller,
                                                           std::vector<std::int64_t> ids,
                                                           std::string reason);
  boost::asio::awaitable<void> approve(const core::Caller& caller, std::string no);
  boost::asio::awaitable<void> update_payments(const core::Caller& caller, std::string no,
                                               std::vector<PaymentUpdate> updates);
  boost::asio::awaitable<void> update_tracking(const core::Caller& caller, std::string no,
                                               std::string tracking_no,
                                               api::Input<std::string> shipping_document_url);

  // deals::DealOrders: cancels the lost deal's orders in status 1 or 2 (§4.5.2).
  void cancel_open_orders(storage::Session& s, const core::Caller& caller,
                          const deals::DealRecord& deal, core::UnixSeconds now) override;

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

// Creates a draft order from a quotation's content (Convert Quotation To SalesOrder, §4.10.2)
// in the caller's transaction: the quotation's customer, staff, lines, discount, VAT settings,
// totals, currency, recipient, payment term, remark and deal, its note as the order's note,
// today as its date, its number as referenceNo and the default sales-order template. Emits
// SaleOrder.Created.
SalesOrderRecord create_from(storage::Session& s, const core::Caller& caller,
                             const documents::DocumentRecord& source, std::string_view source_no,
                             const std::optional<std::string>& note, core::UnixSeconds now);

// Saves an order as Create Or Update SalesOrder would, in the caller's transaction (the demo
// data and the tests). Returns its id.
std::int64_t save_sales_order(storage::Session& s, const core::Caller& caller,
                              const SalesOrderInput& in, core::UnixSeconds now,
                              std::string_view keep_no = "", std::int64_t keep_id = 0);
// Approves an order in status 2, as Approve Sale Order does.
void approve_order(storage::Session& s, const core::Caller& caller, std::string_view no,
                   core::UnixSeconds now);

}  // namespace ov::sales_orders
