// Every malformed Add Case body of tests/corpus/malformed is rejected with the status its README
// line expects, in the SN error envelope, without creating a case or spoiling the connection.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "admin/admin_routes.hpp"
#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() { return fs::path(OPENVENIO_SOURCE_DIR) / "tests/corpus/malformed"; }

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> corpus_files() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(corpus_dir(), ec)) {
    if (e.is_regular_file() && e.path().extension() == ".body") {
      names.push_back(e.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// README table rows: | `NN-name.body` | What is wrong | 400 |
std::map<std::string, int> expected_statuses() {
  std::map<std::string, int> out;
  std::ifstream in(corpus_dir() / "README.md");
  const std::regex row(R"(^\|\s*`([^`]+\.body)`\s*\|.*\|\s*(\d{3})\s*\|\s*$)");
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, row)) out[m[1].str()] = std::stoi(m[2].str());
  }
  return out;
}

std::int64_t count_cases(TestServer& server) {
  std::int64_t n = -1;
  server.db().read_now(
      [&](storage::Session& s) { n = s.query_i64("SELECT COUNT(*) FROM cases").value_or(-1); });
  return n;
}

TEST(MalformedCorpusFiles, HoldsAtLeastSixtyFilesEachWithAnExpectedStatus) {
  const auto files = corpus_files();
  const auto expected = expected_statuses();
  EXPECT_GE(files.size(), 60u);
  for (const auto& f : files) {
    auto it = expected.find(f);
    if (it == expected.end()) {
      ADD_FAILURE() << f << " has no line in the README";
      continue;
    }
    EXPECT_TRUE(it->second == 400 || it->second == 404) << f << ": " << it->second;
  }
  for (const auto& [name, status] : expected) {
    EXPECT_TRUE(std::binary_search(files.begin(), files.end(), name))
        << "the README lists " << name << " but the file is missing";
  }
}

// The SN error envelope (ENDPOINTS.md §2.2) with `status` inside and the code for one or
// several problems.
void expect_sn_error(const HttpResponse& res, int status) {
  rapidjson::Document doc;
  doc.Parse(res.body.c_str(), res.body.size());
  ASSERT_FALSE(doc.HasParseError()) << "not JSON: " << res.body;
  ASSERT_TRUE(doc.IsObject() && doc.HasMember("status") && doc["status"].IsObject() &&
              doc["status"].HasMember("code") && doc["status"]["code"].IsString() &&
              doc.HasMember("data") && doc["data"].IsObject())
      << "not the SN error envelope: " << res.body;
  const std::string code = doc["status"]["code"].GetString();
  EXPECT_TRUE(code == "4001" || code == "4002") << res.body;
  if (status == 404) {
    EXPECT_EQ(code, "4001") << res.body;
  }
  const auto& data = doc["data"];
  ASSERT_TRUE(data.HasMember("httpStatusCode") && data["httpStatusCode"].IsInt()) << res.body;
  EXPECT_EQ(data["httpStatusCode"].GetInt(), res.status) << res.body;
  ASSERT_TRUE(data.HasMember("statusCode") && data["statusCode"].IsInt()) << res.body;
  EXPECT_EQ(std::to_string(data["statusCode"].GetInt()), code) << res.body;
  ASSERT_TRUE(data.HasMember("data")) << res.body;
  if (code == "4001") {
    EXPECT_TRUE(data["data"].IsNull()) << res.body;
  } else {
    ASSERT_TRUE(data["data"].IsObject() && data["data"].HasMember("errors") &&
                data["data"]["errors"].IsArray())
        << res.body;
    EXPECT_GE(data["data"]["errors"].Size(), 2u) << res.body;
  }
}

class MalformedCorpus : public ::testing::TestWithParam<std::string> {
 protected:
  // One server for the whole corpus: each body is independent and must leave no trace.
  static void SetUpTestSuite() {
    server_ = std::make_unique<TestServer>();
    company_ = std::make_unique<TestCompany>(server_->add_company());
    expected_ = std::make_unique<std::map<std::string, int>>(expected_statuses());
  }
  static void TearDownTestSuite() {
    expected_.reset();
    company_.reset();
    server_.reset();
  }

  static std::unique_ptr<TestServer> server_;
  static std::unique_ptr<TestCompany> company_;
  static std::unique_ptr<std::map<std::string, int>> expected_;
};

std::unique_ptr<TestServer> MalformedCorpus::server_;
std::unique_ptr<TestCompany> MalformedCorpus::company_;
std::unique_ptr<std::map<std::string, int>> MalformedCorpus::expected_;

TEST_P(MalformedCorpus, IsRejectedWithoutSideEffects) {
  const std::string& file = GetParam();
  auto it = expected_->find(file);
  ASSERT_NE(it, expected_->end()) << file << " has no expected status in the README";
  const int expected = it->second;
  const std::string body = read_bytes(corpus_dir() / file);
  const auto cases_before = count_cases(*server_);

  RawConnection conn(server_->port());
  auto res = conn.request("POST", "/v1/case", company_->auth_json(), body);
  ASSERT_TRUE(res) << "no response: " << conn.last_error().message();
  EXPECT_LT(res->status, 500) << res->body;
  EXPECT_EQ(res->status, expected) << res->body;

  expect_sn_error(*res, expected);

  // The same connection carries the next request.
  auto next = conn.request("GET", "/v1/case/T250200010", company_->auth());
  ASSERT_TRUE(next) << "the connection broke after the rejection: " << conn.last_error().message();
  EXPECT_EQ(next->status, 200) << next->body;

  EXPECT_EQ(count_cases(*server_), cases_before) << "a rejected body created a case";
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.size() - std::string(".body").size());
  for (auto& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return "f" + name;
}

INSTANTIATE_TEST_SUITE_P(, MalformedCorpus, ::testing::ValuesIn(corpus_files()), test_name);

// The administration plane gets the same treatment (issue #12): every corpus body sent to an
// admin POST is a 4xx RFC 9457 problem, never a 500, writes nothing and keeps the connection.
// The bodies are Add Case bodies, so even the well-formed ones lack the entry's `name`: every
// one is refused.
class AdminMalformedCorpus : public ::testing::TestWithParam<std::string> {
 protected:
  static constexpr const char* kAdminKey = "corpus-admin-key-5e1d";
  static void SetUpTestSuite() {
    TestServerOptions o;
    o.configure = [](app::AppConfig& c) { c.admin_key = kAdminKey; };
    server_ = std::make_unique<TestServer>(o);
    company_ = std::make_unique<TestCompany>(server_->add_company(false));
  }
  static void TearDownTestSuite() {
    company_.reset();
    server_.reset();
  }
  static std::unique_ptr<TestServer> server_;
  static std::unique_ptr<TestCompany> company_;
};

std::unique_ptr<TestServer> AdminMalformedCorpus::server_;
std::unique_ptr<TestCompany> AdminMalformedCorpus::company_;

TEST_P(AdminMalformedCorpus, IsAProblemWithoutSideEffects) {
  const std::string body = read_bytes(corpus_dir() / GetParam());
  const std::string path =
      "/admin/v1/companies/" + std::to_string(company_->id) + "/case-categories";
  auto count = [&] {
    std::int64_t n = -1;
    server_->db().read_now([&](storage::Session& s) {
      n = s.query_i64("SELECT COUNT(*) FROM case_categories WHERE company_id = ?", {company_->id})
              .value_or(-1);
    });
    return n;
  };
  const auto before = count();
  const Headers h{{"Authorization", std::string("Bearer ") + kAdminKey},
                  {"Content-Type", "application/json"}};
  RawConnection conn(server_->port());
  auto res = conn.request("POST", path, h, body);
  ASSERT_TRUE(res) << "no response: " << conn.last_error().message();
  EXPECT_TRUE(res->status == 400 || res->status == 413) << res->status << " " << res->body;
  rapidjson::Document doc;
  doc.Parse(res->body.c_str(), res->body.size());
  ASSERT_FALSE(doc.HasParseError()) << "not JSON: " << res->body;
  ASSERT_TRUE(doc.IsObject() && doc.HasMember("status") && doc["status"].IsInt() &&
              doc.HasMember("errors") && doc["errors"].IsArray())
      << "not a problem: " << res->body;
  EXPECT_EQ(doc["status"].GetInt(), res->status);
  EXPECT_EQ(res->header("content-type"), "application/problem+json");

  // A body past the plane's 64 KiB bound is answered 413 before it is read, and the server
  // then closes the connection (docs/operations.md, "Bounds"); any other refusal keeps it.
  std::optional<RawConnection> fresh;
  if (res->status == 413) {
    EXPECT_GT(body.size(), admin::kMaxBodyBytes);
    fresh.emplace(server_->port());
  }
  auto next = (fresh ? *fresh : conn).request("GET", path, h);
  ASSERT_TRUE(next) << "the connection broke after the rejection: " << conn.last_error().message();
  EXPECT_EQ(next->status, 200) << next->body;
  EXPECT_EQ(count(), before) << "a rejected body created an entry";
}

INSTANTIATE_TEST_SUITE_P(, AdminMalformedCorpus, ::testing::ValuesIn(corpus_files()), test_name);

}  // namespace
}  // namespace ov::test
