// Customer file categories and attachments (ENDPOINTS.md §4.0 Attachment object, §4.3.11,
// §4.3.12).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/json_fields.hpp"
#include "core/fields.hpp"
#include "core/master_list.hpp"
#include "core/time.hpp"

namespace ov::customer_files {

// The attachment owner type of a customer (ENDPOINTS.md §4.0).
inline constexpr int kCustomerAttachmentType = 3;  // attachments::kCustomerOwner
// ENDPOINTS.md §4.3.12: each file at most 10 MiB once decoded.
inline constexpr std::size_t kMaxFileBytes = 10 * 1024 * 1024;
// ENDPOINTS.md §1.4 rule 7: Attach files category takes bodies up to 32 MiB, room for two
// files of the maximum size in base64 (4/3 of their size) with the rest of the request.
inline constexpr std::size_t kAttachBodyBytes = 32 * 1024 * 1024;
// ENDPOINTS.md §4.3.12: 1-10 files per request.
inline constexpr std::size_t kMaxFilesPerRequest = 10;
// The bytes of stored files one company may keep, by default: files live in the database, so
// one tenant must not be able to fill the disk every tenant's data is on. 1 GiB holds a
// hundred maximum-size files and thousands of ordinary ones; `serve --attachment-quota-mib`
// sets another.
inline constexpr std::int64_t kDefaultCompanyQuotaBytes = std::int64_t{1} << 30;
// Every attach answers with the customer's whole attachment list; this bounds that reply (and
// a customer's stored files) while leaving far more room than a customer record needs.
inline constexpr std::int64_t kMaxAttachmentsPerCustomer = 1000;

// Customer file categories (§4.3.11), listed active and inactive (isActive tells which take
// new files); a new company gets these.
inline constexpr core::MasterSeed kDefaultFileCategories[] = {
    {1, "Contract"}, {2, "Quotation"}, {3, "Invoice"}, {4, "Identification document"},
    {5, "Photo"},    {6, "Other"},
};
inline constexpr core::MasterReference kFileCategoryReferences[] = {
    {"customer_attachments", "file_category_id"}};
inline constexpr core::MasterList kFileCategories{
    .path = "/v3/customers/file-categories",
    .table = "customer_file_categories",
    .id_column = "file_category_id",
    .name_column = "name",
    .id_key = "fileCategoryId",
    .name_key = "fileCategoryName",
    .field = "fileCategoryId",
    .show_active = true,
    .rows = core::ListedRows::kAll,
    .order = "name, file_category_id",
    .seeds = kDefaultFileCategories,
    .admin_kind = "file-categories",
    .references = kFileCategoryReferences,
};

// One file of an Attach files request: stored content or a link, never both.
struct NewFile {
  std::string filename;
  std::string extension;  // lower case, without the dot
  std::optional<std::string> content;
  std::optional<std::string> url;
};

struct AttachInput {
  std::string customer_code;
  std::int64_t file_category_id = 0;
  std::vector<NewFile> files;
};

struct AttachmentRecord {
  std::int64_t attachment_id = 0;
  std::int64_t company_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t file_category_id = 0;
  std::string filename;
  std::string extension;
  std::int64_t file_size = 0;
  std::optional<std::string> link_url;  // set for link attachments
  bool is_active = true;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
};

// Where a stored file is downloaded from, relative to the server's base URL (designed).
inline constexpr std::string_view kDownloadPath = "/v3/customers/files/";

// resourceUrl: the server-relative download path, or the link itself.
std::string resource_of(const AttachmentRecord& a);
// resourceUrl, url and thumbnail of the attachment object.
void write_resource_url(api::JsonWriter& w, const AttachmentRecord& a, const api::OutContext& ctx);
void write_url(api::JsonWriter& w, const AttachmentRecord& a, const api::OutContext& ctx);
void write_thumbnail(api::JsonWriter& w, const AttachmentRecord& a, const api::OutContext& ctx);

// The attachment object (§4.0) followed by fileCategoryId (§4.3.12), and its row.
inline constexpr core::Field<AttachmentRecord> kAttachmentFields[] = {
    {"attachmentId", "attachment_id", &AttachmentRecord::attachment_id, core::Store::kRead},
    {"refId", "customer_id", &AttachmentRecord::customer_id, core::Store::kInsert},
    {"type", api::int_value<AttachmentRecord, kCustomerAttachmentType>},
    {"filename", "filename", &AttachmentRecord::filename, core::Store::kInsert},
    {"extension", "extension", &AttachmentRecord::extension, core::Store::kInsert},
    {"fileSize", "file_size", &AttachmentRecord::file_size, core::Store::kInsert},
    {"isActive", "is_active", &AttachmentRecord::is_active},
    {"createdByUserId", "created_by_user_id", &AttachmentRecord::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &AttachmentRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"resourceUrl", api::custom_writer<AttachmentRecord, write_resource_url>},
    {"companyId", "company_id", &AttachmentRecord::company_id, core::Store::kInsert},
    // No processing happens after upload: every attachment is done.
    {"isProcessed", api::bool_value<AttachmentRecord, true>},
    {"url", api::custom_writer<AttachmentRecord, write_url>},
    {"urlResponseUpload", api::null_value<AttachmentRecord>},
    {"thumbnail", api::custom_writer<AttachmentRecord, write_thumbnail>},
    {"fileCategoryId", "file_category_id", &AttachmentRecord::file_category_id,
     core::Store::kInsert},
    core::column_only<AttachmentRecord>("link_url", &AttachmentRecord::link_url,
                                        core::Store::kInsert),
};
inline constexpr core::Entity<AttachmentRecord> kAttachmentEntity{
    "customer_attachments", "a", kAttachmentFields, "attachment_id"};

// What a download sends: the stored bytes as uploaded.
struct AttachmentContent {
  std::string filename;
  std::string extension;
  std::string bytes;
};

}  // namespace ov::customer_files
