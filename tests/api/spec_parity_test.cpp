// The routes the server serves and the operations openapi/openapi.yaml documents are the same
// set, so the published document never promises a route that 404s or hides one that exists.
#include <gtest/gtest.h>

#include <boost/asio/thread_pool.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <utility>

#include "admin/plane.hpp"
#include "admin/webhooks_plane.hpp"
#include "api/routes.hpp"
#include "auth/auth_service.hpp"
#include "auth/token_endpoint.hpp"
#include "core/clock.hpp"
#include "modules/master_data.hpp"
#include "modules/modules.hpp"
#include "storage/database.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

using Operation = std::pair<std::string, std::string>;  // METHOD, path template

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// "{id:int64}" → "{id}": the type annotation is the router's, the document has none.
std::string strip_param_types(const std::string& path) {
  static const std::regex typed(R"(\{([^}:]+):[^}]*\})");
  return std::regex_replace(path, typed, "{$1}");
}

std::set<Operation> spec_operations() {
  std::ifstream in(std::string(OPENVENIO_SOURCE_DIR) + "/openapi/openapi.yaml");
  EXPECT_TRUE(in.good()) << "openapi/openapi.yaml is not readable";
  const std::regex path_line(R"(^  (/[^:\s]*):\s*$)");
  const std::regex op_line(R"(^    (get|put|post|delete|patch|head|options|trace):\s*$)");
  std::set<Operation> out;
  bool in_paths = false;
  std::string path;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    // Any other top-level key ends the paths block.
    if (in_paths && !line.empty() && line[0] != ' ' && line[0] != '#') in_paths = false;
    if (!in_paths) continue;
    std::smatch m;
    if (std::regex_match(line, m, path_line)) {
      path = m[1].str();
    } else if (!path.empty() && std::regex_match(line, m, op_line)) {
      out.emplace(upper(m[1].str()), path);
    }
  }
  return out;
}

std::set<Operation> served_operations() {
  TempDir dir;
  auto db = storage::open_database("sqlite:" + (dir.path() / "routes.db").string());
  core::SystemClock clock;
  boost::asio::thread_pool blocking(1);
  std::set<Operation> out;
  {
    auth::AuthService auth(*db, clock);
    modules::Sections sections(*db, clock);
    api::Routes router;
    // The same registrations as app::Application's constructor.
    auth::register_token_routes(router, auth, blocking);
    sections.register_routes(router);
    admin::AdminRoutes admin_routes(router);
    admin::register_routes(admin_routes, *db, clock);
    admin::register_webhook_routes(admin_routes, *db, false);
    for (const auto& r : router.all()) {
      out.emplace(std::string(http::bhttp::to_string(r->method)), strip_param_types(r->path));
    }
  }
  blocking.join();
  db->close();
  // Added by app::Application itself (register_operations in src/app/application.cpp), which
  // offers no view of its router.
  for (const char* path : {"/healthz", "/readyz", "/metrics", "/openapi.yaml"}) {
    out.emplace("GET", path);
  }
  return out;
}

std::string list(const std::set<Operation>& ops) {
  std::string s;
  for (const auto& [method, path] : ops) s += "\n  " + method + " " + path;
  return s;
}

TEST(SpecParity, SpecDocumentsExactlyTheServedRoutes) {
  const auto spec = spec_operations();
  const auto served = served_operations();
  ASSERT_FALSE(spec.empty()) << "no operation found under paths: in openapi/openapi.yaml";
  std::set<Operation> undocumented, unserved;
  for (const auto& op : served) {
    if (!spec.count(op)) undocumented.insert(op);
  }
  for (const auto& op : spec) {
    if (!served.count(op)) unserved.insert(op);
  }
  EXPECT_TRUE(undocumented.empty())
      << "served but not in openapi/openapi.yaml:" << list(undocumented);
  EXPECT_TRUE(unserved.empty()) << "in openapi/openapi.yaml but not served:" << list(unserved);
  // The Case section and the token endpoint at least: guards against a parser that finds
  // nothing on both sides.
  EXPECT_TRUE(spec.count({"POST", "/authorization/connect/token"}));
  EXPECT_TRUE(spec.count({"PUT", "/v1/case/{caseNo}"}));
  EXPECT_TRUE(spec.count({"GET", "/v1/case/categories"}));
}

// The text of a path's entry in openapi.yaml, from its "  /path:" line to the next path.
std::string spec_entry(const std::string& path) {
  std::ifstream in(std::string(OPENVENIO_SOURCE_DIR) + "/openapi/openapi.yaml");
  std::string out, line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("  /", 0) == 0 || (!line.empty() && line[0] != ' ')) {
      inside = line == "  " + path + ":";
    }
    if (inside) out += line + "\n";
  }
  return out;
}

TEST(SpecParity, EveryMasterListIsDocumentedWithItsKeys) {
  // A master list is one declaration (core/master_list.hpp); its documented item must carry
  // the keys the declaration emits, in its example at least.
  std::size_t checked = 0;
  for (const auto& entry : modules::master_lists()) {
    const auto& list = *entry.list;
    if (list.path.empty()) continue;
    ++checked;
    const auto text = spec_entry(std::string(list.path));
    ASSERT_FALSE(text.empty()) << list.path << " is not in openapi/openapi.yaml";
    EXPECT_NE(text.find("    get:"), std::string::npos) << list.path;
    std::vector<std::string_view> keys{list.id_key, list.name_key};
    for (const auto& e : list.extras) keys.push_back(e.json);
    if (list.show_active) keys.push_back("isActive");
    for (auto key : keys) {
      EXPECT_NE(text.find("\"" + std::string(key) + "\""), std::string::npos)
          << list.path << ": the documented example lacks \"" << key << "\"";
    }
    // A second path serves the same list: it is documented as a GET as well.
    if (!list.alias_path.empty()) {
      EXPECT_NE(spec_entry(std::string(list.alias_path)).find("    get:"), std::string::npos)
          << list.alias_path << " is not documented";
    }
  }
  EXPECT_GE(checked, 3u);
}

TEST(SpecParity, ServedDocumentIsTheSourceFile) {
  // The served copy is embedded at build time; a stale build would serve an old document.
  std::ifstream in(std::string(OPENVENIO_SOURCE_DIR) + "/openapi/openapi.yaml", std::ios::binary);
  const std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  TestServer server;
  auto client = server.client();
  auto res = client.request("GET", "/openapi.yaml");
  ASSERT_EQ(res.status, 200);
  EXPECT_TRUE(res.body == source) << "GET /openapi.yaml differs from openapi/openapi.yaml";
}

}  // namespace
}  // namespace ov::test
