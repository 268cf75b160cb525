// The Activity section's records and inputs (ENDPOINTS.md §4.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/master_list.hpp"
#include "core/query.hpp"
#include "core/time.hpp"

namespace ov::activities {

// Activity types and statuses (designed enums of §4.2).
inline constexpr int kTypeVisit = 1;
inline constexpr int kTypeMeeting = 2;
inline constexpr int kTypeCall = 3;
inline constexpr int kTypeEmail = 4;
inline constexpr int kTypeOther = 5;
inline constexpr int kStatusPlanned = 1;
inline constexpr int kStatusCheckedIn = 2;
inline constexpr int kStatusCompleted = 3;
inline constexpr int kStatusCancelled = 4;

// Whether an activity's status may move from one value to another (§4.2): 1→2 (check-in),
// 2→3 (check-out), 1→3, 1→4, 2→4; 3 and 4 are final. Keeping a status is always allowed.
bool status_transition_allowed(int from, int to);

struct ActivityRecord {
  std::int64_t activity_id = 0;
  std::int64_t company_id = 0;
  std::optional<std::int64_t> team_id;
  std::string activity_no;
  std::string subject;
  int activity_type_id = kTypeOther;
  bool is_active = true;
  int status_id = kStatusPlanned;
  bool is_ad_hoc = false;
  // Activities stored before the Activity section (0001's number-only rows) have no assignee.
  std::optional<std::string> assign_to_user_id;
  core::UnixSeconds date_appointment_start = 0;
  core::UnixSeconds date_appointment_end = 0;
  std::optional<std::string> start_location;
  std::optional<std::string> start_location_name;
  std::optional<double> visit_latitude;
  std::optional<double> visit_longitude;
  std::optional<std::string> visit_location;
  std::optional<std::string> visit_location_name;
  std::optional<std::string> visit_place_id;
  std::optional<core::UnixSeconds> date_check_in;
  std::optional<core::UnixSeconds> date_check_out;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_code;
  std::optional<std::string> customer_name;
  std::vector<std::int64_t> key_activity_ids;
  std::vector<std::string> deal_nos;
  std::optional<std::string> note;
  std::optional<std::string> created_by_user_id;
  core::UnixSeconds date_created = 0;
  std::optional<std::string> modified_by_user_id;
  core::UnixSeconds date_modified = 0;
};

// The activity object of §4.2 in its order, and where each field is stored. The customer's
// code and name come from its row; the linked key activities and deals are kept on the row in
// request order (the link tables hold the references).
inline constexpr core::Field<ActivityRecord> kActivityFields[] = {
    {"activityId", "activity_id", &ActivityRecord::activity_id, core::Store::kRead},
    {"teamId", "team_id", &ActivityRecord::team_id},
    {"activityNo", "activity_no", &ActivityRecord::activity_no, core::Store::kInsert},
    {"subject", "subject", &ActivityRecord::subject},
    // Activity groups are not kept (designed: always null).
    {"groupId", api::null_value<ActivityRecord>},
    {"activityTypeId", "activity_type_id", &ActivityRecord::activity_type_id},
    {"isActive", "is_active", &ActivityRecord::is_active},
    {"statusId", "status_id", &ActivityRecord::status_id},
    {"isAdHoc", "is_ad_hoc", &ActivityRecord::is_ad_hoc},
    {"assignToUserId", "assign_to_user_id", &ActivityRecord::assign_to_user_id},
    {"dateAppointmentStart", "date_appointment_start", &ActivityRecord::date_appointment_start,
     core::FieldKind::kDateTime},
    {"dateAppointmentEnd", "date_appointment_end", &ActivityRecord::date_appointment_end,
     core::FieldKind::kDateTime},
    {"startLocation", "start_location", &ActivityRecord::start_location},
    {"startLocationName", "start_location_name", &ActivityRecord::start_location_name},
    {"visitLatitude", "visit_latitude", &ActivityRecord::visit_latitude},
    {"visitLongitude", "visit_longitude", &ActivityRecord::visit_longitude},
    {"visitLocation", "visit_location", &ActivityRecord::visit_location},
    {"visitLocationName", "visit_location_name", &ActivityRecord::visit_location_name},
    {"visitPlaceId", "visit_place_id", &ActivityRecord::visit_place_id},
    {"dateCheckIn", "date_check_in", &ActivityRecord::date_check_in, core::FieldKind::kDateTime},
    {"dateCheckOut", "date_check_out", &ActivityRecord::date_check_out, core::FieldKind::kDateTime},
    {"customerId", "customer_id", &ActivityRecord::customer_id},
    {"customerCode", "cu.customer_code", &ActivityRecord::customer_code, core::Store::kRead},
    {"customerName", "cu.customer_name", &ActivityRecord::customer_name, core::Store::kRead},
    {"keyActivityIds", "key_activity_ids", &ActivityRecord::key_activity_ids},
    {"dealNos", "deal_nos", &ActivityRecord::deal_nos},
    {"note", "note", &ActivityRecord::note},
    {"createdByUserId", "created_by_user_id", &ActivityRecord::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &ActivityRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"modifiedByUserId", "modified_by_user_id", &ActivityRecord::modified_by_user_id},
    {"dateModified", "date_modified", &ActivityRecord::date_modified, core::FieldKind::kDateTime},
    core::column_only<ActivityRecord>("company_id", &ActivityRecord::company_id,
                                      core::Store::kInsert),
};
inline constexpr core::Entity<ActivityRecord> kActivityEntity{
    "activities", "a", kActivityFields, "activity_id",
    " LEFT JOIN customers cu ON cu.customer_id = a.customer_id AND cu.company_id = a.company_id"};

// Key activities (§4.2.5): the values of keyActivityIds. A new company gets these.
inline constexpr core::MasterSeed kDefaultKeyActivities[] = {
    {1, "Product demo"},  {2, "Collect payment"}, {3, "Follow up"},           {4, "Site survey"},
    {5, "Deliver goods"}, {6, "Training"},        {7, "After-sales service"},
};
inline constexpr core::MasterReference kKeyActivityReferences[] = {
    {"activity_key_activities", "key_activity_id"}};
inline constexpr core::MasterList kKeyActivities{
    .path = "/v2/activities/key-activities",
    .table = "key_activities",
    .id_column = "key_activity_id",
    .name_column = "name",
    .id_key = "keyActivityId",
    .name_key = "keyActivityName",
    .field = "keyActivityId",
    .show_active = true,
    .rows = core::ListedRows::kActiveUnlessAsked,
    .order = "name, key_activity_id",
    .seeds = kDefaultKeyActivities,
    .admin_kind = "key-activities",
    .references = kKeyActivityReferences,
};

// The orderBy fields of Activities Enquiry: its scalar response fields (§1.9). Numbers, subjects
// and names sort case-insensitively, like they compare.
inline constexpr core::SortColumn kActivitySort[] = {
    {"activityId", "a.activity_id"},
    {"dateAppointmentStart", "a.date_appointment_start"},
    {"dateAppointmentEnd", "a.date_appointment_end"},
    {"activityNo", "lower(a.activity_no)"},
    {"subject", "lower(a.subject)"},
    {"teamId", "a.team_id", true},
    {"activityTypeId", "a.activity_type_id"},
    {"statusId", "a.status_id"},
    {"isAdHoc", "a.is_ad_hoc"},
    {"assignToUserId", "a.assign_to_user_id", true},
    {"dateCheckIn", "a.date_check_in", true},
    {"dateCheckOut", "a.date_check_out", true},
    {"customerId", "a.customer_id", true},
    {"customerCode", "lower(cu.customer_code)", true},
    {"customerName", "lower(cu.customer_name)", true},
    {"dateCreated", "a.date_created"},
    {"dateModified", "a.date_modified"},
};
inline constexpr std::size_t kSortById = 0;     // unique: the tie-break of every order
inline constexpr std::size_t kSortByStart = 1;  // the default order, descending

// Create or Update Activity (§4.2.6). Optional properties keep the three states of a body: on
// update an absent one keeps the stored value and null clears it (§1.5).
struct UpsertInput {
  std::optional<std::string> activity_no;  // nullopt: create
  std::string subject;
  int activity_type_id = kTypeOther;
  api::Input<std::string> customer_code;
  core::UnixSeconds date_appointment_start = 0;
  core::UnixSeconds date_appointment_end = 0;
  std::string assign_to_user_id;
  api::Input<bool> is_ad_hoc;
  api::Input<std::int64_t> status_id;
  api::Input<std::vector<std::int64_t>> key_activity_ids;
  api::Input<std::vector<std::string>> deal_nos;
  api::Input<std::string> note;
  api::Input<std::string> start_location;
  api::Input<std::string> start_location_name;
  api::Input<std::string> visit_location;
  api::Input<std::string> visit_location_name;
  api::Input<std::string> visit_place_id;
  api::Input<double> visit_latitude;
  api::Input<double> visit_longitude;
  api::Input<core::UnixSeconds> date_check_in;
  api::Input<core::UnixSeconds> date_check_out;
};

// Activities Enquiry (§4.2.2). Empty lists mean "no filter"; the date range is inclusive.
struct EnquiryInput {
  std::optional<std::string> keyword;
  std::optional<std::string> activity_no;
  std::optional<std::string> customer_code;
  std::vector<std::string> assignees;
  std::vector<std::int64_t> status_ids;
  std::vector<std::int64_t> type_ids;
  std::optional<core::UnixSeconds> date_from;
  std::optional<core::UnixSeconds> date_to;
  std::int64_t take = 0;
  std::int64_t skip = 0;
  std::vector<core::SortTerm> order;
};

}  // namespace ov::activities
