// The administration plane (/admin/v1): enabled only with an admin key, opened only by it (and
// the key opens nothing else), plain JSON replies and RFC 9457 problems; companies, API
// clients, subscription keys, reference data of every kind and employees.
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <fstream>
#include <string>
#include <vector>

#include "admin/admin_routes.hpp"
#include "admin/operations.hpp"
#include "auth/auth_service.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr const char* kAdminKey = "admin-key-3f9a1c2e7b";
// 2025-02-10T12:00:00+0700, a fixed clock: the tests move it past the auth cache's bound.
constexpr core::UnixSeconds kNow = 1739163600;

TestServerOptions with_admin_key() { return fixed_at_with_admin_key(kNow, kAdminKey); }
Headers admin_headers() { return admin_headers_for(kAdminKey); }

std::string company_path(std::int64_t id, const std::string& rest = "") {
  std::string p = "/admin/v1/companies/";
  p.append(std::to_string(id)).append(rest);
  return p;
}

class AdminApi : public ::testing::Test {
 protected:
  HttpResponse call(const std::string& method, const std::string& target,
                    const std::string& body = "") {
    return client_.request(method, target, admin_headers(), body);
  }
  // Checks the RFC 9457 shape and returns the parsed problem.
  rapidjson::Document problem(const HttpResponse& res, int status) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.header("content-type"), "application/problem+json") << res.body;
    auto doc = res.json();
    EXPECT_TRUE(doc.IsObject()) << res.body;
    if (!doc.IsObject()) return doc;
    EXPECT_EQ(keys_of(doc),
              (std::vector<std::string>{"type", "title", "status", "detail", "errors"}));
    EXPECT_EQ(doc["status"].GetInt(), status);
    EXPECT_TRUE(doc["errors"].IsArray());
    return doc;
  }
  std::vector<std::string> problem_fields(const HttpResponse& res) {
    auto doc = problem(res, 400);
    std::vector<std::string> out;
    if (!doc.IsObject()) return out;
    for (const auto& e : doc["errors"].GetArray()) out.push_back(e["field"].GetString());
    return out;
  }
  int tenant_status(const std::string& target, const TestCompany& c) {
    return client_.request("GET", target, c.auth()).status;
  }
  void pass_auth_cache() { server_.fixed_clock()->advance(auth::AuthService::kCacheSeconds + 1); }

  TestServer server_{with_admin_key()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// --- The plane's boundaries ------------------------------------------------------------------

TEST(AdminPlane, WithoutAKeyEveryAdminPathAnswersLikeAnUnknownPath) {
  TestServer server;
  auto client = server.client();
  const auto unknown = client.request("GET", "/no/such/path");
  ASSERT_EQ(unknown.status, 404);
  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/admin/v1/companies"},
           {"POST", "/admin/v1/companies"},
           {"GET", "/admin/v1/companies/1/case-categories"},
           {"DELETE", "/admin/v1/companies/1/clients/x"},
           {"GET", "/admin"},
           {"GET", "/admin/v1/nothing"}}) {
    SCOPED_TRACE(method + " " + target);
    auto res = client.request(method, target, admin_headers(), R"({"name":"x"})");
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.body, unknown.body);
    EXPECT_EQ(res.header("content-type"), unknown.header("content-type"));
  }
}

TEST(AdminPlane, AShortKeyIsRefusedAtStart) {
  TestServerOptions o;
  o.configure = [](app::AppConfig& c) { c.admin_key = "short"; };
  EXPECT_THROW(TestServer server(o), std::invalid_argument);
}

TEST_F(AdminApi, OnlyTheAdminKeyOpensThePlane) {
  const std::string key = kAdminKey;
  std::vector<Headers> refused = {
      {},
      {{"Authorization", "Bearer wrong-key-of-some-length"}},
      {{"Authorization", "Bearer " + key + "x"}},
      {{"Authorization", "Bearer " + key.substr(0, key.size() - 1)}},
      {{"Authorization", "Basic " + key}},
      // A tenant's token and subscription key open nothing here.
      company_.auth(),
      {{"Ocp-Apim-Subscription-Key", company_.subscription_key}},
      {{"Ocp-Apim-Subscription-Key", company_.subscription_key},
       {"Authorization", "Bearer " + company_.token}},
  };
  for (const auto& h : refused) {
    auto res = client_.request("GET", "/admin/v1/companies", h);
    auto doc = problem(res, 401);
    EXPECT_EQ(res.header("www-authenticate"), "Bearer");
    EXPECT_EQ(res.body.find(company_.client_id), std::string::npos);
  }
  // The scheme is case-insensitive, as for tenant tokens.
  auto ok = client_.request("GET", "/admin/v1/companies", {{"Authorization", "bearer " + key}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  // A refusal happens before the body is read: a large body gets the same 401.
  auto big = client_.request("POST", "/admin/v1/companies", {}, std::string(200 * 1024, 'x'));
  EXPECT_EQ(big.status, 401);
}

TEST_F(AdminApi, TheAdminKeyNeverOpensTenantEndpoints) {
  const std::string bearer = std::string("Bearer ") + kAdminKey;
  for (const auto& h : std::vector<Headers>{
           {{"Authorization", bearer}},
           {{"Ocp-Apim-Subscription-Key", company_.subscription_key}, {"Authorization", bearer}},
           {{"Ocp-Apim-Subscription-Key", kAdminKey}, {"Authorization", bearer}}}) {
    EXPECT_EQ(client_.request("GET", "/v1/case/categories", h).status, 401);
    EXPECT_EQ(client_.request("GET", "/v1/employees/S001", h).status, 401);
  }
  // Nor does it stand in for a client secret.
  auto token = client_.request("POST", "/authorization/connect/token",
                               {{"Content-Type", "application/x-www-form-urlencoded"}},
                               "grant_type=client_credentials&client_id=" + company_.client_id +
                                   "&client_secret=" + kAdminKey);
  EXPECT_EQ(token.status, 401) << token.body;
  EXPECT_EQ(tenant_status("/v1/case/categories", company_), 200);
}

// --- Malformed bodies ---------------------------------------------------------------------

TEST_F(AdminApi, MalformedBodiesAreProblemsNeverFailures) {
  for (const std::string& body : {std::string("{"), std::string("[]"), std::string("\"name\""),
                                  std::string("42"), std::string("{\"name\":\"a\"} trailing"),
                                  std::string("{\"name\":\"\xff\"}"), std::string(40, '[')}) {
    SCOPED_TRACE(body);
    problem(call("POST", "/admin/v1/companies", body), 400);
    problem(call("POST", company_path(company_.id, "/case-categories"), body), 400);
    problem(call("PUT", company_path(company_.id, "/teams/1"), body), 400);
  }
  // Wrong types are field problems, every one listed.
  auto fields = problem_fields(
      call("POST", "/admin/v1/companies", R"({"name":7,"timezone":["x"],"vatRate":"seven"})"));
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "timezone", "vatRate"}));
  EXPECT_EQ(problem_fields(call("POST", company_path(company_.id, "/case-categories"),
                                R"({"name":{"a":1},"isActive":"maybe"})")),
            (std::vector<std::string>{"name", "isActive"}));
  // Oversized: past the plane's body bound.
  std::string huge = R"({"name":")";
  huge.append(admin::kMaxBodyBytes, 'a').append("\"}");
  problem(call("POST", "/admin/v1/companies", huge), 413);
}

// --- Companies ----------------------------------------------------------------------------

TEST_F(AdminApi, CreatesACompanyWhoseCredentialsWork) {
  auto res = call("POST", "/admin/v1/companies",
                  R"({"name":"Siam Trading","timezone":"Asia/Tokyo","vatRate":7.5})");
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc),
            (std::vector<std::string>{"companyId", "name", "timezone", "vatRate", "clientId",
                                      "clientSecret", "subscriptionKey", "adminUserId"}));
  EXPECT_STREQ(doc["name"].GetString(), "Siam Trading");
  EXPECT_EQ(to_json(doc["vatRate"]), "7.5");
  TestCompany created;
  created.id = doc["companyId"].GetInt64();
  created.client_id = doc["clientId"].GetString();
  created.client_secret = doc["clientSecret"].GetString();
  created.subscription_key = doc["subscriptionKey"].GetString();
  created.token = server_.fetch_token(created);
  ASSERT_FALSE(created.token.empty());
  // Seeded like any company without demo data: its master data is there.
  auto categories = client_.request("GET", "/v1/case/categories", created.auth());
  EXPECT_EQ(categories.status, 200) << categories.body;
  const TestCompany plain = server_.add_company(false);
  for (const char* table : {"case_categories", "key_activities", "header_templates"}) {
    SCOPED_TRACE(table);
    std::string count = "SELECT COUNT(*) FROM ";
    count.append(table).append(" WHERE company_id = ?");
    EXPECT_GT(server_.scalar(count, {created.id}), 0);
    EXPECT_EQ(server_.scalar(count, {created.id}), server_.scalar(count, {plain.id}));
  }

  auto list = call("GET", "/admin/v1/companies");
  ASSERT_EQ(list.status, 200) << list.body;
  auto companies = list.json();
  ASSERT_TRUE(companies.IsArray());
  bool found = false;
  for (const auto& c : companies.GetArray()) {
    if (c["companyId"].GetInt64() != created.id) continue;
    found = true;
    EXPECT_STREQ(c["timezone"].GetString(), "Asia/Tokyo");
    EXPECT_EQ(to_json(c["vatRate"]), "7.5");
    EXPECT_FALSE(c.HasMember("clientSecret"));
  }
  EXPECT_TRUE(found) << list.body;
}

TEST_F(AdminApi, CompanyInputIsChecked) {
  EXPECT_EQ(problem_fields(call("POST", "/admin/v1/companies", "{}")),
            (std::vector<std::string>{"name"}));
  EXPECT_EQ(problem_fields(call("POST", "/admin/v1/companies", R"({"name":"   "})")),
            (std::vector<std::string>{"name"}));
  EXPECT_EQ(problem_fields(
                call("POST", "/admin/v1/companies", R"({"name":"A","timezone":"Mars/Olympus"})")),
            (std::vector<std::string>{"timezone"}));
  for (const char* rate : {"-1", "100.01", "7.125", "1000", "\"7%\"", "true"}) {
    SCOPED_TRACE(rate);
    EXPECT_EQ(problem_fields(call("POST", "/admin/v1/companies",
                                  std::string(R"({"name":"A","vatRate":)") + rate + "}")),
              (std::vector<std::string>{"vatRate"}));
  }
  const auto before = server_.scalar("SELECT COUNT(*) FROM companies");
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM companies"), before);
}

TEST_F(AdminApi, OneCompanyIsReadAndChangedAndItsVatRatePricesNewDocuments) {
  const std::string path = "/admin/v1/companies/" + std::to_string(company_.id);
  auto got = call("GET", path);
  ASSERT_EQ(got.status, 200) << got.body;
  auto doc = got.json();
  EXPECT_EQ(keys_of(doc),
            (std::vector<std::string>{"companyId", "name", "timezone", "vatRate", "createdAt"}));
  EXPECT_EQ(to_json(doc["vatRate"]), "7");
  const std::string name = doc["name"].GetString();

  // What is absent stays.
  auto changed = call("PUT", path, R"({"vatRate":10})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  doc = changed.json();
  EXPECT_EQ(to_json(doc["vatRate"]), "10");
  EXPECT_EQ(doc["name"].GetString(), name);
  EXPECT_STREQ(doc["timezone"].GetString(), "Asia/Bangkok");
  EXPECT_EQ(to_json(call("GET", path).json()["vatRate"]), "10");

  // A quotation saved from now on is priced at the new rate: 1000 + 10 %.
  auto q = client_.request(
      "POST", "/v2/quotation", company_.auth_json(),
      R"({"quotationSubject":"New rate","quotationDate":"2025-02-14",)"
      R"("quotationValidUntil":"2025-03-14","quotationStatus":1,"customerCode":"C000154",)"
      R"("staffCode":"staff01","vatCalculation":true,)"
      R"("quotationDetails":[{"productCode":"A001","qty":1,"price":1000}]})");
  ASSERT_EQ(q.status, 200) << q.body;
  auto quotation = q.json();
  EXPECT_EQ(to_json(quotation["data"]["totalVat"]), "100");
  EXPECT_EQ(to_json(quotation["data"]["grandTotal"]), "1100");
  EXPECT_EQ(to_json(quotation["data"]["quotationDetails"][0]["vatTaxValue"]), "10");

  changed = call("PUT", path, R"({"name":"  Renamed Co  ","timezone":"Asia/Tokyo"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  doc = changed.json();
  EXPECT_STREQ(doc["name"].GetString(), "Renamed Co");
  EXPECT_STREQ(doc["timezone"].GetString(), "Asia/Tokyo");
  EXPECT_EQ(to_json(doc["vatRate"]), "10");

  // Refused as a whole, nothing changed.
  EXPECT_EQ(problem_fields(call("PUT", path, R"({"vatRate":100.5,"timezone":"Mars/Olympus"})")),
            (std::vector<std::string>{"vatRate", "timezone"}));
  EXPECT_EQ(problem_fields(call("PUT", path, R"({"name":null})")),
            (std::vector<std::string>{"name"}));
  EXPECT_EQ(problem_fields(call("PUT", path, R"({"name":"  "})")),
            (std::vector<std::string>{"name"}));
  EXPECT_EQ(to_json(call("GET", path).json()["vatRate"]), "10");
  problem(call("GET", "/admin/v1/companies/987654"), 404);
  problem(call("PUT", "/admin/v1/companies/987654", R"({"vatRate":7})"), 404);
}

// --- API clients and subscription keys ----------------------------------------------------

TEST_F(AdminApi, ANewClientWorksAndARevokedOneStopsWithinTheCacheBound) {
  auto res = call("POST", company_path(company_.id, "/clients"), R"({"name":"ERP sync"})");
  ASSERT_EQ(res.status, 201) << res.body;
  auto doc = res.json();
  TestCompany other = company_;
  other.client_id = doc["clientId"].GetString();
  other.client_secret = doc["clientSecret"].GetString();
  other.token = server_.fetch_token(other);
  ASSERT_FALSE(other.token.empty());
  EXPECT_EQ(tenant_status("/v1/case/categories", other), 200);

  auto list = call("GET", company_path(company_.id, "/clients"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find(other.client_id), std::string::npos);
  EXPECT_NE(list.body.find("ERP sync"), std::string::npos);
  // Created now, shown in the company's zone.
  EXPECT_NE(list.body.find(R"("createdAt":"2025-02-10T12:00:00+0700")"), std::string::npos)
      << list.body;
  EXPECT_EQ(list.body.find(other.client_secret), std::string::npos);

  auto revoked = call("DELETE", company_path(company_.id, "/clients/" + other.client_id));
  EXPECT_EQ(revoked.status, 204) << revoked.body;
  EXPECT_TRUE(revoked.body.empty());
  pass_auth_cache();
  EXPECT_EQ(tenant_status("/v1/case/categories", other), 401);
  auto token = client_.request("POST", "/authorization/connect/token",
                               {{"Content-Type", "application/x-www-form-urlencoded"}},
                               "grant_type=client_credentials&client_id=" + other.client_id +
                                   "&client_secret=" + other.client_secret);
  EXPECT_NE(token.status, 200);
  // The company's first client is untouched.
  EXPECT_EQ(tenant_status("/v1/case/categories", company_), 200);
}

TEST_F(AdminApi, ClientsOfAnotherCompanyOrNoCompanyAreNotFound) {
  TestCompany b = server_.add_company();
  // Company b's client through company a's path: 404, and it keeps working.
  problem(call("DELETE", company_path(company_.id, "/clients/" + b.client_id)), 404);
  problem(call("DELETE", company_path(company_.id, "/clients/ovc_nosuchclient")), 404);
  problem(call("DELETE", company_path(company_.id, "/clients/" + std::string(300, 'c'))), 404);
  problem(call("POST", company_path(987654, "/clients"), "{}"), 404);
  problem(call("GET", company_path(987654, "/clients")), 404);
  problem(call("POST", company_path(987654, "/subscription-keys/rotate")), 404);
  pass_auth_cache();
  EXPECT_EQ(tenant_status("/v1/case/categories", b), 200);
}

TEST_F(AdminApi, RotationKeepsThePreviousKeyAsSecondaryUntilTheNext) {
  const std::string first = company_.subscription_key;
  auto rotate = [&] {
    auto res = call("POST", company_path(company_.id, "/subscription-keys/rotate"));
    EXPECT_EQ(res.status, 201) << res.body;
    auto doc = res.json();
    return std::string(doc.IsObject() ? doc["subscriptionKey"].GetString() : "");
  };
  auto with_key = [&](const std::string& key) {
    TestCompany c = company_;
    c.subscription_key = key;
    return tenant_status("/v1/case/categories", c);
  };
  const std::string second = rotate();
  ASSERT_EQ(second.size(), 32u);
  pass_auth_cache();
  EXPECT_EQ(with_key(second), 200);
  EXPECT_EQ(with_key(first), 200);  // the secondary
  const std::string third = rotate();
  pass_auth_cache();
  EXPECT_EQ(with_key(third), 200);
  EXPECT_EQ(with_key(second), 200);
  EXPECT_EQ(with_key(first), 401);  // older than the secondary
  // Another company's keys are untouched.
  TestCompany b = server_.add_company();
  rotate();
  pass_auth_cache();
  EXPECT_EQ(tenant_status("/v1/case/categories", b), 200);
}

// --- Reference data -----------------------------------------------------------------------

TEST_F(AdminApi, EveryKindHasTheFiveOperations) {
  for (const auto kind : admin::kinds()) {
    const std::string k(kind);
    SCOPED_TRACE(k);
    const std::string base = company_path(company_.id, "/" + k);
    std::string body = R"({"name":"Admin entry )" + k + "\"";
    if (k == "header-templates") body += R"(,"documentType":1,"companyName":"Siam")";
    if (k == "deal-stages") body += R"(,"boardId":1,"seq":9,"probability":10,"stageType":1)";
    if (k == "deal-labels") body += R"(,"color":"#00897B")";
    body += "}";
    auto created = call("POST", base, body);
    ASSERT_EQ(created.status, 201) << created.body;
    auto doc = created.json();
    const auto id = doc["id"].GetInt64();
    EXPECT_EQ(std::string(doc["name"].GetString()), "Admin entry " + k);
    EXPECT_TRUE(doc["isActive"].GetBool());

    auto list = call("GET", base);
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_NE(list.body.find("Admin entry " + k), std::string::npos);

    const std::string one = base + "/" + std::to_string(id);
    auto renamed = call("PUT", one, R"({"name":"Renamed )" + k + "\"}");
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(std::string(renamed.json()["name"].GetString()), "Renamed " + k);
    auto inactive = call("PUT", one, R"({"isActive":false})");
    ASSERT_EQ(inactive.status, 200) << inactive.body;
    EXPECT_FALSE(inactive.json()["isActive"].GetBool());
    auto got = call("GET", one);
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(std::string(got.json()["name"].GetString()), "Renamed " + k);

    auto removed = call("DELETE", one);
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_STREQ(removed.json()["result"].GetString(), "deleted");
    problem(call("GET", one), 404);
    problem(call("PUT", one, R"({"name":"x"})"), 404);
    problem(call("DELETE", one), 404);
    problem(call("GET", company_path(987654, "/" + k)), 404);
    problem(call("POST", company_path(987654, "/" + k), body), 404);
    EXPECT_EQ(problem_fields(call("POST", base, "{}")).front(), "name");
  }
  problem(call("GET", company_path(company_.id, "/no-such-kind")), 404);
  problem(call("POST", company_path(company_.id, "/no-such-kind"), R"({"name":"x"})"), 404);
}

TEST_F(AdminApi, OneRowServesBothPlanes) {
  auto created =
      call("POST", company_path(company_.id, "/case-categories"), R"({"name":"Returns"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()["id"].GetInt64();
  auto pub = client_.request("GET", "/v1/case/categories", company_.auth());
  ASSERT_EQ(pub.status, 200);
  EXPECT_NE(pub.body.find(R"("categoryName":"Returns")"), std::string::npos) << pub.body;
  // A case may use it at once.
  call("PUT", company_path(company_.id, "/case-categories/" + std::to_string(id)),
       R"({"isActive":false})");
  pub = client_.request("GET", "/v1/case/categories", company_.auth());
  EXPECT_EQ(pub.body.find(R"("categoryName":"Returns")"), std::string::npos) << pub.body;
  // Nothing of another company changed.
  TestCompany b = server_.add_company();
  auto theirs = client_.request("GET", "/v1/case/categories?isActive=false", b.auth());
  EXPECT_EQ(theirs.body.find("Returns"), std::string::npos);
}

TEST_F(AdminApi, AnEntryRecordsReferToIsDeactivatedNotDeleted) {
  const auto category = server_.scalar(
      "SELECT category_id FROM cases WHERE company_id = ? AND feedback_no = 'T250200010'",
      {company_.id});
  ASSERT_GT(category, 0);
  const std::string one = company_path(company_.id, "/case-categories/" + std::to_string(category));
  auto removed = call("DELETE", one);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_STREQ(removed.json()["result"].GetString(), "deactivated");
  auto got = call("GET", one);
  ASSERT_EQ(got.status, 200);
  EXPECT_FALSE(got.json()["isActive"].GetBool());
  // The case still reads, with its category.
  auto c = client_.request("GET", "/v1/case/T250200010", company_.auth());
  EXPECT_EQ(c.status, 200) << c.body;
  // Teams too: the demo employees belong to one.
  const auto team = server_.scalar(
      "SELECT team_id FROM users WHERE company_id = ? AND team_id IS NOT NULL LIMIT 1",
      {company_.id});
  ASSERT_GT(team, 0);
  auto team_removed = call("DELETE", company_path(company_.id, "/teams/" + std::to_string(team)));
  ASSERT_EQ(team_removed.status, 200) << team_removed.body;
  EXPECT_STREQ(team_removed.json()["result"].GetString(), "deactivated");
}

TEST_F(AdminApi, HeaderTemplatesKeepOneDefaultPerDocumentType) {
  const std::string base = company_path(company_.id, "/header-templates");
  auto list = call("GET", base);
  ASSERT_EQ(list.status, 200) << list.body;
  std::int64_t quotation_default = 0;
  const auto templates = list.json();
  for (const auto& t : templates.GetArray()) {
    if (t["documentType"].GetInt64() == 1 && t["isDefault"].GetBool())
      quotation_default = t["id"].GetInt64();
  }
  ASSERT_GT(quotation_default, 0) << list.body;
  const std::string old_one = base + "/" + std::to_string(quotation_default);
  // The default can be neither deleted nor deactivated.
  problem(call("DELETE", old_one), 422);
  problem(call("PUT", old_one, R"({"isActive":false})"), 422);
  // Its type is fixed; a type must be one of the two; isDefault false is refused.
  EXPECT_EQ(problem_fields(call("PUT", old_one, R"({"documentType":2})")),
            (std::vector<std::string>{"documentType"}));
  EXPECT_EQ(problem_fields(call("POST", base, R"({"name":"T"})")),
            (std::vector<std::string>{"documentType"}));
  EXPECT_EQ(problem_fields(call("POST", base, R"({"name":"T","documentType":3})")),
            (std::vector<std::string>{"documentType"}));
  EXPECT_EQ(problem_fields(call("PUT", old_one, R"({"isDefault":false})")),
            (std::vector<std::string>{"isDefault"}));
  std::string long_name(501, 'n');
  EXPECT_EQ(problem_fields(call("POST", base, R"({"documentType":1,"name":")" + long_name + "\"}")),
            (std::vector<std::string>{"name"}));

  auto created = call("POST", base,
                      R"({"name":"New quotation","documentType":1,"isDefault":true,)"
                      R"("companyTaxNo":"0105551234567"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto doc = created.json();
  EXPECT_TRUE(doc["isDefault"].GetBool());
  EXPECT_STREQ(doc["companyTaxNo"].GetString(), "0105551234567");
  auto old = call("GET", old_one).json();
  EXPECT_FALSE(old["isDefault"].GetBool());
  // The former default may now go; the public list shows one default per type.
  auto removed = call("DELETE", old_one);
  ASSERT_EQ(removed.status, 200) << removed.body;
  auto pub = client_.request("GET", "/v1/setting/header-templates?documentType=1", company_.auth());
  ASSERT_EQ(pub.status, 200);
  int defaults = 0;
  const auto pub_doc = pub.json();
  for (const auto& t : pub_doc["data"].GetArray()) defaults += t["isDefault"].GetBool() ? 1 : 0;
  EXPECT_EQ(defaults, 1) << pub.body;
  // An inactive template cannot become the default.
  const std::string new_id = std::to_string(doc["id"].GetInt64());
  auto other = call("POST", base, R"({"name":"Old style","documentType":1,"isActive":false})");
  ASSERT_EQ(other.status, 201) << other.body;
  const std::string other_one = base + "/" + std::to_string(other.json()["id"].GetInt64());
  problem(call("PUT", other_one, R"({"isDefault":true})"), 422);
  auto activated = call("PUT", other_one, R"({"isActive":true,"isDefault":true})");
  ASSERT_EQ(activated.status, 200) << activated.body;
  EXPECT_TRUE(activated.json()["isDefault"].GetBool());
  EXPECT_FALSE(call("GET", base + "/" + new_id).json()["isDefault"].GetBool());
}

TEST_F(AdminApi, NamesClientsUseAreUniquePerCompany) {
  const std::string base = company_path(company_.id, "/customer-sources");
  ASSERT_EQ(call("POST", base, R"({"name":"Trade fair"})").status, 201);
  problem(call("POST", base, R"({"name":"trade FAIR"})"), 409);
  // Another company may have the same name.
  TestCompany b = server_.add_company();
  EXPECT_EQ(
      call("POST", company_path(b.id, "/customer-sources"), R"({"name":"Trade fair"})").status,
      201);
}

// The document's `kind` enum is the registry's list of administered kinds, so that a section
// adding a row cannot forget the document (or the document promise a kind that 404s).
TEST(AdminSpec, TheKindEnumIsTheRegistrysKinds) {
  std::ifstream in(std::string(OPENVENIO_SOURCE_DIR) + "/openapi/openapi.yaml");
  ASSERT_TRUE(in.good());
  std::vector<std::string> documented;
  std::string line;
  bool in_kind = false, in_enum = false;
  while (std::getline(in, line)) {
    if (line == "        - name: kind") {
      in_kind = true;
      documented.clear();  // every operation repeats the parameter: keep the last
      continue;
    }
    if (!in_kind) continue;
    if (line == "            enum:") {
      in_enum = true;
      continue;
    }
    const std::string item = "              - ";
    if (in_enum && line.rfind(item, 0) == 0) {
      documented.push_back(line.substr(item.size()));
      continue;
    }
    if (in_enum) in_kind = in_enum = false;
  }
  std::vector<std::string> served;
  for (const auto k : admin::kinds()) served.emplace_back(k);
  EXPECT_FALSE(served.empty());
  EXPECT_EQ(documented, served);
}

// --- Employees ----------------------------------------------------------------------------

TEST_F(AdminApi, EmployeesGoThroughTheEmployeeWritePath) {
  const std::string base = company_path(company_.id, "/employees");
  auto added = call("POST", base,
                    R"({"firstname":"Kanya","lastname":"Boonmee","staffCode":"S900",)"
                    R"("email":"kanya@example.com","teamName":"Northern sales","role":"Manager"})");
  ASSERT_EQ(added.status, 201) << added.body;
  auto doc = added.json();
  const std::string id = doc["userId"].GetString();
  EXPECT_STREQ(doc["fullname"].GetString(), "Kanya Boonmee");
  EXPECT_STREQ(doc["teamName"].GetString(), "Northern sales");
  EXPECT_STREQ(doc["role"].GetString(), "Manager");

  auto pub = client_.request("GET", "/v1/employees/S900", company_.auth());
  ASSERT_EQ(pub.status, 200) << pub.body;
  EXPECT_STREQ(pub.json()["data"]["value"]["userId"].GetString(), id.c_str());

  auto updated = call("PUT", base + "/s900", R"({"position":"Sales manager","email":null})");
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_STREQ(updated.json()["position"].GetString(), "Sales manager");
  EXPECT_TRUE(updated.json()["email"].IsNull());
  auto got = call("GET", base + "/" + id);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_STREQ(got.json()["position"].GetString(), "Sales manager");

  auto list = call("GET", base);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find(id), std::string::npos);

  auto gone = call("DELETE", base + "/" + id);
  ASSERT_EQ(gone.status, 200) << gone.body;
  EXPECT_FALSE(gone.json()["isActive"].GetBool());
  // Kept, inactive.
  EXPECT_FALSE(call("GET", base + "/" + id).json()["isActive"].GetBool());
}

TEST_F(AdminApi, EmployeeInputIsChecked) {
  const std::string base = company_path(company_.id, "/employees");
  ASSERT_EQ(call("POST", base, R"({"firstname":"A","staffCode":"S901"})").status, 201);
  problem(call("POST", base, R"({"firstname":"B","staffCode":"s901"})"), 409);
  EXPECT_EQ(problem_fields(call("POST", base, R"({"lastname":"NoFirst"})")),
            (std::vector<std::string>{"firstname"}));
  EXPECT_EQ(problem_fields(call("POST", base, R"({"firstname":"C","role":"Owner"})")),
            (std::vector<std::string>{"role"}));
  EXPECT_EQ(problem_fields(call("POST", base, R"({"firstname":"C","level":1000})")),
            (std::vector<std::string>{"level"}));
  EXPECT_EQ(problem_fields(call("POST", base, R"({"firstname":"C","email":"no-at-sign"})")),
            (std::vector<std::string>{"email"}));
  problem(call("GET", base + "/S404"), 404);
  problem(call("PUT", base + "/S404", R"({"position":"x"})"), 404);
  problem(call("DELETE", base + "/S404"), 404);
  problem(call("GET", company_path(987654, "/employees")), 404);
  // Another company's employee is not found through this company.
  TestCompany b = server_.add_company();
  problem(call("GET", company_path(b.id, "/employees/S901")), 404);
}

}  // namespace
}  // namespace ov::test
