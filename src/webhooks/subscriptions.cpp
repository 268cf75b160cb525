#include "webhooks/subscriptions.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "webhooks/events.hpp"
#include "webhooks/signing.hpp"

namespace ov::webhooks {

namespace {

constexpr const char* kColumns =
    "subscription_id, company_id, url, events, enabled, disabled_reason, previous_secret_until, "
    "created_at, updated_at";

std::string lower(std::string_view v) {
  std::string out(v);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_loopback_host(std::string_view host) {
  const auto h = lower(host);
  if (h == "localhost" || h == "[::1]") return true;
  // 127.0.0.0/8 as a dotted quad.
  if (!h.starts_with("127.")) return false;
  int parts = 0;
  std::size_t i = 0;
  while (i <= h.size()) {
    std::size_t j = h.find('.', i);
    if (j == std::string::npos) j = h.size();
    const auto part = std::string_view(h).substr(i, j - i);
    if (part.empty() || part.size() > 3 ||
        !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoi(std::string(part)) > 255) {
      return false;
    }
    ++parts;
    i = j + 1;
  }
  return parts == 4;
}

std::string events_json(const std::vector<std::string>& events) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& e : events) w.String(e.c_str(), static_cast<rapidjson::SizeType>(e.size()));
  w.EndArray();
  return {buf.GetString(), buf.GetSize()};
}

std::vector<std::string> parse_events(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  std::vector<std::string> out;
  if (doc.HasParseError() || !doc.IsArray()) return out;
  for (const auto& v : doc.GetArray()) {
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

Subscription read_subscription(storage::Rows& r) {
  Subscription s;
  s.subscription_id = r.i64(0);
  s.company_id = r.i64(1);
  s.url = r.str(2);
  s.events = parse_events(r.text(3));
  s.enabled = r.i64(4) != 0;
  s.disabled_reason = r.opt_str(5);
  s.previous_secret_until = r.opt_i64(6);
  s.created_at = r.i64(7);
  s.updated_at = r.i64(8);
  return s;
}

// Concatenated SQL text (appending avoids g++ 12's false -Warray-bounds on literal + string).
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out.append(p);
  return out;
}

const char* message_status(std::int64_t status) {
  switch (status) {
    case 0:
      return "pending";
    case 1:
      return "delivered";
    case 2:
      return "failed";
    default:
      return "dropped";
  }
}

}  // namespace

std::optional<std::string> url_problem(std::string_view url, bool allow_http) {
  if (url.empty()) return "url is required";
  if (url.size() > kMaxUrlLength) {
    return "url must be at most " + std::to_string(kMaxUrlLength) + " characters";
  }
  if (std::any_of(url.begin(), url.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; })) {
    return "url must not contain spaces or control characters";
  }
  const auto sep = url.find("://");
  if (sep == std::string_view::npos) return "url must be an absolute http or https URL";
  const auto scheme = lower(url.substr(0, sep));
  if (scheme != "https" && scheme != "http") return "url must be an http or https URL";
  const auto rest = url.substr(sep + 3);
  const auto authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    return "url must not carry credentials; the signature authenticates the sender";
  }
  std::string_view host = authority;
  if (host.starts_with("[")) {
    const auto close = host.find(']');
    if (close == std::string_view::npos) return "url has an invalid host";
    host = host.substr(0, close + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  if (host.empty()) return "url must name a host";
  if (scheme == "http" && !allow_http && !is_loopback_host(host)) {
    return "url must use https (plain http only for loopback hosts)";
  }
  return std::nullopt;
}

std::optional<std::string> filter_problem(const std::vector<std::string>& events) {
  if (events.empty()) return "events must name at least one event, or be [\"*\"]";
  if (events.size() > kMaxFilterEvents) {
    return "events must name at most " + std::to_string(kMaxFilterEvents) + " events";
  }
  for (const auto& e : events) {
    if (e == "*") {
      if (events.size() != 1) return "\"*\" must be the only entry of events";
      continue;
    }
    if (!is_event_name(e)) return "events: unknown event " + e + " (expected <Topic>.<Event>)";
  }
  return std::nullopt;
}

CreatedSubscription Subscriptions::create(std::int64_t company_id, NewSubscription in,
                                          std::int64_t now_ms) {
  std::vector<core::FieldProblem> problems;
  if (auto p = url_problem(in.url, allow_http_)) problems.push_back({"url", *p});
  if (auto p = filter_problem(in.events)) problems.push_back({"events", *p});
  if (!problems.empty()) throw core::ApiError(std::move(problems));
  CreatedSubscription out;
  out.secret = new_secret();
  auto id = s_.query_i64(
      "INSERT INTO webhook_subscriptions (company_id, url, events, enabled, secret, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING subscription_id",
      {company_id, in.url, events_json(in.events), std::int64_t{in.enabled ? 1 : 0}, out.secret,
       now_ms, now_ms});
  out.subscription = require(company_id, *id);
  return out;
}

std::vector<Subscription> Subscriptions::list(std::int64_t company_id) {
  std::vector<Subscription> out;
  auto rows = s_.query(cat({"SELECT ", kColumns,
                            " FROM webhook_subscriptions WHERE company_id = ? ORDER BY "
                            "subscription_id"}),
                       {company_id});
  while (rows.next()) out.push_back(read_subscription(rows));
  return out;
}

std::optional<Subscription> Subscriptions::find(std::int64_t company_id,
                                                std::int64_t subscription_id) {
  auto rows = s_.query(cat({"SELECT ", kColumns,
                            " FROM webhook_subscriptions WHERE company_id = ? AND "
                            "subscription_id = ?"}),
                       {company_id, subscription_id});
  if (!rows.next()) return std::nullopt;
  return read_subscription(rows);
}

Subscription Subscriptions::require(std::int64_t company_id, std::int64_t subscription_id) {
  auto found = find(company_id, subscription_id);
  if (!found) {
    throw core::not_found("Webhook subscription " + std::to_string(subscription_id) +
                          " was not found");
  }
  return std::move(*found);
}

Subscription Subscriptions::update(std::int64_t company_id, std::int64_t subscription_id,
                                   SubscriptionChanges changes, std::int64_t now_ms) {
  auto sub = require(company_id, subscription_id);
  std::vector<core::FieldProblem> problems;
  if (changes.url) {
    if (auto p = url_problem(*changes.url, allow_http_)) problems.push_back({"url", *p});
  }
  if (changes.events) {
    if (auto p = filter_problem(*changes.events)) problems.push_back({"events", *p});
  }
  if (!problems.empty()) throw core::ApiError(std::move(problems));
  if (changes.url) sub.url = *changes.url;
  if (changes.events) sub.events = *changes.events;
  const bool was_enabled = sub.enabled;
  if (changes.enabled) sub.enabled = *changes.enabled;
  if (sub.enabled) sub.disabled_reason.reset();
  s_.exec(
      "UPDATE webhook_subscriptions SET url = ?, events = ?, enabled = ?, disabled_reason = ?, "
      "updated_at = ? WHERE company_id = ? AND subscription_id = ?",
      {sub.url, events_json(sub.events), std::int64_t{sub.enabled ? 1 : 0},
       sub.disabled_reason ? storage::Value(std::string_view(*sub.disabled_reason))
                           : storage::Value(nullptr),
       now_ms, company_id, subscription_id});
  if (was_enabled && !sub.enabled) drop_pending(s_, subscription_id, now_ms);
  return require(company_id, subscription_id);
}

void Subscriptions::remove(std::int64_t company_id, std::int64_t subscription_id) {
  require(company_id, subscription_id);
  // Children first: the cascade would do it too, but only with foreign keys enforced.
  s_.exec("DELETE FROM webhook_deliveries WHERE subscription_id = ? AND company_id = ?",
          {subscription_id, company_id});
  s_.exec("DELETE FROM webhook_messages WHERE subscription_id = ? AND company_id = ?",
          {subscription_id, company_id});
  s_.exec("DELETE FROM webhook_subscriptions WHERE subscription_id = ? AND company_id = ?",
          {subscription_id, company_id});
}

std::string Subscriptions::rotate_secret(std::int64_t company_id, std::int64_t subscription_id,
                                         std::int64_t now_ms) {
  require(company_id, subscription_id);
  auto secret = new_secret();
  s_.exec(
      "UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_until = ?, "
      "secret = ?, updated_at = ? WHERE company_id = ? AND subscription_id = ?",
      {now_ms + kRotationOverlapMs, secret, now_ms, company_id, subscription_id});
  return secret;
}

DeliveryPage Subscriptions::deliveries(std::int64_t company_id, const DeliveryFilter& f) {
  std::string where = " WHERE d.company_id = ?";
  std::vector<storage::Value> params{company_id};
  if (f.subscription_id) {
    where += " AND d.subscription_id = ?";
    params.emplace_back(*f.subscription_id);
  }
  if (f.event) {
    where += " AND m.event = ?";
    params.emplace_back(std::string_view(*f.event));
  }
  if (f.result) {
    where += " AND d.result = ?";
    params.emplace_back(std::string_view(*f.result));
  }
  if (f.from_ms) {
    where += " AND d.attempted_at >= ?";
    params.emplace_back(*f.from_ms);
  }
  if (f.to_ms) {
    where += " AND d.attempted_at < ?";
    params.emplace_back(*f.to_ms);
  }
  const std::string from =
      " FROM webhook_deliveries d JOIN webhook_messages m ON m.message_id = d.message_id AND "
      "m.company_id = d.company_id";
  DeliveryPage page;
  {
    auto rows = s_.query(cat({"SELECT count(*)", from, where}), params);
    if (rows.next()) page.total = rows.i64(0);
  }
  auto paged = params;
  paged.emplace_back(f.take);
  paged.emplace_back(f.skip);
  auto rows = s_.query(
      cat({"SELECT d.delivery_id, d.subscription_id, m.webhook_id, m.event, d.attempt, "
           "d.attempted_at, d.result, d.status_code, d.latency_ms, d.response, d.error, m.status",
           from, where, " ORDER BY d.delivery_id DESC LIMIT ? OFFSET ?"}),
      paged);
  while (rows.next()) {
    Delivery d;
    d.delivery_id = rows.i64(0);
    d.subscription_id = rows.i64(1);
    d.webhook_id = rows.str(2);
    d.event = rows.str(3);
    d.attempt = rows.i64(4);
    d.attempted_at = rows.i64(5);
    d.result = rows.str(6);
    d.status_code = rows.opt_i64(7);
    d.latency_ms = rows.i64(8);
    d.response = rows.opt_str(9);
    d.error = rows.opt_str(10);
    d.message_status = message_status(rows.i64(11));
    page.items.push_back(std::move(d));
  }
  return page;
}

std::string Subscriptions::replay(std::int64_t company_id, std::int64_t delivery_id,
                                  std::int64_t now_ms) {
  auto rows = s_.query(
      "SELECT m.message_id, m.webhook_id, s.enabled FROM webhook_deliveries d JOIN "
      "webhook_messages m ON m.message_id = d.message_id AND m.company_id = d.company_id JOIN "
      "webhook_subscriptions s ON s.subscription_id = m.subscription_id AND s.company_id = "
      "m.company_id WHERE d.company_id = ? AND d.delivery_id = ?",
      {company_id, delivery_id});
  if (!rows.next()) {
    throw core::not_found("Webhook delivery " + std::to_string(delivery_id) + " was not found");
  }
  const auto message_id = rows.i64(0);
  auto webhook_id = rows.str(1);
  if (rows.i64(2) == 0) {
    throw core::conflict("The subscription is disabled; enable it before replaying");
  }
  // A claimed message keeps its claim: the running attempt finishes, and the message is due
  // again at once after it (the attempt's result is recorded by claim, see the worker).
  s_.exec(
      "UPDATE webhook_messages SET status = 0, attempts = 0, next_attempt_at = ?, updated_at = ? "
      "WHERE message_id = ? AND company_id = ?",
      {now_ms, now_ms, message_id, company_id});
  s_.notify_after_commit();
  return webhook_id;
}

void drop_pending(storage::Session& s, std::int64_t subscription_id, std::int64_t now_ms) {
  s.exec(
      "UPDATE webhook_messages SET status = 3, updated_at = ? WHERE subscription_id = ? AND "
      "status = 0",
      {now_ms, subscription_id});
}

}  // namespace ov::webhooks
