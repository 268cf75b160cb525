// Creating companies, users, API clients and subscription keys: the administration side that
// the CLI and the tests use. Nothing here is reachable over the Venio API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/money.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace ov::auth {

struct NewCompany {
  std::string name;
  std::string timezone = "Asia/Bangkok";
  // Fixed ids for the API client's service user (demo data uses the documented GUID).
  std::optional<std::string> service_user_id;
  // Percent (migrations/*/0014_admin.sql); Thailand's standard rate by default.
  core::Decimal vat_rate = core::Decimal::of(7);
};

struct ProvisionedCompany {
  std::int64_t company_id = 0;
  std::string client_id;
  std::string client_secret;
  std::string subscription_key;
  std::string admin_user_id;
  std::string service_user_id;
};

// Creates the company with an admin user, one API client (acting as its own service user)
// and one subscription key, in the caller's transaction. Throws std::invalid_argument for an
// unknown time zone or an empty name.
ProvisionedCompany provision_company(storage::Session& s, const NewCompany& spec,
                                     core::UnixSeconds now);

struct NewUser {
  std::string name;                       // the full name; split into first and last name
  std::string email;                      // "" for none
  std::optional<std::string> user_id;     // a fixed GUID (demo data); else a new one
  std::string kind = "employee";          // or "service" (an API client's user)
  std::optional<std::string> staff_code;  // employees named by staff code (customer owners)
  std::optional<std::int64_t> team_id;
  // The Employee object's fields (ENDPOINTS.md §4.0). First and last name default to `name`
  // split at its first space; the login name to the e-mail, else the staff code, else the id.
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> username;
  std::optional<std::string> title;
  std::optional<std::string> nickname;
  std::optional<std::string> position;
  std::optional<std::string> phone;
  std::optional<std::string> picture_url;
  std::string role_id = "3";  // Staff (modules/employees keeps the list of roles)
  std::string role = "Staff";
  std::int64_t level = 0;
  bool active = true;
  // Who created the user: by default the company's administrator (its earliest user with the
  // Administrator role), or the user itself when there is none yet.
  std::optional<std::string> created_by_user_id;
};
// Adds a user to an existing company and returns its GUID. Throws std::invalid_argument when
// the company does not exist.
std::string add_user(storage::Session& s, std::int64_t company_id, const NewUser& user,
                     core::UnixSeconds now);
// An employee with a name and an e-mail address.
std::string add_user(storage::Session& s, std::int64_t company_id, std::string_view name,
                     std::string_view email, core::UnixSeconds now,
                     std::optional<std::string> user_id = std::nullopt,
                     std::string_view kind = "employee");

struct ClientCredentials {
  std::string client_id;
  std::string client_secret;
};
// A new API client acting as `user_id`; only the Argon2id hash of the secret is stored.
ClientCredentials add_client(storage::Session& s, std::int64_t company_id, std::string_view user_id,
                             core::UnixSeconds now);
std::string add_subscription_key(storage::Session& s, std::int64_t company_id,
                                 core::UnixSeconds now);

// A new API client with a service user of its own named `name`: what the administration plane
// hands out. The secret exists only in the returned value.
struct NewClient {
  std::string client_id;
  std::string client_secret;
  std::string user_id;  // the client's service user
};
NewClient add_api_client(storage::Session& s, std::int64_t company_id, std::string_view name,
                         core::UnixSeconds now);
// Deactivates client `client_id` of the company; false when the company has no such client.
// Its tokens stop working once AuthService's client cache reads it again (kCacheSeconds).
bool revoke_client(storage::Session& s, std::int64_t company_id, std::string_view client_id);

// A new subscription key of the next generation. The key it replaces stays active as the
// secondary; every older key is deactivated (stops working within AuthService::kCacheSeconds).
struct RotatedKey {
  std::string primary;           // the new key, shown once
  std::int64_t generation = 0;   // the new key's generation
  std::int64_t deactivated = 0;  // keys this rotation retired
};
RotatedKey rotate_subscription_key(storage::Session& s, std::int64_t company_id,
                                   core::UnixSeconds now);

}  // namespace ov::auth
