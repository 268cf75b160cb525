#include "modules/products/product_routes.hpp"

#include <algorithm>

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/paging.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "api/query_input.hpp"
#include "core/error.hpp"
#include "modules/master_data.hpp"
#include "storage/master_lists.hpp"

namespace ov::products {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kMaxId;
using api::kNameChars;
using api::kTextChars;
using api::kUrlChars;

core::Decimal percent_max() { return core::Decimal::of(kMaxVatPercent); }

std::vector<PriceInput> read_prices(ObjectReader& r, bool variant) {
  auto tiers = r.object_list("prices", Need::kRequired, kMaxPriceTiers, [variant](ObjectReader& t) {
    PriceInput p;
    auto name = t.string("priceTierName", Need::kRequired, kNameChars);
    auto regular = t.money("regularPrice", Need::kRequired);
    p.sale_price = t.money("salePrice", Need::kOptional).value;
    p.vat = t.decimal(variant ? "vat" : "vatValue", Need::kOptional, api::kMoneyScale,
                      core::Decimal::of(0), percent_max())
                .value;
    if (!variant) p.use_default_vat = t.boolean("useDefaultVat", Need::kOptional).value;
    if (name) p.price_tier_name = *name;
    if (regular) p.regular_price = *regular;
    return p;
  });
  if (tiers && tiers->empty())
    r.problem("prices", r.path("prices") + " must have at least one tier");
  return tiers ? *tiers : std::vector<PriceInput>{};
}

VariantInput read_variant(ObjectReader& r) {
  VariantInput v;
  auto code = r.string("productCode", Need::kRequired, kCodeChars);
  auto name = r.string("productName", Need::kRequired, kNameChars);
  v.product_barcode = r.string("productBarcode", Need::kOptional, kCodeChars).value;
  v.product_description = r.string("productDescription", Need::kOptional, kTextChars).value;
  v.cost = r.money("cost", Need::kOptional).value;
  v.prices = read_prices(r, true);
  v.product_image = r.string_array("productImage", Need::kOptional, kMaxImages, kUrlChars)
                        .value.value_or(std::vector<std::string>{});
  v.qty = r.quantity("qty", Need::kOptional).value;
  v.low_stock_alert = r.quantity("lowStockAlert", Need::kOptional).value;
  auto active = r.boolean("active", Need::kRequired);
  auto attributes =
      r.object_list("attribute", Need::kRequired, kMaxAttributes, [](ObjectReader& a) {
        AttributeInput out;
        auto n = a.string("attributeName", Need::kRequired, kNameChars);
        auto value = a.string("attributeValueName", Need::kRequired, kNameChars);
        if (n) out.attribute_name = core::trimmed(*n);
        if (value) out.attribute_value_name = core::trimmed(*value);
        return out;
      });
  if (attributes && attributes->empty()) {
    r.problem("attribute", r.path("attribute") + " must have at least one attribute");
  }
  if (code) v.product_code = *code;
  if (name) v.product_name = *name;
  if (active) v.active = *active;
  if (attributes) v.attributes = *attributes;
  return v;
}

// One product of Create Or Update Products (§4.8.1).
ProductInput read_product(ObjectReader& r) {
  ProductInput p;
  auto code = r.string("productCode", Need::kRequired, kCodeChars);
  p.product_barcode = r.string("productBarcode", Need::kOptional, kCodeChars);
  auto name = r.string("productName", Need::kRequired, kNameChars);
  p.product_description = r.string("productDescription", Need::kOptional, kTextChars);
  auto category = r.string("category", Need::kRequired, kNameChars);
  // A blank level is none.
  auto level = [&](std::string_view key) {
    auto in = r.string(key, Need::kOptional, kNameChars);
    if (in.value) in.value = api::filter_text(in);
    return in;
  };
  p.sub_category = level("subCategory");
  p.sub_sub_category = level("sub_SubCategory");
  if (p.sub_sub_category && !p.sub_category) {
    r.problem("sub_SubCategory", r.path("sub_SubCategory") + " needs " + r.path("subCategory"));
  }
  auto cost = r.money("cost", Need::kRequired);
  p.prices = read_prices(r, false);
  auto unit = r.string("productUnitName", Need::kRequired, kNameChars);
  p.product_weight = r.quantity("productWeight", Need::kOptional);
  p.product_weight_unit = r.string("productWeightUnit", Need::kOptional, kCodeChars);
  p.product_tag = r.string_array("productTag", Need::kOptional, kMaxTags, kNameChars);
  p.product_image = r.string_array("productImage", Need::kOptional, kMaxImages, kUrlChars);
  auto track = r.boolean("trackInventory", Need::kRequired);
  p.qty = r.quantity("qty", Need::kOptional).value;
  p.low_stock_alert = r.quantity("lowStockAlert", Need::kOptional);
  auto warranty = r.boolean("useWarranty", Need::kRequired);
  const auto warranty_need = warranty && *warranty ? Need::kRequired : Need::kOptional;
  p.time_warranty_value = r.integer("timeWarrantyValue", warranty_need, 0, 1000);
  // The unit is checked where it counts: a product without warranty keeps what it was sent.
  p.time_warranty_unit = r.string("timeWarrantyUnit", warranty_need, kCodeChars);
  const auto& unit_of_time = p.time_warranty_unit;
  if (warranty_need == Need::kRequired && unit_of_time && *unit_of_time != "y" &&
      *unit_of_time != "m" && *unit_of_time != "d") {
    r.problem("timeWarrantyUnit", r.path("timeWarrantyUnit") + " must be y, m or d");
  }
  p.warranty_note = r.string("warrantyNote", Need::kOptional, kTextChars);
  auto visibility = r.boolean("visibility", Need::kRequired);
  auto active = r.boolean("active", Need::kRequired);
  p.brand_name = r.string("brandName", Need::kOptional, kNameChars);
  auto variants = r.object_list("productVariant", Need::kOptional, kMaxVariants, read_variant);
  if (code) p.product_code = core::trimmed(*code);
  if (name) p.product_name = *name;
  if (category) p.category = core::trimmed(*category);
  if (cost) p.cost = *cost;
  if (unit) p.product_unit_name = core::trimmed(*unit);
  if (track) p.track_inventory = *track;
  if (warranty) p.use_warranty = *warranty;
  if (visibility) p.visibility = *visibility;
  if (active) p.active = *active;
  if (variants) p.variants = *variants;
  return p;
}

// The problems of one item as its ticket result's message.
std::string joined(const std::vector<core::FieldProblem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "; ";
    out += p.message;
  }
  return out;
}

// The `name` array of a batch body (ObjectReader::items); otherwise a 4001 for the whole call.
const rapidjson::Value& batch_list(ObjectReader& r, std::string_view name, std::size_t max_items) {
  const auto* list = r.items(name, max_items);
  r.check();
  return *list;
}

// Each item of a batch read on its own by `read(ObjectReader&, T&)`: an item that is no object,
// or whose reader records problems, carries them joined in its `error` (its result's message).
// `name` prefixes the items' paths ("products[2].cost"; "" for a top-level array: "[2].qty").
template <class T, class Read>
std::vector<T> read_items(const rapidjson::Value& list, std::string_view name, Read read) {
  std::vector<T> out;
  out.reserve(list.Size());
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    T item;
    std::string prefix(name);
    prefix.append("[").append(std::to_string(i)).append("]");
    if (!list[i].IsObject()) {
      item.error = prefix + " must be an object";
    } else {
      ObjectReader r(list[i], prefix);
      read(r, item);
      if (r.has_problems()) item.error = joined(r.take_problems());
    }
    out.push_back(std::move(item));
  }
  return out;
}

// Create Or Update Products: {"products": [...]}, each product checked on its own.
std::vector<BatchItem> parse_batch(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& list = batch_list(r, "products", kMaxProductsPerCall);
  auto items = read_items<BatchItem>(list, "products", [](ObjectReader& ir, BatchItem& b) {
    b.input = read_product(ir);
    b.code = b.input->product_code;
    // A product refused as sent is reported under the code it was sent with.
    if (const auto* code = ir.find("productCode"); code && code->IsString()) {
      if (ir.has_problems()) b.code.assign(code->GetString(), code->GetStringLength());
    }
  });
  for (auto& b : items) {
    if (!b.error.empty()) b.input.reset();
  }
  return items;
}

// `status` (§6 point 8): 0/1 or booleans; empty or both values = every product.
std::vector<bool> read_status(ObjectReader& r) {
  auto list = r.boolean_list("status", Need::kRequired, api::kMaxFilterValues);
  if (!list) return {};
  std::vector<bool> out = *list;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.size() == 2) out.clear();
  return out;
}

ListInput parse_take_status(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  ListInput in;
  const auto page = api::read_page(r, {.take = "take"});
  in.status = read_status(r);
  r.check();
  in.take = page.take;
  in.skip = page.skip;
  return in;
}

ListInput parse_filter(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  ListInput in;
  auto for_codes = r.string("productFor", Need::kOptional, api::kTextChars);
  auto type_for = r.integer("typeFor", Need::kOptional, 0, 2);
  auto type = r.integer("productType", Need::kRequired, 0, kMaxId);
  if (type && product_type_of(*type) == 0) {
    r.problem("productType", "productType must be 1031 (product) or 1032 (bundle)");
  }
  auto groups =
      r.integer_list("productGroupIds", Need::kOptional, 0, kMaxId, api::kMaxFilterValues);
  in.status = read_status(r);
  const auto page = api::read_page(r, {.take = "take"});
  auto search = r.string("smartSearch", Need::kOptional, kNameChars);
  // The searched text keeps each field on a line of its own: a line break (or any control
  // character) would match across fields.
  if (search && std::any_of(search->begin(), search->end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    r.problem("smartSearch", "smartSearch must not contain control characters");
  }
  in.order = api::read_order(r, "orderBy", kRowSort, {{kSortByName, false}, {kSortById, false}});
  r.check();
  if (for_codes) {
    std::string_view rest = *for_codes;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      auto code = core::trimmed(rest.substr(0, comma));
      if (!code.empty()) in.group_codes.push_back(std::move(code));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  in.type_for = type_for ? static_cast<int>(*type_for) : 0;
  in.product_type = product_type_of(*type);
  // The legacy example sends [0]: no group has id 0, so a 0 filters nothing.
  if (groups) {
    for (auto id : *groups) {
      if (id != 0) in.group_ids.push_back(id);
    }
  }
  in.take = page.take;
  in.skip = page.skip;
  in.smart_search = api::filter_text(search);
  return in;
}

// Update Product Stock: a top-level array of {productCode, qty}; an item's problems are its
// result's error.
std::vector<StockItem> parse_stock(const http::Request& req) {
  auto doc = api::parse_json_body(req.body());
  if (!doc.IsArray()) throw core::validation("", "The body must be a JSON array of stock items");
  if (doc.Empty() || doc.Size() > kMaxStockItems) {
    throw core::validation(
        "", "The body must have 1 to " + std::to_string(kMaxStockItems) + " stock items");
  }
  return read_items<StockItem>(doc, "", [](ObjectReader& r, StockItem& item) {
    auto code = r.string("productCode", Need::kRequired, kCodeChars);
    auto qty = r.quantity("qty", Need::kRequired);
    if (code) item.product_code = *code;
    item.qty = qty.value;
  });
}

// Verify Serial Number (§4.8.8): PascalCase in the docs; names compare case-insensitively.
VerifyInput parse_verify(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  VerifyInput in;
  auto serial = r.string("SerialNumber", Need::kRequired, kCodeChars);
  in.customer_name = api::filter_text(r.string("CustomerName", Need::kOptional, kNameChars));
  in.customer_code = api::filter_text(r.string("CustomerCode", Need::kOptional, kCodeChars));
  if (!in.customer_name && !in.customer_code) {
    r.problem("CustomerName", "CustomerCode or CustomerName is required");
  }
  in.customer_type = r.integer("CustomerType", Need::kOptional, kIndividual, kJuristicPerson).value;
  in.sale_order_no = r.string("SaleOrderNo", Need::kOptional, kCodeChars).value;
  in.note = r.string("Note", Need::kOptional, kTextChars).value;
  in.latitude = r.number("Latitude", Need::kOptional, -90, 90).value;
  // The documented spelling, and the usual one.
  auto longitude = r.find("Longtitude") ? r.number("Longtitude", Need::kOptional, -180, 180)
                                        : r.number("Longitude", Need::kOptional, -180, 180);
  in.longitude = longitude.value;
  auto purchase = r.datetime("PurchaseDate", Need::kRequired, *req.zone);
  r.check();
  in.serial_number = core::trimmed(*serial);
  in.purchase_date = *purchase;
  return in;
}

// Create or Update Codeguard Products (§4.8.10): {"products": [...]}, each checked on its own.
std::vector<CodeguardItem> parse_codeguard(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& list = batch_list(r, "products", kMaxCodeguardProducts);
  return read_items<CodeguardItem>(list, "products", [](ObjectReader& ir, CodeguardItem& item) {
    auto code = ir.string("productCode", Need::kRequired, kCodeChars);
    auto serials =
        ir.string_array("serialNumbers", Need::kRequired, kMaxSerialsPerProduct, kCodeChars);
    if (serials && serials->empty()) {
      ir.problem("serialNumbers", ir.path("serialNumbers") + " must have at least one serial");
    }
    auto active = ir.boolean("active", Need::kOptional);
    if (code) item.product_code = *code;
    item.active = active.value.value_or(true);
    if (!serials) return;
    for (const auto& serial : *serials) {
      auto t = core::trimmed(serial);
      // Each serial once, as first given (compared as stored).
      const bool seen =
          std::any_of(item.serial_numbers.begin(), item.serial_numbers.end(),
                      [&](const std::string& x) { return serial_key_of(x) == serial_key_of(t); });
      if (!seen && !t.empty()) item.serial_numbers.push_back(std::move(t));
    }
  });
}

api::Reply serial_reply(const SerialRecord& r, const core::TimeZone& zone) {
  return api::object_reply(r, core::Fields<SerialRecord>(kSerialFields), {&zone});
}

api::Reply ticket_reply(const TicketRecord& t, const core::TimeZone& zone) {
  return api::object_reply(t, core::Fields<TicketRecord>(kTicketFields), {&zone});
}

}  // namespace

void register_routes(api::Routes& routes, ProductService& service, storage::Database& db) {
  using http::bhttp::verb;
  auto s = routes.section(api::Family::kS);
  auto n = routes.section(api::Family::kN);

  s.add(verb::post, "/v3/products", [&service](http::Request& req) -> asio::awaitable<api::Reply> {
    auto items = parse_batch(req);
    const auto caller = api::caller_of(req);
    auto t = co_await service.upsert(caller, std::move(items));
    co_return ticket_reply(t, *req.zone);
  });

  // Ticket ids are int64, and the root path is the same route (§7.4).
  for (const char* path : {"/v3/products/tickets/{ticketId:int64}", "/tickets/{ticketId:int64}"}) {
    s.add(verb::get, path, [&service](http::Request& req) -> asio::awaitable<api::Reply> {
      const auto id = api::path_id(req, 0);
      const auto caller = api::caller_of(req);
      auto t = co_await service.ticket(caller, id);
      co_return ticket_reply(t, *req.zone);
    });
  }

  s.add(verb::post, "/v2/products/getproduct",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto in = parse_take_status(req);
          const auto caller = api::caller_of(req);
          auto page = co_await service.take_by_status(caller, std::move(in));
          co_return api::list_reply(page.items, page.total,
                                    core::Fields<ProductRecord>(kProductFields), {req.zone});
        });

  s.add(verb::get, "/v2/products/{productCode}",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto code = api::path_code(req, 0, kCodeChars, "Product codes", "product");
          const auto caller = api::caller_of(req);
          auto p = co_await service.get(caller, std::move(code));
          co_return api::object_reply(p, core::Fields<ProductRecord>(kProductFields), {req.zone});
        });

  n.add(verb::post, "/v1/products/getproduct",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto in = parse_filter(req);
          const auto caller = api::caller_of(req);
          auto page = co_await service.filter(caller, std::move(in));
          co_return api::list_reply(page.items, page.total, core::Fields<ProductRecord>(kRowFields),
                                    {req.zone});
        });

  n.add(verb::get, "/v1/products/properties",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          const auto caller = api::caller_of(req);
          auto list = co_await service.properties(caller);
          auto reply = api::payload([&](api::JsonWriter& w) {
            w.StartArray();
            for (const auto& a : list) {
              w.StartObject();
              api::write_key(w, "attributeId");
              w.Int64(a.attribute_id);
              api::write_key(w, "attributeName");
              api::write_string(w, a.attribute_name);
              api::write_key(w, "values");
              w.StartArray();
              for (const auto& [id, name] : a.values) {
                w.StartObject();
                api::write_key(w, "attributeValueId");
                w.Int64(id);
                api::write_key(w, "attributeValueName");
                api::write_string(w, name);
                w.EndObject();
              }
              w.EndArray();
              w.EndObject();
            }
            w.EndArray();
          });
          reply.total = static_cast<std::int64_t>(list.size());
          co_return reply;
        });

  n.add(verb::put, "/v1/products/stock",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto items = parse_stock(req);
          const auto caller = api::caller_of(req);
          auto results = co_await service.set_stock(caller, std::move(items));
          co_return api::list_reply(results, core::Fields<StockResult>(kStockResultFields),
                                    {req.zone});
        });

  s.add(verb::post, "/v3/products/serials/verification",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto in = parse_verify(req);
          const auto caller = api::caller_of(req);
          auto r = co_await service.verify_serial(caller, std::move(in));
          co_return serial_reply(r, *req.zone);
        });

  s.add(verb::get, "/v3/products/serials/status",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          api::QueryReader q(req.query);
          auto serial = q.string("serialNumber", Need::kRequired, kCodeChars);
          api::check_request(q, nullptr);
          const auto caller = api::caller_of(req);
          auto r = co_await service.serial_status(caller, core::trimmed(*serial));
          co_return serial_reply(r, *req.zone);
        });

  s.add(verb::post, "/v3/products/codeguard",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto items = parse_codeguard(req);
          const auto caller = api::caller_of(req);
          auto results = co_await service.codeguard(caller, std::move(items));
          co_return api::list_reply(results, core::Fields<CodeguardResult>(kCodeguardResultFields),
                                    {req.zone});
        });

  // One unit (§4.8.13), as the unit list shows it.
  n.add(verb::get, "/v1/products/units/{unitId:int64}",
        [&db](http::Request& req) -> asio::awaitable<api::Reply> {
          const auto id = api::path_id(req, 0);
          const auto caller = api::caller_of(req);
          auto row = co_await db.read([&](storage::Session& s) {
            return storage::find_master(s, kProductUnits, caller.company_id, id);
          });
          if (!row) throw core::not_found("unitId " + std::to_string(id) + " was not found");
          co_return api::payload(
              [&](api::JsonWriter& w) { modules::write_master_item(w, kProductUnits, *row); });
        });
}

}  // namespace ov::products
