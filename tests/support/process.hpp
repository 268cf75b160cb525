// Running the real `openvenio` binary as a child process, for tests that need a separate
// process: killing it, signalling it, or running several servers on one database.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace ov::test {

struct Credentials {
  std::int64_t company_id = 0;
  std::string client_id, client_secret, subscription_key;
};

std::uint16_t free_port();
std::string read_file(const std::filesystem::path& p);
// Runs the binary to completion; returns its standard output, or nullopt unless it exited 0.
std::optional<std::string> run_to_completion(std::vector<std::string> args);
// `openvenio init --demo-data --json` on the database; the new company's credentials.
Credentials init_company(const std::string& db_url);

// `openvenio serve` on a free port; killed on destruction if still running.
class ServerProcess {
 public:
  // `extra`: more serve flags (e.g. the webhook worker's).
  ServerProcess(const std::string& db_url, std::filesystem::path log,
                std::vector<std::string> extra = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  std::string log() const { return read_file(log_); }
  // Polls /healthz until it answers 200; false if the process exited or time ran out.
  bool wait_ready(std::chrono::milliseconds timeout);
  void signal(int sig);
  // The wait status once the process ended, or nullopt if it still runs after `timeout`.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);

 private:
  std::uint16_t port_;
  std::filesystem::path log_;
  int pid_ = -1;
  int status_ = 0;
};

std::string fetch_token(std::uint16_t port, const Credentials& c);
Headers api_headers(const Credentials& c, const std::string& token);
// The feedbackNo of an Add Case 200 response, or "" when there is none.
std::string feedback_no(const HttpResponse& res);

// Numbering across servers: a demo company on a fresh PostgreSQL test database, two servers on
// it, and `threads` clients (alternating between the servers) each sending `per_thread` POSTs
// of `body` to `path`. Returns the numbers found at JSON pointer `number` of the replies
// (e.g. "/data/value/dealNo"), sorted; an answer other than 200 fails the test.
// The business numbers (at JSON pointer `number` of each reply) that `threads` clients get
// POSTing `body` with `headers` to `path` `per_thread` times each, all at once; client `t` talks
// to port `port_of(t)`. Sorted; a request that fails fails the test.
std::vector<std::string> numbers_posted(const std::function<std::uint16_t(int)>& port_of,
                                        const Headers& headers, const std::string& path,
                                        const std::string& body, const char* number, int threads,
                                        int per_thread);
std::vector<std::string> numbers_from_two_servers(const std::string& path, const std::string& body,
                                                  const char* number, int threads, int per_thread);
// Numbers sharing their first `prefix` characters and counting up by one after them.
void expect_consecutive(const std::vector<std::string>& numbers, std::size_t prefix);

}  // namespace ov::test
