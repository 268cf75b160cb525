#include "http/form.hpp"

#include "core/text.hpp"
#include "http/message.hpp"

namespace ov::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of parameter `name` in a header value such as `form-data; name="a"` (quoted or
// token), or nullopt when absent or badly quoted.
std::optional<std::string> header_parameter(std::string_view value, std::string_view name) {
  auto semi = value.find(';');
  while (semi != std::string_view::npos) {
    value.remove_prefix(semi + 1);
    auto eq = value.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const auto key = trim(value.substr(0, eq));
    value.remove_prefix(eq + 1);
    value = trim(value);
    std::string out;
    if (!value.empty() && value.front() == '"') {
      std::size_t i = 1;
      for (; i < value.size() && value[i] != '"'; ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        out += value[i];
      }
      if (i >= value.size()) return std::nullopt;  // unterminated
      value.remove_prefix(i + 1);
      semi = value.find(';');
    } else {
      semi = value.find(';');
      out = std::string(trim(value.substr(0, semi)));
    }
    if (core::iequals(key, name)) return out;
  }
  return std::nullopt;
}

}  // namespace

std::optional<FormFields> parse_urlencoded_form(std::string_view body) {
  FormFields out;
  while (!body.empty()) {
    auto amp = body.find('&');
    auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::optional<std::string>(std::string())
                                              : percent_decode(pair.substr(eq + 1), true);
    if (!key || !value) return std::nullopt;
    if (!out.emplace(std::move(*key), std::move(*value)).second) return std::nullopt;
  }
  return out;
}

std::optional<FormFields> parse_multipart_form(std::string_view body, std::string_view boundary) {
  // RFC 2046 §5.1.1: a boundary is 1 to 70 characters.
  if (boundary.empty() || boundary.size() > 70) return std::nullopt;
  std::string delimiter = "--";
  delimiter += boundary;
  std::string next = "\r\n";
  next += delimiter;
  // A preamble before the first delimiter is allowed, and ignored.
  std::size_t pos = body.starts_with(delimiter) ? 0 : body.find(next);
  if (pos == std::string_view::npos) return std::nullopt;
  pos += body.starts_with(delimiter) ? delimiter.size() : next.size();
  FormFields out;
  for (;;) {
    if (body.substr(pos, 2) == "--") return out;  // the close delimiter; an epilogue is ignored
    // Transport padding may follow a delimiter before its line break.
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    const auto head_end = body.find("\r\n\r\n", pos);
    if (head_end == std::string_view::npos) return std::nullopt;
    auto headers = body.substr(pos, head_end - pos);
    const auto content = head_end + 4;
    const auto end = body.find(next, content);
    if (end == std::string_view::npos) return std::nullopt;
    std::optional<std::string> name;
    while (!headers.empty()) {
      auto eol = headers.find("\r\n");
      auto line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      auto colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      if (!core::iequals(trim(line.substr(0, colon)), "Content-Disposition")) continue;
      auto value = trim(line.substr(colon + 1));
      auto semi = value.find(';');
      if (!core::iequals(trim(value.substr(0, semi)), "form-data")) return std::nullopt;
      if (header_parameter(value, "filename")) return std::nullopt;  // a file, not a field
      name = header_parameter(value, "name");
    }
    if (!name || name->empty()) return std::nullopt;
    if (!out.emplace(std::move(*name), std::string(body.substr(content, end - content))).second) {
      return std::nullopt;
    }
    pos = end + next.size();
  }
}

FormType form_type(std::string_view content_type) {
  const auto semi = content_type.find(';');
  const auto type = trim(content_type.substr(0, semi));
  FormType out;
  if (core::iequals(type, "application/x-www-form-urlencoded")) {
    out.kind = FormKind::kUrlEncoded;
  } else if (core::iequals(type, "multipart/form-data")) {
    if (auto boundary = header_parameter(content_type, "boundary");
        boundary && !boundary->empty()) {
      out.kind = FormKind::kMultipart;
      out.boundary = std::move(*boundary);
    }
  }
  return out;
}

std::optional<FormFields> parse_form(const FormType& type, std::string_view body) {
  switch (type.kind) {
    case FormKind::kUrlEncoded:
      return parse_urlencoded_form(body);
    case FormKind::kMultipart:
      return parse_multipart_form(body, type.boundary);
    case FormKind::kNone:
      break;
  }
  return std::nullopt;
}

}  // namespace ov::http
