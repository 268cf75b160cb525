// RFC 9457 problem details: how the administration plane (/admin/v1) answers an error. The
// Venio API frames errors in its envelope families (api/envelope.hpp); the administration
// plane is ours, so it speaks plain HTTP: `application/problem+json` with the standard members
// and, for validation, the list of field problems:
//   {"type":"about:blank","title":"Bad Request","status":400,"detail":"name is required",
//    "errors":[{"field":"name","detail":"name is required"}]}
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace ov::api {

inline constexpr std::string_view kProblemContentType = "application/problem+json";

// The HTTP status an error kind answers on the administration plane: unlike the Venio
// contract (which answers business rules and conflicts 400), each kind has its own status.
int problem_status(core::ErrorKind kind);

// A problem response with `detail` and, when given, the field problems. 5xx answers carry a
// generic detail: the text of an unexpected failure goes to the log, never to the client.
http::Response problem_response(int status, std::string_view detail,
                                const std::vector<core::FieldProblem>& problems = {});
// The response for an error a handler (or the request's parsing) threw.
http::Response problem_response(const core::ApiError& error);

}  // namespace ov::api
