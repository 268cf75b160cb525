#include "modules/activities/activity_service.hpp"

#include <algorithm>

#include "api/update.hpp"
#include "core/error.hpp"
#include "core/numbers.hpp"
#include "modules/activities/activity_repository.hpp"
#include "modules/refs.hpp"
#include "storage/limited_read.hpp"
#include "storage/master_lists.hpp"
#include "storage/sequences.hpp"
#include "webhooks/events.hpp"

namespace ov::activities {

bool status_transition_allowed(int from, int to) {
  if (from == to) return true;
  switch (from) {
    case kStatusPlanned:
      return to == kStatusCheckedIn || to == kStatusCompleted || to == kStatusCancelled;
    case kStatusCheckedIn:
      return to == kStatusCompleted || to == kStatusCancelled;
    default:
      return false;  // completed and cancelled activities are final
  }
}

namespace {

using refs::NumberRef;

// Moves `a` to status `to` at `now`: a check-in (→2) stamps dateCheckIn and a check-out (2→3)
// dateCheckOut, unless the request or the record already has one.
void change_status(ActivityRecord& a, int to, core::UnixSeconds now) {
  const int from = a.status_id;
  if (!status_transition_allowed(from, to)) {
    throw core::business_rule("Activity status cannot change from " + std::to_string(from) +
                              " to " + std::to_string(to));
  }
  if (from == to) return;
  if (to == kStatusCheckedIn && !a.date_check_in) a.date_check_in = now;
  if (from == kStatusCheckedIn && to == kStatusCompleted && !a.date_check_out) {
    a.date_check_out = now;
  }
  a.status_id = to;
}

// The deals of the request, each once, in request order; the first unknown one stops it.
std::vector<NumberRef> resolve_deals(storage::Session& s, std::int64_t company_id,
                                     const std::vector<std::string>& nos) {
  auto found = refs::require_each(
      nos, "Deal", [&](const std::string& no) { return refs::find_deal_ref(s, company_id, no); });
  std::vector<NumberRef> out;
  for (auto& d : found) {
    bool seen =
        std::any_of(out.begin(), out.end(), [&](const NumberRef& o) { return o.id == d.id; });
    if (!seen) out.push_back(std::move(d));
  }
  return out;
}

std::vector<std::string> numbers_of(const std::vector<NumberRef>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.number);
  return out;
}

}  // namespace

boost::asio::awaitable<ActivityRecord> ActivityService::upsert(const core::Caller& caller,
                                                               UpsertInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    ActivityRepository repo(s);
    const auto company = caller.company_id;
    const auto now = clock_.now();

    // What create and update share, in body order: the references (the first unknown one
    // stops the request), then the fields. Returns the deals to link when the request names
    // them.
    auto apply = [&](ActivityRecord& a) -> std::optional<std::vector<NumberRef>> {
      if (in.customer_code.present) {
        a.customer_id.reset();
        a.customer_code.reset();
        a.customer_name.reset();
        // Activities are planned with active customers only, as cases are opened.
        if (in.customer_code) {
          auto customer = refs::require_active_customer(s, company, *in.customer_code);
          a.customer_id = customer.customer_id;
          a.customer_code = std::move(customer.customer_code);
          a.customer_name = std::move(customer.customer_name);
        }
      }
      auto assignee = refs::require_employee(s, company, in.assign_to_user_id, "assignToUserId");
      if (in.key_activity_ids.present) {
        a.key_activity_ids = storage::require_masters(
            s, kKeyActivities, company,
            in.key_activity_ids ? *in.key_activity_ids : std::vector<std::int64_t>{},
            a.key_activity_ids);
      }
      std::optional<std::vector<NumberRef>> deals;
      if (in.deal_nos.present) {
        deals = resolve_deals(s, company, in.deal_nos ? *in.deal_nos : std::vector<std::string>{});
        a.deal_nos = numbers_of(*deals);
      }
      a.subject = in.subject;
      a.activity_type_id = in.activity_type_id;
      a.date_appointment_start = in.date_appointment_start;
      a.date_appointment_end = in.date_appointment_end;
      // The activity belongs to the channel of the staff member it is assigned to.
      a.assign_to_user_id = assignee.user_id;
      a.team_id = assignee.team_id;
      using api::patch;
      patch(a.is_ad_hoc, in.is_ad_hoc);
      patch(a.note, in.note);
      patch(a.start_location, in.start_location);
      patch(a.start_location_name, in.start_location_name);
      patch(a.visit_location, in.visit_location);
      patch(a.visit_location_name, in.visit_location_name);
      patch(a.visit_place_id, in.visit_place_id);
      patch(a.visit_latitude, in.visit_latitude);
      patch(a.visit_longitude, in.visit_longitude);
      patch(a.date_check_in, in.date_check_in);
      patch(a.date_check_out, in.date_check_out);
      if (in.status_id) change_status(a, static_cast<int>(*in.status_id), now);
      // The request checked its own pair; this holds the stored one against the sent one.
      if (a.date_check_in && a.date_check_out && *a.date_check_out < *a.date_check_in) {
        throw core::business_rule("dateCheckOut must not be earlier than dateCheckIn");
      }
      a.modified_by_user_id = caller.user_id;
      a.date_modified = now;
      return deals;
    };

    auto create = [&] {
      ActivityRecord a;
      a.company_id = company;
      auto deals = apply(a);
      // Numbered once every reference is known to exist; the number is taken in this
      // transaction, so a failed create gives it back.
      a.activity_no = storage::next_number(s, company, core::kActivityNumber, now, *caller.zone);
      a.created_by_user_id = caller.user_id;
      a.date_created = now;
      repo.insert(a, deals ? *deals : std::vector<NumberRef>{});
      webhooks::emit(s, company, webhooks::kActivityCreated,
                     {{"ActivityNo", a.activity_no}, {"ActivityId", a.activity_id}}, now,
                     *caller.zone);
      return a;
    };
    auto update = [&](ActivityRecord a) {
      const int previous_status = a.status_id;
      auto deals = apply(a);
      repo.update(a);
      if (in.key_activity_ids.present) repo.set_key_activities(a, false);
      if (deals) repo.set_deals(a, *deals, false);
      // §5.3: Updated, then StatusChanged when statusId changed.
      webhooks::Outbox events(s, company, now, *caller.zone);
      events.emit(webhooks::kActivityUpdated,
                  {{"ActivityNo", a.activity_no}, {"ActivityId", a.activity_id}});
      if (a.status_id != previous_status) {
        events.emit(webhooks::kActivityStatusChanged, {{"ActivityNo", a.activity_no},
                                                       {"ActivityId", a.activity_id},
                                                       {"PreviousStatus", previous_status},
                                                       {"Status", a.status_id}});
      }
      return a;
    };
    return api::upsert_by_key(
        in.activity_no, "activityNo",
        [&](const std::string& no) { return repo.find_by_no(company, no); }, create, update);
  });
}

boost::asio::awaitable<ActivityRecord> ActivityService::by_id(const core::Caller& caller,
                                                              std::int64_t activity_id) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return ActivityRepository(s).find_by_id(caller.company_id, activity_id);
  });
  if (!found) {
    throw core::not_found("activityId " + std::to_string(activity_id) + " was not found");
  }
  co_return std::move(*found);
}

boost::asio::awaitable<ActivityRecord> ActivityService::by_no(const core::Caller& caller,
                                                              std::string activity_no) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return ActivityRepository(s).find_by_no(caller.company_id, activity_no);
  });
  if (!found) throw core::not_found("activityNo " + activity_no + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<core::Page<ActivityRecord>> ActivityService::enquiry(
    const core::Caller& caller, EnquiryInput in) {
  // An enquiry's cost grows with its matches (storage::read_limited).
  co_return co_await storage::read_limited(
      db_, caller.company_id, in.keyword ? std::optional(keyword_read_limit_) : std::nullopt,
      "keyword matches too many activities to search at once; use a longer keyword or narrow "
      "the enquiry by date, assignee, customer or status",
      [&](storage::Session& s) { return ActivityRepository(s).enquiry(caller.company_id, in); });
}

}  // namespace ov::activities
