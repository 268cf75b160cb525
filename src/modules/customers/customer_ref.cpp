#include "modules/customers/customer_ref.hpp"

namespace ov::customers {

std::optional<CustomerRef> find_customer_ref(storage::Session& s, std::int64_t company_id,
                                             std::string_view code) {
  auto rows = s.query(
      "SELECT customer_id, customer_code, customer_name, is_active FROM customers WHERE "
      "company_id = ? AND lower(customer_code) = lower(?)",
      {company_id, code});
  if (!rows.next()) return std::nullopt;
  return CustomerRef{rows.i64(0), rows.str(1), rows.str(2), rows.i64(3) == 1};
}

}  // namespace ov::customers
