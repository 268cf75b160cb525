// Credential throttling on the token endpoint: a bounded Argon2id queue with a lane for
// requests that carry a valid subscription key, failure throttling per client id and per
// address, verified secrets remembered, and a subscription key checked before any hash.
//
// The finding reproduced here at smaller scale (Release build, 127.0.0.1): 256 anonymous
// senders made a legitimate token request time out, as every attempt cost one Argon2id check
// on a 2-thread pool with an unbounded queue. Here 64 senders, each from an address of its own
// (127.0.0.2 and up), keep the checks saturated: on the old server a legitimate request waited
// behind all of them for seconds.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "auth/crypto.hpp"
#include "auth/provisioning.hpp"
#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

constexpr const char* kTokenPath = "/authorization/connect/token";
constexpr core::UnixSeconds kNow = 1739163600;

long long ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
}

std::string form(const std::string& id, const std::string& secret) {
  return "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret;
}

Headers form_headers(const std::string& key = "") {
  Headers h{{"Content-Type", "application/x-www-form-urlencoded"}};
  if (!key.empty()) h.emplace_back("Ocp-Apim-Subscription-Key", key);
  return h;
}

// A company whose client secret the server has never verified (add_company fetches a token).
TestCompany unverified_company(TestServer& server) {
  TestCompany c;
  server.db().write_now([&](storage::Session& s) {
    auth::NewCompany spec{"Unverified " + std::to_string(std::random_device{}()), "Asia/Bangkok",
                          std::nullopt};
    auto p = auth::provision_company(s, spec, kNow);
    c.id = p.company_id;
    c.client_id = p.client_id;
    c.client_secret = p.client_secret;
    c.subscription_key = p.subscription_key;
  });
  return c;
}

double sample(const std::string& metrics, const std::string& series) {
  std::istringstream in(metrics);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

double secret_checks(TestServer& server) {
  return sample(server.client().request("GET", "/metrics").body,
                "openvenio_auth_secret_checks_total");
}

// One request from a socket bound to `source` (any 127.0.0.0/8 address is this host), so the
// server sees a client of that address. The status of the answer, or 0 without one.
int status_from(const std::string& source, std::uint16_t port, const std::string& bytes) {
  int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return 0;
  sockaddr_in local{};
  local.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &local.sin_addr);
  sockaddr_in remote{};
  remote.sin_family = AF_INET;
  remote.sin_port = htons(port);
  remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int status = 0;
  if (::bind(s, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0 &&
      ::connect(s, reinterpret_cast<sockaddr*>(&remote), sizeof remote) == 0 &&
      ::write(s, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size())) {
    pollfd p{s, POLLIN, 0};
    char buf[16] = {};
    if (::poll(&p, 1, 10000) == 1 && ::read(s, buf, 12) == 12) status = std::atoi(buf + 9);
  }
  ::close(s);
  return status;
}

// `senders` threads, each from its own address, sending token requests with made-up client
// ids as fast as they are answered, until destroyed.
class Flood {
 public:
  Flood(std::uint16_t port, int senders) {
    for (int i = 0; i < senders; ++i) {
      threads_.emplace_back([this, port, i] {
        const std::string source = "127.0.0." + std::to_string(2 + i);
        for (int n = 0; !stop_; ++n) {
          const auto bytes = serialize_request(
              "POST", kTokenPath, form_headers(),
              form("ovc_guess_" + std::to_string(i) + "_" + std::to_string(n), "wrong"));
          const int status = status_from(source, port, bytes);
          ++sent_;
          if (status == 0) std::this_thread::sleep_for(milliseconds(10));
        }
      });
    }
  }
  ~Flood() {
    stop_ = true;
    for (auto& t : threads_) t.join();
  }
  int sent() const { return sent_; }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> sent_{0};
  std::vector<std::thread> threads_;
};

TEST(TokenThrottling, LegitimateTokenRequestsAreAnsweredWithinASecondDuringAnAnonymousFlood) {
  TestServer server;
  auto known = server.add_company();  // its secret was verified once: remembered
  auto keyed = unverified_company(server);
  auto plain = unverified_company(server);
  Flood flood(server.port(), 64);
  // Long enough for the flood to fill the queue and keep every check busy.
  std::this_thread::sleep_for(milliseconds(500));
  auto client = server.client();
  {
    SCOPED_TRACE("a remembered client");
    const auto start = Clock::now();
    auto res = client.request("POST", kTokenPath, form_headers(),
                              form(known.client_id, known.client_secret));
    EXPECT_EQ(res.status, 200) << res.body;
    EXPECT_LT(ms_since(start), 1000);
  }
  {
    SCOPED_TRACE("a client sending its subscription key, never verified before");
    const auto start = Clock::now();
    auto res = client.request("POST", kTokenPath, form_headers(keyed.subscription_key),
                              form(keyed.client_id, keyed.client_secret));
    EXPECT_EQ(res.status, 200) << res.body;
    EXPECT_LT(ms_since(start), 1000);
  }
  {
    SCOPED_TRACE("a client without a key, never verified before: ahead of the made-up ids");
    const auto start = Clock::now();
    auto res = client.request("POST", kTokenPath, form_headers(),
                              form(plain.client_id, plain.client_secret));
    EXPECT_EQ(res.status, 200) << res.body;
    EXPECT_LT(ms_since(start), 1000);
  }
  // The flood itself is refused at once once its lane is full.
  RawConnection guess(server.port());
  auto refused = guess.request("POST", kTokenPath, form_headers(), form("ovc_guess", "wrong"));
  ASSERT_TRUE(refused);
  if (refused->status == 503) {
    EXPECT_EQ(refused->header("retry-after"), "1");
    EXPECT_NE(refused->body.find("temporarily_unavailable"), std::string::npos) << refused->body;
  } else {
    EXPECT_EQ(refused->status, 401) << refused->body;
  }
  EXPECT_GT(flood.sent(), 64);
}

TEST(TokenThrottling, FullCheckQueueIsAnswered503TemporarilyUnavailable) {
  TestServer server;
  constexpr int kAtOnce = 48;
  std::vector<int> statuses(kAtOnce);
  std::vector<std::string> bodies(kAtOnce);
  std::vector<std::string> retry(kAtOnce);
  {
    std::vector<std::thread> senders;
    for (int i = 0; i < kAtOnce; ++i) {
      senders.emplace_back([&, i] {
        RawConnection conn(server.port());
        auto res = conn.request("POST", kTokenPath, form_headers(),
                                form("ovc_unknown_" + std::to_string(i), "wrong"));
        if (!res) return;
        statuses[static_cast<std::size_t>(i)] = res->status;
        bodies[static_cast<std::size_t>(i)] = res->body;
        retry[static_cast<std::size_t>(i)] = res->header("retry-after");
      });
    }
    for (auto& t : senders) t.join();
  }
  int busy = 0, checked = 0;
  for (int i = 0; i < kAtOnce; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (statuses[k] == 503) {
      ++busy;
      EXPECT_EQ(
          bodies[k],
          R"({"error":"temporarily_unavailable","error_description":"Too many credential checks are waiting. Try again later."})");
      EXPECT_EQ(retry[k], "1");
    } else {
      EXPECT_EQ(statuses[k], 401) << bodies[k];
      ++checked;
    }
  }
  // Eight may wait beside the two running; the rest are told to retry at once.
  EXPECT_GE(busy, kAtOnce - 2 * 12) << checked << " were checked";
  EXPECT_LE(checked, 24);
}

class TokenThrottlingFixed : public ::testing::Test {
 protected:
  TokenThrottlingFixed() : server_(fixed()), known_(server_.add_company()) {}
  static TestServerOptions fixed() {
    TestServerOptions o;
    o.fixed_time = kNow;
    return o;
  }
  HttpResponse token(const std::string& id, const std::string& secret,
                     const std::string& key = "") {
    return http_.request("POST", kTokenPath, form_headers(key), form(id, secret));
  }

  TestServer server_;
  TestCompany known_;
  HttpClient http_ = server_.client();
};

TEST_F(TokenThrottlingFixed, RepeatedFailuresForOneClientIdAreThrottled) {
  auto other = unverified_company(server_);
  for (int i = 0; i < 10; ++i) {
    auto res = token(other.client_id, "wrong secret " + std::to_string(i));
    ASSERT_EQ(res.status, 401) << i << ": " << res.body;
  }
  const double checks = secret_checks(server_);
  auto throttled = token(other.client_id, "wrong secret 10");
  EXPECT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(throttled.header("retry-after"), "60");
  EXPECT_EQ(throttled.header("cache-control"), "no-store");
  EXPECT_EQ(
      throttled.body,
      R"({"error":"temporarily_unavailable","error_description":"Too many failed attempts. Try again in 60 seconds."})");
  // While throttled, not even the right secret costs a check.
  EXPECT_EQ(token(other.client_id, other.client_secret).status, 429);
  EXPECT_EQ(secret_checks(server_), checks);
  // Another client is not affected, nor is a remembered one.
  EXPECT_EQ(token(known_.client_id, known_.client_secret).status, 200);
  // The window ends.
  server_.fixed_clock()->advance(30);
  auto later = token(other.client_id, "wrong");
  EXPECT_EQ(later.status, 429);
  EXPECT_EQ(later.header("retry-after"), "30");
  server_.fixed_clock()->advance(30);
  EXPECT_EQ(token(other.client_id, other.client_secret).status, 200);
}

TEST_F(TokenThrottlingFixed, RepeatedFailuresFromOneAddressAreThrottled) {
  for (int i = 0; i < 30; ++i) {
    auto res = token("ovc_made_up_" + std::to_string(i), "wrong");
    ASSERT_EQ(res.status, 401) << i << ": " << res.body;
  }
  auto throttled = token("ovc_made_up_30", "wrong");
  EXPECT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(throttled.header("retry-after"), "60");
  // A fresh client from the throttled address waits too: it cannot be told from the guesser.
  auto fresh = unverified_company(server_);
  EXPECT_EQ(token(fresh.client_id, fresh.client_secret).status, 429);
  // A client whose secret was verified before is still served at once.
  EXPECT_EQ(token(known_.client_id, known_.client_secret).status, 200);
  server_.fixed_clock()->advance(60);
  EXPECT_EQ(token(fresh.client_id, fresh.client_secret).status, 200);
}

TEST_F(TokenThrottlingFixed, VerifiedSecretIsRememberedUntilTheSecretChanges) {
  const double before = secret_checks(server_);
  ASSERT_GE(before, 1) << "the secret checks are counted (add_company made one)";
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(token(known_.client_id, known_.client_secret).status, 200) << i;
  }
  EXPECT_EQ(secret_checks(server_), before) << "a remembered secret was checked again";
  // HTTP Basic with the same credentials is the same verification.
  auto basic = http_.request(
      "POST", kTokenPath,
      {{"Content-Type", "application/x-www-form-urlencoded"},
       {"Authorization",
        "Basic " + auth::base64_encode(known_.client_id + ":" + known_.client_secret)}},
      "grant_type=client_credentials");
  EXPECT_EQ(basic.status, 200) << basic.body;
  EXPECT_EQ(secret_checks(server_), before);
  // A wrong secret is never taken for the remembered one.
  EXPECT_EQ(token(known_.client_id, known_.client_secret + "x").status, 401);
  // The secret is replaced: once the client cache (5 s) sees it, the old one stops working.
  const std::string replaced = "a brand new secret";
  server_.exec("UPDATE api_clients SET secret_hash = ? WHERE client_id = ?",
               {auth::hash_secret(replaced), known_.client_id});
  server_.fixed_clock()->advance(6);
  EXPECT_EQ(token(known_.client_id, known_.client_secret).status, 401);
  EXPECT_EQ(token(known_.client_id, replaced).status, 200);
  // A disabled client is refused even with a remembered secret.
  server_.exec("UPDATE api_clients SET is_active = 0 WHERE client_id = ?", {known_.client_id});
  server_.fixed_clock()->advance(6);
  auto disabled = token(known_.client_id, replaced);
  EXPECT_EQ(disabled.status, 401) << disabled.body;
}

TEST_F(TokenThrottlingFixed, SubscriptionKeyIsCheckedBeforeAnyHash) {
  auto other = unverified_company(server_);
  const double before = secret_checks(server_);
  ASSERT_GE(before, 1) << "the secret checks are counted (add_company made one)";
  // Another tenant's client with this tenant's key.
  auto foreign = token(other.client_id, other.client_secret, known_.subscription_key);
  EXPECT_EQ(foreign.status, 401);
  EXPECT_EQ(foreign.body,
            R"({"error":"invalid_client","error_description":"Client authentication failed"})");
  // A client id that does not exist, with a valid key.
  EXPECT_EQ(token("ovc_nobody", "secret", known_.subscription_key).status, 401);
  // A key that does not exist.
  auto bad_key = token(other.client_id, other.client_secret, "not-a-key");
  EXPECT_EQ(bad_key.status, 401);
  EXPECT_NE(bad_key.body.find("invalid subscription key"), std::string::npos) << bad_key.body;
  EXPECT_EQ(secret_checks(server_), before) << "a request refused by its key cost a check";
  // The right key: checked once.
  EXPECT_EQ(token(other.client_id, other.client_secret, other.subscription_key).status, 200);
  EXPECT_EQ(secret_checks(server_), before + 1);
}

}  // namespace
}  // namespace ov::test
