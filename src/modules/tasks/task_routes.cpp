#include "modules/tasks/task_routes.hpp"

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/pipeline.hpp"

namespace ov::tasks {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

TaskInput parse_create(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  auto subject = r.string("subject", Need::kRequired, api::kNameChars);
  auto due = r.datetime("dateDue", Need::kRequired, zone);
  auto assignee = r.guid("assignedToUserId", Need::kRequired);
  auto note = r.string("note", Need::kOptional, api::kTextChars);
  auto priority = r.integer("priority", Need::kOptional, kPriorityLow, kPriorityHigh);
  auto reminder = r.datetime("dateReminder", Need::kOptional, zone);
  if (due && reminder && *reminder > *due) {
    r.problem("dateReminder", "dateReminder must not be later than dateDue");
  }
  auto customer = r.string("customerCode", Need::kOptional, api::kCodeChars);
  auto deal = r.string("dealNo", Need::kOptional, api::kCodeChars);
  auto case_no = r.string("caseNo", Need::kOptional, api::kCodeChars);
  auto activity = r.string("activityNo", Need::kOptional, api::kCodeChars);
  r.check();

  TaskInput in;
  in.subject = *subject;
  in.date_due = *due;
  in.assigned_to_user_id = *assignee;
  in.note = note.value;
  in.priority = static_cast<int>(priority.value.value_or(kPriorityNormal));
  in.date_reminder = reminder.value;
  in.customer_code = customer.value;
  in.deal_no = deal.value;
  in.case_no = case_no.value;
  in.activity_no = activity.value;
  return in;
}

}  // namespace

void register_routes(api::Routes& routes, TaskService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kS);

  section.add(verb::post, "/v1/task",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_create(req);
                const auto caller = api::caller_of(req);
                auto t = co_await service.create(caller, std::move(in));
                co_return api::object_reply(t, core::Fields<TaskRecord>(kTaskFields), {req.zone});
              });
}

}  // namespace ov::tasks
