// SQL of the Deal section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "modules/deals/deal_types.hpp"
#include "storage/database.hpp"

namespace ov::deals {

class DealRepository {
 public:
  explicit DealRepository(storage::Session& s) : s_(s) {}

  // The deal with what its object shows beyond its row (load_details).
  std::optional<DealRecord> find_by_id(std::int64_t company_id, std::int64_t deals_id);
  // The deal's row for an update (no details, no rank), by id or number, read after
  // lock_company.
  std::optional<DealRecord> find_for_update(std::int64_t company_id,
                                            const std::optional<std::int64_t>& id,
                                            std::string_view deal_no);
  // What every write of the company's deals takes first, before its number or any row: on a
  // backend where writes run concurrently, a lock that orders them (SQLite's one writer runs
  // one write at a time).
  void lock_company(std::int64_t company_id);
  // Numbers compare case-insensitively.
  std::optional<DealRecord> find_by_no(std::int64_t company_id, std::string_view deal_no);
  // Active deals matching every filter, in the requested order, as list items.
  core::Page<DealRecord> enquiry(std::int64_t company_id, const EnquiryInput& in);

  // Inserts the deal and its links (its customers, interests and labels) and sets its
  // deals_id; `with_id`: keep the one d carries (documented ids). d already holds its card
  // (take_card).
  void insert(DealRecord& d, const std::vector<std::int64_t>& customer_ids, bool with_id = false);
  // Writes every field but the number, the board, the creation and the column position, and
  // the keyword rows when what they hold changed since `before`.
  void update(const DealRecord& before, const DealRecord& d);
  // Replaces the deal's interest and label links with its interest_ids and label_ids.
  void set_interests(const DealRecord& d);
  void set_labels(const DealRecord& d);

  // A stage's column (dealsIndex 1..n, the ranks of the cards' positions). take_card gives
  // `d` the next position of its stage and counts it in its block; leave_card uncounts the
  // position d holds. Callers hold lock_company.
  void take_card(DealRecord& d);
  void leave_card(const DealRecord& d);

  // Loads the stage, interests, labels and the legacy customer object of `d`.
  void load_details(DealRecord& d);

 private:
  // The deal on the first row of `rows` (a select of kDealEntity), with its details.
  std::optional<DealRecord> find_one(storage::Rows rows);

  storage::Session& s_;
};

}  // namespace ov::deals
