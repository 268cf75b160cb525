// The fixed order every request passes through (ENDPOINTS.md §1.2): route match → subscription
// key → bearer token → handler → error mapping; request ids, the access log and metrics wrap
// it in the HTTP layer.
#pragma once

#include "auth/auth_service.hpp"
#include "core/caller.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace ov::api {

class Pipeline final : public http::Dispatcher {
 public:
  Pipeline(const http::Router& router, auth::AuthService& auth, http::Metrics& metrics,
           bool access_log);

  std::size_t prepare(http::Request& req) override;
  boost::asio::awaitable<http::Response> dispatch(http::Request& req) override;
  http::Response payload_too_large(const http::Request& req) override;
  void completed(const http::Request& req, int status, double seconds) override;

 private:
  const http::Router& router_;
  auth::AuthService& auth_;
  http::Metrics& metrics_;
  bool access_log_;
};

// An envelope-family error response for `error` on `family`.
http::Response error_reply(Family family, const core::ApiError& error);
// A 200 success response in `family` around `payload`.
http::Response ok_reply(Family family, const PayloadWriter& payload);
// The same for a list: its total travels in X-Total-Count (ENDPOINTS.md §1.2).
http::Response list_reply(Family family, std::int64_t total, const PayloadWriter& payload);
// The authenticated caller of a request, as the services see it.
core::Caller caller_of(const http::Request& req);

}  // namespace ov::api
