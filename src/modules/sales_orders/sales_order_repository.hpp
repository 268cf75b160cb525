// SQL of the SalesOrder section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "modules/sales_orders/sales_order_types.hpp"
#include "storage/database.hpp"

namespace ov::sales_orders {

class SalesOrderRepository {
 public:
  explicit SalesOrderRepository(storage::Session& s) : s_(s) {}

  // The order with its lines, discounts and schedule, by id or by number (case-insensitive).
  std::optional<SalesOrderRecord> find(std::int64_t company_id, std::optional<std::int64_t> id,
                                       std::string_view no);
  // The same for a write that changes it: on a backend with concurrent writers the row is
  // locked first, so two changes of one order run one after the other.
  std::optional<SalesOrderRecord> find_for_update(std::int64_t company_id,
                                                  std::optional<std::int64_t> id,
                                                  std::string_view no);
  // The ids of a deal's orders in these statuses, locked for the write.
  std::vector<std::int64_t> of_deal(std::int64_t company_id, std::int64_t deal_id,
                                    const std::vector<int>& statuses);

  // Inserts the order (setting sales_order_id; `with_id` keeps the one it carries) and its
  // lines, discounts and schedule.
  void insert(SalesOrderRecord& o, bool with_id = false);
  // Writes the changed columns; with `content` also replaces lines, discounts and schedule.
  void update(const SalesOrderRecord& before, SalesOrderRecord& o, bool content);
  // Makes o.installments the stored schedule; `stored` false: the order has none yet.
  void save_installments(const SalesOrderRecord& o, bool stored = true);

 private:
  void save_children(SalesOrderRecord& o, bool stored);
  storage::Session& s_;
};

}  // namespace ov::sales_orders
