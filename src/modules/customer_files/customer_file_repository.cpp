#include "modules/customer_files/customer_file_repository.hpp"

namespace ov::customer_files {

using storage::Value;

std::int64_t CustomerFileRepository::count_attachments(std::int64_t company_id,
                                                       std::int64_t customer_id) {
  return s_
      .query_i64(
          "SELECT COUNT(*) FROM customer_attachments WHERE company_id = ? AND customer_id = ? AND "
          "is_active = 1",
          {company_id, customer_id})
      .value_or(0);
}

std::int64_t CustomerFileRepository::insert(const AttachmentRecord& a,
                                            const std::optional<std::string>& content) {
  const auto id =
      s_.query_i64(
            "INSERT INTO customer_attachments (company_id, customer_id, file_category_id, "
            "filename, extension, file_size, link_url, is_active, created_by_user_id, "
            "date_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING attachment_id",
            {a.company_id, a.customer_id, a.file_category_id, std::string_view(a.filename),
             std::string_view(a.extension), a.file_size,
             a.link_url ? Value(std::string_view(*a.link_url)) : Value(nullptr),
             std::int64_t{a.is_active ? 1 : 0}, std::string_view(a.created_by_user_id),
             a.date_created})
          .value_or(0);
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
  auto rows = s_.query(
      "SELECT attachment_id, company_id, customer_id, file_category_id, filename, extension, "
      "file_size, link_url, is_active, created_by_user_id, date_created FROM "
      "customer_attachments WHERE company_id = ? AND customer_id = ? AND is_active = 1 ORDER BY "
      "attachment_id",
      {company_id, customer_id});
  std::vector<AttachmentRecord> out;
  while (rows.next()) {
    AttachmentRecord a;
    a.attachment_id = rows.i64(0);
    a.company_id = rows.i64(1);
    a.customer_id = rows.i64(2);
    a.file_category_id = rows.i64(3);
    a.filename = rows.str(4);
    a.extension = rows.str(5);
    a.file_size = rows.i64(6);
    a.link_url = rows.opt_str(7);
    a.is_active = rows.i64(8) == 1;
    a.created_by_user_id = rows.str(9);
    a.date_created = rows.i64(10);
    out.push_back(std::move(a));
  }
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
