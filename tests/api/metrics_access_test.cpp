// GET /metrics restricted by a bearer token (AppConfig::metrics_token, `serve
// --metrics-token`): the metrics name every route and its traffic, which is not for anyone who
// can reach the port. Without a token configured it stays open, as before.
#include <gtest/gtest.h>

#include <string>

#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr const char* kToken = "scrape-secret-2b8f1c";

TestServerOptions with_metrics_token() {
  TestServerOptions o;
  o.configure = [](app::AppConfig& c) { c.metrics_token = kToken; };
  return o;
}

TEST(MetricsAccess, TokenIsRequiredWhenConfigured) {
  TestServer server(with_metrics_token());
  auto client = server.client();
  const std::string token = kToken;
  const std::string right = "Bearer " + token;
  for (const std::string& authorization :
       {std::string(), std::string("Bearer wrong"), token, right + "x"}) {
    SCOPED_TRACE(authorization);
    Headers h;
    if (!authorization.empty()) h.emplace_back("Authorization", authorization);
    auto res = client.request("GET", "/metrics", h);
    EXPECT_EQ(res.status, 401);
    EXPECT_EQ(res.body, R"({"statusCode":401,"message":"Unauthorized"})");
    EXPECT_EQ(res.header("www-authenticate"), "Bearer");
    EXPECT_EQ(res.body.find("openvenio_"), std::string::npos);
  }
  Headers authorized;
  authorized.emplace_back("Authorization", right);
  auto res = client.request("GET", "/metrics", authorized);
  EXPECT_EQ(res.status, 200);
  EXPECT_NE(res.body.find("openvenio_http_requests_total"), std::string::npos) << res.body;
  // The probes stay open for load balancers.
  EXPECT_EQ(client.request("GET", "/healthz").status, 200);
  EXPECT_EQ(client.request("GET", "/readyz").status, 200);
}

TEST(MetricsAccess, OpenWithoutAToken) {
  TestServer server;
  auto res = server.client().request("GET", "/metrics");
  EXPECT_EQ(res.status, 200);
  EXPECT_NE(res.body.find("openvenio_http_open_connections"), std::string::npos);
}

}  // namespace
}  // namespace ov::test
