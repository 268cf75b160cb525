#include "api/base_url.hpp"

#include "api/json_input.hpp"

namespace ov::api {

namespace {

bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

bool is_port(std::string_view s) {
  if (s.empty() || s.size() > 5) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// host, host:port, [v6], [v6]:port: exactly what may stand in a URL's authority without
// escaping, so a client-sent Host can never change the link's path or scheme.
bool valid_host(std::string_view host) {
  if (host.empty() || host.size() > kMaxHostChars) return false;
  std::string_view name = host, port;
  if (host.front() == '[') {
    const auto close = host.find(']');
    if (close == std::string_view::npos || close < 2) return false;
    for (char c : host.substr(1, close - 1)) {
      const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') return false;
    }
    const auto after = host.substr(close + 1);
    if (after.empty()) return true;
    return after.front() == ':' && is_port(after.substr(1));
  }
  const auto colon = host.find(':');
  if (colon != std::string_view::npos) {
    name = host.substr(0, colon);
    port = host.substr(colon + 1);
    if (!is_port(port)) return false;
  }
  if (name.empty()) return false;
  for (char c : name) {
    if (!is_host_char(c)) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string request_base_url(const http::Request& req) {
  // A proxy chain lists one protocol per hop; the first is the client's.
  auto proto = req.header("X-Forwarded-Proto");
  proto = trim(proto.substr(0, proto.find(',')));
  const char* scheme = iequals(proto, "https") ? "https://" : "http://";
  const auto host = trim(req.header("Host"));
  return std::string(scheme) + (valid_host(host) ? std::string(host) : std::string("localhost"));
}

}  // namespace ov::api
