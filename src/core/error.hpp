// The one list of error kinds. Services throw ApiError; the HTTP layer maps each kind to an
// HTTP status, a business code and the endpoint's envelope in one place (api/envelope.cpp).
// The message of an ApiError is chosen by us and is what the client reads (only for 4xx and
// 503; a 500 always answers a generic body). Any other exception is unexpected: its text (SQL,
// library messages) goes to the log with the request id, never to the client.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ov::core {

enum class ErrorKind {
  kValidation,    // 400; 4001 with one problem, 4002 with several
  kNotFound,      // 404 / 4001: a record named in the path or body does not exist
  kBusinessRule,  // 400 / 4001: a broken business rule (e.g. a forbidden status change)
  // 400 / 4001: the request collides with stored state (a key another request took first, a
  // record already in a final state). The contract answers these like business rules; they are
  // a kind of their own so that code and logs can tell them apart.
  kConflict,
  kPayloadTooLarge,  // 413 / 4001
  kUnavailable,      // 503 / 5000: storage unreachable
  kInternal,         // 500 / 5000
};

struct FieldProblem {
  std::string field;  // JSON path in canonical camelCase, "" when not tied to one field
  std::string message;
};

class ApiError : public std::runtime_error {
 public:
  ApiError(ErrorKind kind, std::string message)
      : std::runtime_error(std::move(message)), kind_(kind) {}
  ApiError(std::vector<FieldProblem> problems)
      : std::runtime_error(problems.size() == 1 ? problems.front().message : "Validation failed"),
        kind_(ErrorKind::kValidation),
        problems_(std::move(problems)) {}

  ErrorKind kind() const { return kind_; }
  const std::vector<FieldProblem>& problems() const { return problems_; }

 private:
  ErrorKind kind_;
  std::vector<FieldProblem> problems_;
};

inline ApiError not_found(std::string message) {
  return ApiError(ErrorKind::kNotFound, std::move(message));
}
inline ApiError business_rule(std::string message) {
  return ApiError(ErrorKind::kBusinessRule, std::move(message));
}
inline ApiError conflict(std::string message) {
  return ApiError(ErrorKind::kConflict, std::move(message));
}
inline ApiError validation(std::string field, std::string message) {
  return ApiError(std::vector<FieldProblem>{{std::move(field), std::move(message)}});
}

}  // namespace ov::core
