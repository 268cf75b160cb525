// Routes are data: method + path template → handler. Literal segments match ASCII
// case-insensitively and are tried before parameters at every position (ENDPOINTS.md §1.1).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/verb.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/envelope.hpp"
#include "http/message.hpp"

namespace ov::http {

using Handler = std::function<boost::asio::awaitable<Response>(Request&)>;

enum class Access {
  kPublic,         // operational endpoints: no key, no token
  kTokenEndpoint,  // subscription key optional (validated when present), no bearer token
  kProtected,      // subscription key and bearer token required
};

struct Route {
  bhttp::verb method;
  std::string path;  // template, e.g. /v1/case/{caseNo}; {name:int64} for a typed parameter
  Handler handler;
  api::Family family = api::Family::kS;
  Access access = Access::kProtected;
  // 0 → the server's default body limit.
  std::size_t max_body_bytes = 0;
  std::string name;       // filled by the router: "PUT /v1/case/{caseNo}"
  std::size_t index = 0;  // position in the table, for metrics
};

struct Match {
  const Route* route = nullptr;
  std::vector<std::string> params;
};

class Router {
 public:
  Router();
  ~Router();
  void add(Route route);
  // A protected route of a Venio section, the common case.
  void add(bhttp::verb method, std::string path, api::Family family, Handler handler,
           std::size_t max_body_bytes = 0);
  // Matches a percent-encoded path (no query). A single trailing slash is ignored; an empty
  // segment never matches a parameter; a parameter that does not percent-decode cleanly or
  // does not fit its type does not match.
  Match match(bhttp::verb method, std::string_view path) const;
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  struct Node;
  bool match_from(const Node& node, const std::vector<std::string_view>& segs, std::size_t i,
                  bhttp::verb method, Match& out) const;
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace ov::http
