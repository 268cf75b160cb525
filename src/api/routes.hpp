// Routes are data: each row names a method, a path template, the envelope family its replies
// are framed in, who may call it, its body limit and its handler. A handler returns only its
// payload (and a total for lists); the pipeline frames it by the route's family, so no handler
// names a family.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/envelope.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace ov::api {

enum class Access {
  kPublic,         // operational endpoints: no key, no token
  kTokenEndpoint,  // subscription key optional (validated when present), no bearer token
  kProtected,      // subscription key and bearer token required
  // The administration plane (/admin/v1, src/admin): `Authorization: Bearer <admin key>` only;
  // subscription keys and tenant tokens are not looked at. Replies are plain JSON and errors
  // RFC 9457 problems (api/problem.hpp), whatever the route's family says.
  kAdmin,
};

// What a handler answers: a JSON payload for the route's envelope family, or a response sent
// as it is (a file download, the OAuth token answer, an operational endpoint).
struct Reply {
  std::string payload;                // JSON text of the payload slot
  std::optional<std::int64_t> total;  // lists: X-Total-Count (ENDPOINTS.md §1.2)
  std::optional<http::Response> raw;  // set: sent unframed
};

// A payload written by `fn` into the reply.
template <class F>
Reply payload(F&& fn) {
  Reply r;
  // Most payloads fit in 2 KiB: one allocation instead of a series of doublings.
  r.payload.reserve(2048);
  StringSink sink(r.payload);
  JsonWriter w(sink);
  fn(w);
  return r;
}
// A list payload and the number of matches before paging.
template <class F>
Reply list_payload(std::int64_t total, F&& fn) {
  Reply r = payload(std::forward<F>(fn));
  r.total = total;
  return r;
}
inline Reply raw(http::Response response) {
  Reply r;
  r.raw = std::move(response);
  return r;
}

using Handler = std::function<boost::asio::awaitable<Reply>(http::Request&)>;

struct Route {
  http::bhttp::verb method;
  std::string path;  // template, e.g. /v1/case/{caseNo}; {name:int64} for a typed parameter
  Handler handler;
  Family family = Family::kS;
  Access access = Access::kProtected;
  // 0 → the server's default body limit.
  std::size_t max_body_bytes = 0;
  std::string name;       // filled in by Routes: "PUT /v1/case/{caseNo}"
  std::size_t index = 0;  // position in the table, for metrics
};

class Routes;

// The routes of one section: every row it adds is protected and framed in the section's family.
class SectionRoutes {
 public:
  SectionRoutes(Routes& routes, Family family) : routes_(routes), family_(family) {}
  void add(http::bhttp::verb method, std::string path, Handler handler,
           std::size_t max_body_bytes = 0);

 private:
  Routes& routes_;
  Family family_;
};

class Routes {
 public:
  // The rows of a section whose replies are framed in `family`.
  SectionRoutes section(Family family) { return SectionRoutes(*this, family); }
  void add(Route route);
  // A protected route of a Venio section, the common case.
  void add(http::bhttp::verb method, std::string path, Family family, Handler handler,
           std::size_t max_body_bytes = 0);
  // nullptr when nothing matches; the decoded parameters go to `params`.
  const Route* match(http::bhttp::verb method, std::string_view path,
                     std::vector<std::string>& params) const;
  const Route& at(std::size_t index) const { return *routes_.at(index); }
  const std::vector<std::unique_ptr<Route>>& all() const { return routes_; }
  const http::Router& paths() const { return paths_; }

 private:
  http::Router paths_;
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace ov::api
