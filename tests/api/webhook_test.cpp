// Webhooks end to end (ENDPOINTS.md §5): an in-process server, its delivery worker and a local
// receiver that checks signatures the Standard Webhooks way. Payloads of every event the
// sections emit, retries re-signed with the same webhook-id, 410, redirects, timeouts, a
// receiver closing mid-response, deleted subscriptions, replay, tenancy and the metrics.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "support/json_text.hpp"
#include "support/tcp_proxy.hpp"
#include "support/test_server.hpp"
#include "support/webhook_receiver.hpp"
#include "webhooks/events.hpp"
#include "webhooks/subscriptions.hpp"

namespace ov::test {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

// 2025-02-06T09:41:33+0700.
constexpr core::UnixSeconds kNow = 1738809693;
constexpr const char* kNowText = "2025-02-06T09:41:33+0700";
constexpr const char* kAssignee = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2";
constexpr const char* kAdminKey = "admin-key-8c41e0d9a6";
// Long enough for a loaded test machine, short enough for a failing test to end soon.
constexpr milliseconds kWait = 15s;

// Polls `done` until it holds or `timeout` passes.
bool eventually(const std::function<bool()>& done, milliseconds timeout = kWait) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

std::string with_member(std::string body, const std::string& member) {
  body.erase(body.find_last_of('}'));
  body.append(",").append(member).append("}");
  return body;
}

class WebhookApi : public ::testing::Test {
 protected:
  // Starts the server; `tune` adjusts the worker's options after the fast test defaults.
  void start(const std::function<void(webhooks::DeliveryOptions&)>& tune = {}) {
    auto o = fixed_at(kNow);
    o.configure = [tune, admin = admin_plane_](app::AppConfig& c) {
      if (admin) c.admin_key = kAdminKey;
      c.webhooks.retry_schedule = {300ms, 300ms};
      c.webhooks.attempt_timeout = 5s;
      c.webhooks.poll_interval = 100ms;
      if (tune) tune(c.webhooks);
    };
    server_.emplace(o);
    company_ = server_->add_company();
    client_.emplace(server_->client());
  }

  struct Subscribed {
    std::int64_t id = 0;
    std::string secret;
  };
  Subscribed subscribe(std::vector<std::string> events, const std::string& url,
                       std::optional<std::int64_t> company = std::nullopt) {
    Subscribed out;
    server_->db().write_now([&](storage::Session& s) {
      auto created = webhooks::Subscriptions(s, false).create(
          company.value_or(company_.id), {url, std::move(events), true}, webhooks::unix_ms());
      out.id = created.subscription.subscription_id;
      out.secret = created.secret;
    });
    secrets_.push_back(out.secret);
    receiver_.set_secrets(secrets_);
    return out;
  }
  Subscribed subscribe_all() { return subscribe({"*"}, receiver_.url()); }

  HttpResponse call(const std::string& method, const std::string& path,
                    const std::string& body = "") {
    return client_->request(method, path, company_.auth_json(), body);
  }
  // data.data of a Case reply (family SN).
  std::pair<std::string, std::int64_t> add_case() {
    auto res = call("POST", "/v1/case", kDocAddCaseExample);
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    const auto& c = doc["data"]["data"];
    return {c["feedbackNo"].GetString(), c["feedbackId"].GetInt64()};
  }

  std::int64_t scalar(const std::string& sql, std::initializer_list<storage::Value> params = {}) {
    return server_->scalar(sql, params);
  }
  // The outbox in emission order: each message's event and body.
  std::vector<std::pair<std::string, std::string>> outbox() {
    std::vector<std::pair<std::string, std::string>> out;
    server_->db().read_now([&](storage::Session& s) {
      auto rows = s.query("SELECT event, body FROM webhook_messages ORDER BY message_id");
      while (rows.next()) out.emplace_back(rows.str(0), rows.str(1));
    });
    return out;
  }
  // An approver's decision on the administration plane (start() with admin_plane_ set).
  HttpResponse decide(const std::string& expense, const std::string& action,
                      const std::string& body = "{}") {
    return client_->request("POST",
                            "/admin/v1/companies/" + std::to_string(company_.id) + "/expenses/" +
                                expense + "/" + action,
                            admin_headers_for(kAdminKey), body);
  }
  std::int64_t message_status(const std::string& webhook_id) {
    return scalar("SELECT status FROM webhook_messages WHERE webhook_id = ?", {webhook_id});
  }

  // The events the receiver heard, as "<Topic>.<Event>", in arrival order.
  std::vector<std::string> events_heard() {
    std::vector<std::string> out;
    for (const auto& r : receiver_.received()) {
      rapidjson::Document d;
      d.Parse(r.body.c_str(), r.body.size());
      if (d.IsObject() && d.HasMember("Topic") && d.HasMember("Event")) {
        out.push_back(std::string(d["Topic"].GetString()) + "." + d["Event"].GetString());
      }
    }
    return out;
  }
  // The body of the one request carrying `event`; "" when none or several did.
  std::string body_of(const std::string& event) {
    std::string found;
    int n = 0;
    const auto events = events_heard();
    const auto all = receiver_.received();
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (events[i] == event) {
        found = all[i].body;
        ++n;
      }
    }
    return n == 1 ? found : "";
  }
  std::string tail() const {
    return std::string(R"(,"Timestamp":")") + kNowText + R"(","CompanyId":)" +
           std::to_string(company_.id) + "}";
  }

  // Set before start() to open the administration plane.
  bool admin_plane_ = false;
  // Declared first: the server (and its worker) stop before the receiver goes.
  WebhookReceiver receiver_;
  std::vector<std::string> secrets_;
  std::optional<TestServer> server_;
  TestCompany company_;
  std::optional<HttpClient> client_;
};

TEST_F(WebhookApi, AddCaseDeliversTheSignedContractPayload) {
  start();
  subscribe_all();
  const auto [no, id] = add_case();
  ASSERT_TRUE(receiver_.wait_for(1, kWait));
  const auto r = receiver_.received().at(0);
  EXPECT_EQ(r.body, R"({"Topic":"Case","Event":"Created","Data":{"CaseNo":")" + no +
                        R"(","FeedbackId":)" + std::to_string(id) + "}" + tail());
  EXPECT_EQ(r.target, "/hook");
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("user-agent"), "VenioWebhooks/1.0");
  EXPECT_EQ(r.id.size(), 30u);
  EXPECT_EQ(r.id.rfind("msg_", 0), 0u);
  EXPECT_TRUE(r.signature_valid) << r.signature;
  EXPECT_EQ(r.signature.rfind("v1,", 0), 0u);
  // The attempt is logged once the worker has recorded it.
  ASSERT_TRUE(eventually([&] { return message_status(r.id) == 1; }));
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_deliveries d JOIN webhook_messages m ON "
                   "m.message_id = d.message_id WHERE m.webhook_id = ? AND d.result = "
                   "'succeeded' AND d.status_code = 200 AND d.response = 'ok' AND d.attempt = 1",
                   {r.id}),
            1);
}

TEST_F(WebhookApi, EditCaseEmitsUpdatedThenStatusChanged) {
  start();
  subscribe_all();
  const auto [no, id] = add_case();
  auto res = call("PUT", "/v1/case/" + no, with_member(kDocEditCaseExample, R"("statusId":202)"));
  ASSERT_EQ(res.status, 200) << res.body;
  ASSERT_TRUE(receiver_.wait_for(3, kWait));
  // Delivery is unordered (§5.1); the outbox keeps the emission order.
  const auto heard = events_heard();
  EXPECT_EQ(std::multiset<std::string>(heard.begin(), heard.end()),
            (std::multiset<std::string>{"Case.Created", "Case.Updated", "Case.StatusChanged"}));
  const std::string data = R"({"CaseNo":")" + no + R"(","FeedbackId":)" + std::to_string(id);
  EXPECT_EQ(body_of("Case.Updated"),
            R"({"Topic":"Case","Event":"Updated","Data":)" + data + "}" + tail());
  EXPECT_EQ(body_of("Case.StatusChanged"), R"({"Topic":"Case","Event":"StatusChanged","Data":)" +
                                               data + R"(,"PreviousStatus":201,"Status":202})" +
                                               tail());
  EXPECT_LT(scalar("SELECT message_id FROM webhook_messages WHERE event = 'Case.Updated'"),
            scalar("SELECT message_id FROM webhook_messages WHERE event = 'Case.StatusChanged'"));
  // An edit that keeps the status emits Updated alone.
  ASSERT_EQ(call("PUT", "/v1/case/" + no, kDocEditCaseExample).status, 200);
  ASSERT_TRUE(receiver_.wait_for(4, kWait));
  EXPECT_EQ(events_heard().back(), "Case.Updated");
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_messages"), 4);
}

TEST_F(WebhookApi, CustomerUpsertEmitsCreatedUpdatedAndStatusChanged) {
  start();
  subscribe_all();
  auto res = call("POST", "/v3/customers", R"({"customerName":"Hook Lead","customerState":1})");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  const std::string code = doc["data"]["customerCode"].GetString();
  const auto id = doc["data"]["customerId"].GetInt64();
  ASSERT_TRUE(receiver_.wait_for(1, kWait));
  const std::string data =
      R"({"CustomerCode":")" + code + R"(","CustomerId":)" + std::to_string(id);
  EXPECT_EQ(body_of("Customer.Created"),
            R"({"Topic":"Customer","Event":"Created","Data":)" + data + "}" + tail());
  // A lead becomes a customer: Updated, then StatusChanged with §7.1's keys.
  res = call("POST", "/v3/customers",
             R"({"customerCode":")" + code + R"(","customerName":"Hook Lead","customerState":3})");
  ASSERT_EQ(res.status, 200) << res.body;
  ASSERT_TRUE(receiver_.wait_for(3, kWait));
  EXPECT_EQ(body_of("Customer.Updated"),
            R"({"Topic":"Customer","Event":"Updated","Data":)" + data + "}" + tail());
  EXPECT_EQ(body_of("Customer.StatusChanged"),
            R"({"Topic":"Customer","Event":"StatusChanged","Data":)" + data +
                R"(,"PreviousCustomerState":1,"CustomerState":3,"PreviousStatus":0,"Status":0})" +
                tail());
  // An update that changes neither state nor status emits Updated alone.
  res = call("POST", "/v3/customers",
             R"({"customerCode":")" + code + R"(","customerName":"Hook Customer"})");
  ASSERT_EQ(res.status, 200) << res.body;
  ASSERT_TRUE(receiver_.wait_for(4, kWait));
  EXPECT_EQ(events_heard().back(), "Customer.Updated");
}

TEST_F(WebhookApi, ActivityUpsertEmitsCreatedUpdatedAndStatusChanged) {
  start();
  subscribe_all();
  const std::string body =
      std::string(R"({"subject":"Visit","activityTypeId":1,"customerCode":"C000154",)") +
      R"("dateAppointmentStart":"2025-02-20T10:00:00+0700",)" +
      R"("dateAppointmentEnd":"2025-02-20T11:30:00+0700","assignToUserId":")" + kAssignee + R"("})";
  auto res = call("POST", "/v2/activities", body);
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  const std::string no = doc["data"]["activityNo"].GetString();
  const auto id = doc["data"]["activityId"].GetInt64();
  res = call("POST", "/v2/activities",
             with_member(with_member(body, R"("activityNo":")" + no + "\""), R"("statusId":2)"));
  ASSERT_EQ(res.status, 200) << res.body;
  ASSERT_TRUE(receiver_.wait_for(3, kWait));
  const std::string data = R"({"ActivityNo":")" + no + R"(","ActivityId":)" + std::to_string(id);
  EXPECT_EQ(body_of("Activity.Created"),
            R"({"Topic":"Activity","Event":"Created","Data":)" + data + "}" + tail());
  EXPECT_EQ(body_of("Activity.Updated"),
            R"({"Topic":"Activity","Event":"Updated","Data":)" + data + "}" + tail());
  EXPECT_EQ(body_of("Activity.StatusChanged"),
            R"({"Topic":"Activity","Event":"StatusChanged","Data":)" + data +
                R"(,"PreviousStatus":1,"Status":2})" + tail());
}

TEST_F(WebhookApi, DealsEmitCreatedUpdatedAndStatusChanged) {
  start();
  subscribe_all();
  const std::string required =
      R"("dealName":"Booking system","dealValue":1000,"expectedCloseDate":"2025-03-01",)"
      R"("assignTo":"staff01")";
  auto res =
      call("POST", "/v1/deals",
           R"({"customerCodes":["C000154"],"boardId":34628319,"probability":10,)" + required + "}");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  const std::string no = doc["data"]["value"]["dealNo"].GetString();
  const auto id = doc["data"]["value"]["dealsId"].GetInt64();
  // An update that stays in its stage changes no status; a move into the won stage does.
  ASSERT_EQ(call("PUT", "/v1/deals/" + no, "{" + required + "}").status, 200);
  ASSERT_EQ(call("PUT", "/v1/deals/" + no, R"({"dealStageId":5508,)" + required + "}").status, 200);
  ASSERT_TRUE(receiver_.wait_for(4, kWait));
  const std::string data = R"({"DealNo":")" + no + R"(","DealsId":)" + std::to_string(id);
  EXPECT_EQ(body_of("Deal.Created"),
            R"({"Topic":"Deal","Event":"Created","Data":)" + data + "}" + tail());
  EXPECT_EQ(body_of("Deal.StatusChanged"), R"({"Topic":"Deal","Event":"StatusChanged","Data":)" +
                                               data + R"(,"PreviousStatus":1,"Status":2})" +
                                               tail());
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_messages WHERE event = 'Deal.Updated'"), 2);
  // A refused update emits nothing.
  EXPECT_EQ(call("PUT", "/v1/deals/" + no, R"({"dealStageId":5509,)" + required + "}").status, 400);
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_messages"), 4);
}

TEST_F(WebhookApi, ExpensesEmitCreatedUpdatedAndStatusChanged) {
  admin_plane_ = true;
  start();
  subscribe_all();
  const std::string body =
      R"({"ExpenseDetails":[{"expenseTypeId":1008,"amount":250}],"subject":"Client lunch"})";
  auto res = call("POST", "/v1/expenses", body);
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  const std::string no = doc["data"]["value"]["expenseNo"].GetString();
  const auto id = doc["data"]["value"]["expenseId"].GetInt64();
  const std::string data = R"({"ExpenseNo":")" + no + R"(","ExpenseId":)" + std::to_string(id);
  const auto updated = R"({"Topic":"Expense","Event":"Updated","Data":)" + data + "}" + tail();
  const auto moved = [&](int from, int to) {
    return R"({"Topic":"Expense","Event":"StatusChanged","Data":)" + data +
           R"(,"PreviousStatus":)" + std::to_string(from) + R"(,"Status":)" + std::to_string(to) +
           "}" + tail();
  };
  using Outbox = std::vector<std::pair<std::string, std::string>>;
  Outbox expected = {
      {"Expense.Created", R"({"Topic":"Expense","Event":"Created","Data":)" + data + "}" + tail()}};
  EXPECT_EQ(outbox(), expected);
  // An update of a waiting expense keeps its status: Updated alone.
  ASSERT_EQ(call("PUT", "/v1/expenses/" + no, body).status, 200);
  expected.emplace_back("Expense.Updated", updated);
  EXPECT_EQ(outbox(), expected);
  // The approver rejects it: a status change alone, 301 → 303.
  res = decide(no, "reject", R"({"reason":"No receipt"})");
  ASSERT_EQ(res.status, 200) << res.body;
  expected.emplace_back("Expense.StatusChanged", moved(301, 303));
  EXPECT_EQ(outbox(), expected);
  // An update of the rejected expense sends it back to wait: Updated, then StatusChanged.
  ASSERT_EQ(call("PUT", "/v1/expenses/" + std::to_string(id), body).status, 200);
  expected.emplace_back("Expense.Updated", updated);
  expected.emplace_back("Expense.StatusChanged", moved(303, 301));
  EXPECT_EQ(outbox(), expected);
  // Approved: 301 → 302.
  res = decide(std::to_string(id), "approve");
  ASSERT_EQ(res.status, 200) << res.body;
  expected.emplace_back("Expense.StatusChanged", moved(301, 302));
  EXPECT_EQ(outbox(), expected);
  // An approved expense refuses the update, and nothing is emitted.
  res = call("PUT", "/v1/expenses/" + no, body);
  EXPECT_EQ(res.status, 400) << res.body;
  EXPECT_EQ(res.body,
            one_problem_body(api::Family::kV, "Expense cannot be edited in its current status"));
  EXPECT_EQ(outbox(), expected);
  // Every message is delivered as the outbox holds it (in any order, §5.1).
  ASSERT_TRUE(receiver_.wait_for(expected.size(), kWait));
  std::multiset<std::string> sent, heard;
  for (const auto& m : expected) sent.insert(m.second);
  for (const auto& r : receiver_.received()) heard.insert(r.body);
  EXPECT_EQ(heard, sent);
  ASSERT_TRUE(eventually(
      [&] { return scalar("SELECT count(*) FROM webhook_messages WHERE status = 0") == 0; }));
  EXPECT_EQ(receiver_.received().size(), expected.size());
}

TEST_F(WebhookApi, FiltersAndTenancyDecideWhoHears) {
  start();
  WebhookReceiver other_receiver;
  const auto other = server_->add_company();
  subscribe({"*"}, other_receiver.url(), other.id);
  subscribe({"Case.StatusChanged"}, receiver_.url("/status"));
  subscribe({"Case.Created"}, receiver_.url("/created"));
  add_case();
  ASSERT_TRUE(receiver_.wait_for(1, kWait));
  // A marker: the other company's own write reaches its receiver, and only that one.
  ASSERT_EQ(client_->request("POST", "/v1/case", other.auth_json(), kDocAddCaseExample).status,
            200);
  ASSERT_TRUE(other_receiver.wait_for(1, kWait));
  ASSERT_TRUE(eventually(
      [&] { return scalar("SELECT count(*) FROM webhook_messages WHERE status = 0") == 0; }));
  ASSERT_EQ(receiver_.received().size(), 1u);
  EXPECT_EQ(receiver_.received()[0].target, "/created");
  ASSERT_EQ(other_receiver.received().size(), 1u);
  EXPECT_NE(
      other_receiver.received()[0].body.find("\"CompanyId\":" + std::to_string(other.id) + "}"),
      std::string::npos);
}

TEST_F(WebhookApi, FailedAttemptsAreRetriedResignedWithTheSameId) {
  start([](webhooks::DeliveryOptions& o) { o.retry_schedule = {1s, 1s}; });
  subscribe_all();
  receiver_.queue({.status = 500, .body = "down"});
  receiver_.queue({.status = 503, .body = "still down"});
  add_case();
  ASSERT_TRUE(receiver_.wait_for(3, kWait));
  const auto all = receiver_.received();
  EXPECT_EQ(all[0].id, all[1].id);
  EXPECT_EQ(all[1].id, all[2].id);
  // A second apart at least: each attempt is signed anew with its own time.
  EXPECT_GT(all[1].timestamp, all[0].timestamp);
  EXPECT_GT(all[2].timestamp, all[1].timestamp);
  EXPECT_NE(all[0].signature, all[1].signature);
  for (const auto& r : all) EXPECT_TRUE(r.signature_valid);
  EXPECT_EQ(all[0].body, all[2].body);
  EXPECT_GE(all[1].received_at - all[0].received_at, 900ms);
  ASSERT_TRUE(eventually([&] { return message_status(all[0].id) == 1; }));
  std::vector<std::string> log;
  server_->db().read_now([&](storage::Session& s) {
    auto rows = s.query(
        "SELECT attempt, result, status_code, response FROM webhook_deliveries ORDER BY attempt");
    while (rows.next()) {
      log.push_back(std::to_string(rows.i64(0)) + " " + rows.str(1) + " " +
                    std::to_string(rows.i64(2)) + " " + rows.str(3));
    }
  });
  EXPECT_EQ(log, (std::vector<std::string>{"1 failed 500 down", "2 failed 503 still down",
                                           "3 succeeded 200 ok"}));
  EXPECT_EQ(receiver_.received().size(), 3u);
}

TEST_F(WebhookApi, AttemptsStopAfterTheScheduleAndTheMessageIsDropped) {
  start();  // two retries: three attempts
  subscribe_all();
  receiver_.set_default({.status = 500});
  add_case();
  ASSERT_TRUE(receiver_.wait_for(3, kWait));
  const auto id = receiver_.received()[0].id;
  ASSERT_TRUE(eventually([&] { return message_status(id) == 2; }));
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_deliveries WHERE result = 'failed'"), 3);
  // Nothing more comes: the retry wait has passed twice over by the time the marker arrives.
  std::this_thread::sleep_for(700ms);
  EXPECT_EQ(receiver_.received().size(), 3u);
}

TEST_F(WebhookApi, GoneDisablesTheSubscription) {
  start();
  const auto sub = subscribe_all();
  receiver_.set_default({.status = 410, .body = "gone"});
  add_case();
  ASSERT_TRUE(receiver_.wait_for(1, kWait));
  ASSERT_TRUE(eventually([&] {
    return scalar("SELECT enabled FROM webhook_subscriptions WHERE subscription_id = ?",
                  {sub.id}) == 0;
  }));
  EXPECT_EQ(message_status(receiver_.received()[0].id), 2);
  // Later changes queue nothing for it, and the 410 is never retried.
  add_case();
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_messages"), 1);
  std::this_thread::sleep_for(700ms);
  EXPECT_EQ(receiver_.received().size(), 1u);
}

TEST_F(WebhookApi, RedirectsAreNotFollowed) {
  start();
  WebhookReceiver elsewhere;
  subscribe_all();
  receiver_.queue({.status = 307, .body = "", .location = elsewhere.url()});
  add_case();
  ASSERT_TRUE(receiver_.wait_for(2, kWait));  // the retry comes back here
  EXPECT_TRUE(elsewhere.received().empty());
  ASSERT_TRUE(eventually([&] { return message_status(receiver_.received()[0].id) == 1; }));
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_deliveries WHERE result = 'failed' AND "
                   "status_code = 307"),
            1);
  EXPECT_TRUE(elsewhere.received().empty());
}

TEST_F(WebhookApi, ASlowReceiverIsCutAtTheAttemptTimeout) {
  start([](webhooks::DeliveryOptions& o) { o.attempt_timeout = 500ms; });
  subscribe_all();
  receiver_.queue({.delay = 5s});
  add_case();
  ASSERT_TRUE(receiver_.wait_for(2, kWait));
  const auto all = receiver_.received();
  EXPECT_LT(all[1].received_at - all[0].received_at, 4s);
  ASSERT_TRUE(eventually([&] { return message_status(all[0].id) == 1; }));
  server_->db().read_now([&](storage::Session& s) {
    auto r = s.query(
        "SELECT status_code, latency_ms, error FROM webhook_deliveries WHERE attempt "
        "= 1");
    ASSERT_TRUE(r.next());
    EXPECT_TRUE(r.is_null(0));
    EXPECT_GE(r.i64(1), 450);
    EXPECT_LT(r.i64(1), 3000);
    EXPECT_FALSE(r.is_null(2));
  });
}

TEST_F(WebhookApi, AReceiverClosingMidResponseIsRetried) {
  start();
  subscribe_all();
  receiver_.queue({.close_mid_response = true});
  add_case();
  ASSERT_TRUE(receiver_.wait_for(2, kWait));
  ASSERT_TRUE(eventually([&] { return message_status(receiver_.received()[0].id) == 1; }));
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_deliveries WHERE attempt = 1 AND result = "
                   "'failed'"),
            1);
}

TEST_F(WebhookApi, AnUnreachableReceiverIsRetriedWithoutHarm) {
  start();
  std::string dead;
  {
    WebhookReceiver gone;
    dead = gone.url();
  }
  subscribe({"*"}, dead);
  add_case();
  ASSERT_TRUE(eventually([&] {
    return scalar(
               "SELECT count(*) FROM webhook_deliveries WHERE status_code IS NULL AND error "
               "IS NOT NULL") >= 2;
  }));
  // The server keeps serving.
  EXPECT_EQ(client_->request("GET", "/healthz").status, 200);
}

TEST_F(WebhookApi, QueuedMessagesOfADeletedSubscriptionAreNeverSent) {
  TestDatabase db;
  // A server that queues but does not deliver, as one of several behind a balancer.
  auto o = fixed_at(kNow);
  o.db_url = db.url();
  o.configure = [](app::AppConfig& c) { c.webhooks.concurrency = 0; };
  std::int64_t deleted = 0;
  {
    server_.emplace(o);
    company_ = server_->add_company();
    client_.emplace(server_->client());
    deleted = subscribe({"*"}, receiver_.url("/deleted")).id;
    add_case();
    server_->db().write_now([&](storage::Session& s) {
      webhooks::Subscriptions(s, false).remove(company_.id, deleted);
    });
    subscribe({"*"}, receiver_.url("/kept"));
    add_case();
    client_.reset();
    server_.reset();
  }
  o.configure = [](app::AppConfig& c) { c.webhooks.poll_interval = 100ms; };
  server_.emplace(o);
  ASSERT_TRUE(receiver_.wait_for(1, kWait));
  ASSERT_TRUE(eventually(
      [&] { return scalar("SELECT count(*) FROM webhook_messages WHERE status = 0") == 0; }));
  ASSERT_EQ(receiver_.received().size(), 1u);
  EXPECT_EQ(receiver_.received()[0].target, "/kept");
}

TEST_F(WebhookApi, ReplaySendsTheMessageAgainWithItsId) {
  start();
  subscribe_all();
  add_case();
  ASSERT_TRUE(receiver_.wait_for(1, kWait));
  const auto first = receiver_.received()[0];
  ASSERT_TRUE(eventually([&] { return message_status(first.id) == 1; }));
  const auto delivery = scalar("SELECT delivery_id FROM webhook_deliveries");
  std::string replayed;
  server_->db().write_now([&](storage::Session& s) {
    replayed = webhooks::Subscriptions(s, false).replay(company_.id, delivery, webhooks::unix_ms());
  });
  EXPECT_EQ(replayed, first.id);
  ASSERT_TRUE(receiver_.wait_for(2, kWait));
  const auto again = receiver_.received()[1];
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(again.body, first.body);
  EXPECT_TRUE(again.signature_valid);
  ASSERT_TRUE(eventually([&] { return message_status(first.id) == 1; }));
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_deliveries"), 2);
}

TEST_F(WebhookApi, RotationSignsWithBothSecretsDuringTheOverlap) {
  start();
  const auto sub = subscribe_all();
  std::string fresh;
  server_->db().write_now([&](storage::Session& s) {
    fresh =
        webhooks::Subscriptions(s, false).rotate_secret(company_.id, sub.id, webhooks::unix_ms());
  });
  add_case();
  ASSERT_TRUE(receiver_.wait_for(1, kWait));
  const auto r = receiver_.received()[0];
  const auto space = r.signature.find(' ');
  ASSERT_NE(space, std::string::npos) << r.signature;
  EXPECT_TRUE(standard_webhooks_verify(fresh, r.id, r.timestamp, r.body, r.signature));
  EXPECT_TRUE(standard_webhooks_verify(sub.secret, r.id, r.timestamp, r.body, r.signature));
  // Each signature on its own verifies with exactly one of the secrets.
  EXPECT_TRUE(
      standard_webhooks_verify(fresh, r.id, r.timestamp, r.body, r.signature.substr(0, space)));
  EXPECT_FALSE(standard_webhooks_verify(sub.secret, r.id, r.timestamp, r.body,
                                        r.signature.substr(0, space)));
}

TEST_F(WebhookApi, MetricsCountDeliveriesAndTheOutbox) {
  start();
  subscribe_all();
  receiver_.queue({.status = 500});
  add_case();
  ASSERT_TRUE(receiver_.wait_for(2, kWait));
  ASSERT_TRUE(eventually([&] {
    const auto m = client_->request("GET", "/metrics").body;
    return m.find("openvenio_webhook_deliveries_total{result=\"succeeded\"} 1\n") !=
               std::string::npos &&
           m.find("openvenio_webhook_deliveries_total{result=\"failed\"} 1\n") != std::string::npos;
  }));
  const auto m = client_->request("GET", "/metrics").body;
  EXPECT_NE(m.find("openvenio_webhook_deliveries_total{result=\"unreachable\"} 0\n"),
            std::string::npos);
  EXPECT_NE(m.find("openvenio_webhook_delivery_duration_seconds_count 2\n"), std::string::npos);
  EXPECT_NE(m.find("# TYPE openvenio_webhook_outbox_depth gauge\n"), std::string::npos);
}

TEST(WebhookOutage, AResultTheDatabaseCouldNotTakeIsRecordedOnceItIsBack) {
  if (!testing_postgres()) GTEST_SKIP() << "needs a networked database";
  TestDatabase db;
  TcpProxy proxy(url_port(db.url()));
  WebhookReceiver receiver;
  auto o = fixed_at(kNow);
  o.db_url = url_through(db.url(), proxy.port());
  o.configure = [](app::AppConfig& c) { c.webhooks.poll_interval = 100ms; };
  TestServer server(o);
  auto company = server.add_company();
  auto client = server.client();
  server.db().write_now([&](storage::Session& s) {
    webhooks::Subscriptions(s, false).create(company.id, {receiver.url(), {"*"}, true},
                                             webhooks::unix_ms());
  });
  // The receiver answers after the database has gone away.
  receiver.queue({.delay = 1s});
  ASSERT_EQ(client.request("POST", "/v1/case", company.auth_json(), kDocAddCaseExample).status,
            200);
  ASSERT_TRUE(receiver.wait_for(1, kWait));
  proxy.cut();
  // The attempt ends (counted), its result cannot be written, and nothing stops.
  ASSERT_TRUE(eventually([&] {
    return client.request("GET", "/metrics")
               .body.find("openvenio_webhook_deliveries_total{result=\"succeeded\"} 1\n") !=
           std::string::npos;
  }));
  // A round fails on the missing database before it comes back.
  ASSERT_TRUE(eventually([&] {
    return client.request("GET", "/metrics")
               .body.find("openvenio_webhook_storage_errors_total 0\n") == std::string::npos;
  }));
  EXPECT_EQ(client.request("GET", "/healthz").status, 200);
  EXPECT_EQ(client.request("GET", "/readyz").status, 503);
  proxy.restore();
  // The first statements after the restore may still meet a connection the cut broke (503
  // while it reconnects, sooner or later depending on what stands between, e.g. a pooler).
  ASSERT_TRUE(eventually([&] {
    try {
      return server.scalar("SELECT count(*) FROM webhook_messages WHERE status = 1") == 1;
    } catch (const core::ApiError&) {
      return false;
    }
  }));
  EXPECT_EQ(server.scalar("SELECT count(*) FROM webhook_deliveries WHERE result = 'succeeded'"), 1);
  // Recorded once, never sent again: its claim had not lapsed.
  EXPECT_EQ(receiver.received().size(), 1u);
}

}  // namespace
}  // namespace ov::test
