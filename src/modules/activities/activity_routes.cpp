#include "modules/activities/activity_routes.hpp"

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/paging.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "core/error.hpp"

namespace ov::activities {

namespace asio = boost::asio;
using api::Input;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kMaxFilterValues;
using api::kMaxId;
using api::kNameChars;
using api::kTextChars;
// Key activities ticked on one activity: more than a company defines in practice, few enough
// to keep one write's work bounded.
constexpr std::size_t kMaxKeyActivities = 50;
// Deals linked to one activity: as for the links of a case.
constexpr std::size_t kMaxDeals = 100;

// `later` must not be earlier than `earlier` when both are given.
void check_order(ObjectReader& r, const Input<core::UnixSeconds>& earlier,
                 std::string_view earlier_name, const Input<core::UnixSeconds>& later,
                 std::string_view later_name) {
  if (earlier && later && *later < *earlier) {
    r.problem(later_name,
              std::string(later_name) + " must not be earlier than " + std::string(earlier_name));
  }
}

UpsertInput parse_upsert(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  UpsertInput in;
  auto no = r.string("activityNo", Need::kOptional, kCodeChars);
  auto subject = r.string("subject", Need::kRequired, kNameChars);
  auto type = r.integer("activityTypeId", Need::kRequired, kTypeVisit, kTypeOther);
  in.customer_code = r.string("customerCode", Need::kOptional, kCodeChars);
  auto start = r.datetime("dateAppointmentStart", Need::kRequired, zone);
  auto end = r.datetime("dateAppointmentEnd", Need::kRequired, zone);
  check_order(r, start, "dateAppointmentStart", end, "dateAppointmentEnd");
  auto assignee = r.guid("assignToUserId", Need::kRequired);
  in.is_ad_hoc = r.boolean("isAdHoc", Need::kOptional);
  in.status_id = r.integer("statusId", Need::kOptional, kStatusPlanned, kStatusCancelled);
  if (!no && in.status_id && *in.status_id == kStatusCancelled) {
    r.problem("statusId", "statusId of a new activity must be 1, 2 or 3");
  }
  in.key_activity_ids =
      r.integer_list("keyActivityIds", Need::kOptional, 1, kMaxId, kMaxKeyActivities);
  in.deal_nos = r.string_array("dealNos", Need::kOptional, kMaxDeals, kCodeChars);
  in.note = r.string("note", Need::kOptional, kTextChars);
  // Locations are addresses or coordinates as text (like a customer's address), their names
  // and place ids are names.
  in.start_location = r.string("startLocation", Need::kOptional, kTextChars);
  in.start_location_name = r.string("startLocationName", Need::kOptional, kNameChars);
  in.visit_latitude = r.number("visitLatitude", Need::kOptional, -90, 90);
  in.visit_longitude = r.number("visitLongitude", Need::kOptional, -180, 180);
  in.visit_location = r.string("visitLocation", Need::kOptional, kTextChars);
  in.visit_location_name = r.string("visitLocationName", Need::kOptional, kNameChars);
  in.visit_place_id = r.string("visitPlaceId", Need::kOptional, kNameChars);
  in.date_check_in = r.datetime("dateCheckIn", Need::kOptional, zone);
  in.date_check_out = r.datetime("dateCheckOut", Need::kOptional, zone);
  check_order(r, in.date_check_in, "dateCheckIn", in.date_check_out, "dateCheckOut");
  r.check();

  in.activity_no = no.value;
  in.subject = *subject;
  in.activity_type_id = static_cast<int>(*type);
  in.date_appointment_start = *start;
  in.date_appointment_end = *end;
  in.assign_to_user_id = *assignee;
  return in;
}

EnquiryInput parse_enquiry(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  EnquiryInput in;
  auto keyword = r.string("keyword", Need::kOptional, kNameChars);
  auto no = r.string("activityNo", Need::kOptional, kCodeChars);
  auto customer = r.string("customerCode", Need::kOptional, kCodeChars);
  auto assignees = r.guid_list("assignToUserIds", Need::kOptional, kMaxFilterValues);
  auto statuses = r.integer_list("statusIds", Need::kOptional, kStatusPlanned, kStatusCancelled,
                                 kMaxFilterValues);
  auto types =
      r.integer_list("activityTypeIds", Need::kOptional, kTypeVisit, kTypeOther, kMaxFilterValues);
  auto from = r.datetime("dateFrom", Need::kOptional, zone);
  // A date-only dateTo covers its whole local day (§1.6).
  auto to = r.range_end("dateTo", Need::kOptional, zone);
  check_order(r, from, "dateFrom", to, "dateTo");
  const auto page = api::read_page(r, {.take = "take"});
  // Newest first, the later-created of a tie first: the order an index on the start time
  // gives read backwards, so the first page needs no sort.
  in.order =
      api::read_order(r, "orderBy", kActivitySort, {{kSortByStart, true}, {kSortById, true}});
  r.check();

  in.keyword = api::filter_text(keyword);
  in.activity_no = api::filter_text(no);
  in.customer_code = api::filter_text(customer);
  if (assignees) in.assignees = *assignees;
  if (statuses) in.status_ids = *statuses;
  if (types) in.type_ids = *types;
  in.date_from = from.value;
  in.date_to = to.value;
  in.take = page.take;
  in.skip = page.skip;
  return in;
}

api::Reply activity_reply(const ActivityRecord& a, const core::TimeZone& zone) {
  return api::object_reply(a, core::Fields<ActivityRecord>(kActivityFields), {&zone});
}

// Activity numbers in paths are at most a code's length; longer values cannot name one.
std::string activity_no_param(const http::Request& req) {
  return api::path_code(req, 0, kCodeChars, "Activity numbers", "activity");
}

}  // namespace

void register_routes(api::Routes& routes, ActivityService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kS);

  section.add(verb::post, "/v2/activities",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_upsert(req);
                const auto caller = api::caller_of(req);
                auto a = co_await service.upsert(caller, std::move(in));
                co_return activity_reply(a, *req.zone);
              });

  section.add(verb::post, "/v2/activities/enquiry",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_enquiry(req);
                const auto caller = api::caller_of(req);
                auto page = co_await service.enquiry(caller, std::move(in));
                co_return api::list_reply(page.items, page.total,
                                          core::Fields<ActivityRecord>(kActivityFields),
                                          {req.zone});
              });

  // The legacy path of the older docs (/v1/Activities/{id}) and the current one: one payload.
  for (const char* path :
       {"/v1/activities/{activityId:int64}", "/v2/activities/{activityId:int64}"}) {
    section.add(verb::get, path, [&service](http::Request& req) -> asio::awaitable<api::Reply> {
      const auto caller = api::caller_of(req);
      auto a = co_await service.by_id(caller, api::path_id(req));
      co_return activity_reply(a, *req.zone);
    });
  }

  section.add(verb::get, "/v2/activities/no/{activityNo}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                const auto caller = api::caller_of(req);
                auto no = activity_no_param(req);
                auto a = co_await service.by_no(caller, std::move(no));
                co_return activity_reply(a, *req.zone);
              });
}

}  // namespace ov::activities
