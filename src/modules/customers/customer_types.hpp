// The Customer section's records and inputs (ENDPOINTS.md §4.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_input.hpp"
#include "core/numbers.hpp"
#include "core/time.hpp"

namespace ov::customers {

// Customer types (documented) and their code letters (P is ours).
inline constexpr int kTypeLead = 11100;
inline constexpr int kTypeProspect = 11200;
inline constexpr int kTypeCustomer = 11300;
inline constexpr core::NumberFormat kLeadCode{"L", core::PeriodKind::kNone, 6};
inline constexpr core::NumberFormat kProspectCode{"P", core::PeriodKind::kNone, 6};
inline constexpr core::NumberFormat kCustomerCode{"C", core::PeriodKind::kNone, 6};

// Our enums (ENDPOINTS.md §4.3, designed).
inline constexpr int kStateActive = 1;
inline constexpr int kStateInactive = 2;
inline constexpr int kStatusNew = 1;
inline constexpr int kStatusUnqualified = 4;
inline constexpr int kGenderMale = 1;
inline constexpr int kGenderOther = 3;
inline constexpr int kMaritalSingle = 1;
inline constexpr int kMaritalWidowed = 4;

bool is_customer_type(std::int64_t type);
const core::NumberFormat& code_format(int customer_type);
// Literal sibling segments of /v3/customers/{customerCode} that no code may take (§1.1 rule 8).
bool is_reserved_code(std::string_view code);

// The text keyword search looks in: lower-cased (ASCII) fields joined by a line feed, so a
// keyword never matches across two fields.
inline constexpr char kSearchSeparator = '\n';
std::string search_lower(std::string_view s);
// The digits of a phone number, or nullopt when it has none.
std::optional<std::string> phone_digits(std::string_view phone);

struct Address {
  std::int64_t address_id = 0;
  std::int64_t customer_id = 0;
  std::string location_name;
  std::string location;
  std::optional<double> latitude;
  std::optional<double> longitude;
  bool is_active = true;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
};

struct CustomerRecord {
  std::int64_t customer_id = 0;
  std::int64_t company_id = 0;
  std::string customer_code;
  std::string customer_name;
  std::optional<std::string> second_name;
  std::vector<std::string> aliases;
  int customer_type = kTypeCustomer;
  int customer_state = kStateActive;
  std::optional<std::int64_t> customer_status;
  std::optional<std::string> picture;
  std::optional<std::string> tax_no;
  std::optional<std::string> branch_code;
  std::optional<std::string> phone;
  std::optional<std::string> mobile;
  std::optional<std::string> email;
  std::optional<std::string> position;
  std::optional<std::int64_t> gender;
  std::optional<std::int64_t> marital_status;
  std::optional<core::UnixSeconds> birthdate;
  std::optional<std::string> income;
  std::optional<std::string> credit_limit;
  std::vector<Address> addresses;
  // Owners' staff codes, in the order given.
  std::vector<std::string> owners;
  std::optional<core::UnixSeconds> date_acquired;
  std::optional<std::string> created_by_user_id;
  core::UnixSeconds date_created = 0;
  std::optional<std::string> modified_by_user_id;
  core::UnixSeconds date_modified = 0;

  bool is_active() const { return customer_state == kStateActive; }
};

// The compact item of Customer Search (§4.3.13).
struct CustomerSummary {
  std::int64_t customer_id = 0;
  std::string customer_code;
  std::string customer_name;
  std::optional<std::string> second_name;
  int customer_type = kTypeCustomer;
  std::optional<std::string> tax_no;
  std::optional<std::string> branch_code;
  std::optional<std::string> phone;
  std::optional<std::string> mobile;
  std::optional<std::string> email;
};

struct AddressInput {
  std::optional<std::int64_t> address_id;
  std::string location_name;
  std::string location;
  std::optional<double> latitude;
  std::optional<double> longitude;
};

// Absent properties keep their stored values on update; null clears (ENDPOINTS.md §1.5).
struct UpsertInput {
  std::optional<std::string> customer_code;  // nullopt: create
  std::string customer_name;
  int customer_state = kStateActive;
  api::Input<std::int64_t> customer_status;
  api::Input<std::int64_t> customer_type;
  api::Input<std::string> picture;
  api::Input<std::string> second_name;
  api::Input<std::vector<std::string>> aliases;
  api::Input<std::string> tax_no;
  api::Input<std::string> branch_code;
  api::Input<std::string> phone;
  api::Input<std::string> mobile;
  api::Input<std::string> email;
  api::Input<std::string> position;
  api::Input<std::int64_t> gender;
  api::Input<std::int64_t> marital_status;
  api::Input<core::UnixSeconds> birthdate;
  api::Input<std::string> income;
  api::Input<std::string> credit_limit;
  api::Input<std::vector<AddressInput>> addresses;
  api::Input<std::vector<std::string>> owners;
};

// A sortable field of the customer object and its direction.
enum class SortKey {
  kCustomerId,
  kCustomerCode,
  kCustomerName,
  kSecondName,
  kCustomerType,
  kCustomerState,
  kCustomerStatus,
  kTaxNo,
  kBranchCode,
  kPhone,
  kMobile,
  kEmail,
  kDateAcquired,
  kDateCreated,
  kDateModified,
  kIsActive,
};
struct SortTerm {
  SortKey key = SortKey::kCustomerCode;
  bool descending = false;
};

// Customers within `distance_km` of a point, by any address with coordinates.
struct GeoFilter {
  double latitude = 0;
  double longitude = 0;
  double distance_km = 0;
};

// ownerTeams: 1 all, 2 has any owner, any other value a team id.
inline constexpr std::int64_t kOwnerTeamsAll = 1;
inline constexpr std::int64_t kOwnerTeamsAnyOwner = 2;

// Customers Enquiry (§4.3.3). Empty lists mean "no filter".
struct EnquiryInput {
  std::optional<int> customer_type;
  std::optional<std::string> keyword;
  std::optional<GeoFilter> geo;
  std::vector<std::int64_t> states;
  std::optional<std::int64_t> owner_teams;
  std::vector<std::string> owners;
  std::vector<std::int64_t> classifications;
  std::vector<std::int64_t> groups;
  std::vector<bool> statuses;
  std::vector<std::int64_t> topic_interests;
  std::int64_t take = 0;
  std::int64_t skip = 0;
  std::vector<SortTerm> order;
};

// Customer Search (§4.3.13).
struct SearchInput {
  std::string text;
  std::vector<std::int64_t> customer_types;
  std::int64_t take = 0;
  std::int64_t skip = 0;
};

// Check Customer Existence (§4.3.16).
struct ExistenceInput {
  std::optional<std::string> customer_name;
  std::optional<std::string> tax_no;
  std::optional<std::string> branch_code;
  std::optional<std::string> phone;
  std::optional<std::string> mobile;
  std::optional<std::string> email;
};

struct ExistenceMatch {
  std::int64_t customer_id = 0;
  std::string customer_code;
  std::string customer_name;
  std::vector<std::string> matched_fields;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;  // matches before skip/take, for X-Total-Count
};

}  // namespace ov::customers
