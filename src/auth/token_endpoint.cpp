#include "auth/token_endpoint.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <map>

#include "api/envelope.hpp"
#include "api/json_input.hpp"
#include "auth/crypto.hpp"

namespace ov::auth {

namespace asio = boost::asio;

namespace {

http::Response oauth_error(int status, std::string_view error, std::string_view description) {
  http::Response r;
  api::StringSink sink(r.body);
  api::JsonWriter w(sink);
  w.StartObject();
  api::write_key(w, "error");
  api::write_string(w, error);
  api::write_key(w, "error_description");
  api::write_string(w, description);
  w.EndObject();
  r.status = status;
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Pragma", "no-cache");
  return r;
}

// application/x-www-form-urlencoded; nullopt when malformed or a parameter is repeated
// (RFC 6749 §3.2: parameters must not be included more than once).
std::optional<std::map<std::string, std::string>> parse_form(std::string_view body) {
  std::map<std::string, std::string> out;
  while (!body.empty()) {
    auto amp = body.find('&');
    auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto key = http::percent_decode(pair.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::optional<std::string>(std::string())
                                              : http::percent_decode(pair.substr(eq + 1), true);
    if (!key || !value) return std::nullopt;
    if (!out.emplace(std::move(*key), std::move(*value)).second) return std::nullopt;
  }
  return out;
}

bool is_form(std::string_view content_type) {
  auto semi = content_type.find(';');
  auto type = content_type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
  return api::iequals(type, "application/x-www-form-urlencoded");
}

asio::awaitable<std::optional<AuthService::Issued>> check_client(AuthService& auth,
                                                                 std::string client_id,
                                                                 std::string secret) {
  co_return auth.issue_token(client_id, secret);
}

}  // namespace

void register_token_routes(api::Routes& routes, AuthService& auth, asio::thread_pool& blocking) {
  api::Route route;
  route.method = http::bhttp::verb::post;
  route.path = "/authorization/connect/token";
  route.access = api::Access::kTokenEndpoint;
  // A form with a client id and secret is a few hundred bytes; nothing legitimate needs more.
  route.max_body_bytes = 16 * 1024;
  route.handler = [&auth, &blocking](http::Request& req) -> asio::awaitable<api::Reply> {
    if (!is_form(req.header("Content-Type"))) {
      co_return api::raw(oauth_error(400, "invalid_request",
                                     "Content-Type must be application/x-www-form-urlencoded"));
    }
    auto form = parse_form(req.body());
    if (!form) {
      co_return api::raw(oauth_error(400, "invalid_request",
                                     "The request body is malformed or repeats a parameter"));
    }
    auto field = [&](const char* name) -> const std::string* {
      auto it = form->find(name);
      return it == form->end() ? nullptr : &it->second;
    };
    const auto* grant = field("grant_type");
    if (!grant || grant->empty())
      co_return api::raw(oauth_error(400, "invalid_request", "grant_type is required"));
    if (*grant != "client_credentials") {
      co_return api::raw(oauth_error(400, "unsupported_grant_type",
                                     "Only the client_credentials grant is supported"));
    }
    std::string client_id, secret;
    bool basic = false;
    std::string_view authz = req.header("Authorization");
    if (authz.size() > 6 && api::iequals(authz.substr(0, 6), "basic ")) {
      basic = true;
      if (field("client_id") || field("client_secret")) {
        co_return api::raw(
            oauth_error(400, "invalid_request",
                        "Client credentials must be sent either with HTTP Basic or in the "
                        "form, not both"));
      }
      auto decoded = base64_decode(authz.substr(6));
      auto colon = decoded ? decoded->find(':') : std::string::npos;
      std::optional<std::string> id, pw;
      if (colon != std::string::npos) {
        // RFC 6749 §2.3.1: both parts are form-encoded before Basic encoding.
        id = http::percent_decode(std::string_view(*decoded).substr(0, colon), true);
        pw = http::percent_decode(std::string_view(*decoded).substr(colon + 1), true);
      }
      if (!id || !pw)
        co_return api::raw(oauth_error(400, "invalid_request", "Malformed HTTP Basic credentials"));
      client_id = std::move(*id);
      secret = std::move(*pw);
    } else {
      const auto* id = field("client_id");
      const auto* pw = field("client_secret");
      if (!id || id->empty() || !pw || pw->empty()) {
        co_return api::raw(
            oauth_error(400, "invalid_request", "client_id and client_secret are required"));
      }
      client_id = *id;
      secret = *pw;
    }
    // Argon2id takes tens of milliseconds by design: run it on the blocking pool.
    auto issued = co_await asio::co_spawn(
        blocking, check_client(auth, std::move(client_id), std::move(secret)), asio::use_awaitable);
    if (!issued || (req.company_id != 0 && issued->company_id != req.company_id)) {
      auto r = oauth_error(401, "invalid_client", "Client authentication failed");
      if (basic) r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"token\"");
      co_return api::raw(std::move(r));
    }
    http::Response r;
    api::StringSink sink(r.body);
    api::JsonWriter w(sink);
    w.StartObject();
    api::write_key(w, "access_token");
    api::write_string(w, issued->access_token);
    api::write_key(w, "expires_in");
    w.Int64(issued->expires_in);
    api::write_key(w, "token_type");
    api::write_string(w, "Bearer");
    w.EndObject();
    r.headers.emplace_back("Cache-Control", "no-store");
    r.headers.emplace_back("Pragma", "no-cache");
    co_return api::raw(std::move(r));
  };
  routes.add(std::move(route));
}

}  // namespace ov::auth
