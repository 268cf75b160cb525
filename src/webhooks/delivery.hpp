// The delivery worker: claims due messages from the outbox, signs and POSTs them (libcurl), and
// records every attempt. Off the I/O threads: one dispatcher thread that claims and records in
// one storage write per round, and a bounded set of sender threads, each with its own
// connection cache.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "http/metrics.hpp"
#include "storage/database.hpp"

namespace ov::webhooks {

// ENDPOINTS.md §5.1: after a failed attempt, the next one waits this long (8 attempts in all).
std::vector<std::chrono::milliseconds> default_retry_schedule();
// "1s,2s,4s" (units ms, s, m, h; each at most a day): the retry schedule and timeouts of the
// serve flags. nullopt when malformed or empty.
std::optional<std::vector<std::chrono::milliseconds>> parse_durations(std::string_view text);

struct DeliveryOptions {
  // Attempts in flight at once on this server (sender threads). Each one waits on a receiver
  // for up to attempt_timeout, so this bounds both the threads and the sockets a burst of slow
  // receivers can hold; 0 means this server delivers nothing (another server on the database
  // does).
  std::size_t concurrency = 8;
  // ENDPOINTS.md §5.1: an attempt succeeds on a 2xx within 15 s; the whole attempt (connect,
  // TLS, request, answer) is bounded by this.
  std::chrono::milliseconds attempt_timeout{15000};
  std::vector<std::chrono::milliseconds> retry_schedule = default_retry_schedule();
  // Messages claimed per storage round at most, into a local queue the senders take from (at
  // least `concurrency`): one write claims many, so under load delivery adds a few writes per
  // second to the writer instead of one per message. A claimed message whose attempt has not
  // started while the claim still has an attempt's time left is given back, so slow receivers
  // cannot make a queued claim outlive its lease.
  std::size_t claim_batch = 256;
  // Plain http targets other than loopback hosts (test setups only).
  bool allow_http = false;
  // How often the outbox is read for messages due without a local wake-up: retries, messages of
  // another server's writes, and those left behind by a server that stopped. Commits on this
  // server wake the worker at once.
  std::chrono::milliseconds poll_interval{1000};
  // Delivered, failed and dropped messages and the delivery log are kept this long (the
  // delivery log answers "what happened to my webhook" for a week, and the tables stay bounded
  // by a week of traffic).
  std::chrono::hours retention{24 * 7};
};

class DeliveryWorker {
 public:
  DeliveryWorker(storage::Database& db, DeliveryOptions options);
  ~DeliveryWorker();
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  void start();
  // Stops claiming; attempts in flight are abandoned (their claims expire and they are sent
  // again later: delivery is at-least-once). Idempotent.
  void stop();
  // Something may be due now (a commit emitted); cheap, callable from any thread.
  void wake();

  // For /metrics.
  std::int64_t outbox_depth() const { return depth_.load(std::memory_order_relaxed); }
  std::uint64_t succeeded() const { return succeeded_.load(std::memory_order_relaxed); }
  // Answered with something other than a 2xx (a redirect included).
  std::uint64_t failed() const { return failed_.load(std::memory_order_relaxed); }
  // No answer: refused, unreachable, timed out, closed mid-response, URL not allowed.
  std::uint64_t unreachable() const { return unreachable_.load(std::memory_order_relaxed); }
  // Rounds that could not reach storage (results kept for the next round).
  std::uint64_t storage_errors() const { return storage_errors_.load(std::memory_order_relaxed); }
  const http::Histogram& latency() const { return latency_; }
  const DeliveryOptions& options() const { return options_; }

  // A claim is held this long: an attempt ends by its timeout, and its result is recorded in
  // the next round; past it, another server may take the message (its claimant died).
  std::chrono::milliseconds lease() const;

 private:
  struct Claimed {
    std::int64_t message_id = 0, company_id = 0, subscription_id = 0;
    std::string webhook_id, event, body, url, claim_token;
    std::vector<std::string> secrets;                // the active ones, current first
    std::int64_t attempt = 0;                        // this attempt's number, from 1
    std::chrono::steady_clock::time_point start_by;  // the attempt starts by then, or never
  };
  // kNotStarted: the claim was given back unused (start_by passed).
  enum class Result { kSucceeded, kFailed, kUnreachable, kNotStarted };
  struct Outcome {
    Claimed message;
    Result result = Result::kUnreachable;
    std::optional<std::int64_t> status_code;
    std::int64_t attempted_at = 0;  // Unix milliseconds
    std::int64_t latency_ms = 0;
    std::optional<std::string> response, error;
  };
  Outcome attempt(void* curl, const Claimed& m);
  void dispatch_loop();
  void send_loop();
  // One storage write: records finished attempts, then claims up to `room` due messages.
  std::vector<Claimed> round(std::vector<Outcome>& outcomes, std::size_t room);
  void purge();
  // Claimed messages held here (queued or being sent), and how many may be; under mutex_.
  std::size_t held() const { return to_send_.size() + in_flight_; }
  std::size_t claim_batch() const { return std::max(options_.claim_batch, options_.concurrency); }
  void refresh_depth();

  storage::Database& db_;
  DeliveryOptions options_;
  std::string instance_;

  std::mutex mutex_;
  std::condition_variable dispatch_cv_, send_cv_;
  bool stopping_ = false;
  bool woken_ = false;
  std::deque<Claimed> to_send_;
  std::vector<Outcome> outcomes_;
  std::size_t in_flight_ = 0;
  std::atomic<bool> abort_{false};

  std::thread dispatcher_;
  std::vector<std::thread> senders_;
  bool started_ = false;

  std::atomic<std::int64_t> depth_{0};
  std::atomic<std::uint64_t> succeeded_{0}, failed_{0}, unreachable_{0}, storage_errors_{0};
  http::Histogram latency_;
};

}  // namespace ov::webhooks
