// Demo data: every record the Venio doc examples refer to, under the documented identifiers,
// so the examples succeed verbatim against a demo company.
#pragma once

#include <cstdint>

#include "core/time.hpp"
#include "storage/database.hpp"

namespace ov::demo {

// The documented GUIDs: the assignee of the case examples, and the user the documented case
// was created and edited by (the demo API client acts as this user).
inline constexpr const char* kAssigneeUserId = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2";
inline constexpr const char* kApiUserId = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";
inline constexpr std::int64_t kCaseCategoryId = 2140016585;
// The staff code of the assignee, the owner of the demo customers (staff codes §1.8).
inline constexpr const char* kOwnerStaffCode = "staff01";
// The second employee of the deal examples (their participantCodes name staff02).
inline constexpr const char* kSecondUserId = "0f8e2c6a-5b1d-4e7f-9a3c-2d4b6e8f1a20";
inline constexpr const char* kSecondStaffCode = "staff02";
// The team both demo employees belong to (ids are per company: the first team is 1).
inline constexpr const char* kDemoTeamName = "Bangkok sales";

// Seeds the company's demo records. Documented internal ids (customerId 705693, feedbackId
// 67941) are used when still free in this database.
void seed_demo_data(storage::Session& s, std::int64_t company_id, core::UnixSeconds now);

}  // namespace ov::demo
