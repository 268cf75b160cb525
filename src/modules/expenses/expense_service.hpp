// Business rules of the Expense section: numbering, the creator and the linked activity, the
// lines and their total, the statuses an expense may be edited in, and the approval the app
// does (here the administration plane). No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "api/path_params.hpp"
#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/expenses/expense_types.hpp"
#include "storage/database.hpp"

namespace ov::expenses {

class ExpenseService {
 public:
  ExpenseService(storage::Database& db, const core::Clock& clock,
                 std::chrono::milliseconds search_read_limit = std::chrono::seconds(2))
      : db_(db), clock_(clock), search_read_limit_(search_read_limit) {}

  boost::asio::awaitable<ExpenseRecord> create(const core::Caller& caller, ExpenseInput in);
  // `key`: an expenseId or an expenseNo (§4.7.2).
  boost::asio::awaitable<ExpenseRecord> update(const core::Caller& caller, api::IdOrNumber key,
                                               ExpenseInput in);
  boost::asio::awaitable<ExpenseRecord> get(const core::Caller& caller, api::IdOrNumber key);
  boost::asio::awaitable<std::vector<ExpenseGroup>> enquiry(const core::Caller& caller,
                                                            EnquiryInput in);

 private:
  boost::asio::awaitable<ExpenseRecord> read_back(const core::Caller& caller,
                                                  std::int64_t expense_id);

  storage::Database& db_;
  const core::Clock& clock_;
  // How long one searchText enquiry may read: the text is matched on the rows the other
  // filters leave.
  std::chrono::milliseconds search_read_limit_;
};

// Creates the expense as Create Expense would, without a request: the demo data (`keep_id`,
// when not 0, is the free documented id it keeps) and the tests. Returns its id.
std::int64_t create_expense(storage::Session& s, const core::Caller& caller, const ExpenseInput& in,
                            core::UnixSeconds now, std::int64_t keep_id = 0);

// What the app's approvers do (§4.7: approval is not part of the public API), offered by the
// administration plane: approve (301 → 302), reject (301 → 303, with a reason) and cancel
// (301 or 303 → 304). Each adds a state and a log entry and emits Expense.StatusChanged.
enum class Decision { kApprove, kReject, kCancel };
struct DecisionInput {
  Decision decision = Decision::kApprove;
  std::optional<std::string> reason;
  // The approver, an active employee; by default the company's Administrator.
  std::optional<std::string> user_id;
};
// Returns the expense's id; 404 for an unknown expense, 422 (business rule) when its status
// does not allow the decision.
std::int64_t decide(storage::Session& s, std::int64_t company_id, const api::IdOrNumber& key,
                    const DecisionInput& in, core::UnixSeconds now, const core::TimeZone& zone);
// The expense as Get a Expense shows it, for the administration plane's replies.
ExpenseRecord read_expense(storage::Session& s, std::int64_t company_id, std::int64_t expense_id);

}  // namespace ov::expenses
