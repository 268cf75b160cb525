#include "modules/cases/case_service.hpp"

#include "core/error.hpp"
#include "core/numbers.hpp"
#include "modules/cases/case_repository.hpp"
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

// Lookups stop at the first unknown record (ENDPOINTS.md §2.5), in body order.
std::vector<std::int64_t> resolve_activities(CaseRepository& repo, std::int64_t company_id,
                                             const std::vector<std::string>& nos) {
  std::vector<std::int64_t> ids;
  for (const auto& no : nos) {
    auto id = repo.activity_id(company_id, no);
    if (!id) throw core::not_found("Activity " + no + " was not found");
    ids.push_back(*id);
  }
  return ids;
}

std::vector<std::int64_t> resolve_deals(CaseRepository& repo, std::int64_t company_id,
                                        const std::vector<std::string>& nos) {
  std::vector<std::int64_t> ids;
  for (const auto& no : nos) {
    auto id = repo.deal_id(company_id, no);
    if (!id) throw core::not_found("Deal " + no + " was not found");
    ids.push_back(*id);
  }
  return ids;
}

void require_category(CaseRepository& repo, std::int64_t company_id, std::int64_t category_id,
                      bool must_be_active) {
  auto cat = repo.category(company_id, category_id);
  if (!cat || (must_be_active && !cat->is_active)) {
    throw core::not_found("categoryId " + std::to_string(category_id) + " was not found");
  }
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

CaseRecord reload(CaseRepository& repo, std::int64_t company_id, const std::string& case_no) {
  auto c = repo.find(company_id, case_no);
  if (!c) throw std::runtime_error("case vanished inside its own transaction");
  return *c;
}

}  // namespace

boost::asio::awaitable<CaseRecord> CaseService::add(const core::Caller& caller, AddCaseInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    CaseRepository repo(s);
    const auto company = caller.company_id;
    require_category(repo, company, in.category_id, true);
    require_assignee(repo, company, in.assigned_to_user_id);
    std::optional<CustomerRef> customer;
    if (in.customer_code) customer = require_customer(repo, company, *in.customer_code);
    auto activity_ids = resolve_activities(repo, company, in.activity_nos);
    auto deal_ids = resolve_deals(repo, company, in.deal_nos);

    const auto now = clock_.now();
    CaseRecord c;
    c.company_id = company;
    c.feedback_no = storage::next_number(s, company, core::kCaseNumber, now, *caller.zone);
    c.case_type = in.case_type;
    c.subject = std::move(in.subject);
    c.status_id = kStatusOpen;
    if (customer) c.customer_id = customer->customer_id;
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
    c.feedback_id = repo.insert(c);
    repo.replace_activities(c.feedback_id, activity_ids);
    repo.replace_deals(c.feedback_id, deal_ids);
    return reload(repo, company, c.feedback_no);
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
    require_category(repo, company, in.category_id, in.category_id != c.category_id);
    require_assignee(repo, company, in.assigned_to_user_id);
    if (in.customer_code.present) {
      c.customer_id.reset();
      if (in.customer_code)
        c.customer_id = require_customer(repo, company, *in.customer_code).customer_id;
    }
    std::optional<std::vector<std::int64_t>> activity_ids, deal_ids;
    if (in.activity_nos.present) {
      activity_ids = resolve_activities(repo, company,
                                        in.activity_nos.value.value_or(std::vector<std::string>{}));
    }
    if (in.deal_nos.present) {
      deal_ids =
          resolve_deals(repo, company, in.deal_nos.value.value_or(std::vector<std::string>{}));
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
    repo.update(c);
    if (activity_ids) repo.replace_activities(c.feedback_id, *activity_ids);
    if (deal_ids) repo.replace_deals(c.feedback_id, *deal_ids);
    return reload(repo, company, c.feedback_no);
  });
}

boost::asio::awaitable<CaseRecord> CaseService::get(const core::Caller& caller,
                                                    std::string case_no) {
  auto found = co_await db_.read(
      [&](storage::Session& s) { return CaseRepository(s).find(caller.company_id, case_no); });
  if (!found) throw core::not_found("Case " + case_no + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<std::vector<CaseCategory>> CaseService::categories(
    const core::Caller& caller, bool include_inactive) {
  co_return co_await db_.read([&](storage::Session& s) {
    return CaseRepository(s).categories(caller.company_id, include_inactive);
  });
}

}  // namespace ov::cases
