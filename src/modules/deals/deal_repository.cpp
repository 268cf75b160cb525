#include "modules/deals/deal_repository.hpp"

#include <algorithm>
#include <stdexcept>

#include "modules/customers/customer_repository.hpp"
#include "modules/deals/deal_keywords.hpp"
#include "modules/refs.hpp"
#include "storage/paging.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"
#include "storage/text_match.hpp"

namespace ov::deals {

namespace {

const storage::Table<DealRecord> kDeals(kDealEntity);
const storage::Table<DealRecord> kDealRows(kDealWriteEntity);
const storage::Table<DealRecord> kDealList(kDealListEntity);

// Replaces the rows of a link table (company_id, deals_id, position, <column>) of a deal.
void set_links(storage::Session& s, std::string_view table, std::string_view column,
               const DealRecord& d, const std::vector<std::int64_t>& ids, bool fresh) {
  if (!fresh) {
    std::string del = "DELETE FROM ";
    del.append(table).append(" WHERE company_id = ? AND deals_id = ?");
    s.exec(del, {d.company_id, d.deals_id});
  }
  std::string sql = "INSERT INTO ";
  sql.append(table).append(" (company_id, deals_id, position, ").append(column);
  sql += ") VALUES (?, ?, ?, ?)";
  std::int64_t pos = 0;
  for (auto id : ids) s.exec(sql, {d.company_id, d.deals_id, pos++, id});
}

}  // namespace

std::optional<DealRecord> DealRepository::find_by_id(std::int64_t company_id,
                                                     std::int64_t deals_id) {
  static const std::string sql = kDeals.select() + " WHERE d.company_id = ? AND d.deals_id = ?";
  return find_one(s_.query(sql, {company_id, deals_id}));
}

std::optional<DealRecord> DealRepository::find_for_update(std::int64_t company_id,
                                                          const std::optional<std::int64_t>& id,
                                                          std::string_view deal_no) {
  static const std::string by_id =
      kDealRows.select() + " WHERE d.company_id = ? AND d.deals_id = ?";
  static const std::string by_no =
      kDealRows.select() + " WHERE d.company_id = ? AND lower(d.deal_no) = lower(?)";
  auto read = [&](const std::optional<std::int64_t>& deals_id) -> std::optional<DealRecord> {
    auto rows = deals_id ? s_.query(by_id, {company_id, *deals_id})
                         : s_.query(by_no, {company_id, deal_no});
    if (!rows.next()) return std::nullopt;
    return kDealRows.read(rows);
  };
  lock_company(company_id);
  return read(id);
}

void DealRepository::lock_company(std::int64_t company_id) {
  if (!s_.concurrent_writers()) return;
  // A transaction-scoped advisory lock, keyed "DEAL" and the company: held to the commit, so
  // the company's deal writes of two transactions never interleave. PostgreSQL batches writes
  // in company order (one transaction, a savepoint a request), so batches take these locks in
  // one order and wait for each other instead of deadlocking; row locks taken request by
  // request (the stages a move touches, then the deal) did deadlock between batches.
  constexpr std::int64_t kDealLockSpace = std::int64_t{0x4445414C} << 32;
  s_.query_i64("SELECT 1 FROM pg_advisory_xact_lock(?)", {kDealLockSpace | company_id});
}

std::optional<DealRecord> DealRepository::find_by_no(std::int64_t company_id,
                                                     std::string_view deal_no) {
  static const std::string sql =
      kDeals.select() + " WHERE d.company_id = ? AND lower(d.deal_no) = lower(?)";
  return find_one(s_.query(sql, {company_id, deal_no}));
}

std::optional<DealRecord> DealRepository::find_one(storage::Rows rows) {
  if (!rows.next()) return std::nullopt;
  auto d = kDeals.read(rows);
  load_details(d);
  return d;
}

void DealRepository::load_details(DealRecord& d) {
  // The stage as Get Deal Stage lists it (kStageColumns' order), from the row's join.
  d.stage.reset();
  if (d.stage_name) {
    d.stage = storage::MasterRow{d.deal_stage_id,
                                 *d.stage_name,
                                 d.stage_active.value_or(1) != 0,
                                 {d.board_id, d.stage_seq.value_or(0),
                                  d.stage_probability.value_or(0), d.stage_type.value_or(0)}};
  }
  // Interests and labels in one statement, each in request order.
  d.interests.clear();
  d.labels.clear();
  auto rows = s_.query(
      "SELECT 0, l.position, l.topic_id, t.name, NULL FROM deal_interest_links l JOIN "
      "customer_interest_topics t ON t.company_id = l.company_id AND t.topic_id = l.topic_id "
      "WHERE l.company_id = ? AND l.deals_id = ? UNION ALL SELECT 1, l.position, l.label_id, "
      "t.name, t.color FROM deal_label_links l JOIN deal_labels t ON t.company_id = l.company_id "
      "AND t.label_id = l.label_id WHERE l.company_id = ? AND l.deals_id = ? ORDER BY 1, 2",
      {d.company_id, d.deals_id, d.company_id, d.deals_id});
  while (rows.next()) {
    if (rows.i64(0) == 0) {
      d.interests.push_back({rows.i64(2), rows.str(3)});
    } else {
      d.labels.push_back({rows.i64(2), rows.str(3), rows.str(4)});
    }
  }
  d.customer.reset();
  if (d.customer_id) {
    d.customer = customers::CustomerRepository(s_).find_legacy(d.company_id, *d.customer_id);
  }
}

core::Page<DealRecord> DealRepository::enquiry(std::int64_t company_id, const EnquiryInput& in) {
  std::optional<std::int64_t> customer_id;
  if (in.customer_code) {
    // A code no customer has matches no deal.
    auto customer = refs::find_customer_ref(s_, company_id, *in.customer_code);
    if (!customer) return {};
    customer_id = customer->customer_id;
  }
  // The filters, after the FROM: with the joins (the keyword and the page's columns need
  // them) or without (a count that needs no column of them).
  auto filtered = [&](storage::Sql& q, bool with_joins) {
    // A keyword the index can answer starts from its candidates; otherwise the filters'
    // indexes lead and the keyword is matched on the rows they leave.
    const bool indexed = in.keyword && keyword_from(q, s_, company_id, *in.keyword, in.board_id,
                                                    in.status_ids, kDealList.joins());
    if (indexed) {
      q.add(" AND");
    } else {
      q.add(" FROM deals d");
      if (with_joins) q.add(kDealList.joins());
      q.add(" WHERE");
    }
    q.add(" d.company_id = ? AND d.is_active = 1").bind(company_id);
    if (in.board_id) q.add(" AND d.board_id = ?").bind(*in.board_id);
    if (!in.status_ids.empty()) q.add(" AND d.status_id IN ").in_list(in.status_ids);
    if (!in.stage_ids.empty()) q.add(" AND d.deal_stage_id IN ").in_list(in.stage_ids);
    if (customer_id) {
      q.add(
           " AND d.deals_id IN (SELECT dc.deals_id FROM deal_customers dc WHERE dc.company_id = "
           "? AND dc.customer_id = ?)")
          .bind(company_id)
          .bind(*customer_id);
    }
    if (in.assign_to) q.add(" AND lower(d.assign_to) = lower(?)").bind_text(*in.assign_to);
    if (in.date_from) q.add(" AND d.deals_date >= ?").bind(*in.date_from);
    if (in.date_to) q.add(" AND d.deals_date <= ?").bind(*in.date_to);
    if (in.keyword && !indexed) {
      storage::add_contains_any(q, s_, {"d.deal_no", "d.deals_name", "cu.customer_name"},
                                *in.keyword);
    }
  };
  storage::Sql where, count_where;
  filtered(where, true);
  if (!in.keyword) filtered(count_where, false);
  return storage::run_page(s_, kDealList, where, in.keyword.has_value(),
                           storage::order_by(kDealSort, in.order, kSortById), in.take, in.skip, {},
                           in.keyword ? nullptr : &count_where);
}

void DealRepository::insert(DealRecord& d, const std::vector<std::int64_t>& customer_ids,
                            bool with_id) {
  d.deals_id = kDeals.insert(s_, d, with_id);
  add_keywords(s_, d);
  set_links(s_, "deal_customers", "customer_id", d, customer_ids, true);
  set_links(s_, "deal_interest_links", "topic_id", d, d.interest_ids, true);
  set_links(s_, "deal_label_links", "label_id", d, d.label_ids, true);
}

void DealRepository::update(const DealRecord& before, const DealRecord& d) {
  kDeals.update_changed(s_, before, d);
  update_keywords(s_, before, d);
}

void DealRepository::set_interests(const DealRecord& d) {
  set_links(s_, "deal_interest_links", "topic_id", d, d.interest_ids, false);
}

void DealRepository::set_labels(const DealRecord& d) {
  set_links(s_, "deal_label_links", "label_id", d, d.label_ids, false);
}

void DealRepository::take_card(DealRecord& d) {
  auto position = s_.query_i64(
      "UPDATE deal_stages SET next_position = next_position + 1 WHERE company_id = ? AND "
      "deal_stage_id = ? RETURNING next_position",
      {d.company_id, d.deal_stage_id});
  if (!position) throw std::runtime_error("a deal's stage has no row");
  d.card_position = *position;
  s_.exec(
      "INSERT INTO deal_card_blocks (company_id, deal_stage_id, block, cards) VALUES (?, ?, ?, "
      "1) ON CONFLICT (company_id, deal_stage_id, block) DO UPDATE SET cards = "
      "deal_card_blocks.cards + 1",
      {d.company_id, d.deal_stage_id, d.card_position / kCardBlock});
}

void DealRepository::leave_card(const DealRecord& d) {
  s_.exec(
      "UPDATE deal_card_blocks SET cards = cards - 1 WHERE company_id = ? AND deal_stage_id = ? "
      "AND block = ? AND cards > 0",
      {d.company_id, d.deal_stage_id, d.card_position / kCardBlock});
}

}  // namespace ov::deals
