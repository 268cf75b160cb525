// Business rules of the Task section: every reference checked, within the caller's company. No
// HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/tasks/task_types.hpp"
#include "storage/database.hpp"

namespace ov::tasks {

class TaskService {
 public:
  TaskService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  boost::asio::awaitable<TaskRecord> create(const core::Caller& caller, TaskInput in);
  // For tests and the sections that read tasks; 404 when the company has no such task.
  boost::asio::awaitable<TaskRecord> get(const core::Caller& caller, std::int64_t task_id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace ov::tasks
