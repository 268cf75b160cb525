// SQL of customer file categories and attachments. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "modules/customer_files/customer_file_types.hpp"
#include "storage/database.hpp"

namespace ov::customer_files {

class CustomerFileRepository {
 public:
  explicit CustomerFileRepository(storage::Session& s) : s_(s) {}

  std::int64_t count_attachments(std::int64_t company_id, std::int64_t customer_id);
  // The bytes of the company's stored (not link) files in use.
  std::int64_t stored_bytes(std::int64_t company_id);
  // Inserts the attachment and, for a stored file, its content; returns the attachment id.
  std::int64_t insert(const AttachmentRecord& a, const std::optional<std::string>& content);
  // The customer's active attachments, oldest first.
  std::vector<AttachmentRecord> attachments(std::int64_t company_id, std::int64_t customer_id);
  // The stored bytes of an active attachment with content; nullopt for link attachments.
  std::optional<AttachmentContent> content(std::int64_t company_id, std::int64_t attachment_id);

 private:
  storage::Session& s_;
};

}  // namespace ov::customer_files
