// Secrets stay out of logs: a server started with a password in its database URL logs the URL
// with the password redacted, and so does a server that cannot reach its database.
#include <gtest/gtest.h>

#include "storage/database.hpp"
#include "storage/test_database.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

using std::chrono::milliseconds;

constexpr const char* kSecret = "s3cret-Pa55";

// `url` with kSecret as its password (a trusting test server ignores it).
std::string with_password(const std::string& url) {
  const auto authority = url.find("://") + 3;
  const auto at = url.find('@', authority);
  if (at == std::string::npos) return url;
  const auto colon = url.find(':', authority);
  const auto user_end = colon != std::string::npos && colon < at ? colon : at;
  std::string out = url.substr(0, user_end);
  out.append(":").append(kSecret).append(url.substr(at));
  return out;
}

TEST(SecretLogging, RedactedUrlHidesEveryPasswordForm) {
  using storage::redacted_url;
  EXPECT_EQ(redacted_url("postgresql://ov:pw@db:5432/crm"), "postgresql://ov:***@db:5432/crm");
  EXPECT_EQ(redacted_url("postgres://ov:p@ss@db/crm"), "postgres://ov:***@db/crm");
  EXPECT_EQ(redacted_url("postgresql://ov@db/crm?sslmode=require&password=pw&x=1"),
            "postgresql://ov@db/crm?sslmode=require&password=***&x=1");
  EXPECT_EQ(redacted_url("postgresql://db/crm?password=pw"), "postgresql://db/crm?password=***");
  EXPECT_EQ(redacted_url("postgresql://ov@db/crm"), "postgresql://ov@db/crm");
  EXPECT_EQ(redacted_url("sqlite:/var/lib/openvenio/crm.db"), "sqlite:/var/lib/openvenio/crm.db");
}

TEST(SecretLogging, TheStartUpLineShowsTheDatabaseWithoutItsPassword) {
  if (storage::postgres_admin_url().empty()) {
    GTEST_SKIP() << "a password URL needs a PostgreSQL server (set OPENVENIO_TEST_PG)";
  }
  storage::ScratchDatabase scratch(storage::Backend::kPostgres);
  const auto url = with_password(scratch.url());
  ASSERT_NE(url.find(kSecret), std::string::npos) << url;
  TempDir logs;
  ServerProcess server(url, logs.path() / "server.log");
  ASSERT_TRUE(server.wait_ready(milliseconds(15000))) << server.log();
  const auto log = server.log();
  EXPECT_NE(log.find("openvenio listening"), std::string::npos) << log;
  EXPECT_NE(log.find(":***@"), std::string::npos) << log;
  EXPECT_EQ(log.find(kSecret), std::string::npos) << log;
}

TEST(SecretLogging, AServerThatCannotConnectKeepsThePasswordToItself) {
  TempDir logs;
  // Port 1: nothing listens there, so the server gives up at start.
  std::string url = "postgresql://ov:";
  url.append(kSecret).append("@127.0.0.1:1/crm");
  ServerProcess server(url, logs.path() / "server.log");
  ASSERT_TRUE(server.wait_exit(milliseconds(30000)));
  const auto log = server.log();
  EXPECT_FALSE(log.empty());
  EXPECT_EQ(log.find(kSecret), std::string::npos) << log;
}

}  // namespace
}  // namespace ov::test
