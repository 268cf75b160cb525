// The Expense section's records, line rules and inputs (ENDPOINTS.md §4.7).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/money.hpp"
#include "core/time.hpp"
#include "modules/attachments/attachments.hpp"

namespace ov::expenses {

// Expense statuses (designed enum of §4.7).
inline constexpr int kWaitingApproval = 301;
inline constexpr int kApproved = 302;
inline constexpr int kRejected = 303;
inline constexpr int kCancelled = 304;
inline constexpr int kStatuses[] = {kWaitingApproval, kApproved, kRejected, kCancelled};
std::string_view status_name(int status_id);
bool is_status(std::int64_t id);

// The approval trail's states and the log's types (§4.7 expenseStates, activityLogs).
inline constexpr int kStateSubmitted = 1;
inline constexpr int kStateApproved = 2;
inline constexpr int kStateRejected = 3;
inline constexpr int kStateCancelled = 4;
inline constexpr int kLogCreated = 1;
inline constexpr int kLogUpdated = 2;
inline constexpr int kLogApproved = 3;
inline constexpr int kLogRejected = 4;
inline constexpr int kLogCancelled = 5;

// --- Line rules (§4.7 "Per-type line rules") --------------------------------------------------

// What a line of a type must carry: the fields it requires (JSON names) and how its amount is
// found. The tests walk this table: every type with each of its required fields missing.
struct LineRule {
  int type_id;
  std::string_view name;
  std::span<const std::string_view> required;
  // Travelling: the amount is taxi + tollway + parking (`amount` is ignored), at least one of
  // them given.
  bool amount_from_fares = false;
};
inline constexpr std::string_view kAccommodationFields[] = {"amount", "night"};
inline constexpr std::string_view kEntertainmentFields[] = {"amount", "person"};
inline constexpr std::string_view kFuelFields[] = {"amount", "milesStart", "milesEnd"};
inline constexpr std::string_view kOtherFields[] = {"amount", "note"};
inline constexpr std::string_view kTrainingFields[] = {"amount", "trainingTitle", "hours",
                                                       "minutes"};
inline constexpr std::string_view kMeetingStaffFields[] = {"amount", "person"};
inline constexpr std::string_view kMeetingSalesFields[] = {"amount"};
inline constexpr std::string_view kFareFields[] = {"taxi", "tollway", "parking"};
inline constexpr LineRule kLineRules[] = {
    {1001, "Accommodation", kAccommodationFields},
    {1002, "Entertainment", kEntertainmentFields},
    {1003, "Fuel", kFuelFields},
    {1004, "Other", kOtherFields},
    {1005, "Training", kTrainingFields},
    {1006, "Travelling", {}, true},
    {1007, "Meeting with staff", kMeetingStaffFields},
    {1008, "Meeting with sales", kMeetingSalesFields},
};
inline constexpr int kFirstType = 1001;
inline constexpr int kLastType = 1008;
const LineRule* find_rule(std::int64_t type_id);

// Bounds of a line's counts: a year of nights, an odometer's six digits twice over, a
// training's hours within a year, a meeting's people well past any room.
inline constexpr std::int64_t kMaxNights = 366;
inline constexpr std::int64_t kMaxMiles = 99'999'999;
inline constexpr std::int64_t kMaxHours = 8784;
inline constexpr std::int64_t kMaxPersons = 10'000;
// Lines of one expense: a month of daily claims of every type, and a bound on one write.
inline constexpr std::size_t kMaxLines = 200;

// --- Records ---------------------------------------------------------------------------------

struct ExpenseLine {
  std::int64_t expense_detail_id = 0;
  std::int64_t company_id = 0;
  std::int64_t expense_id = 0;
  std::int64_t position = 0;
  int expense_type_id = 0;
  std::optional<std::int64_t> category_id;
  core::Decimal amount;  // amount1
  std::string note;
  std::optional<std::int64_t> night;
  std::optional<std::int64_t> miles_start;
  std::optional<std::int64_t> miles_end;
  std::optional<std::string> training_title;
  std::optional<std::int64_t> hours;
  std::optional<std::int64_t> minutes;
  std::optional<core::Decimal> taxi;
  std::optional<core::Decimal> tollway;
  std::optional<core::Decimal> parking;
  std::optional<std::int64_t> person;
  std::optional<bool> used_fuel_card;
};

struct ExpenseState {
  std::int64_t expense_states_id = 0;
  std::int64_t company_id = 0;
  std::int64_t expense_id = 0;
  int status_id = kStateSubmitted;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
  int approve_level = 1;
  std::int64_t seq = 1;
};

struct ExpenseLog {
  std::int64_t activity_log_id = 0;
  std::int64_t company_id = 0;
  std::int64_t expense_id = 0;
  std::string comment;
  int log_type = kLogCreated;
  core::UnixSeconds date_created = 0;
  std::string created_by_user_id;
  // The user who wrote it, joined (userInfo).
  std::optional<std::string> user_name;
  std::optional<std::int64_t> user_created;
  std::optional<std::int64_t> user_modified;
};

struct ExpenseRecord {
  std::int64_t expense_id = 0;
  std::int64_t company_id = 0;
  std::optional<std::int64_t> team_id;
  std::string expense_no;
  int status_id = kWaitingApproval;
  core::UnixSeconds date_transaction = 0;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
  std::string updated_by_user_id;
  core::UnixSeconds date_updated = 0;
  std::string remark;
  std::string subject;
  core::Decimal total_baht;
  std::int64_t type_mask = 0;  // bit (type - 1001) per line type
  std::optional<std::int64_t> activity_id;
  std::optional<std::string> approved_by_user_id;
  std::optional<core::UnixSeconds> date_approved;
  std::optional<std::string> reason;
  // Joined: the linked activity's number, the creator's picture and staff code.
  std::optional<std::string> activity_no;
  std::optional<std::string> picture_url;
  std::optional<std::string> staff_code;

  // What only the expense object shows (ExpenseRepository::load_details).
  std::vector<ExpenseLine> lines;
  std::vector<ExpenseState> states;
  std::vector<ExpenseLog> logs;
  std::vector<attachments::Attachment> attachments;

  bool is_edit() const { return status_id == kWaitingApproval || status_id == kRejected; }
  bool deletable() const { return status_id == kWaitingApproval; }
};

// --- The expense object (§4.7) -----------------------------------------------------------------

void write_user_info(api::JsonWriter& w, const ExpenseLog& l, const api::OutContext& ctx);
void write_activity_expenses(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&);
void write_waiting_user(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&);
void write_waiting_role(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&);
void write_waiting_rank(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&);
void write_status_name(api::JsonWriter& w, const ExpenseRecord& e, const api::OutContext&);

// The line as the expense object shows it: the documented seven, then the legacy inputs.
inline constexpr core::Field<ExpenseLine> kLineFields[] = {
    {"expenseDetailId", "expense_detail_id", &ExpenseLine::expense_detail_id, core::Store::kRead},
    {"expenseId", "expense_id", &ExpenseLine::expense_id, core::Store::kInsert},
    {"expenseTypeId", "expense_type_id", &ExpenseLine::expense_type_id},
    {"categoryId", "category_id", &ExpenseLine::category_id},
    // The documented name of the line's amount (§6 point 21).
    {"amount1", "amount", &ExpenseLine::amount},
    {"note", "note", &ExpenseLine::note},
    // Designed: no limit ranges are kept.
    {"expenseLimitRangesId", api::null_value<ExpenseLine>},
    {"night", "night", &ExpenseLine::night},
    {"milesStart", "miles_start", &ExpenseLine::miles_start},
    {"milesEnd", "miles_end", &ExpenseLine::miles_end},
    {"trainingTitle", "training_title", &ExpenseLine::training_title},
    {"hours", "hours", &ExpenseLine::hours},
    {"minutes", "minutes", &ExpenseLine::minutes},
    {"taxi", "taxi", &ExpenseLine::taxi},
    {"tollway", "tollway", &ExpenseLine::tollway},
    {"parking", "parking", &ExpenseLine::parking},
    {"person", "person", &ExpenseLine::person},
    {"usedFuelCard", "used_fuel_card", &ExpenseLine::used_fuel_card},
    core::column_only<ExpenseLine>("company_id", &ExpenseLine::company_id, core::Store::kInsert),
    core::column_only<ExpenseLine>("position", &ExpenseLine::position),
};
inline constexpr core::Entity<ExpenseLine> kLineEntity{
    "expense_details", "l", kLineFields, "expense_detail_id", "", core::KeyGen::kCompanyFirst};

inline constexpr core::Field<ExpenseState> kStateFields[] = {
    {"expenseStatesId", "expense_states_id", &ExpenseState::expense_states_id, core::Store::kRead},
    {"expenseId", "expense_id", &ExpenseState::expense_id, core::Store::kInsert},
    {"statusId", "status_id", &ExpenseState::status_id, core::Store::kInsert},
    {"createdByUserId", "created_by_user_id", &ExpenseState::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &ExpenseState::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"approveLevel", "approve_level", &ExpenseState::approve_level, core::Store::kInsert},
    {"seq", "seq", &ExpenseState::seq, core::Store::kInsert},
    core::column_only<ExpenseState>("company_id", &ExpenseState::company_id, core::Store::kInsert),
};
inline constexpr core::Entity<ExpenseState> kStateEntity{
    "expense_states", "st", kStateFields, "expense_states_id", "", core::KeyGen::kCompanyFirst};

inline constexpr core::Field<ExpenseLog> kLogFields[] = {
    {"activityLogId", "activity_log_id", &ExpenseLog::activity_log_id, core::Store::kRead},
    {"refId", "expense_id", &ExpenseLog::expense_id, core::Store::kInsert},
    {"comment", "comment", &ExpenseLog::comment, core::Store::kInsert},
    {"logType", "log_type", &ExpenseLog::log_type, core::Store::kInsert},
    // Designed: every log entry is in force.
    {"status", api::int_value<ExpenseLog, 1>},
    {"dateCreated", "date_created", &ExpenseLog::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"createdByUserId", "created_by_user_id", &ExpenseLog::created_by_user_id,
     core::Store::kInsert},
    {"userInfo", api::custom_writer<ExpenseLog, write_user_info>},
    core::column_only<ExpenseLog>("company_id", &ExpenseLog::company_id, core::Store::kInsert),
    core::column_only<ExpenseLog>("u.name", &ExpenseLog::user_name, core::Store::kRead),
    core::column_only<ExpenseLog>("u.created_at", &ExpenseLog::user_created, core::Store::kRead),
    core::column_only<ExpenseLog>("u.date_modified", &ExpenseLog::user_modified,
                                  core::Store::kRead),
};
inline constexpr core::Entity<ExpenseLog> kLogEntity{
    "expense_logs",
    "lg",
    kLogFields,
    "activity_log_id",
    " LEFT JOIN users u ON u.company_id = lg.company_id AND u.user_id = lg.created_by_user_id",
    core::KeyGen::kCompanyFirst};

// The expense object: the fields and order of the Venio Get a Expense example, then the legacy
// extras.
inline constexpr core::Field<ExpenseRecord> kExpenseFields[] = {
    {"expenseId", "expense_id", &ExpenseRecord::expense_id, core::Store::kRead},
    {"teamId", "team_id", &ExpenseRecord::team_id, core::Store::kInsert},
    {"expenseNo", "expense_no", &ExpenseRecord::expense_no, core::Store::kInsert},
    {"statusId", "status_id", &ExpenseRecord::status_id},
    {"dateTransaction", "date_transaction", &ExpenseRecord::date_transaction,
     core::FieldKind::kDateTime},
    {"createdByUserId", "created_by_user_id", &ExpenseRecord::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &ExpenseRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"updatedByUserId", "updated_by_user_id", &ExpenseRecord::updated_by_user_id},
    {"dateUpdated", "date_updated", &ExpenseRecord::date_updated, core::FieldKind::kDateTime},
    {"remark", "remark", &ExpenseRecord::remark},
    {"subject", "subject", &ExpenseRecord::subject},
    {"totalBaht", "total_baht", &ExpenseRecord::total_baht},
    {"activityExpenses", api::custom_writer<ExpenseRecord, write_activity_expenses>},
    {"expenseDetails", api::nested_list<ExpenseRecord, &ExpenseRecord::lines, kLineFields>},
    {"expenseStates", api::nested_list<ExpenseRecord, &ExpenseRecord::states, kStateFields>},
    // API clients approve nothing: approval is the app's (here the administration plane's).
    {"canApprove", api::bool_value<ExpenseRecord, false>},
    core::json_only<ExpenseRecord>("isEdit", &ExpenseRecord::is_edit),
    core::json_only<ExpenseRecord>("deletable", &ExpenseRecord::deletable),
    core::json_only<ExpenseRecord>("total", &ExpenseRecord::total_baht),
    {"attachments",
     api::nested_list<ExpenseRecord, &ExpenseRecord::attachments, attachments::kAttachmentFields>},
    {"pictureUrl", "u.picture_url", &ExpenseRecord::picture_url, core::Store::kRead},
    {"activityLogs", api::nested_list<ExpenseRecord, &ExpenseRecord::logs, kLogFields>},
    {"activityId", "activity_id", &ExpenseRecord::activity_id},
    {"waitingApproveByUserId", api::custom_writer<ExpenseRecord, write_waiting_user>},
    {"waitingApproveByRoleId", api::custom_writer<ExpenseRecord, write_waiting_role>},
    {"waitingApproveByRankNo", api::custom_writer<ExpenseRecord, write_waiting_rank>},
    {"approvedByUserId", "approved_by_user_id", &ExpenseRecord::approved_by_user_id},
    {"dateApproved", "date_approved", &ExpenseRecord::date_approved, core::FieldKind::kDateTime},
    core::json_only<ExpenseRecord>("modifiedByUserId", &ExpenseRecord::updated_by_user_id),
    {"statusName", api::custom_writer<ExpenseRecord, write_status_name>},
    {"reason", "reason", &ExpenseRecord::reason},
    core::column_only<ExpenseRecord>("company_id", &ExpenseRecord::company_id,
                                     core::Store::kInsert),
    core::column_only<ExpenseRecord>("type_mask", &ExpenseRecord::type_mask),
    core::column_only<ExpenseRecord>("a.activity_no", &ExpenseRecord::activity_no,
                                     core::Store::kRead),
    core::column_only<ExpenseRecord>("u.staff_code", &ExpenseRecord::staff_code,
                                     core::Store::kRead),
};
inline constexpr std::string_view kCreatorJoin =
    " LEFT JOIN users u ON u.company_id = e.company_id AND u.user_id = e.created_by_user_id";
inline constexpr core::Entity<ExpenseRecord> kExpenseEntity{
    "expenses",
    "e",
    kExpenseFields,
    "expense_id",
    " LEFT JOIN users u ON u.company_id = e.company_id AND u.user_id = e.created_by_user_id"
    " LEFT JOIN activities a ON a.company_id = e.company_id AND a.activity_id = e.activity_id",
    core::KeyGen::kCompanyFirst};

// Expense Enquiry's ExpensesLite (§4.7.3).
inline constexpr core::Field<ExpenseRecord> kLiteFields[] = {
    {"expenseId", "expense_id", &ExpenseRecord::expense_id, core::Store::kRead},
    {"expenseNo", "expense_no", &ExpenseRecord::expense_no, core::Store::kRead},
    {"companyId", "company_id", &ExpenseRecord::company_id, core::Store::kRead},
    {"teamId", "team_id", &ExpenseRecord::team_id, core::Store::kRead},
    {"subject", "subject", &ExpenseRecord::subject, core::Store::kRead},
    {"statusId", "status_id", &ExpenseRecord::status_id, core::Store::kRead},
    {"dateTransaction", "date_transaction", &ExpenseRecord::date_transaction,
     core::FieldKind::kDateTime, core::Store::kRead},
    {"totalBaht", "total_baht", &ExpenseRecord::total_baht, core::Store::kRead},
    {"createdByUserId", "created_by_user_id", &ExpenseRecord::created_by_user_id,
     core::Store::kRead},
    {"staffCode", "u.staff_code", &ExpenseRecord::staff_code, core::Store::kRead},
    {"dateCreated", "date_created", &ExpenseRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kRead},
};
inline constexpr core::Entity<ExpenseRecord> kLiteEntity{"expenses", "e", kLiteFields, "expense_id",
                                                         kCreatorJoin};

// One status group of Expense Enquiry.
struct ExpenseGroup {
  int status_id = 0;
  std::vector<ExpenseRecord> expenses;
};
void write_group_status_name(api::JsonWriter& w, const ExpenseGroup& g, const api::OutContext&);
inline constexpr core::Field<ExpenseGroup> kGroupFields[] = {
    core::json_only<ExpenseGroup>("statusId", &ExpenseGroup::status_id),
    {"statusName", api::custom_writer<ExpenseGroup, write_group_status_name>},
    {"expenses", api::nested_list<ExpenseGroup, &ExpenseGroup::expenses, kLiteFields>},
};

// --- Inputs ------------------------------------------------------------------------------------

// One of ExpenseDetails (§4.7, 16 fields on create and update): the line as it will be stored,
// and the id of the stored line it replaces.
struct LineInput {
  std::optional<std::int64_t> expense_detail_id;
  ExpenseLine line;
};

// Create Expense (§4.7.1) and Update Expense (§4.7.2): the same body. On update, absent
// optional properties keep what is stored and null clears it (§1.5); the lines are always
// given and replace the stored ones.
struct ExpenseInput {
  std::vector<LineInput> lines;
  std::string subject;
  // A numeric activityId or an activityNo.
  api::Input<std::string> activity;
  api::Input<core::UnixSeconds> date_transaction;
  api::Input<std::string> remark;
  api::Input<std::vector<attachments::InputItem>> attachments;
};

// Expense Enquiry (§4.7.3).
struct EnquiryInput {
  int expense_type_id = 0;  // 0: every type
  // Set when statusIds filters: the ids among its entries that name a status (entries that
  // name none match nothing).
  std::optional<std::vector<int>> status_ids;
  std::vector<std::string> staff_codes;
  std::optional<std::string> search_text;
  std::optional<core::UnixSeconds> date_start;
  std::optional<core::UnixSeconds> date_end;
  std::int64_t take = 100;
  std::int64_t skip = 0;
};
// Expense Enquiry's default page per status group (designed).
inline constexpr std::int64_t kDefaultTake = 100;

}  // namespace ov::expenses
