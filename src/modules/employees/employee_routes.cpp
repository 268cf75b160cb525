#include "modules/employees/employee_routes.hpp"

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/paging.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "core/error.hpp"

namespace ov::employees {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kMaxFilterValues;
using api::kMaxId;

// Employees Enquiry's `status` (§7.3): 1 active, 2 inactive.
constexpr std::int64_t kStatusActive = 1;
constexpr std::int64_t kStatusInactive = 2;

// orderBy: a list of fields (§1.9), or the integer a published client sends, of which only 0
// (the default order) has a meaning we know.
std::vector<core::SortTerm> order_of(ObjectReader& r) {
  const std::vector<core::SortTerm> fallback{{kSortByStaffCode, false}};
  // A number, or a string holding one (§1.4 rule 3).
  if (const auto* v = r.find("orderBy"); v && (v->IsNumber() || api::integer_value(*v))) {
    if (api::integer_value(*v) != 0) {
      r.problem("orderBy", "orderBy must be 0 (the default order) or a list of fields");
    }
    return fallback;
  }
  return api::read_order(r, "orderBy", kEmployeeSort, fallback);
}

// Properties a published client sends that this server has no meaning for: accepted when null
// or absent, refused otherwise rather than ignored, since ignoring them would widen the answer.
void unsupported(ObjectReader& r, std::string_view name) {
  if (const auto* v = r.find(name); v && !v->IsNull()) {
    r.problem(name, std::string(name) + " is not supported");
  }
}

EnquiryInput parse_enquiry(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  EnquiryInput in;
  // keyWord (the published client's spelling) is keyword: names match case-insensitively.
  auto keyword = r.string("keyword", Need::kOptional, api::kNameChars);
  auto codes = r.string_array("staffCodes", Need::kOptional, kMaxFilterValues, kCodeChars);
  auto teams = r.integer_list("teamIds", Need::kOptional, 1, kMaxId, kMaxFilterValues);
  auto team = r.integer("teamId", Need::kOptional, 1, kMaxId);
  auto active = r.boolean("isActive", Need::kOptional);
  auto status = r.integer("status", Need::kOptional, kStatusActive, kStatusInactive);
  unsupported(r, "employeeType");
  unsupported(r, "type");
  const auto page = api::read_page(r, {.take = "take", .alias = "pageLength"});
  in.order = order_of(r);
  r.check();

  in.keyword = api::filter_text(keyword);
  if (codes) in.staff_codes = *codes;
  // teamIds wins over its one-team form, as a canonical name over its alias (§1.4).
  if (teams) {
    in.team_ids = *teams;
  } else if (team) {
    in.team_ids = {*team};
  }
  // isActive: absent → active only, null → all (§4.6.1); the client's status the same way
  // when isActive is not sent.
  if (active.present) {
    in.is_active = active.value;
  } else if (status.present) {
    if (status) in.is_active = *status == kStatusActive;
  } else {
    in.is_active = true;
  }
  in.take = page.take;
  in.skip = page.skip;
  return in;
}

}  // namespace

void register_routes(api::Routes& routes, EmployeeService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kV);

  // Also /v1/Employees/Enquiry, the published client's path: literal segments match
  // case-insensitively (§1.1 rule 4).
  section.add(verb::post, "/v1/employees/enquiry",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_enquiry(req);
                const auto caller = api::caller_of(req);
                auto page = co_await service.enquiry(caller, std::move(in));
                co_return api::list_reply(page.items, page.total,
                                          core::Fields<EmployeeRecord>(kEmployeeFields),
                                          {req.zone});
              });

  section.add(
      verb::get, "/v1/employees/{userId}",
      [&service](http::Request& req) -> asio::awaitable<api::Reply> {
        auto key = api::path_code(req, 0, kCodeChars, "Employee ids and staff codes", "employee");
        const auto caller = api::caller_of(req);
        auto e = co_await service.get(caller, std::move(key));
        co_return api::object_reply(e, core::Fields<EmployeeRecord>(kEmployeeFields), {req.zone});
      });
}

}  // namespace ov::employees
