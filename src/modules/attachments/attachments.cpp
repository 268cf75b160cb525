#include "modules/attachments/attachments.hpp"

#include <algorithm>

#include "api/bounds.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "storage/table.hpp"

namespace ov::attachments {

namespace {

const storage::Table<Attachment> kAttachments(kAttachmentEntity);

bool has_control_char(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

std::optional<FileName> read_filename(api::ObjectReader& r) {
  auto filename = r.string("filename", api::Need::kRequired, kFilenameChars);
  if (!filename) return std::nullopt;
  const auto& name = *filename.value;
  const auto dot = name.rfind('.');
  if (has_control_char(name) || name.find_first_of("/\\") != std::string::npos) {
    r.problem("filename", r.path("filename") +
                              " must be a file name without path separators or control "
                              "characters");
    return std::nullopt;
  }
  if (dot == std::string::npos || dot + 1 == name.size()) {
    r.problem("filename", r.path("filename") + " must have an extension (e.g. report.pdf)");
    return std::nullopt;
  }
  return FileName{name, core::ascii_lower(std::string_view(name).substr(dot + 1))};
}

bool valid_link(std::string_view url) {
  std::string_view rest;
  if (url.size() > 7 && api::iequals(url.substr(0, 7), "http://")) {
    rest = url.substr(7);
  } else if (url.size() > 8 && api::iequals(url.substr(0, 8), "https://")) {
    rest = url.substr(8);
  } else {
    return false;
  }
  const auto host_end = rest.find_first_of("/?#");
  if (host_end == 0) return false;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

std::optional<std::string> read_link(api::ObjectReader& r) {
  auto link = r.string("url", api::Need::kRequired, api::kUrlChars);
  if (!link) return std::nullopt;
  if (!valid_link(*link.value)) {
    r.problem("url", r.path("url") + " must be an absolute http or https URL");
    return std::nullopt;
  }
  return std::move(*link.value);
}

bool is_image(std::string_view extension) {
  for (std::string_view e : {"png", "jpg", "jpeg", "gif", "webp", "bmp", "svg"}) {
    if (extension == e) return true;
  }
  return false;
}

std::string resource_of(const std::optional<std::string>& link, std::string_view download_path,
                        std::int64_t attachment_id) {
  if (link) return *link;
  std::string out(download_path);
  out.append(std::to_string(attachment_id));
  return out;
}

std::string url_of(const std::optional<std::string>& link, std::string_view resource,
                   const api::OutContext& ctx) {
  if (link) return *link;
  std::string out(ctx.base_url);
  out.append(resource);
  return out;
}

void write_resource_url(api::JsonWriter& w, const Attachment& a, const api::OutContext&) {
  api::write_string(w, resource_of(a.link_url, "", a.attachment_id));
}

void write_url(api::JsonWriter& w, const Attachment& a, const api::OutContext& ctx) {
  api::write_string(w, url_of(a.link_url, "", ctx));
}

void write_thumbnail(api::JsonWriter& w, const Attachment& a, const api::OutContext& ctx) {
  // No thumbnails are generated: an image is its own thumbnail.
  if (is_image(a.extension)) {
    write_url(w, a, ctx);
  } else {
    w.Null();
  }
}

api::Input<std::vector<InputItem>> read_input(api::ObjectReader& r, std::string_view name) {
  return r.object_list(name, api::Need::kOptional, kMaxPerRecord, [](api::ObjectReader& item) {
    InputItem out;
    const auto* id = item.find("attachmentId");
    if (id && !id->IsNull()) {
      // Keeping an attachment names it and nothing else.
      out.keep_id = item.integer("attachmentId", api::Need::kRequired, 1, api::kMaxId).value;
      return out;
    }
    if (auto file = read_filename(item)) out.name = std::move(*file);
    if (auto link = read_link(item)) out.url = std::move(*link);
    return out;
  });
}

std::vector<Attachment> list(storage::Session& s, std::int64_t company_id, int owner_type,
                             std::int64_t ref_id) {
  static const std::string sql =
      kAttachments.select() +
      " WHERE at.company_id = ? AND at.owner_type = ? AND at.ref_id = ? ORDER BY at.attachment_id";
  std::vector<Attachment> out;
  auto rows = s.query(sql, {company_id, std::int64_t{owner_type}, ref_id});
  while (rows.next()) out.push_back(kAttachments.read(rows));
  return out;
}

void replace(storage::Session& s, std::int64_t company_id, int owner_type, std::int64_t ref_id,
             const std::vector<InputItem>& items, const std::string& user_id, core::UnixSeconds now,
             std::string_view what, std::string_view field) {
  const auto stored = list(s, company_id, owner_type, ref_id);
  std::vector<std::int64_t> kept;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (!item.keep_id) continue;
    const bool ours = std::any_of(stored.begin(), stored.end(), [&](const Attachment& a) {
      return a.attachment_id == *item.keep_id;
    });
    if (!ours) {
      std::string path(field);
      path.append("[").append(std::to_string(i)).append("].attachmentId");
      std::string message = path;
      message.append(" ")
          .append(std::to_string(*item.keep_id))
          .append(" is not an attachment of this ")
          .append(what);
      throw core::validation(path, std::move(message));
    }
    kept.push_back(*item.keep_id);
  }
  for (const auto& a : stored) {
    if (std::find(kept.begin(), kept.end(), a.attachment_id) != kept.end()) continue;
    s.exec("DELETE FROM attachments WHERE company_id = ? AND attachment_id = ?",
           {company_id, a.attachment_id});
  }
  for (const auto& item : items) {
    if (item.keep_id) continue;
    Attachment a;
    a.company_id = company_id;
    a.owner_type = owner_type;
    a.ref_id = ref_id;
    a.filename = item.name.filename;
    a.extension = item.name.extension;
    a.link_url = item.url;
    a.created_by_user_id = user_id;
    a.date_created = now;
    kAttachments.insert(s, a);
  }
}

}  // namespace ov::attachments
