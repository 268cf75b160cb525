// POST /authorization/connect/token: OAuth 2.0 client credentials (ENDPOINTS.md §4.1, §2.7).
#pragma once

#include <boost/asio/thread_pool.hpp>

#include <cstdint>
#include <memory>

#include "api/routes.hpp"
#include "auth/auth_service.hpp"

namespace ov::auth {

// The bounds of the token endpoint, where every unremembered attempt costs an Argon2id check
// (about 50 ms of one core and 64 MiB on the 2-core machine the defaults were chosen on).
struct TokenOptions {
  // Checks that may wait per lane (valid subscription key, existing client id, other ids)
  // beside the running ones: with two threads the last of eight in a lane starts within about
  // a quarter of a second; past it the request is answered 503 temporarily_unavailable with
  // Retry-After.
  std::size_t max_waiting_checks = 8;
  // Failed checks per client id in one window before further checks of that id wait for the
  // window to end (429 with Retry-After): a client with a wrong secret retries a few times;
  // a guesser is slowed to 10 guesses a minute.
  std::size_t client_failures = 10;
  std::int64_t client_window_seconds = 60;
  // The same per client address (IPv4, IPv6 /64), higher because several integrations may
  // share an address behind NAT.
  std::size_t address_failures = 30;
  std::int64_t address_window_seconds = 60;
  // Client ids and addresses tracked at most per table (a few dozen bytes each).
  std::size_t max_tracked_keys = 10000;
};

// What the token endpoint reports to metrics.
class TokenEndpointStats {
 public:
  virtual ~TokenEndpointStats() = default;
  virtual std::size_t waiting_checks() const = 0;
  virtual std::uint64_t secret_checks() const = 0;
  virtual std::uint64_t refused_busy() const = 0;
  virtual std::uint64_t refused_throttled() const = 0;
};

// `blocking` runs the Argon2id checks so the I/O threads never wait on them.
std::shared_ptr<const TokenEndpointStats> register_token_routes(api::Routes& routes,
                                                                AuthService& auth,
                                                                boost::asio::thread_pool& blocking,
                                                                TokenOptions options = {});

}  // namespace ov::auth
