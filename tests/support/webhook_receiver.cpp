#include "support/webhook_receiver.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <condition_variable>
#include <thread>

#include "auth/crypto.hpp"

namespace ov::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

bool standard_webhooks_verify(const std::string& secret, const std::string& id,
                              std::int64_t timestamp, const std::string& body,
                              const std::string& signature_header) {
  if (secret.rfind("whsec_", 0) != 0) return false;
  auto key = auth::base64_decode(secret.substr(6));
  if (!key) return false;
  std::string content = id;
  content.append(".").append(std::to_string(timestamp)).append(".").append(body);
  std::string expected = "v1,";
  expected.append(auth::base64_encode(auth::hmac_sha256(*key, content)));
  std::size_t start = 0;
  bool found = false;
  while (start <= signature_header.size()) {
    auto end = signature_header.find(' ', start);
    if (end == std::string::npos) end = signature_header.size();
    if (auth::constant_time_equal(signature_header.substr(start, end - start), expected)) {
      found = true;
    }
    start = end + 1;
  }
  return found;
}

struct WebhookReceiver::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  std::thread acceptor_thread;
  std::atomic<bool> stopping{false};
  mutable std::mutex mutex;
  mutable std::condition_variable cv;
  std::vector<std::string> secrets;
  WebhookAnswer fallback;
  std::deque<WebhookAnswer> queued;
  std::vector<ReceivedWebhook> received;
  std::vector<std::thread> connections;
  std::vector<std::shared_ptr<tcp::socket>> sockets;

  WebhookAnswer next_answer() {
    std::lock_guard lock(mutex);
    if (queued.empty()) return fallback;
    auto a = queued.front();
    queued.pop_front();
    return a;
  }

  void serve(std::shared_ptr<tcp::socket> socket) {
    beast::flat_buffer buffer;
    beast::error_code ec;
    for (;;) {
      bhttp::request<bhttp::string_body> req;
      bhttp::read(*socket, buffer, req, ec);
      if (ec) return;
      ReceivedWebhook r;
      r.received_at = std::chrono::steady_clock::now();
      r.target = std::string(req.target());
      for (const auto& f : req) {
        std::string name(f.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = std::string(f.value());
      }
      r.body = req.body();
      r.id = r.header("webhook-id");
      r.signature = r.header("webhook-signature");
      try {
        r.timestamp = std::stoll(r.header("webhook-timestamp"));
      } catch (const std::exception&) {
        r.timestamp = 0;
      }
      const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
      {
        std::lock_guard lock(mutex);
        const bool fresh = r.timestamp > now - 300 && r.timestamp < now + 300;
        for (const auto& s : secrets) {
          if (fresh && standard_webhooks_verify(s, r.id, r.timestamp, r.body, r.signature)) {
            r.signature_valid = true;
          }
        }
      }
      const auto answer = next_answer();
      {
        std::lock_guard lock(mutex);
        received.push_back(std::move(r));
      }
      cv.notify_all();
      if (answer.delay.count() > 0) {
        // Waits in small steps so that the receiver's destruction is not held up.
        const auto until = std::chrono::steady_clock::now() + answer.delay;
        while (!stopping && std::chrono::steady_clock::now() < until) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      }
      if (stopping) return;
      if (answer.close_mid_response) {
        const std::string partial = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart";
        asio::write(*socket, asio::buffer(partial), ec);
        socket->shutdown(tcp::socket::shutdown_both, ec);
        socket->close(ec);
        return;
      }
      bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(answer.status), 11};
      res.set(bhttp::field::content_type, "text/plain");
      if (!answer.location.empty()) res.set(bhttp::field::location, answer.location);
      res.body() = answer.body;
      res.keep_alive(req.keep_alive());
      res.prepare_payload();
      bhttp::write(*socket, res, ec);
      if (ec || !req.keep_alive()) return;
    }
  }
};

WebhookReceiver::WebhookReceiver() : impl_(std::make_unique<Impl>()) {
  tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), 0);
  impl_->acceptor.open(ep.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(ep);
  impl_->acceptor.listen();
  port_ = impl_->acceptor.local_endpoint().port();
  impl_->acceptor_thread = std::thread([this] {
    for (;;) {
      auto socket = std::make_shared<tcp::socket>(impl_->io);
      beast::error_code ec;
      impl_->acceptor.accept(*socket, ec);
      if (impl_->stopping) return;
      if (ec) continue;
      std::lock_guard lock(impl_->mutex);
      impl_->sockets.push_back(socket);
      impl_->connections.emplace_back([this, socket] { impl_->serve(socket); });
    }
  });
}

WebhookReceiver::~WebhookReceiver() {
  impl_->stopping = true;
  beast::error_code ec;
  // Wakes the blocking accept with a connection of our own.
  {
    tcp::socket poke(impl_->io);
    poke.connect({asio::ip::make_address("127.0.0.1"), port_}, ec);
  }
  impl_->acceptor_thread.join();
  impl_->acceptor.close(ec);
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(impl_->mutex);
    for (auto& s : impl_->sockets) {
      s->shutdown(tcp::socket::shutdown_both, ec);
    }
    threads.swap(impl_->connections);
  }
  for (auto& t : threads) t.join();
}

std::string WebhookReceiver::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void WebhookReceiver::set_secrets(std::vector<std::string> secrets) {
  std::lock_guard lock(impl_->mutex);
  impl_->secrets = std::move(secrets);
}

void WebhookReceiver::set_default(WebhookAnswer answer) {
  std::lock_guard lock(impl_->mutex);
  impl_->fallback = std::move(answer);
}

void WebhookReceiver::queue(WebhookAnswer answer, int times) {
  std::lock_guard lock(impl_->mutex);
  for (int i = 0; i < times; ++i) impl_->queued.push_back(answer);
}

std::vector<ReceivedWebhook> WebhookReceiver::received() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->received;
}

bool WebhookReceiver::wait_for(std::size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(impl_->mutex);
  return impl_->cv.wait_for(lock, timeout, [&] { return impl_->received.size() >= n; });
}

}  // namespace ov::test
