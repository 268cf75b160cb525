// Serial numbers of products (ENDPOINTS.md §4.8.8–§4.8.10): the registry Codeguard fills, the
// registration of a serial to its buyer, and the serial object both answer with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "core/fields.hpp"
#include "core/time.hpp"
#include "modules/products/product_types.hpp"

namespace ov::products {

// Serial statuses (designed, §4.8.8).
inline constexpr int kSerialAvailable = 1;
inline constexpr int kSerialRegistered = 2;
inline constexpr int kSerialInactive = 3;
// Customer types of a registration (designed enum).
inline constexpr std::int64_t kIndividual = 1;
inline constexpr std::int64_t kJuristicPerson = 2;
// Codeguard bounds (designed): products per call and serials per product, a production lot.
inline constexpr std::size_t kMaxCodeguardProducts = 100;
inline constexpr std::size_t kMaxSerialsPerProduct = 1000;

struct SerialRecord {
  std::int64_t company_id = 0;
  std::string serial_key;  // lower-case serial number
  std::string serial_number;
  std::int64_t product_id = 0;
  int status = kSerialAvailable;
  std::optional<std::string> customer_code;
  std::optional<std::string> customer_name;
  std::optional<std::int64_t> customer_type;
  std::optional<std::string> sale_order_no;
  std::optional<std::string> note;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<core::UnixSeconds> purchase_date;
  std::optional<core::UnixSeconds> warranty_expire_date;
  std::optional<core::UnixSeconds> date_verified;
  core::UnixSeconds date_created = 0;
  // Joined: the product's code and name.
  std::string product_code;
  std::string product_name;
};

// The serial object (§4.8.8), and its row.
inline constexpr core::Field<SerialRecord> kSerialFields[] = {
    {"serialNumber", "serial_number", &SerialRecord::serial_number, core::Store::kInsert},
    {"productCode", "p.product_code", &SerialRecord::product_code, core::Store::kRead},
    {"productName", "p.product_name", &SerialRecord::product_name, core::Store::kRead},
    {"serialStatus", "status", &SerialRecord::status},
    {"customerCode", "customer_code", &SerialRecord::customer_code},
    {"customerName", "customer_name", &SerialRecord::customer_name},
    {"saleOrderNo", "sale_order_no", &SerialRecord::sale_order_no},
    {"purchaseDate", "purchase_date", &SerialRecord::purchase_date, core::FieldKind::kDateTime},
    {"warrantyExpireDate", "warranty_expire_date", &SerialRecord::warranty_expire_date,
     core::FieldKind::kDateTime},
    {"dateVerified", "date_verified", &SerialRecord::date_verified, core::FieldKind::kDateTime},
    core::column_only<SerialRecord>("company_id", &SerialRecord::company_id, core::Store::kInsert),
    core::column_only<SerialRecord>("serial_key", &SerialRecord::serial_key, core::Store::kInsert),
    core::column_only<SerialRecord>("product_id", &SerialRecord::product_id, core::Store::kInsert),
    core::column_only<SerialRecord>("customer_type", &SerialRecord::customer_type),
    core::column_only<SerialRecord>("note", &SerialRecord::note),
    core::column_only<SerialRecord>("latitude", &SerialRecord::latitude),
    core::column_only<SerialRecord>("longitude", &SerialRecord::longitude),
    core::column_only<SerialRecord>("date_created", &SerialRecord::date_created,
                                    core::Store::kInsert),
};
inline constexpr core::Entity<SerialRecord> kSerialEntity{
    "product_serials", "sr", kSerialFields, "",
    " JOIN products p ON p.company_id = sr.company_id AND p.product_id = sr.product_id"};

// Verify Serial Number (§4.8.8, PascalCase body).
struct VerifyInput {
  std::string serial_number;
  std::optional<std::string> customer_name;
  std::optional<std::string> customer_code;
  std::optional<std::int64_t> customer_type;
  std::optional<std::string> sale_order_no;
  std::optional<std::string> note;
  std::optional<double> latitude;
  std::optional<double> longitude;
  core::UnixSeconds purchase_date = 0;
};

// One product of Create or Update Codeguard Products (§4.8.10), and its result.
struct CodeguardItem {
  std::string product_code;
  std::vector<std::string> serial_numbers;
  bool active = true;
  std::string error;  // set when the item was refused as sent
};
struct CodeguardResult {
  std::string product_code;
  std::int64_t serial_count = 0;
  bool is_success = false;
  std::string error;
};

// The key a serial number is compared by: ASCII letters in lower case, the rest as given (the
// same on both backends, as codes compare).
std::string serial_key_of(std::string_view serial);

// Codeguard's result per product (§4.8.10).
inline constexpr core::Field<CodeguardResult> kCodeguardResultFields[] = {
    core::json_only<CodeguardResult>("productCode", &CodeguardResult::product_code),
    core::json_only<CodeguardResult>("serialCount", &CodeguardResult::serial_count),
    core::json_only<CodeguardResult>("isSuccess", &CodeguardResult::is_success),
    {"error", api::custom_writer<CodeguardResult, api::write_result_error<CodeguardResult>>},
};

// The day `years`, `months` or `days` after `from` in `zone` (a warranty's end): a month end
// that the later month lacks becomes its last day (31 January + 1 month = 28 or 29 February).
core::UnixSeconds add_period(core::UnixSeconds from, std::int64_t amount, char unit,
                             const core::TimeZone& zone);

}  // namespace ov::products
