#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace ov::http {
namespace {

namespace ip = boost::asio::ip;

TEST(ClientKey, IsTheIpv4AddressOrTheIpv6Slash64) {
  EXPECT_EQ(client_key(ip::make_address("203.0.113.7")), "203.0.113.7");
  EXPECT_EQ(client_key(ip::make_address("::ffff:203.0.113.7")), "203.0.113.7");
  EXPECT_EQ(client_key(ip::make_address("2001:db8:1:2:aaaa:bbbb:cccc:dddd")), "2001:db8:1:2::/64");
  // Every address of one /64 is one client.
  EXPECT_EQ(client_key(ip::make_address("2001:db8:1:2::1")),
            client_key(ip::make_address("2001:db8:1:2:ffff:ffff:ffff:ffff")));
  EXPECT_NE(client_key(ip::make_address("2001:db8:1:2::1")),
            client_key(ip::make_address("2001:db8:1:3::1")));
}

TEST(HostHeader, AcceptsWhatRfc3986AllowsAndNothingElse) {
  for (const char* good : {"", "example.com", "EXAMPLE.com:8443", "127.0.0.1", "127.0.0.1:80",
                           "[::1]", "[::1]:8080", "[2001:db8::7]:443", "a-b_c~d.example",
                           "xn--bcher-kva.example", "%41.example", "host:", "[v1.fe80::a+en1]"}) {
    EXPECT_TRUE(valid_host_header(good)) << good;
  }
  for (const char* bad :
       {"a b", "a/b", "evil.example/steal?x=", "user@host", "host:port", "host:123456",
        "host:80:80", "[::1", "[::1]x", "[nope]", "[]", "%4", "%zz.example", "a\tb", "a#b"}) {
    EXPECT_FALSE(valid_host_header(bad)) << bad;
  }
}

}  // namespace
}  // namespace ov::http
