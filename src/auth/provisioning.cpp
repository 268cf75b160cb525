#include "auth/provisioning.hpp"

#include <stdexcept>

#include "auth/auth_service.hpp"
#include "auth/crypto.hpp"
#include "storage/sql.hpp"

namespace ov::auth {

namespace {
std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}
}  // namespace

std::string add_user(storage::Session& s, std::int64_t company_id, const NewUser& user,
                     core::UnixSeconds now) {
  if (!s.query_i64("SELECT 1 FROM companies WHERE company_id = ?", {company_id})) {
    throw std::invalid_argument("no company with id " + std::to_string(company_id));
  }
  std::string id = user.user_id ? normalize_guid(*user.user_id) : new_guid();
  // "Somchai Jaidee" is Somchai / Jaidee; a name of one word is a first name.
  std::string first = user.name, last;
  if (const auto space = user.name.find(' '); space != std::string::npos) {
    first.resize(space);
    last.assign(user.name, space + 1);
  }
  if (user.first_name) first = *user.first_name;
  if (user.last_name) last = *user.last_name;
  std::string full = last.empty() ? first : first + " " + last;
  if (full.empty()) full = user.name;
  std::string username = user.username         ? *user.username
                         : !user.email.empty() ? user.email
                         : user.staff_code     ? *user.staff_code
                                               : id;
  std::string creator;
  if (user.created_by_user_id) {
    creator = *user.created_by_user_id;
  } else {
    auto admin = s.query(
        "SELECT user_id FROM users WHERE company_id = ? AND role_id = '1' ORDER BY created_at, "
        "user_id LIMIT 1",
        {company_id});
    creator = admin.next() ? admin.str(0) : id;
  }
  s.exec(
      "INSERT INTO users (company_id, user_id, name, email, kind, is_active, created_at, "
      "staff_code, team_id, firstname, lastname, username, title, nickname, position, "
      "phone_number, picture_url, role_id, role, level, created_by_user_id, date_modified) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {company_id,
       std::string_view(id),
       std::string_view(full),
       user.email.empty() ? storage::Value(nullptr) : storage::Value(std::string_view(user.email)),
       std::string_view(user.kind),
       std::int64_t{user.active ? 1 : 0},
       now,
       storage::opt(user.staff_code),
       storage::opt(user.team_id),
       std::string_view(first),
       std::string_view(last),
       std::string_view(username),
       storage::opt(user.title),
       storage::opt(user.nickname),
       storage::opt(user.position),
       storage::opt(user.phone),
       storage::opt(user.picture_url),
       std::string_view(user.role_id),
       std::string_view(user.role),
       user.level,
       std::string_view(creator),
       now});
  return id;
}

std::string add_user(storage::Session& s, std::int64_t company_id, std::string_view name,
                     std::string_view email, core::UnixSeconds now,
                     std::optional<std::string> user_id, std::string_view kind) {
  NewUser u;
  u.name = name;
  u.email = email;
  u.user_id = std::move(user_id);
  u.kind = kind;
  return add_user(s, company_id, u, now);
}

ClientCredentials add_client(storage::Session& s, std::int64_t company_id, std::string_view user_id,
                             core::UnixSeconds now) {
  crypto_init();
  ClientCredentials c{"ovc_" + random_token(12), random_token(32)};
  const std::string hash = hash_secret(c.client_secret);
  s.exec(
      "INSERT INTO api_clients (client_id, company_id, secret_hash, user_id, is_active, "
      "created_at) VALUES (?, ?, ?, ?, 1, ?)",
      {std::string_view(c.client_id), company_id, std::string_view(hash), user_id, now});
  return c;
}

std::string add_subscription_key(storage::Session& s, std::int64_t company_id,
                                 core::UnixSeconds now) {
  crypto_init();
  // 32 hex digits, the form of an API-management subscription key.
  std::string key = hex(random_bytes(16));
  s.exec(
      "INSERT INTO subscription_keys (key_hash, company_id, is_active, created_at) VALUES (?, ?, "
      "1, ?)",
      {std::string_view(subscription_key_hash(key)), company_id, now});
  return key;
}

NewClient add_api_client(storage::Session& s, std::int64_t company_id, std::string_view name,
                         core::UnixSeconds now) {
  NewClient c;
  c.user_id = add_user(s, company_id, name, "", now, std::nullopt, "service");
  auto creds = add_client(s, company_id, c.user_id, now);
  c.client_id = std::move(creds.client_id);
  c.client_secret = std::move(creds.client_secret);
  return c;
}

bool revoke_client(storage::Session& s, std::int64_t company_id, std::string_view client_id) {
  if (!s.query_i64("SELECT 1 FROM api_clients WHERE company_id = ? AND client_id = ?",
                   {company_id, client_id})) {
    return false;
  }
  s.exec("UPDATE api_clients SET is_active = 0 WHERE company_id = ? AND client_id = ?",
         {company_id, client_id});
  return true;
}

RotatedKey rotate_subscription_key(storage::Session& s, std::int64_t company_id,
                                   core::UnixSeconds now) {
  crypto_init();
  RotatedKey r;
  r.generation = s.query_i64(
                      "SELECT COALESCE(MAX(generation), 0) + 1 FROM subscription_keys WHERE "
                      "company_id = ?",
                      {company_id})
                     .value_or(1);
  r.primary = hex(random_bytes(16));
  s.exec(
      "INSERT INTO subscription_keys (key_hash, company_id, is_active, created_at, generation) "
      "VALUES (?, ?, 1, ?, ?)",
      {std::string_view(subscription_key_hash(r.primary)), company_id, now, r.generation});
  r.deactivated = s.exec(
      "UPDATE subscription_keys SET is_active = 0 WHERE company_id = ? AND is_active = 1 AND "
      "generation < ?",
      {company_id, r.generation - 1});
  return r;
}

ProvisionedCompany provision_company(storage::Session& s, const NewCompany& spec,
                                     core::UnixSeconds now) {
  if (spec.name.empty()) throw std::invalid_argument("the company name must not be empty");
  if (!core::TimeZone::find(spec.timezone)) {
    throw std::invalid_argument("unknown time zone: " + spec.timezone);
  }
  ProvisionedCompany p;
  const std::string vat_rate = spec.vat_rate.to_json_number();
  p.company_id = s.query_i64(
                      "INSERT INTO companies (name, timezone, created_at, vat_rate) VALUES (?, ?, "
                      "?, ?) RETURNING company_id",
                      {std::string_view(spec.name), std::string_view(spec.timezone), now,
                       std::string_view(vat_rate)})
                     .value_or(0);
  const NewUser admin{.name = "Administrator", .role_id = "1", .role = "Administrator"};
  p.admin_user_id = add_user(s, p.company_id, admin, now);
  p.service_user_id =
      add_user(s, p.company_id, "API client", "", now, spec.service_user_id, "service");
  auto creds = add_client(s, p.company_id, p.service_user_id, now);
  p.client_id = std::move(creds.client_id);
  p.client_secret = std::move(creds.client_secret);
  p.subscription_key = add_subscription_key(s, p.company_id, now);
  return p;
}

}  // namespace ov::auth
