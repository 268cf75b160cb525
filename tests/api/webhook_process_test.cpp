// Webhooks across processes: a change committed just before `kill -9` is delivered after the
// restart, an attempt cut short by `kill -9` is sent again once its claim expires, and two
// servers on one PostgreSQL database deliver each message once.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "storage/database.hpp"
#include "support/process.hpp"
#include "support/raw_connection.hpp"
#include "support/test_server.hpp"
#include "support/webhook_receiver.hpp"
#include "webhooks/events.hpp"
#include "webhooks/subscriptions.hpp"

namespace ov::test {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

// A subscription of the company, written before the servers start.
std::string subscribe(const std::string& db_url, std::int64_t company, const std::string& url) {
  auto db = storage::open_database(db_url);
  std::string secret;
  db->write_now([&](storage::Session& s) {
    secret = webhooks::Subscriptions(s, false)
                 .create(company, {url, {"*"}, true}, webhooks::unix_ms())
                 .secret;
  });
  db->close();
  return secret;
}

std::string add_case(std::uint16_t port, const Headers& headers) {
  RawConnection conn(port);
  auto res = conn.request("POST", "/v1/case", headers, kDocAddCaseExample);
  EXPECT_TRUE(res && res->status == 200) << (res ? res->body : conn.last_error().message());
  return res ? feedback_no(*res) : "";
}

TEST(WebhookProcess, ACommitBeforeKillNineIsDeliveredAfterTheRestart) {
  TestDatabase db;
  TempDir dir;
  const auto creds = init_company(db.url());
  ASSERT_NE(creds.company_id, 0);
  WebhookReceiver receiver;
  receiver.set_secrets({subscribe(db.url(), creds.company_id, receiver.url())});
  std::string no;
  {
    // This server delivers nothing: the message can only be in the outbox when it dies.
    ServerProcess server(db.url(), dir.path() / "a.log", {"--webhook-concurrency", "0"});
    ASSERT_TRUE(server.wait_ready(15s)) << server.log();
    no = add_case(server.port(), api_headers(creds, fetch_token(server.port(), creds)));
    ASSERT_FALSE(no.empty());
    server.signal(SIGKILL);
    ASSERT_TRUE(server.wait_exit(10s));
  }
  EXPECT_TRUE(receiver.received().empty());
  ServerProcess server(db.url(), dir.path() / "b.log");
  ASSERT_TRUE(server.wait_ready(15s)) << server.log();
  ASSERT_TRUE(receiver.wait_for(1, 20s)) << server.log();
  const auto r = receiver.received()[0];
  EXPECT_NE(r.body.find("\"CaseNo\":\"" + no + "\""), std::string::npos) << r.body;
  EXPECT_TRUE(r.signature_valid);
}

TEST(WebhookProcess, AnAttemptCutByKillNineIsSentAgainWithTheSameId) {
  TestDatabase db;
  TempDir dir;
  const auto creds = init_company(db.url());
  ASSERT_NE(creds.company_id, 0);
  WebhookReceiver receiver;
  receiver.set_secrets({subscribe(db.url(), creds.company_id, receiver.url())});
  // The first attempt hangs past the server's death; the next ones are answered.
  receiver.queue({.delay = 30s});
  const std::vector<std::string> flags{"--webhook-attempt-timeout", "1s"};
  {
    ServerProcess server(db.url(), dir.path() / "a.log", flags);
    ASSERT_TRUE(server.wait_ready(15s)) << server.log();
    ASSERT_FALSE(
        add_case(server.port(), api_headers(creds, fetch_token(server.port(), creds))).empty());
    ASSERT_TRUE(receiver.wait_for(1, 20s)) << server.log();
    server.signal(SIGKILL);
    ASSERT_TRUE(server.wait_exit(10s));
  }
  ServerProcess server(db.url(), dir.path() / "b.log", flags);
  ASSERT_TRUE(server.wait_ready(15s)) << server.log();
  // The dead server's claim holds for twice the timeout and two seconds (4 s), then lapses.
  ASSERT_TRUE(receiver.wait_for(2, 30s)) << server.log();
  const auto all = receiver.received();
  EXPECT_EQ(all[0].id, all[1].id);
  EXPECT_EQ(all[0].body, all[1].body);
  EXPECT_TRUE(all[1].signature_valid);
}

TEST(WebhookProcess, TwoServersOnPostgresDeliverEachMessageOnce) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  TestDatabase db;
  TempDir dir;
  const auto creds = init_company(db.url());
  ASSERT_NE(creds.company_id, 0);
  WebhookReceiver receiver;
  receiver.set_secrets({subscribe(db.url(), creds.company_id, receiver.url())});
  ServerProcess a(db.url(), dir.path() / "a.log");
  ServerProcess b(db.url(), dir.path() / "b.log");
  ASSERT_TRUE(a.wait_ready(15s)) << a.log();
  ASSERT_TRUE(b.wait_ready(15s)) << b.log();
  const auto headers = api_headers(creds, fetch_token(a.port(), creds));
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;  // 200 messages
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      RawConnection to_a(a.port()), to_b(b.port());
      for (int i = 0; i < kPerThread; ++i) {
        auto& conn = (t + i) % 2 == 0 ? to_a : to_b;
        auto res = conn.request("POST", "/v1/case", headers, kDocAddCaseExample);
        EXPECT_TRUE(res && res->status == 200);
      }
    });
  }
  for (auto& t : threads) t.join();
  constexpr std::size_t kMessages = kThreads * kPerThread;
  ASSERT_TRUE(receiver.wait_for(kMessages, 60s)) << receiver.received().size();
  // Both servers poll and are woken: give a duplicate the time to show up.
  const auto settle = std::chrono::steady_clock::now() + 2s;
  while (std::chrono::steady_clock::now() < settle) std::this_thread::sleep_for(50ms);
  std::map<std::string, int> per_id;
  for (const auto& r : receiver.received()) ++per_id[r.id];
  EXPECT_EQ(per_id.size(), kMessages);
  std::vector<std::string> twice;
  for (const auto& [id, n] : per_id) {
    if (n != 1) twice.push_back(id);
  }
  EXPECT_TRUE(twice.empty()) << twice.size() << " messages were delivered more than once";
  EXPECT_EQ(receiver.received().size(), kMessages);
}

}  // namespace
}  // namespace ov::test
