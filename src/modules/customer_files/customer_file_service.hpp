// Business rules of customer file categories and attachments. No HTTP here.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <vector>

#include "core/caller.hpp"
#include "core/clock.hpp"
#include "modules/customer_files/customer_file_types.hpp"
#include "storage/database.hpp"

namespace ov::customer_files {

class CustomerFileService {
 public:
  // `quota_bytes`: the stored bytes one company may keep (kDefaultCompanyQuotaBytes).
  CustomerFileService(storage::Database& db, const core::Clock& clock,
                      std::int64_t quota_bytes = kDefaultCompanyQuotaBytes)
      : db_(db), clock_(clock), quota_bytes_(quota_bytes) {}

  // Stores the files and returns the customer's attachments, the new ones last.
  boost::asio::awaitable<std::vector<AttachmentRecord>> attach(const core::Caller& caller,
                                                               AttachInput in);
  // The stored bytes of one of the caller's company's attachments.
  boost::asio::awaitable<AttachmentContent> content(const core::Caller& caller,
                                                    std::int64_t attachment_id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  std::int64_t quota_bytes_;
};

}  // namespace ov::customer_files
