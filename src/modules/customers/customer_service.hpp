// Business rules of the Customer section: code numbering, upsert semantics, owners and
// addresses, lookups. No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/customers/code_order.hpp"
#include "modules/customers/customer_types.hpp"
#include "storage/database.hpp"

namespace ov::customers {

class CustomerService {
 public:
  // A keyword read may run this long: far above what an indexed keyword takes (milliseconds),
  // below what makes a client give up. Past it the keyword is too broad for the company's data
  // (a character that most customers contain) and the request answers 4001 instead of holding
  // a read thread that other requests wait for.
  static constexpr std::chrono::milliseconds kDefaultKeywordReadLimit{2000};

  CustomerService(storage::Database& db, const core::Clock& clock,
                  std::chrono::milliseconds keyword_read_limit = kDefaultKeywordReadLimit)
      : db_(db), clock_(clock), keyword_read_limit_(keyword_read_limit) {}

  boost::asio::awaitable<CustomerRecord> upsert(const core::Caller& caller, UpsertInput in);
  boost::asio::awaitable<CustomerRecord> by_code(const core::Caller& caller, std::string code);
  boost::asio::awaitable<CustomerRecord> by_id(const core::Caller& caller,
                                               std::int64_t customer_id);
  // At most kMaxByName customers, by code, with the number of all that have the name.
  boost::asio::awaitable<Page<CustomerRecord>> by_name(const core::Caller& caller,
                                                       std::string name);
  boost::asio::awaitable<std::vector<CustomerRecord>> by_tax_no(
      const core::Caller& caller, std::string tax_no, std::optional<std::string> branch_code);
  boost::asio::awaitable<Page<CustomerRecord>> enquiry(const core::Caller& caller, EnquiryInput in);
  boost::asio::awaitable<Page<CustomerRecord>> search(const core::Caller& caller, SearchInput in);
  boost::asio::awaitable<std::vector<ExistenceMatch>> existence(const core::Caller& caller,
                                                                ExistenceInput in);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  std::chrono::milliseconds keyword_read_limit_;
  CodeOrder codes_;
};

// Writes a new customer with its addresses, owners and search row (the customer's code and
// audit fields already set), inside the caller's transaction; returns its id. Used by the
// service and by seeding code (demo data, load-test seeding).
std::int64_t insert_customer(storage::Session& s, CustomerRecord& c);
// Brings the search row of a customer stored by other code (e.g. with explicit SQL) in step
// with its fields.
void index_customer(storage::Session& s, std::int64_t company_id, std::int64_t customer_id);

}  // namespace ov::customers
