// The Customer section's records and inputs (ENDPOINTS.md §4.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/money.hpp"
#include "core/numbers.hpp"
#include "core/query.hpp"
#include "core/time.hpp"

namespace ov::customers {

// Get a Customer By CustomerName answers an array (names are not unique): at most this many,
// by code, with X-Total-Count telling how many have the name. A real name is shared by a few
// customers; the bound keeps one answer from carrying a whole company (a name given to
// thousands of records made answers of megabytes).
inline constexpr std::int64_t kMaxByName = 100;

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
  std::int64_t company_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t position = 0;  // place in the customer's list
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
  std::optional<core::Decimal> income;
  std::optional<core::Decimal> credit_limit;
  std::vector<Address> addresses;
  // Owners' staff codes, in the order given.
  std::vector<std::string> owners;
  std::optional<core::UnixSeconds> date_acquired;
  std::optional<std::string> created_by_user_id;
  core::UnixSeconds date_created = 0;
  std::optional<std::string> modified_by_user_id;
  core::UnixSeconds date_modified = 0;

  bool is_active() const { return customer_state == kStateActive; }
  bool has_owner() const { return !owners.empty(); }
  // The digits of the phone numbers, stored for the existence check.
  std::optional<std::string> stored_phone_digits() const {
    return phone ? phone_digits(*phone) : std::nullopt;
  }
  std::optional<std::string> stored_mobile_digits() const {
    return mobile ? phone_digits(*mobile) : std::nullopt;
  }
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
  api::Input<core::Decimal> income;
  api::Input<core::Decimal> credit_limit;
  api::Input<std::vector<AddressInput>> addresses;
  api::Input<std::vector<std::string>> owners;
};

// The orderBy fields of Customers Enquiry: the scalar response fields (§1.9). Codes, names and
// e-mails sort case-insensitively, like they compare.
inline constexpr core::SortColumn kCustomerSort[] = {
    {"customerId", "c.customer_id"},
    {"customerCode", "lower(c.customer_code)"},
    {"customerName", "lower(c.customer_name)"},
    {"customer2ndName", "lower(c.customer_2nd_name)", true},
    {"customerType", "c.customer_type"},
    {"customerState", "c.customer_state"},
    {"customerStatus", "c.customer_status", true},
    {"customerTaxNo", "c.customer_tax_no", true},
    {"branchCode", "c.branch_code", true},
    {"customerPhone", "c.customer_phone", true},
    {"customerMobile", "c.customer_mobile", true},
    {"customerEmail", "lower(c.customer_email)", true},
    {"dateAcquired", "c.date_acquired", true},
    {"dateCreated", "c.created_at"},
    {"dateModified", "COALESCE(c.date_modified, c.created_at)"},
    {"isActive", "c.is_active"},
};
inline constexpr std::size_t kSortById = 0;    // unique: the tie-break of every order
inline constexpr std::size_t kSortByCode = 1;  // the default order

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
  std::vector<core::SortTerm> order;
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

// --- Field tables --------------------------------------------------------------------------
// Public so that other sections can nest these objects in their own.

// The address object (designed, §4.3): its JSON and its row in customer_addresses.
inline constexpr core::Field<Address> kAddressFields[] = {
    {"addressId", "address_id", &Address::address_id, core::Store::kRead},
    core::column_only<Address>("company_id", &Address::company_id, core::Store::kInsert),
    {"customerId", "customer_id", &Address::customer_id, core::Store::kInsert},
    core::column_only<Address>("position", &Address::position),
    {"locationName", "location_name", &Address::location_name},
    {"location", "location", &Address::location},
    {"latitude", "latitude", &Address::latitude},
    {"longitude", "longitude", &Address::longitude},
    {"isActive", "is_active", &Address::is_active, core::Store::kInsert},
    {"createdByUserId", "created_by_user_id", &Address::created_by_user_id, core::Store::kInsert},
    {"dateCreated", "date_created", &Address::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
};
inline constexpr core::Entity<Address> kAddressEntity{"customer_addresses", "a", kAddressFields,
                                                      "address_id"};

// The customer object of §4.3 in its order, and where each field is stored. Owners live in
// customer_owners and addresses in customer_addresses (their own tables).
inline constexpr core::Field<CustomerRecord> kCustomerFields[] = {
    {"customerId", "customer_id", &CustomerRecord::customer_id, core::Store::kRead},
    {"companyId", "company_id", &CustomerRecord::company_id, core::Store::kInsert},
    {"customerCode", "customer_code", &CustomerRecord::customer_code, core::Store::kInsert},
    {"customerName", "customer_name", &CustomerRecord::customer_name},
    {"customer2ndName", "customer_2nd_name", &CustomerRecord::second_name},
    {"customerAliases", "customer_aliases", &CustomerRecord::aliases},
    {"customerType", "customer_type", &CustomerRecord::customer_type},
    {"customerState", "customer_state", &CustomerRecord::customer_state},
    {"customerStatus", "customer_status", &CustomerRecord::customer_status},
    {"customerPicture", "customer_picture", &CustomerRecord::picture},
    {"customerTaxNo", "customer_tax_no", &CustomerRecord::tax_no},
    {"branchCode", "branch_code", &CustomerRecord::branch_code},
    {"customerPhone", "customer_phone", &CustomerRecord::phone},
    {"customerMobile", "customer_mobile", &CustomerRecord::mobile},
    {"customerEmail", "customer_email", &CustomerRecord::email},
    {"customerPosition", "customer_position", &CustomerRecord::position},
    {"customerGender", "customer_gender", &CustomerRecord::gender},
    {"customerMaritalStatus", "customer_marital_status", &CustomerRecord::marital_status},
    {"customerBirthdate", "customer_birthdate", &CustomerRecord::birthdate,
     core::FieldKind::kDateTime},
    {"customerIncome", "customer_income", &CustomerRecord::income, core::FieldKind::kDecimalText},
    {"creditLimit", "credit_limit", &CustomerRecord::credit_limit, core::FieldKind::kDecimalText},
    {"addresses", api::nested_list<CustomerRecord, &CustomerRecord::addresses, kAddressFields>},
    core::json_only<CustomerRecord>("customerOwnersStr", &CustomerRecord::owners),
    core::json_only<CustomerRecord>("hasOwner", &CustomerRecord::has_owner),
    {"isActive", "is_active", &CustomerRecord::is_active, core::Store::kWrite},
    {"dateAcquired", "date_acquired", &CustomerRecord::date_acquired, core::FieldKind::kDateTime},
    {"createdByUserId", "created_by_user_id", &CustomerRecord::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "created_at", &CustomerRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"modifiedByUserId", "modified_by_user_id", &CustomerRecord::modified_by_user_id},
    // Rows stored before the Customer section have no modification date: their creation.
    core::read_as<CustomerRecord>({"dateModified", "date_modified", &CustomerRecord::date_modified,
                                   core::FieldKind::kDateTime},
                                  "COALESCE(c.date_modified, c.created_at)"),
    core::column_only<CustomerRecord>("phone_digits", &CustomerRecord::stored_phone_digits,
                                      core::Store::kWrite),
    core::column_only<CustomerRecord>("mobile_digits", &CustomerRecord::stored_mobile_digits,
                                      core::Store::kWrite),
};
inline constexpr core::Entity<CustomerRecord> kCustomerEntity{"customers", "c", kCustomerFields,
                                                              "customer_id"};

// The compact item of Customer Search (§4.3.13): ten fields of the customer.
inline constexpr core::Field<CustomerRecord> kCustomerSummaryFields[] = {
    {"customerId", "customer_id", &CustomerRecord::customer_id, core::Store::kRead},
    {"customerCode", "customer_code", &CustomerRecord::customer_code, core::Store::kRead},
    {"customerName", "customer_name", &CustomerRecord::customer_name, core::Store::kRead},
    {"customer2ndName", "customer_2nd_name", &CustomerRecord::second_name, core::Store::kRead},
    {"customerType", "customer_type", &CustomerRecord::customer_type, core::Store::kRead},
    {"customerTaxNo", "customer_tax_no", &CustomerRecord::tax_no, core::Store::kRead},
    {"branchCode", "branch_code", &CustomerRecord::branch_code, core::Store::kRead},
    {"customerPhone", "customer_phone", &CustomerRecord::phone, core::Store::kRead},
    {"customerMobile", "customer_mobile", &CustomerRecord::mobile, core::Store::kRead},
    {"customerEmail", "customer_email", &CustomerRecord::email, core::Store::kRead},
};
inline constexpr core::Entity<CustomerRecord> kCustomerSummaryEntity{
    "customers", "c", kCustomerSummaryFields, "customer_id"};

using core::Page;

}  // namespace ov::customers
