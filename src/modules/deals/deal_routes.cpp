#include "modules/deals/deal_routes.hpp"

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/paging.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "core/error.hpp"

namespace ov::deals {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kMaxFilterValues;
using api::kMaxId;
using api::kNameChars;
using api::kTextChars;
// Customers of one deal: a buying group, not a customer list.
constexpr std::size_t kMaxCustomers = 20;
// Participants, interests and labels of one deal: more than a sales team or a board's
// vocabulary holds, few enough to keep one write's work bounded.
constexpr std::size_t kMaxParticipants = 50;
constexpr std::size_t kMaxInterests = 50;
constexpr std::size_t kMaxLabels = 50;

// Create Deal (§4.5.1) or, with `creating` false, Update Deal (§4.5.2): the same fields but
// the customers and the board, which cannot change.
DealInput parse_deal(const http::Request& req, bool creating) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  const auto create_only = creating ? Need::kRequired : Need::kOptional;
  DealInput in;
  auto customers = r.string_array("customerCodes", create_only, kMaxCustomers, kCodeChars);
  auto board = r.integer("boardId", create_only, 1, kMaxId);
  if (!creating) {
    if (customers.present) r.problem("customerCodes", "customerCodes cannot be changed");
    if (board.present) r.problem("boardId", "boardId cannot be changed");
  } else if (customers && customers->empty()) {
    r.problem("customerCodes", "customerCodes must name at least one customer");
  }
  auto name = r.string("dealName", Need::kRequired, kNameChars);
  // Required by the docs' schema, absent from their own update sample: absent keeps (§6 #4).
  in.probability = r.integer("probability", create_only, 0, 100);
  in.deal_quantity = r.quantity("dealQuantity", Need::kOptional);
  in.deal_quantity_unit = r.string("dealQuantityUnit", Need::kOptional, kNameChars);
  auto value = r.money("dealValue", Need::kRequired);
  in.interest_ids = r.integer_list("dealInterests", Need::kOptional, 1, kMaxId, kMaxInterests);
  in.label_ids = r.integer_list("dealLabels", Need::kOptional, 1, kMaxId, kMaxLabels);
  in.deal_date = r.datetime("dealDate", Need::kOptional, zone);
  auto close = r.datetime("expectedCloseDate", Need::kRequired, zone);
  in.note = r.string("note", Need::kOptional, kTextChars);
  auto owner = r.string("assignTo", Need::kRequired, kCodeChars);
  in.participant_codes =
      r.string_array("participantCodes", Need::kOptional, kMaxParticipants, kCodeChars);
  in.date_follow_up = r.datetime("dateFollowUp", Need::kOptional, zone);
  in.follow_up_notes = r.string("followUpNotes", Need::kOptional, kTextChars);
  in.remark = r.string("remark", Need::kOptional, kTextChars);
  in.deal_stage_id = r.integer("dealStageId", Need::kOptional, 1, kMaxId);
  in.reason_category_id = r.integer("reasonCategoryId", Need::kOptional, 1, kMaxId);
  auto mark_done = r.boolean("markAllTaskAsDone", Need::kOptional);
  // The documented spelling.
  in.cancel_all_order = r.boolean("cancleAllOrder", Need::kOptional);
  r.check();

  if (creating) {
    in.customer_codes = *customers;
    in.board_id = *board;
  }
  in.deal_name = *name;
  in.deal_value = *value;
  in.expected_close_date = *close;
  in.assign_to = *owner;
  in.mark_all_task_as_done = mark_done && *mark_done;
  return in;
}

EnquiryInput parse_enquiry(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  EnquiryInput in;
  // The legacy example sends [0]: no stage has id 0, so a 0 filters nothing (as the legacy
  // customer enquiry's zeros, §4.3.3).
  auto stages = r.integer_list("dealStageIds", Need::kOptional, 0, kMaxId, kMaxFilterValues);
  const auto page = api::read_page(r, {.take = "take", .alias = "pageLength"});
  in.order = api::read_order(r, "orderBy", kDealSort, {{kSortByDate, true}, {kSortById, true}});
  auto keyword = r.string("keyword", Need::kOptional, kNameChars);
  auto board = r.integer("boardId", Need::kOptional, 1, kMaxId);
  auto statuses =
      r.integer_list("statusIds", Need::kOptional, kStatusOpen, kStatusLost, kMaxFilterValues);
  auto customer = r.string("customerCode", Need::kOptional, kCodeChars);
  auto owner = r.string("assignTo", Need::kOptional, kCodeChars);
  auto from = r.datetime("dateFrom", Need::kOptional, zone);
  // A date-only dateTo covers its whole local day (§1.6).
  auto to = r.range_end("dateTo", Need::kOptional, zone);
  if (from && to && *to < *from) r.problem("dateTo", "dateTo must not be earlier than dateFrom");
  r.check();

  if (stages) {
    for (auto id : *stages) {
      if (id != 0) in.stage_ids.push_back(id);
    }
  }
  in.take = page.take;
  in.skip = page.skip;
  in.keyword = api::filter_text(keyword);
  in.board_id = board.value;
  if (statuses) in.status_ids = *statuses;
  in.customer_code = api::filter_text(customer);
  in.assign_to = api::filter_text(owner);
  in.date_from = from.value;
  in.date_to = to.value;
  return in;
}

api::Reply deal_reply(const DealRecord& d, const core::TimeZone& zone) {
  return api::object_reply(d, core::Fields<DealRecord>(kDealFields), {&zone});
}

// Digits name a dealsId, anything else a dealNo (§4.5.2, §6 point 5).
api::IdOrNumber deal_key(const http::Request& req) {
  return api::path_id_or_number(req, 0, kCodeChars, "Deal numbers", "deal");
}

}  // namespace

void register_routes(api::Routes& routes, DealService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kV);

  section.add(verb::post, "/v1/deals",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_deal(req, true);
                const auto caller = api::caller_of(req);
                auto d = co_await service.create(caller, std::move(in));
                co_return deal_reply(d, *req.zone);
              });

  section.add(verb::put, "/v1/deals/{id}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto key = deal_key(req);
                auto in = parse_deal(req, false);
                const auto caller = api::caller_of(req);
                auto d = co_await service.update(caller, std::move(key), std::move(in));
                co_return deal_reply(d, *req.zone);
              });

  // The legacy path /v1/Deals/Enquiry is this route (paths compare case-insensitively).
  section.add(verb::post, "/v1/deals/enquiry",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_enquiry(req);
                const auto caller = api::caller_of(req);
                auto page = co_await service.enquiry(caller, std::move(in));
                co_return api::list_reply(page.items, page.total,
                                          core::Fields<DealRecord>(kDealListFields), {req.zone});
              });

  section.add(verb::get, "/v1/deals/{id}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto key = deal_key(req);
                const auto caller = api::caller_of(req);
                auto d = co_await service.get(caller, std::move(key));
                co_return deal_reply(d, *req.zone);
              });
}

}  // namespace ov::deals
