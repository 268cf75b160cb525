#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <limits>
#include <mutex>
#include <random>
#include <unordered_set>

namespace ov::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

// X-Request-Id values longer than this, or with other than visible ASCII, are replaced: the id
// goes into every log line.
constexpr std::size_t kMaxRequestIdLength = 128;

bool acceptable_request_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxRequestIdLength) return false;
  for (unsigned char c : id) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

std::string new_request_id() {
  // A random per-thread prefix and a counter: unique without a syscall per request.
  thread_local std::uint64_t prefix =
      std::random_device{}() ^ (std::uint64_t{std::random_device{}()} << 32);
  thread_local std::uint64_t counter = 0;
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%016llx-%08llx", static_cast<unsigned long long>(prefix),
                        static_cast<unsigned long long>(++counter));
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace

struct Server::Impl {
  struct Connection {
    beast::tcp_stream* stream;
    bool idle = true;
    asio::io_context* ioc;
  };

  Impl(ServerOptions o, Dispatcher& d, Server& s) : options(std::move(o)), dispatcher(d), owner(s) {
    int n = options.threads > 0
                ? options.threads
                : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < n; ++i) {
      contexts.push_back(std::make_unique<asio::io_context>(1));
      guards.emplace_back(asio::make_work_guard(*contexts.back()));
    }
  }

  ServerOptions options;
  Dispatcher& dispatcher;
  Server& owner;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  std::vector<std::thread> threads;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::atomic<bool> draining{false};
  std::atomic<bool> stopped{false};
  std::mutex connections_mutex;
  std::unordered_set<Connection*> connections;
  std::size_t next_context = 0;

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto& ioc = *contexts[next_context];
      next_context = (next_context + 1) % contexts.size();
      beast::error_code ec;
      auto socket =
          co_await acceptor->async_accept(ioc, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (ec == asio::error::operation_aborted || draining) co_return;
        // Out of descriptors and the like: back off briefly instead of spinning.
        asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::milliseconds(50));
        beast::error_code ignored;
        co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        continue;
      }
      if (owner.open_connections_.load() >= options.max_connections) {
        asio::co_spawn(ioc, reject_overloaded(std::move(socket)), asio::detached);
        continue;
      }
      owner.open_connections_.fetch_add(1);
      asio::co_spawn(ioc, session(std::move(socket), &ioc), asio::detached);
    }
  }

  asio::awaitable<void> reject_overloaded(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    bhttp::response<bhttp::string_body> res{bhttp::status::service_unavailable, 11};
    res.set(bhttp::field::content_type, "application/json; charset=utf-8");
    res.set(bhttp::field::connection, "close");
    res.set(bhttp::field::retry_after, "1");
    res.body() = gateway_body(503, "Too many open connections. Try again later.");
    res.prepare_payload();
    stream.expires_after(options.write_timeout);
    beast::error_code ignored;
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ignored));
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

  asio::awaitable<void> write(beast::tcp_stream& stream, const Request& req, Response& r,
                              bool keep_alive, beast::error_code& ec) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), 11};
    res.set(bhttp::field::content_type, r.content_type);
    if (!req.request_id.empty()) res.set("X-Request-Id", req.request_id);
    for (auto& [k, v] : r.headers) res.set(k, v);
    res.keep_alive(keep_alive);
    res.body() = std::move(r.body);
    res.prepare_payload();
    stream.expires_after(options.write_timeout);
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
  }

  asio::awaitable<void> session(tcp::socket socket, asio::io_context* ioc) {
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    beast::tcp_stream stream(std::move(socket));
    Connection conn{&stream, true, ioc};
    {
      std::lock_guard lock(connections_mutex);
      connections.insert(&conn);
    }
    beast::flat_buffer buffer;
    try {
      co_await serve_connection(stream, buffer, conn);
    } catch (const std::exception& e) {
      spdlog::error("connection ended by an unexpected error: {}", e.what());
    }
    {
      std::lock_guard lock(connections_mutex);
      connections.erase(&conn);
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
    owner.open_connections_.fetch_sub(1);
  }

  asio::awaitable<void> serve_connection(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                         Connection& conn) {
    for (;;) {
      conn.idle = true;
      if (draining) co_return;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      // The body limit depends on the route, known only once the header is read; Beast would
      // reject a too-large Content-Length while parsing the header, so no limit applies until
      // then and the declared length is compared below.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(options.header_timeout);
      beast::error_code ec;
      co_await bhttp::async_read_header(stream, buffer, parser,
                                        asio::redirect_error(asio::use_awaitable, ec));
      conn.idle = false;
      if (ec) {
        if (ec == bhttp::error::header_limit) {
          Request none;
          auto r = gateway(431, "Request header fields too large");
          beast::error_code wec;
          co_await write(stream, none, r, false, wec);
        } else if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout &&
                   ec != asio::error::eof && ec != asio::error::connection_reset &&
                   ec != asio::error::operation_aborted && ec != asio::error::bad_descriptor) {
          Request none;
          auto r = gateway(400, "Bad request");
          beast::error_code wec;
          co_await write(stream, none, r, false, wec);
        }
        co_return;
      }
      const auto started = std::chrono::steady_clock::now();
      Request req;
      auto& head = parser.get();
      auto it = head.find("X-Request-Id");
      req.request_id = it != head.end() && acceptable_request_id(it->value())
                           ? std::string(it->value())
                           : new_request_id();
      std::string_view target = head.target();
      auto q = target.find('?');
      req.path = std::string(target.substr(0, q));
      if (q != std::string_view::npos) req.query = std::string(target.substr(q + 1));
      req.raw.method(head.method());
      std::size_t limit = dispatcher.prepare(req);
      if (limit == 0) limit = options.max_body_bytes;
      bool too_large = parser.content_length() && *parser.content_length() > limit;
      if (!too_large && !parser.is_done()) {
        parser.body_limit(limit);  // enforced chunk by chunk for chunked bodies
        stream.expires_after(options.body_timeout);
        beast::error_code bec;
        co_await bhttp::async_read(stream, buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, bec));
        if (bec == bhttp::error::body_limit) {
          too_large = true;
        } else if (bec) {
          co_return;  // stalled or broken mid-body: drop the connection
        }
      }
      Response res;
      bool keep_alive = false;
      if (too_large) {
        // The rest of the body is not read, so the connection cannot carry another request.
        res = dispatcher.payload_too_large(req);
      } else {
        req.raw = parser.release();
        keep_alive = req.raw.keep_alive();
        res = co_await dispatcher.dispatch(req);
      }
      if (draining) keep_alive = false;
      const int status = res.status;
      beast::error_code wec;
      co_await write(stream, req, res, keep_alive, wec);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      dispatcher.completed(req, status, seconds);
      if (wec || !keep_alive) co_return;
    }
  }
};

Server::Server(ServerOptions options, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher, *this)) {}

Server::~Server() { drain(std::chrono::milliseconds(0)); }

void Server::start() {
  auto& o = impl_->options;
  auto& ioc = *impl_->contexts.front();
  tcp::endpoint ep(asio::ip::make_address(o.host), o.port);
  auto acceptor = std::make_unique<tcp::acceptor>(ioc);
  acceptor->open(ep.protocol());
  acceptor->set_option(asio::socket_base::reuse_address(true));
  acceptor->bind(ep);
  acceptor->listen(asio::socket_base::max_listen_connections);
  port_ = acceptor->local_endpoint().port();
  impl_->acceptor = std::move(acceptor);
  asio::co_spawn(ioc, impl_->accept_loop(), asio::detached);
  for (auto& ctx : impl_->contexts) {
    impl_->threads.emplace_back([c = ctx.get()] { c->run(); });
  }
}

void Server::drain(std::chrono::milliseconds grace) {
  auto& im = *impl_;
  if (im.stopped.exchange(true)) return;
  im.draining = true;
  if (im.acceptor) {
    asio::post(*im.contexts.front(), [&im] {
      beast::error_code ignored;
      im.acceptor->close(ignored);
    });
  }
  // Idle keep-alive connections are closed now; busy ones close after their response.
  auto close_idle = [&im] {
    std::lock_guard lock(im.connections_mutex);
    for (auto* c : im.connections) {
      asio::post(*c->ioc, [&im, c] {
        std::lock_guard inner(im.connections_mutex);
        if (im.connections.count(c) && c->idle) c->stream->socket().cancel();
      });
    }
  };
  close_idle();
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (open_connections_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    close_idle();
  }
  im.guards.clear();
  for (auto& ctx : im.contexts) ctx->stop();
  for (auto& t : im.threads) {
    if (t.joinable()) t.join();
  }
}

}  // namespace ov::http
