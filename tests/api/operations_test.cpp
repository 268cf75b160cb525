// The operational endpoints: liveness, readiness, metrics and the OpenAPI document. They need
// no subscription key and no token, so a load balancer or scraper can call them bare.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// The value of the first sample line `<series> <value>`, or -1 when there is none.
double sample(const std::string& metrics, const std::string& series) {
  std::istringstream in(metrics);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 &&
        line[series.size()] == ' ') {
      return std::stod(line.substr(series.size() + 1));
    }
  }
  return -1;
}

int count_lines_starting_with(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.compare(0, prefix.size(), prefix) == 0) ++n;
  }
  return n;
}

TEST(Operations, HealthzAnswersOkWithoutCredentials) {
  TestServer server;
  auto client = server.client();
  auto res = client.request("GET", "/healthz", {{"X-Request-Id", "ops-health-1"}});
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"status":"ok"})");
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(res.header("x-request-id"), "ops-health-1");
}

TEST(Operations, ReadyzAnswersReadyWithoutCredentials) {
  TestServer server;
  auto client = server.client();
  auto res = client.request("GET", "/readyz", {{"X-Request-Id", "ops-ready-1"}});
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"status":"ready"})");
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(res.header("x-request-id"), "ops-ready-1");
}

TEST(Operations, OpenApiDocumentIsServedAsYaml) {
  TestServer server;
  auto client = server.client();
  auto res = client.request("GET", "/openapi.yaml", {{"X-Request-Id", "ops-openapi-1"}});
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.header("content-type").rfind("application/yaml", 0), 0u)
      << res.header("content-type");
  EXPECT_EQ(res.body.rfind("openapi: 3.0", 0), 0u) << res.body.substr(0, 80);
  EXPECT_EQ(res.header("x-request-id"), "ops-openapi-1");
}

TEST(Operations, OperationalEndpointsIgnoreInvalidCredentials) {
  // A stale key or token in a probe's configuration must not turn a healthy server "down".
  TestServer server;
  auto client = server.client();
  const Headers bogus{{"Ocp-Apim-Subscription-Key", "not-a-key"},
                      {"Authorization", "Bearer not-a-token"}};
  for (const char* path : {"/healthz", "/readyz", "/metrics", "/openapi.yaml"}) {
    auto res = client.request("GET", path, bogus);
    EXPECT_EQ(res.status, 200) << path << ": " << res.body;
  }
}

TEST(Operations, MetricsCountRequestsByRouteAndStatus) {
  TestServer server;
  auto company = server.add_company();
  // One connection: the server records a request before it reads the next one from the same
  // connection, so each scrape sees every earlier request of this connection.
  RawConnection conn(server.port());
  for (int i = 0; i < 3; ++i) {
    auto res = conn.request("GET", "/v1/case/T250200010", company.auth());
    ASSERT_TRUE(res) << conn.last_error().message();
    ASSERT_EQ(res->status, 200) << res->body;
  }
  auto missing = conn.request("GET", "/v1/case/T250299999", company.auth());
  ASSERT_TRUE(missing);
  ASSERT_EQ(missing->status, 404) << missing->body;

  auto scrape = conn.request("GET", "/metrics", {{"X-Request-Id", "ops-metrics-1"}});
  ASSERT_TRUE(scrape) << conn.last_error().message();
  ASSERT_EQ(scrape->status, 200);
  EXPECT_EQ(scrape->header("content-type").rfind("text/plain", 0), 0u)
      << scrape->header("content-type");
  EXPECT_EQ(scrape->header("x-request-id"), "ops-metrics-1");
  const std::string& m = scrape->body;
  const std::string ok_series =
      R"(openvenio_http_requests_total{route="GET /v1/case/{caseNo}",status="200"})";
  const std::string missing_series =
      R"(openvenio_http_requests_total{route="GET /v1/case/{caseNo}",status="404"})";
  EXPECT_EQ(sample(m, ok_series), 3) << m;
  EXPECT_EQ(sample(m, missing_series), 1) << m;
  EXPECT_EQ(
      sample(m, R"(openvenio_http_requests_total{route="PUT /v1/case/{caseNo}",status="200"})"), -1)
      << "a route never called has no sample:\n"
      << m;

  EXPECT_GE(count_lines_starting_with(m, "openvenio_http_request_duration_seconds_bucket{le=\""), 2)
      << m;
  const double count = sample(m, "openvenio_http_request_duration_seconds_count");
  const double inf = sample(m, R"(openvenio_http_request_duration_seconds_bucket{le="+Inf"})");
  EXPECT_GE(count, 4) << m;  // at least the four requests above
  EXPECT_EQ(count, inf) << "the +Inf bucket holds every observation:\n" << m;

  for (int i = 0; i < 2; ++i) {
    auto res = conn.request("GET", "/v1/case/T250200010", company.auth());
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
  }
  auto again = conn.request("GET", "/metrics");
  ASSERT_TRUE(again);
  EXPECT_EQ(sample(again->body, ok_series), 5) << again->body;
  EXPECT_EQ(sample(again->body, missing_series), 1) << again->body;
  EXPECT_EQ(
      sample(again->body, R"(openvenio_http_requests_total{route="GET /metrics",status="200"})"), 1)
      << again->body;
}

// The storage series: the pool (PostgreSQL's size, 0 on SQLite), and batches that count the
// writes they commit.
TEST(Operations, MetricsShowThePoolAndTheWriteBatches) {
  TestServer server;
  auto company = server.add_company();
  auto client = server.client();
  const auto scrape = [&] { return client.request("GET", "/metrics").body; };
  const auto before = scrape();
  const double batches = sample(before, "openvenio_storage_write_batches_total");
  const double writes = sample(before, "openvenio_storage_batched_writes_total");
  ASSERT_GE(batches, 1) << before;  // at least the company's creation
  EXPECT_GE(writes, batches) << before;
  EXPECT_GE(sample(before, "openvenio_storage_largest_batch"), 1) << before;
  EXPECT_GE(sample(before, "openvenio_storage_transaction_retries_total"), 0) << before;
  const double pool = sample(before, "openvenio_storage_pool_connections");
  EXPECT_EQ(pool, testing_postgres() ? 8 : 0) << before;
  const double in_use = sample(before, "openvenio_storage_pool_in_use");
  EXPECT_GE(in_use, 0) << before;
  EXPECT_LE(in_use, pool) << before;

  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(client.request("POST", "/v1/case", company.auth_json(), kDocAddCaseExample).status,
              200);
  }
  const auto after = scrape();
  EXPECT_EQ(sample(after, "openvenio_storage_batched_writes_total"), writes + 3) << after;
  const double new_batches = sample(after, "openvenio_storage_write_batches_total") - batches;
  EXPECT_GE(new_batches, 1) << after;
  EXPECT_LE(new_batches, 3) << after;
}

}  // namespace
}  // namespace ov::test
