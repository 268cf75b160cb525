// SQL of satisfaction sources and answers. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>

#include "modules/customer_events/customer_event_types.hpp"
#include "storage/database.hpp"

namespace ov::customer_events {

struct SatisfactionSource {
  std::int64_t source_id = 0;
  std::string source_name;  // as first stored
  int source_type = kCsat;
};

class SatisfactionRepository {
 public:
  explicit SatisfactionRepository(storage::Session& s) : s_(s) {}

  // The source with this name (compared case-insensitively), created with `type` when the
  // company has none yet. An existing source keeps its own type.
  SatisfactionSource source(std::int64_t company_id, std::string_view name, int type,
                            std::string_view user_id, core::UnixSeconds now);
  std::int64_t insert(const SatisfactionRecord& r);

 private:
  std::optional<SatisfactionSource> find_source(std::int64_t company_id, std::string_view name);
  storage::Session& s_;
};

}  // namespace ov::customer_events
