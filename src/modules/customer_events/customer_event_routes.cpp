#include "modules/customer_events/customer_event_routes.hpp"

#include <charconv>

#include "api/bounds.hpp"
#include "api/envelope.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "api/query_input.hpp"
#include "core/error.hpp"

namespace ov::customer_events {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kNameChars;
constexpr std::size_t kDescriptionChars = api::kTextChars;
// Event type ids are documented as int (int32).
constexpr std::int64_t kMaxEventType = INT32_MAX;
// Type filters per request: more than any company defines types, few enough to keep the
// query's IN list small.
constexpr std::size_t kMaxEventTypeFilters = 100;

EventInput parse_event(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  auto name = r.string("eventName", Need::kRequired, kNameChars);
  auto type = r.integer("eventType", Need::kRequired, 1, kMaxEventType);
  auto date = r.datetime("eventDate", Need::kRequired, *req.zone);
  auto description = r.string("description", Need::kOptional, kDescriptionChars);
  auto customer = r.string("customerCode", Need::kRequired, kCodeChars);
  r.check();
  EventInput in;
  in.event_name = std::move(*name.value);
  in.event_type = *type;
  in.event_date = *date;
  in.description = std::move(description);
  in.customer_code = std::move(*customer.value);
  return in;
}

// The documented query, plus dateFrom/dateTo from the JSON body the Venio sample sends on
// this GET (the body wins over the same parameter in the query).
EventFilter parse_filter(const http::Request& req) {
  const auto& zone = *req.zone;
  api::QueryReader q(req.query);
  auto customer = q.string("customerCode", Need::kRequired, kCodeChars);
  auto types =
      q.integer_list("eventTypeIds", Need::kOptional, 1, kMaxEventType, kMaxEventTypeFilters);
  auto doc = api::parse_optional_json_object(req.body());
  std::optional<ObjectReader> body;
  if (doc) body.emplace(*doc);
  // A body property that is absent or null leaves the query's value in force.
  auto in_body = [&](std::string_view name) {
    const auto* v = body ? body->find(name) : nullptr;
    return v != nullptr && !v->IsNull();
  };
  const bool from_body = in_body("dateFrom");
  const bool to_from_body = in_body("dateTo");
  auto from = from_body ? body->datetime("dateFrom", Need::kOptional, zone)
                        : q.datetime("dateFrom", Need::kOptional, zone);
  auto to = to_from_body ? body->range_end("dateTo", Need::kOptional, zone)
                         : q.range_end("dateTo", Need::kOptional, zone);
  if (from && to && *to < *from) {
    const char* message = "dateTo must not be earlier than dateFrom";
    if (to_from_body) {
      body->problem("dateTo", message);
    } else {
      q.problem("dateTo", message);
    }
  }
  api::check_request(q, body ? &*body : nullptr);
  EventFilter f;
  f.customer_code = std::move(*customer.value);
  if (types) f.event_type_ids = std::move(*types.value);
  f.date_from = from.value;
  f.date_to = to.value;
  return f;
}

SatisfactionInput parse_satisfaction(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  // The documented names are PascalCase; they are matched case-insensitively like any other.
  ObjectReader r(doc);
  auto answer_by = r.string("AnswerBy", Need::kOptional, kNameChars);
  auto source_name = r.string("SourceName", Need::kRequired, kNameChars);
  auto source_type = r.integer("SourceType", Need::kRequired, kCsat, kNps);
  // Range-checked below against the scale of the answer's SourceType.
  auto point = r.integer("Point", Need::kRequired, INT64_MIN, INT64_MAX);
  if (point) {
    const int max = !source_type            ? kNpsMaxPoint
                    : *source_type == kCsat ? kCsatMaxPoint
                                            : kNpsMaxPoint;
    if (*point < 1 || *point > max) {
      std::string message = "Point must be between 1 and " + std::to_string(max);
      if (source_type) {
        message += *source_type == kCsat ? " for a CSAT answer (SourceType 1)"
                                         : " for an NPS answer (SourceType 2)";
      }
      r.problem("Point", std::move(message));
    }
  }
  auto comment = r.string("Comment", Need::kOptional, kDescriptionChars);
  auto customer = r.string("CustomerCode", Need::kRequired, kCodeChars);
  auto date = r.datetime("DateCreated", Need::kRequired, *req.zone);
  r.check();
  SatisfactionInput in;
  in.answer_by = std::move(answer_by.value);
  // Surrounding spaces are not part of a source's name.
  auto& name = *source_name.value;
  name.erase(0, name.find_first_not_of(" \t\r\n"));
  name.erase(name.find_last_not_of(" \t\r\n") + 1);
  in.source_name = std::move(name);
  in.source_type = static_cast<int>(*source_type);
  in.point = static_cast<int>(*point);
  in.comment = std::move(comment.value);
  in.customer_code = std::move(*customer.value);
  in.date_created = *date;
  return in;
}

}  // namespace

void register_routes(api::Routes& routes, CustomerEventService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kS);

  section.add(verb::post, "/v1/customerEvent",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto e = co_await service.add(api::caller_of(req), parse_event(req));
                co_return api::object_reply(e, core::Fields<EventRecord>(kEventFields), {req.zone});
              });

  section.add(verb::get, "/v1/customerEvent/filter",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto list = co_await service.list(api::caller_of(req), parse_filter(req));
                co_return api::list_reply(list, core::Fields<EventRecord>(kEventFields),
                                          {req.zone});
              });

  section.add(verb::put, "/v1/customerEvent/{eventId:int64}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                const auto id = api::path_id(req);
                auto e = co_await service.edit(api::caller_of(req), id, parse_event(req));
                co_return api::object_reply(e, kEditedEventFields, {req.zone});
              });

  section.add(verb::delete_, "/v1/customerEvent/{eventId:int64}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                co_await service.remove(api::caller_of(req), api::path_id(req));
                co_return api::payload([](api::JsonWriter& w) { w.Bool(true); });
              });

  section.add(verb::post, "/v3/customers/satisfaction",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto r =
                    co_await service.add_satisfaction(api::caller_of(req), parse_satisfaction(req));
                co_return api::object_reply(
                    r, core::Fields<SatisfactionRecord>(kSatisfactionFields), {req.zone});
              });
}

}  // namespace ov::customer_events
