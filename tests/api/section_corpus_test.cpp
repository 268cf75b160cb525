// The malformed request bodies of the Activity, Task, Employee, Deal, Expense, Product, Quotation
// and SalesOrder sections (tests/corpus/<section>/): each is rejected with the status its README
// line expects, in its endpoint's error envelope, without writing anything or spoiling the
// connection; and each corpus's reference body, which its files change one thing of, is accepted.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "modules/demo/demo_data.hpp"
#include "modules/expenses/expense_service.hpp"
#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

namespace fs = std::filesystem;

// The corpora of these sections; each README names its endpoint and family.
constexpr const char* kCorpora[] = {
    "activities",   "tasks",          "activity-enquiry", "employee-enquiry", "deals",
    "deal-updates", "deal-enquiry",   "expenses",         "expense-updates",  "expense-enquiry",
    "products",     "product-filter", "product-stock",    "quotations",       "salesorders"};

// The records the corpora target beyond the demo data, made in the demo company before any body
// is sent: expense-updates' waiting expense EXP250200001 (the demo expense EXP230100001 is
// approved and refuses every edit), as Create Expense makes it on 2025-02-14T12:00:00+0700.
// Returns its number.
std::string prepare_records(TestServer& server, const TestCompany& company) {
  constexpr core::UnixSeconds kCreated = 1739509200;
  const core::Caller caller{company.id, demo::kApiUserId, &core::TimeZone::bangkok()};
  expenses::ExpenseInput in;
  in.subject = "Corpus target";
  expenses::LineInput line;
  line.line.expense_type_id = 1008;
  line.line.amount = core::Decimal::of(500);
  in.lines = {line};
  std::int64_t id = 0;
  server.db().write_now(
      [&](storage::Session& s) { id = expenses::create_expense(s, caller, in, kCreated); });
  std::string no;
  server.db().read_now([&](storage::Session& s) {
    auto rows = s.query("SELECT expense_no FROM expenses WHERE expense_id = ?", {id});
    if (rows.next()) no = rows.str(0);
  });
  return no;
}

fs::path corpus_dir(const std::string& corpus) {
  return fs::path(OPENVENIO_SOURCE_DIR) / "tests/corpus" / corpus;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Corpus {
  std::string method, path, family;
  std::map<std::string, int> expected;  // file → status
  std::string reference;                // the valid body the files change
};

Corpus read_corpus(const std::string& name) {
  Corpus c;
  std::ifstream in(corpus_dir(name) / "README.md");
  const std::regex endpoint(R"(^Endpoint: `(\w+) (\S+)`$)");
  const std::regex family(R"(^Family: (S|V|N)$)");
  const std::regex row(R"(^\|\s*`([^`]+\.body)`\s*\|.*\|\s*(\d{3})\s*\|\s*$)");
  std::string line;
  bool in_reference = false;
  while (std::getline(in, line)) {
    std::smatch m;
    if (line == "```json") {
      in_reference = true;
    } else if (in_reference) {
      if (line == "```") {
        in_reference = false;
      } else {
        c.reference += line;
      }
    } else if (std::regex_match(line, m, endpoint)) {
      c.method = m[1].str();
      c.path = m[2].str();
    } else if (std::regex_match(line, m, family)) {
      c.family = m[1].str();
    } else if (std::regex_match(line, m, row)) {
      c.expected[m[1].str()] = std::stoi(m[2].str());
    }
  }
  return c;
}

std::vector<std::string> body_files(const std::string& name) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(corpus_dir(name), ec)) {
    if (e.is_regular_file() && e.path().extension() == ".body") {
      out.push_back(e.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SectionCorpusFiles, EveryCorpusNamesItsEndpointAndEveryFileItsStatus) {
  for (const char* name : kCorpora) {
    SCOPED_TRACE(name);
    const auto c = read_corpus(name);
    EXPECT_FALSE(c.method.empty());
    EXPECT_FALSE(c.family.empty());
    const auto files = body_files(name);
    EXPECT_GE(files.size(), 25u);
    for (const auto& f : files) {
      auto it = c.expected.find(f);
      ASSERT_NE(it, c.expected.end()) << f << " has no line in the README";
      EXPECT_TRUE(it->second == 400 || it->second == 404) << f;
    }
    EXPECT_EQ(c.expected.size(), files.size()) << "a README line names a missing file";
  }
}

// A corpus whose reference body were refused would prove nothing: its files would be refused
// for the reference's fault. On a demo company of its own, each is accepted.
TEST(SectionCorpusFiles, EveryCorpusReferenceBodyIsAccepted) {
  TestServer server;
  const TestCompany company = server.add_company();
  ASSERT_EQ(prepare_records(server, company), "EXP250200001");
  auto http = server.client();
  for (const char* name : kCorpora) {
    SCOPED_TRACE(name);
    const auto c = read_corpus(name);
    ASSERT_FALSE(c.reference.empty());
    auto res = http.request(c.method, c.path, company.auth_json(), c.reference);
    EXPECT_EQ(res.status, 200) << res.body;
    // Nor would one whose batch reports a refused item (a ticket's result, a stock item's).
    EXPECT_EQ(res.body.find(R"("isSuccess":false)"), std::string::npos) << res.body;
  }
}

// The family's error body: S `{"status":…,"data":null|{"errors":[…]}}`, V the same inside
// `data.value`, N the same as S followed by `statusCode` and `httpStatusCode`.
void expect_error_envelope(const HttpResponse& res, const std::string& family, int status) {
  rapidjson::Document doc;
  doc.Parse(res.body.c_str(), res.body.size());
  ASSERT_FALSE(doc.HasParseError()) << "not JSON: " << res.body;
  ASSERT_TRUE(doc.IsObject() && doc.HasMember("status") && doc["status"].IsObject() &&
              doc["status"].HasMember("code") && doc["status"]["code"].IsString() &&
              doc.HasMember("data"))
      << res.body;
  const std::string code = doc["status"]["code"].GetString();
  EXPECT_TRUE(code == "4001" || code == "4002") << res.body;
  if (status == 404) {
    EXPECT_EQ(code, "4001") << res.body;
  }
  const rapidjson::Value* slot = &doc["data"];
  if (family == "V") {
    ASSERT_TRUE(slot->IsObject() && slot->HasMember("value")) << res.body;
    slot = &(*slot)["value"];
  }
  if (family == "N") {
    ASSERT_TRUE(doc.HasMember("statusCode") && doc["statusCode"].IsInt() &&
                doc.HasMember("httpStatusCode") && doc["httpStatusCode"].IsInt())
        << res.body;
    EXPECT_EQ(std::to_string(doc["statusCode"].GetInt()), code) << res.body;
    EXPECT_EQ(doc["httpStatusCode"].GetInt(), res.status) << res.body;
  }
  if (code == "4001") {
    EXPECT_TRUE(slot->IsNull()) << res.body;
  } else {
    ASSERT_TRUE(slot->IsObject() && slot->HasMember("errors") && (*slot)["errors"].IsArray())
        << res.body;
    EXPECT_GE((*slot)["errors"].Size(), 2u) << res.body;
  }
}

struct Param {
  std::string corpus;
  std::string file;
};

class SectionCorpus : public ::testing::TestWithParam<Param> {
 protected:
  // One server for every corpus: each body is independent and must leave no trace.
  static void SetUpTestSuite() {
    server_ = std::make_unique<TestServer>();
    company_ = std::make_unique<TestCompany>(server_->add_company());
    prepared_ = prepare_records(*server_, *company_);
  }
  static void TearDownTestSuite() {
    company_.reset();
    server_.reset();
  }
  // Grows with every write a body could make: a record or number taken, a deal changed (its
  // modification time, its links, its stage's column), an expense changed (its status and
  // modification time, its lines, trail, log and attachments), or a product written (a product,
  // group, unit, property or ticket, a changed product's modification time or stock).
  static std::int64_t written() {
    return server_->scalar(
        "SELECT (SELECT COUNT(*) FROM activities) + (SELECT COUNT(*) FROM tasks) + (SELECT "
        "COALESCE(SUM(last_value), 0) FROM number_sequences) + (SELECT COUNT(*) FROM deals) + "
        "(SELECT COALESCE(SUM(date_modified), 0) FROM deals) + (SELECT COUNT(*) FROM "
        "deal_label_links) + (SELECT COUNT(*) FROM deal_interest_links) + (SELECT "
        "COALESCE(SUM(next_position), 0) FROM deal_stages) + (SELECT COUNT(*) FROM "
        "deal_customers) + (SELECT COUNT(*) FROM expenses) + (SELECT COALESCE(SUM(status_id + "
        "date_updated), 0) FROM expenses) + (SELECT COUNT(*) FROM expense_details) + (SELECT "
        "COALESCE(MAX(expense_detail_id), 0) FROM expense_details) + (SELECT COUNT(*) FROM "
        "expense_states) + (SELECT COUNT(*) FROM expense_logs) + (SELECT COUNT(*) FROM "
        "attachments) + (SELECT COUNT(*) FROM products) + (SELECT COALESCE(SUM(date_modified), "
        "0) FROM products) + (SELECT COALESCE(CAST(SUM(CAST(qty AS NUMERIC) * 10000) AS BIGINT), "
        "0) FROM products) + (SELECT COUNT(*) FROM product_groups) + (SELECT COUNT(*) FROM "
        "product_units) + (SELECT COUNT(*) FROM product_attributes) + (SELECT COUNT(*) FROM "
        "product_attribute_values) + (SELECT COUNT(*) FROM product_tickets) + (SELECT COUNT(*) "
        "FROM webhook_messages) + (SELECT COUNT(*) FROM quotations) + (SELECT COUNT(*) FROM "
        "sales_orders) + (SELECT COUNT(*) FROM document_lines) + (SELECT COUNT(*) FROM "
        "sales_order_discounts) + (SELECT COUNT(*) FROM sales_order_installments)");
  }
  static std::unique_ptr<TestServer> server_;
  static std::unique_ptr<TestCompany> company_;
  static std::string prepared_;
};
std::unique_ptr<TestServer> SectionCorpus::server_;
std::unique_ptr<TestCompany> SectionCorpus::company_;
std::string SectionCorpus::prepared_;

TEST_P(SectionCorpus, IsRejectedWithoutSideEffects) {
  const auto& [name, file] = GetParam();
  const auto c = read_corpus(name);
  auto it = c.expected.find(file);
  ASSERT_NE(it, c.expected.end());
  const std::string body = read_bytes(corpus_dir(name) / file);
  ASSERT_EQ(prepared_, "EXP250200001");
  const auto before = written();

  RawConnection conn(server_->port());
  auto res = conn.request(c.method, c.path, company_->auth_json(), body);
  ASSERT_TRUE(res) << "no response: " << conn.last_error().message();
  EXPECT_LT(res->status, 500) << res->body;
  EXPECT_EQ(res->status, it->second) << res->body;
  expect_error_envelope(*res, c.family, it->second);

  auto next = conn.request("GET", "/v2/activities/no/A20250200028", company_->auth());
  ASSERT_TRUE(next) << "the connection broke after the rejection: " << conn.last_error().message();
  EXPECT_EQ(next->status, 200) << next->body;
  EXPECT_EQ(written(), before) << "a rejected body wrote something";
}

std::vector<Param> all_params() {
  std::vector<Param> out;
  for (const char* name : kCorpora) {
    for (const auto& f : body_files(name)) out.push_back({name, f});
  }
  return out;
}

std::string test_name(const ::testing::TestParamInfo<Param>& info) {
  std::string name =
      info.param.corpus + "_" +
      info.param.file.substr(0, info.param.file.size() - std::string(".body").size());
  for (auto& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(, SectionCorpus, ::testing::ValuesIn(all_params()), test_name);

}  // namespace
}  // namespace ov::test
