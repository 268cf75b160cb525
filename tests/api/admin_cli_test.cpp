// `openvenio admin METHOD PATH [BODY]`: the administration plane's operations run by the real
// binary directly on a database, with the replies the HTTP plane gives, seen by a server then.
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "support/json_text.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

rapidjson::Document parsed(const std::optional<std::string>& out) {
  rapidjson::Document d;
  if (out) d.Parse(out->c_str(), out->size());
  return d;
}

TEST(AdminCli, RunsThePlanesOperationsOnTheDatabase) {
  TestDatabase db;
  const std::string bin = OPENVENIO_BIN;
  auto admin = [&](std::vector<std::string> args) {
    std::vector<std::string> all{bin, "admin", "--db", db.url()};
    all.insert(all.end(), args.begin(), args.end());
    return run_to_completion(all);
  };
  auto created = parsed(admin({"POST", "companies", R"({"name":"Acme","vatRate":"7.25"})"}));
  ASSERT_TRUE(created.IsObject());
  EXPECT_EQ(keys_of(created),
            (std::vector<std::string>{"companyId", "name", "timezone", "vatRate", "clientId",
                                      "clientSecret", "subscriptionKey", "adminUserId"}));
  EXPECT_EQ(to_json(created["vatRate"]), "7.25");
  const std::string company = std::to_string(created["companyId"].GetInt64());

  // init --json prints the same object.
  auto init = parsed(run_to_completion(
      {bin, "init", "--db", db.url(), "--company", "Beta", "--vat-rate", "8", "--json"}));
  ASSERT_TRUE(init.IsObject());
  EXPECT_EQ(keys_of(init), keys_of(created));
  EXPECT_EQ(to_json(init["vatRate"]), "8");
  // Its bad input is refused the same way.
  EXPECT_FALSE(run_to_completion(
      {bin, "init", "--db", db.url(), "--company", "Gamma", "--vat-rate", "101", "--json"}));
  EXPECT_FALSE(run_to_completion(
      {bin, "init", "--db", db.url(), "--company", "Gamma", "--timezone", "Nowhere/Land"}));

  auto list = parsed(admin({"GET", "/admin/v1/companies"}));
  ASSERT_TRUE(list.IsArray());
  EXPECT_EQ(list.Size(), 2u);

  auto team = parsed(admin({"POST", "companies/" + company + "/teams", R"({"name":"Sales"})"}));
  ASSERT_TRUE(team.IsObject());
  EXPECT_STREQ(team["name"].GetString(), "Sales");
  auto employee = parsed(admin({"POST", "companies/" + company + "/employees",
                                R"({"firstname":"Kanya","staffCode":"S1","teamName":"Sales"})"}));
  ASSERT_TRUE(employee.IsObject());
  EXPECT_EQ(employee["teamId"].GetInt64(), team["id"].GetInt64());

  // Webhook subscriptions too, under the default URL rule (https or a loopback host).
  auto hook = parsed(admin({"POST", "companies/" + company + "/webhooks",
                            R"({"url":"https://hooks.example.com/venio","events":["*"]})"}));
  ASSERT_TRUE(hook.IsObject());
  EXPECT_EQ(std::string(hook["secret"].GetString()).rfind("whsec_", 0), 0u);
  EXPECT_FALSE(admin({"POST", "companies/" + company + "/webhooks",
                      R"({"url":"http://hooks.example.com/venio","events":["*"]})"}));

  // Failures exit non-zero: an unknown company, kind or path, a bad body, a bad method.
  EXPECT_FALSE(admin({"GET", "companies/999/teams"}));
  EXPECT_FALSE(admin({"GET", "companies/" + company + "/colours"}));
  EXPECT_FALSE(admin({"GET", "nothing/here"}));
  EXPECT_FALSE(admin({"POST", "companies/" + company + "/teams", "{"}));
  EXPECT_FALSE(admin({"BREW", "companies"}));

  // A server on the database sees what the command wrote.
  TestServerOptions o;
  o.db_url = db.url();
  o.configure = [](app::AppConfig& c) { c.admin_key = "cli-test-admin-key-0123"; };
  TestServer server(o);
  auto res = server.client().request("GET", "/admin/v1/companies/" + company + "/teams",
                                     {{"Authorization", "Bearer cli-test-admin-key-0123"}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_NE(res.body.find(R"("name":"Sales")"), std::string::npos) << res.body;
}

}  // namespace
}  // namespace ov::test
