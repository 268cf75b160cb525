#include "api/pipeline.hpp"

#include <spdlog/spdlog.h>

#include <new>

#include "api/json_input.hpp"
#include "api/problem.hpp"

namespace ov::api {

namespace {

http::Response unauthorized() {
  auto r = http::gateway(401, "Unauthorized");
  r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

// "Bearer <t>" with the scheme in any case, or a bare token as legacy samples send it.
std::string_view bearer_token(std::string_view header) {
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
  if (header.size() > 7 && iequals(header.substr(0, 7), "bearer ")) {
    header.remove_prefix(7);
    while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  }
  return header;
}

}  // namespace

http::Response error_reply(Family family, const core::ApiError& error) {
  auto e = error_response(family, error);
  http::Response r;
  r.status = e.http_status;
  r.body = std::move(e.body);
  // Overload and unreachable storage are passing conditions: tell the client when to retry.
  if (r.status == 503) r.headers.emplace_back("Retry-After", "1");
  return r;
}

http::Response error_reply(const Route& route, const core::ApiError& error) {
  if (route.access == Access::kAdmin) return problem_response(error);
  return error_reply(route.family, error);
}

namespace {
// The 500 of `route`, whose body says nothing of the failure.
http::Response internal_reply(const Route& route) {
  if (route.access == Access::kAdmin) return problem_response(500, "");
  auto e = internal_error_response(route.family);
  http::Response r;
  r.status = e.http_status;
  r.body = std::move(e.body);
  return r;
}
}  // namespace

http::Response framed_reply(Family family, Reply reply) {
  if (reply.raw) return std::move(*reply.raw);
  http::Response r;
  r.body = frame_success(family, reply.payload);
  if (reply.total) r.headers.emplace_back("X-Total-Count", std::to_string(*reply.total));
  return r;
}

core::Caller caller_of(const http::Request& req) { return {req.company_id, req.user_id, req.zone}; }

Pipeline::Pipeline(const Routes& routes, Authenticator& auth, http::Metrics& metrics,
                   bool access_log, const AdminKey* admin)
    : routes_(routes), auth_(auth), metrics_(metrics), access_log_(access_log), admin_(admin) {}

const Route* Pipeline::route_of(const http::Request& req) const {
  return req.route ? &routes_.at(req.route->index) : nullptr;
}

std::size_t Pipeline::prepare(http::Request& req) {
  // Clients written for the legacy host layout send /dev/v1/...; the prefix is dropped.
  std::string_view path = req.path;
  if (path.size() >= 4 && iequals(path.substr(0, 4), "/dev") &&
      (path.size() == 4 || path[4] == '/')) {
    req.path.erase(0, 4);
  }
  auto m = routes_.paths().match(req.raw.method(), req.path);
  if (!m.route) return 0;
  // A disabled administration plane has no routes: its paths stay unmatched, so they answer
  // exactly what an unknown path answers.
  if (routes_.at(m.route->index).access == Access::kAdmin && !(admin_ && admin_->enabled())) {
    return 0;
  }
  req.route = m.route;
  req.params = std::move(m.params);
  return routes_.at(m.route->index).max_body_bytes;
}

boost::asio::awaitable<std::optional<http::Response>> Pipeline::check_credentials(
    http::Request& req, const Route& route) {
  std::string_view key = req.header("Ocp-Apim-Subscription-Key");
  std::optional<std::string> query_key;
  if (key.empty()) {
    query_key = req.query_param("subscription-key");
    if (query_key) key = *query_key;
  }
  if (key.empty()) {
    if (route.access == Access::kProtected) {
      co_return http::gateway(401,
                              "Access denied due to missing subscription key. Make sure to "
                              "include subscription key when making requests to an API.");
    }
  } else {
    auto company = co_await auth_.company_for_key(key);
    if (!company) {
      co_return http::gateway(401,
                              "Access denied due to invalid subscription key. Make sure to "
                              "provide a valid key for an active subscription.");
    }
    req.company_id = *company;
  }
  if (route.access == Access::kProtected) {
    auto principal = co_await auth_.authenticate(bearer_token(req.header("Authorization")));
    if (!principal || principal->company_id != req.company_id) co_return unauthorized();
    req.user_id = std::move(principal->user_id);
    req.zone = principal->zone;
  }
  co_return std::nullopt;
}

boost::asio::awaitable<http::Admission> Pipeline::admit(http::Request& req) {
  http::Admission admission;
  const Route* matched = route_of(req);
  if (!matched) {
    admission.refusal = http::gateway(404, "Resource not found");
    co_return admission;
  }
  const auto& route = *matched;
  if (route.access == Access::kPublic) co_return admission;
  if (route.access == Access::kAdmin) {
    // Only the admin key: a subscription key or a tenant token opens nothing here.
    if (!admin_ || !admin_->matches(bearer_token(req.header("Authorization")))) {
      admission.refusal =
          problem_response(401,
                           "The Authorization header must carry the admin key as a Bearer "
                           "token");
    }
    admission.authenticated = !admission.refusal;
    co_return admission;
  }
  try {
    admission.refusal = co_await check_credentials(req, route);
  } catch (const core::ApiError& e) {
    // Storage unreachable while a key or client was looked up.
    spdlog::error("request {} {}: {}", req.request_id, route.name, e.what());
    admission.refusal = error_reply(route, e);
  } catch (const std::bad_alloc&) {
    admission.refusal = unavailable(req);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} failed: {}", req.request_id, route.name, e.what());
    admission.refusal = internal_reply(route);
  }
  admission.authenticated = !admission.refusal && route.access == Access::kProtected;
  co_return admission;
}

boost::asio::awaitable<http::Response> Pipeline::dispatch(http::Request& req) {
  const Route* matched = route_of(req);
  if (!matched) co_return http::gateway(404, "Resource not found");
  const auto& route = *matched;
  bool out_of_memory = false;
  try {
    co_return framed_reply(route.family, co_await route.handler(req));
  } catch (const core::ApiError& e) {
    if (e.kind() == core::ErrorKind::kInternal || e.kind() == core::ErrorKind::kUnavailable) {
      spdlog::error("request {} {}: {}", req.request_id, route.name, e.what());
    }
    co_return error_reply(route, e);
  } catch (const std::bad_alloc&) {
    // One request could not get its memory: it fails alone, and may be retried.
    out_of_memory = true;
  } catch (const std::exception& e) {
    spdlog::error("request {} {} failed: {}", req.request_id, route.name, e.what());
  }
  if (out_of_memory) co_return unavailable(req);
  co_return internal_reply(route);
}

http::Response Pipeline::payload_too_large(const http::Request& req) {
  const Route* route = route_of(req);
  if (route && route->access == Access::kTokenEndpoint) {
    // The token endpoint speaks RFC 6749, not an envelope.
    http::Response r;
    r.status = 413;
    r.body = R"({"error":"invalid_request","error_description":"Request body is too large"})";
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Pragma", "no-cache");
    return r;
  }
  const core::ApiError too_large(core::ErrorKind::kPayloadTooLarge, "Request body is too large");
  if (route) return error_reply(*route, too_large);
  return error_reply(Family::kS, too_large);
}

http::Response Pipeline::unavailable(const http::Request& req) {
  const Route* route = route_of(req);
  if (route && route->access == Access::kTokenEndpoint) {
    http::Response r;
    r.status = 503;
    r.body =
        R"({"error":"temporarily_unavailable","error_description":"The server is busy. Try again later."})";
    r.headers.emplace_back("Retry-After", "1");
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Pragma", "no-cache");
    return r;
  }
  if (!route) {
    auto r = http::gateway(503, "The server is busy. Try again later.");
    r.headers.emplace_back("Retry-After", "1");
    return r;
  }
  return error_reply(*route, core::ApiError(core::ErrorKind::kUnavailable,
                                            "The server is busy. Try again later."));
}

void Pipeline::completed(const http::Request& req, int status, double seconds) {
  metrics_.record(req.route ? req.route->index : metrics_.unrouted_index(), status, seconds);
  if (access_log_) {
    spdlog::info("request_id={} company={} route=\"{}\" status={} latency_ms={:.3f}",
                 req.request_id, req.company_id, req.route ? req.route->name : "unmatched", status,
                 seconds * 1000.0);
  }
}

}  // namespace ov::api
