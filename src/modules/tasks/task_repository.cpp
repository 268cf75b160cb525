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

}  // namespace ov::tasks
