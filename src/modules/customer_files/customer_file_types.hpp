// Customer file categories and attachments (ENDPOINTS.md §4.0 Attachment object, §4.3.11,
// §4.3.12).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/master_list.hpp"
#include "core/time.hpp"

namespace ov::customer_files {

// The attachment owner type of a customer (ENDPOINTS.md §4.0).
inline constexpr int kCustomerAttachmentType = 3;
// ENDPOINTS.md §4.3.12: each file at most 10 MiB once decoded.
inline constexpr std::size_t kMaxFileBytes = 10 * 1024 * 1024;
// ENDPOINTS.md §1.4 rule 7: Attach files category takes bodies up to 32 MiB, room for two
// files of the maximum size in base64 (4/3 of their size) with the rest of the request.
inline constexpr std::size_t kAttachBodyBytes = 32 * 1024 * 1024;
// ENDPOINTS.md §4.3.12: 1-10 files per request.
inline constexpr std::size_t kMaxFilesPerRequest = 10;
// Every attach answers with the customer's whole attachment list; this bounds that reply (and
// a customer's stored files) while leaving far more room than a customer record needs.
inline constexpr std::int64_t kMaxAttachmentsPerCustomer = 1000;

// Customer file categories (§4.3.11), listed active and inactive (isActive tells which take
// new files); a new company gets these.
inline constexpr core::MasterSeed kDefaultFileCategories[] = {
    {1, "Contract"}, {2, "Quotation"}, {3, "Invoice"}, {4, "Identification document"},
    {5, "Photo"},    {6, "Other"},
};
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

// What a download sends: the stored bytes as uploaded.
struct AttachmentContent {
  std::string filename;
  std::string extension;
  std::string bytes;
};

}  // namespace ov::customer_files
