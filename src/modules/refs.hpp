// Records one section names in another's requests — customers by code, employees by user id
// or staff code, activities and deals by number — looked up one way, within one company.
// Codes and numbers compare case-insensitively (ENDPOINTS.md §1.8); the reference carries the
// spelling stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace ov::refs {

struct CustomerRef {
  std::int64_t customer_id = 0;
  std::string customer_code;  // as stored
  std::string customer_name;
  bool is_active = true;
};

// Active or not.
std::optional<CustomerRef> find_customer_ref(storage::Session& s, std::int64_t company_id,
                                             std::string_view code);
// A customer a new or changed record may name: an inactive one counts as unknown (404
// "<field> <code> was not found").
CustomerRef require_active_customer(storage::Session& s, std::int64_t company_id,
                                    const std::string& code,
                                    std::string_view field = "customerCode");
// Any customer, for reads (an inactive customer's history stays readable).
CustomerRef require_customer(storage::Session& s, std::int64_t company_id, const std::string& code,
                             std::string_view field = "customerCode");

struct EmployeeRef {
  std::string user_id;
  std::optional<std::string> staff_code;  // as stored
  std::optional<std::int64_t> team_id;
};

// Active employees only: a disabled employee cannot be assigned or own records.
std::optional<EmployeeRef> find_employee_ref(storage::Session& s, std::int64_t company_id,
                                             std::string_view user_id);
std::optional<EmployeeRef> find_employee_by_staff_code(storage::Session& s, std::int64_t company_id,
                                                       std::string_view staff_code);
// 404 "<field> <staff code> was not found".
EmployeeRef require_employee_by_staff_code(storage::Session& s, std::int64_t company_id,
                                           const std::string& staff_code, std::string_view field);
// 404 "<field> <user id> was not found".
EmployeeRef require_employee(storage::Session& s, std::int64_t company_id,
                             const std::string& user_id, std::string_view field);

// A record named by its business number: its id and the number as stored.
struct NumberRef {
  std::int64_t id = 0;
  std::string number;
};
// Activities that are not deleted (isActive): a deleted activity is gone from the app, so a
// case or task cannot newly name it.
std::optional<NumberRef> find_activity_ref(storage::Session& s, std::int64_t company_id,
                                           std::string_view activity_no);
// The same by its activityId.
std::optional<NumberRef> find_activity_by_id(storage::Session& s, std::int64_t company_id,
                                             std::int64_t activity_id);
std::optional<NumberRef> find_deal_ref(storage::Session& s, std::int64_t company_id,
                                       std::string_view deal_no);
// A case by its number (feedbackNo).
std::optional<NumberRef> find_case_ref(storage::Session& s, std::int64_t company_id,
                                       std::string_view case_no);

// A product a document line names (§4.9.1 rule 6): its name, unit and default price fill what
// the line leaves out. Active or not; a line may name only an active one.
struct ProductRef {
  std::int64_t product_id = 0;
  std::string product_code;  // as stored
  std::string product_name;
  std::string default_price;  // exact decimal text
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> unit_name;
  bool active = true;
};
std::optional<ProductRef> find_product_ref(storage::Session& s, std::int64_t company_id,
                                           std::string_view product_code);

// The record `find` finds for `key`, or 404 "<what> <key> was not found".
template <class Find>
auto require_one(const std::string& key, std::string_view what, Find find) {
  auto ref = find(key);
  if (!ref) throw core::not_found(std::string(what) + " " + key + " was not found");
  return std::move(*ref);
}

// Each key looked up in order with `find`; the first unknown one stops the request (404
// "<what> <key> was not found", ENDPOINTS.md §2.5).
template <class Find>
auto require_each(const std::vector<std::string>& keys, std::string_view what, Find find) {
  using Ref = typename decltype(find(keys.front()))::value_type;
  std::vector<Ref> out;
  out.reserve(keys.size());
  for (const auto& key : keys) out.push_back(require_one(key, what, find));
  return out;
}

}  // namespace ov::refs
