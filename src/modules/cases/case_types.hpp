// The Case section's records and inputs (ENDPOINTS.md §4.4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/master_list.hpp"
#include "core/time.hpp"

namespace ov::cases {

// Case types (documented) and statuses (our enum, starting at the documented 201).
inline constexpr int kRequestForAction = 1;
inline constexpr int kForYourInformation = 2;
inline constexpr int kStatusOpen = 201;
inline constexpr int kStatusInProgress = 202;
inline constexpr int kStatusResolved = 203;
inline constexpr int kStatusClosed = 204;
inline constexpr int kStatusCancelled = 205;

// Whether a case may move from one status to another (ENDPOINTS.md §4.4).
bool status_transition_allowed(int from, int to);

struct CaseRecord {
  std::int64_t feedback_id = 0;
  std::int64_t company_id = 0;
  std::optional<std::int64_t> customer_id;
  std::string feedback_no;
  std::string subject;
  int status_id = kStatusOpen;
  int case_type = kRequestForAction;
  std::optional<std::string> customer_name;
  std::optional<std::string> note;
  // Both null on a case added without an assignee (ENDPOINTS.md §7.2).
  std::optional<std::string> assigned_to_user_id;
  std::optional<core::UnixSeconds> date_assigned;
  core::UnixSeconds date_case = 0;
  core::UnixSeconds date_due = 0;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
  std::string updated_by_user_id;
  core::UnixSeconds date_updated = 0;
  core::UnixSeconds date_latest_answer = 0;
  std::int64_t category_id = 0;
  std::optional<std::string> customer_code;
  std::vector<std::string> activity_nos;
  std::vector<std::string> deal_nos;
};

// The case object (ENDPOINTS.md §4.4): the 19 fields of the Venio Edit Case example in their
// order, then the four additive fields; and where each is stored.
inline constexpr core::Field<CaseRecord> kCaseFields[] = {
    {"feedbackId", "feedback_id", &CaseRecord::feedback_id, core::Store::kRead},
    {"companyId", "company_id", &CaseRecord::company_id, core::Store::kInsert},
    {"customerId", "customer_id", &CaseRecord::customer_id},
    {"feedbackNo", "feedback_no", &CaseRecord::feedback_no, core::Store::kInsert},
    {"subject", "subject", &CaseRecord::subject},
    {"statusId", "status_id", &CaseRecord::status_id},
    {"feedbackTypeId", "case_type", &CaseRecord::case_type, core::Store::kInsert},
    // The party that raised the case is its customer (designed).
    core::json_only<CaseRecord>("feedbackFromId", &CaseRecord::customer_id),
    {"feedbackFromName", "cu.customer_name", &CaseRecord::customer_name, core::Store::kRead},
    {"note", "note", &CaseRecord::note},
    {"assignedToUserId", "assigned_to_user_id", &CaseRecord::assigned_to_user_id},
    {"dateAssigned", "date_assigned", &CaseRecord::date_assigned, core::FieldKind::kDateTime},
    {"dateCase", "date_case", &CaseRecord::date_case, core::FieldKind::kDateTime},
    {"dateDue", "date_due", &CaseRecord::date_due, core::FieldKind::kDateTime},
    {"createdByUserId", "created_by_user_id", &CaseRecord::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &CaseRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"updatedByUserId", "updated_by_user_id", &CaseRecord::updated_by_user_id},
    {"dateUpdated", "date_updated", &CaseRecord::date_updated, core::FieldKind::kDateTime},
    {"dateLatestAnswer", "date_latest_answer", &CaseRecord::date_latest_answer,
     core::FieldKind::kDateTime},
    {"feedbackCategoryId", "category_id", &CaseRecord::category_id},
    {"customerCode", "cu.customer_code", &CaseRecord::customer_code, core::Store::kRead},
    // The linked numbers in request order; the link tables keep the references.
    {"activityNos", "activity_nos", &CaseRecord::activity_nos},
    {"dealNos", "deal_nos", &CaseRecord::deal_nos},
};
inline constexpr core::Entity<CaseRecord> kCaseEntity{
    "cases", "c", kCaseFields, "feedback_id",
    " LEFT JOIN customers cu ON cu.customer_id = c.customer_id AND cu.company_id = c.company_id"};

// Case categories (§4.4.4): the values of categoryId. A new company gets these.
inline constexpr core::MasterSeed kDefaultCaseCategories[] = {
    {1, "General enquiry"},  {2, "Complaint"}, {3, "Technical support"}, {4, "Billing"},
    {5, "Product feedback"}, {6, "Delivery"},  {7, "Warranty claim"},
};
inline constexpr core::MasterReference kCaseCategoryReferences[] = {{"cases", "category_id"}};
inline constexpr core::MasterList kCaseCategories{
    .path = "/v1/case/categories",
    .table = "case_categories",
    .id_column = "category_id",
    .name_column = "name",
    .id_key = "categoryId",
    .name_key = "categoryName",
    .field = "categoryId",
    .show_active = true,
    .rows = core::ListedRows::kActiveUnlessAsked,
    .order = "name, category_id",
    .seeds = kDefaultCaseCategories,
    .admin_kind = "case-categories",
    .references = kCaseCategoryReferences,
};

// Case statuses (designed enum of §4.4), kept per company for the administration's lists.
inline constexpr core::MasterSeed kCaseStatusNames[] = {
    {kStatusOpen, "Open"},     {kStatusInProgress, "In progress"}, {kStatusResolved, "Resolved"},
    {kStatusClosed, "Closed"}, {kStatusCancelled, "Cancelled"},
};
inline constexpr core::MasterList kCaseStatuses{
    .table = "case_statuses",
    .id_column = "status_id",
    .name_column = "name",
    .id_key = "statusId",
    .name_key = "statusName",
    .field = "statusId",
    .active_column = "",
    .order = "status_id",
    .seeds = kCaseStatusNames,
};

// What Add and Edit Case share (§4.4.1, §4.4.2). Optional properties keep the three states of
// a body: on Edit an absent one keeps the stored value and null clears it (§1.5); on Add both
// mean none.
struct CaseInput {
  std::string subject;
  api::Input<std::string> customer_code;
  std::int64_t category_id = 0;
  core::UnixSeconds date_case = 0;
  core::UnixSeconds date_due = 0;
  api::Input<std::vector<std::string>> activity_nos;
  api::Input<std::vector<std::string>> deal_nos;
  api::Input<std::string> note;
  // Required on Edit; optional on Add, where none leaves the case unassigned (§7.2).
  std::optional<std::string> assigned_to_user_id;
};

struct AddCaseInput : CaseInput {
  int case_type = 0;
};

// The type cannot change; the status may, per the transition table.
struct EditCaseInput : CaseInput {
  api::Input<std::int64_t> status_id;
};

}  // namespace ov::cases
