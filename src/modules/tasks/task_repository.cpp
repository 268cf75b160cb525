#include "modules/tasks/task_repository.hpp"

#include "storage/table.hpp"

namespace ov::tasks {

namespace {

const storage::Table<TaskRecord> kTasks(kTaskEntity);

}  // namespace

std::optional<TaskRecord> TaskRepository::find(std::int64_t company_id, std::int64_t task_id) {
  static const std::string sql = kTasks.select() + " WHERE t.company_id = ? AND t.task_id = ?";
  auto rows = s_.query(sql, {company_id, task_id});
  if (!rows.next()) return std::nullopt;
  return kTasks.read(rows);
}

std::int64_t TaskRepository::insert(const TaskRecord& t) { return kTasks.insert(s_, t); }

std::int64_t TaskRepository::close_deal_tasks(std::int64_t company_id, std::int64_t deals_id) {
  return s_.exec(
      "UPDATE tasks SET status_id = ? WHERE company_id = ? AND deals_id = ? AND status_id = ?",
      {std::int64_t{kStatusDone}, company_id, deals_id, std::int64_t{kStatusOpen}});
}

}  // namespace ov::tasks
