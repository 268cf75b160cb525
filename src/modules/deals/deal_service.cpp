#include "modules/deals/deal_service.hpp"

#include <algorithm>

#include "api/update.hpp"
#include "core/error.hpp"
#include "core/numbers.hpp"
#include "modules/deals/deal_repository.hpp"
#include "modules/refs.hpp"
#include "modules/tasks/task_repository.hpp"
#include "storage/limited_read.hpp"
#include "storage/master_lists.hpp"
#include "storage/sequences.hpp"
#include "webhooks/events.hpp"

namespace ov::deals {

namespace {

// Positions of the stage list's extras (kStageColumns).
constexpr std::size_t kStageBoard = 0;
constexpr std::size_t kStageType = 3;

std::int64_t extra_int(const storage::MasterRow& row, std::size_t i) {
  const auto* v = std::get_if<std::int64_t>(&row.extras.at(i));
  return v ? *v : 0;
}

std::optional<DealRecord> find_deal(DealRepository& repo, std::int64_t company,
                                    const api::IdOrNumber& key) {
  if (key.id) return repo.find_by_id(company, *key.id);
  return repo.find_by_no(company, key.number);
}

[[noreturn]] void deal_not_found(const api::IdOrNumber& key) {
  if (key.id) throw core::not_found("dealsId " + std::to_string(*key.id) + " was not found");
  throw core::not_found("dealNo " + key.number + " was not found");
}

// The stage `id`, which must be active (unless the deal is already in it) and on `board`.
storage::MasterRow require_stage(storage::Session& s, std::int64_t company, std::int64_t id,
                                 std::int64_t board, bool kept) {
  auto stage = storage::require_master(s, kDealStages, company, id, !kept);
  if (extra_int(stage, kStageBoard) != board) {
    throw core::business_rule("dealStageId " + std::to_string(id) + " is not a stage of board " +
                              std::to_string(board));
  }
  return stage;
}

// A board's first active stage (lowest seq): where a new deal goes when none is named.
storage::MasterRow first_stage(storage::Session& s, std::int64_t company, std::int64_t board) {
  auto id = s.query_i64(
      "SELECT deal_stage_id FROM deal_stages WHERE company_id = ? AND board_id = ? AND "
      "is_active = 1 ORDER BY seq, deal_stage_id LIMIT 1",
      {company, board});
  if (!id) {
    throw core::business_rule("boardId " + std::to_string(board) + " has no active stage");
  }
  return storage::require_master(s, kDealStages, company, *id, true);
}

// Staff codes as stored, each once, in request order; each an active employee's.
std::vector<std::string> resolve_staff(storage::Session& s, std::int64_t company,
                                       const std::vector<std::string>& codes,
                                       std::string_view field) {
  std::vector<std::string> out;
  for (const auto& code : codes) {
    auto e = refs::require_employee_by_staff_code(s, company, code, field);
    auto stored = e.staff_code.value_or(code);
    if (std::find(out.begin(), out.end(), stored) == out.end()) out.push_back(std::move(stored));
  }
  return out;
}

// Puts `d` into `stage`, its type giving the status: a card that changes column leaves the
// one it was in and goes last in the new one (§4.5, dealsIndex).
void place(DealRepository& repo, DealRecord& d, const storage::MasterRow& stage, bool fresh) {
  if (fresh || d.deal_stage_id != stage.id) {
    if (!fresh) repo.leave_card(d);
    d.deal_stage_id = stage.id;
    repo.take_card(d);
  }
  d.status_id = static_cast<int>(extra_int(stage, kStageType));
}

// What create and update share once the stage is known: the fields of the body, in body
// order, their references (the first unknown one stops the request), and the closing rules.
void apply(storage::Session& s, const core::Caller& caller, DealRecord& d, const DealInput& in,
           core::UnixSeconds now) {
  const auto company = caller.company_id;
  d.deals_name = in.deal_name;
  using api::patch;
  if (in.probability) d.probability = static_cast<int>(*in.probability);
  patch(d.deal_quantity, in.deal_quantity);
  patch(d.deal_quantity_unit, in.deal_quantity_unit);
  d.deals_value = in.deal_value;
  if (in.interest_ids.present) {
    d.interest_ids = storage::require_masters(
        s, kDealInterests, company,
        in.interest_ids ? *in.interest_ids : std::vector<std::int64_t>{}, d.interest_ids);
  }
  if (in.label_ids.present) {
    d.label_ids = storage::require_masters(
        s, kDealLabels, company, in.label_ids ? *in.label_ids : std::vector<std::int64_t>{},
        d.label_ids);
  }
  patch(d.deals_date, in.deal_date);
  d.expected_close_date = in.expected_close_date;
  patch(d.notes, in.note);
  d.assign_to = resolve_staff(s, company, {in.assign_to}, "assignTo").front();
  if (in.participant_codes.present) {
    d.participant_codes = resolve_staff(
        s, company, in.participant_codes ? *in.participant_codes : std::vector<std::string>{},
        "participantCodes");
  }
  patch(d.date_follow_up, in.date_follow_up);
  patch(d.follow_up_notes, in.follow_up_notes);
  patch(d.remark, in.remark);
  patch(d.cancel_all_order, in.cancel_all_order);
  // A lost deal names why (§4.5.2); a won or open one has no missed reason.
  if (d.status_id == kStatusLost) {
    const auto stored = d.reason_category_id;
    if (in.reason_category_id.present) d.reason_category_id = in.reason_category_id.value;
    if (!d.reason_category_id) {
      throw core::validation("reasonCategoryId",
                             "reasonCategoryId is required when the deal's stage is a lost stage");
    }
    // A reason made inactive stays on the deals that have it, but cannot be newly given.
    storage::require_master(s, kMissedReasons, company, *d.reason_category_id,
                            d.reason_category_id != stored);
  } else {
    d.reason_category_id.reset();
  }
  d.modified_by_user_id = caller.user_id;
  d.date_modified = now;
}

}  // namespace

DealRecord create_deal(storage::Session& s, const core::Caller& caller, const DealInput& in,
                       core::UnixSeconds now, const std::string& deal_no) {
  DealRepository repo(s);
  const auto company = caller.company_id;
  repo.lock_company(company);
  DealRecord d;
  d.company_id = company;
  // The customers first (the first is the main one), each once.
  std::vector<std::int64_t> customer_ids;
  for (const auto& code : in.customer_codes) {
    auto c = refs::require_active_customer(s, company, code, "customerCodes");
    if (std::find(customer_ids.begin(), customer_ids.end(), c.customer_id) != customer_ids.end()) {
      continue;
    }
    customer_ids.push_back(c.customer_id);
    d.customer_codes.push_back(std::move(c.customer_code));
  }
  d.customer_id = customer_ids.front();
  storage::require_master(s, kDealBoards, company, in.board_id, true);
  d.board_id = in.board_id;
  auto stage = in.deal_stage_id ? require_stage(s, company, *in.deal_stage_id, d.board_id, false)
                                : first_stage(s, company, d.board_id);
  d.deals_date = now;
  place(repo, d, stage, true);
  apply(s, caller, d, in, now);
  // Numbered once every reference is known to exist; the number is taken in this
  // transaction, so a failed create gives it back.
  d.deal_no = deal_no.empty()
                  ? storage::next_number(s, company, core::kDealNumber, now, *caller.zone)
                  : deal_no;
  d.created_by_user_id = caller.user_id;
  d.date_created = now;
  repo.insert(d, customer_ids, false);
  webhooks::emit(s, company, webhooks::kDealCreated,
                 {{"DealNo", d.deal_no}, {"DealsId", d.deals_id}}, now, *caller.zone);
  return d;
}

boost::asio::awaitable<DealRecord> DealService::create(const core::Caller& caller, DealInput in) {
  const auto id = co_await db_.write(
      [&](storage::Session& s) { return create_deal(s, caller, in, clock_.now()).deals_id; });
  co_return co_await read_back(caller, id);
}

boost::asio::awaitable<DealRecord> DealService::read_back(const core::Caller& caller,
                                                          std::int64_t deals_id) {
  // After the commit, on a read connection: the writer only writes, and the reply shows the
  // deal as stored, its dealsIndex its rank in the column.
  auto found = co_await db_.read([&](storage::Session& s) {
    return DealRepository(s).find_by_id(caller.company_id, deals_id);
  });
  if (!found) throw core::not_found("dealsId " + std::to_string(deals_id) + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<DealRecord> DealService::update(const core::Caller& caller,
                                                       api::IdOrNumber key, DealInput in) {
  const auto id = co_await db_.write([&](storage::Session& s) {
    DealRepository repo(s);
    const auto company = caller.company_id;
    const auto now = clock_.now();
    auto found = repo.find_for_update(company, key.id, key.number);
    if (!found) deal_not_found(key);
    DealRecord d = std::move(*found);
    const DealRecord before = d;
    const int previous_status = d.status_id;
    const std::int64_t from = d.deal_stage_id;
    if (in.deal_stage_id) {
      place(repo, d,
            require_stage(s, company, *in.deal_stage_id, d.board_id, *in.deal_stage_id == from),
            false);
    }
    apply(s, caller, d, in, now);
    repo.update(before, d);
    if (in.interest_ids.present) repo.set_interests(d);
    if (in.label_ids.present) repo.set_labels(d);
    if (in.mark_all_task_as_done) tasks::TaskRepository(s).close_deal_tasks(company, d.deals_id);
    if (orders_ && d.status_id == kStatusLost && in.cancel_all_order && *in.cancel_all_order) {
      orders_->cancel_open_orders(s, caller, d, now);
    }
    // §5.3: Updated, then StatusChanged when the status changed (won, lost or reopened).
    webhooks::Outbox events(s, company, now, *caller.zone);
    events.emit(webhooks::kDealUpdated, {{"DealNo", d.deal_no}, {"DealsId", d.deals_id}});
    if (d.status_id != previous_status) {
      events.emit(webhooks::kDealStatusChanged, {{"DealNo", d.deal_no},
                                                 {"DealsId", d.deals_id},
                                                 {"PreviousStatus", previous_status},
                                                 {"Status", d.status_id}});
    }
    return d.deals_id;
  });
  co_return co_await read_back(caller, id);
}

boost::asio::awaitable<DealRecord> DealService::get(const core::Caller& caller,
                                                    api::IdOrNumber key) {
  auto found = co_await db_.read([&](storage::Session& s) {
    DealRepository repo(s);
    return find_deal(repo, caller.company_id, key);
  });
  if (!found) deal_not_found(key);
  co_return std::move(*found);
}

boost::asio::awaitable<core::Page<DealRecord>> DealService::enquiry(const core::Caller& caller,
                                                                    EnquiryInput in) {
  // An enquiry's cost grows with its matches (storage::read_limited).
  co_return co_await storage::read_limited(
      db_, caller.company_id, in.keyword ? std::optional(keyword_read_limit_) : std::nullopt,
      "keyword matches too many deals to search at once; use a longer keyword or narrow the "
      "enquiry by board, stage, status, customer or date",
      [&](storage::Session& s) { return DealRepository(s).enquiry(caller.company_id, in); });
}

}  // namespace ov::deals
