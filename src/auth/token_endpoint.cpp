#include "auth/token_endpoint.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fmt/format.h>

#include <atomic>
#include <map>

#include "api/envelope.hpp"
#include "api/json_input.hpp"
#include "auth/crypto.hpp"
#include "auth/failure_throttle.hpp"
#include "auth/hash_queue.hpp"
#include "http/client_address.hpp"

namespace ov::auth {

namespace asio = boost::asio;

namespace {

http::Response oauth_error(int status, std::string_view error, std::string_view description) {
  http::Response r;
  api::StringSink sink(r.body);
  api::JsonWriter w(sink);
  w.StartObject();
  api::write_key(w, "error");
  api::write_string(w, error);
  api::write_key(w, "error_description");
  api::write_string(w, description);
  w.EndObject();
  r.status = status;
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Pragma", "no-cache");
  return r;
}

// application/x-www-form-urlencoded; nullopt when malformed or a parameter is repeated
// (RFC 6749 §3.2: parameters must not be included more than once).
std::optional<std::map<std::string, std::string>> parse_form(std::string_view body) {
  std::map<std::string, std::string> out;
  while (!body.empty()) {
    auto amp = body.find('&');
    auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto key = http::percent_decode(pair.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::optional<std::string>(std::string())
                                              : http::percent_decode(pair.substr(eq + 1), true);
    if (!key || !value) return std::nullopt;
    if (!out.emplace(std::move(*key), std::move(*value)).second) return std::nullopt;
  }
  return out;
}

bool is_form(std::string_view content_type) {
  auto semi = content_type.find(';');
  auto type = content_type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  return api::iequals(type, "application/x-www-form-urlencoded");
}

// Longer ids and secrets are none the server issued: refused without a check.
constexpr std::size_t kMaxClientIdChars = 256;
constexpr std::size_t kMaxSecretChars = 1024;

struct TokenGuard final : TokenEndpointStats {
  TokenGuard(asio::thread_pool& pool, const TokenOptions& o)
      : queue(pool, o.max_waiting_checks),
        by_client(o.client_failures, o.client_window_seconds, o.max_tracked_keys),
        by_address(o.address_failures, o.address_window_seconds, o.max_tracked_keys) {}

  std::size_t waiting_checks() const override { return queue.waiting(); }
  std::uint64_t secret_checks() const override { return queue.completed(); }
  std::uint64_t refused_busy() const override { return busy.load(); }
  std::uint64_t refused_throttled() const override { return throttled.load(); }

  HashQueue queue;
  FailureThrottle by_client;
  FailureThrottle by_address;
  std::atomic<std::uint64_t> busy{0};
  std::atomic<std::uint64_t> throttled{0};
};

http::Response token_reply(const AuthService::Issued& issued) {
  http::Response r;
  api::StringSink sink(r.body);
  api::JsonWriter w(sink);
  w.StartObject();
  api::write_key(w, "access_token");
  api::write_string(w, issued.access_token);
  api::write_key(w, "expires_in");
  w.Int64(issued.expires_in);
  api::write_key(w, "token_type");
  api::write_string(w, "Bearer");
  w.EndObject();
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Pragma", "no-cache");
  return r;
}

}  // namespace

std::shared_ptr<const TokenEndpointStats> register_token_routes(api::Routes& routes,
                                                                AuthService& auth,
                                                                asio::thread_pool& blocking,
                                                                TokenOptions options) {
  auto guard = std::make_shared<TokenGuard>(blocking, options);
  api::Route route;
  route.method = http::bhttp::verb::post;
  route.path = "/authorization/connect/token";
  route.access = api::Access::kTokenEndpoint;
  // A form with a client id and secret is a few hundred bytes; nothing legitimate needs more.
  route.max_body_bytes = 16 * 1024;
  route.handler = [&auth, guard](http::Request& req) -> asio::awaitable<api::Reply> {
    if (!is_form(req.header("Content-Type"))) {
      co_return api::raw(oauth_error(400, "invalid_request",
                                     "Content-Type must be application/x-www-form-urlencoded"));
    }
    auto form = parse_form(req.body());
    if (!form) {
      co_return api::raw(oauth_error(400, "invalid_request",
                                     "The request body is malformed or repeats a parameter"));
    }
    auto field = [&](const char* name) -> const std::string* {
      auto it = form->find(name);
      return it == form->end() ? nullptr : &it->second;
    };
    const auto* grant = field("grant_type");
    if (!grant || grant->empty())
      co_return api::raw(oauth_error(400, "invalid_request", "grant_type is required"));
    if (*grant != "client_credentials") {
      co_return api::raw(oauth_error(400, "unsupported_grant_type",
                                     "Only the client_credentials grant is supported"));
    }
    std::string client_id, secret;
    bool basic = false;
    std::string_view authz = req.header("Authorization");
    if (authz.size() > 6 && api::iequals(authz.substr(0, 6), "basic ")) {
      basic = true;
      if (field("client_id") || field("client_secret")) {
        co_return api::raw(
            oauth_error(400, "invalid_request",
                        "Client credentials must be sent either with HTTP Basic or in the "
                        "form, not both"));
      }
      auto decoded = base64_decode(authz.substr(6));
      auto colon = decoded ? decoded->find(':') : std::string::npos;
      std::optional<std::string> id, pw;
      if (colon != std::string::npos) {
        // RFC 6749 §2.3.1: both parts are form-encoded before Basic encoding.
        id = http::percent_decode(std::string_view(*decoded).substr(0, colon), true);
        pw = http::percent_decode(std::string_view(*decoded).substr(colon + 1), true);
      }
      if (!id || !pw)
        co_return api::raw(oauth_error(400, "invalid_request", "Malformed HTTP Basic credentials"));
      client_id = std::move(*id);
      secret = std::move(*pw);
    } else {
      const auto* id = field("client_id");
      const auto* pw = field("client_secret");
      if (!id || id->empty() || !pw || pw->empty()) {
        co_return api::raw(
            oauth_error(400, "invalid_request", "client_id and client_secret are required"));
      }
      client_id = *id;
      secret = *pw;
    }
    auto invalid_client = [basic] {
      auto r = oauth_error(401, "invalid_client", "Client authentication failed");
      if (basic) r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"token\"");
      return api::raw(std::move(r));
    };
    if (client_id.size() > kMaxClientIdChars || secret.size() > kMaxSecretChars) {
      co_return invalid_client();
    }
    const auto client = co_await auth.client(client_id);
    // A subscription key names the tenant: a client of another tenant, or none, is refused
    // without spending a check on it.
    if (req.company_id != 0 && client.company_id != req.company_id) co_return invalid_client();
    if (auth.remembered(client_id, secret, client)) {
      if (!client.active) co_return invalid_client();
      co_return api::raw(token_reply(auth.issue(client_id, client)));
    }
    const auto now = auth.now();
    const auto address = http::client_key(req.remote);
    const auto wait = std::max(guard->by_client.retry_after(client_id, now),
                               guard->by_address.retry_after(address, now));
    if (wait > 0) {
      guard->throttled.fetch_add(1);
      auto r = oauth_error(429, "temporarily_unavailable",
                           fmt::format("Too many failed attempts. Try again in {} seconds.", wait));
      r.headers.emplace_back("Retry-After", std::to_string(wait));
      co_return api::raw(std::move(r));
    }
    // Argon2id takes tens of milliseconds by design: run it on the blocking pool, tenants'
    // keyed requests first, then those for a client that exists, then made-up ids.
    bool verified = false;
    const auto lane = req.company_id != 0      ? HashQueue::Lane::kKeyed
                      : client.company_id != 0 ? HashQueue::Lane::kKnownClient
                                               : HashQueue::Lane::kUnknownClient;
    // A named function, not a temporary in the co_await expression (g++ 12 mishandles
    // temporaries with non-trivial members there).
    std::function<void()> check = [&] { verified = auth.verify_secret(client, secret); };
    const bool ran = co_await guard->queue.run(lane, std::move(check));
    if (!ran) {
      guard->busy.fetch_add(1);
      auto r = oauth_error(503, "temporarily_unavailable",
                           "Too many credential checks are waiting. Try again later.");
      r.headers.emplace_back("Retry-After", "1");
      co_return api::raw(std::move(r));
    }
    if (!verified) {
      guard->by_client.failed(client_id, now);
      guard->by_address.failed(address, now);
      co_return invalid_client();
    }
    auth.remember(client_id, secret, client);
    if (!client.active) co_return invalid_client();
    co_return api::raw(token_reply(auth.issue(client_id, client)));
  };
  routes.add(std::move(route));
  return guard;
}

}  // namespace ov::auth
