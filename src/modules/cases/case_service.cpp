#include "modules/cases/case_service.hpp"

#include "core/error.hpp"
#include "core/numbers.hpp"
#include "modules/cases/case_repository.hpp"
#include "storage/master_lists.hpp"
#include "storage/sequences.hpp"
#include "webhooks/events.hpp"

namespace ov::cases {

bool status_transition_allowed(int from, int to) {
  if (from == to) return true;
  switch (from) {
    case kStatusOpen:
      return to == kStatusInProgress || to == kStatusResolved || to == kStatusClosed ||
             to == kStatusCancelled;
    case kStatusInProgress:
      return to == kStatusResolved || to == kStatusClosed || to == kStatusCancelled;
    case kStatusResolved:
      return to == kStatusInProgress || to == kStatusClosed;
    default:
      return false;  // closed and cancelled cases are final
  }
}

namespace {

using refs::NumberRef;

// Lookups stop at the first unknown record (ENDPOINTS.md §2.5), in body order.
std::vector<NumberRef> require_activities(storage::Session& s, std::int64_t company_id,
                                          const std::vector<std::string>& nos) {
  return refs::require_each(nos, "Activity", [&](const std::string& no) {
    return refs::find_activity_ref(s, company_id, no);
  });
}

std::vector<NumberRef> require_deals(storage::Session& s, std::int64_t company_id,
                                     const std::vector<std::string>& nos) {
  return refs::require_each(
      nos, "Deal", [&](const std::string& no) { return refs::find_deal_ref(s, company_id, no); });
}

std::vector<std::string> numbers_of(const std::vector<NumberRef>& links) {
  std::vector<std::string> out;
  for (const auto& l : links) out.push_back(l.number);
  return out;
}

}  // namespace

boost::asio::awaitable<CaseRecord> CaseService::add(const core::Caller& caller, AddCaseInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    CaseRepository repo(s);
    const auto company = caller.company_id;
    storage::require_master(s, kCaseCategories, company, in.category_id, true);
    if (in.assigned_to_user_id) {
      refs::require_employee(s, company, *in.assigned_to_user_id, "assignedToUserId");
    }
    std::optional<refs::CustomerRef> customer;
    // Cases are opened for active customers only.
    if (in.customer_code) customer = refs::require_active_customer(s, company, *in.customer_code);
    const std::vector<std::string> none;
    auto activities = require_activities(s, company, in.activity_nos ? *in.activity_nos : none);
    auto deals = require_deals(s, company, in.deal_nos ? *in.deal_nos : none);

    const auto now = clock_.now();
    CaseRecord c;
    c.company_id = company;
    c.feedback_no = storage::next_number(s, company, core::kCaseNumber, now, *caller.zone);
    c.case_type = in.case_type;
    c.subject = std::move(in.subject);
    c.status_id = kStatusOpen;
    if (customer) {
      c.customer_id = customer->customer_id;
      c.customer_code = customer->customer_code;
      c.customer_name = customer->customer_name;
    }
    c.category_id = in.category_id;
    c.note = std::move(in.note.value);
    // Unassigned when added without an assignee (§7.2).
    c.assigned_to_user_id = in.assigned_to_user_id;
    if (c.assigned_to_user_id) c.date_assigned = now;
    c.date_case = in.date_case;
    c.date_due = in.date_due;
    c.created_by_user_id = caller.user_id;
    c.date_created = now;
    c.updated_by_user_id = caller.user_id;
    c.date_updated = now;
    c.date_latest_answer = now;
    c.activity_nos = numbers_of(activities);
    c.deal_nos = numbers_of(deals);
    c.feedback_id = repo.insert(c);
    repo.set_links(c, CaseRepository::LinkKind::kActivities, activities, true);
    repo.set_links(c, CaseRepository::LinkKind::kDeals, deals, true);
    webhooks::emit(s, company, webhooks::kCaseCreated,
                   {{"CaseNo", c.feedback_no}, {"FeedbackId", c.feedback_id}}, now, *caller.zone);
    // The record is fully known here: no need to read it back.
    return c;
  });
}

boost::asio::awaitable<CaseRecord> CaseService::edit(const core::Caller& caller,
                                                     std::string case_no, EditCaseInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    CaseRepository repo(s);
    const auto company = caller.company_id;
    auto found = repo.find(company, case_no);
    if (!found) throw core::not_found("Case " + case_no + " was not found");
    CaseRecord c = std::move(*found);
    const int previous_status = c.status_id;

    // An inactive category may stay on a case that has it, but may not be newly chosen.
    storage::require_master(s, kCaseCategories, company, in.category_id,
                            in.category_id != c.category_id);
    // Edit Case keeps its assignee required (§7.2); the route has checked it.
    if (!in.assigned_to_user_id) {
      throw core::validation("assignedToUserId", "assignedToUserId is required");
    }
    refs::require_employee(s, company, *in.assigned_to_user_id, "assignedToUserId");
    if (in.customer_code.present) {
      c.customer_id.reset();
      c.customer_code.reset();
      c.customer_name.reset();
      if (in.customer_code) {
        auto customer = refs::require_active_customer(s, company, *in.customer_code);
        c.customer_id = customer.customer_id;
        c.customer_code = std::move(customer.customer_code);
        c.customer_name = std::move(customer.customer_name);
      }
    }
    const std::vector<std::string> none;
    std::optional<std::vector<NumberRef>> activities, deals;
    if (in.activity_nos.present) {
      activities = require_activities(s, company, in.activity_nos ? *in.activity_nos : none);
    }
    if (in.deal_nos.present) {
      deals = require_deals(s, company, in.deal_nos ? *in.deal_nos : none);
    }
    if (in.status_id) {
      const int to = static_cast<int>(*in.status_id);
      if (!status_transition_allowed(c.status_id, to)) {
        throw core::business_rule("statusId cannot change from " + std::to_string(c.status_id) +
                                  " to " + std::to_string(to));
      }
      c.status_id = to;
    }

    const auto now = clock_.now();
    c.subject = std::move(in.subject);
    c.category_id = in.category_id;
    c.date_case = in.date_case;
    c.date_due = in.date_due;
    if (in.note.present) c.note = in.note.value;
    if (c.assigned_to_user_id != in.assigned_to_user_id) {
      c.assigned_to_user_id = in.assigned_to_user_id;
      c.date_assigned = now;
    }
    c.updated_by_user_id = caller.user_id;
    c.date_updated = now;
    if (activities) c.activity_nos = numbers_of(*activities);
    if (deals) c.deal_nos = numbers_of(*deals);
    repo.update(c);
    if (activities) repo.set_links(c, CaseRepository::LinkKind::kActivities, *activities, false);
    if (deals) repo.set_links(c, CaseRepository::LinkKind::kDeals, *deals, false);
    // §5.3: Updated, then StatusChanged when statusId changed.
    webhooks::Outbox events(s, company, now, *caller.zone);
    events.emit(webhooks::kCaseUpdated, {{"CaseNo", c.feedback_no}, {"FeedbackId", c.feedback_id}});
    if (c.status_id != previous_status) {
      events.emit(webhooks::kCaseStatusChanged, {{"CaseNo", c.feedback_no},
                                                 {"FeedbackId", c.feedback_id},
                                                 {"PreviousStatus", previous_status},
                                                 {"Status", c.status_id}});
    }
    return c;
  });
}

boost::asio::awaitable<CaseRecord> CaseService::get(const core::Caller& caller,
                                                    std::string case_no) {
  auto found = co_await db_.read(
      [&](storage::Session& s) { return CaseRepository(s).find(caller.company_id, case_no); });
  if (!found) throw core::not_found("Case " + case_no + " was not found");
  co_return std::move(*found);
}

}  // namespace ov::cases
