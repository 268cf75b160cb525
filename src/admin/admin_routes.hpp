// The administration plane's routes (/admin/v1): how a part of the plane (companies, clients,
// reference data, webhooks…) adds an operation.
//
//   void register_things(admin::AdminRoutes& admin, storage::Database& db) {
//     admin.add(verb::post, "/admin/v1/companies/{companyId:int64}/things",
//               [&db](admin::AdminRequest& req) -> asio::awaitable<admin::AdminReply> {
//                 const auto company = req.int_param(0);        // path parameters in order
//                 api::ObjectReader in(req.body());              // the parsed JSON object
//                 auto name = in.string("name", api::Need::kRequired, api::kNameChars);
//                 in.check();                                    // 400 problem with the list
//                 auto id = co_await db.write([&](storage::Session& s) {
//                   admin::require_company(s, company);          // 404 problem
//                   return add_thing(s, company, *name);
//                 });
//                 co_return admin::json(201, [&](api::JsonWriter& w) { … });
//               });
//   }
//
// A handler gets the request with its decoded path parameters and, for POST, PUT and PATCH, its
// body parsed as a JSON object (a body that is not one is a 400 problem before the handler
// runs); it returns a status and a plain JSON body (no Venio envelope), or throws
// core::ApiError, which the pipeline answers as an RFC 9457 problem (api/problem.hpp):
// validation 400 with every field problem, not found 404, conflict 409, business rule 422. Any
// other exception is logged with the request id and answered as a 500 problem that says
// nothing of it. Every route added here is Access::kAdmin: it answers only requests carrying
// the admin key, and only while the plane is enabled (`serve --admin-key`); otherwise its path
// answers the 404 of an unknown path.
#pragma once

#include <rapidjson/document.h>
#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "api/envelope.hpp"
#include "api/routes.hpp"
#include "http/message.hpp"
#include "storage/database.hpp"

namespace ov::admin {

// Request bodies of the plane are small objects (a name, a few flags, a header template's
// text of at most api::kTextChars characters, up to four bytes each): 64 KiB holds the largest
// with room to spare and keeps a flood of large bodies cheap to refuse.
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;

class AdminRequest {
 public:
  AdminRequest(http::Request& http, const rapidjson::Value* body) : http_(http), body_(body) {}

  http::Request& http() { return http_; }
  // The decoded path parameter at `index` (route order).
  const std::string& param(std::size_t index) const { return http_.params.at(index); }
  // A {name:int64} parameter (the router already checked its form).
  std::int64_t int_param(std::size_t index) const;
  // The body's JSON object; only for POST, PUT and PATCH routes.
  const rapidjson::Value& body() const;

 private:
  http::Request& http_;
  const rapidjson::Value* body_;
};

struct AdminReply {
  int status = 200;
  std::string body;  // JSON text; empty for 204
};

// A reply whose JSON body `fn` writes.
template <class F>
AdminReply json(int status, F&& fn) {
  AdminReply r;
  r.status = status;
  api::StringSink sink(r.body);
  api::JsonWriter w(sink);
  fn(w);
  return r;
}
inline AdminReply no_content() { return AdminReply{204, {}}; }

using AdminHandler = std::function<boost::asio::awaitable<AdminReply>(AdminRequest&)>;

class AdminRoutes {
 public:
  explicit AdminRoutes(api::Routes& routes) : routes_(routes) {}
  // `path` is the full template (/admin/v1/…); `max_body_bytes` 0 → kMaxBodyBytes.
  void add(http::bhttp::verb method, std::string path, AdminHandler handler,
           std::size_t max_body_bytes = 0);

 private:
  api::Routes& routes_;
};

// Throws a 404 problem unless company `company_id` exists. Every operation under
// /admin/v1/companies/{companyId} checks it in the transaction that reads or changes the
// company's data.
void require_company(storage::Session& s, std::int64_t company_id);

}  // namespace ov::admin
