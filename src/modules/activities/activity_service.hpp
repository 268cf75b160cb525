// Business rules of the Activity section: numbering, references, status changes and their
// check-in/check-out dates. No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <string>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/activities/activity_types.hpp"
#include "storage/database.hpp"

namespace ov::activities {

class ActivityService {
 public:
  ActivityService(storage::Database& db, const core::Clock& clock,
                  std::chrono::milliseconds keyword_read_limit = std::chrono::seconds(2))
      : db_(db), clock_(clock), keyword_read_limit_(keyword_read_limit) {}

  // Create or update by activityNo (§4.2.6).
  boost::asio::awaitable<ActivityRecord> upsert(const core::Caller& caller, UpsertInput in);
  boost::asio::awaitable<ActivityRecord> by_id(const core::Caller& caller,
                                               std::int64_t activity_id);
  boost::asio::awaitable<ActivityRecord> by_no(const core::Caller& caller, std::string activity_no);
  boost::asio::awaitable<core::Page<ActivityRecord>> enquiry(const core::Caller& caller,
                                                             EnquiryInput in);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  // How long one keyword enquiry may read: a keyword is matched by scanning the company's
  // activities that the other filters leave.
  std::chrono::milliseconds keyword_read_limit_;
};

}  // namespace ov::activities
