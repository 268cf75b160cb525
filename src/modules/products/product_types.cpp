#include "modules/products/product_types.hpp"

namespace ov::products {

int product_type_of(std::int64_t value) {
  if (value == kProduct || value == 1301) return kProduct;
  if (value == kBundle || value == 1302) return kBundle;
  return 0;
}

std::string prices_json(const std::vector<PriceInput>& tiers, bool variant) {
  std::string out;
  api::StringSink sink(out);
  api::JsonWriter w(sink);
  auto opt_decimal = [&](const std::optional<core::Decimal>& d) {
    if (d) {
      api::write_decimal(w, *d);
    } else {
      w.Null();
    }
  };
  w.StartArray();
  for (const auto& t : tiers) {
    w.StartObject();
    api::write_key(w, "priceTierName");
    api::write_string(w, t.price_tier_name);
    api::write_key(w, "regularPrice");
    api::write_decimal(w, t.regular_price);
    api::write_key(w, "salePrice");
    opt_decimal(t.sale_price);
    api::write_key(w, variant ? "vat" : "vatValue");
    opt_decimal(t.vat);
    if (!variant) {
      api::write_key(w, "useDefaultVat");
      if (t.use_default_vat) {
        w.Bool(*t.use_default_vat);
      } else {
        w.Null();
      }
    }
    w.EndObject();
  }
  w.EndArray();
  return out;
}

core::Decimal default_price(const std::vector<PriceInput>& tiers) {
  if (tiers.empty()) return core::Decimal::of(0);
  const auto& t = tiers.front();
  if (t.sale_price && *t.sale_price > core::Decimal::of(0)) return *t.sale_price;
  return t.regular_price;
}

std::string attributes_json(const std::vector<AttributeInput>& list) {
  std::string out;
  api::StringSink sink(out);
  api::JsonWriter w(sink);
  w.StartArray();
  for (const auto& a : list) {
    w.StartObject();
    api::write_key(w, "attributeName");
    api::write_string(w, a.attribute_name);
    api::write_key(w, "attributeValueName");
    api::write_string(w, a.attribute_value_name);
    w.EndObject();
  }
  w.EndArray();
  return out;
}

// One per line.
std::string search_text_of(const ProductRecord& p) {
  std::string out = p.product_code;
  for (const auto* part : {&p.product_barcode, &p.brand_name}) {
    if (*part) out.append("\n").append(**part);
  }
  out.append("\n").append(p.product_name);
  for (const auto& tag : p.product_tag) out.append("\n").append(tag);
  return out;
}

}  // namespace ov::products
