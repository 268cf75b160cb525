// One TCP connection driven by hand, for tests about connection behaviour. Unlike HttpClient it
// never reconnects (so a test sees whether the server kept the connection open) and every read
// has a deadline (so a server that hangs fails the test instead of blocking it).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/http_client.hpp"

namespace ov::test {

namespace raw_detail {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

inline HttpResponse to_response(bhttp::response<bhttp::string_body>&& res) {
  HttpResponse out;
  out.status = static_cast<int>(res.result_int());
  out.body = std::move(res.body());
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(f.value());
  }
  return out;
}
}  // namespace raw_detail

// The bytes of one HTTP/1.1 request with a Content-Length (always sent for POST and PUT).
inline std::string serialize_request(const std::string& method, const std::string& target,
                                     const Headers& headers = {}, const std::string& body = "") {
  namespace bhttp = raw_detail::bhttp;
  bhttp::request<bhttp::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT") req.prepare_payload();
  std::ostringstream os;
  os << req;
  return os.str();
}

// The header of a request whose body is sent apart (or never): the request line, Host, the
// given headers and a Content-Length.
inline std::string header_block(const std::string& method, const std::string& target,
                                const Headers& headers, std::size_t content_length) {
  std::string out = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [k, v] : headers) out += k + ": " + v + "\r\n";
  out += "Content-Length: " + std::to_string(content_length) + "\r\n\r\n";
  return out;
}

// Splits bytes received from the server into complete responses. Bytes after the last complete
// response are returned in `rest` (when given); a malformed response ends the parse there.
inline std::vector<HttpResponse> parse_responses(std::string_view bytes,
                                                 std::string* rest = nullptr) {
  namespace asio = raw_detail::asio;
  namespace beast = raw_detail::beast;
  namespace bhttp = raw_detail::bhttp;
  std::vector<HttpResponse> out;
  while (!bytes.empty()) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.eager(true);
    parser.body_limit(64 * 1024 * 1024);
    std::string_view left = bytes;
    beast::error_code ec;
    while (!parser.is_done() && !left.empty()) {
      auto n = parser.put(asio::buffer(left.data(), left.size()), ec);
      left.remove_prefix(n);
      if (ec && ec != bhttp::error::need_more) break;
      if (ec && n == 0) break;
      ec = {};
    }
    if (!parser.is_done()) break;
    out.push_back(raw_detail::to_response(parser.release()));
    bytes = left;
  }
  if (rest) *rest = std::string(bytes);
  return out;
}

class RawConnection {
 public:
  // `receive_buffer` > 0 sets SO_RCVBUF before connecting (a small one makes the server's
  // writes block once the client stops reading).
  explicit RawConnection(std::uint16_t port, int receive_buffer = 0) : stream_(ioc_) {
    namespace asio = raw_detail::asio;
    using tcp = asio::ip::tcp;
    auto& socket = stream_.socket();
    socket.open(tcp::v4());
    if (receive_buffer > 0)
      socket.set_option(asio::socket_base::receive_buffer_size(receive_buffer));
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    socket.set_option(tcp::no_delay(true));
  }

  // Writes all of `bytes`; false when the connection failed or the deadline passed.
  bool send(std::string_view bytes,
            std::chrono::milliseconds timeout = std::chrono::milliseconds(10000)) {
    namespace asio = raw_detail::asio;
    raw_detail::beast::error_code ec;
    stream_.expires_after(timeout);
    asio::async_write(stream_, asio::buffer(bytes.data(), bytes.size()),
                      [&](raw_detail::beast::error_code e, std::size_t) { ec = e; });
    run();
    last_error_ = ec;
    return !ec;
  }

  // The next response; nullopt when the server closed the connection first, or the deadline
  // passed (last_error() tells which).
  std::optional<HttpResponse> read_response(
      std::chrono::milliseconds timeout = std::chrono::milliseconds(10000)) {
    namespace bhttp = raw_detail::bhttp;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    raw_detail::beast::error_code ec;
    stream_.expires_after(timeout);
    bhttp::async_read(stream_, buffer_, parser,
                      [&](raw_detail::beast::error_code e, std::size_t) { ec = e; });
    run();
    last_error_ = ec;
    if (ec) return std::nullopt;
    return raw_detail::to_response(parser.release());
  }

  std::optional<HttpResponse> request(const std::string& method, const std::string& target,
                                      const Headers& headers = {}, const std::string& body = "") {
    if (!send(serialize_request(method, target, headers, body))) return std::nullopt;
    return read_response();
  }

  // True when the server closes the connection (end of stream or reset) within `timeout`
  // without sending anything more.
  bool closed_within(std::chrono::milliseconds timeout) {
    namespace asio = raw_detail::asio;
    if (buffer_.size() > 0) return false;
    char byte;
    raw_detail::beast::error_code ec;
    std::size_t n = 0;
    stream_.expires_after(timeout);
    stream_.async_read_some(asio::buffer(&byte, 1),
                            [&](raw_detail::beast::error_code e, std::size_t got) {
                              ec = e;
                              n = got;
                            });
    run();
    last_error_ = ec;
    return n == 0 && (ec == asio::error::eof || ec == asio::error::connection_reset);
  }

  raw_detail::beast::error_code last_error() const { return last_error_; }
  void close() {
    raw_detail::beast::error_code ignored;
    stream_.socket().close(ignored);
  }

 private:
  void run() {
    ioc_.restart();
    ioc_.run();
  }

  raw_detail::asio::io_context ioc_;
  raw_detail::beast::tcp_stream stream_;
  raw_detail::beast::flat_buffer buffer_;
  raw_detail::beast::error_code last_error_;
};

}  // namespace ov::test
