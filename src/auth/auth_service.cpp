#include "auth/auth_service.hpp"

#include "auth/crypto.hpp"

namespace ov::auth {

namespace {

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

// Loads the token signing key every server on this database shares, creating it once.
std::string load_signing_key(storage::Database& db) {
  std::string key;
  db.write_now([&](storage::Session& s) {
    const std::string fresh = base64_encode(random_bytes(32));
    s.exec(
        "INSERT INTO settings (key, value) VALUES ('token_signing_key', ?) ON CONFLICT (key) DO "
        "NOTHING",
        {std::string_view(fresh)});
    auto rows = s.query("SELECT value FROM settings WHERE key = 'token_signing_key'");
    if (rows.next()) key = rows.str(0);
  });
  auto decoded = base64_decode(key);
  if (!decoded || decoded->size() < 32) throw std::runtime_error("token signing key is corrupt");
  return *decoded;
}

template <class Map>
void bound(Map& m) {
  if (m.size() >= AuthService::kMaxCacheEntries) m.clear();
}

}  // namespace

std::string subscription_key_hash(std::string_view key) {
  return hex(hmac_sha256("openvenio subscription key", key));
}

AuthService::AuthService(storage::Database& db, const core::Clock& clock, AuthOptions options)
    : db_(db), clock_(clock), options_(options) {
  crypto_init();
  signing_key_ = load_signing_key(db_);
  remember_hmac_key_ = random_bytes(32);
}

boost::asio::awaitable<std::optional<std::int64_t>> AuthService::company_for_key(
    std::string_view key) {
  if (key.empty() || key.size() > 256) co_return std::nullopt;
  const auto now = clock_.now();
  {
    std::shared_lock lock(mutex_);
    auto it = keys_.find(key);
    if (it != keys_.end() && it->second.expires > now) {
      if (it->second.company_id == 0) co_return std::nullopt;
      co_return it->second.company_id;
    }
  }
  KeyInfo info;
  info.expires = now + kCacheSeconds;
  const auto hash = subscription_key_hash(key);
  co_await db_.read([&](storage::Session& s) {
    info.company_id =
        s.query_i64("SELECT company_id FROM subscription_keys WHERE key_hash = ? AND is_active = 1",
                    {std::string_view(hash)})
            .value_or(0);
  });
  {
    std::unique_lock lock(mutex_);
    bound(keys_);
    keys_.insert_or_assign(std::string(key), info);
  }
  if (info.company_id == 0) co_return std::nullopt;
  co_return info.company_id;
}

boost::asio::awaitable<AuthService::ClientInfo> AuthService::client(std::string_view client_id) {
  const auto now = clock_.now();
  {
    std::shared_lock lock(mutex_);
    auto it = clients_.find(client_id);
    if (it != clients_.end() && it->second.expires > now) co_return it->second;
  }
  ClientInfo info;
  info.expires = now + kCacheSeconds;
  co_await db_.read([&](storage::Session& s) {
    auto rows = s.query(
        "SELECT company_id, user_id, is_active, secret_hash FROM api_clients WHERE client_id = ?",
        {client_id});
    if (rows.next()) {
      info.company_id = rows.i64(0);
      info.user_id = rows.str(1);
      info.active = rows.i64(2) == 1;
      info.secret_hash = rows.str(3);
    }
  });
  {
    std::unique_lock lock(mutex_);
    bound(clients_);
    clients_.insert_or_assign(std::string(client_id), info);
  }
  co_return info;
}

boost::asio::awaitable<const core::TimeZone*> AuthService::company_zone(std::int64_t company_id) {
  const auto now = clock_.now();
  {
    std::shared_lock lock(mutex_);
    auto it = companies_.find(company_id);
    if (it != companies_.end() && it->second.expires > now) co_return it->second.zone;
  }
  CompanyInfo info;
  info.expires = now + kCacheSeconds;
  std::string tz;
  co_await db_.read([&](storage::Session& s) {
    auto rows = s.query("SELECT timezone FROM companies WHERE company_id = ?", {company_id});
    if (rows.next()) tz = rows.str(0);
  });
  info.zone = core::TimeZone::find(tz);
  if (!info.zone) info.zone = &core::TimeZone::bangkok();
  std::unique_lock lock(mutex_);
  bound(companies_);
  companies_[company_id] = info;
  co_return info.zone;
}

boost::asio::awaitable<std::optional<Principal>> AuthService::authenticate(std::string_view token) {
  if (token.empty() || token.size() > 4096) co_return std::nullopt;
  const auto now = clock_.now();
  VerifiedToken verified;
  bool cached = false;
  {
    std::shared_lock lock(mutex_);
    auto it = tokens_.find(token);
    if (it != tokens_.end()) {
      if (it->second.expires_at <= now) co_return std::nullopt;
      verified = it->second;
      cached = true;
    }
  }
  if (!cached) {
    auto check = verify_token(token, signing_key_, now);
    if (!check.claims) co_return std::nullopt;
    verified = {check.claims->company_id, std::move(check.claims->client_id),
                check.claims->expires_at};
    std::unique_lock lock(mutex_);
    bound(tokens_);
    tokens_.emplace(std::string(token), verified);
  }
  auto info = co_await client(verified.client_id);
  if (!info.active || info.company_id != verified.company_id) co_return std::nullopt;
  Principal p;
  p.company_id = info.company_id;
  p.client_id = std::move(verified.client_id);
  p.user_id = info.user_id;
  p.zone = co_await company_zone(p.company_id);
  co_return p;
}

bool AuthService::verify_secret(const ClientInfo& client, std::string_view secret) const {
  if (client.secret_hash.empty()) {
    static const std::string dummy = hash_secret("dummy secret");
    auth::verify_secret(dummy, secret);
    return false;
  }
  return auth::verify_secret(client.secret_hash, secret);
}

AuthService::Issued AuthService::issue(std::string_view client_id, const ClientInfo& client) const {
  TokenClaims c;
  c.company_id = client.company_id;
  c.client_id = std::string(client_id);
  c.issued_at = clock_.now();
  c.expires_at = c.issued_at + options_.token_lifetime_seconds;
  c.token_id = new_guid();
  return Issued{sign_token(c, signing_key_), options_.token_lifetime_seconds, client.company_id};
}

std::string AuthService::remember_key(std::string_view client_id, std::string_view secret) const {
  // Length-prefixed, so that no other id and secret pair makes the same message.
  std::string message = std::to_string(client_id.size());
  message += ':';
  message += client_id;
  message += secret;
  return hmac_sha256(remember_hmac_key_, message);
}

bool AuthService::remembered(std::string_view client_id, std::string_view secret,
                             const ClientInfo& client) {
  if (client.secret_hash.empty()) return false;
  const auto key = remember_key(client_id, secret);
  const auto now = clock_.now();
  std::lock_guard lock(remembered_mutex_);
  auto it = remembered_.find(key);
  if (it == remembered_.end()) return false;
  if (it->second.expires <= now) {
    remembered_.erase(it);
    return false;
  }
  return constant_time_equal(it->second.secret_hash, client.secret_hash);
}

void AuthService::remember(std::string_view client_id, std::string_view secret,
                           const ClientInfo& client) {
  if (client.secret_hash.empty()) return;
  auto key = remember_key(client_id, secret);
  const auto now = clock_.now();
  std::lock_guard lock(remembered_mutex_);
  if (remembered_.size() >= kMaxRemembered && now != remembered_swept_) {
    remembered_swept_ = now;
    for (auto it = remembered_.begin(); it != remembered_.end();) {
      it = it->second.expires <= now ? remembered_.erase(it) : std::next(it);
    }
  }
  if (remembered_.size() >= kMaxRemembered && !remembered_.count(key)) return;
  remembered_.insert_or_assign(std::move(key),
                               Remembered{client.secret_hash, now + kRememberSeconds});
}

std::size_t AuthService::remembered_count() {
  std::lock_guard lock(remembered_mutex_);
  return remembered_.size();
}

}  // namespace ov::auth
