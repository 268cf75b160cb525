// The Task section's records and inputs (ENDPOINTS.md §4.12).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/fields.hpp"
#include "core/time.hpp"

namespace ov::tasks {

// Task statuses and priorities (designed enums of §4.12).
inline constexpr int kStatusOpen = 1;
inline constexpr int kStatusDone = 2;
inline constexpr int kPriorityLow = 1;
inline constexpr int kPriorityNormal = 2;
inline constexpr int kPriorityHigh = 3;

struct TaskRecord {
  std::int64_t task_id = 0;
  std::int64_t company_id = 0;
  std::string subject;
  std::optional<std::string> note;
  int status_id = kStatusOpen;
  int priority = kPriorityNormal;
  core::UnixSeconds date_due = 0;
  std::optional<core::UnixSeconds> date_reminder;
  std::string assigned_to_user_id;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_code;
  // The deal link is what Update Deal's markAllTaskAsDone closes.
  std::optional<std::int64_t> deals_id;
  std::optional<std::string> deal_no;
  std::optional<std::int64_t> feedback_id;
  std::optional<std::string> case_no;
  std::optional<std::int64_t> activity_id;
  std::optional<std::string> activity_no;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
};

// The task object of §4.12 in its order, and where each field is stored: the linked records by
// id, their numbers read from their own rows (numbers never change).
inline constexpr core::Field<TaskRecord> kTaskFields[] = {
    {"taskId", "task_id", &TaskRecord::task_id, core::Store::kRead},
    {"subject", "subject", &TaskRecord::subject},
    {"note", "note", &TaskRecord::note},
    {"statusId", "status_id", &TaskRecord::status_id},
    {"priority", "priority", &TaskRecord::priority},
    {"dateDue", "date_due", &TaskRecord::date_due, core::FieldKind::kDateTime},
    {"dateReminder", "date_reminder", &TaskRecord::date_reminder, core::FieldKind::kDateTime},
    {"assignedToUserId", "assigned_to_user_id", &TaskRecord::assigned_to_user_id},
    {"customerId", "customer_id", &TaskRecord::customer_id},
    {"customerCode", "cu.customer_code", &TaskRecord::customer_code, core::Store::kRead},
    {"dealNo", "d.deal_no", &TaskRecord::deal_no, core::Store::kRead},
    {"caseNo", "cs.feedback_no", &TaskRecord::case_no, core::Store::kRead},
    {"activityNo", "ac.activity_no", &TaskRecord::activity_no, core::Store::kRead},
    {"createdByUserId", "created_by_user_id", &TaskRecord::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &TaskRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    core::column_only<TaskRecord>("company_id", &TaskRecord::company_id, core::Store::kInsert),
    core::column_only<TaskRecord>("deals_id", &TaskRecord::deals_id),
    core::column_only<TaskRecord>("feedback_id", &TaskRecord::feedback_id),
    core::column_only<TaskRecord>("activity_id", &TaskRecord::activity_id),
};
inline constexpr core::Entity<TaskRecord> kTaskEntity{
    "tasks", "t", kTaskFields, "task_id",
    " LEFT JOIN customers cu ON cu.customer_id = t.customer_id AND cu.company_id = t.company_id"
    " LEFT JOIN deals d ON d.deals_id = t.deals_id AND d.company_id = t.company_id"
    " LEFT JOIN cases cs ON cs.feedback_id = t.feedback_id AND cs.company_id = t.company_id"
    " LEFT JOIN activities ac ON ac.activity_id = t.activity_id AND ac.company_id = t.company_id"};

// CreateTask (§4.12.1).
struct TaskInput {
  std::string subject;
  core::UnixSeconds date_due = 0;
  std::string assigned_to_user_id;
  std::optional<std::string> note;
  int priority = kPriorityNormal;
  std::optional<core::UnixSeconds> date_reminder;
  std::optional<std::string> customer_code;
  std::optional<std::string> deal_no;
  std::optional<std::string> case_no;
  std::optional<std::string> activity_no;
};

}  // namespace ov::tasks
