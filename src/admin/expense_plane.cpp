#include "admin/expense_plane.hpp"

#include "admin/operations.hpp"
#include "api/base_url.hpp"
#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/path_params.hpp"
#include "modules/expenses/expense_service.hpp"

namespace ov::admin {

namespace {

namespace asio = boost::asio;
using http::bhttp::verb;

struct Action {
  const char* path;
  expenses::Decision decision;
  api::Need reason;  // a rejection says why; a cancellation may
};
constexpr Action kActions[] = {
    {"/approve", expenses::Decision::kApprove, api::Need::kOptional},
    {"/reject", expenses::Decision::kReject, api::Need::kRequired},
    {"/cancel", expenses::Decision::kCancel, api::Need::kOptional},
};

}  // namespace

void register_expense_routes(AdminRoutes& routes, storage::Database& db, const core::Clock& clock) {
  for (const auto& action : kActions) {
    std::string path = "/admin/v1/companies/{companyId:int64}/expenses/{id}";
    path.append(action.path);
    routes.add(
        verb::post, path, [&db, &clock, action](AdminRequest& req) -> asio::awaitable<AdminReply> {
          const auto company = req.int_param(0);
          // Digits name an expenseId, anything else an expenseNo, as on the public API.
          auto key =
              api::path_id_or_number(req.http(), 1, api::kCodeChars, "Expense numbers", "expense");
          api::ObjectReader r(req.body());
          expenses::DecisionInput in;
          in.decision = action.decision;
          in.reason = r.string("reason", action.reason, api::kTextChars).value;
          in.user_id = r.guid("userId", api::Need::kOptional).value;
          r.check();
          const core::TimeZone* zone = nullptr;
          auto e = co_await db.write([&](storage::Session& s) {
            require_company(s, company);
            zone = &company_zone(s, company);
            const auto id = expenses::decide(s, company, key, in, clock.now(), *zone);
            return expenses::read_expense(s, company, id);
          });
          const auto base = api::request_base_url(req.http());
          co_return json(200, [&](api::JsonWriter& w) {
            api::write_object(w, e, core::Fields<expenses::ExpenseRecord>(expenses::kExpenseFields),
                              {zone, base});
          });
        });
  }
}

}  // namespace ov::admin
