// `openvenio user add|update|deactivate`, the administration's way to keep employees, run as the
// real binary against a database a server then reads.
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <string>

#include "support/process.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

rapidjson::Document json_of(const std::optional<std::string>& out) {
  rapidjson::Document d;
  if (out) d.Parse(out->c_str(), out->size());
  return d;
}

TEST(EmployeeCli, AddUpdateAndDeactivateAreSeenByTheApi) {
  TestDatabase db;
  const Credentials creds = init_company(db.url());
  ASSERT_NE(creds.company_id, 0);
  const std::string company = std::to_string(creds.company_id);
  const std::string bin = OPENVENIO_BIN;

  auto added = json_of(run_to_completion({bin,
                                          "user",
                                          "add",
                                          "--db",
                                          db.url(),
                                          "--company-id",
                                          company,
                                          "--name",
                                          "Kanya Boonmee",
                                          "--email",
                                          "kanya@example.com",
                                          "--staff-code",
                                          "S100",
                                          "--team",
                                          "Northern sales",
                                          "--role",
                                          "manager",
                                          "--position",
                                          "Sales executive",
                                          "--json"}));
  ASSERT_TRUE(added.IsObject());
  const std::string id = added["userId"].GetString();
  EXPECT_STREQ(added["fullname"].GetString(), "Kanya Boonmee");
  EXPECT_STREQ(added["staffCode"].GetString(), "S100");
  EXPECT_EQ(added["teamId"].GetInt64(), 2);  // the demo's team is 1
  // A staff code the company has, in any case, is refused.
  EXPECT_FALSE(run_to_completion({bin, "user", "add", "--db", db.url(), "--company-id", company,
                                  "--first-name", "Copy", "--staff-code", "s100"}));
  EXPECT_FALSE(run_to_completion({bin, "user", "add", "--db", db.url(), "--company-id", company,
                                  "--first-name", "Boss", "--role", "owner"}));

  auto updated = json_of(
      run_to_completion({bin, "user", "update", "--db", db.url(), "--company-id", company, "--user",
                         "s100", "--position", "Sales manager", "--email", "", "--json"}));
  ASSERT_TRUE(updated.IsObject());
  EXPECT_STREQ(updated["userId"].GetString(), id.c_str());

  TestServerOptions o;
  o.db_url = db.url();
  TestServer server(o);
  TestCompany c;
  c.id = creds.company_id;
  c.client_id = creds.client_id;
  c.client_secret = creds.client_secret;
  c.subscription_key = creds.subscription_key;
  c.token = server.fetch_token(c);
  auto client = server.client();
  auto res = client.request("GET", "/v1/employees/S100", c.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  auto e = res.json();
  const auto& v = e["data"]["value"];
  EXPECT_STREQ(v["userId"].GetString(), id.c_str());
  EXPECT_STREQ(v["firstname"].GetString(), "Kanya");
  EXPECT_STREQ(v["lastname"].GetString(), "Boonmee");
  EXPECT_STREQ(v["teamName"].GetString(), "Northern sales");
  EXPECT_STREQ(v["position"].GetString(), "Sales manager");
  EXPECT_TRUE(v["email"].IsNull());
  EXPECT_STREQ(v["username"].GetString(), "kanya@example.com");
  EXPECT_STREQ(v["role"].GetString(), "Manager");
  EXPECT_TRUE(v["isActive"].GetBool());

  ASSERT_TRUE(run_to_completion(
      {bin, "user", "deactivate", "--db", db.url(), "--company-id", company, "--user", id}));
  // Readable, but no longer assignable.
  res = client.request("GET", "/v1/employees/" + id, c.auth());
  EXPECT_FALSE(res.json()["data"]["value"]["isActive"].GetBool());
  auto task = client.request(
      "POST", "/v1/task", c.auth_json(),
      R"({"subject":"x","dateDue":"2025-02-20","assignedToUserId":")" + id + R"("})");
  EXPECT_EQ(task.status, 404) << task.body;
}

}  // namespace
}  // namespace ov::test
