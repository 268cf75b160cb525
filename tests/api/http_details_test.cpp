// HTTP details ordinary clients rely on: a 413 a client still sending its body can read (the
// rest is read and dropped before the close), Expect: 100-continue answered at once, a Date
// header on every response, and HEAD (not served, ENDPOINTS.md §1.1 rule 10) answered 404
// without a body. Also with the clients that found them: curl and Python's urllib.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "support/process.hpp"
#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// Well past what the kernel's socket buffers hold, so a client can only finish sending if the
// server reads.
constexpr std::size_t kOversizeBody = 12 * 1024 * 1024;

bool is_imf_fixdate(const std::string& v) {
  static const std::regex kDate(
      R"((Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT)");
  return std::regex_match(v, kDate);
}

TEST(HttpDetails, A413IsReadableByAClientThatSendsItsWholeBodyFirst) {
  TestServer server;
  auto company = server.add_company();
  RawConnection conn(server.port());
  ASSERT_TRUE(conn.send(header_block("POST", "/v1/case", company.auth_json(), kOversizeBody)));
  // Like Python's urllib and Node's fetch: the whole body, then the answer.
  ASSERT_TRUE(conn.send(std::string(kOversizeBody, 'a'), milliseconds(20000)))
      << "the server stopped reading: " << conn.last_error().message();
  auto res = conn.read_response();
  ASSERT_TRUE(res) << conn.last_error().message();
  EXPECT_EQ(res->status, 413) << res->body;
  EXPECT_EQ(res->header("connection"), "close");
  EXPECT_TRUE(conn.closed_within(milliseconds(2000)));
}

TEST(HttpDetails, TheDrainStopsAtItsBound) {
  TestServerOptions o;
  o.tune = [](http::ServerOptions& s) {
    s.linger_bytes = 1024 * 1024;
    s.linger_idle = milliseconds(200);
  };
  TestServer server(o);
  auto company = server.add_company();
  RawConnection conn(server.port());
  const std::size_t declared = 64 * 1024 * 1024;
  ASSERT_TRUE(conn.send(header_block("POST", "/v1/case", company.auth_json(), declared)));
  // Past the bound the server stops reading and closes: the client's sending fails.
  const auto start = Clock::now();
  EXPECT_FALSE(conn.send(std::string(declared, 'a'), milliseconds(20000)));
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(15));
}

TEST(HttpDetails, ExpectContinueGetsTheFinalAnswerAtOnceWhenTheHeaderDecidesIt) {
  TestServer server;
  auto company = server.add_company();
  Headers h = company.auth_json();
  h.emplace_back("Expect", "100-continue");
  RawConnection conn(server.port());
  const auto start = Clock::now();
  ASSERT_TRUE(conn.send(header_block("POST", "/v1/case", h, kOversizeBody)));
  auto res = conn.read_response(milliseconds(5000));
  ASSERT_TRUE(res) << conn.last_error().message();
  EXPECT_EQ(res->status, 413) << "not 100: the declared length already decides";
  EXPECT_LT(Clock::now() - start, milliseconds(900));
  EXPECT_TRUE(conn.closed_within(milliseconds(3000)));
}

TEST(HttpDetails, EveryResponseCarriesADate) {
  TestServer server;
  auto company = server.add_company();
  auto client = server.client();
  std::vector<HttpResponse> answers;
  answers.push_back(client.request("GET", "/healthz"));
  answers.push_back(client.request("GET", "/v1/case/T250200010", company.auth()));
  answers.push_back(client.request("GET", "/v1/case/T250200010"));            // 401
  answers.push_back(client.request("GET", "/no/such/path", company.auth()));  // 404
  answers.push_back(client.request("POST", "/authorization/connect/token",
                                   {{"Content-Type", "application/x-www-form-urlencoded"}},
                                   "grant_type=client_credentials&client_id=" + company.client_id +
                                       "&client_secret=" + company.client_secret));
  answers.push_back(client.request("POST", "/v1/case", company.auth_json(),
                                   std::string(6 * 1024 * 1024, ' ')));  // 413
  for (const auto& res : answers) {
    EXPECT_TRUE(is_imf_fixdate(res.header("date")))
        << res.status << " " << res.header("date") << " " << res.body;
  }
  EXPECT_EQ(answers[0].status, 200);
  EXPECT_EQ(answers[2].status, 401);
  EXPECT_EQ(answers[4].status, 200) << answers[4].body;
  EXPECT_EQ(answers[5].status, 413);
}

TEST(HttpDetails, HeadIsA404WithoutABody) {
  TestServer server;
  auto company = server.add_company();
  auto client = server.client();
  std::string auth;
  for (const auto& [k, v] : company.auth()) auth += k + ": " + v + "\r\n";
  // A HEAD and a GET pipelined: the GET's answer must follow the HEAD's header at once.
  const auto raw =
      client.raw_exchange("HEAD /v1/case/T250200010 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth +
                              "\r\nGET /v1/case/T250200010 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth +
                              "Connection: close\r\n\r\n",
                          milliseconds(5000));
  ASSERT_TRUE(raw.starts_with("HTTP/1.1 404 ")) << raw;
  const auto end_of_head = raw.find("\r\n\r\n");
  ASSERT_NE(end_of_head, std::string::npos) << raw;
  EXPECT_NE(raw.substr(0, end_of_head).find("Content-Length: 49"), std::string::npos) << raw;
  EXPECT_TRUE(raw.substr(end_of_head + 4).starts_with("HTTP/1.1 200 ")) << raw;
}

// The clients the details were found with, as integrators run them.
class OrdinaryClients : public ::testing::Test {
 protected:
  void SetUp() override {
    body_ = dir_.path() / "body.json";
    std::ofstream(body_) << std::string(kOversizeBody, ' ');
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(server_.port()) + path;
  }

  TestServer server_;
  TestCompany company_ = server_.add_company();
  TempDir dir_;
  std::filesystem::path body_;
};

TEST_F(OrdinaryClients, CurlGetsThe413AndNeverWaitsForA100) {
  if (!std::filesystem::exists("/usr/bin/curl")) GTEST_SKIP() << "curl is not installed";
  std::vector<std::string> args = {"/usr/bin/curl",
                                   "-sS",
                                   "-o",
                                   "/dev/null",
                                   "-w",
                                   "%{http_code} %{time_total}",
                                   "--data-binary",
                                   "@" + body_.string()};
  for (const auto& [k, v] : company_.auth_json()) args.insert(args.end(), {"-H", k + ": " + v});
  args.push_back(url("/v1/case"));
  auto out = run_to_completion(args);
  ASSERT_TRUE(out);
  EXPECT_TRUE(out->starts_with("413 ")) << *out;
  // curl asks Expect: 100-continue for such a body and waits a second for an answer.
  EXPECT_LT(std::stod(out->substr(4)), 0.9) << *out;

  // A body within the limit: 100 Continue at once, then the answer.
  std::ofstream(body_, std::ios::trunc) << "{" << std::string(2 * 1024 * 1024, ' ') << "}";
  auto small = run_to_completion(args);
  ASSERT_TRUE(small);
  EXPECT_TRUE(small->starts_with("400 ")) << *small;  // Add Case without its fields
  EXPECT_LT(std::stod(small->substr(4)), 0.9) << *small;
}

TEST_F(OrdinaryClients, PythonUrllibReadsThe413) {
  if (!std::filesystem::exists("/usr/bin/python3")) GTEST_SKIP() << "python3 is not installed";
  const auto script = dir_.path() / "post.py";
  std::ofstream(script) << R"(import sys, urllib.request, urllib.error
url, key, token, path = sys.argv[1:5]
data = open(path, "rb").read()
req = urllib.request.Request(url, data=data, method="POST", headers={
    "Content-Type": "application/json", "Ocp-Apim-Subscription-Key": key,
    "Authorization": "Bearer " + token})
try:
    urllib.request.urlopen(req, timeout=20)
    print("no error")
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode())
)";
  auto out = run_to_completion({"/usr/bin/python3", script.string(), url("/v1/case"),
                                company_.subscription_key, company_.token, body_.string()});
  ASSERT_TRUE(out) << "python failed (a broken pipe instead of the answer?)";
  EXPECT_TRUE(out->starts_with("413 ")) << *out;
  EXPECT_NE(out->find("Request body is too large"), std::string::npos) << *out;
}

}  // namespace
}  // namespace ov::test
