// HTTP/1.1 framing (RFC 9112): what Beast's parser leaves to the server. Each case was found by
// hand against a Release build on 127.0.0.1: a Transfer-Encoding other than a final "chunked"
// was taken as "no body" and the body then ran as the next request (a smuggling primitive); a
// malformed chunked body dropped the connection unanswered; an unknown method (FOO, lowercase
// get) dropped the connection, losing the requests pipelined after it, with an ERROR log line
// each; a missing, repeated or invalid Host on HTTP/1.1 was served.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

using std::chrono::milliseconds;

constexpr const char* kHealthOk = R"({"status":"ok"})";
constexpr const char* kNotFound = R"({"statusCode":404,"message":"Resource not found"})";

std::string auth_lines(const TestCompany& c) {
  return "Ocp-Apim-Subscription-Key: " + c.subscription_key + "\r\nAuthorization: Bearer " +
         c.token + "\r\n";
}

std::string get_healthz(const std::string& extra = "") {
  return "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

// Everything the server sends for `bytes` until it closes (or 3 s pass).
std::vector<HttpResponse> converse(TestServer& server, const std::string& bytes,
                                   std::string* rest = nullptr) {
  auto client = server.client();
  return parse_responses(client.raw_exchange(bytes, milliseconds(3000)), rest);
}

TEST(Framing, TransferEncodingOtherThanChunkedIs501AndTheBodyNeverRunsAsARequest) {
  TestServer server;
  auto company = server.add_company();
  // The "body" is a complete request: served, it would be a request smuggled past whatever
  // checked the first one.
  const std::string smuggled = get_healthz();
  for (const std::string te :
       {"Transfer-Encoding: gzip\r\n", "Transfer-Encoding: gzip, chunked\r\n",
        "Transfer-Encoding: chunked, gzip\r\n", "Transfer-Encoding: identity\r\n",
        "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked, chunked\r\n", "Transfer-Encoding: \r\n"}) {
    SCOPED_TRACE(te);
    std::string rest;
    auto responses =
        converse(server,
                 "POST /v1/case HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth_lines(company) +
                     "Content-Type: application/json\r\n" + te + "\r\n" + smuggled + smuggled,
                 &rest);
    ASSERT_EQ(responses.size(), 1u) << "the body was run as a request";
    EXPECT_EQ(responses[0].status, 501);
    EXPECT_EQ(
        responses[0].body,
        R"({"statusCode":501,"message":"Transfer-Encoding other than chunked is not supported"})");
    EXPECT_EQ(responses[0].header("connection"), "close");
    EXPECT_EQ(rest, "");
  }
  // Beast itself refuses a Content-Length next to Transfer-Encoding: 400, nothing smuggled.
  auto both = converse(server,
                       "POST /v1/case HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" +
                           smuggled);
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].status, 400);
}

TEST(Framing, TransferEncodingOnHttp10Is400) {
  TestServer server;
  auto responses = converse(server,
                            "POST /v1/case HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "0\r\n\r\n" +
                                get_healthz());
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].status, 400);
  EXPECT_EQ(responses[0].header("connection"), "close");
}

TEST(Framing, MalformedChunkedBodyIs400AndTheConnectionClosed) {
  TestServer server;
  auto company = server.add_company();
  const std::string head = "POST /v1/case HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth_lines(company) +
                           "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (const std::string body : {
           "zz\r\n{}\r\n0\r\n\r\n",                // chunk size not hexadecimal
           "2\r\n{}XX0\r\n\r\n",                   // no CRLF after the chunk data
           "2;=bad\r\n{}\r\n0\r\n\r\n",            // malformed chunk extension
           "2\r\n{}\r\n0\r\nBad Trailer\r\n\r\n",  // malformed trailer field
       }) {
    SCOPED_TRACE(body);
    std::string rest;
    auto responses = converse(server, head + body + get_healthz(), &rest);
    ASSERT_EQ(responses.size(), 1u) << "no answer, or the rest ran as a request";
    EXPECT_EQ(responses[0].status, 400);
    EXPECT_EQ(responses[0].body, R"({"statusCode":400,"message":"Malformed request body"})");
    EXPECT_EQ(responses[0].header("connection"), "close");
  }
  // A well-formed chunked body with a trailer is served, and the connection goes on.
  auto responses = converse(server, head + "2\r\n{}\r\n0\r\nX-Trailer: yes\r\n\r\n" +
                                        get_healthz("Connection: close\r\n"));
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].status, 400);  // {} lacks every required field
  EXPECT_NE(responses[0].body.find("4002"), std::string::npos) << responses[0].body;
  EXPECT_EQ(responses[1].status, 200);
}

TEST(Framing, UnknownMethodIs404AndPipelinedRequestsAfterItAreServed) {
  TestServer server;
  std::string rest;
  auto responses =
      converse(server,
               "FOO /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
               "get /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
               "BREW /v1/case HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello" +
                   get_healthz("Connection: close\r\n"),
               &rest);
  ASSERT_EQ(responses.size(), 4u) << "a pipelined request was lost";
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(responses[static_cast<std::size_t>(i)].status, 404) << i;
    EXPECT_EQ(responses[static_cast<std::size_t>(i)].body, kNotFound) << i;
    EXPECT_NE(responses[static_cast<std::size_t>(i)].header("connection"), "close") << i;
  }
  EXPECT_EQ(responses[3].status, 200);
  EXPECT_EQ(responses[3].body, kHealthOk);
  EXPECT_EQ(rest, "");
}

TEST(Framing, MissingDuplicateOrInvalidHostIs400) {
  TestServer server;
  struct Case {
    std::string what, request;
  };
  const std::vector<Case> bad = {
      {"missing on HTTP/1.1", "GET /healthz HTTP/1.1\r\n\r\n"},
      {"duplicated", "GET /healthz HTTP/1.1\r\nHost: a.example\r\nHost: a.example\r\n\r\n"},
      {"duplicated on HTTP/1.0", "GET /healthz HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n"},
      {"a path in it", "GET /healthz HTTP/1.1\r\nHost: evil.example/steal?x=\r\n\r\n"},
      {"a space in it", "GET /healthz HTTP/1.1\r\nHost: a b\r\n\r\n"},
      {"a user part", "GET /healthz HTTP/1.1\r\nHost: user@a.example\r\n\r\n"},
      {"a port that is no number", "GET /healthz HTTP/1.1\r\nHost: a.example:http\r\n\r\n"},
      {"an unclosed IPv6 literal", "GET /healthz HTTP/1.1\r\nHost: [::1\r\n\r\n"},
      {"an IPv6 literal that is none", "GET /healthz HTTP/1.1\r\nHost: [nope]\r\n\r\n"},
  };
  for (const auto& c : bad) {
    SCOPED_TRACE(c.what);
    auto responses = converse(server, c.request + get_healthz());
    ASSERT_EQ(responses.size(), 1u);
    EXPECT_EQ(responses[0].status, 400);
    EXPECT_NE(responses[0].body.find("Host header"), std::string::npos) << responses[0].body;
    EXPECT_EQ(responses[0].header("connection"), "close");
  }
  const std::vector<Case> good = {
      {"a name and a port", "GET /healthz HTTP/1.1\r\nHost: crm.example.co.th:8443\r\n"},
      {"an IPv4 address", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"},
      {"an IPv6 literal", "GET /healthz HTTP/1.1\r\nHost: [::1]:8080\r\n"},
      {"empty (RFC 9110 §7.2)", "GET /healthz HTTP/1.1\r\nHost:\r\n"},
      {"none on HTTP/1.0", "GET /healthz HTTP/1.0\r\n"},
  };
  for (const auto& c : good) {
    SCOPED_TRACE(c.what);
    auto responses = converse(server, c.request + "Connection: close\r\n\r\n");
    ASSERT_EQ(responses.size(), 1u);
    EXPECT_EQ(responses[0].status, 200) << responses[0].body;
  }
}

}  // namespace
}  // namespace ov::test
