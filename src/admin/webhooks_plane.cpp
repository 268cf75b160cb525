#include "admin/webhooks_plane.hpp"

#include <limits>

#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/query_input.hpp"
#include "core/error.hpp"
#include "core/fields.hpp"
#include "core/time.hpp"
#include "webhooks/events.hpp"
#include "webhooks/subscriptions.hpp"

namespace ov::admin {

namespace {

namespace asio = boost::asio;
using http::bhttp::verb;

constexpr const char* kCompany = "/admin/v1/companies/{companyId:int64}";
// Delivery log pages: the newest attempts first, at most this many per page (the public API's
// page cap is 1000 too).
constexpr std::int64_t kMaxPage = 1000;
constexpr std::int64_t kDefaultPage = 50;

std::string path(const char* rest) {
  std::string out(kCompany);
  out.append(rest);
  return out;
}

// The company's zone: the plane writes times as the API does, in the tenant's zone
// (2025-02-06T09:41:33+0700). Throws the 404 problem of an unknown company.
const core::TimeZone& company_zone(storage::Session& s, std::int64_t company_id) {
  require_company(s, company_id);
  auto rows = s.query("SELECT timezone FROM companies WHERE company_id = ?", {company_id});
  const core::TimeZone* zone = rows.next() ? core::TimeZone::find(rows.text(0)) : nullptr;
  return zone ? *zone : core::TimeZone::bangkok();
}

void write_time(api::JsonWriter& w, std::int64_t unix_ms, const core::TimeZone& zone) {
  core::DateTimeText text;
  api::write_string(w, core::format_datetime(unix_ms / 1000, zone, text));
}

void write_subscription(api::JsonWriter& w, const webhooks::Subscription& s,
                        const core::TimeZone& zone, const std::string* secret = nullptr) {
  w.StartObject();
  api::write_key(w, "subscriptionId");
  w.Int64(s.subscription_id);
  api::write_key(w, "companyId");
  w.Int64(s.company_id);
  api::write_key(w, "url");
  api::write_string(w, s.url);
  api::write_key(w, "events");
  w.StartArray();
  for (const auto& e : s.events) api::write_string(w, e);
  w.EndArray();
  api::write_key(w, "enabled");
  w.Bool(s.enabled);
  api::write_key(w, "disabledReason");
  api::write_opt_string(w, s.disabled_reason);
  api::write_key(w, "previousSecretExpiresAt");
  if (s.previous_secret_until) {
    write_time(w, *s.previous_secret_until, zone);
  } else {
    w.Null();
  }
  if (secret) {
    api::write_key(w, "secret");
    api::write_string(w, *secret);
  }
  api::write_key(w, "createdAt");
  write_time(w, s.created_at, zone);
  api::write_key(w, "updatedAt");
  write_time(w, s.updated_at, zone);
  w.EndObject();
}

// A delivery attempt as the log shows it.
using webhooks::Delivery;
constexpr core::Field<Delivery> kDeliveryFields[] = {
    core::json_only<Delivery>("deliveryId", &Delivery::delivery_id),
    core::json_only<Delivery>("subscriptionId", &Delivery::subscription_id),
    core::json_only<Delivery>("webhookId", &Delivery::webhook_id),
    core::json_only<Delivery>("event", &Delivery::event),
    core::json_only<Delivery>("attempt", &Delivery::attempt),
    core::json_only<Delivery>("attemptedAt", &Delivery::attempted_at, core::FieldKind::kDateTimeMs),
    core::json_only<Delivery>("result", &Delivery::result),
    core::json_only<Delivery>("statusCode", &Delivery::status_code),
    core::json_only<Delivery>("latencyMs", &Delivery::latency_ms),
    core::json_only<Delivery>("response", &Delivery::response),
    core::json_only<Delivery>("error", &Delivery::error),
    core::json_only<Delivery>("messageStatus", &Delivery::message_status),
};

// The events of a request body: `events`, an array of names (validated by the operation).
std::optional<std::vector<std::string>> read_events(api::ObjectReader& in, api::Need need) {
  // 64 names of at most 64 characters: the longest event name has 23.
  auto events = in.string_array("events", need, webhooks::kMaxFilterEvents, 64);
  if (!events) return std::nullopt;
  return *events;
}

}  // namespace

void register_webhook_routes(AdminRoutes& routes, storage::Database& db, bool allow_http) {
  routes.add(
      verb::post, path("/webhooks"),
      [&db, allow_http](AdminRequest& req) -> asio::awaitable<AdminReply> {
        const auto company = req.int_param(0);
        api::ObjectReader in(req.body());
        auto url = in.string("url", api::Need::kRequired, webhooks::kMaxUrlLength);
        auto events = read_events(in, api::Need::kRequired);
        auto enabled = in.boolean("enabled", api::Need::kOptional);
        in.check();
        webhooks::NewSubscription n{*url, *events, enabled ? *enabled : true};
        const core::TimeZone* zone = nullptr;
        auto created = co_await db.write([&](storage::Session& s) {
          zone = &company_zone(s, company);
          return webhooks::Subscriptions(s, allow_http).create(company, n, webhooks::unix_ms());
        });
        co_return json(201, [&](api::JsonWriter& w) {
          write_subscription(w, created.subscription, *zone, &created.secret);
        });
      });
  routes.add(verb::get, path("/webhooks"), [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const core::TimeZone* zone = nullptr;
    auto list = co_await db.read([&](storage::Session& s) {
      zone = &company_zone(s, company);
      return webhooks::Subscriptions(s, false).list(company);
    });
    co_return json(200, [&](api::JsonWriter& w) {
      w.StartArray();
      for (const auto& sub : list) write_subscription(w, sub, *zone);
      w.EndArray();
    });
  });
  routes.add(
      verb::get, path("/webhooks/{subscriptionId:int64}"),
      [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
        const auto company = req.int_param(0);
        const auto id = req.int_param(1);
        const core::TimeZone* zone = nullptr;
        auto found = co_await db.read([&](storage::Session& s) {
          zone = &company_zone(s, company);
          return webhooks::Subscriptions(s, false).find(company, id);
        });
        if (!found) {
          throw core::not_found("Webhook subscription " + std::to_string(id) + " was not found");
        }
        co_return json(200, [&](api::JsonWriter& w) { write_subscription(w, *found, *zone); });
      });
  routes.add(verb::put, path("/webhooks/{subscriptionId:int64}"),
             [&db, allow_http](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               const auto id = req.int_param(1);
               api::ObjectReader in(req.body());
               // Absent properties keep their value.
               auto url = in.string("url", api::Need::kOptional, webhooks::kMaxUrlLength);
               auto events = read_events(in, api::Need::kOptional);
               auto enabled = in.boolean("enabled", api::Need::kOptional);
               in.check();
               webhooks::SubscriptionChanges changes;
               if (url) changes.url = *url;
               changes.events = events;
               if (enabled) changes.enabled = *enabled;
               const core::TimeZone* zone = nullptr;
               auto updated = co_await db.write([&](storage::Session& s) {
                 zone = &company_zone(s, company);
                 return webhooks::Subscriptions(s, allow_http)
                     .update(company, id, changes, webhooks::unix_ms());
               });
               co_return json(200,
                              [&](api::JsonWriter& w) { write_subscription(w, updated, *zone); });
             });
  routes.add(verb::delete_, path("/webhooks/{subscriptionId:int64}"),
             [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               const auto id = req.int_param(1);
               co_await db.write([&](storage::Session& s) {
                 require_company(s, company);
                 webhooks::Subscriptions(s, false).remove(company, id);
               });
               co_return no_content();
             });
  routes.add(verb::post, path("/webhooks/{subscriptionId:int64}/rotate-secret"),
             [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               const auto id = req.int_param(1);
               const core::TimeZone* zone = nullptr;
               auto rotated = co_await db.write([&](storage::Session& s) {
                 zone = &company_zone(s, company);
                 webhooks::Subscriptions subs(s, false);
                 auto secret = subs.rotate_secret(company, id, webhooks::unix_ms());
                 return std::make_pair(*subs.find(company, id), secret);
               });
               co_return json(200, [&](api::JsonWriter& w) {
                 write_subscription(w, rotated.first, *zone, &rotated.second);
               });
             });
  routes.add(verb::get, path("/webhook-deliveries"),
             [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               // The zone first: times in the query without an offset are the company's.
               const core::TimeZone* zone = nullptr;
               co_await db.read([&](storage::Session& s) { zone = &company_zone(s, company); });
               api::QueryReader q(req.http().query);
               webhooks::DeliveryFilter f;
               auto sub = q.integer("subscriptionId", api::Need::kOptional, 1,
                                    std::numeric_limits<std::int64_t>::max());
               auto event = q.string("event", api::Need::kOptional, 64);
               auto result = q.string("result", api::Need::kOptional, 16);
               auto from = q.datetime("from", api::Need::kOptional, *zone);
               auto to = q.datetime("to", api::Need::kOptional, *zone);
               auto skip = q.integer("skip", api::Need::kOptional, 0,
                                     std::numeric_limits<std::int32_t>::max());
               auto take = q.integer("take", api::Need::kOptional, 1, kMaxPage);
               if (event && !webhooks::is_event_name(*event)) {
                 q.problem("event", "event must be a <Topic>.<Event> name");
               }
               if (result && *result != "succeeded" && *result != "failed") {
                 q.problem("result", "result must be succeeded or failed");
               }
               api::check_request(q, nullptr);
               if (sub) f.subscription_id = *sub;
               if (event) f.event = *event;
               if (result) f.result = *result;
               if (from) f.from_ms = *from * 1000;
               if (to) f.to_ms = *to * 1000;
               f.skip = skip ? *skip : 0;
               f.take = take ? *take : kDefaultPage;
               auto page = co_await db.read_apart(
                   [&](storage::Session& s) {
                     return webhooks::Subscriptions(s, false).deliveries(company, f);
                   },
                   company);
               co_return json(200, [&](api::JsonWriter& w) {
                 w.StartObject();
                 api::write_key(w, "total");
                 w.Int64(page.total);
                 api::write_key(w, "items");
                 w.StartArray();
                 for (const auto& d : page.items) {
                   api::write_object(w, d, core::Fields<Delivery>(kDeliveryFields), {zone});
                 }
                 w.EndArray();
                 w.EndObject();
               });
             });
  routes.add(verb::post, path("/webhook-deliveries/{deliveryId:int64}/replay"),
             [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               const auto id = req.int_param(1);
               auto webhook_id = co_await db.write([&](storage::Session& s) {
                 require_company(s, company);
                 return webhooks::Subscriptions(s, false).replay(company, id, webhooks::unix_ms());
               });
               co_return json(202, [&](api::JsonWriter& w) {
                 w.StartObject();
                 api::write_key(w, "webhookId");
                 api::write_string(w, webhook_id);
                 api::write_key(w, "messageStatus");
                 api::write_string(w, "pending");
                 w.EndObject();
               });
             });
}

}  // namespace ov::admin
