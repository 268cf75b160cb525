#include "api/problem.hpp"

#include <gtest/gtest.h>

namespace ov::api {
namespace {

TEST(Problem, ValidationListsEveryFieldProblem) {
  const core::ApiError e(std::vector<core::FieldProblem>{{"name", "name is required"},
                                                         {"vatRate", "vatRate must be a number"}});
  const auto r = problem_response(e);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_EQ(
      r.body,
      R"({"type":"about:blank","title":"Bad Request","status":400,"detail":"The request has 2 problems","errors":[{"field":"name","detail":"name is required"},{"field":"vatRate","detail":"vatRate must be a number"}]})");
}

TEST(Problem, EachKindHasItsStatus) {
  EXPECT_EQ(problem_response(core::not_found("company 4 was not found")).status, 404);
  EXPECT_EQ(problem_response(core::conflict("taken")).status, 409);
  EXPECT_EQ(problem_response(core::business_rule("kept")).status, 422);
  const auto busy = problem_response(core::ApiError(core::ErrorKind::kUnavailable, "busy"));
  EXPECT_EQ(busy.status, 503);
  ASSERT_EQ(busy.headers.size(), 1u);
  EXPECT_EQ(busy.headers[0].first, "Retry-After");
}

TEST(Problem, AnInternalFailureSaysNothingOfItself) {
  const auto r =
      problem_response(core::ApiError(core::ErrorKind::kInternal, "SQL: no such column secret"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("SQL"), std::string::npos);
  EXPECT_NE(r.body.find("Internal server error"), std::string::npos);
}

TEST(Problem, UnauthorizedNamesTheBearerScheme) {
  const auto r = problem_response(401, "no key");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "WWW-Authenticate");
  EXPECT_EQ(r.headers[0].second, "Bearer");
}

}  // namespace
}  // namespace ov::api
