#include "http/router.hpp"

#include <map>
#include <stdexcept>

#include "core/text.hpp"

namespace ov::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

enum class ParamType { kString, kInt64 };

bool fits(ParamType type, std::string_view value) {
  // A parameter must decode to text: it is compared with stored codes and may be echoed in
  // an error message.
  if (value.empty() || value.find('\0') != std::string_view::npos || !core::valid_utf8(value)) {
    return false;
  }
  if (type == ParamType::kInt64) {
    if (value.size() > 19) return false;
    for (char c : value) {
      if (c < '0' || c > '9') return false;
    }
    // 19 digits can exceed int64: compare against the maximum.
    if (value.size() == 19 && value > std::string_view("9223372036854775807")) return false;
  }
  return true;
}

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> segs;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return segs;
  std::size_t start = 0;
  for (;;) {
    auto slash = path.find('/', start);
    segs.push_back(path.substr(start, slash == std::string_view::npos ? path.npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segs;
}

}  // namespace

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  // At most one parameter child per type; the string one is tried last.
  std::unique_ptr<Node> int64_param;
  std::unique_ptr<Node> string_param;
  std::map<bhttp::verb, const Route*> routes;
};

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

const Route& Router::add(bhttp::verb method, std::string path) {
  auto r = std::make_unique<Route>();
  r->method = method;
  r->path = std::move(path);
  r->name = std::string(bhttp::to_string(r->method)) + " " + r->path;
  r->index = routes_.size();
  Node* node = root_.get();
  for (auto seg : split(r->path)) {
    if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
      bool typed = seg.find(":int64}") != std::string_view::npos;
      auto& child = typed ? node->int64_param : node->string_param;
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    } else {
      auto key = lower(seg);
      auto it = node->literals.find(key);
      if (it == node->literals.end())
        it = node->literals.emplace(key, std::make_unique<Node>()).first;
      node = it->second.get();
    }
  }
  if (node->routes.count(r->method)) throw std::logic_error("duplicate route " + r->name);
  node->routes[r->method] = r.get();
  routes_.push_back(std::move(r));
  return *routes_.back();
}

bool Router::match_from(const Node& node, const std::vector<std::string_view>& segs, std::size_t i,
                        bhttp::verb method, Match& out) const {
  if (i == segs.size()) {
    auto it = node.routes.find(method);
    if (it == node.routes.end()) return false;
    out.route = it->second;
    return true;
  }
  const auto seg = segs[i];
  // Literal first: /v1/case/categories is never a case number.
  if (!seg.empty()) {
    std::string key = lower(seg);
    auto it = node.literals.find(key);
    if (it != node.literals.end() && match_from(*it->second, segs, i + 1, method, out)) return true;
  }
  for (auto [child, type] : {std::pair{node.int64_param.get(), ParamType::kInt64},
                             std::pair{node.string_param.get(), ParamType::kString}}) {
    if (!child) continue;
    auto decoded = percent_decode(seg, false);
    if (!decoded || !fits(type, *decoded)) continue;
    out.params.push_back(std::move(*decoded));
    if (match_from(*child, segs, i + 1, method, out)) return true;
    out.params.pop_back();
  }
  return false;
}

Match Router::match(bhttp::verb method, std::string_view path) const {
  Match m;
  auto segs = split(path);
  if (!match_from(*root_, segs, 0, method, m)) return {};
  return m;
}

}  // namespace ov::http
