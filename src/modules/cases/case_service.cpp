#include "modules/cases/case_service.hpp"

#include "core/error.hpp"
#include "core/numbers.hpp"
#include "modules/cases/case_repository.hpp"
#include "storage/master_lists.hpp"
#include "storage/sequences.hpp"

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

using Link = CaseRepository::Link;

// Lookups stop at the first unknown record (ENDPOINTS.md §2.5), in body order.
std::vector<Link> resolve_activities(CaseRepository& repo, std::int64_t company_id,
                                     const std::vector<std::string>& nos) {
  std::vector<Link> links;
  for (const auto& no : nos) {
    auto link = repo.activity(company_id, no);
    if (!link) throw core::not_found("Activity " + no + " was not found");
    links.push_back(std::move(*link));
  }
  return links;
}

std::vector<Link> resolve_deals(CaseRepository& repo, std::int64_t company_id,
                                const std::vector<std::string>& nos) {
  std::vector<Link> links;
  for (const auto& no : nos) {
    auto link = repo.deal(company_id, no);
    if (!link) throw core::not_found("Deal " + no + " was not found");
    links.push_back(std::move(*link));
  }
  return links;
}

std::vector<std::string> numbers_of(const std::vector<Link>& links) {
  std::vector<std::string> out;
  for (const auto& l : links) out.push_back(l.number);
  return out;
}

void require_assignee(CaseRepository& repo, std::int64_t company_id, const std::string& user_id) {
  if (!repo.is_active_employee(company_id, user_id)) {
    throw core::not_found("assignedToUserId " + user_id + " was not found");
  }
}

CustomerRef require_customer(CaseRepository& repo, std::int64_t company_id,
                             const std::string& code) {
  auto c = repo.customer(company_id, code);
  if (!c) throw core::not_found("customerCode " + code + " was not found");
  return *c;
}

}  // namespace

boost::asio::awaitable<CaseRecord> CaseService::add(const core::Caller& caller, AddCaseInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    CaseRepository repo(s);
    const auto company = caller.company_id;
    storage::require_master(s, kCaseCategories, company, in.category_id, true);
    require_assignee(repo, company, in.assigned_to_user_id);
    std::optional<CustomerRef> customer;
    if (in.customer_code) customer = require_customer(repo, company, *in.customer_code);
    auto activities = resolve_activities(repo, company, in.activity_nos);
    auto deals = resolve_deals(repo, company, in.deal_nos);

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
    c.note = std::move(in.note);
    c.assigned_to_user_id = in.assigned_to_user_id;
    c.date_assigned = now;
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
    repo.set_activities(c.feedback_id, activities, true);
    repo.set_deals(c.feedback_id, deals, true);
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

    // An inactive category may stay on a case that has it, but may not be newly chosen.
    storage::require_master(s, kCaseCategories, company, in.category_id,
                            in.category_id != c.category_id);
    require_assignee(repo, company, in.assigned_to_user_id);
    if (in.customer_code.present) {
      c.customer_id.reset();
      c.customer_code.reset();
      c.customer_name.reset();
      if (in.customer_code) {
        auto customer = require_customer(repo, company, *in.customer_code);
        c.customer_id = customer.customer_id;
        c.customer_code = std::move(customer.customer_code);
        c.customer_name = std::move(customer.customer_name);
      }
    }
    const std::vector<std::string> none;
    std::optional<std::vector<Link>> activities, deals;
    if (in.activity_nos.present) {
      activities = resolve_activities(repo, company, in.activity_nos ? *in.activity_nos : none);
    }
    if (in.deal_nos.present) {
      deals = resolve_deals(repo, company, in.deal_nos ? *in.deal_nos : none);
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
    if (activities) repo.set_activities(c.feedback_id, *activities, false);
    if (deals) repo.set_deals(c.feedback_id, *deals, false);
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
