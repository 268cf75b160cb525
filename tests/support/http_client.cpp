#include "support/http_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace ov::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

rapidjson::Document HttpResponse::json() const {
  rapidjson::Document d;
  d.Parse(body.c_str(), body.size());
  EXPECT_FALSE(d.HasParseError()) << "response is not JSON: " << body;
  return d;
}

struct HttpClient::Impl {
  Impl(std::string h, std::uint16_t p) : host(std::move(h)), port(p), socket(ioc) {}
  void connect() {
    beast::error_code ec;
    socket.close(ec);
    socket = tcp::socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address(host), port));
    socket.set_option(tcp::no_delay(true));
    buffer.clear();
  }
  std::string host;
  std::uint16_t port;
  asio::io_context ioc;
  tcp::socket socket;
  beast::flat_buffer buffer;
  bool connected = false;
};

HttpClient::HttpClient(std::string host, std::uint16_t port)
    : impl_(std::make_unique<Impl>(std::move(host), port)) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;

HttpResponse HttpClient::request(const std::string& method, const std::string& target,
                                 const Headers& headers, const std::string& body) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!impl_->connected) {
      impl_->connect();
      impl_->connected = true;
    }
    bhttp::request<bhttp::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(bhttp::field::host, impl_->host);
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    if (!body.empty() || method == "POST" || method == "PUT") req.prepare_payload();
    beast::error_code ec;
    bhttp::write(impl_->socket, req, ec);
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (!ec) bhttp::read(impl_->socket, impl_->buffer, parser, ec);
    if (ec) {
      impl_->connected = false;
      // A kept-alive connection the server closed meanwhile: retry once on a new one.
      if (attempt == 0) continue;
      throw std::runtime_error("HTTP exchange failed: " + ec.message());
    }
    auto res = parser.release();
    HttpResponse out;
    out.status = static_cast<int>(res.result_int());
    out.body = std::move(res.body());
    for (const auto& f : res) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers[name] = std::string(f.value());
    }
    if (!res.keep_alive()) impl_->connected = false;
    return out;
  }
  throw std::runtime_error("unreachable");
}

std::string HttpClient::raw_exchange(const std::string& bytes, std::chrono::milliseconds timeout) {
  asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address(impl_->host), impl_->port));
  asio::write(s, asio::buffer(bytes));
  std::string out;
  std::array<char, 4096> buf;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  s.non_blocking(true);
  while (std::chrono::steady_clock::now() < deadline) {
    beast::error_code ec;
    auto n = s.read_some(asio::buffer(buf), ec);
    if (ec == asio::error::would_block) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (ec) break;  // closed by the server
    out.append(buf.data(), n);
  }
  return out;
}

}  // namespace ov::test
