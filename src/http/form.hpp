// Form bodies: application/x-www-form-urlencoded (RFC 6749's token requests) and the text
// fields of multipart/form-data (RFC 7578), which some generated clients send instead.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ov::http {

using FormFields = std::map<std::string, std::string>;

// nullopt when malformed or a field is repeated (RFC 6749 §3.2: parameters must not be included
// more than once).
std::optional<FormFields> parse_urlencoded_form(std::string_view body);
// The fields of a multipart/form-data body with this boundary: text fields only (a file part is
// refused, like a malformed body or a repeated field: nullopt).
std::optional<FormFields> parse_multipart_form(std::string_view body, std::string_view boundary);

enum class FormKind { kNone, kUrlEncoded, kMultipart };
struct FormType {
  FormKind kind = FormKind::kNone;
  std::string boundary;  // for kMultipart
};
// What a Content-Type value says about a form body; kNone for any other type, and for
// multipart/form-data without a usable boundary.
FormType form_type(std::string_view content_type);

// Either kind of form, by its Content-Type; nullopt when the type is neither or the body is
// malformed.
std::optional<FormFields> parse_form(const FormType& type, std::string_view body);

}  // namespace ov::http
