#include "api/problem.hpp"

#include "api/envelope.hpp"

namespace ov::api {

namespace {

std::string_view title_of(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Bad Request";
  }
}

}  // namespace

int problem_status(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kValidation:
      return 400;
    case core::ErrorKind::kNotFound:
      return 404;
    case core::ErrorKind::kBusinessRule:
      return 422;
    case core::ErrorKind::kConflict:
      return 409;
    case core::ErrorKind::kPayloadTooLarge:
      return 413;
    case core::ErrorKind::kUnavailable:
      return 503;
    case core::ErrorKind::kInternal:
      return 500;
  }
  return 500;
}

http::Response problem_response(int status, std::string_view detail,
                                const std::vector<core::FieldProblem>& problems) {
  if (status >= 500 && status != 503) detail = "Internal server error";
  http::Response r;
  r.status = status;
  r.content_type = std::string(kProblemContentType);
  StringSink sink(r.body);
  JsonWriter w(sink);
  w.StartObject();
  write_key(w, "type");
  // No problem type of ours says more than the status: RFC 9457 §4.2.1.
  write_string(w, "about:blank");
  write_key(w, "title");
  write_string(w, title_of(status));
  write_key(w, "status");
  w.Int(status);
  write_key(w, "detail");
  write_string(w, detail);
  write_key(w, "errors");
  write_field_problems(w, problems, "detail");
  w.EndObject();
  if (status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  // Overload and unreachable storage are passing conditions: tell the client when to retry.
  if (status == 503) r.headers.emplace_back("Retry-After", "1");
  return r;
}

http::Response problem_response(const core::ApiError& error) {
  const int status = problem_status(error.kind());
  if (error.kind() == core::ErrorKind::kValidation && error.problems().size() > 1) {
    std::string detail = "The request has ";
    detail.append(std::to_string(error.problems().size())).append(" problems");
    return problem_response(status, detail, error.problems());
  }
  return problem_response(status, error.what(), error.problems());
}

}  // namespace ov::api
