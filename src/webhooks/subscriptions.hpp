// Webhook subscriptions, the delivery log and replay: what the administration plane (and its
// tests) operate on. SQL only, no HTTP; every statement is confined to the given company.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace ov::webhooks {

// A target URL longer than this is refused: common HTTP stacks cap a request line near 8 KiB,
// and no real receiver needs more than a few hundred characters.
inline constexpr std::size_t kMaxUrlLength = 2048;
// Names in one filter: there are 22 events; a longer list can only repeat them.
inline constexpr std::size_t kMaxFilterEvents = 64;
// After a rotation the previous secret keeps signing this long, so receivers can move to the
// new one without refusing a message (the Standard Webhooks practice of a one-day overlap).
inline constexpr std::int64_t kRotationOverlapMs = 24LL * 3600 * 1000;

// Why a target URL is refused, or nullopt when it is acceptable: http(s) only, https unless the
// host is a loopback one (127.0.0.0/8, ::1, localhost) or plain http is allowed (test setups),
// no credentials in it, a host present, no spaces or control characters.
std::optional<std::string> url_problem(std::string_view url, bool allow_http);

// Why a filter is refused, or nullopt: one or more known "<Topic>.<Event>" names, or "*" alone.
std::optional<std::string> filter_problem(const std::vector<std::string>& events);

struct Subscription {
  std::int64_t subscription_id = 0;
  std::int64_t company_id = 0;
  std::string url;
  std::vector<std::string> events;
  bool enabled = true;
  std::optional<std::string> disabled_reason;
  // Set while a previous secret still signs (after a rotation), in Unix milliseconds.
  std::optional<std::int64_t> previous_secret_until;
  std::int64_t created_at = 0;  // Unix milliseconds
  std::int64_t updated_at = 0;
};

struct NewSubscription {
  std::string url;
  std::vector<std::string> events;
  bool enabled = true;
};

// Absent members keep their value.
struct SubscriptionChanges {
  std::optional<std::string> url;
  std::optional<std::vector<std::string>> events;
  std::optional<bool> enabled;
};

struct CreatedSubscription {
  Subscription subscription;
  std::string secret;  // shown once
};

struct DeliveryFilter {
  std::optional<std::int64_t> subscription_id;
  std::optional<std::string> event;
  std::optional<std::string> result;  // "succeeded" or "failed"
  std::optional<std::int64_t> from_ms, to_ms;
  std::int64_t skip = 0;
  std::int64_t take = 50;
};

struct Delivery {
  std::int64_t delivery_id = 0;
  std::int64_t subscription_id = 0;
  std::string webhook_id;
  std::string event;
  std::int64_t attempt = 0;
  std::int64_t attempted_at = 0;  // Unix milliseconds
  std::string result;
  std::optional<std::int64_t> status_code;
  std::int64_t latency_ms = 0;
  std::optional<std::string> response;
  std::optional<std::string> error;
  // The message's state: "pending", "delivered", "failed" or "dropped".
  std::string message_status;
};

struct DeliveryPage {
  std::vector<Delivery> items;
  std::int64_t total = 0;
};

// The operations; each runs in the caller's transaction. Bad input throws ApiError(kValidation)
// naming the field; an unknown id throws ApiError(kNotFound).
class Subscriptions {
 public:
  Subscriptions(storage::Session& s, bool allow_http) : s_(s), allow_http_(allow_http) {}

  CreatedSubscription create(std::int64_t company_id, NewSubscription in, std::int64_t now_ms);
  std::vector<Subscription> list(std::int64_t company_id);
  std::optional<Subscription> find(std::int64_t company_id, std::int64_t subscription_id);
  Subscription update(std::int64_t company_id, std::int64_t subscription_id,
                      SubscriptionChanges changes, std::int64_t now_ms);
  // Its queued messages and its delivery log go with it.
  void remove(std::int64_t company_id, std::int64_t subscription_id);
  // A new primary secret; the old one keeps signing for kRotationOverlapMs. Returns the new one.
  std::string rotate_secret(std::int64_t company_id, std::int64_t subscription_id,
                            std::int64_t now_ms);

  DeliveryPage deliveries(std::int64_t company_id, const DeliveryFilter& filter);
  // Queues the delivery's message again, due at once, with the same webhook-id and a fresh
  // schedule. Returns the webhook-id. A disabled subscription refuses (conflict).
  std::string replay(std::int64_t company_id, std::int64_t delivery_id, std::int64_t now_ms);

 private:
  Subscription require(std::int64_t company_id, std::int64_t subscription_id);
  storage::Session& s_;
  bool allow_http_;
};

// Marks a subscription's pending messages dropped: they are never sent once it is disabled.
void drop_pending(storage::Session& s, std::int64_t subscription_id, std::int64_t now_ms);

}  // namespace ov::webhooks
