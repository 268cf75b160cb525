// A customer as the other sections refer to it (cases, customer events, customer files): named
// by its code, which compares case-insensitively, within one company.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace ov::customers {

struct CustomerRef {
  std::int64_t customer_id = 0;
  std::string customer_code;  // as stored (the request may spell it in another case)
  std::string customer_name;
  bool is_active = true;
};

std::optional<CustomerRef> find_customer_ref(storage::Session& s, std::int64_t company_id,
                                             std::string_view code);

}  // namespace ov::customers
