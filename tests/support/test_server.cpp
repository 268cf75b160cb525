#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <libpq-fe.h>

#include <cstdlib>
#include <random>

#include "auth/provisioning.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/modules.hpp"

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

namespace {

void pg_admin(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach the test PostgreSQL server: " + msg);
  }
  PGresult* res = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  std::string msg = PQresultErrorMessage(res);
  PQclear(res);
  PQfinish(conn);
  if (!ok) throw std::runtime_error(sql + ": " + msg);
}

// The admin URL with its database name replaced.
std::string with_database(const std::string& url, const std::string& name) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = url.find('?');
  std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + name + rest;
}

}  // namespace

TestDatabase::TestDatabase() {
  if (!testing_postgres()) {
    dir_ = std::make_unique<TempDir>();
    url_ = "sqlite:" + (dir_->path() / "test.db").string();
    return;
  }
  const char* admin = std::getenv("OPENVENIO_TEST_PG");
  if (!admin || !*admin) {
    throw std::runtime_error("OPENVENIO_TEST_BACKEND=postgres needs OPENVENIO_TEST_PG");
  }
  pg_admin_url_ = admin;
  std::random_device rd;
  pg_name_ = "ovtest_" + std::to_string(rd()) + "_" + std::to_string(rd());
  pg_admin(pg_admin_url_, "CREATE DATABASE " + pg_name_);
  url_ = with_database(pg_admin_url_, pg_name_);
}

TestDatabase::~TestDatabase() {
  if (pg_name_.empty()) return;
  try {
    pg_admin(pg_admin_url_, "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
  }
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
    auth::NewCompany spec{"Company " + std::to_string(std::random_device{}()), timezone,
                          std::nullopt};
    if (demo) spec.service_user_id = demo::kApiUserId;
    auto p = auth::provision_company(s, spec, now);
    modules::seed_master_data(s, p.company_id);
    if (demo) demo::seed_demo_data(s, p.company_id, now);
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

}  // namespace ov::test
