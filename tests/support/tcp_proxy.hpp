// A TCP forwarder between the server and its database, which a test can cut and restore to
// play a database that goes away and comes back.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace ov::test {

class TcpProxy {
 public:
  // Listens on an ephemeral loopback port and forwards to 127.0.0.1:target_port.
  explicit TcpProxy(std::uint16_t target_port);
  ~TcpProxy();
  std::uint16_t port() const;
  // Drops every forwarded connection and refuses new ones until restore().
  void cut();
  void restore();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A database URL with its host:port pointed at 127.0.0.1:port (through a proxy).
std::string url_through(const std::string& url, std::uint16_t port);
// The port of a database URL (5432 when it names none).
std::uint16_t url_port(const std::string& url);

}  // namespace ov::test
