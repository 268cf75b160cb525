// The Product section's records, lists and inputs (ENDPOINTS.md §4.8).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/master_list.hpp"
#include "core/money.hpp"
#include "core/query.hpp"
#include "core/time.hpp"

namespace ov::products {

// Product types (§4.8): emitted as 1031/1032; the field table's 1301/1302 are accepted too.
inline constexpr int kProduct = 1031;
inline constexpr int kBundle = 1032;
// 1031, 1032, 1301 or 1302 as a type; 0 when the value is none of them.
int product_type_of(std::int64_t value);

// Bounds of one call (designed, §4.8.1 and §4.8.11): what a catalogue import sends at once,
// keeping one write's work bounded.
inline constexpr std::size_t kMaxProductsPerCall = 500;
inline constexpr std::size_t kMaxVariants = 100;
inline constexpr std::size_t kMaxPriceTiers = 20;
inline constexpr std::size_t kMaxAttributes = 10;
inline constexpr std::size_t kMaxTags = 50;
inline constexpr std::size_t kMaxImages = 20;
inline constexpr std::size_t kMaxStockItems = 1000;
// A VAT rate is a percentage.
inline constexpr std::int64_t kMaxVatPercent = 100;
// Tickets are kept this long (§4.8.2).
inline constexpr core::UnixSeconds kTicketLifetime = 7 * 24 * 3600;

// --- Master lists --------------------------------------------------------------------------------

// Groups (§4.8.5): the category tree, parents before children.
inline constexpr core::MasterColumn kGroupColumns[] = {
    {.json = "productGroupCode", .column = "code", .kind = core::MasterColumn::Kind::kString},
    {.json = "parentGroupId",
     .column = "parent_group_id",
     .kind = core::MasterColumn::Kind::kOptInt64},
    {.json = "level", .column = "level", .kind = core::MasterColumn::Kind::kInt64},
};
inline constexpr core::MasterReference kGroupReferences[] = {{"products", "product_group_id"},
                                                             {"product_groups", "parent_group_id"}};
inline constexpr core::MasterList kProductGroups{
    .path = "/v1/products/groups",
    .table = "product_groups",
    .id_column = "product_group_id",
    .name_column = "name",
    .id_key = "productGroupId",
    .name_key = "productGroupName",
    .field = "productGroupIds",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "level, lower(name), product_group_id",
    .extras = kGroupColumns,
    .extras_before_name = 1,  // productGroupId, productGroupCode, productGroupName (§4.8.5)
    .audited = true,
};

// Units (§4.8.12), named by clients: created on first use by Create Or Update Products.
inline constexpr core::MasterReference kUnitReferences[] = {{"products", "unit_id"}};
inline constexpr core::MasterList kProductUnits{
    .path = "/v1/products/units",
    .table = "product_units",
    .id_column = "unit_id",
    .name_column = "name",
    .id_key = "unitId",
    .name_key = "unitName",
    .field = "productUnitName",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "lower(name), unit_id",
    .audited = true,
    .admin_kind = "product-units",
    .references = kUnitReferences,
};

// Variant properties (§4.8.6): the attributes; their values are listed beside them.
inline constexpr core::MasterList kProductAttributes{
    .table = "product_attributes",
    .id_column = "attribute_id",
    .name_column = "name",
    .id_key = "attributeId",
    .name_key = "attributeName",
    .field = "attributeName",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "lower(name), attribute_id",
    .audited = true,
    .admin_kind = "product-properties",
};

// --- Records -----------------------------------------------------------------------------------

struct ProductRecord {
  std::int64_t product_id = 0;
  std::int64_t company_id = 0;
  std::optional<std::int64_t> parent_product_id;
  std::string product_code;
  std::optional<std::string> product_barcode;
  std::string product_name;
  std::optional<std::string> product_description;
  int product_type = kProduct;
  std::optional<std::int64_t> group1_id;
  std::optional<std::int64_t> group2_id;
  std::optional<std::int64_t> group3_id;
  std::optional<std::int64_t> product_group_id;
  core::Decimal cost;
  std::string prices;  // JSON array as shown
  core::Decimal default_price;
  std::optional<std::int64_t> unit_id;
  std::optional<core::Decimal> product_weight;
  std::optional<std::string> product_weight_unit;
  std::vector<std::string> product_tag;
  std::vector<std::string> product_image;
  bool track_inventory = false;
  core::Decimal qty;
  std::optional<core::Decimal> low_stock_alert;
  bool use_warranty = false;
  std::optional<std::int64_t> time_warranty_value;
  std::optional<std::string> time_warranty_unit;
  std::optional<std::string> warranty_note;
  bool visibility = true;
  bool active = true;
  std::optional<std::string> brand_name;
  std::string attributes = "[]";  // a variant's, JSON array as shown
  std::string search_text;
  core::UnixSeconds date_created = 0;
  core::UnixSeconds date_modified = 0;

  // Joined: the groups' and the unit's names.
  std::optional<std::string> category;
  std::optional<std::string> sub_category;
  std::optional<std::string> sub_sub_category;
  std::optional<std::string> unit_name;
  // Loaded for the product object (ProductRepository::load_variants).
  std::vector<ProductRecord> variants;
};

// The variant as its product's object shows it (§4.8 productVariant).
inline constexpr core::Field<ProductRecord> kVariantFields[] = {
    {"productCode", "product_code", &ProductRecord::product_code, core::Store::kRead},
    {"productName", "product_name", &ProductRecord::product_name, core::Store::kRead},
    {"productBarcode", "product_barcode", &ProductRecord::product_barcode, core::Store::kRead},
    {"productDescription", "product_description", &ProductRecord::product_description,
     core::Store::kRead},
    {"cost", "cost", &ProductRecord::cost, core::Store::kRead},
    {"prices", "prices", &ProductRecord::prices, core::FieldKind::kRawJson, core::Store::kRead},
    {"productImage", "product_image", &ProductRecord::product_image, core::Store::kRead},
    {"qty", "qty", &ProductRecord::qty, core::Store::kRead},
    {"lowStockAlert", "low_stock_alert", &ProductRecord::low_stock_alert, core::Store::kRead},
    {"active", "active", &ProductRecord::active, core::Store::kRead},
    {"attribute", "attributes", &ProductRecord::attributes, core::FieldKind::kRawJson,
     core::Store::kRead},
};

// The product object (§4.8), and where each field is stored.
inline constexpr core::Field<ProductRecord> kProductFields[] = {
    {"productId", "product_id", &ProductRecord::product_id, core::Store::kRead},
    {"productCode", "product_code", &ProductRecord::product_code},
    {"productBarcode", "product_barcode", &ProductRecord::product_barcode},
    {"productName", "product_name", &ProductRecord::product_name},
    {"productDescription", "product_description", &ProductRecord::product_description},
    {"productType", "product_type", &ProductRecord::product_type},
    {"category", "g1.name", &ProductRecord::category, core::Store::kRead},
    {"subCategory", "g2.name", &ProductRecord::sub_category, core::Store::kRead},
    {"sub_SubCategory", "g3.name", &ProductRecord::sub_sub_category, core::Store::kRead},
    {"productGroupId", "product_group_id", &ProductRecord::product_group_id},
    {"cost", "cost", &ProductRecord::cost},
    {"prices", "prices", &ProductRecord::prices, core::FieldKind::kRawJson},
    {"productUnitName", "un.name", &ProductRecord::unit_name, core::Store::kRead},
    {"unitId", "unit_id", &ProductRecord::unit_id},
    {"productWeight", "product_weight", &ProductRecord::product_weight},
    {"productWeightUnit", "product_weight_unit", &ProductRecord::product_weight_unit},
    {"productTag", "product_tag", &ProductRecord::product_tag},
    {"productImage", "product_image", &ProductRecord::product_image},
    {"trackInventory", "track_inventory", &ProductRecord::track_inventory},
    {"qty", "qty", &ProductRecord::qty},
    {"lowStockAlert", "low_stock_alert", &ProductRecord::low_stock_alert},
    {"useWarranty", "use_warranty", &ProductRecord::use_warranty},
    {"timeWarrantyValue", "time_warranty_value", &ProductRecord::time_warranty_value},
    {"timeWarrantyUnit", "time_warranty_unit", &ProductRecord::time_warranty_unit},
    {"warrantyNote", "warranty_note", &ProductRecord::warranty_note},
    {"visibility", "visibility", &ProductRecord::visibility},
    {"active", "active", &ProductRecord::active},
    {"brandName", "brand_name", &ProductRecord::brand_name},
    {"productVariant", api::nested_list<ProductRecord, &ProductRecord::variants, kVariantFields>},
    {"dateCreated", "date_created", &ProductRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"dateModified", "date_modified", &ProductRecord::date_modified, core::FieldKind::kDateTime},
    core::column_only<ProductRecord>("company_id", &ProductRecord::company_id,
                                     core::Store::kInsert),
    core::column_only<ProductRecord>("parent_product_id", &ProductRecord::parent_product_id),
    core::column_only<ProductRecord>("group1_id", &ProductRecord::group1_id),
    core::column_only<ProductRecord>("group2_id", &ProductRecord::group2_id),
    core::column_only<ProductRecord>("group3_id", &ProductRecord::group3_id),
    core::column_only<ProductRecord>("default_price", &ProductRecord::default_price),
    core::column_only<ProductRecord>("attributes", &ProductRecord::attributes),
    core::column_only<ProductRecord>("search_text", &ProductRecord::search_text),
};
inline constexpr std::string_view kProductJoins =
    " LEFT JOIN product_groups g1 ON g1.company_id = p.company_id AND g1.product_group_id = "
    "p.group1_id LEFT JOIN product_groups g2 ON g2.company_id = p.company_id AND "
    "g2.product_group_id = p.group2_id LEFT JOIN product_groups g3 ON g3.company_id = "
    "p.company_id AND g3.product_group_id = p.group3_id LEFT JOIN product_units un ON "
    "un.company_id = p.company_id AND un.unit_id = p.unit_id";
inline constexpr core::Entity<ProductRecord> kProductEntity{
    "products", "p", kProductFields, "product_id", kProductJoins, core::KeyGen::kCompanyFirst};

// Get Products By Filter's row (§4.8.7, the legacy shape, then the designed fields).
void write_product_type(api::JsonWriter& w, const ProductRecord& p, const api::OutContext&);
inline constexpr core::Field<ProductRecord> kRowFields[] = {
    {"partId", "product_id", &ProductRecord::product_id, core::Store::kRead},
    {"partTypeId", "product_type", &ProductRecord::product_type, core::Store::kRead},
    {"partName", "product_name", &ProductRecord::product_name, core::Store::kRead},
    {"qty", "qty", &ProductRecord::qty, core::Store::kRead},
    {"price", "default_price", &ProductRecord::default_price, core::Store::kRead},
    {"companyId", "company_id", &ProductRecord::company_id, core::Store::kRead},
    {"unit", "un.name", &ProductRecord::unit_name, core::Store::kRead},
    {"name", "g1.name", &ProductRecord::category, core::Store::kRead},
    {"isActive", "active", &ProductRecord::active, core::Store::kRead},
    {"productCode", "product_code", &ProductRecord::product_code, core::Store::kRead},
    {"productBarcode", "product_barcode", &ProductRecord::product_barcode, core::Store::kRead},
    {"productGroupId", "product_group_id", &ProductRecord::product_group_id, core::Store::kRead},
    {"trackInventory", "track_inventory", &ProductRecord::track_inventory, core::Store::kRead},
    {"visibility", "visibility", &ProductRecord::visibility, core::Store::kRead},
};
inline constexpr core::Entity<ProductRecord> kRowEntity{"products", "p", kRowFields, "product_id",
                                                        kProductJoins};

// The orderBy fields of Get Products By Filter: its row's fields (§1.9). Names sort
// case-insensitively, amounts by value.
inline constexpr core::SortColumn kRowSort[] = {
    {"partId", "p.product_id"},
    {"partName", "lower(p.product_name)"},
    {"partTypeId", "p.product_type"},
    {"qty", "CAST(p.qty AS NUMERIC)"},
    {"price", "CAST(p.default_price AS NUMERIC)"},
    {"unit", "lower(un.name)", true},
    {"name", "lower(g1.name)", true},
    {"isActive", "p.active"},
    {"productCode", "lower(p.product_code)"},
    {"productBarcode", "lower(p.product_barcode)", true},
    {"productGroupId", "p.product_group_id", true},
};
inline constexpr std::size_t kSortById = 0;
inline constexpr std::size_t kSortByName = 1;

// A ticket of Create Or Update Products (§4.8, designed).
inline constexpr int kTicketCompleted = 3;
inline constexpr int kTicketFailed = 4;
struct TicketRecord {
  std::int64_t ticket_id = 0;
  std::int64_t company_id = 0;
  int status = kTicketCompleted;
  std::int64_t total_items = 0;
  std::int64_t success_items = 0;
  std::int64_t failed_items = 0;
  std::string results;  // JSON array as shown
  core::UnixSeconds date_created = 0;
  std::optional<core::UnixSeconds> date_completed;
};
inline constexpr core::Field<TicketRecord> kTicketFields[] = {
    {"ticketId", "ticket_id", &TicketRecord::ticket_id, core::Store::kRead},
    {"status", "status", &TicketRecord::status, core::Store::kInsert},
    {"totalItems", "total_items", &TicketRecord::total_items, core::Store::kInsert},
    {"successItems", "success_items", &TicketRecord::success_items, core::Store::kInsert},
    {"failedItems", "failed_items", &TicketRecord::failed_items, core::Store::kInsert},
    {"results", "results", &TicketRecord::results, core::FieldKind::kRawJson, core::Store::kInsert},
    {"dateCreated", "date_created", &TicketRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"dateCompleted", "date_completed", &TicketRecord::date_completed, core::FieldKind::kDateTime,
     core::Store::kInsert},
    core::column_only<TicketRecord>("company_id", &TicketRecord::company_id, core::Store::kInsert),
};
inline constexpr core::Entity<TicketRecord> kTicketEntity{
    "product_tickets", "t", kTicketFields, "ticket_id", "", core::KeyGen::kCompanyFirst};

// --- Inputs ------------------------------------------------------------------------------------

struct PriceInput {
  std::string price_tier_name;
  core::Decimal regular_price;
  std::optional<core::Decimal> sale_price;
  std::optional<core::Decimal> vat;  // vatValue on products, vat on variants
  std::optional<bool> use_default_vat;
};
struct AttributeInput {
  std::string attribute_name;
  std::string attribute_value_name;
};
struct VariantInput {
  std::string product_code;
  std::string product_name;
  std::optional<std::string> product_barcode;
  std::optional<std::string> product_description;
  std::optional<core::Decimal> cost;
  std::vector<PriceInput> prices;
  std::vector<std::string> product_image;
  std::optional<core::Decimal> qty;
  std::optional<core::Decimal> low_stock_alert;
  bool active = true;
  std::vector<AttributeInput> attributes;
};
// One product of Create Or Update Products (§4.8.1), checked. On update, optional properties
// keep the three states of a body: absent keeps the stored value, null clears it (§1.5).
struct ProductInput {
  std::string product_code;
  api::Input<std::string> product_barcode;
  std::string product_name;
  api::Input<std::string> product_description;
  std::string category;
  api::Input<std::string> sub_category;      // blank is none
  api::Input<std::string> sub_sub_category;  // blank is none
  core::Decimal cost;
  std::vector<PriceInput> prices;
  std::string product_unit_name;
  api::Input<core::Decimal> product_weight;
  api::Input<std::string> product_weight_unit;
  api::Input<std::vector<std::string>> product_tag;
  api::Input<std::vector<std::string>> product_image;
  bool track_inventory = false;
  std::optional<core::Decimal> qty;  // create only
  api::Input<core::Decimal> low_stock_alert;
  bool use_warranty = false;
  api::Input<std::int64_t> time_warranty_value;
  api::Input<std::string> time_warranty_unit;
  api::Input<std::string> warranty_note;
  bool visibility = true;
  bool active = true;
  api::Input<std::string> brand_name;
  std::vector<VariantInput> variants;
};
// A product of the body: checked (`input`), or refused with its problems (`error`, the message
// of the ticket result). `code` is the productCode as sent, "" when there is none.
struct BatchItem {
  std::string code;
  std::optional<ProductInput> input;
  std::string error;
};

// Get Products With Take & Status (§4.8.3) and Get Products By Filter (§4.8.7).
struct ListInput {
  std::vector<bool> status;  // empty: both
  std::int64_t take = 0;
  std::int64_t skip = 0;
  // By Filter only.
  int product_type = 0;                  // 0: the take & status list (every type)
  std::vector<std::string> group_codes;  // productFor
  int type_for = 0;                      // 1 for sale, 2 for inventory
  std::vector<std::int64_t> group_ids;
  std::optional<std::string> smart_search;
  std::vector<core::SortTerm> order;
};

// One item of Update Product Stock (§4.8.11).
struct StockItem {
  std::string product_code;
  std::optional<core::Decimal> qty;
  std::string error;  // set when the item was refused as sent
};
struct StockResult {
  std::string product_code;
  std::optional<core::Decimal> qty;
  bool is_success = false;
  std::string error;
};

// What a product stores of its prices and text, as the server writes them (the seeders of
// bench/ too): the price tiers as the object shows them (products name a tier's VAT vatValue
// and say whether it follows the tenant's rate, variants name it vat), the default price they
// give (§4.8: the first tier's salePrice when above 0, else its regularPrice), a variant's
// attributes, and the text smartSearch matches (code, barcode, brand, name and tags).
std::string prices_json(const std::vector<PriceInput>& tiers, bool variant);
core::Decimal default_price(const std::vector<PriceInput>& tiers);
std::string attributes_json(const std::vector<AttributeInput>& list);
std::string search_text_of(const ProductRecord& p);

// Update Product Stock's result (§4.8.11, documented).
inline constexpr core::Field<StockResult> kStockResultFields[] = {
    core::json_only<StockResult>("productCode", &StockResult::product_code),
    core::json_only<StockResult>("qty", &StockResult::qty),
    core::json_only<StockResult>("isSuccess", &StockResult::is_success),
    {"error", api::custom_writer<StockResult, api::write_result_error<StockResult>>},
};

}  // namespace ov::products
