// Seeds a company made by `openvenio init --demo-data` with a catalogue: a group tree of 10
// level-1 × 10 level-2 × 10 level-3 groups and a few units (both through the Product section's
// write path, so the groups get their codes G + 5 digits as Create Or Update Products gives
// them), then N products in large transactions of raw SQL on the schema of
// migrations/*/0018_products.sql (Create Or Update Products saves one product at a time behind
// its savepoint, with a lookup per group and unit; a million products through it would take far
// longer than the benchmark).
// Every row is what Create Or Update Products stores for the product sent as this seeder
// would send it (amounts as exact decimal strings): prices, default_price, a variant's
// attributes and search_text made by the server's own functions, tags and images
// as the stored string lists, the groups of each level and the deepest of them. Products are
// coded P0000001 upwards in id order; 90 % are in a level-3 group, 10 % in a level-2 group only;
// their names are "<noun of the level-1 group> <qualifier> <size> รุ่น <model>", from a
// vocabulary mostly Thai. Two of the ten qualifiers hold the word "สแตนเลส" (stainless), so a
// fifth of the names contain it: the smartSearch of the filter benchmark. Every 50th product
// (P0000001 among them) has 2 to 4 variants of one attribute (สี or ขนาด), coded
// <product>-01 upwards, with the attributes and values stored through the write path. 5 % of
// the products are bundles (product_type 1032), which Get Products By Filter tells apart by
// productType; 95 % are active.
// Writes, for the load scripts, one record a line:
//   keyword <word>                       the word a fifth of the names contain
//   count <products>                     top-level products, coded P0000001 upwards
//   group <id> <level> <parentId|0> <code> <name (rest of line)>
//   variants <rows>
//   filter <level-2 group id> <active products of type 1031> <of them, names with the word>
// and, to <resave-file>, the body of Create Or Update Products for the first 20 products as
// they were seeded: sent again, it must change nothing but their dateModified.
// Usage: openvenio_bench_seed_products <db-url> <company-id> [<count>] <products-file>
//                                      <resave-file>
//        (count defaults to 1 000 000, at most 9 999 999: the codes' seven digits)
// With --batches, connects to nothing and writes <batches> bodies of Create Or Update Products
// of <size> new products each to <dir>/<prefix>NNN.json, coded <prefix>NNNnnn (batch, item),
// in the seeded tree's groups and units, with the seeded products' mix of fields and variants:
//        openvenio_bench_seed_products --batches <dir> <prefix> <batches> <size>
// With --plan, seeds nothing and prints the query plan (SQLite's EXPLAIN QUERY PLAN,
// PostgreSQL's EXPLAIN) of every statement Get Products By Filter runs for productType 1031,
// status [1], one group id and a smartSearch, take 50, in the default order: the statements
// the repository itself builds, so the plan recorded is the one the server follows.
//        openvenio_bench_seed_products --plan <db-url> <company-id> <group-id> <smart-search>
// With --plan-get, the same for the statements Get a Product by ProductCode runs (the product,
// then its variants):
//        openvenio_bench_seed_products --plan-get <db-url> <company-id> <product-code>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "../planning_session.hpp"
#include "api/envelope.hpp"
#include "api/json_fields.hpp"
#include "core/money.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/products/product_repository.hpp"
#include "modules/products/product_types.hpp"
#include "storage/database.hpp"
#include "storage/master_lists.hpp"
#include "storage/sql.hpp"

namespace {

using Words = std::vector<std::string>;
using ov::core::Decimal;
namespace pr = ov::products;

constexpr std::int64_t kDefaultCount = 1000000;
constexpr std::int64_t kMaxCount = 9999999;
// The bodies sent again by the check of bench/run-products.
constexpr std::int64_t kResaved = 20;
// Every kVariantEvery-th product has variants.
constexpr std::int64_t kVariantEvery = 50;

// The word of the filter's smartSearch: in two of the ten qualifiers, and nowhere else in a
// product's search text (codes, barcodes, brands and tags never hold it).
const std::string kKeyword = "สแตนเลส";

// The tree: each level-1 group with the nouns of its products' names; the same ten level-2
// names under every level-1 group and the same ten level-3 names under every level-2 group
// (a name is unique under its parent only).
struct TopGroup {
  std::string name;
  Words nouns;
};
const std::vector<TopGroup> kTopGroups = {
    {"เครื่องมือช่าง", {"สว่านไฟฟ้า", "ไขควง", "ประแจ", "คีม", "Hammer"}},
    {"ไฟฟ้าและแสงสว่าง", {"หลอดไฟ LED", "สายไฟ", "ปลั๊กพ่วง", "สวิตช์", "Downlight"}},
    {"ประปาและสุขภัณฑ์", {"ก๊อกน้ำ", "ท่อ PVC", "วาล์ว", "ฝักบัว", "Sink"}},
    {"วัสดุก่อสร้าง", {"ตะแกรง", "แผ่นหลังคา", "บล็อกปูพื้น", "Anchor bolt", "Rebar tie"}},
    {"อุปกรณ์ยึดติด", {"น็อต", "สกรู", "พุก", "แหวนรอง", "Hinge"}},
    {"เฟอร์นิเจอร์สำนักงาน", {"โต๊ะทำงาน", "เก้าอี้", "ตู้เอกสาร", "ชั้นวาง", "Locker"}},
    {"Office supplies", {"แฟ้ม", "ปากกา", "กรรไกร", "Stapler", "Paper tray"}},
    {"Garden & Outdoor", {"สายยาง", "กรรไกรตัดกิ่ง", "กระถาง", "Sprinkler", "Wheelbarrow"}},
    {"Safety equipment", {"ถุงมือ", "หมวกนิรภัย", "แว่นตานิรภัย", "Safety shoes", "Cone"}},
    {"ครัวและของใช้ในบ้าน", {"หม้อ", "กระทะ", "ชั้นคว่ำจาน", "Kettle", "Cutlery set"}},
};
const Words kSubGroups = {"Professional", "DIY",     "อุตสาหกรรม", "งานบ้าน", "นำเข้า",
                          "Economy",      "Premium", "อะไหล่",     "ชุดสุดคุ้ม", "สินค้าโปรโมชั่น"};
const Words kSubSubGroups = {"ขนาดเล็ก", "ขนาดกลาง",  "ขนาดใหญ่", "Type A", "Type B",
                             "Type C",  "รุ่นมาตรฐาน", "รุ่นพิเศษ",  "Indoor", "Outdoor"};
constexpr int kTop = 10, kSub = 10, kSubSub = 10;

const Words kQualifiers = {"สแตนเลส 304", "สแตนเลส",    "พลาสติก ABS", "อะลูมิเนียม", "ทองเหลือง",
                           "เหล็กชุบซิงค์",   "Heavy Duty", "Premium",    "Eco",      "มาตรฐาน มอก."};
const Words kSizes = {"1/2 นิ้ว", "3/4 นิ้ว", "1 นิ้ว",  "2 นิ้ว",  "10 mm",  "25 mm",
                      "M6",     "M8",     "50 cm", "1.5 m", "ขนาด S", "ขนาด XL"};
const Words kBrands = {"ช่างไทย", "ตราช้าง",         "ตราดาว", "Bangkok Hardware", "ThaiPro",
                       "NaRa",   "Krungthep Home", "Eagle",  "Mega Supply",      "Siam Tools"};
const Words kTags = {"ขายดี", "สินค้าใหม่", "ลดราคา", "ส่งฟรี", "best seller", "new", "clearance", "B2B"};
const Words kDescriptions = {"สินค้าคุณภาพ รับประกันจากผู้ผลิต", "Suitable for indoor and outdoor use",
                             "ผลิตตามมาตรฐานอุตสาหกรรม", "Sold by the piece; pallets on request",
                             "ทนทาน ใช้งานได้ยาวนาน"};
const Words kUnits = {"ชิ้น", "กล่อง", "แพ็ค", "เมตร", "ม้วน", "ชุด", "อัน", "kg"};
const Words kWarrantyNotes = {"รับประกันเฉพาะความผิดพลาดจากการผลิต", "Warranty card inside the box"};
// Where the products' images are (productImage holds links).
constexpr const char* kImageBase = "https://cdn.example.com/products/";
struct AttributeSeed {
  std::string name;
  Words values;
};
const std::vector<AttributeSeed> kAttributes = {{"สี", {"แดง", "ดำ", "ขาว", "น้ำเงิน"}},
                                                {"ขนาด", {"S", "M", "L", "XL"}}};

// 2025-01-01T00:00:00+0700: the seeded products were created over 2025.
constexpr std::int64_t kYearStart = 1735664400;
constexpr std::int64_t kYear = 365 * 24 * 3600;

// 250 000 products a transaction. Four of the indexes order a type's or a group's products by
// name, so a transaction's rows land all over them and each transaction rewrites most of their
// pages: with the 20 000 of the other seeders a million products took
// 103 s, with 250 000 about 65 s (the writer then holds about 1 GiB). 500 rows a statement
// (500 × 34 parameters: 33 and the id on SQLite), below SQLite's 32 766 and PostgreSQL's 65 535.
constexpr std::int64_t kBatch = 250000;
constexpr std::size_t kRowsPerInsert = 500;

using Tier = pr::PriceInput;
struct VariantSeed {
  std::string code, name;
  std::optional<std::string> barcode;
  std::optional<Decimal> cost, qty;
  std::vector<Tier> tiers;
  Words images;
  bool active = true;
  int attribute = 0;  // index in kAttributes
  std::string value;
};
// A product as Create Or Update Products receives it (after its checks).
struct ProductSeed {
  std::string code, name;
  std::optional<std::string> barcode, description, weight_unit, warranty_unit, warranty_note, brand;
  int top = 0, sub = 0, subsub = -1;  // -1: no level-3 group
  int type = pr::kProduct;
  Decimal cost;
  std::vector<Tier> tiers;
  int unit = 0;
  std::optional<Decimal> weight, qty, low_stock;
  Words tags, images;
  bool track = false, warranty = false, visibility = true, active = true;
  std::optional<std::int64_t> warranty_value;
  std::vector<VariantSeed> variants;
};

// The product generator, shared by the seeding and the bodies of --batches.
class Catalogue {
 public:
  explicit Catalogue(std::uint64_t seed) : rng_(seed) {}
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  const std::string& pick(const Words& w) {
    return w[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(w.size()) - 1))];
  }
  bool chance(int percent) { return between(1, 100) <= percent; }

  // The product numbered `index` of its series (0-based), coded `code`.
  ProductSeed make(std::int64_t index, const std::string& code, bool bundles) {
    ProductSeed p;
    p.code = code;
    p.top = static_cast<int>(between(0, kTop - 1));
    p.sub = static_cast<int>(between(0, kSub - 1));
    if (chance(90)) p.subsub = static_cast<int>(between(0, kSubSub - 1));
    p.name = pick(kTopGroups[static_cast<std::size_t>(p.top)].nouns);
    p.name.append(" ").append(pick(kQualifiers)).append(" ").append(pick(kSizes));
    char model[48];
    std::snprintf(model, sizeof model, " รุ่น %c%03d", static_cast<char>('A' + between(0, 25)),
                  static_cast<int>(between(0, 999)));
    p.name.append(model);
    if (bundles && chance(5)) p.type = pr::kBundle;
    if (chance(80)) p.barcode = barcode();
    if (chance(40)) p.description = pick(kDescriptions);
    // Prices in satang: a whole baht, or .50 or .90 now and then.
    constexpr std::int64_t kEndings[] = {0, 0, 0, 50, 90};
    const std::int64_t regular = between(20, 25000) * 100 + kEndings[between(0, 4)];
    p.cost = money(regular * between(55, 80) / 100);
    p.tiers.push_back(tier("ขายปลีก", regular, true));
    if (chance(50)) {
      p.tiers.push_back(tier("ขายส่ง", regular * 85 / 100 / 50 * 50, false));
      if (chance(40)) p.tiers.push_back(tier("ตัวแทนจำหน่าย", regular * 75 / 100 / 50 * 50, false));
    }
    p.unit = static_cast<int>(between(0, static_cast<std::int64_t>(kUnits.size()) - 1));
    if (chance(50)) {
      p.weight = Decimal::from_units(between(50, 25000), 3);
      p.weight_unit = "kg";
    }
    for (auto tags = between(0, 3); tags > 0; --tags) {
      const auto& tag = pick(kTags);
      if (std::find(p.tags.begin(), p.tags.end(), tag) == p.tags.end()) p.tags.push_back(tag);
    }
    for (auto images = between(0, 2); images > 0; --images) {
      std::string image = kImageBase;
      image.append(code).append("-").append(std::to_string(p.images.size() + 1)).append(".jpg");
      p.images.push_back(std::move(image));
    }
    p.track = chance(60);
    if (p.track) {
      p.qty = Decimal::of(between(0, 500));
      if (chance(50)) p.low_stock = Decimal::of(between(5, 20));
    }
    p.warranty = chance(30);
    if (p.warranty) {
      p.warranty_value = between(1, 24);
      p.warranty_unit = chance(70) ? "m" : "y";
      if (chance(30)) p.warranty_note = pick(kWarrantyNotes);
    }
    p.visibility = chance(97);
    p.active = chance(95);
    if (chance(70)) p.brand = pick(kBrands);
    if (index % kVariantEvery == 0) {
      const int attribute = static_cast<int>((index / kVariantEvery) % 2);
      const auto& values = kAttributes[static_cast<std::size_t>(attribute)].values;
      const auto count = between(2, 4);
      for (std::int64_t v = 0; v < count; ++v) {
        VariantSeed s;
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "-%02d", static_cast<int>(v + 1));
        s.code = code;
        s.code.append(suffix);
        s.attribute = attribute;
        s.value = values[static_cast<std::size_t>(v)];
        s.name = p.name;
        s.name.append(" ").append(s.value);
        if (chance(50)) s.barcode = barcode();
        if (chance(50)) s.cost = money(regular * between(55, 80) / 100);
        Tier t;
        t.price_tier_name = "ขายปลีก";
        t.regular_price = money(regular + between(0, 4) * 1000);
        if (chance(30)) t.sale_price = money(regular);
        if (chance(60)) t.vat = Decimal::of(7);
        s.tiers.push_back(t);
        if (chance(50)) {
          std::string image = kImageBase;
          image.append(s.code).append(".jpg");
          s.images.push_back(std::move(image));
        }
        if (p.track) s.qty = Decimal::of(between(0, 100));
        s.active = chance(95);
        p.variants.push_back(std::move(s));
      }
    }
    return p;
  }

 private:
  static Decimal money(std::int64_t satang) { return Decimal::from_units(satang, 2); }
  // A Thai EAN-13: 885, nine digits and the check digit.
  std::string barcode() {
    std::string code = "885";
    for (int i = 0; i < 9; ++i) code.push_back(static_cast<char>('0' + between(0, 9)));
    int sum = 0;
    for (std::size_t i = 0; i < code.size(); ++i) sum += (code[i] - '0') * (i % 2 ? 3 : 1);
    code.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
    return code;
  }
  Tier tier(const char* name, std::int64_t satang, bool first) {
    Tier t;
    t.price_tier_name = name;
    t.regular_price = money(satang);
    if (first) {
      const auto d = between(1, 100);
      if (d <= 25) t.sale_price = money(satang * 90 / 100 / 100 * 100);
      if (d > 95) t.sale_price = money(0);  // sent as 0: the regular price stays the default
    }
    if (chance(60)) t.vat = Decimal::of(7);
    const auto v = between(1, 10);
    if (v <= 5) t.use_default_vat = true;
    if (v > 5 && v <= 7) t.use_default_vat = false;
    return t;
  }

  std::mt19937_64 rng_;
};

// --- What Create Or Update Products stores: pr::prices_json, pr::default_price,
// pr::attributes_json and pr::search_text_of, the server's own (modules/products/product_types).

std::string search_text(const std::string& code, const std::optional<std::string>& barcode,
                        const std::optional<std::string>& brand, const std::string& name,
                        const Words& tags) {
  pr::ProductRecord p;
  p.product_code = code;
  p.product_barcode = barcode;
  p.brand_name = brand;
  p.product_name = name;
  p.product_tag = tags;
  return pr::search_text_of(p);
}

// --- The body of Create Or Update Products -------------------------------------------------------

void write_opt(ov::api::JsonWriter& w, const char* key, const std::optional<std::string>& v) {
  if (!v) return;
  ov::api::write_key(w, key);
  ov::api::write_string(w, *v);
}
// Amounts and quantities as exact decimal strings, which the server keeps at their scale.
void write_amount(ov::api::JsonWriter& w, const char* key, const std::optional<Decimal>& v) {
  if (!v) return;
  ov::api::write_key(w, key);
  ov::api::write_string(w, v->to_string());
}
void write_list(ov::api::JsonWriter& w, const char* key, const Words& list) {
  ov::api::write_key(w, key);
  ov::api::write_strings(w, list);
}
void write_tiers(ov::api::JsonWriter& w, const std::vector<Tier>& tiers, bool variant) {
  ov::api::write_key(w, "prices");
  w.StartArray();
  for (const auto& t : tiers) {
    w.StartObject();
    ov::api::write_key(w, "priceTierName");
    ov::api::write_string(w, t.price_tier_name);
    write_amount(w, "regularPrice", t.regular_price);
    write_amount(w, "salePrice", t.sale_price);
    write_amount(w, variant ? "vat" : "vatValue", t.vat);
    if (t.use_default_vat && !variant) {
      ov::api::write_key(w, "useDefaultVat");
      w.Bool(*t.use_default_vat);
    }
    w.EndObject();
  }
  w.EndArray();
}

void write_product(ov::api::JsonWriter& w, const ProductSeed& p) {
  const auto& top = kTopGroups[static_cast<std::size_t>(p.top)];
  w.StartObject();
  ov::api::write_key(w, "productCode");
  ov::api::write_string(w, p.code);
  write_opt(w, "productBarcode", p.barcode);
  ov::api::write_key(w, "productName");
  ov::api::write_string(w, p.name);
  write_opt(w, "productDescription", p.description);
  ov::api::write_key(w, "category");
  ov::api::write_string(w, top.name);
  ov::api::write_key(w, "subCategory");
  ov::api::write_string(w, kSubGroups[static_cast<std::size_t>(p.sub)]);
  if (p.subsub >= 0) {
    ov::api::write_key(w, "sub_SubCategory");
    ov::api::write_string(w, kSubSubGroups[static_cast<std::size_t>(p.subsub)]);
  }
  write_amount(w, "cost", p.cost);
  write_tiers(w, p.tiers, false);
  ov::api::write_key(w, "productUnitName");
  ov::api::write_string(w, kUnits[static_cast<std::size_t>(p.unit)]);
  write_amount(w, "productWeight", p.weight);
  write_opt(w, "productWeightUnit", p.weight_unit);
  write_list(w, "productTag", p.tags);
  write_list(w, "productImage", p.images);
  ov::api::write_key(w, "trackInventory");
  w.Bool(p.track);
  write_amount(w, "qty", p.qty);
  write_amount(w, "lowStockAlert", p.low_stock);
  ov::api::write_key(w, "useWarranty");
  w.Bool(p.warranty);
  if (p.warranty_value) {
    ov::api::write_key(w, "timeWarrantyValue");
    w.Int64(*p.warranty_value);
  }
  write_opt(w, "timeWarrantyUnit", p.warranty_unit);
  write_opt(w, "warrantyNote", p.warranty_note);
  ov::api::write_key(w, "visibility");
  w.Bool(p.visibility);
  ov::api::write_key(w, "active");
  w.Bool(p.active);
  write_opt(w, "brandName", p.brand);
  if (!p.variants.empty()) {
    ov::api::write_key(w, "productVariant");
    w.StartArray();
    for (const auto& v : p.variants) {
      const auto& attribute = kAttributes[static_cast<std::size_t>(v.attribute)];
      w.StartObject();
      ov::api::write_key(w, "productCode");
      ov::api::write_string(w, v.code);
      ov::api::write_key(w, "productName");
      ov::api::write_string(w, v.name);
      write_opt(w, "productBarcode", v.barcode);
      write_amount(w, "cost", v.cost);
      write_tiers(w, v.tiers, true);
      write_list(w, "productImage", v.images);
      write_amount(w, "qty", v.qty);
      ov::api::write_key(w, "active");
      w.Bool(v.active);
      ov::api::write_key(w, "attribute");
      w.StartArray();
      w.StartObject();
      ov::api::write_key(w, "attributeName");
      ov::api::write_string(w, attribute.name);
      ov::api::write_key(w, "attributeValueName");
      ov::api::write_string(w, v.value);
      w.EndObject();
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

std::string body_of(const std::vector<ProductSeed>& products) {
  std::string out;
  ov::api::StringSink sink(out);
  ov::api::JsonWriter w(sink);
  w.StartObject();
  ov::api::write_key(w, "products");
  w.StartArray();
  for (const auto& p : products) write_product(w, p);
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

// --- Rows ---------------------------------------------------------------------------------------

constexpr const char* kColumns =
    "company_id, parent_product_id, product_code, product_barcode, product_name, "
    "product_description, product_type, group1_id, group2_id, group3_id, product_group_id, "
    "cost, prices, default_price, unit_id, product_weight, product_weight_unit, product_tag, "
    "product_image, track_inventory, qty, low_stock_alert, use_warranty, time_warranty_value, "
    "time_warranty_unit, warranty_note, visibility, active, brand_name, attributes, search_text, "
    "date_created, date_modified";
constexpr int kParams = 33;

// One row's values; strings owned here so the statement's views stay valid.
struct Row {
  std::string code, name, cost, prices, default_price, tags, images, qty, attributes, search;
  std::optional<std::string> barcode, description, weight, weight_unit, low_stock, warranty_unit,
      warranty_note, brand;
  std::optional<std::int64_t> parent, group3, warranty_value;
  std::int64_t type = pr::kProduct, group1 = 0, group2 = 0, group = 0, unit = 0, date = 0;
  bool track = false, warranty = false, visibility = true, active = true;
};

ov::storage::Value opt_text(const std::optional<std::string>& v) {
  if (!v) return nullptr;
  return std::string_view(*v);
}
ov::storage::Value opt_int(std::optional<std::int64_t> v) {
  if (!v) return nullptr;
  return *v;
}
std::optional<std::string> opt_decimal(const std::optional<Decimal>& d) {
  if (!d) return std::nullopt;
  return d->to_string();
}
std::int64_t flag(bool b) { return b ? 1 : 0; }

void bind_row(std::vector<ov::storage::Value>& params, std::int64_t company, const Row& r) {
  params.insert(params.end(), {company,
                               opt_int(r.parent),
                               std::string_view(r.code),
                               opt_text(r.barcode),
                               std::string_view(r.name),
                               opt_text(r.description),
                               r.type,
                               r.group1,
                               r.group2,
                               opt_int(r.group3),
                               r.group,
                               std::string_view(r.cost),
                               std::string_view(r.prices),
                               std::string_view(r.default_price),
                               r.unit,
                               opt_text(r.weight),
                               opt_text(r.weight_unit),
                               std::string_view(r.tags),
                               std::string_view(r.images),
                               flag(r.track),
                               std::string_view(r.qty),
                               opt_text(r.low_stock),
                               flag(r.warranty),
                               opt_int(r.warranty_value),
                               opt_text(r.warranty_unit),
                               opt_text(r.warranty_note),
                               flag(r.visibility),
                               flag(r.active),
                               opt_text(r.brand),
                               std::string_view(r.attributes),
                               std::string_view(r.search),
                               r.date,
                               r.date});
}

// "INSERT INTO products (…) VALUES (?, …), … RETURNING product_id, product_code" for `rows`
// rows, built once per row count. On SQLite the seeder gives every row its id, the largest in
// use plus one and counting, as storage::Table does there; on PostgreSQL the identity column
// gives it, so the ids Create Or Update Products takes later follow the seeded ones either way.
class Inserts {
 public:
  explicit Inserts(bool explicit_keys) : explicit_keys_(explicit_keys) {}
  void start(ov::storage::Session& s) {
    if (explicit_keys_)
      last_id_ = s.query_i64("SELECT COALESCE(MAX(product_id), 0) FROM products").value_or(0);
  }
  void key(std::vector<ov::storage::Value>& params) {
    if (explicit_keys_) params.emplace_back(++last_id_);
  }
  const std::string& sql(std::size_t rows) {
    auto& sql = cache_[rows];
    if (!sql.empty()) return sql;
    sql.append("INSERT INTO products (");
    if (explicit_keys_) sql.append("product_id, ");
    sql.append(kColumns).append(") VALUES ");
    std::string one = "(";
    const int params = kParams + (explicit_keys_ ? 1 : 0);
    for (int i = 0; i < params; ++i) one.append(i ? ", ?" : "?");
    one.append(")");
    for (std::size_t r = 0; r < rows; ++r) {
      if (r) sql.append(", ");
      sql.append(one);
    }
    sql.append(" RETURNING product_id, product_code");
    return sql;
  }

 private:
  bool explicit_keys_;
  std::int64_t last_id_ = 0;
  std::map<std::size_t, std::string> cache_;
};

using ov::bench::PlanningSession;

int print_filter_plan(const char* url, std::int64_t company, std::int64_t group,
                      const std::string& search) {
  auto db = ov::storage::open_database(url);
  pr::ListInput in;
  in.product_type = pr::kProduct;
  in.status = {true};
  in.group_ids = {group};
  in.smart_search = search;
  in.take = 50;
  // The default order of Get Products By Filter: name, then id.
  in.order = {{pr::kSortByName, false}, {pr::kSortById, false}};
  db->read_now([&](ov::storage::Session& s) {
    PlanningSession planning(s);
    pr::ProductRepository(planning).filter(company, in);
  });
  db->close();
  return 0;
}

int print_get_plan(const char* url, std::int64_t company, const std::string& code) {
  auto db = ov::storage::open_database(url);
  db->read_now([&](ov::storage::Session& s) {
    PlanningSession planning(s);
    pr::ProductRepository(planning).find_by_code(company, code);
  });
  db->close();
  return 0;
}

int write_batches(const std::string& dir, const std::string& prefix, int batches, int size) {
  if (batches < 1 || batches > 999 || size < 1 ||
      size > static_cast<int>(pr::kMaxProductsPerCall)) {
    std::cerr << "batches must be 1 to 999 and size 1 to " << pr::kMaxProductsPerCall << "\n";
    return 2;
  }
  Catalogue catalogue(std::hash<std::string>{}(prefix));
  for (int b = 1; b <= batches; ++b) {
    std::vector<ProductSeed> products;
    for (int i = 1; i <= size; ++i) {
      char digits[16];
      std::snprintf(digits, sizeof digits, "%03d%03d", b, i);
      std::string code = prefix;
      code.append(digits);
      products.push_back(catalogue.make(i - 1, code, false));
    }
    char digits[16];
    std::snprintf(digits, sizeof digits, "%03d.json", b);
    std::string name = prefix;
    name.append(digits);
    std::ofstream out(dir + "/" + name);
    out << body_of(products);
    if (!out) {
      std::cerr << "could not write " << dir << "/" << name << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::string_view(argv[1]) == "--plan") {
    return print_filter_plan(argv[2], std::stoll(argv[3]), std::stoll(argv[4]), argv[5]);
  }
  if (argc == 5 && std::string_view(argv[1]) == "--plan-get") {
    return print_get_plan(argv[2], std::stoll(argv[3]), argv[4]);
  }
  if (argc == 6 && std::string_view(argv[1]) == "--batches") {
    return write_batches(argv[2], argv[3], std::stoi(argv[4]), std::stoi(argv[5]));
  }
  if (argc != 5 && argc != 6) {
    std::cerr << "usage: " << argv[0]
              << " <db-url> <company-id> [<count>] <products-file> <resave-file>\n"
              << "       " << argv[0] << " --batches <dir> <prefix> <batches> <size>\n"
              << "       " << argv[0] << " --plan <db-url> <company-id> <group-id> <smart-search>\n"
              << "       " << argv[0] << " --plan-get <db-url> <company-id> <product-code>\n";
    return 2;
  }
  const std::int64_t company = std::stoll(argv[2]);
  const std::int64_t count = argc == 6 ? std::stoll(argv[3]) : kDefaultCount;
  if (count < 1 || count > kMaxCount) {
    std::cerr << "count must be between 1 and " << kMaxCount << " (P + 7 digits)\n";
    return 2;
  }
  const std::string products_file = argv[argc - 2];
  const std::string resave_file = argv[argc - 1];
  std::ofstream out(products_file);
  auto db = ov::storage::open_database(argv[1]);
  const std::string user = ov::demo::kApiUserId;
  const std::int64_t now = kYearStart;

  // The tree, the units and the attributes with their values, as Create Or Update Products
  // creates them (found by name, else added with the next id).
  std::int64_t top_ids[kTop], sub_ids[kTop][kSub], subsub_ids[kTop][kSub][kSubSub];
  std::vector<std::int64_t> unit_ids;
  out << "keyword " << kKeyword << "\n"
      << "count " << count << "\n";
  db->write_now([&](ov::storage::Session& s) {
    pr::ProductRepository repo(s);
    auto line = [&](std::int64_t id, int level, std::int64_t parent, const std::string& name) {
      auto rows =
          s.query("SELECT code FROM product_groups WHERE company_id = ? AND product_group_id = ?",
                  {company, id});
      if (!rows.next()) {
        std::string error = "group ";
        error.append(std::to_string(id)).append(" was not stored");
        throw std::runtime_error(error);
      }
      out << "group " << id << " " << level << " " << parent << " " << rows.str(0) << " " << name
          << "\n";
    };
    for (int t = 0; t < kTop; ++t) {
      const auto& top = kTopGroups[static_cast<std::size_t>(t)].name;
      top_ids[t] = repo.group_for(company, std::nullopt, 1, top, user, now);
      line(top_ids[t], 1, 0, top);
      for (int u = 0; u < kSub; ++u) {
        const auto& sub = kSubGroups[static_cast<std::size_t>(u)];
        sub_ids[t][u] = repo.group_for(company, top_ids[t], 2, sub, user, now);
        line(sub_ids[t][u], 2, top_ids[t], sub);
        for (int v = 0; v < kSubSub; ++v) {
          const auto& subsub = kSubSubGroups[static_cast<std::size_t>(v)];
          subsub_ids[t][u][v] = repo.group_for(company, sub_ids[t][u], 3, subsub, user, now);
          line(subsub_ids[t][u][v], 3, sub_ids[t][u], subsub);
        }
      }
    }
    for (const auto& unit : kUnits) {
      unit_ids.push_back(
          ov::storage::find_or_add_by_name(s, pr::kProductUnits, company, unit, user, now).id);
    }
    for (const auto& a : kAttributes) {
      const auto id =
          ov::storage::find_or_add_by_name(s, pr::kProductAttributes, company, a.name, user, now)
              .id;
      for (const auto& v : a.values) repo.attribute_value_for(company, id, v);
    }
  });

  Catalogue catalogue(20250801);
  Inserts inserts(db->backend() == "sqlite");
  db->read_now([&](ov::storage::Session& s) { inserts.start(s); });
  // A transaction's dirty pages, spread over the name indexes, outgrow the writer's page cache
  // (128 MiB) long before its commit: a cache of 1 GiB for the seeding only (the pragma lasts
  // as long as the seeder's connection).
  if (db->backend() == "sqlite") {
    db->write_now([](ov::storage::Session& s) { s.exec("PRAGMA cache_size=-1048576"); });
  }
  // Per level-2 group: active products of type 1031, and of them those whose name holds the
  // keyword (what the filter benchmark's body matches).
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> per_group;
  std::vector<ProductSeed> resaved;
  std::vector<ProductSeed> seeds;
  std::vector<Row> rows;
  std::vector<ov::storage::Value> params;
  std::int64_t variant_rows = 0;
  seeds.reserve(kRowsPerInsert);
  rows.reserve(kRowsPerInsert);
  params.reserve(kRowsPerInsert * (kParams + 1));

  auto parent_row = [&](const ProductSeed& p, std::int64_t date) {
    Row r;
    r.code = p.code;
    r.barcode = p.barcode;
    r.name = p.name;
    r.description = p.description;
    r.type = p.type;
    r.group1 = top_ids[p.top];
    r.group2 = sub_ids[p.top][p.sub];
    if (p.subsub >= 0) r.group3 = subsub_ids[p.top][p.sub][p.subsub];
    r.group = r.group3 ? *r.group3 : r.group2;
    r.cost = p.cost.to_string();
    r.prices = pr::prices_json(p.tiers, false);
    r.default_price = pr::default_price(p.tiers).to_string();
    r.unit = unit_ids[static_cast<std::size_t>(p.unit)];
    r.weight = opt_decimal(p.weight);
    r.weight_unit = p.weight_unit;
    r.tags = ov::storage::encode_string_list(p.tags);
    r.images = ov::storage::encode_string_list(p.images);
    r.track = p.track;
    r.qty = p.qty.value_or(Decimal::of(0)).to_string();
    r.low_stock = opt_decimal(p.low_stock);
    r.warranty = p.warranty;
    r.warranty_value = p.warranty_value;
    r.warranty_unit = p.warranty_unit;
    r.warranty_note = p.warranty_note;
    r.visibility = p.visibility;
    r.active = p.active;
    r.brand = p.brand;
    r.attributes = "[]";
    r.search = search_text(p.code, p.barcode, p.brand, p.name, p.tags);
    r.date = date;
    return r;
  };
  // A variant: its own code, names, barcode, prices, images, stock, state and attribute; the
  // rest is its product's (save_variant).
  auto variant_row = [&](const Row& parent, std::int64_t parent_id, const ProductSeed& p,
                         const VariantSeed& v) {
    Row r = parent;
    r.parent = parent_id;
    r.code = v.code;
    r.name = v.name;
    r.barcode = v.barcode;
    r.description.reset();
    r.cost = v.cost.value_or(p.cost).to_string();
    r.prices = pr::prices_json(v.tiers, true);
    r.default_price = pr::default_price(v.tiers).to_string();
    r.images = ov::storage::encode_string_list(v.images);
    r.qty = v.qty.value_or(Decimal::of(0)).to_string();
    r.low_stock.reset();
    r.active = v.active;
    r.attributes =
        pr::attributes_json({{kAttributes[static_cast<std::size_t>(v.attribute)].name, v.value}});
    r.search = search_text(v.code, v.barcode, p.brand, v.name, p.tags);
    return r;
  };

  for (std::int64_t done = 0; done < count;) {
    const std::int64_t batch_end = std::min(count, done + kBatch);
    db->write_now([&](ov::storage::Session& s) {
      for (std::int64_t i = done; i < batch_end;) {
        seeds.clear();
        rows.clear();
        params.clear();
        for (; i < batch_end && seeds.size() < kRowsPerInsert; ++i) {
          char code[32];
          std::snprintf(code, sizeof code, "P%07lld", static_cast<long long>(i + 1));
          auto p = catalogue.make(i, code, true);
          // Consecutive products were created one after the other over 2025.
          rows.push_back(parent_row(p, kYearStart + i * kYear / count));
          if (p.type == pr::kProduct && p.active) {
            auto& g = per_group[rows.back().group2];
            ++g.first;
            if (p.name.find(kKeyword) != std::string::npos) ++g.second;
          }
          if (i < kResaved) resaved.push_back(p);
          seeds.push_back(std::move(p));
        }
        for (const auto& r : rows) {
          inserts.key(params);
          bind_row(params, company, r);
        }
        std::unordered_map<std::string, std::int64_t> ids;
        {
          auto returned = s.query(inserts.sql(rows.size()), params);
          while (returned.next()) ids.emplace(returned.str(1), returned.i64(0));
        }
        // The variants of the statement's products, after them.
        std::vector<Row> variants;
        for (std::size_t k = 0; k < seeds.size(); ++k) {
          for (const auto& v : seeds[k].variants) {
            variants.push_back(variant_row(rows[k], ids.at(seeds[k].code), seeds[k], v));
          }
        }
        if (!variants.empty()) {
          params.clear();
          for (const auto& r : variants) {
            inserts.key(params);
            bind_row(params, company, r);
          }
          auto returned = s.query(inserts.sql(variants.size()), params);
          while (returned.next()) {
          }
          variant_rows += static_cast<std::int64_t>(variants.size());
        }
      }
    });
    done = batch_end;
  }
  // PostgreSQL plans by its statistics, which autovacuum gathers some time after a bulk load:
  // gathered now, so the measurements do not depend on when it gets to them.
  if (db->backend() == "postgres") {
    db->write_now([&](ov::storage::Session& s) {
      s.exec("ANALYZE products, product_groups, product_units");
    });
  }
  db->close();

  out << "variants " << variant_rows << "\n";
  for (const auto& [group, counts] : per_group) {
    out << "filter " << group << " " << counts.first << " " << counts.second << "\n";
  }
  out.close();
  std::ofstream resave(resave_file);
  resave << body_of(resaved);
  resave.close();
  if (!out || !resave) {
    std::cerr << "could not write " << products_file << " or " << resave_file << "\n";
    return 1;
  }
  std::cout << "seeded " << kTop * (1 + kSub * (1 + kSubSub)) << " groups, " << count
            << " products and " << variant_rows << " variants\n";
  return 0;
}
