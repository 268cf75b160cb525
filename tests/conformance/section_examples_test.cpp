// The request examples openapi/openapi.yaml publishes for the Activity, Employee, Task and Setting
// sections and Deal Enquiry, replayed verbatim against a demo company (ENDPOINTS.md gives these
// sections no request examples of its own: the published ones are ours, and must work as printed),
// and the documented activity reply held against the server's.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

std::vector<std::string> spec_lines() {
  std::ifstream in(std::string(OPENVENIO_SOURCE_DIR) + "/openapi/openapi.yaml");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::size_t indent_of(const std::string& line) { return line.find_first_not_of(' '); }

// The JSON texts of the request-body examples of `method` on `path`: the lines below each
// `example:` / `value:` of its requestBody, indented deeper than that key.
std::vector<std::string> request_examples(const std::string& path, const std::string& method) {
  const auto lines = spec_lines();
  std::vector<std::string> out;
  bool in_path = false, in_op = false, in_body = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (l.rfind("  /", 0) == 0) in_path = l == "  " + path + ":";
    if (!in_path) continue;
    if (l.size() > 4 && l.rfind("    ", 0) == 0 && l[4] != ' ') in_op = l == "    " + method + ":";
    if (!in_op) continue;
    if (l == "      requestBody:") in_body = true;
    if (l == "      responses:") in_body = false;
    if (!in_body) continue;
    static const std::regex key(R"(^\s+(example|value):\s*$)");
    if (!std::regex_match(l, key)) continue;
    std::string json;
    for (std::size_t j = i + 1; j < lines.size() && indent_of(lines[j]) > indent_of(l); ++j) {
      json += lines[j] + "\n";
    }
    out.push_back(json);
  }
  return out;
}

// The JSON of the `example:` of a components/responses entry, e.g. ActivityOk.
std::string response_example(const std::string& name) {
  const auto lines = spec_lines();
  bool inside = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("    ", 0) == 0 && lines[i][4] != ' ')
      inside = lines[i] == "    " + name + ":";
    if (!inside || lines[i] != "          example:") continue;
    std::string json;
    for (std::size_t j = i + 1; j < lines.size() && indent_of(lines[j]) > 10; ++j) {
      json += lines[j] + "\n";
    }
    return json;
  }
  return "";
}

struct Operation {
  const char* path;
  const char* method;
  api::Family family;
  std::size_t examples;  // at least this many are published
};
constexpr Operation kOperations[] = {
    {"/v2/activities", "post", api::Family::kS, 2},
    {"/v2/activities/enquiry", "post", api::Family::kS, 1},
    {"/v1/employees/enquiry", "post", api::Family::kV, 2},
    {"/v1/task", "post", api::Family::kS, 1},
    {"/v1/deals/enquiry", "post", api::Family::kV, 1},
    {"/v1/expenses", "post", api::Family::kV, 1},
    {"/v1/expenses/enquiry", "post", api::Family::kV, 2},
    {"/v3/products", "post", api::Family::kS, 2},
    {"/v2/products/getproduct", "post", api::Family::kS, 2},
    {"/v3/products/codeguard", "post", api::Family::kS, 1},
};

class SectionExamples : public ::testing::Test {
 protected:
  TestServer server_{fixed_at(1739509200)};  // 2025-02-14T12:00:00+0700
  HttpClient client_ = server_.client();
};

TEST_F(SectionExamples, EveryPublishedRequestExampleSucceedsVerbatim) {
  for (const auto& op : kOperations) {
    const auto examples = request_examples(op.path, op.method);
    EXPECT_GE(examples.size(), op.examples) << op.path;
    for (const auto& body : examples) {
      SCOPED_TRACE(std::string(op.path) + "\n" + body);
      // Each example on a demo company of its own: none depends on another's effects.
      const auto company = server_.add_company();
      auto res = client_.request("POST", op.path, company.auth_json(), body);
      ASSERT_EQ(res.status, 200) << res.body;
      auto doc = res.json();
      if (op.family == api::Family::kV) {
        EXPECT_TRUE(doc["data"].HasMember("value")) << res.body;
      } else {
        EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
      }
    }
  }
}

TEST_F(SectionExamples, TheDocumentedActivityIsTheDemoActivity) {
  const auto company = server_.add_company();
  rapidjson::Document documented;
  const auto text = response_example("ActivityOk");
  documented.Parse(text.c_str(), text.size());
  ASSERT_FALSE(documented.HasParseError()) << text;
  auto res = client_.request("GET", "/v2/activities/no/A20250200028", company.auth());
  ASSERT_EQ(res.status, 200) << res.body;
  auto ours = res.json();
  EXPECT_EQ(keys_of(ours["data"]), keys_of(documented["data"]));
  // The first demo company of a fresh database holds the documented ids as well.
  EXPECT_EQ(to_json(ours), to_json(documented));
}

}  // namespace
}  // namespace ov::test
