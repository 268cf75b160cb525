// Who a connection comes from, as the per-client bounds count it.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <string>

namespace ov::http {

// The key a client's connections and failed attempts are counted under: the IPv4 address
// (an IPv4-mapped IPv6 address counts as the IPv4 one), or the /64 prefix of an IPv6 address,
// since one IPv6 host usually holds a whole /64 and could otherwise take a new address for
// every connection.
std::string client_key(const boost::asio::ip::address& address);

// Host header values per RFC 9112 §3.2 / RFC 3986 §3.2.2: uri-host [ ":" port ], where
// uri-host is an IP literal in brackets, an IPv4 address or a registered name. Empty is valid
// (RFC 9110 §7.2).
bool valid_host_header(std::string_view value);

}  // namespace ov::http
