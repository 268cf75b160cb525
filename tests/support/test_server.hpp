// An in-process server on an ephemeral port with a fresh database, plus helpers to provision
// companies and call the API as them.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/application.hpp"
#include "core/clock.hpp"
#include "storage/test_database.hpp"
#include "support/http_client.hpp"

namespace ov::test {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// True when the suite runs against PostgreSQL: OPENVENIO_TEST_BACKEND=postgres, with
// OPENVENIO_TEST_PG naming a database URL whose user may create databases.
bool testing_postgres();

// A fresh, empty database for one test: a SQLite file in a temp dir, or a new PostgreSQL
// database dropped on destruction.
class TestDatabase {
 public:
  TestDatabase();
  const std::string& url() const { return scratch_.url(); }

 private:
  storage::ScratchDatabase scratch_;
};

struct TestCompany {
  std::int64_t id = 0;
  std::string client_id;
  std::string client_secret;
  std::string subscription_key;
  std::string admin_user_id;
  std::string token;  // a valid bearer token

  Headers auth() const;       // key + bearer
  Headers auth_json() const;  // key + bearer + JSON content type
};

struct TestServerOptions {
  // Applied to the default ServerOptions (port 0, 2 threads, no access log).
  std::function<void(http::ServerOptions&)> tune;
  // Applied to the whole configuration after `tune` (token endpoint bounds, metrics token,
  // section options).
  std::function<void(app::AppConfig&)> configure;
  // When set, the server's clock is this fixed clock.
  std::optional<core::UnixSeconds> fixed_time;
  // Reuse an existing database URL instead of a fresh one.
  std::string db_url;
};

// Options of a server whose clock stands at `t` (the tests that read dates back).
TestServerOptions fixed_at(core::UnixSeconds t);
// The same with webhook retries 300 ms apart and a 100 ms poll, so that a test sees a delivery
// and its retries within a second or two (the sections' event tests).
TestServerOptions fixed_at_with_quick_retries(core::UnixSeconds t);
// The same with the administration plane opened by `admin_key`.
TestServerOptions fixed_at_with_admin_key(core::UnixSeconds t, std::string admin_key);
// The headers of an administration request (JSON body) authorised by `admin_key`.
Headers admin_headers_for(const std::string& admin_key);

class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();

  std::uint16_t port() const { return app_->port(); }
  HttpClient client() const { return HttpClient("127.0.0.1", port()); }
  app::Application& app() { return *app_; }
  core::FixedClock* fixed_clock() { return fixed_clock_.get(); }
  const std::string& db_url() const { return db_url_; }

  // A new company (with the demo data when `demo`), its credentials and a fresh token.
  TestCompany add_company(bool demo = true, const std::string& timezone = "Asia/Bangkok");
  // A token for the company's client, through the token endpoint.
  std::string fetch_token(const TestCompany& c);
  // Runs SQL against the database (administration side, for setting up and checking state).
  storage::Database& db() { return app_->database(); }
  // The first column of the first row of `sql`, or -1 when there is none.
  std::int64_t scalar(const std::string& sql, std::initializer_list<storage::Value> params = {});
  // Runs `sql` in a transaction of its own.
  void exec(const std::string& sql, std::initializer_list<storage::Value> params = {});
  // The id of company c's customer with exactly this code, or -1.
  std::int64_t customer_id(std::string_view code, const TestCompany& c);

 private:
  std::unique_ptr<TestDatabase> database_;
  std::string db_url_;
  std::unique_ptr<core::FixedClock> fixed_clock_;
  std::unique_ptr<app::Application> app_;
};

// The business numbers (at JSON pointer `number` of each reply) that `threads` clients get
// POSTing `body` to `path` `per_thread` times each, all at once, sorted; a request that fails
// fails the test.
std::vector<std::string> concurrent_numbers(TestServer& server, const TestCompany& company,
                                            const std::string& path, const std::string& body,
                                            const char* number, int threads, int per_thread);

// The Venio docs' Add Case request example, verbatim.
extern const char* const kDocAddCaseExample;
// The Venio docs' Edit Case request example, verbatim.
extern const char* const kDocEditCaseExample;

}  // namespace ov::test
