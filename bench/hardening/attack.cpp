// Load generator for bench/run-hardening: the attacks behind the server's "hard to break"
// bounds (docs/operations.md), at full scale, against a running server. Never part of the test
// suite. Every client connects from a 127.0.0.0/8 address of its own choosing, so the server
// sees as many clients as the attack has.
//
//   openvenio_bench_attack bodies PORT ANONYMOUS AUTHENTICATED BYTES KEY TOKEN
//     ANONYMOUS clients without credentials and AUTHENTICATED ones each send a BYTES body to
//     POST /v3/customers/files at once.
//   openvenio_bench_attack connections PORT CLIENTS PER_CLIENT HOLD_MS KEY TOKEN
//     CLIENTS addresses each open PER_CLIENT connections and send nothing; HOLD_MS later, while
//     they are still held, a further client asks for /healthz and for a case, ten times each.
//   openvenio_bench_attack tokens PORT SENDERS SECONDS KNOWN_ID KNOWN_SECRET KEYED_ID
//                                 KEYED_SECRET KEYED_KEY PLAIN_ID PLAIN_SECRET
//     SENDERS addresses send token requests with made-up client ids for SECONDS; meanwhile,
//     every 500 ms, one legitimate request each for a client verified before (KNOWN), a client
//     never verified that sends its subscription key (KEYED) and one that sends none (PLAIN).
//
// Prints one "name value" line per figure.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The i-th client address: 127.0.0.10 and up, then 127.0.1.x and so on.
std::string source_address(int i) {
  return "127.0." + std::to_string(i / 240) + "." + std::to_string(10 + i % 240);
}

// A connection from `source` to 127.0.0.1:port, or -1 (not connected within timeout_ms).
int connect_from(const std::string& source, int port, int timeout_ms) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  sockaddr_in local{};
  local.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &local.sin_addr);
  sockaddr_in remote{};
  remote.sin_family = AF_INET;
  remote.sin_port = htons(static_cast<std::uint16_t>(port));
  remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
    ::close(fd);
    return -1;
  }
  if (::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
    if (errno != EINPROGRESS) {
      ::close(fd);
      return -1;
    }
    pollfd p{fd, POLLOUT, 0};
    int err = 0;
    socklen_t len = sizeof err;
    if (::poll(&p, 1, timeout_ms) != 1 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 ||
        err != 0) {
      ::close(fd);
      return -1;
    }
  }
  return fd;
}

bool send_all(int fd, const char* data, std::size_t size, int timeout_ms) {
  const auto start = Clock::now();
  while (size > 0) {
    const auto n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n > 0) {
      data += n;
      size -= static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
    const int left = timeout_ms - static_cast<int>(ms_since(start));
    pollfd p{fd, POLLOUT, 0};
    if (left <= 0 || ::poll(&p, 1, left) != 1) return false;
  }
  return true;
}

// The status of the next response (its header and Content-Length body read), or 0 when none
// came within timeout_ms.
int read_status(int fd, int timeout_ms) {
  const auto start = Clock::now();
  std::string got;
  char buf[16384];
  std::size_t header_end = std::string::npos, need = 0;
  for (;;) {
    if (header_end != std::string::npos && got.size() >= need) break;
    const int left = timeout_ms - static_cast<int>(ms_since(start));
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, left) != 1) return 0;
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    got.append(buf, static_cast<std::size_t>(n));
    if (header_end == std::string::npos) {
      header_end = got.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        std::size_t length = 0;
        auto at = got.find("Content-Length: ");
        if (at != std::string::npos && at < header_end)
          length = std::strtoul(got.c_str() + at + 16, nullptr, 10);
        need = header_end + 4 + length;
      }
    }
  }
  if (got.size() < 12 || got.compare(0, 5, "HTTP/") != 0) return 0;
  return std::atoi(got.c_str() + 9);
}

// One request on a fresh connection from `source`: the status (0 without an answer).
int request_from(const std::string& source, int port, const std::string& bytes, int timeout_ms) {
  int fd = connect_from(source, port, timeout_ms);
  if (fd < 0) return 0;
  int status =
      send_all(fd, bytes.data(), bytes.size(), timeout_ms) ? read_status(fd, timeout_ms) : 0;
  ::close(fd);
  return status;
}

std::string request(const std::string& method, const std::string& target,
                    const std::vector<std::string>& headers, const std::string& body) {
  std::string out = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& h : headers) out += h + "\r\n";
  if (!body.empty() || method == "POST")
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  return out + "\r\n" + body;
}

std::vector<std::string> api_headers(const std::string& key, const std::string& token) {
  return {"Ocp-Apim-Subscription-Key: " + key, "Authorization: Bearer " + token};
}

std::string token_form(const std::string& id, const std::string& secret) {
  return "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret;
}

void raise_descriptor_limit() {
  rlimit l{};
  if (getrlimit(RLIMIT_NOFILE, &l) == 0 && l.rlim_cur < l.rlim_max) {
    l.rlim_cur = l.rlim_max;
    setrlimit(RLIMIT_NOFILE, &l);
  }
}

struct Tally {
  std::mutex m;
  std::map<int, int> by_status;
  void add(int status) {
    std::lock_guard lock(m);
    ++by_status[status];
  }
  void print(const std::string& name) {
    std::lock_guard lock(m);
    for (const auto& [status, n] : by_status)
      std::printf("%s_status_%d %d\n", name.c_str(), status, n);
  }
};

struct Latencies {
  std::vector<double> ms;
  std::map<int, int> by_status;
  void print(const std::string& name) {
    if (ms.empty()) return;
    std::printf("%s_first_ms %.1f\n", name.c_str(), ms.front());
    std::sort(ms.begin(), ms.end());
    std::printf("%s_p50_ms %.1f\n%s_max_ms %.1f\n", name.c_str(), ms[ms.size() / 2], name.c_str(),
                ms.back());
    for (const auto& [status, n] : by_status)
      std::printf("%s_status_%d %d\n", name.c_str(), status, n);
  }
};

int bodies(int port, int anonymous, int authenticated, std::size_t bytes, const std::string& key,
           const std::string& token) {
  const std::string body(bytes, 'x');
  auto head = [&](bool with_credentials) {
    std::string h =
        "POST /v3/customers/files HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        "application/json\r\n";
    if (with_credentials) {
      for (const auto& line : api_headers(key, token)) h += line + "\r\n";
    }
    return h + "Content-Length: " + std::to_string(bytes) + "\r\n\r\n";
  };
  const std::string anon = head(false), authed = head(true);
  Tally anon_tally, auth_tally;
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int i = 0; i < anonymous + authenticated; ++i) {
    const bool with_credentials = i >= anonymous;
    threads.emplace_back([&, i, with_credentials] {
      int fd = connect_from(source_address(i), port, 10000);
      int status = 0;
      if (fd >= 0) {
        const auto& h = with_credentials ? authed : anon;
        // A server that answers from the header may close before the body is through; the
        // answer is read either way.
        if (send_all(fd, h.data(), h.size(), 30000)) send_all(fd, body.data(), body.size(), 60000);
        status = read_status(fd, 60000);
        ::close(fd);
      }
      (with_credentials ? auth_tally : anon_tally).add(status);
    });
  }
  for (auto& t : threads) t.join();
  std::printf("bodies_elapsed_ms %.0f\n", ms_since(start));
  anon_tally.print("anonymous");
  auth_tally.print("authenticated");
  return 0;
}

int connections(int port, int clients, int per_client, int hold_ms, const std::string& key,
                const std::string& token) {
  std::vector<int> fds;
  int failed = 0;
  const auto start = Clock::now();
  for (int c = 0; c < clients; ++c) {
    const auto source = source_address(c);
    for (int i = 0; i < per_client; ++i) {
      int fd = connect_from(source, port, 2000);
      if (fd < 0) {
        ++failed;
      } else {
        fds.push_back(fd);
      }
    }
  }
  std::printf("connections_opened %zu\nconnections_not_opened %d\nopen_ms %.0f\n", fds.size(),
              failed, ms_since(start));
  std::fflush(stdout);
  std::this_thread::sleep_for(std::chrono::milliseconds(hold_ms));
  // While they are held: a newcomer from an address of its own.
  const auto newcomer = source_address(clients + 1);
  Latencies health, api;
  const auto health_request = request("GET", "/healthz", {}, "");
  const auto api_request = request("GET", "/v1/case/T250200010", api_headers(key, token), "");
  for (int i = 0; i < 10; ++i) {
    auto t = Clock::now();
    int s = request_from(newcomer, port, health_request, 10000);
    health.ms.push_back(ms_since(t));
    ++health.by_status[s];
    t = Clock::now();
    s = request_from(newcomer, port, api_request, 10000);
    api.ms.push_back(ms_since(t));
    ++api.by_status[s];
  }
  health.print("healthz");
  api.print("api");
  // What the server did with them: answered 503 (refused), closed (made room), or kept.
  int refused = 0, closed = 0, kept = 0;
  for (int fd : fds) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) == 1) {
      char buf[64];
      const auto n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
      if (n >= 12 && std::strncmp(buf + 9, "503", 3) == 0) {
        ++refused;
      } else {
        ++closed;
      }
    } else {
      ++kept;
    }
    ::close(fd);
  }
  std::printf("held_refused_503 %d\nheld_closed_by_server %d\nheld_kept %d\n", refused, closed,
              kept);
  return 0;
}

int tokens(int port, int senders, int seconds, const std::vector<std::string>& c) {
  const std::string &known_id = c[0], &known_secret = c[1], &keyed_id = c[2], &keyed_secret = c[3],
                    &keyed_key = c[4], &plain_id = c[5], &plain_secret = c[6];
  std::atomic<bool> stop{false};
  Tally flood;
  std::atomic<long> sent{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < senders; ++i) {
    threads.emplace_back([&, i] {
      const auto source = source_address(i);
      for (long n = 0; !stop; ++n) {
        const auto bytes = request(
            "POST", "/authorization/connect/token",
            {"Content-Type: application/x-www-form-urlencoded"},
            token_form("ovc_guess_" + std::to_string(i) + "_" + std::to_string(n), "wrong"));
        const int status = request_from(source, port, bytes, 20000);
        flood.add(status);
        ++sent;
        if (status == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    });
  }
  // Let the flood fill the queue first.
  std::this_thread::sleep_for(std::chrono::seconds(1));
  Latencies known, keyed, plain;
  const auto legit = source_address(senders + 1);
  const auto form_type = std::string("Content-Type: application/x-www-form-urlencoded");
  const auto end = Clock::now() + std::chrono::seconds(seconds);
  while (Clock::now() < end) {
    const auto tick = Clock::now();
    auto measure = [&](Latencies& l, const std::vector<std::string>& headers,
                       const std::string& form) {
      const auto t = Clock::now();
      const int s = request_from(
          legit, port, request("POST", "/authorization/connect/token", headers, form), 20000);
      l.ms.push_back(ms_since(t));
      ++l.by_status[s];
    };
    measure(known, {form_type}, token_form(known_id, known_secret));
    measure(keyed, {form_type, "Ocp-Apim-Subscription-Key: " + keyed_key},
            token_form(keyed_id, keyed_secret));
    measure(plain, {form_type}, token_form(plain_id, plain_secret));
    std::this_thread::sleep_until(tick + std::chrono::milliseconds(500));
  }
  stop = true;
  for (auto& t : threads) t.join();
  std::printf("flood_requests %ld\n", sent.load());
  flood.print("flood");
  known.print("remembered");
  keyed.print("keyed");
  plain.print("unkeyed");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  raise_descriptor_limit();
  const std::vector<std::string> a(argv + 1, argv + argc);
  auto i = [&](std::size_t n) { return std::atoi(a.at(n).c_str()); };
  try {
    if (a.size() == 7 && a[0] == "bodies") {
      return bodies(i(1), i(2), i(3), std::strtoull(a[4].c_str(), nullptr, 10), a[5], a[6]);
    }
    if (a.size() == 7 && a[0] == "connections")
      return connections(i(1), i(2), i(3), i(4), a[5], a[6]);
    if (a.size() == 11 && a[0] == "tokens") {
      return tokens(i(1), i(2), i(3), std::vector<std::string>(a.begin() + 4, a.end()));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: see the comment at the top of bench/hardening/attack.cpp\n");
  return 2;
}
