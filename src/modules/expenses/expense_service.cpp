#include "modules/expenses/expense_service.hpp"

#include <algorithm>

#include "api/json_input.hpp"
#include "api/update.hpp"
#include "core/error.hpp"
#include "core/numbers.hpp"
#include "modules/expenses/expense_repository.hpp"
#include "modules/refs.hpp"
#include "storage/limited_read.hpp"
#include "storage/sequences.hpp"
#include "webhooks/events.hpp"

namespace ov::expenses {

namespace {

[[noreturn]] void expense_not_found(const api::IdOrNumber& key) {
  if (key.id) throw core::not_found("expenseId " + std::to_string(*key.id) + " was not found");
  throw core::not_found("expenseNo " + key.number + " was not found");
}

// The activity an expense links: digits name an activityId, anything else an activityNo
// (§4.7.1: the docs type activityId as a string).
refs::NumberRef require_activity(storage::Session& s, std::int64_t company_id,
                                 const std::string& key) {
  const auto id = api::as_id(key);
  auto found = id ? refs::find_activity_by_id(s, company_id, *id)
                  : refs::find_activity_ref(s, company_id, key);
  if (!found) throw core::not_found("activityId " + key + " was not found");
  return *found;
}

// The lines of the body as they will be stored, and the expense's total and type mask. A
// line naming an expenseDetailId must be one of the expense's own.
void apply_lines(ExpenseRecord& e, const ExpenseRecord& before, const std::vector<LineInput>& in) {
  e.lines.clear();
  e.total_baht = core::Decimal::of(0);
  e.type_mask = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    ExpenseLine line = in[i].line;
    if (in[i].expense_detail_id) {
      const auto id = *in[i].expense_detail_id;
      const bool ours =
          std::any_of(before.lines.begin(), before.lines.end(),
                      [&](const ExpenseLine& l) { return l.expense_detail_id == id; });
      const bool repeated = std::any_of(e.lines.begin(), e.lines.end(), [&](const ExpenseLine& l) {
        return l.expense_detail_id == id;
      });
      std::string field = "ExpenseDetails[" + std::to_string(i) + "].expenseDetailId";
      if (!ours) {
        // A new expense has no lines yet; a stored one names itself.
        const std::string whose =
            before.expense_no.empty() ? "this expense" : "expense " + before.expense_no;
        throw core::validation(field,
                               field + " " + std::to_string(id) + " is not a line of " + whose);
      }
      if (repeated) {
        throw core::validation(field, field + " " + std::to_string(id) + " is given twice");
      }
      line.expense_detail_id = id;
    } else {
      line.expense_detail_id = 0;
    }
    e.total_baht += line.amount;
    e.type_mask |= std::int64_t{1} << (line.expense_type_id - kFirstType);
    e.lines.push_back(std::move(line));
  }
  // The total is money as every amount is: 15 integer digits at most.
  if (e.total_baht > api::max_money()) {
    throw core::validation("ExpenseDetails",
                           "ExpenseDetails add up to more than " + api::max_money().to_string());
  }
}

// What create and update share: the body's fields, in body order, and their references.
void apply(storage::Session& s, const core::Caller& caller, ExpenseRecord& e,
           const ExpenseRecord& before, const ExpenseInput& in, core::UnixSeconds now) {
  apply_lines(e, before, in.lines);
  e.subject = in.subject;
  if (in.activity.present) {
    if (in.activity) {
      e.activity_id = require_activity(s, caller.company_id, *in.activity).id;
    } else {
      e.activity_id.reset();
    }
  }
  if (in.date_transaction) e.date_transaction = *in.date_transaction;
  if (in.remark.present) e.remark = in.remark.value.value_or("");
  e.updated_by_user_id = caller.user_id;
  e.date_updated = now;
}

void emit_status(webhooks::Outbox& events, const ExpenseRecord& e, int previous) {
  events.emit(webhooks::kExpenseStatusChanged, {{"ExpenseNo", e.expense_no},
                                                {"ExpenseId", e.expense_id},
                                                {"PreviousStatus", previous},
                                                {"Status", e.status_id}});
}

// The approver: the named active employee, or the company's Administrator.
std::string approver(storage::Session& s, std::int64_t company_id,
                     const std::optional<std::string>& user_id) {
  if (user_id) return refs::require_employee(s, company_id, *user_id, "userId").user_id;
  auto rows = s.query(
      "SELECT user_id FROM users WHERE company_id = ? AND role_id = '1' AND is_active = 1 ORDER "
      "BY created_at, user_id LIMIT 1",
      {company_id});
  if (!rows.next()) throw core::business_rule("The company has no active Administrator");
  return rows.str(0);
}

}  // namespace

std::int64_t create_expense(storage::Session& s, const core::Caller& caller, const ExpenseInput& in,
                            core::UnixSeconds now, std::int64_t keep_id) {
  const auto company = caller.company_id;
  ExpenseRecord e;
  e.company_id = company;
  e.date_transaction = now;
  apply(s, caller, e, ExpenseRecord{}, in, now);
  // The creator's team when the expense is made.
  auto team = s.query("SELECT team_id FROM users WHERE company_id = ? AND user_id = ?",
                      {company, caller.user_id});
  if (team.next()) e.team_id = team.opt_i64(0);
  e.status_id = kWaitingApproval;
  e.created_by_user_id = caller.user_id;
  e.date_created = now;
  // Numbered once every reference is known to exist, in this transaction: a failed create
  // gives its number back.
  e.expense_no = storage::next_number(s, company, core::kExpenseNumber, now, *caller.zone);
  e.expense_id = keep_id;
  ExpenseRepository(s).insert(e, keep_id != 0);
  ExpenseRepository repo(s);
  repo.add_state(e, kStateSubmitted, caller.user_id, now);
  repo.add_log(e, kLogCreated, "", caller.user_id, now);
  if (in.attachments) {
    attachments::replace(s, company, attachments::kExpenseOwner, e.expense_id, *in.attachments,
                         caller.user_id, now, "expense");
  }
  webhooks::emit(s, company, webhooks::kExpenseCreated,
                 {{"ExpenseNo", e.expense_no}, {"ExpenseId", e.expense_id}}, now, *caller.zone);
  return e.expense_id;
}

boost::asio::awaitable<ExpenseRecord> ExpenseService::create(const core::Caller& caller,
                                                             ExpenseInput in) {
  const auto id = co_await db_.write(
      [&](storage::Session& s) { return create_expense(s, caller, in, clock_.now()); });
  co_return co_await read_back(caller, id);
}

boost::asio::awaitable<ExpenseRecord> ExpenseService::read_back(const core::Caller& caller,
                                                                std::int64_t expense_id) {
  // After the commit, on a read connection: the writer only writes.
  auto found = co_await db_.read([&](storage::Session& s) {
    return ExpenseRepository(s).find(caller.company_id, expense_id, "");
  });
  if (!found) throw core::not_found("expenseId " + std::to_string(expense_id) + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<ExpenseRecord> ExpenseService::update(const core::Caller& caller,
                                                             api::IdOrNumber key, ExpenseInput in) {
  const auto id = co_await db_.write([&](storage::Session& s) {
    ExpenseRepository repo(s);
    const auto company = caller.company_id;
    const auto now = clock_.now();
    auto found = repo.find_for_update(company, key.id, key.number);
    if (!found) expense_not_found(key);
    const ExpenseRecord before = std::move(*found);
    // §4.7: only a waiting or a rejected expense is edited; a rejected one goes back to wait.
    if (!before.is_edit()) {
      throw core::business_rule("Expense cannot be edited in its current status");
    }
    ExpenseRecord e = before;
    apply(s, caller, e, before, in, now);
    if (before.status_id == kRejected) {
      e.status_id = kWaitingApproval;
      e.reason.reset();
    }
    repo.update(before, e);
    repo.save_lines(before, e);
    if (e.status_id != before.status_id) repo.add_state(e, kStateSubmitted, caller.user_id, now);
    repo.add_log(e, kLogUpdated, "", caller.user_id, now);
    if (in.attachments.present) {
      attachments::replace(s, company, attachments::kExpenseOwner, e.expense_id,
                           in.attachments ? *in.attachments : std::vector<attachments::InputItem>{},
                           caller.user_id, now, "expense");
    }
    // §5.3: Updated, then StatusChanged when a rejected expense went back to waiting.
    webhooks::Outbox events(s, company, now, *caller.zone);
    events.emit(webhooks::kExpenseUpdated,
                {{"ExpenseNo", e.expense_no}, {"ExpenseId", e.expense_id}});
    if (e.status_id != before.status_id) emit_status(events, e, before.status_id);
    return e.expense_id;
  });
  co_return co_await read_back(caller, id);
}

boost::asio::awaitable<ExpenseRecord> ExpenseService::get(const core::Caller& caller,
                                                          api::IdOrNumber key) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return ExpenseRepository(s).find(caller.company_id, key.id, key.number);
  });
  if (!found) expense_not_found(key);
  co_return std::move(*found);
}

boost::asio::awaitable<std::vector<ExpenseGroup>> ExpenseService::enquiry(
    const core::Caller& caller, EnquiryInput in) {
  co_return co_await storage::read_limited(
      db_, caller.company_id, in.search_text ? std::optional(search_read_limit_) : std::nullopt,
      "searchText matches too many expenses to search at once; use a longer text or narrow the "
      "enquiry by type, status, staff or date",
      [&](storage::Session& s) { return ExpenseRepository(s).enquiry(caller.company_id, in); });
}

std::int64_t decide(storage::Session& s, std::int64_t company_id, const api::IdOrNumber& key,
                    const DecisionInput& in, core::UnixSeconds now, const core::TimeZone& zone) {
  ExpenseRepository repo(s);
  auto found = repo.find_for_update(company_id, key.id, key.number);
  if (!found) expense_not_found(key);
  ExpenseRecord e = std::move(*found);
  const ExpenseRecord before = e;
  const auto user = approver(s, company_id, in.user_id);
  struct Step {
    Decision decision;
    std::string_view verb;
    int to;
    int state;
    int log;
  };
  static constexpr Step kSteps[] = {
      {Decision::kApprove, "approved", kApproved, kStateApproved, kLogApproved},
      {Decision::kReject, "rejected", kRejected, kStateRejected, kLogRejected},
      {Decision::kCancel, "cancelled", kCancelled, kStateCancelled, kLogCancelled},
  };
  const auto& step = *std::find_if(std::begin(kSteps), std::end(kSteps),
                                   [&](const Step& x) { return x.decision == in.decision; });
  // Approve and reject decide a waiting expense; a rejected one may still be cancelled.
  const bool allowed = e.status_id == kWaitingApproval ||
                       (in.decision == Decision::kCancel && e.status_id == kRejected);
  if (!allowed) {
    throw core::business_rule("Expense " + e.expense_no + " cannot be " + std::string(step.verb) +
                              " in its current status (" + std::string(status_name(e.status_id)) +
                              ")");
  }
  e.status_id = step.to;
  e.updated_by_user_id = user;
  e.date_updated = now;
  if (in.decision == Decision::kApprove) {
    e.approved_by_user_id = user;
    e.date_approved = now;
    e.reason.reset();
  } else {
    e.reason = in.reason;
  }
  repo.update(before, e);
  repo.add_state(e, step.state, user, now);
  repo.add_log(e, step.log, in.reason.value_or(""), user, now);
  webhooks::Outbox events(s, company_id, now, zone);
  emit_status(events, e, before.status_id);
  return e.expense_id;
}

ExpenseRecord read_expense(storage::Session& s, std::int64_t company_id, std::int64_t expense_id) {
  auto found = ExpenseRepository(s).find(company_id, expense_id, "");
  if (!found) throw core::not_found("expenseId " + std::to_string(expense_id) + " was not found");
  return std::move(*found);
}

}  // namespace ov::expenses
