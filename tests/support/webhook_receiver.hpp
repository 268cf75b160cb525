// A webhook receiver on 127.0.0.1 for tests: records every request, checks its signature the
// way a Standard Webhooks receiver does, and answers as told (a status, a delay, a redirect, or
// a connection closed mid-response).
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ov::test {

struct ReceivedWebhook {
  std::string target;                          // the request target
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string id, signature;
  std::int64_t timestamp = 0;
  // The signature verified against one of the receiver's secrets, and the timestamp was within
  // five minutes of the receiver's clock.
  bool signature_valid = false;
  std::chrono::steady_clock::time_point received_at;
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct WebhookAnswer {
  int status = 200;
  std::string body = "ok";
  std::chrono::milliseconds delay{0};  // before answering
  // Sends the status line and part of the headers, then closes the connection.
  bool close_mid_response = false;
  std::string location;  // a Location header (redirects)
};

// Standard Webhooks verification, written from the specification (not the server's code):
// "v1," + base64(HMAC-SHA256(base64-decoded secret after "whsec_", id.timestamp.body)), any of
// the space-separated signatures.
bool standard_webhooks_verify(const std::string& secret, const std::string& id,
                              std::int64_t timestamp, const std::string& body,
                              const std::string& signature_header);

class WebhookReceiver {
 public:
  WebhookReceiver();
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  std::uint16_t port() const { return port_; }
  // http://127.0.0.1:<port><path>
  std::string url(const std::string& path = "/hook") const;

  // Secrets whose signature makes a request valid.
  void set_secrets(std::vector<std::string> secrets);
  // How every request is answered unless an answer is queued.
  void set_default(WebhookAnswer answer);
  // Answers for the next requests, in order.
  void queue(WebhookAnswer answer, int times = 1);

  std::vector<ReceivedWebhook> received() const;
  // Waits until at least n requests came (true) or the timeout passed (false).
  bool wait_for(std::size_t n, std::chrono::milliseconds timeout) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
};

}  // namespace ov::test
