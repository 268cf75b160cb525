#include "modules/customer_files/customer_file_repository.hpp"

#include "storage/table.hpp"

namespace ov::customer_files {

namespace {

const storage::Table<AttachmentRecord> kAttachments(kAttachmentEntity);

}  // namespace

std::int64_t CustomerFileRepository::count_attachments(std::int64_t company_id,
                                                       std::int64_t customer_id) {
  return s_
      .query_i64(
          "SELECT COUNT(*) FROM customer_attachments WHERE company_id = ? AND customer_id = ? AND "
          "is_active = 1",
          {company_id, customer_id})
      .value_or(0);
}

std::int64_t CustomerFileRepository::stored_bytes(std::int64_t company_id) {
  return s_
      .query_i64(
          "SELECT COALESCE(SUM(file_size), 0) FROM customer_attachments WHERE company_id = ? AND "
          "is_active = 1",
          {company_id})
      .value_or(0);
}

std::int64_t CustomerFileRepository::insert(const AttachmentRecord& a,
                                            const std::optional<std::string>& content) {
  const auto id = kAttachments.insert(s_, a);
  if (content) {
    s_.exec(
        "INSERT INTO customer_attachment_contents (attachment_id, company_id, content) VALUES "
        "(?, ?, ?)",
        {id, a.company_id, storage::Blob{std::string_view(*content)}});
  }
  return id;
}

std::vector<AttachmentRecord> CustomerFileRepository::attachments(std::int64_t company_id,
                                                                  std::int64_t customer_id) {
  static const std::string sql =
      kAttachments.select() +
      " WHERE a.company_id = ? AND a.customer_id = ? AND a.is_active = 1 ORDER BY a.attachment_id";
  auto rows = s_.query(sql, {company_id, customer_id});
  std::vector<AttachmentRecord> out;
  while (rows.next()) out.push_back(kAttachments.read(rows));
  return out;
}

std::optional<AttachmentContent> CustomerFileRepository::content(std::int64_t company_id,
                                                                 std::int64_t attachment_id) {
  auto rows = s_.query(
      "SELECT a.filename, a.extension, c.content FROM customer_attachments a JOIN "
      "customer_attachment_contents c ON c.attachment_id = a.attachment_id AND c.company_id = "
      "a.company_id WHERE a.company_id = ? AND a.attachment_id = ? AND a.is_active = 1",
      {company_id, attachment_id});
  if (!rows.next()) return std::nullopt;
  return AttachmentContent{rows.str(0), rows.str(1), rows.blob(2)};
}

}  // namespace ov::customer_files
