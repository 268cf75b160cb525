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
#include "core/master_list.hpp"
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

// Customer enums of the v3 API as published clients use them (ENDPOINTS.md §7.1).
// customerState: the stage of the relationship; the code letter follows it.
inline constexpr int kStateLead = 1;
inline constexpr int kStateProspect = 2;
inline constexpr int kStateCustomer = 3;
// customerType: what the customer is.
inline constexpr int kTypeBusiness = 1;
inline constexpr int kTypeIndividual = 2;
// customerStatus: whether the relationship is in force; isActive is status 0.
inline constexpr int kStatusActive = 0;
inline constexpr int kStatusEnded = 1;
inline constexpr int kStatusClosed = 2;
// leadStatus; unqualified leads may name a reason.
inline constexpr int kLeadNew = 1;
inline constexpr int kLeadUnqualified = 3;
inline constexpr int kLeadInterested = 4;
// The legacy type codes (documented in the Venio docs' legacy pages): accepted as customerState
// 1/2/3 on input (§7.1) and shown by the legacy customer object (§4.0).
inline constexpr int kLegacyLead = 11100;
inline constexpr int kLegacyProspect = 11200;
inline constexpr int kLegacyCustomer = 11300;
inline constexpr core::NumberFormat kLeadCode{"L", core::PeriodKind::kNone, 6};
inline constexpr core::NumberFormat kProspectCode{"P", core::PeriodKind::kNone, 6};
inline constexpr core::NumberFormat kCustomerCode{"C", core::PeriodKind::kNone, 6};

inline constexpr int kGenderMale = 1;
inline constexpr int kGenderOther = 3;
inline constexpr int kMaritalSingle = 1;
inline constexpr int kMaritalWidowed = 4;
// Address types: 1 billing, 2 shipping (null: general).
inline constexpr int kAddressBilling = 1;
inline constexpr int kAddressShipping = 2;

// The state a legacy type code stands for, or nullopt for any other value.
std::optional<int> state_of_legacy_type(std::int64_t code);
inline int legacy_type_of_state(int state) { return kLegacyLead + (state - kStateLead) * 100; }
const core::NumberFormat& code_format(int customer_state);
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
  std::optional<std::string> location_name;
  std::string location;
  std::optional<std::int64_t> location_type;
  std::optional<double> latitude;
  std::optional<double> longitude;
  bool is_active = true;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
};

// A contact person of a customer (§7.1 contacts).
struct Contact {
  std::int64_t contact_id = 0;
  std::int64_t company_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t position = 0;  // place in the customer's list
  std::string name;
  std::optional<std::string> job_title;  // contactPosition
  std::optional<std::string> phone;
  std::optional<std::string> mobile;
  std::optional<std::string> email;
  std::optional<core::UnixSeconds> birthdate;
  std::optional<std::string> note;
  std::optional<std::string> picture;
  bool status = true;
  std::string social_account = "{}";  // a JSON object of strings, as we wrote it
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
};

// A master entry nested whole in the legacy customer object (customerGroup and
// customerClassification, §4.0). Entries are not edited, so their modification is their
// creation.
struct LegacyMasterEntry {
  std::int64_t id = 0;
  std::int64_t company_id = 0;
  std::string name;
  bool is_active = true;
  std::optional<std::string> created_by_user_id;
  std::optional<core::UnixSeconds> date_created;
};

// One of the legacy object's customerInterests.
struct LegacyInterest {
  std::int64_t customer_id = 0;
  std::int64_t topic_id = 0;
  bool is_active = true;
};

struct CustomerRecord {
  std::int64_t customer_id = 0;
  std::int64_t company_id = 0;
  std::string customer_code;
  std::string customer_name;
  std::optional<std::string> second_name;
  std::vector<std::string> aliases;
  int customer_type = kTypeBusiness;
  int customer_state = kStateCustomer;
  int customer_status = kStatusActive;
  std::optional<std::int64_t> lead_status;
  // Master entries named by clients: the id stored, the name as the company spells it.
  std::optional<std::int64_t> unqualified_reason_id;
  std::optional<std::string> unqualified_reason;
  std::optional<std::string> unqualified_reason_note;
  std::optional<std::int64_t> source_id;
  std::optional<std::string> source_name;
  std::optional<std::int64_t> group_id;
  std::optional<std::string> group_name;
  std::optional<std::int64_t> classification_id;
  std::optional<std::string> classification_name;
  std::vector<std::string> interests;      // topic names, in order
  std::vector<std::int64_t> interest_ids;  // their ids, when the record is being written
  std::vector<std::string> tags;
  std::optional<std::string> note;
  std::string social_account = "{}";  // a JSON object of strings, as we wrote it
  std::string custom_fields = "[]";   // [{customFieldName, customFieldValue[]}], as we wrote it
  std::vector<Contact> contacts;
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

  // What only the legacy customer object shows (§4.0): loaded by
  // CustomerRepository::find_legacy.
  std::optional<LegacyMasterEntry> group_entry;
  std::optional<LegacyMasterEntry> classification_entry;
  std::vector<LegacyInterest> interest_rows;

  bool is_active() const { return customer_status == kStatusActive; }
  int legacy_type() const { return legacy_type_of_state(customer_state); }
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
  std::optional<std::string> location_name;
  std::string location;
  std::optional<std::int64_t> location_type;
  std::optional<double> latitude;
  std::optional<double> longitude;
};

// A contact as a request gives it: every contact is stored anew, so the input is the record
// without its ids, position and creation, which the service fills in.
using ContactInput = Contact;

// Absent properties keep their stored values on update; null clears (ENDPOINTS.md §1.5).
// The enums are already resolved from their legacy aliases (§7.1).
struct UpsertInput {
  std::optional<std::string> customer_code;  // nullopt: create
  std::string customer_name;
  api::Input<std::int64_t> customer_state;
  api::Input<std::int64_t> customer_type;
  api::Input<std::int64_t> customer_status;
  // customerStatus was read from a legacy customerState 2 (§7.1), not sent by the client: the
  // note an Ended or Closed customer needs is not asked of such clients.
  bool status_from_legacy_state = false;
  api::Input<std::int64_t> lead_status;
  api::Input<std::string> unqualified_reason;
  api::Input<std::string> unqualified_reason_note;
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
  api::Input<std::string> source_name;
  api::Input<std::string> group_name;
  api::Input<std::string> classification_name;
  api::Input<std::vector<std::string>> interests;
  api::Input<std::vector<std::string>> tags;
  api::Input<std::string> note;
  api::Input<std::string> social_account;  // JSON object text
  api::Input<std::string> custom_fields;   // JSON array text
  api::Input<std::vector<AddressInput>> addresses;
  api::Input<std::vector<ContactInput>> contacts;
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

// Customers Enquiry (§4.3.3 with the filters of §7.1). Empty lists mean "no filter".
struct EnquiryInput {
  std::optional<std::string> keyword;
  std::optional<GeoFilter> geo;
  std::vector<std::int64_t> states;         // customerState
  std::vector<std::int64_t> types;          // customerType
  std::vector<std::int64_t> statuses;       // customerStatus
  std::vector<std::int64_t> lead_statuses;  // leadStatus
  std::vector<bool> active;                 // isActive
  std::optional<std::int64_t> owner_teams;
  std::vector<std::string> owners;
  std::vector<std::int64_t> classifications;
  std::vector<std::int64_t> groups;
  std::vector<std::string> group_names;
  std::vector<std::string> tags;
  std::vector<std::int64_t> topic_interests;
  std::int64_t take = 0;
  std::int64_t skip = 0;
  std::vector<core::SortTerm> order;
};

// Customer Search (§4.3.13).
struct SearchInput {
  std::string text;
  std::vector<std::int64_t> states;
  std::vector<std::int64_t> types;
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

// The address object (§4.3 with §7.1's locationAddress and locationType): its JSON and its row
// in customer_addresses. locationAddress is the clients' name of location: both carry it.
inline constexpr core::Field<Address> kAddressFields[] = {
    {"addressId", "address_id", &Address::address_id, core::Store::kRead},
    core::column_only<Address>("company_id", &Address::company_id, core::Store::kInsert),
    {"customerId", "customer_id", &Address::customer_id, core::Store::kInsert},
    core::column_only<Address>("position", &Address::position),
    {"locationName", "location_name", &Address::location_name},
    {"location", "location", &Address::location},
    core::json_only<Address>("locationAddress", &Address::location),
    {"locationType", "location_type", &Address::location_type},
    {"latitude", "latitude", &Address::latitude},
    {"longitude", "longitude", &Address::longitude},
    {"isActive", "is_active", &Address::is_active, core::Store::kInsert},
    {"createdByUserId", "created_by_user_id", &Address::created_by_user_id, core::Store::kInsert},
    {"dateCreated", "date_created", &Address::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
};
inline constexpr core::Entity<Address> kAddressEntity{"customer_addresses", "a", kAddressFields,
                                                      "address_id"};

// The contact object (§7.1) and its row in customer_contacts.
inline constexpr core::Field<Contact> kContactFields[] = {
    {"contactId", "contact_id", &Contact::contact_id, core::Store::kRead},
    core::column_only<Contact>("company_id", &Contact::company_id, core::Store::kInsert),
    core::column_only<Contact>("customer_id", &Contact::customer_id, core::Store::kInsert),
    core::column_only<Contact>("position", &Contact::position, core::Store::kInsert),
    {"contactName", "contact_name", &Contact::name, core::Store::kInsert},
    {"contactPosition", "contact_position", &Contact::job_title, core::Store::kInsert},
    {"contactPhone", "contact_phone", &Contact::phone, core::Store::kInsert},
    {"contactMobile", "contact_mobile", &Contact::mobile, core::Store::kInsert},
    {"contactEmail", "contact_email", &Contact::email, core::Store::kInsert},
    {"contactBirthdate", "contact_birthdate", &Contact::birthdate, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"contactNote", "contact_note", &Contact::note, core::Store::kInsert},
    {"contactPicture", "contact_picture", &Contact::picture, core::Store::kInsert},
    {"contactStatus", "contact_status", &Contact::status, core::Store::kInsert},
    {"contactSocialAccount", "contact_social_account", &Contact::social_account,
     core::FieldKind::kRawJson, core::Store::kInsert},
    core::column_only<Contact>("created_by_user_id", &Contact::created_by_user_id,
                               core::Store::kInsert),
    core::column_only<Contact>("date_created", &Contact::date_created, core::Store::kInsert),
};
inline constexpr core::Entity<Contact> kContactEntity{"customer_contacts", "ct", kContactFields,
                                                      "contact_id"};

// The customer object (§4.3, with §7.1's enums and fields) in its order, and where each field
// is stored. Owners, addresses and contacts live in tables of their own; the names of master
// entries come from theirs.
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
    {"leadStatus", "lead_status", &CustomerRecord::lead_status},
    // The clients' spelling.
    {"unqulifiedReasonName", "ur.name", &CustomerRecord::unqualified_reason, core::Store::kRead},
    {"unqulifiedReasonNote", "unqualified_reason_note", &CustomerRecord::unqualified_reason_note},
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
    {"sourceName", "cs.name", &CustomerRecord::source_name, core::Store::kRead},
    {"customerGroupName", "cg.name", &CustomerRecord::group_name, core::Store::kRead},
    {"classificationName", "cc.name", &CustomerRecord::classification_name, core::Store::kRead},
    {"interestsName", "interest_names", &CustomerRecord::interests},
    {"customerTags", "customer_tags", &CustomerRecord::tags},
    {"customerNote", "customer_note", &CustomerRecord::note},
    {"customerSocialAccount", "social_account", &CustomerRecord::social_account,
     core::FieldKind::kRawJson},
    {"customFields", "custom_fields", &CustomerRecord::custom_fields, core::FieldKind::kRawJson},
    {"addresses", api::nested_list<CustomerRecord, &CustomerRecord::addresses, kAddressFields>},
    {"contacts", api::nested_list<CustomerRecord, &CustomerRecord::contacts, kContactFields>},
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
    core::column_only<CustomerRecord>("unqualified_reason_id",
                                      &CustomerRecord::unqualified_reason_id),
    core::column_only<CustomerRecord>("source_id", &CustomerRecord::source_id),
    core::column_only<CustomerRecord>("customer_group_id", &CustomerRecord::group_id),
    core::column_only<CustomerRecord>("classification_id", &CustomerRecord::classification_id),
    core::column_only<CustomerRecord>("phone_digits", &CustomerRecord::stored_phone_digits,
                                      core::Store::kWrite),
    core::column_only<CustomerRecord>("mobile_digits", &CustomerRecord::stored_mobile_digits,
                                      core::Store::kWrite),
};
inline constexpr core::Entity<CustomerRecord> kCustomerEntity{
    "customers", "c", kCustomerFields, "customer_id",
    " LEFT JOIN customer_unqualified_reasons ur ON ur.company_id = c.company_id AND "
    "ur.reason_id = c.unqualified_reason_id LEFT JOIN customer_sources cs ON cs.company_id = "
    "c.company_id AND cs.source_id = c.source_id LEFT JOIN customer_groups cg ON cg.company_id = "
    "c.company_id AND cg.customer_group_id = c.customer_group_id LEFT JOIN "
    "customer_classifications cc ON cc.company_id = c.company_id AND cc.classification_id = "
    "c.classification_id"};

// The compact item of Customer Search (§4.3.13; customerState added with §7.1, so that a
// client tells leads from customers).
inline constexpr core::Field<CustomerRecord> kCustomerSummaryFields[] = {
    {"customerId", "customer_id", &CustomerRecord::customer_id, core::Store::kRead},
    {"customerCode", "customer_code", &CustomerRecord::customer_code, core::Store::kRead},
    {"customerName", "customer_name", &CustomerRecord::customer_name, core::Store::kRead},
    {"customer2ndName", "customer_2nd_name", &CustomerRecord::second_name, core::Store::kRead},
    {"customerType", "customer_type", &CustomerRecord::customer_type, core::Store::kRead},
    {"customerState", "customer_state", &CustomerRecord::customer_state, core::Store::kRead},
    {"customerTaxNo", "customer_tax_no", &CustomerRecord::tax_no, core::Store::kRead},
    {"branchCode", "branch_code", &CustomerRecord::branch_code, core::Store::kRead},
    {"customerPhone", "customer_phone", &CustomerRecord::phone, core::Store::kRead},
    {"customerMobile", "customer_mobile", &CustomerRecord::mobile, core::Store::kRead},
    {"customerEmail", "customer_email", &CustomerRecord::email, core::Store::kRead},
};
inline constexpr core::Entity<CustomerRecord> kCustomerSummaryEntity{
    "customers", "c", kCustomerSummaryFields, "customer_id"};

// --- The legacy customer object (§4.0), nested in deals and sales orders -------------------

inline constexpr core::Field<Address> kLegacyAddressFields[] = {
    core::json_only<Address>("addressId", &Address::address_id),
    core::json_only<Address>("customerId", &Address::customer_id),
    core::json_only<Address>("isActive", &Address::is_active),
    core::json_only<Address>("createdByUserId", &Address::created_by_user_id),
    core::json_only<Address>("dateCreated", &Address::date_created, core::FieldKind::kDateTime),
    core::json_only<Address>("location", &Address::location),
    core::json_only<Address>("locationName", &Address::location_name),
};
inline constexpr core::Field<LegacyInterest> kLegacyInterestFields[] = {
    core::json_only<LegacyInterest>("customerId", &LegacyInterest::customer_id),
    core::json_only<LegacyInterest>("topicId", &LegacyInterest::topic_id),
    core::json_only<LegacyInterest>("isActive", &LegacyInterest::is_active),
};
inline constexpr core::Field<LegacyMasterEntry> kLegacyClassificationFields[] = {
    core::json_only<LegacyMasterEntry>("customerClassificationId", &LegacyMasterEntry::id),
    core::json_only<LegacyMasterEntry>("customerClassificationName", &LegacyMasterEntry::name),
    core::json_only<LegacyMasterEntry>("companyId", &LegacyMasterEntry::company_id),
    core::json_only<LegacyMasterEntry>("isActive", &LegacyMasterEntry::is_active),
    core::json_only<LegacyMasterEntry>("createdByUserId", &LegacyMasterEntry::created_by_user_id),
    core::json_only<LegacyMasterEntry>("dateCreated", &LegacyMasterEntry::date_created,
                                       core::FieldKind::kDateTime),
    core::json_only<LegacyMasterEntry>("modifiedByUserId", &LegacyMasterEntry::created_by_user_id),
    core::json_only<LegacyMasterEntry>("dateModified", &LegacyMasterEntry::date_created,
                                       core::FieldKind::kDateTime),
};
inline constexpr core::Field<LegacyMasterEntry> kLegacyGroupFields[] = {
    core::json_only<LegacyMasterEntry>("customerGroupId", &LegacyMasterEntry::id),
    core::json_only<LegacyMasterEntry>("companyId", &LegacyMasterEntry::company_id),
    core::json_only<LegacyMasterEntry>("customerGroupName", &LegacyMasterEntry::name),
    core::json_only<LegacyMasterEntry>("isActive", &LegacyMasterEntry::is_active),
    core::json_only<LegacyMasterEntry>("createdByUserId", &LegacyMasterEntry::created_by_user_id),
    core::json_only<LegacyMasterEntry>("dateCreated", &LegacyMasterEntry::date_created,
                                       core::FieldKind::kDateTime),
    core::json_only<LegacyMasterEntry>("modifiedByUserId", &LegacyMasterEntry::created_by_user_id),
    core::json_only<LegacyMasterEntry>("dateModified", &LegacyMasterEntry::date_created,
                                       core::FieldKind::kDateTime),
};

// customerType keeps its legacy codes here, derived from customerState (§4.0, §7.1).
inline void write_legacy_type(api::JsonWriter& w, const CustomerRecord& c, const api::OutContext&) {
  w.Int(c.legacy_type());
}
// The master code of the customer's record type: the example's, for every customer.
inline constexpr int kLegacyRecordType = 13002;

inline constexpr core::Field<CustomerRecord> kLegacyCustomerFields[] = {
    core::json_only<CustomerRecord>("customerId", &CustomerRecord::customer_id),
    core::json_only<CustomerRecord>("companyId", &CustomerRecord::company_id),
    core::json_only<CustomerRecord>("customerCode", &CustomerRecord::customer_code),
    core::json_only<CustomerRecord>("customerName", &CustomerRecord::customer_name),
    {"type", api::int_value<CustomerRecord, kLegacyRecordType>},
    {"customerType", api::custom_writer<CustomerRecord, write_legacy_type>},
    core::json_only<CustomerRecord>("isActive", &CustomerRecord::is_active),
    core::json_only<CustomerRecord>("createdByUserId", &CustomerRecord::created_by_user_id),
    core::json_only<CustomerRecord>("dateCreated", &CustomerRecord::date_created,
                                    core::FieldKind::kDateTime),
    core::json_only<CustomerRecord>("modifiedByUserId", &CustomerRecord::modified_by_user_id),
    core::json_only<CustomerRecord>("dateModified", &CustomerRecord::date_modified,
                                    core::FieldKind::kDateTime),
    core::json_only<CustomerRecord>("customerGroupId", &CustomerRecord::group_id),
    core::json_only<CustomerRecord>("sourceOfLead", &CustomerRecord::source_id),
    core::json_only<CustomerRecord>("classificationId", &CustomerRecord::classification_id),
    core::json_only<CustomerRecord>("hasOwner", &CustomerRecord::has_owner),
    core::json_only<CustomerRecord>("customerOwnersStr", &CustomerRecord::owners),
    core::json_only<CustomerRecord>("pictureUrl", &CustomerRecord::picture),
    {"addresses",
     api::nested_list<CustomerRecord, &CustomerRecord::addresses, kLegacyAddressFields>},
    {"customerInterests",
     api::nested_list<CustomerRecord, &CustomerRecord::interest_rows, kLegacyInterestFields>},
    {"customerClassification",
     api::nested_object<CustomerRecord, &CustomerRecord::classification_entry,
                        kLegacyClassificationFields>},
    {"customerGroup",
     api::nested_object<CustomerRecord, &CustomerRecord::group_entry, kLegacyGroupFields>},
};

// Master entries clients name by their names (§7.1) and that are created on first use: no
// list endpoint of their own (the administration lists them).
// The customer columns naming each list's entries (the administration plane keeps referred
// entries, core::MasterReference).
inline constexpr core::MasterReference kSourceReferences[] = {{"customers", "source_id"}};
inline constexpr core::MasterReference kGroupReferences[] = {{"customers", "customer_group_id"}};
inline constexpr core::MasterReference kClassificationReferences[] = {
    {"customers", "classification_id"}};
// Deals name the same topics as their interests (deals::kDealInterests).
inline constexpr core::MasterReference kTopicReferences[] = {{"customer_interests", "topic_id"},
                                                             {"deal_interest_links", "topic_id"}};
inline constexpr core::MasterReference kReasonReferences[] = {
    {"customers", "unqualified_reason_id"}};
inline constexpr core::MasterList kCustomerSources =
    core::named_by_clients({.admin_kind = "customer-sources",
                            .table = "customer_sources",
                            .id_column = "source_id",
                            .id_key = "sourceId",
                            .name_key = "sourceName",
                            .field = "sourceName",
                            .order = "name, source_id",
                            .references = kSourceReferences});
inline constexpr core::MasterList kCustomerGroups =
    core::named_by_clients({.admin_kind = "customer-groups",
                            .table = "customer_groups",
                            .id_column = "customer_group_id",
                            .id_key = "customerGroupId",
                            .name_key = "customerGroupName",
                            .field = "customerGroupName",
                            .order = "name, customer_group_id",
                            .references = kGroupReferences});
inline constexpr core::MasterList kCustomerClassifications =
    core::named_by_clients({.admin_kind = "customer-classifications",
                            .table = "customer_classifications",
                            .id_column = "classification_id",
                            .id_key = "customerClassificationId",
                            .name_key = "customerClassificationName",
                            .field = "classificationName",
                            .order = "name, classification_id",
                            .references = kClassificationReferences});
inline constexpr core::MasterList kInterestTopics =
    core::named_by_clients({.admin_kind = "interest-topics",
                            .table = "customer_interest_topics",
                            .id_column = "topic_id",
                            .id_key = "topicId",
                            .name_key = "topicName",
                            .field = "interestsName",
                            .order = "name, topic_id",
                            .references = kTopicReferences});
inline constexpr core::MasterList kUnqualifiedReasons =
    core::named_by_clients({.admin_kind = "unqualified-reasons",
                            .table = "customer_unqualified_reasons",
                            .id_column = "reason_id",
                            .id_key = "reasonId",
                            .name_key = "reasonName",
                            .field = "unqulifiedReasonName",
                            .order = "name, reason_id",
                            .references = kReasonReferences});

using core::Page;

}  // namespace ov::customers
