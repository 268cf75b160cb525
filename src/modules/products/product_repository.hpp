// SQL of the Product section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "modules/products/product_types.hpp"
#include "modules/products/serial_types.hpp"
#include "storage/database.hpp"

namespace ov::products {

class ProductRepository {
 public:
  explicit ProductRepository(storage::Session& s) : s_(s) {}

  // A product or variant by its code (case-insensitive), with its variants.
  std::optional<ProductRecord> find_by_code(std::int64_t company_id, std::string_view code);
  // The row alone, without its variants.
  std::optional<ProductRecord> find_row(std::int64_t company_id, std::string_view code);
  // The row for a write that changes it (no variants): locked on a backend with concurrent
  // writers.
  std::optional<ProductRecord> find_for_update(std::int64_t company_id, std::string_view code);
  void insert(ProductRecord& p);
  void update(const ProductRecord& before, const ProductRecord& p);
  void set_qty(const ProductRecord& p, const core::Decimal& qty);

  // The group named `name` under `parent` (level 1: none), created with the next id and code
  // G + 5 digits when the company has none.
  std::int64_t group_for(std::int64_t company_id, std::optional<std::int64_t> parent, int level,
                         const std::string& name, const std::string& user_id,
                         core::UnixSeconds now);
  // The value named `name` of an attribute, created when unknown.
  void attribute_value_for(std::int64_t company_id, std::int64_t attribute_id,
                           const std::string& name);

  // Get Products With Take & Status: top-level products by code, and how many there are.
  core::Page<ProductRecord> take_by_status(std::int64_t company_id, const ListInput& in);
  // Get Products By Filter: rows and the number of all matches.
  core::Page<ProductRecord> filter(std::int64_t company_id, const ListInput& in);

  struct Attribute {
    std::int64_t attribute_id;
    std::string attribute_name;
    std::vector<std::pair<std::int64_t, std::string>> values;
  };
  // The attributes with their values, by name.
  std::vector<Attribute> properties(std::int64_t company_id);

  // A serial number of the company (case-insensitive), locked for a write that changes it on a
  // backend with concurrent writers.
  std::optional<SerialRecord> find_serial(std::int64_t company_id, std::string_view serial,
                                          bool for_update = false);
  void insert_serial(const SerialRecord& r);
  // Writes the serial's status and registration.
  void update_serial(const SerialRecord& r);

  void insert_ticket(TicketRecord& t);
  // A ticket of the company created at or after `since`.
  std::optional<TicketRecord> find_ticket(std::int64_t company_id, std::int64_t ticket_id,
                                          core::UnixSeconds since);

 private:
  void load_variants(ProductRecord& p);

  storage::Session& s_;
};

}  // namespace ov::products
