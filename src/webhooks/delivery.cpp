#include "webhooks/delivery.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "auth/crypto.hpp"
#include "core/text.hpp"
#include "webhooks/events.hpp"
#include "webhooks/signing.hpp"
#include "webhooks/subscriptions.hpp"

namespace ov::webhooks {

namespace {

using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// The delivery log keeps this much of an answer's body (the contract's "first 1 KiB").
constexpr std::size_t kResponseKept = 1024;
// An answer's body is read up to this and the attempt ends there: a receiver cannot make the
// worker download without end; its status line has been read by then.
constexpr std::size_t kResponseReadLimit = 64 * 1024;
// Rows a purge round deletes per table: short write transactions, however large the backlog.
constexpr std::int64_t kPurgeBatch = 1000;
// The purge runs this often.
constexpr auto kPurgeInterval = std::chrono::hours(1);
// The outbox depth is counted at most this often (a count over the pending messages).
constexpr auto kDepthInterval = std::chrono::seconds(1);
// A failing storage is reported at most this often, not once per round.
constexpr auto kStorageWarningInterval = std::chrono::seconds(30);

std::string kept_text(std::string_view bytes) {
  // Text columns take valid UTF-8 only (PostgreSQL refuses anything else, and NUL).
  std::string out(bytes.substr(0, kResponseKept));
  for (std::size_t cut = 0; cut < 4 && !out.empty(); ++cut) {
    if (core::valid_utf8(out)) break;
    out.pop_back();  // a character cut at the 1 KiB mark
  }
  if (!core::valid_utf8(out)) {
    out.assign(bytes.substr(0, kResponseKept));
    for (auto& c : out) {
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
    }
  }
  std::replace(out.begin(), out.end(), '\0', '?');
  return out;
}

struct Body {
  std::string kept;
  std::size_t seen = 0;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* b = static_cast<Body*>(user);
  const std::size_t len = size * n;
  if (b->kept.size() < kResponseKept) {
    b->kept.append(data, std::min(len, kResponseKept - b->kept.size()));
  }
  b->seen += len;
  // Returning less than given ends the transfer (CURLE_WRITE_ERROR).
  return b->seen > kResponseReadLimit ? 0 : len;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  // Non-zero aborts the transfer: the server is stopping.
  return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;
}

std::int64_t unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::vector<milliseconds> default_retry_schedule() {
  using namespace std::chrono_literals;
  return {5s, 5min, 30min, 2h, 5h, 10h, 10h};
}

std::optional<std::vector<milliseconds>> parse_durations(std::string_view text) {
  std::vector<milliseconds> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    auto item = core::trim(text.substr(0, comma));
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
    if (ec != std::errc() || end == item.data() || n < 0) return std::nullopt;
    const std::string_view unit(end, static_cast<std::size_t>(item.data() + item.size() - end));
    std::int64_t factor = 0;
    if (unit == "ms") {
      factor = 1;
    } else if (unit == "s") {
      factor = 1000;
    } else if (unit == "m") {
      factor = 60 * 1000;
    } else if (unit == "h") {
      factor = 3600 * 1000;
    } else {
      return std::nullopt;
    }
    // A day is the longest wait that makes sense between two attempts (the default's longest
    // is 10 h); it also keeps the arithmetic far from overflow.
    if (n > 24LL * 3600 * 1000 / factor) return std::nullopt;
    out.emplace_back(n * factor);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

DeliveryWorker::DeliveryWorker(storage::Database& db, DeliveryOptions options)
    : db_(db),
      options_(std::move(options)),
      instance_(auth::random_token(12)),
      latency_({0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15}) {
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

DeliveryWorker::~DeliveryWorker() { stop(); }

milliseconds DeliveryWorker::lease() const {
  return options_.attempt_timeout * 2 + milliseconds(2000);
}

void DeliveryWorker::start() {
  if (started_) return;
  started_ = true;
  if (options_.concurrency == 0) return;
  dispatcher_ = std::thread([this] { dispatch_loop(); });
  for (std::size_t i = 0; i < options_.concurrency; ++i) {
    senders_.emplace_back([this] { send_loop(); });
  }
}

void DeliveryWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  abort_.store(true);
  dispatch_cv_.notify_all();
  send_cv_.notify_all();
  if (dispatcher_.joinable()) dispatcher_.join();
  for (auto& t : senders_) {
    if (t.joinable()) t.join();
  }
}

void DeliveryWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  dispatch_cv_.notify_one();
}

void DeliveryWorker::dispatch_loop() {
  auto next_poll = SteadyClock::now();
  auto next_purge = SteadyClock::now();
  auto next_depth = SteadyClock::now();
  auto last_warning = SteadyClock::now() - kStorageWarningInterval;
  // The earliest retry this server scheduled (max: none).
  auto next_retry = SteadyClock::time_point::max();
  std::vector<Outcome> outcomes;
  for (;;) {
    std::size_t room = 0;
    {
      std::unique_lock lock(mutex_);
      const auto wake_at = std::min(next_poll, next_retry);
      dispatch_cv_.wait_until(lock, wake_at, [&] {
        return stopping_ || (woken_ && held() < claim_batch()) || !outcomes_.empty();
      });
      if (stopping_) return;
      const bool due = woken_ || SteadyClock::now() >= wake_at;
      woken_ = false;
      for (auto& o : outcomes_) outcomes.push_back(std::move(o));
      outcomes_.clear();
      if (due) {
        room = claim_batch() - std::min(claim_batch(), held());
        if (room == 0) {
          // The local queue is full: claim again as soon as it has room.
          woken_ = true;
          next_poll = SteadyClock::now() + options_.poll_interval;
        }
      }
      if (room == 0 && outcomes.empty()) continue;
    }
    const auto now = SteadyClock::now();
    if (room > 0) next_poll = now + options_.poll_interval;
    if (next_retry <= now) next_retry = SteadyClock::time_point::max();
    // The earliest retry this round schedules: waited for precisely, not to the next poll.
    for (const auto& o : outcomes) {
      if (o.result == Result::kSucceeded || o.result == Result::kNotStarted) continue;
      const auto n = static_cast<std::size_t>(o.message.attempt);
      if (o.status_code == 410 || n > options_.retry_schedule.size()) continue;
      const auto at = now + options_.retry_schedule[n - 1];
      next_retry = std::min(next_retry, at);
    }
    std::vector<Claimed> claimed;
    try {
      claimed = round(outcomes, room);
      outcomes.clear();
    } catch (const std::exception& e) {
      // Storage is down: the outcomes are kept and recorded in a later round (their claims may
      // expire meanwhile: the message is then sent again, which at-least-once allows).
      storage_errors_.fetch_add(1, std::memory_order_relaxed);
      if (SteadyClock::now() - last_warning >= kStorageWarningInterval) {
        last_warning = SteadyClock::now();
        spdlog::warn("webhooks: the outbox is unavailable, retrying: {}", e.what());
      }
      next_poll = SteadyClock::now() + options_.poll_interval;
      continue;
    }
    {
      std::lock_guard lock(mutex_);
      for (auto& c : claimed) to_send_.push_back(std::move(c));
      // A full claim may have left more due messages: look again as soon as a slot frees.
      if (room > 0 && claimed.size() == room) woken_ = true;
    }
    send_cv_.notify_all();
    const auto after = SteadyClock::now();
    if (after >= next_purge) {
      next_purge = after + kPurgeInterval;
      purge();
    }
    if (after >= next_depth) {
      next_depth = after + kDepthInterval;
      refresh_depth();
    }
  }
}

void DeliveryWorker::send_loop() {
  CURL* curl = curl_easy_init();
  for (;;) {
    Claimed m;
    {
      std::unique_lock lock(mutex_);
      send_cv_.wait(lock, [&] { return stopping_ || !to_send_.empty(); });
      if (stopping_) break;
      m = std::move(to_send_.front());
      to_send_.pop_front();
      ++in_flight_;
    }
    Outcome o;
    if (SteadyClock::now() > m.start_by) {
      // Waited too long in the local queue (slow receivers ahead of it): an attempt started now
      // could outlast the claim, so the claim is given back unused.
      o.message = std::move(m);
      o.result = Result::kNotStarted;
    } else {
      o = attempt(curl, m);
    }
    if (abort_.load()) break;  // cut short by stop(): not a result
    switch (o.result) {
      case Result::kNotStarted:
        break;
      case Result::kSucceeded:
        succeeded_.fetch_add(1, std::memory_order_relaxed);
        break;
      case Result::kFailed:
        failed_.fetch_add(1, std::memory_order_relaxed);
        break;
      case Result::kUnreachable:
        unreachable_.fetch_add(1, std::memory_order_relaxed);
        break;
    }
    if (o.result != Result::kNotStarted) {
      latency_.observe(static_cast<double>(o.latency_ms) / 1000.0);
    }
    {
      std::lock_guard lock(mutex_);
      --in_flight_;
      outcomes_.push_back(std::move(o));
    }
    dispatch_cv_.notify_one();
  }
  if (curl) curl_easy_cleanup(curl);
}

DeliveryWorker::Outcome DeliveryWorker::attempt(void* handle, const Claimed& m) {
  Outcome o;
  o.message = m;
  o.attempted_at = unix_ms();
  const auto started = SteadyClock::now();
  auto* curl = static_cast<CURL*>(handle);
  if (auto problem = url_problem(m.url, options_.allow_http)) {
    o.error = "not sent: " + *problem;
    return o;
  }
  if (!curl) {
    o.error = "not sent: no HTTP client";
    return o;
  }
  // Signed now: every attempt carries a fresh webhook-timestamp and the same webhook-id.
  const auto timestamp = unix_seconds();
  const std::vector<std::string> lines{
      "Content-Type: application/json",
      "User-Agent: VenioWebhooks/1.0",
      "webhook-id: " + m.webhook_id,
      "webhook-timestamp: " + std::to_string(timestamp),
      "webhook-signature: " + signature_header(m.secrets, m.webhook_id, timestamp, m.body),
      // No "100 Continue" round trip: the bodies are small.
      "Expect:",
  };
  curl_slist* headers = nullptr;
  for (const auto& l : lines) headers = curl_slist_append(headers, l.c_str());
  Body body;
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, m.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // §5.1: a redirect is a failure
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);        // threads: no SIGALRM for timeouts
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.attempt_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, m.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(m.body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &abort_);
  const CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  o.latency_ms = std::chrono::duration_cast<milliseconds>(SteadyClock::now() - started).count();
  if (!body.kept.empty()) o.response = kept_text(body.kept);
  if (status > 0) o.status_code = status;
  if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && body.seen > kResponseReadLimit)) {
    o.result = status >= 200 && status < 300 ? Result::kSucceeded : Result::kFailed;
    if (code != CURLE_OK) o.error = "answer body cut at 64 KiB";
    if (o.result == Result::kFailed && status >= 300 && status < 400) {
      o.error = "redirects are not followed";
    }
    return o;
  }
  // No complete answer: refused, timed out, closed mid-response, TLS failure.
  o.result = Result::kUnreachable;
  o.error = error[0] ? std::string(error) : std::string(curl_easy_strerror(code));
  return o;
}

std::vector<DeliveryWorker::Claimed> DeliveryWorker::round(std::vector<Outcome>& outcomes,
                                                           std::size_t room) {
  std::vector<Claimed> claimed;
  db_.write_now([&](storage::Session& s) {
    claimed.clear();
    const auto now = unix_ms();
    for (const auto& o : outcomes) {
      const auto& m = o.message;
      if (o.result == Result::kNotStarted) {
        s.exec(
            "UPDATE webhook_messages SET lease_until = NULL, claim_token = NULL WHERE message_id = "
            "? AND claim_token = ?",
            {m.message_id, m.claim_token});
        continue;
      }
      const auto n = static_cast<std::size_t>(m.attempt);
      std::int64_t status = 0;
      std::int64_t next = now;
      if (o.result == Result::kSucceeded) {
        status = 1;
      } else if (o.status_code == 410 || n > options_.retry_schedule.size()) {
        status = 2;
      } else {
        next = o.attempted_at + o.latency_ms + options_.retry_schedule[n - 1].count();
      }
      // By claim: a claim that expired (and was taken by another server) records nothing.
      const auto changed = s.exec(
          "UPDATE webhook_messages SET status = ?, attempts = ?, next_attempt_at = ?, "
          "lease_until = NULL, claim_token = NULL, updated_at = ? WHERE message_id = ? AND "
          "claim_token = ?",
          {status, m.attempt, next, now, m.message_id, m.claim_token});
      if (changed == 0) continue;
      s.exec(
          "INSERT INTO webhook_deliveries (company_id, subscription_id, message_id, attempt, "
          "attempted_at, result, status_code, latency_ms, response, error) VALUES (?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?)",
          {m.company_id, m.subscription_id, m.message_id, m.attempt, o.attempted_at,
           o.result == Result::kSucceeded ? "succeeded" : "failed",
           o.status_code ? storage::Value(*o.status_code) : storage::Value(nullptr), o.latency_ms,
           o.response ? storage::Value(std::string_view(*o.response)) : storage::Value(nullptr),
           o.error ? storage::Value(std::string_view(*o.error)) : storage::Value(nullptr)});
      if (o.status_code == 410) {
        // §5.1: 410 Gone disables the subscription; its queued messages are never sent.
        s.exec(
            "UPDATE webhook_subscriptions SET enabled = 0, disabled_reason = ?, updated_at = ? "
            "WHERE subscription_id = ? AND company_id = ?",
            {"the receiver answered 410 Gone", now, m.subscription_id, m.company_id});
        drop_pending(s, m.subscription_id, now);
        spdlog::warn("webhooks: subscription {} of company {} answered 410 Gone: disabled",
                     m.subscription_id, m.company_id);
      } else if (status == 2) {
        spdlog::warn("webhooks: message {} to subscription {} dropped after {} attempts",
                     m.webhook_id, m.subscription_id, m.attempt);
      }
    }
    if (room == 0) return;
    const std::string token = auth::random_token(16);
    // An attempt may start until the claim has an attempt's time and a second left.
    const auto start_by = SteadyClock::now() + lease() - options_.attempt_timeout - 1s;
    // Due, pending and not claimed (or claimed by a server whose lease ran out). On PostgreSQL
    // rows another server is claiming are skipped, so each message goes to one server at a time.
    std::vector<std::int64_t> ids;
    {
      std::string sql =
          "UPDATE webhook_messages SET lease_until = ?, claim_token = ? WHERE message_id IN "
          "(SELECT message_id FROM webhook_messages WHERE status = 0 AND next_attempt_at <= ? "
          "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at LIMIT ?";
      if (s.backend() == "postgres") sql.append(" FOR UPDATE SKIP LOCKED");
      sql.append(") RETURNING message_id");
      auto rows =
          s.query(sql, {now + lease().count(), token, now, now, static_cast<std::int64_t>(room)});
      while (rows.next()) ids.push_back(rows.i64(0));
    }
    for (const auto id : ids) {
      auto rows = s.query(
          "SELECT m.company_id, m.subscription_id, m.webhook_id, m.event, m.body, m.attempts, "
          "sub.url, sub.secret, sub.previous_secret, sub.previous_secret_until, sub.enabled FROM "
          "webhook_messages m LEFT JOIN webhook_subscriptions sub ON sub.subscription_id = "
          "m.subscription_id AND sub.company_id = m.company_id WHERE m.message_id = ?",
          {id});
      if (!rows.next()) continue;
      if (rows.is_null(6) || rows.i64(10) == 0) {
        // Its subscription is gone or disabled: never sent.
        s.exec(
            "UPDATE webhook_messages SET status = 3, lease_until = NULL, claim_token = NULL, "
            "updated_at = ? WHERE message_id = ?",
            {now, id});
        continue;
      }
      Claimed c;
      c.message_id = id;
      c.company_id = rows.i64(0);
      c.subscription_id = rows.i64(1);
      c.webhook_id = rows.str(2);
      c.event = rows.str(3);
      c.body = rows.str(4);
      c.attempt = rows.i64(5) + 1;
      c.url = rows.str(6);
      c.secrets.push_back(rows.str(7));
      if (!rows.is_null(8) && !rows.is_null(9) && rows.i64(9) > now) {
        c.secrets.push_back(rows.str(8));
      }
      c.claim_token = token;
      c.start_by = start_by;
      claimed.push_back(std::move(c));
    }
  });
  return claimed;
}

void DeliveryWorker::purge() {
  const auto before =
      unix_ms() - std::chrono::duration_cast<milliseconds>(options_.retention).count();
  try {
    for (;;) {
      std::int64_t n = 0;
      db_.write_now([&](storage::Session& s) {
        n = s.exec(
            "DELETE FROM webhook_deliveries WHERE delivery_id IN (SELECT delivery_id FROM "
            "webhook_deliveries WHERE attempted_at < ? LIMIT ?)",
            {before, kPurgeBatch});
        n += s.exec(
            "DELETE FROM webhook_messages WHERE message_id IN (SELECT m.message_id FROM "
            "webhook_messages m WHERE m.status <> 0 AND m.updated_at < ? AND NOT EXISTS (SELECT 1 "
            "FROM webhook_deliveries d WHERE d.message_id = m.message_id) LIMIT ?)",
            {before, kPurgeBatch});
      });
      if (n == 0 || abort_.load()) break;
    }
  } catch (const std::exception& e) {
    spdlog::warn("webhooks: purging old deliveries failed, retrying later: {}", e.what());
  }
}

void DeliveryWorker::refresh_depth() {
  try {
    db_.read_now([&](storage::Session& s) {
      depth_.store(
          s.query_i64("SELECT count(*) FROM webhook_messages WHERE status = 0").value_or(0),
          std::memory_order_relaxed);
    });
  } catch (const std::exception&) {
    // Kept at its last value while storage is unavailable.
  }
}

}  // namespace ov::webhooks
