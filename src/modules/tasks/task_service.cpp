#include "modules/tasks/task_service.hpp"

#include "core/error.hpp"
#include "modules/refs.hpp"
#include "modules/tasks/task_repository.hpp"

namespace ov::tasks {

boost::asio::awaitable<TaskRecord> TaskService::create(const core::Caller& caller, TaskInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    const auto company = caller.company_id;
    TaskRecord t;
    t.company_id = company;
    // Lookups in body order; the first unknown record stops the request (ENDPOINTS.md §2.5).
    t.assigned_to_user_id =
        refs::require_employee(s, company, in.assigned_to_user_id, "assignedToUserId").user_id;
    if (in.customer_code) {
      // As cases and activities, tasks are for active customers.
      auto customer = refs::require_active_customer(s, company, *in.customer_code);
      t.customer_id = customer.customer_id;
      t.customer_code = std::move(customer.customer_code);
    }
    if (in.deal_no) {
      auto deal = refs::require_one(*in.deal_no, "dealNo", [&](const std::string& no) {
        return refs::find_deal_ref(s, company, no);
      });
      t.deals_id = deal.id;
      t.deal_no = std::move(deal.number);
    }
    if (in.case_no) {
      auto c = refs::require_one(*in.case_no, "caseNo", [&](const std::string& no) {
        return refs::find_case_ref(s, company, no);
      });
      t.feedback_id = c.id;
      t.case_no = std::move(c.number);
    }
    if (in.activity_no) {
      auto a = refs::require_one(*in.activity_no, "activityNo", [&](const std::string& no) {
        return refs::find_activity_ref(s, company, no);
      });
      t.activity_id = a.id;
      t.activity_no = std::move(a.number);
    }
    t.subject = std::move(in.subject);
    t.note = std::move(in.note);
    t.status_id = kStatusOpen;
    t.priority = in.priority;
    t.date_due = in.date_due;
    t.date_reminder = in.date_reminder;
    t.created_by_user_id = caller.user_id;
    t.date_created = clock_.now();
    t.task_id = TaskRepository(s).insert(t);
    // The record is fully known here: no need to read it back.
    return t;
  });
}

boost::asio::awaitable<TaskRecord> TaskService::get(const core::Caller& caller,
                                                    std::int64_t task_id) {
  auto found = co_await db_.read(
      [&](storage::Session& s) { return TaskRepository(s).find(caller.company_id, task_id); });
  if (!found) throw core::not_found("taskId " + std::to_string(task_id) + " was not found");
  co_return std::move(*found);
}

}  // namespace ov::tasks
