// The webhook operations of the administration plane: subscriptions (create, list, get,
// update, delete), secret rotation, the delivery log and replay, their problems, and the
// admin key as the only way in.
#include <gtest/gtest.h>

#include <rapidjson/document.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/json_text.hpp"
#include "support/test_server.hpp"
#include "support/webhook_receiver.hpp"

namespace ov::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* kAdminKey = "admin-key-webhooks-5d1e";
constexpr core::UnixSeconds kNow = 1738809693;  // 2025-02-06T09:41:33+0700
constexpr auto kWait = 15s;

Headers admin_headers() { return admin_headers_for(kAdminKey); }

bool eventually(const std::function<bool()>& done) {
  const auto until = std::chrono::steady_clock::now() + kWait;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

class WebhookAdminApi : public ::testing::Test {
 protected:
  static TestServerOptions options() {
    auto o = fixed_at(kNow);
    o.configure = [](app::AppConfig& c) {
      c.admin_key = kAdminKey;
      c.webhooks.retry_schedule = {200ms};
      c.webhooks.poll_interval = 100ms;
    };
    return o;
  }
  std::string base(const std::string& rest = "", std::int64_t company = 0) {
    std::string p = "/admin/v1/companies/";
    p.append(std::to_string(company ? company : company_.id)).append(rest);
    return p;
  }
  HttpResponse call(const std::string& method, const std::string& target,
                    const std::string& body = "") {
    return client_.request(method, target, admin_headers(), body);
  }
  rapidjson::Document ok(const HttpResponse& res, int status = 200) {
    EXPECT_EQ(res.status, status) << res.body;
    return res.json();
  }
  // The fields of a 400 problem.
  std::vector<std::string> problem_fields(const HttpResponse& res) {
    EXPECT_EQ(res.status, 400) << res.body;
    EXPECT_EQ(res.header("content-type"), "application/problem+json");
    std::vector<std::string> out;
    auto doc = res.json();
    if (!doc.IsObject() || !doc.HasMember("errors")) return out;
    for (const auto& e : doc["errors"].GetArray()) out.push_back(e["field"].GetString());
    return out;
  }
  std::string problem_detail(const HttpResponse& res, int status) {
    EXPECT_EQ(res.status, status) << res.body;
    EXPECT_EQ(res.header("content-type"), "application/problem+json");
    auto doc = res.json();
    return doc.IsObject() && doc.HasMember("detail") ? doc["detail"].GetString() : "";
  }
  rapidjson::Document create(const std::string& body) {
    return ok(call("POST", base("/webhooks"), body), 201);
  }

  WebhookReceiver receiver_;
  TestServer server_{options()};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(WebhookAdminApi, CreateAnswersTheSubscriptionWithItsSecretOnce) {
  auto doc = create(R"({"url":")" + receiver_.url() + R"(","events":["Case.Created"]})");
  EXPECT_EQ(keys_of(doc),
            (std::vector<std::string>{"subscriptionId", "companyId", "url", "events", "enabled",
                                      "disabledReason", "previousSecretExpiresAt", "secret",
                                      "createdAt", "updatedAt"}));
  EXPECT_EQ(doc["companyId"].GetInt64(), company_.id);
  EXPECT_EQ(to_json(doc["events"]), R"(["Case.Created"])");
  EXPECT_TRUE(doc["enabled"].GetBool());  // the default
  EXPECT_TRUE(doc["disabledReason"].IsNull());
  const std::string secret = doc["secret"].GetString();
  EXPECT_EQ(secret.rfind("whsec_", 0), 0u);
  const auto id = std::to_string(doc["subscriptionId"].GetInt64());
  // Never shown again.
  auto got = ok(call("GET", base("/webhooks/" + id)));
  EXPECT_FALSE(got.HasMember("secret"));
  EXPECT_EQ(got["url"].GetString(), receiver_.url());
  auto list = ok(call("GET", base("/webhooks")));
  ASSERT_TRUE(list.IsArray());
  ASSERT_EQ(list.Size(), 1u);
  EXPECT_FALSE(list[0].HasMember("secret"));

  // End to end: a case reaches the URL, signed with that secret.
  receiver_.set_secrets({secret});
  ASSERT_EQ(client_.request("POST", "/v1/case", company_.auth_json(), kDocAddCaseExample).status,
            200);
  ASSERT_TRUE(receiver_.wait_for(1, kWait));
  EXPECT_TRUE(receiver_.received()[0].signature_valid);
}

TEST_F(WebhookAdminApi, BadSubscriptionsAreProblemsNamingEachField) {
  EXPECT_EQ(
      problem_fields(call("POST", base("/webhooks"),
                          R"({"url":"http://hooks.example.com/","events":["Case.Deleted"]})")),
      (std::vector<std::string>{"url", "events"}));
  EXPECT_EQ(problem_fields(call("POST", base("/webhooks"), R"({"events":["*"]})")),
            std::vector<std::string>{"url"});
  EXPECT_EQ(problem_fields(call("POST", base("/webhooks"),
                                R"({"url":"https://h.example/","events":["*","Case.Created"]})")),
            std::vector<std::string>{"events"});
  EXPECT_EQ(problem_fields(
                call("POST", base("/webhooks"), R"({"url":"https://h.example/","events":[]})")),
            std::vector<std::string>{"events"});
  EXPECT_EQ(problem_fields(call("POST", base("/webhooks"),
                                R"({"url":"https://h.example/","events":"*","enabled":"yes"})")),
            (std::vector<std::string>{"events", "enabled"}));
  EXPECT_EQ(problem_fields(
                call("POST", base("/webhooks"), R"({"url":"ftp://h.example/","events":["*"]})")),
            std::vector<std::string>{"url"});
  // Malformed JSON is a problem too, never a failure.
  EXPECT_EQ(call("POST", base("/webhooks"), R"({"url":)").status, 400);
  EXPECT_EQ(server_.scalar("SELECT count(*) FROM webhook_subscriptions"), 0);
}

TEST_F(WebhookAdminApi, UnknownCompaniesAndOtherCompaniesSubscriptionsAreNotFound) {
  EXPECT_NE(problem_detail(call("GET", base("/webhooks", 999999)), 404), "");
  auto other = server_.add_company();
  auto doc = create(R"({"url":"https://h.example/a","events":["*"]})");
  const auto id = std::to_string(doc["subscriptionId"].GetInt64());
  for (const auto& [method, rest] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/webhooks/" + id},
           {"PUT", "/webhooks/" + id},
           {"DELETE", "/webhooks/" + id},
           {"POST", "/webhooks/" + id + "/rotate-secret"}}) {
    auto res = call(method, base(rest, other.id), method == "PUT" ? R"({"enabled":false})" : "");
    EXPECT_EQ(res.status, 404) << method << " " << rest << " " << res.body;
  }
  EXPECT_TRUE(ok(call("GET", base("/webhooks", other.id))).Empty());
  EXPECT_TRUE(ok(call("GET", base("/webhooks/" + id)))["enabled"].GetBool());
}

TEST_F(WebhookAdminApi, UpdateKeepsAbsentPropertiesAndDeleteRemoves) {
  auto doc = create(R"({"url":"https://h.example/a","events":["Case.Created"]})");
  const auto id = std::to_string(doc["subscriptionId"].GetInt64());
  auto updated = ok(call("PUT", base("/webhooks/" + id), R"({"enabled":false})"));
  EXPECT_FALSE(updated["enabled"].GetBool());
  EXPECT_STREQ(updated["url"].GetString(), "https://h.example/a");
  EXPECT_EQ(to_json(updated["events"]), R"(["Case.Created"])");
  updated = ok(call("PUT", base("/webhooks/" + id),
                    R"({"url":"https://h.example/b","events":["*"],"enabled":true})"));
  EXPECT_STREQ(updated["url"].GetString(), "https://h.example/b");
  EXPECT_EQ(to_json(updated["events"]), R"(["*"])");
  EXPECT_EQ(problem_fields(call("PUT", base("/webhooks/" + id), R"({"url":"http://h.example/"})")),
            std::vector<std::string>{"url"});
  EXPECT_EQ(call("DELETE", base("/webhooks/" + id)).status, 204);
  EXPECT_EQ(call("GET", base("/webhooks/" + id)).status, 404);
  EXPECT_EQ(call("DELETE", base("/webhooks/" + id)).status, 404);
}

TEST_F(WebhookAdminApi, RotateSecretAnswersTheNewOneAndTheOverlap) {
  auto doc = create(R"({"url":"https://h.example/a","events":["*"]})");
  const auto id = std::to_string(doc["subscriptionId"].GetInt64());
  auto rotated = ok(call("POST", base("/webhooks/" + id + "/rotate-secret")));
  EXPECT_STRNE(rotated["secret"].GetString(), doc["secret"].GetString());
  // A day after now, in the company's zone.
  ASSERT_TRUE(rotated["previousSecretExpiresAt"].IsString()) << to_json(rotated);
  EXPECT_NE(std::string(rotated["previousSecretExpiresAt"].GetString()).find("+0700"),
            std::string::npos);
}

TEST_F(WebhookAdminApi, TheDeliveryLogFiltersAndPagesAndReplayResends) {
  auto doc = create(R"({"url":")" + receiver_.url() + R"(","events":["*"]})");
  const auto sub = doc["subscriptionId"].GetInt64();
  receiver_.queue({.status = 503, .body = "busy"});
  ASSERT_EQ(client_.request("POST", "/v1/case", company_.auth_json(), kDocAddCaseExample).status,
            200);
  ASSERT_TRUE(receiver_.wait_for(2, kWait));
  ASSERT_TRUE(eventually([&] {
    return server_.scalar("SELECT count(*) FROM webhook_deliveries") == 2 &&
           server_.scalar("SELECT count(*) FROM webhook_messages WHERE status = 1") == 1;
  }));
  auto log = ok(call("GET", base("/webhook-deliveries")));
  ASSERT_EQ(log["total"].GetInt64(), 2);
  const auto& newest = log["items"][0];
  EXPECT_EQ(keys_of(newest),
            (std::vector<std::string>{"deliveryId", "subscriptionId", "webhookId", "event",
                                      "attempt", "attemptedAt", "result", "statusCode", "latencyMs",
                                      "response", "error", "messageStatus"}));
  EXPECT_EQ(newest["subscriptionId"].GetInt64(), sub);
  EXPECT_STREQ(newest["event"].GetString(), "Case.Created");
  EXPECT_EQ(newest["attempt"].GetInt64(), 2);
  EXPECT_STREQ(newest["result"].GetString(), "succeeded");
  EXPECT_STREQ(newest["messageStatus"].GetString(), "delivered");
  EXPECT_STREQ(newest["webhookId"].GetString(), receiver_.received()[0].id.c_str());
  auto failed = ok(call("GET", base("/webhook-deliveries?result=failed")));
  ASSERT_EQ(failed["total"].GetInt64(), 1);
  EXPECT_EQ(failed["items"][0]["statusCode"].GetInt(), 503);
  EXPECT_STREQ(failed["items"][0]["response"].GetString(), "busy");
  auto page = ok(call("GET", base("/webhook-deliveries?take=1&skip=1")));
  EXPECT_EQ(page["total"].GetInt64(), 2);
  EXPECT_EQ(page["items"].Size(), 1u);
  EXPECT_EQ(ok(call("GET", base("/webhook-deliveries?event=Customer.Created")))["total"].GetInt64(),
            0);
  EXPECT_EQ(ok(call("GET",
                    base("/webhook-deliveries?subscriptionId=" + std::to_string(sub + 1))))["total"]
                .GetInt64(),
            0);
  EXPECT_EQ(ok(call("GET", base("/webhook-deliveries?from=2999-01-01")))["total"].GetInt64(), 0);
  EXPECT_EQ(problem_fields(call("GET", base("/webhook-deliveries?result=maybe&take=0&event=x"))),
            (std::vector<std::string>{"take", "event", "result"}));

  const auto delivery = std::to_string(newest["deliveryId"].GetInt64());
  auto replay = ok(call("POST", base("/webhook-deliveries/" + delivery + "/replay")), 202);
  EXPECT_STREQ(replay["webhookId"].GetString(), receiver_.received()[0].id.c_str());
  ASSERT_TRUE(receiver_.wait_for(3, kWait));
  EXPECT_EQ(receiver_.received()[2].id, receiver_.received()[0].id);
  EXPECT_EQ(call("POST", base("/webhook-deliveries/999999/replay")).status, 404);
  // A disabled subscription refuses a replay.
  ASSERT_EQ(call("PUT", base("/webhooks/" + std::to_string(sub)), R"({"enabled":false})").status,
            200);
  EXPECT_NE(problem_detail(call("POST", base("/webhook-deliveries/" + delivery + "/replay")), 409),
            "");
}

TEST_F(WebhookAdminApi, OnlyTheAdminKeyOpensTheWebhookOperations) {
  EXPECT_EQ(client_.request("GET", base("/webhooks"), company_.auth()).status, 401);
  EXPECT_EQ(client_.request("GET", base("/webhooks")).status, 401);
  EXPECT_EQ(client_
                .request("POST", base("/webhooks"), company_.auth_json(),
                         R"({"url":"https://h.example/","events":["*"]})")
                .status,
            401);
  EXPECT_EQ(server_.scalar("SELECT count(*) FROM webhook_subscriptions"), 0);
}

TEST(WebhookAdminPlane, WithoutAnAdminKeyTheWebhookPathsAreUnknown) {
  TestServer server;
  auto company = server.add_company();
  auto client = server.client();
  auto res = client.request(
      "GET", "/admin/v1/companies/" + std::to_string(company.id) + "/webhooks", admin_headers());
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body, R"({"statusCode":404,"message":"Resource not found"})");
}

}  // namespace
}  // namespace ov::test
