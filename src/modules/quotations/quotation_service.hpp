// Business rules of the Quotation section: the upsert and its keys (§4.10.1), the status
// table of §4.9.2 and what may change in which status, Convert to a sales order and Cancel.
// No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "core/query.hpp"
#include "modules/quotations/quotation_types.hpp"
#include "storage/database.hpp"

namespace ov::quotations {

class QuotationService {
 public:
  QuotationService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  boost::asio::awaitable<QuotationRecord> upsert(const core::Caller& caller, QuotationInput in);
  boost::asio::awaitable<Conversion> convert(const core::Caller& caller, std::string no);
  boost::asio::awaitable<core::Page<QuotationRecord>> enquiry(const core::Caller& caller,
                                                              EnquiryInput in);
  boost::asio::awaitable<QuotationRecord> get(const core::Caller& caller, std::string no);
  boost::asio::awaitable<QuotationRecord> cancel(const core::Caller& caller, std::string no,
                                                 std::optional<std::string> reason);

 private:
  boost::asio::awaitable<QuotationRecord> read_back(const core::Caller& caller, std::int64_t id);

  storage::Database& db_;
  const core::Clock& clock_;
};

// Saves a quotation as Create Update Quotation would, in the caller's transaction (the demo
// data and the tests); `keep_no` keeps a documented number. Returns its id.
std::int64_t save_quotation(storage::Session& s, const core::Caller& caller,
                            const QuotationInput& in, core::UnixSeconds now,
                            std::string_view keep_no = "");

}  // namespace ov::quotations
