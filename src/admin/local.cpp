#include "admin/local.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "admin/plane.hpp"
#include "admin/webhooks_plane.hpp"
#include "api/problem.hpp"
#include "api/routes.hpp"

namespace ov::admin {

namespace asio = boost::asio;

http::Response run_local(storage::Database& db, const core::Clock& clock, std::string_view method,
                         std::string_view path, std::string body) {
  api::Routes routes;
  AdminRoutes admin(routes);
  register_routes(admin, db, clock);
  // Target URLs follow the default rule (https, or a loopback host): the command has no
  // --webhook-allow-http, which belongs to the server that sends.
  register_webhook_routes(admin, db, false);

  std::string full;
  if (path.substr(0, 6) != "/admin") {
    full = "/admin/v1";
    if (path.empty() || path.front() != '/') full += '/';
  }
  full.append(path);
  const auto verb = http::bhttp::string_to_verb(method);
  http::Request req;
  const api::Route* route =
      verb == http::bhttp::verb::unknown ? nullptr : routes.match(verb, full, req.params);
  if (!route) {
    std::string detail = "no administration operation is ";
    detail.append(method).append(" ").append(full);
    return api::problem_response(404, detail);
  }
  if (body.size() > route->max_body_bytes) {
    return api::problem_response(413, "Request body is too large");
  }
  req.raw.method(verb);
  req.raw.body() = std::move(body);
  req.path = full;
  req.request_id = "cli";

  asio::io_context io;
  http::Response response;
  asio::co_spawn(io, route->handler(req), [&](std::exception_ptr failure, api::Reply reply) {
    if (!failure) {
      response = reply.raw ? std::move(*reply.raw) : http::Response{};
      return;
    }
    try {
      std::rethrow_exception(failure);
    } catch (const core::ApiError& e) {
      if (e.kind() == core::ErrorKind::kInternal) spdlog::error("{}: {}", route->name, e.what());
      response = api::problem_response(e);
    } catch (const std::exception& e) {
      spdlog::error("{} failed: {}", route->name, e.what());
      response = api::problem_response(500, "");
    }
  });
  io.run();
  return response;
}

}  // namespace ov::admin
