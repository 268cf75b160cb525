// Customer events, their types and satisfaction answers (ENDPOINTS.md §4.3.5-§4.3.10).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/json_input.hpp"
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
  std::int64_t customer_id = 0;
  std::string event_name;
  core::UnixSeconds event_date = 0;
  std::int64_t event_type = 0;
  std::optional<std::string> description;
};

// Customer event types (§4.3.10): the values of eventType; a new company gets these.
inline constexpr core::MasterSeed kDefaultEventTypes[] = {
    {1, "Meeting"}, {2, "Appointment"}, {3, "Birthday"}, {4, "Anniversary"}, {5, "Other"},
};
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
  std::int64_t customer_id = 0;
  std::string customer_code;
  std::int64_t source_id = 0;
  std::string source_name;
  int source_type = kCsat;
  int point = 0;
  std::optional<std::string> comment;
  std::optional<std::string> answer_by;
  core::UnixSeconds date_created = 0;
};

}  // namespace ov::customer_events
