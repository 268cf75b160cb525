#include "modules/expenses/expense_routes.hpp"

#include <limits>

#include "api/base_url.hpp"
#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/paging.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace ov::expenses {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kMaxFilterValues;
using api::kMaxId;
using api::kNameChars;
using api::kTextChars;

// Whether property `name` carries a value: present, not null and, for text, not blank.
bool given(const ObjectReader& r, std::string_view name) {
  const auto* v = r.find(name);
  if (!v || v->IsNull()) return false;
  return !v->IsString() ||
         !core::trimmed(std::string_view(v->GetString(), v->GetStringLength())).empty();
}

// One of ExpenseDetails: its fields, then the rules of its type (kLineRules), which name every
// required field the line lacks.
LineInput read_line(ObjectReader& r) {
  LineInput in;
  auto& l = in.line;
  in.expense_detail_id = r.integer("expenseDetailId", Need::kOptional, 1, kMaxId).value;
  auto type = r.integer("expenseTypeId", Need::kRequired, kFirstType, kLastType);
  auto amount = r.money("amount", Need::kOptional);
  l.night = r.integer("night", Need::kOptional, 1, kMaxNights).value;
  l.miles_start = r.integer("milesStart", Need::kOptional, 0, kMaxMiles).value;
  l.miles_end = r.integer("milesEnd", Need::kOptional, 0, kMaxMiles).value;
  l.training_title = r.string("trainingTitle", Need::kOptional, kNameChars).value;
  l.hours = r.integer("hours", Need::kOptional, 0, kMaxHours).value;
  l.minutes = r.integer("minutes", Need::kOptional, 0, 59).value;
  l.taxi = r.money("taxi", Need::kOptional).value;
  l.tollway = r.money("tollway", Need::kOptional).value;
  l.parking = r.money("parking", Need::kOptional).value;
  l.person = r.integer("person", Need::kOptional, 1, kMaxPersons).value;
  l.note = r.string("note", Need::kOptional, kTextChars).value.value_or("");
  l.used_fuel_card = r.boolean("usedFuelCard", Need::kOptional).value;
  l.category_id = r.integer("categoryId", Need::kOptional, 1, kMaxId).value;
  if (!type) return in;
  const auto& rule = *find_rule(*type);
  l.expense_type_id = static_cast<int>(*type);
  const std::string of_type =
      " for expense type " + std::to_string(rule.type_id) + " (" + std::string(rule.name) + ")";
  for (auto field : rule.required) {
    if (!given(r, field)) r.problem(field, r.path(field) + " is required" + of_type);
  }
  if (rule.amount_from_fares) {
    if (!given(r, "taxi") && !given(r, "tollway") && !given(r, "parking")) {
      r.problem("taxi", r.path("taxi") + ", " + r.path("tollway") + " or " + r.path("parking") +
                            " is required" + of_type);
    }
    // The fares are the amount; a given `amount` is ignored (§4.7).
    l.amount = core::Decimal::of(0);
    for (const auto* fare : {&l.taxi, &l.tollway, &l.parking}) {
      if (*fare) l.amount += **fare;
    }
  } else {
    l.amount = amount.value.value_or(core::Decimal::of(0));
  }
  if (l.miles_start && l.miles_end && *l.miles_end <= *l.miles_start) {
    r.problem("milesEnd", r.path("milesEnd") + " must be greater than " + r.path("milesStart"));
  }
  return in;
}

// The activityId of a body: a numeric id or an activityNo, as a string or a number (the docs
// type it as a string).
api::Input<std::string> read_activity(ObjectReader& r) {
  api::Input<std::string> in;
  const auto* v = r.find("activityId");
  if (!v) return in;
  in.present = true;
  if (v->IsNull()) return in;
  if (v->IsNumber()) {
    auto id = r.integer("activityId", Need::kOptional, 1, kMaxId);
    if (id) in.value = std::to_string(*id);
    return in;
  }
  // A blank activityId links nothing.
  in.value = api::filter_text(r.string("activityId", Need::kOptional, kCodeChars));
  return in;
}

// Create Expense (§4.7.1) and Update Expense (§4.7.2): one body.
ExpenseInput parse_expense(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  ExpenseInput in;
  // PascalCase in the docs; property names compare case-insensitively.
  auto lines = r.object_list("ExpenseDetails", Need::kRequired, kMaxLines, read_line);
  if (lines && lines->empty()) {
    r.problem("ExpenseDetails", "ExpenseDetails must have at least one line");
  }
  auto subject = r.string("subject", Need::kRequired, kNameChars);
  in.activity = read_activity(r);
  in.date_transaction = r.datetime("dateTransaction", Need::kOptional, *req.zone);
  in.remark = r.string("remark", Need::kOptional, kTextChars);
  in.attachments = attachments::read_input(r);
  r.check();
  in.lines = std::move(*lines.value);
  in.subject = std::move(*subject.value);
  return in;
}

// statusIds (§4.7.3): status ids as strings (as the docs send them) or numbers. An entry that
// names no status matches no expense; an empty list filters nothing.
std::optional<std::vector<int>> read_statuses(ObjectReader& r) {
  const auto* v = r.find("statusIds");
  if (!v || v->IsNull()) return std::nullopt;
  if (!v->IsArray() || v->Size() > kMaxFilterValues) {
    r.problem("statusIds", "statusIds must be an array of at most " +
                               std::to_string(kMaxFilterValues) + " status ids");
    return std::nullopt;
  }
  if (v->Empty()) return std::nullopt;
  std::vector<int> out;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const auto& item = (*v)[i];
    if (!item.IsString() && !item.IsNumber()) {
      const std::string field = "statusIds[" + std::to_string(i) + "]";
      r.problem("statusIds", field + " must be a status id (a string or a number)");
      continue;
    }
    auto id = api::integer_value(item);
    if (id && is_status(*id)) out.push_back(static_cast<int>(*id));
  }
  return out;
}

EnquiryInput parse_enquiry(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  EnquiryInput in;
  // Any integer is read, so that every wrong one gets the same message.
  auto type =
      r.integer("expenseTypeId", Need::kRequired, std::numeric_limits<std::int64_t>::min(), kMaxId);
  if (type && *type != 0 && !find_rule(*type)) {
    r.problem("expenseTypeId", "expenseTypeId must be 0 (every type) or 1001 to 1008");
  }
  in.status_ids = read_statuses(r);
  auto staff = r.string_array("staffCodes", Need::kOptional, kMaxFilterValues, kCodeChars);
  auto text = r.string("searchText", Need::kOptional, kNameChars);
  auto start = r.datetime("dateStart", Need::kOptional, zone);
  // A date-only dateEnd covers its whole local day (§1.6).
  auto end = r.range_end("dateEnd", Need::kOptional, zone);
  if (start && end && *end < *start) {
    r.problem("dateEnd", "dateEnd must not be earlier than dateStart");
  }
  const auto page =
      api::read_page(r, {.take = "take", .need = Need::kOptional, .fallback = kDefaultTake});
  r.check();
  in.expense_type_id = type ? static_cast<int>(*type) : 0;
  if (staff) in.staff_codes = *staff;
  in.search_text = api::filter_text(text);
  in.date_start = start.value;
  in.date_end = end.value;
  in.take = page.take;
  in.skip = page.skip;
  return in;
}

api::Reply expense_reply(const ExpenseRecord& e, const http::Request& req) {
  const auto base = api::request_base_url(req);
  return api::object_reply(e, core::Fields<ExpenseRecord>(kExpenseFields), {req.zone, base});
}

// Digits name an expenseId, anything else an expenseNo (§4.7.2).
api::IdOrNumber expense_key(const http::Request& req) {
  return api::path_id_or_number(req, 0, kCodeChars, "Expense numbers", "expense");
}

}  // namespace

void register_routes(api::Routes& routes, ExpenseService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kV);

  // Paths compare case-insensitively: /v1/Expenses and /v1/expenses are these routes.
  section.add(verb::post, "/v1/expenses",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_expense(req);
                const auto caller = api::caller_of(req);
                auto e = co_await service.create(caller, std::move(in));
                co_return expense_reply(e, req);
              });

  section.add(verb::put, "/v1/expenses/{id}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto key = expense_key(req);
                auto in = parse_expense(req);
                const auto caller = api::caller_of(req);
                auto e = co_await service.update(caller, std::move(key), std::move(in));
                co_return expense_reply(e, req);
              });

  section.add(verb::post, "/v1/expenses/enquiry",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_enquiry(req);
                const auto caller = api::caller_of(req);
                auto groups = co_await service.enquiry(caller, std::move(in));
                co_return api::list_reply(groups, core::Fields<ExpenseGroup>(kGroupFields),
                                          {req.zone});
              });

  section.add(verb::get, "/v1/expenses/{id}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto key = expense_key(req);
                const auto caller = api::caller_of(req);
                auto e = co_await service.get(caller, std::move(key));
                co_return expense_reply(e, req);
              });
}

}  // namespace ov::expenses
