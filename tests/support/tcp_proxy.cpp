#include "support/tcp_proxy.hpp"

#include <boost/asio.hpp>

#include <future>
#include <list>
#include <mutex>
#include <thread>

namespace ov::test {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct TcpProxy::Impl {
  explicit Impl(std::uint16_t target) : target_port(target) {
    listen(0);
    thread = std::thread([this] { ioc.run(); });
  }
  ~Impl() {
    asio::post(ioc, [this] {
      close_all();
      ioc.stop();
    });
    thread.join();
  }

  void listen(std::uint16_t p) {
    acceptor = std::make_unique<tcp::acceptor>(ioc);
    tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), p);
    acceptor->open(ep.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    acceptor->bind(ep);
    acceptor->listen();
    port = acceptor->local_endpoint().port();
    accept();
  }

  void accept() {
    acceptor->async_accept([this](boost::system::error_code ec, tcp::socket client) {
      if (ec) return;
      auto pair = std::make_shared<std::pair<tcp::socket, tcp::socket>>(std::move(client),
                                                                        tcp::socket(ioc));
      boost::system::error_code cec;
      pair->second.connect({asio::ip::make_address("127.0.0.1"), target_port}, cec);
      if (!cec) {
        links.push_back(pair);
        pump(pair, true);
        pump(pair, false);
      }
      accept();
    });
  }

  void pump(std::shared_ptr<std::pair<tcp::socket, tcp::socket>> p, bool up) {
    auto buf = std::make_shared<std::array<char, 16384>>();
    auto& from = up ? p->first : p->second;
    from.async_read_some(asio::buffer(*buf),
                         [this, p, up, buf](boost::system::error_code ec, std::size_t n) {
                           auto& to = up ? p->second : p->first;
                           if (ec) {
                             boost::system::error_code ignored;
                             to.close(ignored);
                             return;
                           }
                           boost::system::error_code wec;
                           asio::write(to, asio::buffer(buf->data(), n), wec);
                           if (wec) return;
                           pump(p, up);
                         });
  }

  void close_all() {
    boost::system::error_code ignored;
    if (acceptor) acceptor->close(ignored);
    for (auto& weak : links) {
      if (auto p = weak.lock()) {
        p->first.close(ignored);
        p->second.close(ignored);
      }
    }
    links.clear();
  }

  asio::io_context ioc;
  // Keeps the thread running while cut, when nothing is listening or connected.
  asio::executor_work_guard<asio::io_context::executor_type> work{ioc.get_executor()};
  std::unique_ptr<tcp::acceptor> acceptor;
  std::list<std::weak_ptr<std::pair<tcp::socket, tcp::socket>>> links;
  std::uint16_t target_port;
  std::uint16_t port = 0;
  std::thread thread;
};

TcpProxy::TcpProxy(std::uint16_t target_port) : impl_(std::make_unique<Impl>(target_port)) {}
TcpProxy::~TcpProxy() = default;
std::uint16_t TcpProxy::port() const { return impl_->port; }

void TcpProxy::cut() {
  std::promise<void> done;
  asio::post(impl_->ioc, [&] {
    impl_->close_all();
    done.set_value();
  });
  done.get_future().wait();
}

void TcpProxy::restore() {
  std::promise<void> done;
  asio::post(impl_->ioc, [&] {
    impl_->listen(impl_->port);
    done.set_value();
  });
  done.get_future().wait();
}

std::string url_through(const std::string& url, std::uint16_t port) {
  auto at = url.find('@');
  auto host = at == std::string::npos ? url.find("://") + 3 : at + 1;
  auto slash = url.find('/', host);
  return url.substr(0, host) + "127.0.0.1:" + std::to_string(port) + url.substr(slash);
}

std::uint16_t url_port(const std::string& url) {
  auto at = url.find('@');
  auto host = at == std::string::npos ? url.find("://") + 3 : at + 1;
  auto colon = url.find(':', host);
  auto slash = url.find('/', host);
  if (colon == std::string::npos || colon > slash) return 5432;
  return static_cast<std::uint16_t>(std::stoi(url.substr(colon + 1, slash - colon - 1)));
}

}  // namespace ov::test
