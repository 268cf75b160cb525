// Customer events, their types and satisfaction answers (ENDPOINTS.md §4.3.5-§4.3.10).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/master_list.hpp"
#include "core/time.hpp"
#include "modules/refs.hpp"

namespace ov::customer_events {

// Satisfaction source types (documented) and their point scales.
inline constexpr int kCsat = 1;
inline constexpr int kNps = 2;
inline constexpr int kCsatMaxPoint = 5;
inline constexpr int kNpsMaxPoint = 10;

// #14 returns all of a customer's events in one unpaged array (the Venio endpoint has no
// paging); this many keeps that reply around a few megabytes.
inline constexpr std::int64_t kMaxEventsPerCustomer = 10000;

using refs::CustomerRef;

struct EventRecord {
  std::int64_t event_id = 0;
  std::int64_t company_id = 0;
  std::int64_t customer_id = 0;
  std::string event_name;
  core::UnixSeconds event_date = 0;
  std::int64_t event_type = 0;
  std::optional<std::string> description;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
  std::string updated_by_user_id;
  core::UnixSeconds date_updated = 0;
};

// The customer event object (§4.3) and its row. Edit Customer Event shows the first five
// fields only (it omits customerId, as documented).
inline constexpr core::Field<EventRecord> kEventFields[] = {
    {"eventId", "event_id", &EventRecord::event_id, core::Store::kRead},
    {"eventName", "event_name", &EventRecord::event_name},
    {"eventDate", "event_date", &EventRecord::event_date, core::FieldKind::kDateTime},
    {"eventType", "event_type_id", &EventRecord::event_type},
    {"description", "description", &EventRecord::description},
    {"customerId", "customer_id", &EventRecord::customer_id},
    core::column_only<EventRecord>("company_id", &EventRecord::company_id, core::Store::kInsert),
    core::column_only<EventRecord>("created_by_user_id", &EventRecord::created_by_user_id,
                                   core::Store::kInsert),
    core::column_only<EventRecord>("date_created", &EventRecord::date_created,
                                   core::Store::kInsert),
    core::column_only<EventRecord>("updated_by_user_id", &EventRecord::updated_by_user_id),
    core::column_only<EventRecord>("date_updated", &EventRecord::date_updated),
};
inline constexpr core::Entity<EventRecord> kEventEntity{"customer_events", "e", kEventFields,
                                                        "event_id"};
inline constexpr auto kEditedEventFields = core::Fields<EventRecord>(kEventFields).first(5);

// Customer event types (§4.3.10): the values of eventType; a new company gets these.
inline constexpr core::MasterSeed kDefaultEventTypes[] = {
    {1, "Meeting"}, {2, "Appointment"}, {3, "Birthday"}, {4, "Anniversary"}, {5, "Other"},
};
inline constexpr core::MasterReference kEventTypeReferences[] = {
    {"customer_events", "event_type_id"}};
inline constexpr core::MasterList kEventTypes{
    .path = "/v1/customerEvent/event-types",
    .table = "customer_event_types",
    .id_column = "event_type_id",
    .name_column = "name",
    .id_key = "eventTypeId",
    .name_key = "eventTypeName",
    .field = "eventType",
    .rows = core::ListedRows::kActive,
    .order = "event_type_id",
    .seeds = kDefaultEventTypes,
    .admin_kind = "customer-event-types",
    .references = kEventTypeReferences,
};

// The body of Add and Edit Customer Event. On Edit an absent description keeps the stored
// one and null clears it (ENDPOINTS.md §1.5).
struct EventInput {
  std::string event_name;
  std::int64_t event_type = 0;
  core::UnixSeconds event_date = 0;
  api::Input<std::string> description;
  std::string customer_code;
};

// Query and body of Get Customer Events by Customer Code; the range is inclusive.
struct EventFilter {
  std::string customer_code;
  std::vector<std::int64_t> event_type_ids;  // empty: every type
  std::optional<core::UnixSeconds> date_from;
  std::optional<core::UnixSeconds> date_to;
};

struct SatisfactionInput {
  std::optional<std::string> answer_by;
  std::string source_name;
  int source_type = kCsat;
  int point = 0;
  std::optional<std::string> comment;
  std::string customer_code;
  core::UnixSeconds date_created = 0;
};

struct SatisfactionRecord {
  std::int64_t satisfaction_id = 0;
  std::int64_t company_id = 0;
  std::int64_t customer_id = 0;
  std::string customer_code;
  std::int64_t source_id = 0;
  std::string source_name;
  int source_type = kCsat;
  int point = 0;
  std::optional<std::string> comment;
  std::optional<std::string> answer_by;
  core::UnixSeconds date_created = 0;  // when the customer answered
  std::string created_by_user_id;
  core::UnixSeconds recorded_at = 0;  // when it was stored
};

// The satisfaction answer of Create Customer Satisfaction (§4.3.5, designed payload) and its
// row; the customer's code and the source's name and type come from their own tables.
inline constexpr core::Field<SatisfactionRecord> kSatisfactionFields[] = {
    {"satisfactionId", "satisfaction_id", &SatisfactionRecord::satisfaction_id, core::Store::kRead},
    {"customerId", "customer_id", &SatisfactionRecord::customer_id},
    core::json_only<SatisfactionRecord>("customerCode", &SatisfactionRecord::customer_code),
    {"sourceId", "source_id", &SatisfactionRecord::source_id},
    core::json_only<SatisfactionRecord>("sourceName", &SatisfactionRecord::source_name),
    core::json_only<SatisfactionRecord>("sourceType", &SatisfactionRecord::source_type),
    {"point", "point", &SatisfactionRecord::point},
    {"comment", "comment", &SatisfactionRecord::comment},
    {"answerBy", "answer_by", &SatisfactionRecord::answer_by},
    {"dateCreated", "date_answered", &SatisfactionRecord::date_created, core::FieldKind::kDateTime},
    core::column_only<SatisfactionRecord>("company_id", &SatisfactionRecord::company_id,
                                          core::Store::kInsert),
    core::column_only<SatisfactionRecord>(
        "created_by_user_id", &SatisfactionRecord::created_by_user_id, core::Store::kInsert),
    core::column_only<SatisfactionRecord>("recorded_at", &SatisfactionRecord::recorded_at,
                                          core::Store::kInsert),
};
inline constexpr core::Entity<SatisfactionRecord> kSatisfactionEntity{
    "customer_satisfactions", "cs", kSatisfactionFields, "satisfaction_id"};

}  // namespace ov::customer_events
