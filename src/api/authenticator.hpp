// What the pipeline asks of authentication, so that the API layer depends on no particular
// implementation (auth::AuthService provides it).
#pragma once

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace ov::api {

// The caller a valid bearer token stands for.
struct Principal {
  std::int64_t company_id = 0;
  std::string client_id;
  std::string user_id;  // the client's service user
  const core::TimeZone* zone = nullptr;
};

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The company a subscription key belongs to, if the key is known and active.
  virtual boost::asio::awaitable<std::optional<std::int64_t>> company_for_key(
      std::string_view key) = 0;
  // The principal a bearer token stands for, if valid, unexpired, and its client active.
  virtual boost::asio::awaitable<std::optional<Principal>> authenticate(std::string_view token) = 0;
};

}  // namespace ov::api
