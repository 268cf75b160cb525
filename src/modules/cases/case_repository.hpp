// SQL of the Case section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/cases/case_types.hpp"
#include "modules/refs.hpp"
#include "storage/database.hpp"

namespace ov::cases {

class CaseRepository {
 public:
  explicit CaseRepository(storage::Session& s) : s_(s) {}

  std::optional<CaseRecord> find(std::int64_t company_id, std::string_view case_no);

  // Inserts the case with its link numbers and returns its feedback_id (`with_id`: the one
  // c carries, for data that keeps documented ids); the link rows follow with set_links.
  std::int64_t insert(const CaseRecord& c, bool with_id = false);
  void update(const CaseRecord& c);
  // The case's linked activities or deals, in order. `fresh`: the case has none yet, so there
  // is nothing to delete first.
  enum class LinkKind { kActivities, kDeals };
  void set_links(const CaseRecord& c, LinkKind kind, const std::vector<refs::NumberRef>& links,
                 bool fresh);

 private:
  storage::Session& s_;
};

}  // namespace ov::cases
