#include "modules/cases/case_routes.hpp"

#include "api/bounds.hpp"
#include "api/envelope.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "core/error.hpp"

namespace ov::cases {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kMaxId;
constexpr std::size_t kSubjectChars = api::kNameChars;
constexpr std::size_t kNoteChars = api::kTextChars;
// Links per case: far above any real case, low enough to keep one write's work bounded.
constexpr std::size_t kMaxLinks = 100;

void check_dates(ObjectReader& r, const api::Input<core::UnixSeconds>& from,
                 const api::Input<core::UnixSeconds>& to) {
  if (from && to && *to < *from) r.problem("dateDue", "dateDue must not be earlier than dateCase");
}

// customerCode, or its alias customerNo (the name the docs' schema uses).
api::Input<std::string> customer_code(ObjectReader& r) {
  auto canonical = r.string("customerCode", Need::kOptional, kCodeChars);
  auto alias = r.string("customerNo", Need::kOptional, kCodeChars);
  // Codes compare case-insensitively (ENDPOINTS.md §1.8), so C000154 and c000154 agree.
  if (canonical.present && alias.present &&
      (canonical.value.has_value() != alias.value.has_value() ||
       (canonical.value && !api::iequals(*canonical.value, *alias.value)))) {
    r.problem("customerCode", "customerCode and customerNo differ");
  }
  return canonical.present ? canonical : alias;
}

AddCaseInput parse_add(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  auto case_type = r.integer("caseType", Need::kRequired, kRequestForAction, kForYourInformation);
  auto subject = r.string("subject", Need::kRequired, kSubjectChars);
  auto customer = customer_code(r);
  auto category = r.integer("categoryId", Need::kRequired, 1, kMaxId);
  auto date_case = r.datetime("dateCase", Need::kRequired, zone);
  auto date_due = r.datetime("dateDue", Need::kRequired, zone);
  check_dates(r, date_case, date_due);
  auto activities = r.string_array("activityNos", Need::kOptional, kMaxLinks, kCodeChars);
  auto deals = r.string_array("dealNos", Need::kOptional, kMaxLinks, kCodeChars);
  auto note = r.string("note", Need::kOptional, kNoteChars);
  auto assignee = r.guid("assignedToUserId", Need::kRequired);
  r.check();
  AddCaseInput in;
  in.case_type = static_cast<int>(*case_type);
  in.subject = *subject;
  in.customer_code = customer.value;
  in.category_id = *category;
  in.date_case = *date_case;
  in.date_due = *date_due;
  if (activities) in.activity_nos = *activities;
  if (deals) in.deal_nos = *deals;
  in.note = note.value;
  in.assigned_to_user_id = *assignee;
  return in;
}

EditCaseInput parse_edit(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  auto subject = r.string("subject", Need::kRequired, kSubjectChars);
  auto customer = customer_code(r);
  auto category = r.integer("categoryId", Need::kRequired, 1, kMaxId);
  auto date_case = r.datetime("dateCase", Need::kRequired, zone);
  auto date_due = r.datetime("dateDue", Need::kRequired, zone);
  check_dates(r, date_case, date_due);
  auto activities = r.string_array("activityNos", Need::kOptional, kMaxLinks, kCodeChars);
  auto deals = r.string_array("dealNos", Need::kOptional, kMaxLinks, kCodeChars);
  auto note = r.string("note", Need::kOptional, kNoteChars);
  auto assignee = r.guid("assignedToUserId", Need::kRequired);
  auto status = r.integer("statusId", Need::kOptional, kStatusOpen, kStatusCancelled);
  r.check();
  EditCaseInput in;
  in.subject = *subject;
  in.customer_code = customer;
  in.category_id = *category;
  in.date_case = *date_case;
  in.date_due = *date_due;
  in.activity_nos = activities;
  in.deal_nos = deals;
  in.note = note;
  in.assigned_to_user_id = *assignee;
  in.status_id = status;
  return in;
}

api::Reply case_reply(const CaseRecord& c, const core::TimeZone& zone) {
  return api::object_reply(c, core::Fields<CaseRecord>(kCaseFields), {&zone});
}

// Case numbers in paths are at most a code's length; longer values cannot name a case.
std::string case_no_param(const http::Request& req) {
  return api::path_code(req, 0, kCodeChars, "Case numbers", "case");
}

}  // namespace

void register_routes(api::Routes& routes, CaseService& service) {
  using http::bhttp::verb;
  auto route = [&](verb method, std::string path, api::Handler handler) {
    routes.add(method, std::move(path), api::Family::kSN, std::move(handler));
  };

  route(verb::post, "/v1/case", [&service](http::Request& req) -> asio::awaitable<api::Reply> {
    auto in = parse_add(req);
    auto c = co_await service.add(api::caller_of(req), std::move(in));
    co_return case_reply(c, *req.zone);
  });

  route(verb::put, "/v1/case/{caseNo}",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto case_no = case_no_param(req);
          auto in = parse_edit(req);
          auto c = co_await service.edit(api::caller_of(req), std::move(case_no), std::move(in));
          co_return case_reply(c, *req.zone);
        });

  route(verb::get, "/v1/case/{caseNo}",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto c = co_await service.get(api::caller_of(req), case_no_param(req));
          co_return case_reply(c, *req.zone);
        });
}

}  // namespace ov::cases
