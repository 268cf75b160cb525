// Business rules of the Product section: the bulk upsert and its ticket, groups and units found
// or created by name, variants, stock. No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <string>
#include <vector>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/products/product_repository.hpp"
#include "modules/products/product_types.hpp"
#include "storage/database.hpp"
#include "webhooks/events.hpp"

namespace ov::products {

class ProductService {
 public:
  ProductService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Saves each checked product on its own (one that fails leaves the others saved), all in one
  // durable write with the ticket that reports them.
  boost::asio::awaitable<TicketRecord> upsert(const core::Caller& caller,
                                              std::vector<BatchItem> items);
  boost::asio::awaitable<TicketRecord> ticket(const core::Caller& caller, std::int64_t ticket_id);
  boost::asio::awaitable<ProductRecord> get(const core::Caller& caller, std::string code);
  boost::asio::awaitable<core::Page<ProductRecord>> take_by_status(const core::Caller& caller,
                                                                   ListInput in);
  boost::asio::awaitable<core::Page<ProductRecord>> filter(const core::Caller& caller,
                                                           ListInput in);
  boost::asio::awaitable<std::vector<ProductRepository::Attribute>> properties(
      const core::Caller& caller);
  // Serial numbers (§4.8.8–§4.8.10).
  boost::asio::awaitable<SerialRecord> verify_serial(const core::Caller& caller, VerifyInput in);
  boost::asio::awaitable<SerialRecord> serial_status(const core::Caller& caller,
                                                     std::string serial);
  boost::asio::awaitable<std::vector<CodeguardResult>> codeguard(const core::Caller& caller,
                                                                 std::vector<CodeguardItem> items);
  // Sets each item's on-hand quantity; per-item results in request order.
  boost::asio::awaitable<std::vector<StockResult>> set_stock(const core::Caller& caller,
                                                             std::vector<StockItem> items);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

// Creates or updates one product as Create Or Update Products would (the demo data uses it
// too), its events into `events`: throws core::ApiError when the product cannot be saved.
ProductRecord save_product(storage::Session& s, const core::Caller& caller, const ProductInput& in,
                           core::UnixSeconds now, webhooks::Outbox& events);

}  // namespace ov::products
