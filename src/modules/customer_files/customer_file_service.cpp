#include "modules/customer_files/customer_file_service.hpp"

#include "core/error.hpp"
#include "modules/customer_files/customer_file_repository.hpp"
#include "modules/refs.hpp"
#include "storage/master_lists.hpp"

namespace ov::customer_files {

boost::asio::awaitable<std::vector<AttachmentRecord>> CustomerFileService::attach(
    const core::Caller& caller, AttachInput in) {
  co_return co_await db_.write([&](storage::Session& s) {
    CustomerFileRepository repo(s);
    const auto company = caller.company_id;
    // Lookups in body order; an inactive customer counts as unknown, as in the Case section.
    auto customer = refs::require_active_customer(s, company, in.customer_code);
    storage::require_master(s, kFileCategories, company, in.file_category_id, true);
    const auto existing = repo.count_attachments(company, customer.customer_id);
    if (existing + static_cast<std::int64_t>(in.files.size()) > kMaxAttachmentsPerCustomer) {
      throw core::business_rule("Customer " + customer.customer_code + " has " +
                                std::to_string(existing) + " attachments; at most " +
                                std::to_string(kMaxAttachmentsPerCustomer) + " are allowed");
    }
    // Checked in the writing transaction: on SQLite's single writer exactly; on PostgreSQL two
    // uploads of one company committing at the same moment may pass it by one request's files.
    std::int64_t adding = 0;
    for (const auto& f : in.files) {
      if (f.content) adding += static_cast<std::int64_t>(f.content->size());
    }
    if (adding > 0 && repo.stored_bytes(company) + adding > quota_bytes_) {
      throw core::ApiError(core::ErrorKind::kPayloadTooLarge,
                           "These files would take the company's stored files past its quota of " +
                               std::to_string(quota_bytes_) + " bytes");
    }
    const auto now = clock_.now();
    for (auto& f : in.files) {
      AttachmentRecord a;
      a.company_id = company;
      a.customer_id = customer.customer_id;
      a.file_category_id = in.file_category_id;
      a.filename = std::move(f.filename);
      a.extension = std::move(f.extension);
      a.file_size = f.content ? static_cast<std::int64_t>(f.content->size()) : 0;
      a.link_url = std::move(f.url);
      a.created_by_user_id = caller.user_id;
      a.date_created = now;
      repo.insert(a, f.content);
    }
    return repo.attachments(company, customer.customer_id);
  });
}

boost::asio::awaitable<AttachmentContent> CustomerFileService::content(const core::Caller& caller,
                                                                       std::int64_t attachment_id) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return CustomerFileRepository(s).content(caller.company_id, attachment_id);
  });
  // Another company's attachment, an unknown id and a link attachment (whose url is the link
  // itself) have nothing to download here.
  if (!found) {
    throw core::not_found("Attachment " + std::to_string(attachment_id) + " was not found");
  }
  co_return std::move(*found);
}

}  // namespace ov::customer_files
