// What the administration plane does, as plain functions: read a JSON body into a typed
// input, run the operation in a storage transaction, write the JSON reply. The HTTP routes
// (admin/plane.cpp) and the `openvenio admin` command (admin/local.hpp) run these same
// functions, so the two can never disagree.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/envelope.hpp"
#include "auth/provisioning.hpp"
#include "core/master_list.hpp"
#include "modules/employees/employee_types.hpp"
#include "storage/database.hpp"
#include "storage/master_lists.hpp"

namespace ov::admin {

// VAT rates are percentages with at most two decimals (7, 7.5, 12.25): what tax authorities
// publish. Above 100 % is a typing error, not a rate.
inline constexpr int kVatRateScale = 2;
inline constexpr std::int64_t kMaxVatRatePercent = 100;
// IANA zone names are at most 30-odd characters ("America/Argentina/ComodRivadavia"); 64
// refuses garbage before the zone database is searched.
inline constexpr std::size_t kTimeZoneChars = 64;

// --- Companies ----------------------------------------------------------------------------

auth::NewCompany read_company(const rapidjson::Value& body);
// Validates what provisioning would refuse (the time zone) as a field problem.
auth::ProvisionedCompany create_company(storage::Session& s, const auth::NewCompany& spec,
                                        core::UnixSeconds now);
// The object `openvenio init --json` prints and POST /admin/v1/companies answers: the company,
// and its first client's credentials (the secret is shown only here).
void write_provisioned(api::JsonWriter& w, const auth::ProvisionedCompany& p,
                       const auth::NewCompany& spec);

struct CompanyRecord {
  std::int64_t company_id = 0;
  std::string name;
  std::string timezone;
  std::string vat_rate;  // exact decimal text
  core::UnixSeconds created_at = 0;
};
std::vector<CompanyRecord> list_companies(storage::Session& s);
void write_companies(api::JsonWriter& w, const std::vector<CompanyRecord>& companies);
// One company (404 when there is none of that id) and its object.
CompanyRecord find_company(storage::Session& s, std::int64_t company_id);
void write_company(api::JsonWriter& w, const CompanyRecord& c);
// PUT /admin/v1/companies/{companyId}: what is given changes, what is absent stays. A new VAT
// rate prices the documents saved from then on; stored documents keep their totals.
struct CompanyChanges {
  std::optional<std::string> name;
  std::optional<std::string> timezone;
  std::optional<core::Decimal> vat_rate;
};
CompanyChanges read_company_changes(const rapidjson::Value& body);
CompanyRecord update_company(storage::Session& s, std::int64_t company_id,
                             const CompanyChanges& changes);

// --- API clients and subscription keys ----------------------------------------------------

// The optional name of the client's service user (default "API client").
std::string read_client_name(const rapidjson::Value& body);
struct ClientRecord {
  std::string client_id;
  std::string user_id;
  std::string name;
  bool is_active = true;
  core::UnixSeconds created_at = 0;
};
std::vector<ClientRecord> list_clients(storage::Session& s, std::int64_t company_id);
// Creation times in the company's zone, as companies show theirs.
void write_clients(api::JsonWriter& w, const std::vector<ClientRecord>& clients,
                   const core::TimeZone& zone);
void write_new_client(api::JsonWriter& w, std::int64_t company_id, const auth::NewClient& c);
// 404 when the company has no such client.
void revoke_client(storage::Session& s, std::int64_t company_id, std::string_view client_id);
void write_rotated_key(api::JsonWriter& w, std::int64_t company_id, const auth::RotatedKey& k);

// --- Reference data -----------------------------------------------------------------------

// The administered list of that kind (MasterList::admin_kind); 404 when there is none.
const core::MasterList& find_kind(std::string_view kind);
// The kinds the plane administers, in registry order.
std::vector<std::string_view> kinds();
// A body of POST (`creating`: name required) or PUT (every property optional) for the list:
// name, isActive and the writable extras with their bounds.
storage::MasterWrite read_master_write(const core::MasterList& list, const rapidjson::Value& body,
                                       bool creating);
// An entry as the plane shows it: {id, name, isActive, extras…} whatever the list's public keys.
void write_master_row(api::JsonWriter& w, const core::MasterList& list,
                      const storage::MasterRow& row);
void write_master_rows(api::JsonWriter& w, const core::MasterList& list,
                       const std::vector<storage::MasterRow>& rows);
void write_removal(api::JsonWriter& w, std::int64_t id, storage::MasterRemoval removal);

// --- Employees ----------------------------------------------------------------------------

// The fields of `openvenio user add|update`: on update (`creating` false) an absent property
// keeps its value and an empty string clears an optional one.
employees::NewEmployee read_employee(const rapidjson::Value& body, bool creating);
// Every employee of the company, active or not, in staff-code order (at most api::kMaxTake).
std::vector<employees::EmployeeRecord> list_employees(storage::Session& s, std::int64_t company_id);
// The employee with that GUID or staff code; 404 otherwise.
employees::EmployeeRecord get_employee(storage::Session& s, std::int64_t company_id,
                                       std::string_view key);
// The Employee object of the public API (ENDPOINTS.md §4.0), dates in the company's zone.
void write_employee(api::JsonWriter& w, const employees::EmployeeRecord& e,
                    const core::TimeZone& zone);
void write_employees(api::JsonWriter& w, const std::vector<employees::EmployeeRecord>& list,
                     const core::TimeZone& zone);
// The company's time zone (its dates are shown in it).
const core::TimeZone& company_zone(storage::Session& s, std::int64_t company_id);

}  // namespace ov::admin
