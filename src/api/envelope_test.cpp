#include "api/envelope.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ov::api {
namespace {

using core::ApiError;
using core::ErrorKind;
using core::FieldProblem;

// The payload of the Edit Case example, small enough to spell out in full.
void case_payload(JsonWriter& w) {
  w.StartObject();
  write_key(w, "feedbackNo");
  write_string(w, "T250200010");
  w.EndObject();
}

ApiError two_problems() {
  return ApiError(
      std::vector<FieldProblem>{{"subject", "subject is required"},
                                {"dateDue", "dateDue must not be earlier than dateCase"}});
}

constexpr const char* kTwoErrors =
    R"({"errors":[{"field":"subject","message":"subject is required"},)"
    R"({"field":"dateDue","message":"dateDue must not be earlier than dateCase"}]})";

// --- Success ---------------------------------------------------------------------------------

TEST(EnvelopeSuccessTest, FamilyS) {
  EXPECT_EQ(
      success_body(Family::kS, case_payload),
      R"({"status":{"code":"1000","description":"Success"},"data":{"feedbackNo":"T250200010"}})");
  EXPECT_EQ(success_body(Family::kS, [](JsonWriter& w) { w.Bool(true); }),
            R"({"status":{"code":"1000","description":"Success"},"data":true})");
  EXPECT_EQ(success_body(Family::kS,
                         [](JsonWriter& w) {
                           w.StartArray();
                           w.EndArray();
                         }),
            R"({"status":{"code":"1000","description":"Success"},"data":[]})");
}

TEST(EnvelopeSuccessTest, FamilySN) {
  EXPECT_EQ(
      success_body(Family::kSN, case_payload),
      R"({"status":{"code":"1000","description":"Success"},)"
      R"("data":{"data":{"feedbackNo":"T250200010"},"statusCode":1000,"httpStatusCode":200}})");
}

TEST(EnvelopeSuccessTest, FamilyVHasNoStatus) {
  EXPECT_EQ(success_body(Family::kV, case_payload),
            R"({"data":{"value":{"feedbackNo":"T250200010"}}})");
}

TEST(EnvelopeSuccessTest, FamilyNHasNoStatus) {
  // ENDPOINTS.md §2.4: the success body is the flat data plus the two integer codes only.
  EXPECT_EQ(success_body(Family::kN,
                         [](JsonWriter& w) {
                           w.StartArray();
                           w.StartObject();
                           write_key(w, "productCode");
                           write_string(w, "A001");
                           write_key(w, "qty");
                           w.Int(20);
                           write_key(w, "isSuccess");
                           w.Bool(true);
                           write_key(w, "error");
                           w.Null();
                           w.EndObject();
                           w.EndArray();
                         }),
            R"({"data":[{"productCode":"A001","qty":20,"isSuccess":true,"error":null}],)"
            R"("statusCode":1000,"httpStatusCode":200})");
}

TEST(EnvelopeSuccessTest, ThaiTextIsRaw) {
  const auto body = success_body(Family::kS, [](JsonWriter& w) {
    w.StartObject();
    write_key(w, "subject");
    write_string(w, "ลูกค้าแจ้งปัญหา 𝗢𝗮𝘀𝗶𝘀");
    w.EndObject();
  });
  EXPECT_EQ(body, R"({"status":{"code":"1000","description":"Success"},)"
                  R"("data":{"subject":"ลูกค้าแจ้งปัญหา 𝗢𝗮𝘀𝗶𝘀"}})");
  EXPECT_EQ(body.find("\\u"), std::string::npos);
}

// --- One problem -----------------------------------------------------------------------------

TEST(EnvelopeErrorTest, NotFoundIs404) {
  const auto error = core::not_found("Case T250299999 was not found");
  const std::string status =
      R"("status":{"code":"4001","description":"Case T250299999 was not found"})";

  auto s = error_response(Family::kS, error);
  EXPECT_EQ(s.http_status, 404);
  EXPECT_EQ(s.body, "{" + status + R"(,"data":null})");

  auto sn = error_response(Family::kSN, error);
  EXPECT_EQ(sn.http_status, 404);
  EXPECT_EQ(sn.body,
            "{" + status + R"(,"data":{"data":null,"statusCode":4001,"httpStatusCode":404}})");

  auto v = error_response(Family::kV, error);
  EXPECT_EQ(v.http_status, 404);
  EXPECT_EQ(v.body, "{" + status + R"(,"data":{"value":null}})");

  auto n = error_response(Family::kN, error);
  EXPECT_EQ(n.http_status, 404);
  EXPECT_EQ(n.body, "{" + status + R"(,"data":null,"statusCode":4001,"httpStatusCode":404})");
}

TEST(EnvelopeErrorTest, ValidationIs400) {
  const auto error = core::validation("", "Request body must be a JSON array");
  const std::string status =
      R"("status":{"code":"4001","description":"Request body must be a JSON array"})";
  auto s = error_response(Family::kS, error);
  EXPECT_EQ(s.http_status, 400);
  EXPECT_EQ(s.body, "{" + status + R"(,"data":null})");
  auto sn = error_response(Family::kSN, error);
  EXPECT_EQ(sn.http_status, 400);
  EXPECT_EQ(sn.body,
            "{" + status + R"(,"data":{"data":null,"statusCode":4001,"httpStatusCode":400}})");
  auto v = error_response(Family::kV, error);
  EXPECT_EQ(v.http_status, 400);
  EXPECT_EQ(v.body, "{" + status + R"(,"data":{"value":null}})");
  auto n = error_response(Family::kN, error);
  EXPECT_EQ(n.http_status, 400);
  EXPECT_EQ(n.body, "{" + status + R"(,"data":null,"statusCode":4001,"httpStatusCode":400})");
}

TEST(EnvelopeErrorTest, BusinessRuleIs400) {
  const auto error = core::business_rule("Status cannot change from Closed to Open");
  auto sn = error_response(Family::kSN, error);
  EXPECT_EQ(sn.http_status, 400);
  EXPECT_EQ(sn.body,
            R"({"status":{"code":"4001","description":"Status cannot change from Closed to Open"},)"
            R"("data":{"data":null,"statusCode":4001,"httpStatusCode":400}})");
  auto n = error_response(Family::kN, error);
  EXPECT_EQ(n.http_status, 400);
  EXPECT_EQ(n.body,
            R"({"status":{"code":"4001","description":"Status cannot change from Closed to Open"},)"
            R"("data":null,"statusCode":4001,"httpStatusCode":400})");
}

TEST(EnvelopeErrorTest, PayloadTooLargeIs413) {
  const ApiError error(ErrorKind::kPayloadTooLarge, "Request body is too large");
  const std::string status =
      R"("status":{"code":"4001","description":"Request body is too large"})";
  auto s = error_response(Family::kS, error);
  EXPECT_EQ(s.http_status, 413);
  EXPECT_EQ(s.body, "{" + status + R"(,"data":null})");
  auto sn = error_response(Family::kSN, error);
  EXPECT_EQ(sn.http_status, 413);
  EXPECT_EQ(sn.body,
            "{" + status + R"(,"data":{"data":null,"statusCode":4001,"httpStatusCode":413}})");
  auto v = error_response(Family::kV, error);
  EXPECT_EQ(v.http_status, 413);
  EXPECT_EQ(v.body, "{" + status + R"(,"data":{"value":null}})");
  auto n = error_response(Family::kN, error);
  EXPECT_EQ(n.http_status, 413);
  EXPECT_EQ(n.body, "{" + status + R"(,"data":null,"statusCode":4001,"httpStatusCode":413})");
}

TEST(EnvelopeErrorTest, OneFieldProblemUsesItsMessage) {
  // A single field problem is a 4001 whose description is the message; the field is not sent.
  const ApiError error(std::vector<FieldProblem>{{"subject", "subject is required"}});
  auto s = error_response(Family::kS, error);
  EXPECT_EQ(s.http_status, 400);
  EXPECT_EQ(s.body,
            R"({"status":{"code":"4001","description":"subject is required"},"data":null})");
}

TEST(EnvelopeErrorTest, ThaiDescriptionIsRaw) {
  const auto error = core::not_found("ไม่พบลูกค้า C009999");
  auto s = error_response(Family::kS, error);
  EXPECT_EQ(s.body, R"({"status":{"code":"4001","description":"ไม่พบลูกค้า C009999"},"data":null})");
}

// --- Several problems ------------------------------------------------------------------------

TEST(EnvelopeErrorTest, SeveralProblemsFamilyS) {
  auto r = error_response(Family::kS, two_problems());
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.body,
            std::string(R"({"status":{"code":"4002","description":"Validation failed"},"data":)") +
                kTwoErrors + "}");
}

TEST(EnvelopeErrorTest, SeveralProblemsFamilySN) {
  auto r = error_response(Family::kSN, two_problems());
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.body,
            std::string(
                R"({"status":{"code":"4002","description":"Validation failed"},"data":{"data":)") +
                kTwoErrors + R"(,"statusCode":4002,"httpStatusCode":400}})");
}

TEST(EnvelopeErrorTest, SeveralProblemsFamilyV) {
  auto r = error_response(Family::kV, two_problems());
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.body,
            std::string(
                R"({"status":{"code":"4002","description":"Validation failed"},"data":{"value":)") +
                kTwoErrors + "}}");
}

TEST(EnvelopeErrorTest, SeveralProblemsFamilyN) {
  auto r = error_response(Family::kN, two_problems());
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.body,
            std::string(R"({"status":{"code":"4002","description":"Validation failed"},"data":)") +
                kTwoErrors + R"(,"statusCode":4002,"httpStatusCode":400})");
}

TEST(EnvelopeErrorTest, SeveralProblemsKeepOrderAndRawText) {
  const ApiError error(
      std::vector<FieldProblem>{{"", "ข้อมูลไม่ถูกต้อง"},
                                {"items[1].qty", "items[1].qty must be an integer"},
                                {"a\"b", "quote \" and backslash \\"}});
  auto r = error_response(Family::kS, error);
  EXPECT_EQ(r.body,
            R"({"status":{"code":"4002","description":"Validation failed"},"data":{"errors":[)"
            R"({"field":"","message":"ข้อมูลไม่ถูกต้อง"},)"
            R"({"field":"items[1].qty","message":"items[1].qty must be an integer"},)"
            R"({"field":"a\"b","message":"quote \" and backslash \\"}]}})");
}

// --- Server errors ---------------------------------------------------------------------------

TEST(EnvelopeServerErrorTest, InternalErrorResponse) {
  auto s = internal_error_response(Family::kS);
  EXPECT_EQ(s.http_status, 500);
  EXPECT_EQ(s.body,
            R"({"status":{"code":"5000","description":"Internal server error"},"data":null})");
  auto sn = internal_error_response(Family::kSN);
  EXPECT_EQ(sn.http_status, 500);
  EXPECT_EQ(sn.body, R"({"status":{"code":"5000","description":"Internal server error"},)"
                     R"("data":{"data":null,"statusCode":5000,"httpStatusCode":500}})");
  auto v = internal_error_response(Family::kV);
  EXPECT_EQ(v.http_status, 500);
  EXPECT_EQ(
      v.body,
      R"({"status":{"code":"5000","description":"Internal server error"},"data":{"value":null}})");
  auto n = internal_error_response(Family::kN);
  EXPECT_EQ(n.http_status, 500);
  EXPECT_EQ(n.body, R"({"status":{"code":"5000","description":"Internal server error"},)"
                    R"("data":null,"statusCode":5000,"httpStatusCode":500})");
}

TEST(EnvelopeServerErrorTest, InternalKindHidesItsMessage) {
  // The message of an internal error may name tables or files: clients get the generic text.
  const ApiError error(ErrorKind::kInternal, "no such table: cases");
  for (auto family : {Family::kS, Family::kSN, Family::kV, Family::kN}) {
    auto r = error_response(family, error);
    auto expected = internal_error_response(family);
    EXPECT_EQ(r.http_status, 500);
    EXPECT_EQ(r.body, expected.body);
    EXPECT_EQ(r.body.find("cases"), std::string::npos);
  }
}

TEST(EnvelopeServerErrorTest, UnavailableIs503) {
  const ApiError error(ErrorKind::kUnavailable, "Storage is overloaded; retry later");
  const std::string status =
      R"("status":{"code":"5000","description":"Storage is overloaded; retry later"})";
  auto s = error_response(Family::kS, error);
  EXPECT_EQ(s.http_status, 503);
  EXPECT_EQ(s.body, "{" + status + R"(,"data":null})");
  auto sn = error_response(Family::kSN, error);
  EXPECT_EQ(sn.http_status, 503);
  EXPECT_EQ(sn.body,
            "{" + status + R"(,"data":{"data":null,"statusCode":5000,"httpStatusCode":503}})");
  auto v = error_response(Family::kV, error);
  EXPECT_EQ(v.http_status, 503);
  EXPECT_EQ(v.body, "{" + status + R"(,"data":{"value":null}})");
  auto n = error_response(Family::kN, error);
  EXPECT_EQ(n.http_status, 503);
  EXPECT_EQ(n.body, "{" + status + R"(,"data":null,"statusCode":5000,"httpStatusCode":503})");
}

// --- Gateway ---------------------------------------------------------------------------------

TEST(GatewayBodyTest, ExactBodies) {
  EXPECT_EQ(gateway_body(404, "Resource not found"),
            R"({"statusCode":404,"message":"Resource not found"})");
  EXPECT_EQ(gateway_body(401, "Unauthorized"), R"({"statusCode":401,"message":"Unauthorized"})");
  EXPECT_EQ(gateway_body(401,
                         "Access denied due to missing subscription key. Make sure to include "
                         "subscription key when making requests to an API."),
            R"({"statusCode":401,"message":"Access denied due to missing subscription key. )"
            R"(Make sure to include subscription key when making requests to an API."})");
  EXPECT_EQ(gateway_body(429, "Rate limit is exceeded. Try again in 7 seconds."),
            R"({"statusCode":429,"message":"Rate limit is exceeded. Try again in 7 seconds."})");
}

}  // namespace
}  // namespace ov::api
