#include "api/routes.hpp"

namespace ov::api {

void Routes::add(Route route) {
  const auto& entry = paths_.add(route.method, route.path);
  route.name = entry.name;
  route.index = entry.index;
  routes_.push_back(std::make_unique<Route>(std::move(route)));
}

void Routes::add(http::bhttp::verb method, std::string path, Family family, Handler handler,
                 std::size_t max_body_bytes) {
  Route r;
  r.method = method;
  r.path = std::move(path);
  r.handler = std::move(handler);
  r.family = family;
  r.max_body_bytes = max_body_bytes;
  add(std::move(r));
}

void SectionRoutes::add(http::bhttp::verb method, std::string path, Handler handler,
                        std::size_t max_body_bytes) {
  routes_.add(method, std::move(path), family_, std::move(handler), max_body_bytes);
}

const Route* Routes::match(http::bhttp::verb method, std::string_view path,
                           std::vector<std::string>& params) const {
  auto m = paths_.match(method, path);
  if (!m.route) return nullptr;
  params = std::move(m.params);
  return routes_[m.route->index].get();
}

}  // namespace ov::api
