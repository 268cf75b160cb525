// A small blocking HTTP/1.1 client over a real socket, for API tests.
#pragma once

#include <rapidjson/document.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ov::test {

struct HttpResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  // Parses the body; fails the calling test on invalid JSON.
  rapidjson::Document json() const;
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

using Headers = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  HttpClient(std::string host, std::uint16_t port);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;

  // Sends one request on the kept-alive connection (reconnecting when the server closed it).
  // Throws std::runtime_error on transport failure.
  HttpResponse request(const std::string& method, const std::string& target,
                       const Headers& headers = {}, const std::string& body = "");
  // Sends raw bytes and reads until the server closes or `timeout` passes; returns what came.
  std::string raw_exchange(const std::string& bytes, std::chrono::milliseconds timeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ov::test
