// Path templates → routes: method + path template, literal segments matched ASCII
// case-insensitively and tried before parameters at every position (ENDPOINTS.md §1.1). The
// router knows nothing of what a route does; the application keeps that per route index.
#pragma once

#include <boost/beast/http/verb.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace ov::http {

struct Route {
  bhttp::verb method;
  std::string path;       // template, e.g. /v1/case/{caseNo}; {name:int64} for a typed parameter
  std::string name;       // "PUT /v1/case/{caseNo}"
  std::size_t index = 0;  // position in the table: the application's key for the route
};

struct Match {
  const Route* route = nullptr;
  std::vector<std::string> params;
};

class Router {
 public:
  Router();
  ~Router();
  // Adds a template and returns its route. Throws std::logic_error when the method and the
  // template (parameter names and literal case aside) are already taken.
  const Route& add(bhttp::verb method, std::string path);
  // The same for a route given as a row (its name and index are filled in here).
  const Route& add(Route route) { return add(route.method, std::move(route.path)); }
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
