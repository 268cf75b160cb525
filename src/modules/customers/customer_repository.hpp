// SQL of the Customer section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/customers/code_order.hpp"
#include "modules/customers/customer_types.hpp"
#include "modules/refs.hpp"
#include "storage/database.hpp"

namespace ov::customers {

class CustomerRepository {
 public:
  // `codes`, when given, lets a keyword enquiry in code order skip reading its matches' rows.
  explicit CustomerRepository(storage::Session& s, CodeOrder* codes = nullptr)
      : s_(s), codes_(codes) {}

  std::optional<CustomerRecord> find_by_code(std::int64_t company_id, std::string_view code);
  std::optional<CustomerRecord> find_by_id(std::int64_t company_id, std::int64_t customer_id);
  // The customer with what the legacy customer object nests besides (§4.0): its group and
  // classification entries and its interest rows. For sections that nest it.
  std::optional<CustomerRecord> find_legacy(std::int64_t company_id, std::int64_t customer_id);
  // Exact name, case-insensitively: the first `limit` by code, and how many there are.
  Page<CustomerRecord> find_by_name(std::int64_t company_id, std::string_view name,
                                    std::int64_t limit);
  // Exact tax number (and branch code when given); ordered by branch code.
  std::vector<CustomerRecord> find_by_tax_no(std::int64_t company_id, std::string_view tax_no,
                                             const std::optional<std::string>& branch_code);
  Page<CustomerRecord> enquiry(std::int64_t company_id, const EnquiryInput& in);
  Page<CustomerRecord> search(std::int64_t company_id, const SearchInput& in);
  // Customers matching any given field, ordered by code, at most `limit`.
  std::vector<ExistenceMatch> existence(std::int64_t company_id, const ExistenceInput& in,
                                        std::int64_t limit);

  bool code_taken(std::int64_t company_id, std::string_view code);

  // Inserts the customer row and returns its id; addresses, owners and the search row follow
  // with the save_* calls once the id is final.
  std::int64_t insert_row(const CustomerRecord& c);
  void update_row(const CustomerRecord& c);
  // Makes the stored addresses those of c.addresses: kept ones (address_id set) are updated,
  // new ones (address_id 0) get their ids here, the rest are deleted. `fresh`: none stored yet.
  void save_addresses(CustomerRecord& c, bool fresh);
  void save_owners(const CustomerRecord& c, const std::vector<refs::EmployeeRef>& owners,
                   bool fresh);
  // The contacts, tag links and interest links of c (lists replaced as a whole, §1.5), with
  // new contact ids. `fresh`: none stored yet.
  void save_contacts(CustomerRecord& c, bool fresh);
  void save_tags(const CustomerRecord& c, bool fresh);
  void save_interests(const CustomerRecord& c, bool fresh);
  // The customer's row of the keyword index, in step with its searchable fields.
  void save_search(const CustomerRecord& c, bool fresh);

 private:
  std::vector<CustomerRecord> load(std::string_view where_sql,
                                   std::initializer_list<storage::Value> params,
                                   bool contacts = true);
  // Addresses, contacts (unless `contacts` is false) and owners.
  void attach_children(std::vector<CustomerRecord>& list, bool contacts = true);
  // The customers with these ids, in this order (ids of other companies are left out).
  std::vector<CustomerRecord> load_ids(std::int64_t company_id,
                                       const std::vector<std::int64_t>& ids);
  Page<CustomerRecord> keyword_page(std::int64_t company_id, const EnquiryInput& in,
                                    const std::vector<std::int64_t>& ids);

  storage::Session& s_;
  CodeOrder* codes_;
};

}  // namespace ov::customers
