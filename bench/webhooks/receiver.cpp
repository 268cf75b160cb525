// The webhook receiver of bench/run-webhooks: answers every POST 204 at once and records, per
// request, the time from the message's creation (the millisecond time in its webhook-id's
// ULID, taken in the transaction of the change) to its arrival here. `GET /stats` answers
// "count p50_ms p99_ms max_ms distinct_ids". Plain Beast, a thread per connection; nothing of the
// server.
// Usage: openvenio_bench_receiver <port>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::mutex mutex;
std::vector<double> latencies_ms;
std::unordered_set<std::string> ids;

// The 48-bit millisecond time of "msg_" + ULID (its first ten Crockford base32 characters).
std::int64_t ulid_ms(const std::string& id) {
  static const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  if (id.size() != 30 || id.rfind("msg_", 0) != 0) return -1;
  std::int64_t v = 0;
  for (int i = 4; i < 14; ++i) {
    const auto p = alphabet.find(id[static_cast<std::size_t>(i)]);
    if (p == std::string::npos) return -1;
    v = v * 32 + static_cast<std::int64_t>(p);
  }
  return v;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string stats() {
  std::lock_guard lock(mutex);
  auto v = latencies_ms;
  std::sort(v.begin(), v.end());
  const auto at = [&](double q) {
    if (v.empty()) return 0.0;
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
  };
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu %.1f %.1f %.1f %zu\n", v.size(), at(0.5), at(0.99),
                v.empty() ? 0.0 : v.back(), ids.size());
  return buf;
}

void serve(tcp::socket socket) {
  beast::flat_buffer buffer;
  beast::error_code ec;
  for (;;) {
    bhttp::request<bhttp::string_body> req;
    bhttp::read(socket, buffer, req, ec);
    if (ec) return;
    bhttp::response<bhttp::string_body> res;
    res.version(11);
    if (req.method() == bhttp::verb::get) {
      res.result(bhttp::status::ok);
      res.body() = stats();
    } else {
      const std::string id(req["webhook-id"]);
      const auto created = ulid_ms(id);
      const auto arrived = now_ms();
      std::lock_guard lock(mutex);
      if (created > 0) latencies_ms.push_back(static_cast<double>(arrived - created));
      ids.insert(id);
      res.result(bhttp::status::no_content);
    }
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    bhttp::write(socket, res, ec);
    if (ec || !req.keep_alive()) return;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: openvenio_bench_receiver <port>\n";
    return 2;
  }
  asio::io_context io;
  tcp::acceptor acceptor(
      io, {asio::ip::make_address("127.0.0.1"), static_cast<std::uint16_t>(std::stoi(argv[1]))});
  for (;;) {
    tcp::socket socket(io);
    acceptor.accept(socket);
    socket.set_option(tcp::no_delay(true));
    std::thread(serve, std::move(socket)).detach();
  }
}
