// Subscription keys, API clients and bearer tokens. Lookups are cached for a few seconds so
// the hot path touches no database (a miss reads it through Database::read, off the I/O
// threads where the backend needs that), while a revoked key or disabled client stops working on
// every server within kCacheSeconds.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "api/authenticator.hpp"
#include "core/clock.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace ov::auth {

using api::Principal;

struct AuthOptions {
  // ENDPOINTS.md §4.1.1: tokens live 3600 s.
  std::int64_t token_lifetime_seconds = 3600;
};

class AuthService final : public api::Authenticator {
 public:
  // How long a cached key, client or company is trusted before it is read again.
  static constexpr std::int64_t kCacheSeconds = 5;
  // Cache entries kept at most; past it the cache starts over, so a flood of made-up keys
  // cannot grow memory.
  static constexpr std::size_t kMaxCacheEntries = 100000;

  AuthService(storage::Database& db, const core::Clock& clock, AuthOptions options = {});

  // The company a subscription key belongs to, if the key is known and active.
  boost::asio::awaitable<std::optional<std::int64_t>> company_for_key(
      std::string_view key) override;
  // The principal a bearer token stands for, if valid, unexpired, and its client active.
  boost::asio::awaitable<std::optional<Principal>> authenticate(std::string_view token) override;

  struct Issued {
    std::string access_token;
    std::int64_t expires_in;
    std::int64_t company_id;
  };
  // Checks the client's secret (Argon2id: slow on purpose, so call it off the I/O threads).
  std::optional<Issued> issue_token(std::string_view client_id, std::string_view secret);

  boost::asio::awaitable<const core::TimeZone*> company_zone(std::int64_t company_id);

 private:
  struct ClientInfo {
    std::int64_t company_id = 0;
    std::string user_id;
    bool active = false;
    std::int64_t expires = 0;
  };
  struct KeyInfo {
    std::int64_t company_id = 0;  // 0: unknown or inactive
    std::int64_t expires = 0;
  };
  struct CompanyInfo {
    const core::TimeZone* zone = nullptr;
    std::int64_t expires = 0;
  };
  boost::asio::awaitable<std::optional<ClientInfo>> client(std::string_view client_id);

  // Lets the maps be searched with a string_view, without building a std::string per request.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class V>
  using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

  storage::Database& db_;
  const core::Clock& clock_;
  AuthOptions options_;
  std::string signing_key_;
  std::shared_mutex mutex_;
  StringMap<KeyInfo> keys_;
  StringMap<ClientInfo> clients_;
  std::unordered_map<std::int64_t, CompanyInfo> companies_;
  // Tokens whose signature was checked, until their expiry: a token's validity depends only
  // on its bytes and the signing key, so the HMAC need not be recomputed on every request.
  struct VerifiedToken {
    std::int64_t company_id = 0;
    std::string client_id;
    std::int64_t expires_at = 0;
  };
  StringMap<VerifiedToken> tokens_;
};

// Keyed hash under which a subscription key is stored and looked up.
std::string subscription_key_hash(std::string_view key);

}  // namespace ov::auth
