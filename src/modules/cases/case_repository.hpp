// SQL of the Case section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/cases/case_types.hpp"
#include "modules/customers/customer_ref.hpp"
#include "storage/database.hpp"

namespace ov::cases {

using customers::CustomerRef;

class CaseRepository {
 public:
  explicit CaseRepository(storage::Session& s) : s_(s) {}

  std::optional<CaseRecord> find(std::int64_t company_id, std::string_view case_no);
  bool is_active_employee(std::int64_t company_id, std::string_view user_id);
  std::optional<CustomerRef> customer(std::int64_t company_id, std::string_view code);
  // A linked record's id and its number as stored (the request may spell it in another case).
  struct Link {
    std::int64_t id = 0;
    std::string number;
  };
  std::optional<Link> activity(std::int64_t company_id, std::string_view activity_no);
  std::optional<Link> deal(std::int64_t company_id, std::string_view deal_no);

  // Inserts the case with its link numbers (feedback_id is assigned); the link rows follow
  // with set_activities/set_deals(fresh = true).
  std::int64_t insert(const CaseRecord& c);
  void update(const CaseRecord& c);
  // `fresh`: the case has no links yet, so there is nothing to delete first.
  void set_activities(std::int64_t feedback_id, const std::vector<Link>& links, bool fresh);
  void set_deals(std::int64_t feedback_id, const std::vector<Link>& links, bool fresh);

 private:
  storage::Session& s_;
};

}  // namespace ov::cases
