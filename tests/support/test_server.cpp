#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>

#include "auth/provisioning.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/modules.hpp"
#include "support/process.hpp"

namespace ov::test {

const char* const kDocAddCaseExample = R"({
"caseType": 1,
"subject": "Create new case",
"customerCode": "C000154",
"categoryId": 2140016585,
"dateCase": "2025-02-05T17:35:53.693+0700",
"dateDue": "2025-02-05T17:35:53.693+0700",
"activityNos": [
"A20250200028",
"A20250200029"
],
"dealNos": [
"D241200044",
"D241200047"
],
"note": "description",
"assignedToUserId": "6d473b8f-a6b3-4536-b1e6-f4b7688414e2"
})";

const char* const kDocEditCaseExample = R"({
  "subject": "Update Case",
  "customerCode": "C000154",
  "categoryId": 2140016585,
  "dateCase": "2025-02-05T17:35:53.693+0700",
  "dateDue": "2025-02-05T17:35:53.693+0700",
  "activityNos": [
    "A20250200028",
    "A20250200029"
  ],
  "dealNos": [
    "D241200044",
    "D241200047"
  ],
  "note": "description",
  "assignedToUserId": "6d473b8f-a6b3-4536-b1e6-f4b7688414e2"
})";

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("openvenio-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

Headers TestCompany::auth() const {
  return {{"Ocp-Apim-Subscription-Key", subscription_key}, {"Authorization", "Bearer " + token}};
}

Headers TestCompany::auth_json() const {
  auto h = auth();
  h.emplace_back("Content-Type", "application/json");
  return h;
}

bool testing_postgres() {
  const char* backend = std::getenv("OPENVENIO_TEST_BACKEND");
  return backend && std::string_view(backend) == "postgres";
}

TestDatabase::TestDatabase()
    : scratch_(testing_postgres() ? storage::Backend::kPostgres : storage::Backend::kSqlite) {}

TestServerOptions fixed_at(core::UnixSeconds t) {
  TestServerOptions o;
  o.fixed_time = t;
  return o;
}

TestServerOptions fixed_at_with_admin_key(core::UnixSeconds t, std::string admin_key) {
  TestServerOptions o = fixed_at(t);
  o.configure = [key = std::move(admin_key)](app::AppConfig& c) { c.admin_key = key; };
  return o;
}

TestServerOptions fixed_at_with_quick_retries(core::UnixSeconds t) {
  using namespace std::chrono_literals;
  TestServerOptions o = fixed_at(t);
  o.configure = [](app::AppConfig& c) {
    c.webhooks.retry_schedule = {300ms, 300ms};
    c.webhooks.poll_interval = 100ms;
  };
  return o;
}

Headers admin_headers_for(const std::string& admin_key) {
  return {{"Authorization", "Bearer " + admin_key}, {"Content-Type", "application/json"}};
}

TestServer::TestServer(TestServerOptions options) {
  if (options.db_url.empty()) {
    database_ = std::make_unique<TestDatabase>();
    db_url_ = database_->url();
  } else {
    db_url_ = options.db_url;
  }
  app::AppConfig config;
  config.db_url = db_url_;
  config.server.port = 0;
  config.server.threads = 2;
  config.server.access_log = false;
  if (options.tune) options.tune(config.server);
  if (options.configure) options.configure(config);
  if (options.fixed_time) {
    fixed_clock_ = std::make_unique<core::FixedClock>(*options.fixed_time);
    config.clock = fixed_clock_.get();
  }
  app_ = std::make_unique<app::Application>(config);
  app_->start();
}

TestServer::~TestServer() {
  app_->stop(std::chrono::seconds(5));
  app_.reset();
}

TestCompany TestServer::add_company(bool demo, const std::string& timezone) {
  TestCompany c;
  const core::UnixSeconds now = fixed_clock_ ? fixed_clock_->now() : core::SystemClock().now();
  db().write_now([&](storage::Session& s) {
    auto p = modules::create_company(
        s, {"Company " + std::to_string(std::random_device{}()), timezone, std::nullopt}, demo,
        now);
    c.id = p.company_id;
    c.client_id = p.client_id;
    c.client_secret = p.client_secret;
    c.subscription_key = p.subscription_key;
    c.admin_user_id = p.admin_user_id;
  });
  c.token = fetch_token(c);
  return c;
}

std::string TestServer::fetch_token(const TestCompany& c) {
  auto client = this->client();
  auto res = client.request("POST", "/authorization/connect/token",
                            {{"Content-Type", "application/x-www-form-urlencoded"}},
                            "grant_type=client_credentials&client_id=" + c.client_id +
                                "&client_secret=" + c.client_secret);
  EXPECT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  if (!doc.IsObject() || !doc.HasMember("access_token")) return {};
  return doc["access_token"].GetString();
}

std::int64_t TestServer::scalar(const std::string& sql,
                                std::initializer_list<storage::Value> params) {
  std::int64_t n = -1;
  db().read_now([&](storage::Session& s) { n = s.query_i64(sql, params).value_or(-1); });
  return n;
}

void TestServer::exec(const std::string& sql, std::initializer_list<storage::Value> params) {
  db().write_now([&](storage::Session& s) { s.exec(sql, params); });
}

std::int64_t TestServer::customer_id(std::string_view code, const TestCompany& c) {
  return scalar("SELECT customer_id FROM customers WHERE company_id = ? AND customer_code = ?",
                {c.id, code});
}

std::vector<std::string> concurrent_numbers(TestServer& server, const TestCompany& company,
                                            const std::string& path, const std::string& body,
                                            const char* number, int threads, int per_thread) {
  const auto port = server.port();
  return numbers_posted([port](int) { return port; }, company.auth_json(), path, body, number,
                        threads, per_thread);
}

}  // namespace ov::test
