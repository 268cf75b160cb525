// The HTTP/1.1 listener: keep-alive, pipelining, one io_context per I/O thread, and the
// explicit bounds every connection lives within.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/message.hpp"

namespace ov::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 → an ephemeral port (tests)
  int threads = 0;            // 0 → one per core
  // 5 MiB, as ENDPOINTS.md §1.4 sets for request bodies; a route may allow more.
  std::size_t max_body_bytes = 5 * 1024 * 1024;
  // Bodies up to this size are read before, or without, credentials: a token form, a body on a
  // public route, and the body of a refused request, which is read and dropped so that the
  // connection stays usable. Anything larger is read only for an authenticated route; a refused
  // request with a larger body is answered at once and its connection closed. 64 KiB holds any
  // form or probe body many times over and bounds what an anonymous connection can make the
  // server read.
  std::size_t anonymous_body_bytes = 64 * 1024;
  // Request bodies held in memory at once, across all connections. A body is counted from
  // before it is read (its Content-Length, or its route's limit when chunked) until its
  // response is written. 256 MiB lets eight 32 MiB uploads or fifty 5 MiB bodies run together
  // and keeps the process far below the memory of any host it runs on; past it, further bodies
  // wait up to body_budget_wait, then are answered 503 with Retry-After.
  std::size_t body_budget_bytes = 256 * 1024 * 1024;
  // How long a body waits for room in the budget: long enough to ride out a burst of uploads,
  // short enough that the client is told to retry well before its own timeout.
  std::chrono::milliseconds body_budget_wait{2000};
  // Request line + headers. 16 KiB holds a bearer token, a subscription key and every header a
  // client library sends, with room to spare; more is an abuse of memory.
  std::size_t max_header_bytes = 16 * 1024;
  // A connection that opened but sent no complete header within this time is dropped; also
  // the idle time allowed between keep-alive requests.
  std::chrono::milliseconds header_timeout{30000};
  // Time to receive a body once its header arrived: a 5 MiB body needs well under this on any
  // link a CRM integration runs on; a client that stalls mid-body is dropped.
  std::chrono::milliseconds body_timeout{60000};
  // Time to write a response to a client that has stopped reading.
  std::chrono::milliseconds write_timeout{30000};
  // A request answered before its body was read (413, a refusal, a full budget) is closed only
  // after the rest of the body has been read and dropped, so that a client still sending sees
  // the answer rather than a reset (a close with unread data sends RST, and clients that write
  // the whole body before reading fail with EPIPE). The drain stops at whichever bound comes
  // first: 64 MiB (a dozen times the body limit: any client that overshot it by mistake is done
  // by then), 10 s in all, or 2 s without a byte (the client has stopped sending).
  std::size_t linger_bytes = 64 * 1024 * 1024;
  std::chrono::milliseconds linger_time{10000};
  std::chrono::milliseconds linger_idle{2000};
  // Open connections beyond this are answered 503 and closed: each costs buffers and a file
  // descriptor. 0 → sized from the descriptor limit (connection_cap_for); a larger value is
  // lowered to that size, since past it accept() fails and new clients would hang unanswered.
  std::size_t max_connections = 0;
  // Connections one client (an IPv4 address, or an IPv6 /64) may hold; past it a new one is
  // answered 503 and closed. 256 is more than any integrator's connection pool, and well under
  // the cap, so one client cannot take every connection. 0 → no limit (behind a reverse proxy
  // every connection comes from the proxy's address).
  std::size_t max_connections_per_client = 256;
  // Connections kept apart for health probes once the cap is reached: each serves one request
  // for a probe path, any other request on it is answered 503. 16 lets several load balancers
  // and orchestrators probe at once.
  std::size_t probe_connections = 16;
  // GET requests for these paths may use a probe connection.
  std::vector<std::string> probe_paths{"/healthz", "/readyz"};
  // Log one line per request.
  bool access_log = true;
};

// How the application answers a request from its header, before any body is read.
struct Admission {
  // Set: the request is refused with this response; its body is not kept.
  std::optional<Response> refusal;
  // The caller presented valid credentials for a protected route: only then may a body be
  // larger than ServerOptions::anonymous_body_bytes.
  bool authenticated = false;
};

// What the server asks of the application. For each request, in this order: prepare (from the
// header), admit (from the header), then the body is read, then dispatch.
class Dispatcher {
 public:
  virtual ~Dispatcher() = default;
  // Fills in route-dependent fields of `req` (path params, route name) from its header and
  // returns the body limit for it (0 → the server default).
  virtual std::size_t prepare(Request& req) = 0;
  // Route, subscription key and bearer token, from the header alone.
  virtual boost::asio::awaitable<Admission> admit(Request& req) = 0;
  // Runs an admitted request whose body, if any, has been read.
  virtual boost::asio::awaitable<Response> dispatch(Request& req) = 0;
  // The body to answer a request whose body exceeds its limit (HTTP 413).
  virtual Response payload_too_large(const Request& req) = 0;
  // The body to answer a request the server cannot take now (HTTP 503: the body budget is
  // spent, or memory for it could not be had), in the route's envelope.
  virtual Response unavailable(const Request& req) = 0;
  // Called once per request after its response was written.
  virtual void completed(const Request& req, int status, double seconds) = 0;
};

// Raises this process's soft RLIMIT_NOFILE to its hard limit (at most fs.nr_open) and returns
// the soft limit in force afterwards.
std::size_t raise_descriptor_limit();
// The connections a server may hold with `descriptors` file descriptors: seven eighths of them
// (the rest stays free for database files, the PostgreSQL pool, logs and probe connections),
// at most kMaxConnectionsCeiling.
std::size_t connection_cap_for(std::size_t descriptors);
// An idle connection costs about 5 KiB of the process's memory (bench/run-hardening), plus the
// kernel's socket buffers: 100 000 of them stay near half a gigabyte.
inline constexpr std::size_t kMaxConnectionsCeiling = 100000;

class Server {
 public:
  Server(ServerOptions options, Dispatcher& dispatcher);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the I/O threads. Throws on bind failure.
  void start();
  std::uint16_t port() const { return port_; }
  // Stops accepting, lets in-flight requests finish (up to `grace`), closes idle keep-alive
  // connections, then stops the threads. Safe to call from any thread, once or more.
  void drain(std::chrono::milliseconds grace);
  std::size_t open_connections() const { return open_connections_.load(); }
  // The connection cap in force once started (ServerOptions::max_connections, as sized).
  std::size_t connection_cap() const { return connection_cap_; }
  // Bytes of request bodies held now (ServerOptions::body_budget_bytes bounds it).
  std::size_t body_bytes_in_use() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
  std::atomic<std::size_t> open_connections_{0};
  std::size_t connection_cap_ = 0;
};

}  // namespace ov::http
