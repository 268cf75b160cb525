#include "http/client_address.hpp"

#include <string>

namespace ov::http {

std::string client_key(const boost::asio::ip::address& address) {
  if (address.is_v4()) return address.to_v4().to_string();
  const auto v6 = address.to_v6();
  if (v6.is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_string();
  }
  auto bytes = v6.to_bytes();
  for (std::size_t i = 8; i < bytes.size(); ++i) bytes[i] = 0;
  return boost::asio::ip::address_v6(bytes).to_string() + "/64";
}

namespace {

bool unreserved_or_sub_delim(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':  // unreserved
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':  // sub-delims
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
      return true;
    default:
      return false;
  }
}

bool hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

bool valid_host_header(std::string_view value) {
  std::string_view host = value;
  std::string_view port;
  if (!value.empty() && value.front() == '[') {
    const auto close = value.find(']');
    if (close == std::string_view::npos) return false;
    const auto literal = value.substr(1, close - 1);
    // IPv6address (hex digits, colons, an embedded IPv4 part) or IPvFuture ("v" 1*HEXDIG "."
    // 1*( unreserved / sub-delims / ":" )).
    if (literal.empty()) return false;
    if (literal.front() == 'v' || literal.front() == 'V') {
      for (char c : literal) {
        if (!unreserved_or_sub_delim(c) && c != ':') return false;
      }
    } else {
      boost::system::error_code ec;
      boost::asio::ip::make_address_v6(std::string(literal), ec);
      if (ec) return false;
    }
    const auto rest = value.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return false;
      port = rest.substr(1);
    }
  } else {
    const auto colon = value.find(':');
    if (colon != std::string_view::npos) {
      host = value.substr(0, colon);
      port = value.substr(colon + 1);
    }
    for (std::size_t i = 0; i < host.size(); ++i) {
      const char c = host[i];
      if (c == '%') {
        if (i + 2 >= host.size() || !hex(host[i + 1]) || !hex(host[i + 2])) return false;
        i += 2;
      } else if (!unreserved_or_sub_delim(c)) {
        return false;
      }
    }
  }
  // port = *DIGIT; more than five digits is no TCP port.
  if (port.size() > 5) return false;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace ov::http
