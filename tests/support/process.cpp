#include "support/process.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <rapidjson/pointer.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

std::uint16_t free_port() {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor a(
      ioc, {boost::asio::ip::make_address("127.0.0.1"), static_cast<std::uint16_t>(0)});
  return a.local_endpoint().port();
}

namespace {

std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (auto& a : args) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::optional<std::string> run_to_completion(std::vector<std::string> args) {
  int out[2];
  if (pipe(out) != 0) return std::nullopt;
  auto argv = argv_of(args);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string text;
  char buf[4096];
  for (;;) {
    auto n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return text;
}

Credentials init_company(const std::string& db_url) {
  Credentials c;
  auto out = run_to_completion(
      {OPENVENIO_BIN, "init", "--db", db_url, "--company", "D", "--demo-data", "--json"});
  EXPECT_TRUE(out) << "openvenio init failed";
  if (!out) return c;
  rapidjson::Document doc;
  doc.Parse(out->c_str(), out->size());
  EXPECT_FALSE(doc.HasParseError()) << "init --json printed: " << *out;
  if (doc.HasParseError() || !doc.IsObject()) return c;
  c.company_id = doc["companyId"].GetInt64();
  c.client_id = doc["clientId"].GetString();
  c.client_secret = doc["clientSecret"].GetString();
  c.subscription_key = doc["subscriptionKey"].GetString();
  return c;
}

ServerProcess::ServerProcess(const std::string& db_url, fs::path log,
                             std::vector<std::string> extra)
    : port_(free_port()), log_(std::move(log)) {
  std::vector<std::string> args{OPENVENIO_BIN, "serve",    "--db",
                                db_url,        "--listen", "127.0.0.1:" + std::to_string(port_),
                                "--threads",   "2",        "--access-log",
                                "false"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto argv = argv_of(args);
  const std::string log_path = log_.string();
  pid_ = fork();
  if (pid_ == 0) {
    int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

bool ServerProcess::wait_ready(milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (waitpid(pid_, &status_, WNOHANG) == pid_) {
      pid_ = -1;
      return false;
    }
    try {
      RawConnection conn(port_);
      auto res = conn.request("GET", "/healthz");
      if (res && res->status == 200) return true;
    } catch (const std::exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
  return false;
}

void ServerProcess::signal(int sig) { kill(pid_, sig); }

std::optional<int> ServerProcess::wait_exit(milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (pid_ > 0) {
    if (waitpid(pid_, &status_, WNOHANG) == pid_) {
      pid_ = -1;
      break;
    }
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(milliseconds(10));
  }
  return status_;
}

std::string fetch_token(std::uint16_t port, const Credentials& c) {
  RawConnection conn(port);
  auto res = conn.request("POST", "/authorization/connect/token",
                          {{"Content-Type", "application/x-www-form-urlencoded"}},
                          "grant_type=client_credentials&client_id=" + c.client_id +
                              "&client_secret=" + c.client_secret);
  EXPECT_TRUE(res && res->status == 200) << (res ? res->body : conn.last_error().message());
  if (!res || res->status != 200) return {};
  auto doc = res->json();
  return doc.IsObject() && doc.HasMember("access_token") ? doc["access_token"].GetString() : "";
}

Headers api_headers(const Credentials& c, const std::string& token) {
  return {{"Ocp-Apim-Subscription-Key", c.subscription_key},
          {"Authorization", "Bearer " + token},
          {"Content-Type", "application/json"}};
}

std::string feedback_no(const HttpResponse& res) {
  rapidjson::Document doc;
  doc.Parse(res.body.c_str(), res.body.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("data")) return {};
  const auto& outer = doc["data"];
  if (!outer.IsObject() || !outer.HasMember("data") || !outer["data"].IsObject()) return {};
  const auto& c = outer["data"];
  if (!c.HasMember("feedbackNo") || !c["feedbackNo"].IsString()) return {};
  return c["feedbackNo"].GetString();
}

std::vector<std::string> numbers_from_two_servers(const std::string& path, const std::string& body,
                                                  const char* number, int threads, int per_thread) {
  TestDatabase db;
  TempDir logs;
  const Credentials creds = init_company(db.url());
  EXPECT_NE(creds.company_id, 0);
  ServerProcess a(db.url(), logs.path() / "a.log");
  ServerProcess b(db.url(), logs.path() / "b.log");
  EXPECT_TRUE(a.wait_ready(std::chrono::milliseconds(15000))) << a.log();
  EXPECT_TRUE(b.wait_ready(std::chrono::milliseconds(15000))) << b.log();
  const auto headers = api_headers(creds, fetch_token(a.port(), creds));
  return numbers_posted([&](int t) { return t % 2 ? a.port() : b.port(); }, headers, path, body,
                        number, threads, per_thread);
}

std::vector<std::string> numbers_posted(const std::function<std::uint16_t(int)>& port_of,
                                        const Headers& headers, const std::string& path,
                                        const std::string& body, const char* number, int threads,
                                        int per_thread) {
  std::mutex mutex;
  std::vector<std::string> numbers, failures;
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t) {
    clients.emplace_back([&, t] {
      HttpClient client("127.0.0.1", port_of(t));
      for (int i = 0; i < per_thread; ++i) {
        auto res = client.request("POST", path, headers, body);
        std::lock_guard lock(mutex);
        const auto doc = res.json();
        const auto* v = rapidjson::Pointer(number).Get(doc);
        if (res.status == 200 && v && v->IsString()) {
          numbers.emplace_back(v->GetString());
        } else {
          failures.push_back(res.body);
        }
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_TRUE(failures.empty()) << failures.front();
  std::sort(numbers.begin(), numbers.end());
  return numbers;
}

void expect_consecutive(const std::vector<std::string>& numbers, std::size_t prefix) {
  ASSERT_FALSE(numbers.empty());
  const std::string period = numbers.front().substr(0, prefix);
  const auto first = std::stoll(numbers.front().substr(prefix));
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    ASSERT_EQ(numbers[i].substr(0, prefix), period);
    ASSERT_EQ(std::stoll(numbers[i].substr(prefix)), first + static_cast<long long>(i));
  }
}

}  // namespace ov::test
