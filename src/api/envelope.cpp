#include "api/envelope.hpp"

namespace ov::api {

namespace {

void write_status(JsonWriter& w, std::string_view code, std::string_view description) {
  write_key(w, "status");
  w.StartObject();
  write_key(w, "code");
  write_string(w, code);
  write_key(w, "description");
  write_string(w, description);
  w.EndObject();
}

// The family's payload slot around `slot`, with the integer status fields where the family
// has them.
std::string frame(Family family, bool with_status, std::string_view code,
                  std::string_view description, int business_code, int http_status,
                  const PayloadWriter& slot) {
  std::string body;
  // Most bodies fit in 2 KiB: one allocation instead of a series of doublings.
  body.reserve(2048);
  StringSink sink(body);
  JsonWriter w(sink);
  w.StartObject();
  if (with_status) write_status(w, code, description);
  write_key(w, "data");
  switch (family) {
    case Family::kS:
      slot(w);
      break;
    case Family::kSN:
      w.StartObject();
      write_key(w, "data");
      slot(w);
      write_key(w, "statusCode");
      w.Int(business_code);
      write_key(w, "httpStatusCode");
      w.Int(http_status);
      w.EndObject();
      break;
    case Family::kV:
      w.StartObject();
      write_key(w, "value");
      slot(w);
      w.EndObject();
      break;
    case Family::kN:
      slot(w);
      write_key(w, "statusCode");
      w.Int(business_code);
      write_key(w, "httpStatusCode");
      w.Int(http_status);
      break;
  }
  w.EndObject();
  return body;
}

int http_status_of(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kValidation:
    case core::ErrorKind::kBusinessRule:
    case core::ErrorKind::kConflict:
      return 400;
    case core::ErrorKind::kNotFound:
      return 404;
    case core::ErrorKind::kPayloadTooLarge:
      return 413;
    case core::ErrorKind::kUnavailable:
      return 503;
    case core::ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace

std::string success_body(Family family, const PayloadWriter& payload) {
  // Families V and N have no status object on success (ENDPOINTS.md §2.3, §2.4).
  const bool with_status = family != Family::kV && family != Family::kN;
  return frame(family, with_status, "1000", "Success", 1000, 200, payload);
}

std::string frame_success(Family family, std::string_view payload) {
  // The text frame() writes around the payload slot of each family on success.
  std::string_view head, tail;
  switch (family) {
    case Family::kS:
      head = R"({"status":{"code":"1000","description":"Success"},"data":)";
      tail = "}";
      break;
    case Family::kSN:
      head = R"({"status":{"code":"1000","description":"Success"},"data":{"data":)";
      tail = R"(,"statusCode":1000,"httpStatusCode":200}})";
      break;
    case Family::kV:
      head = R"({"data":{"value":)";
      tail = "}}";
      break;
    case Family::kN:
      head = R"({"data":)";
      tail = R"(,"statusCode":1000,"httpStatusCode":200})";
      break;
  }
  std::string body;
  body.reserve(head.size() + payload.size() + tail.size());
  body.append(head).append(payload).append(tail);
  return body;
}

ErrorResponse error_response(Family family, const core::ApiError& error) {
  const int status = http_status_of(error.kind());
  if (status >= 500) {
    ErrorResponse r = internal_error_response(family);
    if (status == 503) {
      r.http_status = 503;
      r.body =
          frame(family, true, "5000", error.what(), 5000, 503, [](JsonWriter& w) { w.Null(); });
    }
    return r;
  }
  const auto& problems = error.problems();
  if (problems.size() > 1) {
    return {status,
            frame(family, true, "4002", "Validation failed", 4002, status, [&](JsonWriter& w) {
              w.StartObject();
              write_key(w, "errors");
              write_field_problems(w, problems, "message");
              w.EndObject();
            })};
  }
  return {status,
          frame(family, true, "4001", error.what(), 4001, status, [](JsonWriter& w) { w.Null(); })};
}

ErrorResponse internal_error_response(Family family) {
  return {500, frame(family, true, "5000", "Internal server error", 5000, 500,
                     [](JsonWriter& w) { w.Null(); })};
}

}  // namespace ov::api
