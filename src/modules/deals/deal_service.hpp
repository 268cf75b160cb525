// Business rules of the Deal section: numbering, references, the stage a deal is in and the
// status it gives, the card's place in its stage's column, and what closing a deal does to
// its tasks and orders. No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <string>

#include "api/path_params.hpp"
#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/deals/deal_types.hpp"
#include "storage/database.hpp"

namespace ov::deals {

// What Update Deal's cancleAllOrder does to a lost deal's sales orders (§4.5.2): implemented
// by the SalesOrder section, which cancels the deal's orders in status 1 or 2 in the deal's
// transaction and emits their events. Without it a company has no sales orders to cancel.
class DealOrders {
 public:
  virtual ~DealOrders() = default;
  virtual void cancel_open_orders(storage::Session& s, const core::Caller& caller,
                                  const DealRecord& deal, core::UnixSeconds now) = 0;
};

class DealService {
 public:
  DealService(storage::Database& db, const core::Clock& clock,
              std::chrono::milliseconds keyword_read_limit = std::chrono::seconds(2),
              DealOrders* orders = nullptr)
      : db_(db), clock_(clock), keyword_read_limit_(keyword_read_limit), orders_(orders) {}

  boost::asio::awaitable<DealRecord> create(const core::Caller& caller, DealInput in);
  // `key`: a dealsId or a dealNo (§4.5.2).
  boost::asio::awaitable<DealRecord> update(const core::Caller& caller, api::IdOrNumber key,
                                            DealInput in);
  boost::asio::awaitable<DealRecord> get(const core::Caller& caller, api::IdOrNumber key);
  boost::asio::awaitable<core::Page<DealRecord>> enquiry(const core::Caller& caller,
                                                         EnquiryInput in);

 private:
  boost::asio::awaitable<DealRecord> read_back(const core::Caller& caller, std::int64_t deals_id);

  storage::Database& db_;
  const core::Clock& clock_;
  // How long one keyword enquiry may read: a keyword is matched by scanning the company's
  // deals that the other filters leave.
  std::chrono::milliseconds keyword_read_limit_;
  DealOrders* orders_;
};

// Creates the deal as Create Deal would, without a request: the demo data's documented deals
// (`deal_no` set: kept, with the sequence continuing after it) and the tests.
DealRecord create_deal(storage::Session& s, const core::Caller& caller, const DealInput& in,
                       core::UnixSeconds now, const std::string& deal_no = "");

}  // namespace ov::deals
