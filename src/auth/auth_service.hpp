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

  // An API client as the token endpoint checks it.
  struct ClientInfo {
    std::int64_t company_id = 0;  // 0: no such client
    std::string user_id;
    std::string secret_hash;  // Argon2id string
    bool active = false;
    std::int64_t expires = 0;
  };
  // The client's record, cached for kCacheSeconds (a changed secret or status is seen within
  // that time).
  boost::asio::awaitable<ClientInfo> client(std::string_view client_id);
  // Argon2id: slow on purpose, so call it off the I/O threads. An unknown client costs the same
  // effort as a known one, so response time does not reveal which client ids exist.
  bool verify_secret(const ClientInfo& client, std::string_view secret) const;
  // A new token for a client whose secret was checked.
  Issued issue(std::string_view client_id, const ClientInfo& client) const;

  // A verified id and secret are remembered for kRememberSeconds, so that an integrator that
  // asks for a token before every call does not cost an Argon2id check each time. Entries are
  // keyed by an HMAC of id and secret under a key drawn at start (no secret is held in memory
  // as it is) and carry the secret hash they were checked against: a changed secret no longer
  // matches once the client cache sees it.
  static constexpr std::int64_t kRememberSeconds = 600;
  // Remembered verifications at most: beyond it (after dropping expired ones) a verification is
  // simply not remembered and the next request pays its Argon2id check.
  static constexpr std::size_t kMaxRemembered = 10000;
  bool remembered(std::string_view client_id, std::string_view secret, const ClientInfo& client);
  void remember(std::string_view client_id, std::string_view secret, const ClientInfo& client);
  std::size_t remembered_count();

  std::int64_t now() const { return clock_.now(); }

  boost::asio::awaitable<const core::TimeZone*> company_zone(std::int64_t company_id);

 private:
  struct KeyInfo {
    std::int64_t company_id = 0;  // 0: unknown or inactive
    std::int64_t expires = 0;
  };
  struct CompanyInfo {
    const core::TimeZone* zone = nullptr;
    std::int64_t expires = 0;
  };
  struct Remembered {
    std::string secret_hash;
    std::int64_t expires = 0;
  };
  std::string remember_key(std::string_view client_id, std::string_view secret) const;

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
  std::string remember_hmac_key_;
  std::mutex remembered_mutex_;
  std::unordered_map<std::string, Remembered> remembered_;
  std::int64_t remembered_swept_ = -1;
};

// Keyed hash under which a subscription key is stored and looked up.
std::string subscription_key_hash(std::string_view key);

}  // namespace ov::auth
