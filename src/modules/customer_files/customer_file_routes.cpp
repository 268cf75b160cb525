#include "modules/customer_files/customer_file_routes.hpp"

#include <charconv>

#include "api/base_url.hpp"
#include "api/bounds.hpp"
#include "api/envelope.hpp"
#include "api/json_input.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "auth/crypto.hpp"
#include "core/error.hpp"
#include "modules/attachments/attachments.hpp"

namespace ov::customer_files {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kMaxId;

std::optional<std::string> strip_white_space(std::string_view text) {
  if (text.find_first_of(" \t\r\n") == std::string_view::npos) return std::nullopt;
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out.push_back(c);
  }
  return out;
}

// Decodes contentBase64 into `file`, or records why it cannot be stored.
void read_content(ObjectReader& r, const rapidjson::Value& v, NewFile& file) {
  const std::string field = r.path("contentBase64");
  if (!v.IsString()) {
    r.problem("contentBase64", field + " must be a string");
    return;
  }
  std::string_view text(v.GetString(), v.GetStringLength());
  // Encoders commonly wrap base64 at 76 columns; the line breaks carry no data.
  const auto stripped = strip_white_space(text);
  if (stripped) text = *stripped;
  if (text.empty()) {
    r.problem("contentBase64", field + " must not be empty");
    return;
  }
  const std::string too_large = field + " is larger than " +
                                std::to_string(kMaxFileBytes / (1024 * 1024)) + " MiB (" +
                                std::to_string(kMaxFileBytes) + " bytes) when decoded";
  // Every 4 characters carry 3 bytes: refuse before decoding what cannot fit.
  if (text.size() / 4 * 3 > kMaxFileBytes + 2) {
    r.problem("contentBase64", too_large);
    return;
  }
  auto bytes = auth::base64_decode(text);
  if (!bytes) {
    r.problem("contentBase64", field + " is not valid base64");
    return;
  }
  if (bytes->size() > kMaxFileBytes) {
    r.problem("contentBase64", too_large);
    return;
  }
  if (bytes->empty()) {
    r.problem("contentBase64", field + " must not be empty");
    return;
  }
  file.content = std::move(*bytes);
}

std::optional<NewFile> read_file(ObjectReader& r, const std::string& item_path) {
  NewFile file;
  if (auto name = attachments::read_filename(r)) {
    file.filename = std::move(name->filename);
    file.extension = std::move(name->extension);
  }
  const auto* content = r.find("contentBase64");
  const auto* url = r.find("url");
  const bool has_content = content && !content->IsNull();
  const bool has_url = url && !url->IsNull();
  if (has_content == has_url) {
    r.problem("contentBase64", item_path + " must have exactly one of contentBase64 and url");
  } else if (has_content) {
    read_content(r, *content, file);
  } else {
    file.url = attachments::read_link(r);
  }
  if (r.has_problems()) return std::nullopt;
  return file;
}

AttachInput parse_attach(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  auto customer = r.string("customerCode", Need::kRequired, kCodeChars);
  auto category = r.integer("fileCategoryId", Need::kRequired, 1, kMaxId);
  AttachInput in;
  if (const auto* files = r.items("files", kMaxFilesPerRequest)) {
    for (rapidjson::SizeType i = 0; i < files->Size(); ++i) {
      const auto& item = (*files)[i];
      const std::string path = "files[" + std::to_string(i) + "]";
      if (!item.IsObject()) {
        r.nested_problems("files", {{path, path + " must be an object"}});
        continue;
      }
      ObjectReader fr(item, path);
      auto file = read_file(fr, path);
      if (file) {
        in.files.push_back(std::move(*file));
      } else {
        r.nested_problems("files", fr.take_problems());
      }
    }
  }
  r.check();
  in.customer_code = std::move(*customer.value);
  in.file_category_id = *category;
  return in;
}

std::string_view content_type_of(std::string_view extension) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"pdf", "application/pdf"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"bmp", "image/bmp"},
      {"svg", "image/svg+xml"},
      {"txt", "text/plain; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"json", "application/json"},
      {"xml", "application/xml"},
      {"zip", "application/zip"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ppt", "application/vnd.ms-powerpoint"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (extension == ext) return type;
  }
  return "application/octet-stream";
}

// RFC 6266: a plain ASCII name for old clients and the exact UTF-8 name (RFC 5987) for the rest.
std::string content_disposition(std::string_view filename) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : filename) {
    ascii.push_back(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? static_cast<char>(c) : '_');
    const bool attr_char =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (attr_char) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

std::string resource_of(const AttachmentRecord& a) {
  return attachments::resource_of(a.link_url, kDownloadPath, a.attachment_id);
}

void write_resource_url(api::JsonWriter& w, const AttachmentRecord& a, const api::OutContext&) {
  api::write_string(w, resource_of(a));
}

void write_url(api::JsonWriter& w, const AttachmentRecord& a, const api::OutContext& ctx) {
  api::write_string(w, attachments::url_of(a.link_url, resource_of(a), ctx));
}

void write_thumbnail(api::JsonWriter& w, const AttachmentRecord& a, const api::OutContext& ctx) {
  // No thumbnails are generated: an image is its own thumbnail.
  if (attachments::is_image(a.extension)) {
    write_url(w, a, ctx);
  } else {
    w.Null();
  }
}

void register_routes(api::Routes& routes, CustomerFileService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kS);

  section.add(
      verb::post, "/v3/customers/files",
      [&service](http::Request& req) -> asio::awaitable<api::Reply> {
        auto list = co_await service.attach(api::caller_of(req), parse_attach(req));
        const auto base = api::request_base_url(req);
        co_return api::list_reply(list, core::Fields<AttachmentRecord>(kAttachmentFields),
                                  {req.zone, base});
      },
      kAttachBodyBytes);

  // Designed: the `url` of a stored customer file. The bytes come back exactly as uploaded.
  section.add(verb::get, "/v3/customers/files/{attachmentId:int64}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto file = co_await service.content(api::caller_of(req), api::path_id(req));
                http::Response r;
                r.content_type = std::string(content_type_of(file.extension));
                r.body = std::move(file.bytes);
                r.headers.emplace_back("Content-Disposition", content_disposition(file.filename));
                // The declared type is the whole truth: browsers must not guess another from the
                // bytes.
                r.headers.emplace_back("X-Content-Type-Options", "nosniff");
                co_return api::raw(std::move(r));
              });
}

}  // namespace ov::customer_files
