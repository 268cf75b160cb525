// SQL of the Task section. Every statement is confined to one company.
#pragma once

#include <optional>

#include "modules/tasks/task_types.hpp"
#include "storage/database.hpp"

namespace ov::tasks {

class TaskRepository {
 public:
  explicit TaskRepository(storage::Session& s) : s_(s) {}

  std::optional<TaskRecord> find(std::int64_t company_id, std::int64_t task_id);
  // Returns the task's task_id.
  std::int64_t insert(const TaskRecord& t);
  // Marks every open task linked to the deal as done (Update Deal's markAllTaskAsDone);
  // returns how many were open.
  std::int64_t close_deal_tasks(std::int64_t company_id, std::int64_t deals_id);

 private:
  storage::Session& s_;
};

}  // namespace ov::tasks
