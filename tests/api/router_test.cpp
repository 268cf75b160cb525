// Routing rules of ENDPOINTS.md §1.1 over HTTP, on the Case routes of a demo company.
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr const char* kNotFound = R"({"statusCode":404,"message":"Resource not found"})";

class Routing : public ::testing::Test {
 protected:
  HttpResponse get(const std::string& target) {
    return client_.request("GET", target, company_.auth());
  }

  // The case number a Get Case reply names, or "" with the reason in the test log.
  std::string case_no_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    if (!doc.IsObject() || !doc.HasMember("data") || !doc["data"].IsObject() ||
        !doc["data"]["data"].IsObject() || !doc["data"]["data"].HasMember("feedbackNo")) {
      ADD_FAILURE() << "not a case reply: " << res.body;
      return "";
    }
    return doc["data"]["data"]["feedbackNo"].GetString();
  }

  // The category names a Get Case Categories reply lists; fails the test on anything else.
  std::size_t categories_in(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    if (!doc.IsObject() || !doc.HasMember("data") || !doc["data"].IsObject() ||
        !doc["data"]["data"].IsArray()) {
      ADD_FAILURE() << "not a category list: " << res.body;
      return 0;
    }
    return doc["data"]["data"].Size();
  }

  void expect_gateway_404(const HttpResponse& res) {
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.body, kNotFound);
    EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
  }

  // One request on its own connection, read until the server closes it: HEAD replies cannot be
  // framed by a client that does not know the request was HEAD.
  std::pair<std::string, std::string> raw(const std::string& method, const std::string& target) {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [k, v] : company_.auth()) req += k + ": " + v + "\r\n";
    req += "Connection: close\r\n\r\n";
    auto out = client_.raw_exchange(req, std::chrono::seconds(5));
    auto split = out.find("\r\n\r\n");
    if (split == std::string::npos) return {out, ""};
    return {out.substr(0, split), out.substr(split + 4)};
  }

  TestServer server_;
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(Routing, LiteralSegmentsMatchCaseInsensitively) {
  EXPECT_EQ(categories_in(get("/V1/CASE/categories")), 8u);
  EXPECT_EQ(categories_in(get("/v1/Case/CATEGORIES")), 8u);
  EXPECT_EQ(categories_in(get("/V1/case/Categories")), 8u);
  EXPECT_EQ(case_no_of(get("/v1/Case/T250200010")), "T250200010");
  EXPECT_EQ(case_no_of(get("/V1/CASE/T250200010")), "T250200010");
  auto res = client_.request("POST", "/V1/Case", company_.auth_json(), kDocAddCaseExample);
  EXPECT_EQ(res.status, 200) << res.body;
}

TEST_F(Routing, CategoriesIsNeverACaseNumber) {
  auto res = get("/v1/case/categories");
  EXPECT_EQ(categories_in(res), 8u);
  EXPECT_FALSE(res.header("x-total-count").empty());
  // A longer or shorter word is a case number that does not exist.
  auto near = get("/v1/case/categoriesx");
  EXPECT_EQ(near.status, 404);
  EXPECT_EQ(
      near.body,
      R"({"status":{"code":"4001","description":"Case categoriesx was not found"},"data":{"data":null,"statusCode":4001,"httpStatusCode":404}})");
}

TEST_F(Routing, ASingleTrailingSlashIsIgnored) {
  EXPECT_EQ(case_no_of(get("/v1/case/T250200010/")), "T250200010");
  EXPECT_EQ(categories_in(get("/v1/case/categories/")), 8u);
  auto res = client_.request("POST", "/v1/case/", company_.auth_json(), kDocAddCaseExample);
  EXPECT_EQ(res.status, 200) << res.body;
  auto put =
      client_.request("PUT", "/v1/case/T250200010/", company_.auth_json(), kDocEditCaseExample);
  EXPECT_EQ(put.status, 200) << put.body;
  // Only one.
  expect_gateway_404(get("/v1/case/T250200010//"));
  expect_gateway_404(get("/v1/case/categories//"));
}

TEST_F(Routing, EmptyParameterIsAGateway404) {
  expect_gateway_404(get("/v1/case/"));
  expect_gateway_404(get("/v1/case//"));
  expect_gateway_404(
      client_.request("PUT", "/v1/case/", company_.auth_json(), kDocEditCaseExample));
  expect_gateway_404(
      client_.request("PUT", "/v1/case//", company_.auth_json(), kDocEditCaseExample));
  // Routing comes before authentication (§1.2 processing order).
  expect_gateway_404(client_.request("GET", "/v1/case/"));
}

TEST_F(Routing, LeadingDevPrefixIsStripped) {
  EXPECT_EQ(case_no_of(get("/dev/v1/case/T250200010")), "T250200010");
  EXPECT_EQ(categories_in(get("/dev/v1/case/categories")), 8u);
  auto res = client_.request("POST", "/dev/v1/case", company_.auth_json(), kDocAddCaseExample);
  EXPECT_EQ(res.status, 200) << res.body;
  // The legacy token path of §1.1 rule 3.
  auto token = client_.request("POST", "/dev/authorization/Connect/Token",
                               {{"Content-Type", "application/x-www-form-urlencoded"}},
                               "grant_type=client_credentials&client_id=" + company_.client_id +
                                   "&client_secret=" + company_.client_secret);
  EXPECT_EQ(token.status, 200) << token.body;
  // Only a whole leading segment, and only once.
  expect_gateway_404(get("/devv1/case/T250200010"));
  expect_gateway_404(get("/dev/dev/v1/case/T250200010"));
  expect_gateway_404(get("/v1/dev/case/T250200010"));
}

TEST_F(Routing, PercentEncodedParametersAreDecoded) {
  EXPECT_EQ(case_no_of(get("/v1/case/%54250200010")), "T250200010");
  EXPECT_EQ(case_no_of(get("/v1/case/%54%32%35%30%32%30%30%30%31%30")), "T250200010");
  EXPECT_EQ(case_no_of(get("/v1/case/%74250200010")), "T250200010");
  // An encoded slash stays inside the parameter (§1.1 rule 9).
  auto slash = get("/v1/case/T2502%2F00010");
  EXPECT_EQ(slash.status, 404);
  EXPECT_EQ(
      slash.body,
      R"({"status":{"code":"4001","description":"Case T2502/00010 was not found"},"data":{"data":null,"statusCode":4001,"httpStatusCode":404}})");
}

TEST_F(Routing, ParametersThatDoNotDecodeToTextAreNotFound) {
  for (const char* target : {"/v1/case/%FF", "/v1/case/T2502%C3", "/v1/case/%ZZ", "/v1/case/T%2"}) {
    SCOPED_TRACE(target);
    auto res = get(target);
    EXPECT_EQ(res.status, 404);
    // Whatever the reason given, the body is well-formed UTF-8 JSON.
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag>(res.body.c_str(), res.body.size());
    EXPECT_FALSE(d.HasParseError()) << res.body;
  }
}

TEST_F(Routing, UnservedMethodsAreGateway404s) {
  for (const char* target : {"/v1/case/T250200010", "/v1/case", "/v1/case/categories"}) {
    SCOPED_TRACE(target);
    expect_gateway_404(client_.request("DELETE", target, company_.auth()));
    expect_gateway_404(client_.request("OPTIONS", target, company_.auth()));
    expect_gateway_404(client_.request("PATCH", target, company_.auth_json(), "{}"));
    auto [head, body] = raw("HEAD", target);
    EXPECT_EQ(head.substr(0, 13), "HTTP/1.1 404 ") << head;
    // A HEAD reply may omit the body; if one is sent, it is the gateway body.
    EXPECT_TRUE(body.empty() || body == kNotFound) << body;
  }
  expect_gateway_404(client_.request("GET", "/v1/case", company_.auth()));
  expect_gateway_404(client_.request("POST", "/v1/case/categories", company_.auth_json(), "{}"));
  expect_gateway_404(
      client_.request("POST", "/v1/case/T250200010", company_.auth_json(), kDocAddCaseExample));
}

TEST_F(Routing, UnknownPathsAreGateway404s) {
  for (const char* target :
       {"/", "/v1", "/v1/cases", "/v2/case/T250200010", "/v1/case/T250200010/extra",
        "/v1/case/categories/extra", "/case/T250200010", "/v1/casex/T250200010", "/dev", "/dev/",
        "/v1/case/T250200010/x/"}) {
    SCOPED_TRACE(target);
    expect_gateway_404(get(target));
    // Without any credentials too: routing comes first.
    expect_gateway_404(client_.request("GET", target));
  }
}

TEST_F(Routing, QueryStringDoesNotTakePartInRouting) {
  EXPECT_EQ(case_no_of(get("/v1/case/T250200010?foo=bar")), "T250200010");
  EXPECT_EQ(categories_in(get("/v1/case/categories/?isActive=true")), 8u);
}

}  // namespace
}  // namespace ov::test
