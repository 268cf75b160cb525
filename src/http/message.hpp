// A request as handlers see it, and the response they produce.
#pragma once

#include <boost/asio/ip/address.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ov::core {
class TimeZone;
}

namespace ov::http {

struct Route;
namespace bhttp = boost::beast::http;

struct Request {
  bhttp::request<bhttp::string_body> raw;
  std::string path;   // percent-encoded path without the query and without a leading /dev
  std::string query;  // raw query string without '?'
  std::vector<std::string> params;  // decoded path parameters in route order
  std::string request_id;
  boost::asio::ip::address remote;  // the client's address
  const Route* route = nullptr;     // the path template matched, set once routed
  // The caller, set once authenticated.
  std::int64_t company_id = 0;
  std::string user_id;                   // the API client's service user
  const core::TimeZone* zone = nullptr;  // the company's time zone

  std::string_view header(std::string_view name) const {
    auto it = raw.find(name);
    if (it == raw.end()) return {};
    return it->value();
  }
  const std::string& body() const { return raw.body(); }
  // First value of a query parameter, percent-decoded ('+' is a space).
  std::optional<std::string> query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
};

// The body of a gateway error (no route, no key, no token, too many connections…), the same
// for every envelope family (ENDPOINTS.md §2.6): {"statusCode":404,"message":"…"}.
std::string gateway_body(int status, std::string_view message);
// A response with that body.
Response gateway(int status, std::string_view message);

// Percent-decoding; nullopt on a malformed escape. `plus_is_space` for form/query encoding.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

}  // namespace ov::http
