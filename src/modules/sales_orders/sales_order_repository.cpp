#include "modules/sales_orders/sales_order_repository.hpp"

#include "storage/sql.hpp"
#include "storage/table.hpp"

namespace ov::sales_orders {

namespace {

const storage::Table<SalesOrderRecord> kOrders(kSalesOrderEntity);
const storage::Table<Discount> kDiscounts(kDiscountEntity);
const storage::Table<Installment> kInstallments(kInstallmentEntity);

}  // namespace

std::optional<SalesOrderRecord> SalesOrderRepository::find(std::int64_t company_id,
                                                           std::optional<std::int64_t> id,
                                                           std::string_view no) {
  static const std::string by_id =
      kOrders.select() + " WHERE so.company_id = ? AND so.sales_order_id = ?";
  static const std::string by_no =
      kOrders.select() + " WHERE so.company_id = ? AND lower(so.sales_order_no) = lower(?)";
  static const std::string discounts =
      kDiscounts.select() +
      " WHERE sd.company_id = ? AND sd.sales_order_id = ? ORDER BY sd.position";
  static const std::string schedule =
      kInstallments.select() +
      " WHERE si.company_id = ? AND si.sales_order_id = ? ORDER BY si.installment_number";
  auto rows = id ? s_.query(by_id, {company_id, *id}) : s_.query(by_no, {company_id, no});
  if (!rows.next()) return std::nullopt;
  auto o = kOrders.read(rows);
  o.lines = documents::load_lines(s_, company_id, documents::kSalesOrder, o.sales_order_id);
  auto d = s_.query(discounts, {company_id, o.sales_order_id});
  while (d.next()) o.discounts.push_back(kDiscounts.read(d));
  // An order has a schedule exactly when it has a schedule's kind (an empty one has none).
  if (o.payment_value_type) {
    auto i = s_.query(schedule, {company_id, o.sales_order_id});
    while (i.next()) o.installments.push_back(kInstallments.read(i));
  }
  return o;
}

std::optional<SalesOrderRecord> SalesOrderRepository::find_for_update(
    std::int64_t company_id, std::optional<std::int64_t> id, std::string_view no) {
  auto locked = storage::find_for_write(s_, {"sales_orders", "sales_order_id", "sales_order_no"},
                                        company_id, id, no);
  if (!locked) return std::nullopt;
  return find(company_id, *locked, "");
}

std::vector<std::int64_t> SalesOrderRepository::of_deal(std::int64_t company_id,
                                                        std::int64_t deal_id,
                                                        const std::vector<int>& statuses) {
  storage::Sql q;
  q.add("SELECT sales_order_id FROM sales_orders WHERE company_id = ? AND deal_id = ?")
      .bind(company_id)
      .bind(deal_id);
  std::vector<std::int64_t> wanted(statuses.begin(), statuses.end());
  q.add(" AND sales_order_status IN ").in_list(wanted);
  q.add(" ORDER BY sales_order_id");
  if (s_.concurrent_writers()) q.add(" FOR UPDATE");
  std::vector<std::int64_t> out;
  auto rows = s_.query(q.text(), q.params());
  while (rows.next()) out.push_back(rows.i64(0));
  return out;
}

void SalesOrderRepository::insert(SalesOrderRecord& o, bool with_id) {
  o.sales_order_id = kOrders.insert(s_, o, with_id);
  save_children(o, false);
}

void SalesOrderRepository::update(const SalesOrderRecord& before, SalesOrderRecord& o,
                                  bool content) {
  kOrders.update_changed(s_, before, o);
  if (content) save_children(o, true);
}

void SalesOrderRepository::save_children(SalesOrderRecord& o, bool stored) {
  documents::save_lines(s_, documents::kSalesOrder, o.sales_order_id, o, stored);
  if (stored) {
    s_.exec("DELETE FROM sales_order_discounts WHERE company_id = ? AND sales_order_id = ?",
            {o.company_id, o.sales_order_id});
  }
  std::int64_t position = 0;
  for (auto& d : o.discounts) {
    d.company_id = o.company_id;
    d.sales_order_id = o.sales_order_id;
    d.position = position++;
  }
  kDiscounts.insert_all(s_, o.discounts);
  save_installments(o, stored);
}

void SalesOrderRepository::save_installments(const SalesOrderRecord& o, bool stored) {
  if (stored) {
    s_.exec("DELETE FROM sales_order_installments WHERE company_id = ? AND sales_order_id = ?",
            {o.company_id, o.sales_order_id});
  }
  auto schedule = o.installments;
  for (auto& i : schedule) {
    i.company_id = o.company_id;
    i.sales_order_id = o.sales_order_id;
  }
  kInstallments.insert_all(s_, schedule);
}

}  // namespace ov::sales_orders
