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

// Reads the properties Add and Edit share into `in`; the required ones are set by
// `complete()` once the reader found no problem.
class CaseReader {
 public:
  // `assignee`: Add Case may leave assignedToUserId out, Edit Case may not (§7.2).
  CaseReader(ObjectReader& r, const core::TimeZone& zone, CaseInput& in, Need assignee)
      : r_(r), in_(in) {
    subject_ = r.string("subject", Need::kRequired, kSubjectChars);
    in.customer_code = customer_code(r);
    category_ = r.integer("categoryId", Need::kRequired, 1, kMaxId);
    date_case_ = r.datetime("dateCase", Need::kRequired, zone);
    date_due_ = r.datetime("dateDue", Need::kRequired, zone);
    check_dates(r, date_case_, date_due_);
    in.activity_nos = r.string_array("activityNos", Need::kOptional, kMaxLinks, kCodeChars);
    in.deal_nos = r.string_array("dealNos", Need::kOptional, kMaxLinks, kCodeChars);
    in.note = r.string("note", Need::kOptional, kNoteChars);
    assignee_ = r.guid("assignedToUserId", assignee);
  }

  void complete() {
    r_.check();
    in_.subject = *subject_;
    in_.category_id = *category_;
    in_.date_case = *date_case_;
    in_.date_due = *date_due_;
    in_.assigned_to_user_id = assignee_.value;
  }

 private:
  ObjectReader& r_;
  CaseInput& in_;
  api::Input<std::string> subject_, assignee_;
  api::Input<std::int64_t> category_;
  api::Input<core::UnixSeconds> date_case_, date_due_;
};

AddCaseInput parse_add(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  AddCaseInput in;
  auto case_type = r.integer("caseType", Need::kRequired, kRequestForAction, kForYourInformation);
  CaseReader shared(r, *req.zone, in, Need::kOptional);
  shared.complete();
  in.case_type = static_cast<int>(*case_type);
  return in;
}

EditCaseInput parse_edit(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  EditCaseInput in;
  CaseReader shared(r, *req.zone, in, Need::kRequired);
  in.status_id = r.integer("statusId", Need::kOptional, kStatusOpen, kStatusCancelled);
  shared.complete();
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
  auto section = routes.section(api::Family::kSN);

  section.add(verb::post, "/v1/case",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_add(req);
                auto c = co_await service.add(api::caller_of(req), std::move(in));
                co_return case_reply(c, *req.zone);
              });

  section.add(verb::put, "/v1/case/{caseNo}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto case_no = case_no_param(req);
                auto in = parse_edit(req);
                auto c =
                    co_await service.edit(api::caller_of(req), std::move(case_no), std::move(in));
                co_return case_reply(c, *req.zone);
              });

  section.add(verb::get, "/v1/case/{caseNo}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto c = co_await service.get(api::caller_of(req), case_no_param(req));
                co_return case_reply(c, *req.zone);
              });
}

}  // namespace ov::cases
