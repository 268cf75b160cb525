#include "http/server.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <limits>
#include <mutex>
#include <new>
#include <random>
#include <sstream>
#include <unordered_map>

#include "http/client_address.hpp"
#include "http/request_body.hpp"

namespace ov::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

// X-Request-Id values longer than this, or with other than visible ASCII, are replaced: the id
// goes into every log line.
constexpr std::size_t kMaxRequestIdLength = 128;
// A probe sends its request as soon as it connects; a probe slot held longer is taken from the
// next probe.
constexpr std::chrono::milliseconds kProbeHeaderTimeout{2000};
// How often a body waiting for room in the budget looks again: short against the wait bound,
// long against the cost of a look (one atomic load).
constexpr std::chrono::milliseconds kBudgetPoll{5};
// A connection waiting for its next request reads at most this much at once (its buffer keeps
// the capacity an earlier request needed, at least the minimum): one read holds most requests.
constexpr std::size_t kIdleReadMin = 1024;
constexpr std::size_t kIdleReadMax = 16 * 1024;

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// The Date header every response carries (RFC 9110 §6.6.1), in IMF-fixdate form, formatted once
// a second per thread: "Tue, 01 Dec 2026 10:51:09 GMT".
std::string_view http_date() {
  thread_local std::time_t shown = -1;
  thread_local std::array<char, 29> text{};
  const std::time_t now = std::time(nullptr);
  if (now != shown) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday],
                  tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    std::copy_n(buf.data(), text.size(), text.data());
    shown = now;
  }
  return {text.data(), text.size()};
}

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

Response with_retry_after(Response r) {
  r.headers.emplace_back("Retry-After", "1");
  return r;
}

struct FramingProblem {
  int status;
  std::string_view message;
};

// What RFC 9112 requires of a request's framing that Beast's parser leaves to its user.
std::optional<FramingProblem> framing_problem(const bhttp::request_header<>& h) {
  // §3.2: exactly one Host, valid, on HTTP/1.1; at most one, valid, on HTTP/1.0.
  std::size_t hosts = 0;
  std::string_view host;
  for (auto [it, end] = h.equal_range(bhttp::field::host); it != end; ++it) {
    ++hosts;
    host = it->value();
  }
  if (hosts > 1) return FramingProblem{400, "Duplicate Host header"};
  if (hosts == 0 && h.version() >= 11) return FramingProblem{400, "Missing Host header"};
  if (hosts == 1 && !valid_host_header(host)) return FramingProblem{400, "Invalid Host header"};
  // §6.1, §6.3: Beast frames a body only by a final "chunked" and takes any other coding as
  // "no body", so the body would be read as the next request. The only coding served is a
  // lone "chunked"; anything else is refused and the connection closed.
  auto [te, te_end] = h.equal_range(bhttp::field::transfer_encoding);
  if (te == te_end) return std::nullopt;
  if (h.version() < 11) {
    return FramingProblem{400, "Transfer-Encoding is not allowed in an HTTP/1.0 request"};
  }
  std::size_t codings = 0;
  bool chunked_only = true;
  for (; te != te_end; ++te) {
    for (auto coding : bhttp::token_list{te->value()}) {
      ++codings;
      if (!beast::iequals(coding, "chunked")) chunked_only = false;
    }
  }
  if (codings != 1 || !chunked_only) {
    return FramingProblem{501, "Transfer-Encoding other than chunked is not supported"};
  }
  return std::nullopt;
}

bool is_http_syntax_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_chunk).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
         ec != bhttp::error::need_more && ec != bhttp::error::body_limit;
}

bool out_of_memory(const beast::error_code& ec) {
  return ec == boost::system::errc::make_error_code(boost::system::errc::not_enough_memory);
}

// The most descriptors this process may have: fs.nr_open bounds what setrlimit accepts.
rlim_t descriptor_ceiling() {
  std::ifstream in("/proc/sys/fs/nr_open");
  unsigned long long n = 0;
  if (in >> n && n > 0) return static_cast<rlim_t>(n);
  return 1 << 20;
}

}  // namespace

std::size_t raise_descriptor_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  rlim_t want = limit.rlim_max;
  if (want == RLIM_INFINITY || want > descriptor_ceiling()) want = descriptor_ceiling();
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= want) {
    return static_cast<std::size_t>(limit.rlim_cur == RLIM_INFINITY ? want : limit.rlim_cur);
  }
  const rlim_t before = limit.rlim_cur;
  limit.rlim_cur = want;
  if (setrlimit(RLIMIT_NOFILE, &limit) != 0) return static_cast<std::size_t>(before);
  return static_cast<std::size_t>(want);
}

std::size_t connection_cap_for(std::size_t descriptors) {
  return std::min(descriptors / 8 * 7, kMaxConnectionsCeiling);
}

// Request bodies held in memory across all connections (ServerOptions::body_budget_bytes).
class BodyBudget {
 public:
  explicit BodyBudget(std::size_t capacity) : capacity_(capacity) {}
  bool try_take(std::size_t n) {
    auto used = used_.load(std::memory_order_relaxed);
    do {
      if (n > capacity_ || used > capacity_ - n) return false;
    } while (!used_.compare_exchange_weak(used, used + n, std::memory_order_acq_rel));
    return true;
  }
  void give_back(std::size_t n) { used_.fetch_sub(n, std::memory_order_acq_rel); }
  std::size_t used() const { return used_.load(std::memory_order_relaxed); }
  std::size_t capacity() const { return capacity_; }

 private:
  const std::size_t capacity_;
  std::atomic<std::size_t> used_{0};
};

// One body's share of the budget, given back when the request is done with.
class BudgetLease {
 public:
  BudgetLease() = default;
  BudgetLease(const BudgetLease&) = delete;
  BudgetLease& operator=(const BudgetLease&) = delete;
  ~BudgetLease() {
    if (budget_) budget_->give_back(bytes_);
  }
  void hold(BodyBudget& budget, std::size_t bytes) {
    budget_ = &budget;
    bytes_ = bytes;
  }

 private:
  BodyBudget* budget_ = nullptr;
  std::size_t bytes_ = 0;
};

struct Server::Impl {
  struct Worker;

  struct Connection {
    beast::tcp_stream* stream = nullptr;
    Worker* worker = nullptr;
    asio::ip::address remote;
    bool probe = false;
    // Idle: between requests, with no byte of the next one received. Only an idle connection
    // is closed to make room (or at drain), so no request in progress is cut off. A probe
    // connection is never idle: it does not hold a normal slot.
    bool idle = false;
    // Chosen to make room: it closes even if a request arrives before it learns so (the race
    // every keep-alive close has; a client retries on a fresh connection).
    bool reclaimed = false;
    Connection* older = nullptr;
    Connection* newer = nullptr;
  };

  // One I/O thread: its io_context and its idle connections, oldest first. The list is touched
  // only on the worker's own thread; the count is read by the acceptor.
  struct Worker {
    std::unique_ptr<asio::io_context> ioc;
    Connection* oldest = nullptr;
    Connection* newest = nullptr;
    std::atomic<std::size_t> idle_count{0};

    void mark_idle(Connection& c) {
      if (c.idle) return;
      c.idle = true;
      c.older = newest;
      c.newer = nullptr;
      (newest ? newest->newer : oldest) = &c;
      newest = &c;
      idle_count.fetch_add(1, std::memory_order_relaxed);
    }
    void mark_busy(Connection& c) {
      if (!c.idle) return;
      c.idle = false;
      (c.older ? c.older->newer : oldest) = c.newer;
      (c.newer ? c.newer->older : newest) = c.older;
      c.older = c.newer = nullptr;
      idle_count.fetch_sub(1, std::memory_order_relaxed);
    }
    // Ends the wait of the oldest idle connection; it then closes itself.
    bool close_oldest_idle() {
      Connection* c = oldest;
      if (!c) return false;
      mark_busy(*c);
      c->reclaimed = true;
      beast::error_code ignored;
      c->stream->socket().cancel(ignored);
      return true;
    }
  };

  Impl(ServerOptions o, Dispatcher& d, Server& s)
      : options(std::move(o)), dispatcher(d), owner(s), budget(options.body_budget_bytes) {
    int n = options.threads > 0
                ? options.threads
                : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < n; ++i) {
      auto w = std::make_unique<Worker>();
      w->ioc = std::make_unique<asio::io_context>(1);
      // Asio opens a context's reactor descriptors on its first socket or timer. Done now,
      // so that a connection arriving when descriptors have run out cannot fail there (an
      // error thrown while an operation starts ends the process).
      {
        tcp::socket socket(*w->ioc);
        asio::steady_timer timer(*w->ioc);
      }
      guards.emplace_back(asio::make_work_guard(*w->ioc));
      workers.push_back(std::move(w));
    }
  }

  ~Impl() {
    if (spare_descriptor >= 0) ::close(spare_descriptor);
  }

  ServerOptions options;
  Dispatcher& dispatcher;
  Server& owner;
  BodyBudget budget;
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  std::vector<std::thread> threads;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::atomic<bool> draining{false};
  std::atomic<bool> stopped{false};
  std::size_t next_worker = 0;
  std::size_t cap = 0;
  // Past this many connections, each new one closes the oldest idle connection: room is made
  // before the cap is reached, so a new client is not refused while idle ones hold the slots.
  std::size_t high_water = 0;
  std::atomic<std::size_t> normal_open{0};
  std::atomic<std::size_t> probe_open{0};
  std::atomic<std::size_t> reclaims_pending{0};
  // Held open so that, when accept() fails for want of descriptors, one can be freed to
  // accept the waiting client and answer it 503 instead of leaving it to hang.
  int spare_descriptor = -1;
  std::mutex clients_mutex;
  std::unordered_map<std::string, std::size_t> per_client;

  enum class Slot { kNormal, kProbe, kClientFull, kFull };

  std::size_t idle_total() const {
    std::size_t n = 0;
    for (const auto& w : workers) n += w->idle_count.load(std::memory_order_relaxed);
    return n;
  }

  // Asks the worker holding the most idle connections to close its oldest one. Should that one
  // turn busy first, the newcomer is let in all the same: the cap is exceeded by at most the
  // closes in flight, which the descriptors kept free (an eighth of them) absorb.
  bool reclaim_idle() {
    Worker* most = nullptr;
    std::size_t count = 0;
    for (const auto& w : workers) {
      const auto n = w->idle_count.load(std::memory_order_relaxed);
      if (n > count) {
        count = n;
        most = w.get();
      }
    }
    if (!most || idle_total() <= reclaims_pending.load()) return false;
    reclaims_pending.fetch_add(1);
    asio::post(*most->ioc, [this, most] {
      most->close_oldest_idle();
      reclaims_pending.fetch_sub(1);
    });
    return true;
  }

  Slot take_slot(const std::string& client) {
    if (options.max_connections_per_client > 0) {
      std::lock_guard lock(clients_mutex);
      auto& n = per_client[client];
      if (n >= options.max_connections_per_client) return Slot::kClientFull;
      ++n;
    }
    const auto open = normal_open.load();
    Slot slot = Slot::kNormal;
    if (open >= cap) {
      if (!reclaim_idle()) {
        slot = probe_open.load() < options.probe_connections ? Slot::kProbe : Slot::kFull;
      }
    } else if (open >= high_water) {
      reclaim_idle();
    }
    if (slot == Slot::kFull) {
      release_client(client);
    } else if (slot == Slot::kProbe) {
      probe_open.fetch_add(1);
    } else {
      normal_open.fetch_add(1);
    }
    if (slot != Slot::kFull) owner.open_connections_.fetch_add(1);
    return slot;
  }

  void release_client(const std::string& client) {
    if (options.max_connections_per_client == 0) return;
    std::lock_guard lock(clients_mutex);
    auto it = per_client.find(client);
    if (it != per_client.end() && --it->second == 0) per_client.erase(it);
  }

  void release_slot(const std::string& client, bool probe) {
    release_client(client);
    (probe ? probe_open : normal_open).fetch_sub(1);
    owner.open_connections_.fetch_sub(1);
  }

  // Frees the spare descriptor to accept one waiting client, answers it 503 and closes it.
  void answer_one_without_descriptors() {
    if (spare_descriptor < 0) return;
    ::close(spare_descriptor);
    spare_descriptor = -1;
    beast::error_code ec;
    tcp::socket socket = acceptor->accept(ec);
    if (!ec) {
      // A few hundred bytes fit in any socket's send buffer: written at once, never blocking.
      bhttp::response<bhttp::string_body> res{bhttp::status::service_unavailable, 11};
      res.set(bhttp::field::content_type, "application/json; charset=utf-8");
      res.set(bhttp::field::connection, "close");
      res.set(bhttp::field::retry_after, "1");
      res.body() = gateway_body(503, "Too many open connections. Try again later.");
      res.prepare_payload();
      std::ostringstream bytes;
      bytes << res;
      const auto text = bytes.str();
      socket.non_blocking(true, ec);
      socket.write_some(asio::buffer(text), ec);
      socket.shutdown(tcp::socket::shutdown_both, ec);
      socket.close(ec);
    }
    spare_descriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto& worker = *workers[next_worker];
      next_worker = (next_worker + 1) % workers.size();
      beast::error_code ec;
      auto socket = co_await acceptor->async_accept(*worker.ioc,
                                                    asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (ec == asio::error::operation_aborted || draining) co_return;
        if (ec == asio::error::no_descriptors || ec.value() == ENFILE) {
          const bool had_spare = spare_descriptor >= 0;
          answer_one_without_descriptors();
          if (had_spare) continue;
        }
        // Out of descriptors with no spare, or the like: back off briefly instead of spinning.
        asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::milliseconds(50));
        beast::error_code ignored;
        co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        continue;
      }
      beast::error_code rec;
      const auto remote = socket.remote_endpoint(rec).address();
      if (rec) continue;  // already gone
      std::string client = client_key(remote);
      const Slot slot = take_slot(client);
      const bool served = slot == Slot::kNormal || slot == Slot::kProbe;
      try {
        if (served) {
          asio::co_spawn(*worker.ioc,
                         session(std::move(socket), &worker, remote, client, slot == Slot::kProbe),
                         asio::detached);
        } else {
          asio::co_spawn(*worker.ioc,
                         reject(std::move(socket),
                                slot == Slot::kClientFull
                                    ? "Too many connections from this address. Try again later."
                                    : "Too many open connections. Try again later."),
                         asio::detached);
        }
      } catch (const std::bad_alloc&) {
        // No memory for the connection's coroutine: this client is dropped, the listener
        // goes on.
        if (served) release_slot(client, slot == Slot::kProbe);
      }
    }
  }

  asio::awaitable<void> reject(tcp::socket socket, std::string_view message) {
    beast::tcp_stream stream(std::move(socket));
    bhttp::response<bhttp::string_body> res{bhttp::status::service_unavailable, 11};
    res.set(bhttp::field::content_type, "application/json; charset=utf-8");
    res.set(bhttp::field::connection, "close");
    res.set(bhttp::field::retry_after, "1");
    res.body() = gateway_body(503, message);
    res.prepare_payload();
    stream.expires_after(options.write_timeout);
    beast::error_code ignored;
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ignored));
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

  asio::awaitable<void> write(beast::tcp_stream& stream, const Request& req, Response& r,
                              bool keep_alive, beast::error_code& ec) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), 11};
    res.set(bhttp::field::date, http_date());
    res.set(bhttp::field::content_type, r.content_type);
    if (!req.request_id.empty()) res.set("X-Request-Id", req.request_id);
    for (auto& [k, v] : r.headers) res.set(k, v);
    res.keep_alive(keep_alive);
    stream.expires_after(options.write_timeout);
    if (req.raw.method() == bhttp::verb::head) {
      // The answer to HEAD (never served, so a 404) has the header of the GET answer and no
      // body (RFC 9110 §9.3.2).
      bhttp::response<bhttp::empty_body> header{std::move(res.base())};
      header.content_length(r.body.size());
      co_await bhttp::async_write(stream, header, asio::redirect_error(asio::use_awaitable, ec));
      co_return;
    }
    res.body() = std::move(r.body);
    res.prepare_payload();
    co_await bhttp::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
  }

  // Closes a connection whose request was answered before its body was read: our half first,
  // then the rest of the body is read and dropped within the linger bounds (ServerOptions).
  asio::awaitable<void> linger_close(beast::tcp_stream& stream, beast::flat_buffer& buffer) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) co_return;
    buffer.consume(buffer.size());
    std::array<char, 16 * 1024> scratch;
    std::size_t drained = 0;
    const auto deadline = std::chrono::steady_clock::now() + options.linger_time;
    while (drained < options.linger_bytes && !draining) {
      const auto left = deadline - std::chrono::steady_clock::now();
      if (left <= std::chrono::steady_clock::duration::zero()) break;
      stream.expires_after(
          std::min<std::chrono::steady_clock::duration>(left, options.linger_idle));
      const auto n = co_await stream.async_read_some(asio::buffer(scratch),
                                                     asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;  // the client closed, stopped sending, or the connection broke
      drained += n;
    }
  }

  asio::awaitable<void> session(tcp::socket socket, Worker* worker, asio::ip::address remote,
                                std::string client, bool probe) {
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    beast::tcp_stream stream(std::move(socket));
    Connection conn;
    conn.stream = &stream;
    conn.worker = worker;
    conn.remote = remote;
    conn.probe = probe;
    bool out_of_memory = false;
    {
      beast::flat_buffer buffer;
      try {
        co_await serve_connection(stream, buffer, conn);
      } catch (const std::bad_alloc&) {
        out_of_memory = true;
      } catch (const std::exception& e) {
        spdlog::error("connection ended by an unexpected error: {}", e.what());
      }
    }
    worker->mark_busy(conn);
    if (out_of_memory) {
      // Memory ran out outside any one request's accounting: tell the client to retry rather
      // than drop it unanswered. The answer is a constant, so writing it needs no allocation
      // of its own.
      static constexpr std::string_view kOutOfMemory =
          "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
          "Retry-After: 1\r\nConnection: close\r\nContent-Length: 65\r\n\r\n"
          R"({"statusCode":503,"message":"Server is busy. Try again later."})";
      stream.expires_after(options.write_timeout);
      co_await asio::async_write(stream, asio::buffer(kOutOfMemory),
                                 asio::redirect_error(asio::use_awaitable, ignored));
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
    release_slot(client, probe);
  }

  bool is_probe_request(const Request& req) const {
    if (req.raw.method() != bhttp::verb::get) return false;
    return std::find(options.probe_paths.begin(), options.probe_paths.end(), req.path) !=
           options.probe_paths.end();
  }

  // Waits up to body_budget_wait for `bytes` of room in the body budget.
  asio::awaitable<bool> take_budget(BudgetLease& lease, std::size_t bytes) {
    if (budget.try_take(bytes)) {
      lease.hold(budget, bytes);
      co_return true;
    }
    if (bytes > budget.capacity()) co_return false;
    const auto deadline = std::chrono::steady_clock::now() + options.body_budget_wait;
    asio::steady_timer timer(co_await asio::this_coro::executor);
    while (std::chrono::steady_clock::now() < deadline && !draining) {
      timer.expires_after(kBudgetPoll);
      beast::error_code ignored;
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
      if (budget.try_take(bytes)) {
        lease.hold(budget, bytes);
        co_return true;
      }
    }
    co_return false;
  }

  asio::awaitable<void> serve_connection(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                         Connection& conn) {
    for (;;) {
      if (draining) co_return;
      // One deadline for the wait between requests and the header that follows.
      stream.expires_after(conn.probe ? std::min(options.header_timeout, kProbeHeaderTimeout)
                                      : options.header_timeout);
      if (buffer.size() == 0) {
        // Idle only while nothing of the next request has arrived.
        beast::error_code ec;
        const bool waiting = stream.socket().available(ec) == 0 && !ec;
        if (waiting && !conn.probe) conn.worker->mark_idle(conn);
        const auto want = std::clamp(buffer.capacity(), kIdleReadMin, kIdleReadMax);
        const auto n = co_await stream.async_read_some(
            buffer.prepare(want), asio::redirect_error(asio::use_awaitable, ec));
        conn.worker->mark_busy(conn);
        if (ec || conn.reclaimed) co_return;  // closed, timed out, or closed to make room
        buffer.commit(n);
      }
      bhttp::request_parser<RequestBody> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      // The body limit depends on the route and the caller, known only once the header is
      // read; Beast would reject a too-large Content-Length while parsing the header, so no
      // limit applies until then and the declared length is compared below.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      beast::error_code ec;
      co_await bhttp::async_read_header(stream, buffer, parser,
                                        asio::redirect_error(asio::use_awaitable, ec));
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
      // Declared before the request so that the body's share of the budget is given back only
      // once the body itself is freed.
      BudgetLease lease;
      Request req;
      req.remote = conn.remote;
      auto& head = parser.get();
      auto it = head.find("X-Request-Id");
      req.request_id = it != head.end() && acceptable_request_id(it->value())
                           ? std::string(it->value())
                           : new_request_id();
      std::string_view target = head.target();
      auto q = target.find('?');
      req.path = std::string(target.substr(0, q));
      if (q != std::string_view::npos) req.query = std::string(target.substr(q + 1));
      // The header moves into the request now, so that admission can read it before the body
      // arrives. The parser keeps its framing state (length, chunking, keep-alive) apart from
      // the message and reads the body into its own body object, taken over below.
      req.raw.base() = std::move(head.base());

      Response res;
      bool keep_alive = false;
      bool respond = true;
      co_await handle(stream, buffer, parser, req, lease, conn, res, keep_alive, respond);
      if (!respond) co_return;
      if (draining || conn.probe) keep_alive = false;
      // Answered before the whole body arrived: the connection cannot carry another request.
      const bool unread_body = !parser.is_done();
      if (unread_body) keep_alive = false;
      const int status = res.status;
      beast::error_code wec;
      co_await write(stream, req, res, keep_alive, wec);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      dispatcher.completed(req, status, seconds);
      if (!wec && unread_body) co_await linger_close(stream, buffer);
      if (wec || !keep_alive) co_return;
    }
  }

  // Decides the answer to one request whose header has been read; reads its body when it is
  // to be kept or dropped. `respond` false: the connection is to be dropped unanswered.
  asio::awaitable<void> handle(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                               bhttp::request_parser<RequestBody>& parser, Request& req,
                               BudgetLease& lease, Connection& conn, Response& res,
                               bool& keep_alive, bool& respond) {
    keep_alive = false;
    if (auto problem = framing_problem(req.raw.base())) {
      res = gateway(problem->status, problem->message);
      co_return;
    }
    if (conn.probe && !is_probe_request(req)) {
      res = with_retry_after(gateway(503, "Too many open connections. Try again later."));
      co_return;
    }
    std::size_t limit = dispatcher.prepare(req);
    if (limit == 0) limit = options.max_body_bytes;
    const bool has_body = !parser.is_done();
    const auto declared = parser.content_length();
    const bool expects_continue = beast::iequals(req.header("Expect"), "100-continue");
    Admission admission;
    try {
      admission = co_await dispatcher.admit(req);
    } catch (const std::bad_alloc&) {
      admission.refusal = dispatcher.unavailable(req);
    }
    if (admission.refusal) {
      res = std::move(*admission.refusal);
      keep_alive = parser.keep_alive();
      if (!has_body || !keep_alive) co_return;
      // A small body is read and dropped so the connection can carry the next request; a
      // large one, or one the client holds back for a 100 Continue, is not read at all and
      // the connection is closed after the answer.
      if (expects_continue || (declared && *declared > options.anonymous_body_bytes)) {
        keep_alive = false;
        co_return;
      }
      parser.get().body().discard = true;
      parser.body_limit(options.anonymous_body_bytes);
      stream.expires_after(options.body_timeout);
      beast::error_code ec;
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec) keep_alive = false;
      co_return;
    }
    if (!admission.authenticated) limit = std::min(limit, options.anonymous_body_bytes);
    if (declared && *declared > limit) {
      // The rest of the body is not read, so the connection cannot carry another request.
      res = dispatcher.payload_too_large(req);
      co_return;
    }
    if (has_body) {
      // A chunked body is counted at its limit: its size is known only once it is read.
      const std::size_t reserve = declared ? static_cast<std::size_t>(*declared) : limit;
      if (!co_await take_budget(lease, reserve)) {
        res = dispatcher.unavailable(req);
        co_return;
      }
      beast::error_code ec;
      if (expects_continue) {
        stream.expires_after(options.write_timeout);
        co_await asio::async_write(stream, asio::buffer(kContinue),
                                   asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
          respond = false;
          co_return;
        }
      }
      parser.get().body().limit = limit;
      parser.body_limit(limit);  // enforced chunk by chunk for chunked bodies
      stream.expires_after(options.body_timeout);
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, ec));
      if (ec == bhttp::error::body_limit) {
        res = dispatcher.payload_too_large(req);
        co_return;
      }
      if (out_of_memory(ec)) {
        res = dispatcher.unavailable(req);
        co_return;
      }
      if (is_http_syntax_error(ec)) {
        res = gateway(400, "Malformed request body");
        co_return;
      }
      if (ec) {
        respond = false;  // stalled or broken mid-body: drop the connection
        co_return;
      }
      req.raw.body() = std::move(parser.get().body().text);
    }
    keep_alive = parser.keep_alive();
    res = co_await dispatcher.dispatch(req);
  }
};

Server::Server(ServerOptions options, Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher, *this)) {}

Server::~Server() { drain(std::chrono::milliseconds(0)); }

std::size_t Server::body_bytes_in_use() const { return impl_->budget.used(); }

void Server::start() {
  auto& im = *impl_;
  auto& o = im.options;
  const std::size_t descriptors = raise_descriptor_limit();
  const std::size_t sized = connection_cap_for(descriptors);
  im.cap = o.max_connections > 0 ? std::min(o.max_connections, sized) : sized;
  if (o.max_connections > sized) {
    spdlog::warn("max connections lowered from {} to {}: {} file descriptors are available",
                 o.max_connections, sized, descriptors);
  }
  im.high_water = im.cap - im.cap / 16;
  connection_cap_ = im.cap;
  im.spare_descriptor = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  auto& ioc = *im.workers.front()->ioc;
  tcp::endpoint ep(asio::ip::make_address(o.host), o.port);
  auto acceptor = std::make_unique<tcp::acceptor>(ioc);
  acceptor->open(ep.protocol());
  acceptor->set_option(asio::socket_base::reuse_address(true));
  acceptor->bind(ep);
  acceptor->listen(asio::socket_base::max_listen_connections);
  // The spare-descriptor accept must not wait when no client is there after all.
  acceptor->non_blocking(true);
  port_ = acceptor->local_endpoint().port();
  im.acceptor = std::move(acceptor);
  asio::co_spawn(ioc, im.accept_loop(), asio::detached);
  for (auto& w : im.workers) {
    im.threads.emplace_back([c = w->ioc.get()] { c->run(); });
  }
}

void Server::drain(std::chrono::milliseconds grace) {
  auto& im = *impl_;
  if (im.stopped.exchange(true)) return;
  im.draining = true;
  if (im.acceptor) {
    asio::post(*im.workers.front()->ioc, [&im] {
      beast::error_code ignored;
      im.acceptor->close(ignored);
    });
  }
  // Idle keep-alive connections are closed now; busy ones close after their response.
  auto close_idle = [&im] {
    for (auto& w : im.workers) {
      asio::post(*w->ioc, [w = w.get()] {
        while (w->close_oldest_idle()) {
        }
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
  for (auto& w : im.workers) w->ioc->stop();
  for (auto& t : im.threads) {
    if (t.joinable()) t.join();
  }
}

}  // namespace ov::http
