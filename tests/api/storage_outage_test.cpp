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

// The 503 envelope with Retry-After, as every request while the database is away gets.
void expect_unavailable(const HttpResponse& res) {
  EXPECT_EQ(res.status, 503) << res.body;
  EXPECT_EQ(res.header("retry-after"), "1");
  auto doc = res.json();
  ASSERT_TRUE(doc.IsObject()) << res.body;
  ASSERT_TRUE(doc.HasMember("status")) << res.body;
  EXPECT_STREQ(doc["status"]["code"].GetString(), "5000");
}

// A token was just issued (its client is cached), but the subscription key and the company
// have not been looked up yet: while the database is away the request cannot be admitted and
// is answered 503, not dropped.
TEST(StorageOutage, TheFirstRequestAfterATokenIsAnsweredWhileTheDatabaseIsDown) {
  if (!testing_postgres()) GTEST_SKIP() << "needs a networked database";
  TestDatabase db;
  TcpProxy proxy(url_port(db.url()));
  TestServerOptions options;
  options.db_url = url_through(db.url(), proxy.port());
  TestServer server(options);
  auto first = server.add_company();
  auto second = server.add_company();
  auto client = server.client();

  proxy.cut();
  expect_unavailable(client.request("GET", "/v1/case/T250200010", first.auth()));
  // A write with a body: the body is read and dropped, and the connection carries on.
  expect_unavailable(client.request("POST", "/v1/case", second.auth_json(), kDocAddCaseExample));
  expect_unavailable(client.request("GET", "/v1/case/T250200010", second.auth()));
  // A token request whose client is not cached either.
  auto token = client.request("POST", "/authorization/connect/token",
                              {{"Content-Type", "application/x-www-form-urlencoded"}},
                              "grant_type=client_credentials&client_id=unknown-client&"
                              "client_secret=whatever");
  EXPECT_EQ(token.status, 503) << token.body;
  EXPECT_EQ(token.header("retry-after"), "1");
  EXPECT_NE(token.body.find("temporarily_unavailable"), std::string::npos) << token.body;

  proxy.restore();
  bool recovered = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!recovered && std::chrono::steady_clock::now() < deadline) {
    recovered = client.request("GET", "/v1/case/T250200010", first.auth()).status == 200;
    if (!recovered) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(recovered);
  EXPECT_EQ(client.request("GET", "/v1/case/T250200010", second.auth()).status, 200);
}

// The URL with its user replaced.
std::string as_user(const std::string& url, const std::string& user) {
  const auto start = url.find("://") + 3;
  const auto at = url.find('@', start);
  return url.substr(0, start) + user + url.substr(at);
}

// Polls `get` until it returns `want` or 10 s pass; returns the last value.
template <class Get>
auto wait_for(Get get, const decltype(get())& want) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  auto got = get();
  while (got != want && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    got = get();
  }
  return got;
}

// A database that answers but takes no writes (a standby, or a server set read-only) is told
// apart from an unreachable one by /readyz; writes get the 503 envelope; once writes are
// taken again the server recovers without a restart. The role's connections are made
// read-only and then cut, as a failover to a standby would.
TEST(StorageOutage, AReadOnlyDatabaseIsReportedApartFromAnUnreachableOne) {
  if (!testing_postgres()) GTEST_SKIP() << "needs a PostgreSQL server";
  if (!storage::postgres_pooler_url().empty()) {
    GTEST_SKIP() << "the pooler admits only the users of its auth file";
  }
  const auto admin = storage::postgres_admin_url();
  TestDatabase db;
  TestServerOptions first;
  first.db_url = db.url();
  { TestServer migrated(first); }  // the schema, owned by the test user
  const std::string role = "ro_" + storage::test_detail::random_suffix();
  ASSERT_EQ(storage::test_detail::pg_exec(admin, "CREATE ROLE " + role + " LOGIN SUPERUSER"), "");
  struct DropRole {
    std::string admin, role;
    ~DropRole() { storage::test_detail::pg_exec(admin, "DROP ROLE IF EXISTS " + role); }
  } drop_role{admin, role};
  const auto cut = [&] {
    storage::test_detail::pg_exec(
        admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role +
                   "' AND pid <> pg_backend_pid()");
  };
  {
    TestServerOptions options;
    options.db_url = as_user(db.url(), role);
    TestServer server(options);
    auto company = server.add_company();
    auto client = server.client();
    const auto ready = [&] { return client.request("GET", "/readyz").body; };
    ASSERT_EQ(ready(), R"({"status":"ready"})");

    ASSERT_EQ(storage::test_detail::pg_exec(
                  admin, "ALTER ROLE " + role + " SET default_transaction_read_only = on"),
              "");
    cut();
    EXPECT_EQ(wait_for(ready, std::string(R"({"status":"read-only"})")),
              R"({"status":"read-only"})");
    EXPECT_EQ(client.request("GET", "/readyz").status, 503);
    // Reads still work (once each cut connection is replaced); writes are refused with the
    // 503 envelope, never a 500.
    const auto read = [&] {
      return client.request("GET", "/v1/case/T250200010", company.auth()).status;
    };
    EXPECT_EQ(wait_for(read, 200), 200);
    expect_unavailable(client.request("POST", "/v1/case", company.auth_json(), kDocAddCaseExample));

    ASSERT_EQ(storage::test_detail::pg_exec(
                  admin, "ALTER ROLE " + role + " RESET default_transaction_read_only"),
              "");
    cut();
    EXPECT_EQ(wait_for(ready, std::string(R"({"status":"ready"})")), R"({"status":"ready"})");
    const auto write = [&] {
      return client.request("POST", "/v1/case", company.auth_json(), kDocAddCaseExample).status;
    };
    EXPECT_EQ(wait_for(write, 200), 200);
  }
  cut();
}

}  // namespace
}  // namespace ov::test
