#include "modules/products/product_repository.hpp"

#include <cstdio>

#include "core/error.hpp"
#include "storage/master_lists.hpp"
#include "storage/paging.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"
#include "storage/text_match.hpp"

namespace ov::products {

namespace {

const storage::Table<ProductRecord> kProducts(kProductEntity);
const storage::Table<ProductRecord> kRows(kRowEntity);
const storage::Table<TicketRecord> kTickets(kTicketEntity);
const storage::Table<SerialRecord> kSerials(kSerialEntity);

}  // namespace

std::optional<ProductRecord> ProductRepository::find_row(std::int64_t company_id,
                                                         std::string_view code) {
  static const std::string sql =
      kProducts.select() + " WHERE p.company_id = ? AND lower(p.product_code) = lower(?)";
  auto rows = s_.query(sql, {company_id, code});
  if (!rows.next()) return std::nullopt;
  return kProducts.read(rows);
}

std::optional<ProductRecord> ProductRepository::find_by_code(std::int64_t company_id,
                                                             std::string_view code) {
  auto p = find_row(company_id, code);
  if (p) load_variants(*p);
  return p;
}

std::optional<ProductRecord> ProductRepository::find_for_update(std::int64_t company_id,
                                                                std::string_view code) {
  if (s_.concurrent_writers()) {
    // Held to the commit: two writes of one product (its stock) run one after the other.
    s_.query_i64(
        "SELECT product_id FROM products WHERE company_id = ? AND lower(product_code) = lower(?) "
        "FOR UPDATE",
        {company_id, code});
  }
  return find_row(company_id, code);
}

void ProductRepository::load_variants(ProductRecord& p) {
  static const std::string sql = kProducts.select() +
                                 " WHERE p.company_id = ? AND p.product_id IN (SELECT "
                                 "v.product_id FROM products v WHERE v.company_id = ? AND "
                                 "v.parent_product_id = ?) ORDER BY p.product_id";
  p.variants.clear();
  if (p.parent_product_id) return;
  // The variants' ids from their index, then their rows by key: with the joins of the product
  // object in the same statement, SQLite (without statistics) walked the company's whole key.
  auto rows = s_.query(sql, {p.company_id, p.company_id, p.product_id});
  while (rows.next()) p.variants.push_back(kProducts.read(rows));
}

void ProductRepository::insert(ProductRecord& p) { p.product_id = kProducts.insert(s_, p); }

void ProductRepository::update(const ProductRecord& before, const ProductRecord& p) {
  kProducts.update_changed(s_, before, p);
}

void ProductRepository::set_qty(const ProductRecord& p, const core::Decimal& qty) {
  s_.exec("UPDATE products SET qty = ?, date_modified = ? WHERE company_id = ? AND product_id = ?",
          {std::string_view(qty.to_string()), p.date_modified, p.company_id, p.product_id});
}

std::int64_t ProductRepository::group_for(std::int64_t company_id,
                                          std::optional<std::int64_t> parent, int level,
                                          const std::string& name, const std::string& user_id,
                                          core::UnixSeconds now) {
  const std::int64_t parent_key = parent.value_or(0);
  auto find = [&] {
    return s_.query_i64(
        "SELECT product_group_id FROM product_groups WHERE company_id = ? AND "
        "COALESCE(parent_group_id, 0) = ? AND lower(name) = lower(?)",
        {company_id, parent_key, std::string_view(name)});
  };
  if (auto id = find()) return *id;
  // The next id, in turn with other writers creating groups of the company.
  storage::lock_new_entries(s_, "product_groups", company_id);
  for (int attempt = 0; attempt < 8; ++attempt) {
    if (auto id = find()) return *id;
    const auto next = s_.query_i64(
                            "SELECT COALESCE(MAX(product_group_id), 0) + 1 FROM product_groups "
                            "WHERE company_id = ?",
                            {company_id})
                          .value_or(1);
    char code[24];
    std::snprintf(code, sizeof code, "G%05lld", static_cast<long long>(next));
    storage::Value parent_value = parent ? storage::Value(*parent) : storage::Value(nullptr);
    s_.exec(
        "INSERT INTO product_groups (company_id, product_group_id, code, name, parent_group_id, "
        "level, is_active, created_by_user_id, date_created) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) "
        "ON CONFLICT DO NOTHING",
        {company_id, next, std::string_view(code), std::string_view(name), parent_value,
         std::int64_t{level}, std::string_view(user_id), now});
  }
  if (auto id = find()) return *id;
  throw core::conflict("category " + name + " could not be stored; try again");
}

void ProductRepository::attribute_value_for(std::int64_t company_id, std::int64_t attribute_id,
                                            const std::string& name) {
  auto found = [&] {
    return s_
        .query_i64(
            "SELECT 1 FROM product_attribute_values WHERE company_id = ? AND attribute_id = ? "
            "AND lower(name) = lower(?)",
            {company_id, attribute_id, std::string_view(name)})
        .has_value();
  };
  if (found()) return;
  // As group_for: in turn with other writers creating values.
  storage::lock_new_entries(s_, "product_attribute_values", company_id);
  for (int attempt = 0; attempt < 8; ++attempt) {
    if (found()) return;
    s_.exec(
        "INSERT INTO product_attribute_values (company_id, attribute_id, attribute_value_id, "
        "name) SELECT ?, ?, COALESCE(MAX(attribute_value_id), 0) + 1, ? FROM "
        "product_attribute_values WHERE company_id = ? AND attribute_id = ? ON CONFLICT DO "
        "NOTHING",
        {company_id, attribute_id, std::string_view(name), company_id, attribute_id});
  }
  if (!found()) {
    throw core::conflict("attributeValueName " + name + " could not be stored; try again");
  }
}

core::Page<ProductRecord> ProductRepository::take_by_status(std::int64_t company_id,
                                                            const ListInput& in) {
  storage::Sql where;
  where.add(" WHERE p.company_id = ? AND p.parent_product_id IS NULL").bind(company_id);
  if (in.status.size() == 1) {
    where.add(" AND p.active = ?").bind(std::int64_t{in.status[0] ? 1 : 0});
  }
  core::Page<ProductRecord> page;
  {
    auto rows = s_.query("SELECT COUNT(*) FROM products p" + where.text(), where.params());
    page.total = rows.next() ? rows.i64(0) : 0;
  }
  storage::Sql q;
  q.add(kProducts.select()).add(where.text());
  for (const auto& v : where.params()) q.bind(v);
  q.add(" ORDER BY lower(p.product_code), p.product_id LIMIT ? OFFSET ?")
      .bind(in.take)
      .bind(in.skip);
  auto rows = s_.query(q.text(), q.params());
  while (rows.next()) page.items.push_back(kProducts.read(rows));
  for (auto& p : page.items) load_variants(p);
  return page;
}

core::Page<ProductRecord> ProductRepository::filter(std::int64_t company_id, const ListInput& in) {
  // Groups of any level, named by id or by code (productFor); each filters the column of its
  // level, so that its index leads. An id or code no group has matches nothing.
  std::vector<std::int64_t> by_level[3];
  bool unknown = false;
  auto add_group = [&](std::optional<std::int64_t> level, std::int64_t id) {
    if (level && *level >= 1 && *level <= 3) {
      by_level[*level - 1].push_back(id);
    } else {
      unknown = true;
    }
  };
  for (auto id : in.group_ids) {
    add_group(s_.query_i64(
                  "SELECT level FROM product_groups WHERE company_id = ? AND product_group_id = ?",
                  {company_id, id}),
              id);
  }
  for (const auto& code : in.group_codes) {
    auto rows = s_.query(
        "SELECT level, product_group_id FROM product_groups WHERE company_id = ? AND lower(code) "
        "= lower(?)",
        {company_id, std::string_view(code)});
    if (rows.next()) {
      add_group(rows.i64(0), rows.i64(1));
    } else {
      unknown = true;
    }
  }
  const bool grouped = !in.group_ids.empty() || !in.group_codes.empty();
  if (grouped && unknown && by_level[0].empty() && by_level[1].empty() && by_level[2].empty()) {
    return {};
  }
  auto filtered = [&](storage::Sql& q, bool joins) {
    q.add(" FROM products p");
    if (joins) q.add(kRows.joins());
    q.add(" WHERE p.company_id = ? AND p.parent_product_id IS NULL AND p.product_type = ?")
        .bind(company_id)
        .bind(std::int64_t{in.product_type});
    if (in.status.size() == 1) q.add(" AND p.active = ?").bind(std::int64_t{in.status[0] ? 1 : 0});
    if (in.type_for == 1) q.add(" AND p.visibility = 1");
    if (in.type_for == 2) q.add(" AND p.track_inventory = 1");
    if (grouped) {
      // The group's products from its level's index, then their rows by key (as load_variants).
      static constexpr std::string_view kColumns[] = {"g.group1_id", "g.group2_id", "g.group3_id"};
      q.add(" AND p.product_id IN (SELECT g.product_id FROM products g WHERE g.company_id = ?")
          .bind(company_id);
      const char* glue = " AND (";
      for (int level = 0; level < 3; ++level) {
        if (by_level[level].empty()) continue;
        q.add(glue).add(kColumns[level]).add(" IN ").in_list(by_level[level]);
        glue = " OR ";
      }
      q.add("))");
    }
    if (in.smart_search) storage::add_contains_any(q, s_, {"p.search_text"}, *in.smart_search);
  };
  storage::Sql where, count_where;
  filtered(where, true);
  filtered(count_where, false);
  return storage::run_page(s_, kRows, where, in.smart_search.has_value(),
                           storage::order_by(kRowSort, in.order, kSortById), in.take, in.skip, {},
                           in.smart_search ? nullptr : &count_where);
}

std::vector<ProductRepository::Attribute> ProductRepository::properties(std::int64_t company_id) {
  std::vector<Attribute> out;
  auto rows = s_.query(
      "SELECT a.attribute_id, a.name, v.attribute_value_id, v.name FROM product_attributes a "
      "LEFT JOIN product_attribute_values v ON v.company_id = a.company_id AND v.attribute_id = "
      "a.attribute_id WHERE a.company_id = ? ORDER BY lower(a.name), a.attribute_id, "
      "lower(v.name), v.attribute_value_id",
      {company_id});
  while (rows.next()) {
    const auto id = rows.i64(0);
    if (out.empty() || out.back().attribute_id != id) out.push_back({id, rows.str(1), {}});
    if (!rows.is_null(2)) out.back().values.emplace_back(rows.i64(2), rows.str(3));
  }
  return out;
}

std::optional<SerialRecord> ProductRepository::find_serial(std::int64_t company_id,
                                                           std::string_view serial,
                                                           bool for_update) {
  static const std::string sql =
      kSerials.select() + " WHERE sr.company_id = ? AND sr.serial_key = ?";
  const auto key = serial_key_of(serial);
  if (for_update && s_.concurrent_writers()) {
    s_.query_i64("SELECT 1 FROM product_serials WHERE company_id = ? AND serial_key = ? FOR UPDATE",
                 {company_id, std::string_view(key)});
  }
  auto rows = s_.query(sql, {company_id, std::string_view(key)});
  if (!rows.next()) return std::nullopt;
  return kSerials.read(rows);
}

void ProductRepository::insert_serial(const SerialRecord& r) { kSerials.insert(s_, r); }

void ProductRepository::update_serial(const SerialRecord& r) {
  auto opt_text = [](const std::optional<std::string>& v) {
    return v ? storage::Value(std::string_view(*v)) : storage::Value(nullptr);
  };
  auto opt_int = [](const std::optional<std::int64_t>& v) {
    return v ? storage::Value(*v) : storage::Value(nullptr);
  };
  auto opt_real = [](const std::optional<double>& v) {
    return v ? storage::Value(*v) : storage::Value(nullptr);
  };
  s_.exec(
      "UPDATE product_serials SET status = ?, customer_code = ?, customer_name = ?, "
      "customer_type = ?, sale_order_no = ?, note = ?, latitude = ?, longitude = ?, "
      "purchase_date = ?, warranty_expire_date = ?, date_verified = ? WHERE company_id = ? AND "
      "serial_key = ?",
      {std::int64_t{r.status}, opt_text(r.customer_code), opt_text(r.customer_name),
       opt_int(r.customer_type), opt_text(r.sale_order_no), opt_text(r.note), opt_real(r.latitude),
       opt_real(r.longitude), opt_int(r.purchase_date), opt_int(r.warranty_expire_date),
       opt_int(r.date_verified), r.company_id, std::string_view(r.serial_key)});
}

void ProductRepository::insert_ticket(TicketRecord& t) { t.ticket_id = kTickets.insert(s_, t); }

std::optional<TicketRecord> ProductRepository::find_ticket(std::int64_t company_id,
                                                           std::int64_t ticket_id,
                                                           core::UnixSeconds since) {
  static const std::string sql =
      kTickets.select() + " WHERE t.company_id = ? AND t.ticket_id = ? AND t.date_created >= ?";
  auto rows = s_.query(sql, {company_id, ticket_id, since});
  if (!rows.next()) return std::nullopt;
  return kTickets.read(rows);
}

}  // namespace ov::products
