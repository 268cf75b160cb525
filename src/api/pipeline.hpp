// The fixed order every request passes through (ENDPOINTS.md §1.2): route match → subscription
// key → bearer token (all three from the header, in admit, before the server reads any body)
// → handler → framing by the route's family → error mapping; request ids, the access log and
// metrics wrap it in the HTTP layer.
#pragma once

#include "api/admin_key.hpp"
#include "api/authenticator.hpp"
#include "api/routes.hpp"
#include "core/caller.hpp"
#include "http/metrics.hpp"
#include "http/server.hpp"

namespace ov::api {

class Pipeline final : public http::Dispatcher {
 public:
  // `admin` is the key of the administration plane; a disabled key (or nullptr) turns every
  // kAdmin route into the 404 of an unknown path.
  Pipeline(const Routes& routes, Authenticator& auth, http::Metrics& metrics, bool access_log,
           const AdminKey* admin = nullptr);

  std::size_t prepare(http::Request& req) override;
  boost::asio::awaitable<http::Admission> admit(http::Request& req) override;
  boost::asio::awaitable<http::Response> dispatch(http::Request& req) override;
  http::Response payload_too_large(const http::Request& req) override;
  http::Response unavailable(const http::Request& req) override;
  void completed(const http::Request& req, int status, double seconds) override;

 private:
  const Route* route_of(const http::Request& req) const;
  boost::asio::awaitable<std::optional<http::Response>> check_credentials(http::Request& req,
                                                                          const Route& route);

  const Routes& routes_;
  Authenticator& auth_;
  http::Metrics& metrics_;
  bool access_log_;
  const AdminKey* admin_;
};

// An envelope-family error response for `error` on `family`.
http::Response error_reply(Family family, const core::ApiError& error);
// The error response of `route`: a problem on the administration plane, else the envelope of
// the route's family.
http::Response error_reply(const Route& route, const core::ApiError& error);
// A handler's reply as sent: framed in `family` (with X-Total-Count for lists), or as it is.
http::Response framed_reply(Family family, Reply reply);
// The authenticated caller of a request, as the services see it.
core::Caller caller_of(const http::Request& req);

}  // namespace ov::api
