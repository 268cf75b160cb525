// Attachments (ENDPOINTS.md §4.0 Attachment object and attachment input): the 15-field object
// every attachment list shows, the rules of a file's name and of a link, and the link
// attachments of records other than customers (expenses today, sales orders and cases next),
// kept in one table keyed by owner type and record. A section declares nothing of its own: it
// reads `attachments` with read_input, saves them with replace and shows them with
// kAttachmentFields.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "core/fields.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace ov::attachments {

// Owner types (§4.0 `type`).
inline constexpr int kActivityOwner = 1;
inline constexpr int kExpenseOwner = 2;
inline constexpr int kCustomerOwner = 3;
inline constexpr int kSalesOrderOwner = 4;
inline constexpr int kCaseOwner = 5;
inline constexpr int kContractOwner = 6;

// The longest name common file systems store, so a downloaded file can be saved under it.
inline constexpr std::size_t kFilenameChars = 255;
// Attachments of one record given by attachment input: receipts, a contract and its annexes;
// the whole set is rewritten by every save that names it, so it stays small.
inline constexpr std::size_t kMaxPerRecord = 20;

// --- Names and links, for every kind of attachment ------------------------------------------

struct FileName {
  std::string filename;
  std::string extension;  // lower case, without the dot
};
// `filename`: required, without path separators or control characters, with an extension.
std::optional<FileName> read_filename(api::ObjectReader& r);
// An absolute http(s) URL with a host and nothing that would need escaping to stay one link.
bool valid_link(std::string_view url);
// `url`: required, a valid link.
std::optional<std::string> read_link(api::ObjectReader& r);
bool is_image(std::string_view extension);

// resourceUrl: the link itself, or the server-relative path a stored file is downloaded from.
std::string resource_of(const std::optional<std::string>& link, std::string_view download_path,
                        std::int64_t attachment_id);
// url: the link, or the resource under the server's base URL.
std::string url_of(const std::optional<std::string>& link, std::string_view resource,
                   const api::OutContext& ctx);

// --- Link attachments of a record -----------------------------------------------------------

struct Attachment {
  std::int64_t attachment_id = 0;
  std::int64_t company_id = 0;
  int owner_type = 0;
  std::int64_t ref_id = 0;
  std::string filename;
  std::string extension;
  std::int64_t file_size = 0;  // 0: a link has no stored bytes
  std::optional<std::string> link_url;
  bool is_active = true;
  std::string created_by_user_id;
  core::UnixSeconds date_created = 0;
};

void write_resource_url(api::JsonWriter& w, const Attachment& a, const api::OutContext& ctx);
void write_url(api::JsonWriter& w, const Attachment& a, const api::OutContext& ctx);
void write_thumbnail(api::JsonWriter& w, const Attachment& a, const api::OutContext& ctx);

// The attachment object (§4.0), in its documented order, and its row.
inline constexpr core::Field<Attachment> kAttachmentFields[] = {
    {"attachmentId", "attachment_id", &Attachment::attachment_id, core::Store::kRead},
    {"refId", "ref_id", &Attachment::ref_id, core::Store::kInsert},
    {"type", "owner_type", &Attachment::owner_type, core::Store::kInsert},
    {"filename", "filename", &Attachment::filename, core::Store::kInsert},
    {"extension", "extension", &Attachment::extension, core::Store::kInsert},
    {"fileSize", "file_size", &Attachment::file_size, core::Store::kInsert},
    {"isActive", "is_active", &Attachment::is_active},
    {"createdByUserId", "created_by_user_id", &Attachment::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &Attachment::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"resourceUrl", api::custom_writer<Attachment, write_resource_url>},
    {"companyId", "company_id", &Attachment::company_id, core::Store::kInsert},
    // No processing happens after upload: every attachment is done.
    {"isProcessed", api::bool_value<Attachment, true>},
    {"url", api::custom_writer<Attachment, write_url>},
    {"urlResponseUpload", api::null_value<Attachment>},
    {"thumbnail", api::custom_writer<Attachment, write_thumbnail>},
    core::column_only<Attachment>("link_url", &Attachment::link_url, core::Store::kInsert),
};
inline constexpr core::Entity<Attachment> kAttachmentEntity{
    "attachments", "at", kAttachmentFields, "attachment_id", "", core::KeyGen::kCompanyFirst};

// One item of attachment input: keep an attachment the record has, or add a link.
struct InputItem {
  std::optional<std::int64_t> keep_id;
  FileName name;
  std::string url;
};
// `attachments` of a request body: absent keeps the record's set, null clears it, an array of
// at most kMaxPerRecord items replaces it.
api::Input<std::vector<InputItem>> read_input(api::ObjectReader& r,
                                              std::string_view name = "attachments");

// The record's attachments, oldest first.
std::vector<Attachment> list(storage::Session& s, std::int64_t company_id, int owner_type,
                             std::int64_t ref_id);
// Replaces the record's set with `items`: kept ids must be attachments of this record (400
// "<field>[i].attachmentId N is not an attachment of this <what>"), added links are new
// attachments, the rest are removed.
void replace(storage::Session& s, std::int64_t company_id, int owner_type, std::int64_t ref_id,
             const std::vector<InputItem>& items, const std::string& user_id, core::UnixSeconds now,
             std::string_view what, std::string_view field = "attachments");

}  // namespace ov::attachments
