// Every bound of http::ServerOptions, exercised over a real socket. Limits are tuned small so
// each test stays fast; timing assertions only use lower bounds the server cannot beat and
// upper bounds far from the tuned value.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kSmallBodyLimit = 1024;
// ENDPOINTS.md §1.4 rule 7 and §2.2: the SN one-problem body with the 413 status inside.
constexpr const char* kCaseTooLargeBody =
    R"({"status":{"code":"4001","description":"Request body is too large"},)"
    R"("data":{"data":null,"statusCode":4001,"httpStatusCode":413}})";

TestServerOptions tuned(std::function<void(http::ServerOptions&)> tune) {
  TestServerOptions o;
  o.tune = std::move(tune);
  return o;
}

long long ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
}

// A JSON object of exactly `size` bytes that Add Case rejects for missing fields.
std::string padded_case_body(std::size_t size) {
  const std::string frame = R"({"subject":""})";
  return R"({"subject":")" + std::string(size - frame.size(), 'a') + R"("})";
}

// The same bytes as a chunked request body, in chunks of at most `chunk` bytes.
std::string chunked(const std::string& body, std::size_t chunk) {
  std::string out;
  for (std::size_t at = 0; at < body.size(); at += chunk) {
    auto piece = body.substr(at, chunk);
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    out += size + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

std::string auth_lines(const TestCompany& c) {
  return "Ocp-Apim-Subscription-Key: " + c.subscription_key + "\r\nAuthorization: Bearer " +
         c.token + "\r\n";
}

void expect_missing_fields_400(const HttpResponse& res) {
  ASSERT_EQ(res.status, 400) << res.body;
  auto doc = res.json();
  ASSERT_TRUE(doc.IsObject()) << res.body;
  EXPECT_STREQ(doc["status"]["code"].GetString(), "4002") << res.body;
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 400) << res.body;
}

TEST(Bounds, BodyOverLimitWithContentLengthIs413AndClosesTheConnection) {
  TestServer server(tuned([](http::ServerOptions& o) { o.max_body_bytes = kSmallBodyLimit; }));
  auto company = server.add_company();
  RawConnection conn(server.port());
  ASSERT_TRUE(conn.send(serialize_request("POST", "/v1/case", company.auth_json(),
                                          padded_case_body(kSmallBodyLimit + 1))));
  auto res = conn.read_response();
  ASSERT_TRUE(res) << conn.last_error().message();
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(res->body, kCaseTooLargeBody);
  EXPECT_EQ(res->header("connection"), "close");
  // The unread rest of the body makes the connection unusable for another request.
  EXPECT_TRUE(conn.closed_within(milliseconds(2000))) << conn.last_error().message();
}

TEST(Bounds, BodyOverLimitWithChunkedEncodingIs413) {
  TestServer server(tuned([](http::ServerOptions& o) { o.max_body_bytes = kSmallBodyLimit; }));
  auto company = server.add_company();
  auto client = server.client();
  const std::string head = "POST /v1/case HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth_lines(company) +
                           "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  const auto start = Clock::now();
  auto raw = client.raw_exchange(head + chunked(padded_case_body(kSmallBodyLimit + 1), 300),
                                 milliseconds(3000));
  const auto elapsed = ms_since(start);
  std::string rest;
  auto responses = parse_responses(raw, &rest);
  ASSERT_EQ(responses.size(), 1u) << raw;
  EXPECT_EQ(responses[0].status, 413);
  EXPECT_EQ(responses[0].body, kCaseTooLargeBody);
  EXPECT_EQ(responses[0].header("connection"), "close");
  EXPECT_EQ(rest, "");
  EXPECT_LT(elapsed, 2000) << "the server did not close the connection after the 413";
}

TEST(Bounds, BodyAtOrJustUnderLimitIsProcessed) {
  TestServer server(tuned([](http::ServerOptions& o) { o.max_body_bytes = kSmallBodyLimit; }));
  auto company = server.add_company();
  for (std::size_t size : {kSmallBodyLimit - 1, kSmallBodyLimit}) {
    SCOPED_TRACE("Content-Length body of " + std::to_string(size) + " bytes");
    RawConnection conn(server.port());
    auto res = conn.request("POST", "/v1/case", company.auth_json(), padded_case_body(size));
    ASSERT_TRUE(res) << conn.last_error().message();
    expect_missing_fields_400(*res);
    // Still usable: nothing of the body was left unread.
    auto next = conn.request("GET", "/healthz");
    ASSERT_TRUE(next) << conn.last_error().message();
    EXPECT_EQ(next->status, 200);
  }
  SCOPED_TRACE("chunked body at the limit");
  auto client = server.client();
  const std::string head = "POST /v1/case HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth_lines(company) +
                           "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                           "Connection: close\r\n\r\n";
  auto raw = client.raw_exchange(head + chunked(padded_case_body(kSmallBodyLimit), 300),
                                 milliseconds(3000));
  auto responses = parse_responses(raw);
  ASSERT_EQ(responses.size(), 1u) << raw;
  expect_missing_fields_400(responses[0]);
}

TEST(Bounds, DefaultBodyLimitIsFiveMebibytes) {
  TestServer server;
  auto company = server.add_company();
  RawConnection conn(server.port());
  // The declared length alone decides: the server must answer without waiting for the body.
  const std::string request =
      "POST /v1/case HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth_lines(company) +
      "Content-Type: application/json\r\nContent-Length: " + std::to_string(5 * 1024 * 1024 + 1) +
      "\r\n\r\n";
  ASSERT_TRUE(conn.send(request));
  auto res = conn.read_response(milliseconds(5000));
  ASSERT_TRUE(res) << conn.last_error().message();
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(res->body, kCaseTooLargeBody);
}

TEST(Bounds, TokenEndpointAcceptsAtMost16KiB) {
  TestServer server;
  auto company = server.add_company();
  const std::string prefix = "grant_type=client_credentials&pad=";
  auto form = [&](std::size_t size) { return prefix + std::string(size - prefix.size(), 'p'); };
  const Headers form_type{{"Content-Type", "application/x-www-form-urlencoded"}};
  {
    RawConnection conn(server.port());
    auto res = conn.request("POST", "/authorization/connect/token", form_type, form(16 * 1024));
    ASSERT_TRUE(res) << conn.last_error().message();
    EXPECT_EQ(res->status, 400) << res->body;
    EXPECT_EQ(
        res->body,
        R"({"error":"invalid_request","error_description":"client_id and client_secret are required"})");
  }
  {
    RawConnection conn(server.port());
    auto res = conn.request("POST", "/authorization/connect/token", form_type, form(16 * 1024 + 1));
    ASSERT_TRUE(res) << conn.last_error().message();
    EXPECT_EQ(res->status, 413) << res->body;
    auto doc = res->json();
    EXPECT_TRUE(doc.IsObject()) << res->body;
    EXPECT_NE(res->body.find("Request body is too large"), std::string::npos) << res->body;
    EXPECT_TRUE(conn.closed_within(milliseconds(2000)));
  }
  {
    auto client = server.client();
    const std::string head =
        "POST /authorization/connect/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";
    auto raw = client.raw_exchange(head + chunked(form(16 * 1024 + 1), 4096), milliseconds(3000));
    auto responses = parse_responses(raw);
    ASSERT_EQ(responses.size(), 1u) << raw;
    EXPECT_EQ(responses[0].status, 413) << responses[0].body;
    EXPECT_EQ(responses[0].header("connection"), "close");
  }
  // The 16 KiB limit is the token route's own: Add Case keeps the 5 MiB default.
  RawConnection conn(server.port());
  auto res = conn.request("POST", "/v1/case", company.auth_json(), padded_case_body(16 * 1024 + 1));
  ASSERT_TRUE(res) << conn.last_error().message();
  expect_missing_fields_400(*res);
}

TEST(Bounds, HeaderOverLimitIs431AndClosesTheConnection) {
  TestServer server(tuned([](http::ServerOptions& o) { o.max_header_bytes = 1024; }));
  {
    RawConnection conn(server.port());
    auto res = conn.request("GET", "/healthz", {{"X-Pad", std::string(700, 'h')}});
    ASSERT_TRUE(res) << conn.last_error().message();
    EXPECT_EQ(res->status, 200);
  }
  RawConnection conn(server.port());
  auto res = conn.request("GET", "/healthz", {{"X-Pad", std::string(2000, 'h')}});
  ASSERT_TRUE(res) << conn.last_error().message();
  EXPECT_EQ(res->status, 431);
  EXPECT_EQ(res->body, R"({"statusCode":431,"message":"Request header fields too large"})");
  EXPECT_EQ(res->header("connection"), "close");
  EXPECT_TRUE(conn.closed_within(milliseconds(2000))) << conn.last_error().message();
}

TEST(Bounds, StalledHeaderIsDroppedAfterHeaderTimeout) {
  TestServer server(tuned([](http::ServerOptions& o) { o.header_timeout = milliseconds(300); }));
  auto client = server.client();
  const auto start = Clock::now();
  auto raw =
      client.raw_exchange("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half", milliseconds(3000));
  const auto elapsed = ms_since(start);
  EXPECT_EQ(raw, "");
  EXPECT_GE(elapsed, 250);
  EXPECT_LT(elapsed, 2000) << "the stalled connection was not dropped after 300 ms";
}

TEST(Bounds, IdleKeepAliveConnectionIsDroppedAfterHeaderTimeout) {
  TestServer server(tuned([](http::ServerOptions& o) { o.header_timeout = milliseconds(300); }));
  auto client = server.client();
  const auto start = Clock::now();
  auto raw = client.raw_exchange(serialize_request("GET", "/healthz"), milliseconds(3000));
  const auto elapsed = ms_since(start);
  auto responses = parse_responses(raw);
  ASSERT_EQ(responses.size(), 1u) << raw;
  EXPECT_EQ(responses[0].status, 200);
  EXPECT_GE(elapsed, 250);
  EXPECT_LT(elapsed, 2000) << "the idle keep-alive connection was not dropped after 300 ms";
}

TEST(Bounds, StalledBodyIsDroppedAfterBodyTimeout) {
  // The header timeout stays long, so only the body timeout can end the connection early.
  TestServer server(tuned([](http::ServerOptions& o) { o.body_timeout = milliseconds(300); }));
  auto company = server.add_company();
  auto client = server.client();
  const std::string request = "POST /v1/case HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                              auth_lines(company) +
                              "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n" +
                              std::string(R"({"subject":"only half of the body arrives"})");
  const auto start = Clock::now();
  auto raw = client.raw_exchange(request, milliseconds(3000));
  const auto elapsed = ms_since(start);
  for (const auto& r : parse_responses(raw)) {
    EXPECT_EQ(r.status, 408) << "a request with half a body was answered: " << r.body;
  }
  EXPECT_GE(elapsed, 250);
  EXPECT_LT(elapsed, 2000) << "the stalled body was not dropped after 300 ms";
}

TEST(Bounds, ClientThatStopsReadingIsDroppedAfterWriteTimeout) {
  TestServer server(tuned([](http::ServerOptions& o) { o.write_timeout = milliseconds(300); }));
  // 300 pipelined copies of the ~50 KB OpenAPI document (~16 MB) overflow any socket buffers
  // (at most 4 MiB on the server side and a few KiB on this side), so the server's write
  // blocks once this client stops reading.
  constexpr int kRequests = 300;
  RawConnection conn(server.port(), 4096);
  std::string burst;
  for (int i = 0; i < kRequests; ++i) burst += serialize_request("GET", "/openapi.yaml");
  ASSERT_TRUE(conn.send(burst));
  std::this_thread::sleep_for(milliseconds(1500));
  int received = 0;
  while (auto res = conn.read_response(milliseconds(2000))) {
    ASSERT_EQ(res->status, 200);
    ++received;
  }
  const auto ec = conn.last_error();
  EXPECT_TRUE(ec == boost::beast::http::error::end_of_stream || ec == boost::asio::error::eof ||
              ec == boost::asio::error::connection_reset ||
              ec == boost::beast::http::error::partial_message)
      << "the server kept the connection open: " << ec.message();
  EXPECT_LT(received, kRequests);
}

TEST(Bounds, ConnectionsBeyondMaxGet503AndCapacityComesBack) {
  TestServer server(tuned([](http::ServerOptions& o) { o.max_connections = 3; }));
  std::vector<std::unique_ptr<RawConnection>> held;
  for (int i = 0; i < 3; ++i) held.push_back(std::make_unique<RawConnection>(server.port()));
  // The acceptor takes connections in arrival order, so these three are counted before the
  // fourth is accepted; a request on one of them proves they are served.
  auto served = held[1]->request("GET", "/healthz");
  ASSERT_TRUE(served) << held[1]->last_error().message();
  EXPECT_EQ(served->status, 200);
  // Each is busy with half a request: an idle connection would be closed to make room, and
  // the probe paths are answered past the cap (fair_connections_test.cpp covers both).
  for (auto& h : held) ASSERT_TRUE(h->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  // Time for the server to see those bytes (it takes far less even on a loaded machine).
  std::this_thread::sleep_for(milliseconds(300));

  auto client = server.client();
  const auto start = Clock::now();
  auto raw =
      client.raw_exchange(serialize_request("GET", "/v1/case/T250200010"), milliseconds(3000));
  const auto elapsed = ms_since(start);
  auto responses = parse_responses(raw);
  ASSERT_EQ(responses.size(), 1u) << raw;
  EXPECT_EQ(responses[0].status, 503);
  EXPECT_EQ(responses[0].header("retry-after"), "1");
  EXPECT_EQ(responses[0].header("connection"), "close");
  EXPECT_EQ(responses[0].body,
            R"({"statusCode":503,"message":"Too many open connections. Try again later."})");
  EXPECT_LT(elapsed, 2000) << "the rejected connection was not closed";

  held[0]->close();
  // The server notices the close asynchronously; poll briefly for the freed slot.
  int status = 0;
  const auto deadline = Clock::now() + milliseconds(3000);
  while (Clock::now() < deadline) {
    RawConnection fresh(server.port());
    auto res = fresh.request("GET", "/healthz");
    status = res ? res->status : 0;
    if (status == 200) break;
    std::this_thread::sleep_for(milliseconds(20));
  }
  EXPECT_EQ(status, 200) << "no connection was accepted after one of the three closed";
}

TEST(Bounds, HundredRequestsOnOneKeptAliveConnection) {
  TestServer server;
  auto company = server.add_company();
  RawConnection conn(server.port());
  for (int i = 0; i < 100; ++i) {
    auto res = conn.request("GET", "/v1/case/T250200010", company.auth());
    ASSERT_TRUE(res) << "request " << i << ": " << conn.last_error().message();
    ASSERT_EQ(res->status, 200) << "request " << i << ": " << res->body;
    EXPECT_NE(res->header("connection"), "close") << "request " << i;
    auto doc = res->json();
    ASSERT_STREQ(doc["data"]["data"]["feedbackNo"].GetString(), "T250200010");
  }
}

TEST(Bounds, PipelinedRequestsAreAnsweredInOrder) {
  TestServer server;
  auto client = server.client();
  const std::string bytes =
      serialize_request("GET", "/healthz", {{"X-Request-Id", "pipelined-first"}}) +
      serialize_request("GET", "/v1/case/T250200010", {{"X-Request-Id", "pipelined-second"}}) +
      serialize_request("GET", "/readyz",
                        {{"X-Request-Id", "pipelined-third"}, {"Connection", "close"}});
  auto raw = client.raw_exchange(bytes, milliseconds(3000));
  std::string rest;
  auto responses = parse_responses(raw, &rest);
  ASSERT_EQ(responses.size(), 3u) << raw;
  EXPECT_EQ(rest, "");
  EXPECT_EQ(responses[0].header("x-request-id"), "pipelined-first");
  EXPECT_EQ(responses[0].status, 200);
  EXPECT_EQ(responses[0].body, R"({"status":"ok"})");
  EXPECT_EQ(responses[1].header("x-request-id"), "pipelined-second");
  EXPECT_EQ(responses[1].status, 401);  // no subscription key
  EXPECT_EQ(responses[2].header("x-request-id"), "pipelined-third");
  EXPECT_EQ(responses[2].status, 200);
  EXPECT_EQ(responses[2].body, R"({"status":"ready"})");
}

TEST(Bounds, RequestIdLongerThan128CharactersIsReplaced) {
  TestServer server;
  auto client = server.client();
  const std::string longest(128, 'r');
  auto kept = client.request("GET", "/healthz", {{"X-Request-Id", longest}});
  EXPECT_EQ(kept.header("x-request-id"), longest);

  const std::string too_long(129, 'r');
  auto replaced = client.request("GET", "/healthz", {{"X-Request-Id", too_long}});
  const auto id = replaced.header("x-request-id");
  EXPECT_NE(id, too_long);
  EXPECT_FALSE(id.empty());
  EXPECT_LE(id.size(), 128u);
  EXPECT_EQ(id.find('r' + std::string(64, 'r')), std::string::npos)
      << "the replacement reuses the client's value: " << id;

  auto other = client.request("GET", "/healthz", {{"X-Request-Id", too_long}});
  EXPECT_NE(other.header("x-request-id"), id) << "generated ids must differ per request";
}

}  // namespace
}  // namespace ov::test
