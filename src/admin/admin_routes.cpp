#include "admin/admin_routes.hpp"

#include "api/json_input.hpp"

namespace ov::admin {

namespace asio = boost::asio;

std::int64_t AdminRequest::int_param(std::size_t index) const { return std::stoll(param(index)); }

const rapidjson::Value& AdminRequest::body() const {
  if (!body_) throw std::logic_error("this route reads no body");
  return *body_;
}

void AdminRoutes::add(http::bhttp::verb method, std::string path, AdminHandler handler,
                      std::size_t max_body_bytes) {
  using http::bhttp::verb;
  const bool has_body = method == verb::post || method == verb::put || method == verb::patch;
  api::Route r;
  r.method = method;
  r.path = std::move(path);
  r.access = api::Access::kAdmin;
  r.max_body_bytes = max_body_bytes == 0 ? kMaxBodyBytes : max_body_bytes;
  r.handler = [handler = std::move(handler),
               has_body](http::Request& req) -> asio::awaitable<api::Reply> {
    std::optional<rapidjson::Document> body;
    // An empty body reads as {}: a rotation or a creation without options needs none.
    if (has_body) body = api::parse_optional_json_object(req.body());
    if (has_body && !body) body.emplace().SetObject();
    AdminRequest admin(req, body ? &*body : nullptr);
    AdminReply reply = co_await handler(admin);
    http::Response res;
    res.status = reply.status;
    res.body = std::move(reply.body);
    co_return api::raw(std::move(res));
  };
  routes_.add(std::move(r));
}

void require_company(storage::Session& s, std::int64_t company_id) {
  if (!s.query_i64("SELECT 1 FROM companies WHERE company_id = ?", {company_id})) {
    std::string message = "company ";
    message.append(std::to_string(company_id)).append(" was not found");
    throw core::not_found(message);
  }
}

}  // namespace ov::admin
