// The HTTP/1.1 listener: keep-alive, pipelining, one io_context per I/O thread, and the
// explicit bounds every connection lives within.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
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
  // Open connections beyond this are answered 503 and closed: each costs buffers and a file
  // descriptor, and the default leaves headroom under a 65 536 descriptor limit.
  std::size_t max_connections = 10000;
  // Log one line per request.
  bool access_log = true;
};

// What the server asks of the application.
class Dispatcher {
 public:
  virtual ~Dispatcher() = default;
  // Fills in route-dependent fields of `req` (path params, route name) from its header and
  // returns the body limit for it (0 → the server default).
  virtual std::size_t prepare(Request& req) = 0;
  virtual boost::asio::awaitable<Response> dispatch(Request& req) = 0;
  // The body to answer a request whose body exceeds its limit (HTTP 413).
  virtual Response payload_too_large(const Request& req) = 0;
  // Called once per request after its response was written.
  virtual void completed(const Request& req, int status, double seconds) = 0;
};

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

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
  std::atomic<std::size_t> open_connections_{0};
};

}  // namespace ov::http
