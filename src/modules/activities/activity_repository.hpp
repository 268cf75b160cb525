// SQL of the Activity section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "modules/activities/activity_types.hpp"
#include "modules/refs.hpp"
#include "storage/database.hpp"

namespace ov::activities {

class ActivityRepository {
 public:
  explicit ActivityRepository(storage::Session& s) : s_(s) {}

  std::optional<ActivityRecord> find_by_id(std::int64_t company_id, std::int64_t activity_id);
  // Numbers compare case-insensitively.
  std::optional<ActivityRecord> find_by_no(std::int64_t company_id, std::string_view activity_no);
  // Active activities matching every filter, in the requested order.
  core::Page<ActivityRecord> enquiry(std::int64_t company_id, const EnquiryInput& in);

  // Inserts the activity and its links (its key_activity_ids, and `deals`, whose numbers are
  // its deal_nos) and sets its activity_id; `with_id`: keep the one a carries (kept ids).
  void insert(ActivityRecord& a, const std::vector<refs::NumberRef>& deals, bool with_id = false);
  void update(const ActivityRecord& a);
  // Replaces the activity's key-activity links with its key_activity_ids.
  void set_key_activities(const ActivityRecord& a, bool fresh);
  // Replaces its deal links.
  void set_deals(const ActivityRecord& a, const std::vector<refs::NumberRef>& deals, bool fresh);

 private:
  storage::Session& s_;
};

}  // namespace ov::activities
