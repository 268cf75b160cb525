#include "modules/products/product_types.hpp"

namespace ov::products {

int product_type_of(std::int64_t value) {
  if (value == kProduct || value == 1301) return kProduct;
  if (value == kBundle || value == 1302) return kBundle;
  return 0;
}

void write_item_error(api::JsonWriter& w, const std::string& error) {
  if (error.empty()) {
    w.Null();
    return;
  }
  w.StartObject();
  api::write_key(w, "code");
  api::write_string(w, "4001");
  api::write_key(w, "message");
  api::write_string(w, error);
  w.EndObject();
}

}  // namespace ov::products
