// A TCP forwarder between the server and its database, which a test can cut and restore to
// play a database that goes away and comes back.
#pragma once

#include <cstdint>
#include <memory>

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

}  // namespace ov::test
