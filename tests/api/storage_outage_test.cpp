// A database that goes away: requests get a clean 503 envelope instead of a crash, /readyz
// reports it, and the server recovers by itself once the database is back. PostgreSQL only:
// an embedded SQLite file cannot become unreachable this way.
#include <gtest/gtest.h>

#include <thread>

#include "support/tcp_proxy.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

TEST(StorageOutage, RequestsGet503WhileTheDatabaseIsDownAndRecoverAfter) {
  if (!testing_postgres()) GTEST_SKIP() << "needs a networked database";
  TestDatabase db;
  TcpProxy proxy(url_port(db.url()));
  TestServerOptions options;
  options.db_url = url_through(db.url(), proxy.port());
  TestServer server(options);
  auto company = server.add_company();
  auto client = server.client();
  ASSERT_EQ(client.request("GET", "/v1/case/T250200010", company.auth()).status, 200);

  proxy.cut();
  auto res = client.request("GET", "/v1/case/T250200010", company.auth());
  EXPECT_EQ(res.status, 503) << res.body;
  EXPECT_EQ(res.header("retry-after"), "1");
  auto doc = res.json();
  ASSERT_TRUE(doc.IsObject()) << res.body;
  EXPECT_STREQ(doc["status"]["code"].GetString(), "5000");
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 503);
  auto write = client.request("POST", "/v1/case", company.auth_json(), kDocAddCaseExample);
  EXPECT_EQ(write.status, 503) << write.body;
  auto ready = client.request("GET", "/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_EQ(ready.body, R"({"status":"unavailable"})");

  proxy.restore();
  // Recovery needs no restart: each pooled connection reconnects when next used.
  bool recovered = false;
  for (int i = 0; i < 100 && !recovered; ++i) {
    recovered = client.request("GET", "/readyz").status == 200;
    if (!recovered) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(recovered);
  int ok = 0;
  for (int i = 0; i < 20; ++i) {
    ok += client.request("GET", "/v1/case/T250200010", company.auth()).status == 200;
  }
  EXPECT_EQ(ok, 20);
  EXPECT_EQ(client.request("POST", "/v1/case", company.auth_json(), kDocAddCaseExample).status,
            200);
}

}  // namespace
}  // namespace ov::test
