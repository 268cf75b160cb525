#include "modules/customers/customer_keywords.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "modules/customers/customer_repository.hpp"
#include "modules/customers/customer_service.hpp"
#include "storage/database.hpp"
#include "storage/test_database.hpp"

namespace ov::customers {
namespace {

using storage::Session;

class KeywordMigration : public ::testing::Test {
 protected:
  void SetUp() override { remove_files(); }
  void TearDown() override { remove_files(); }
  void remove_files() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ec);
  }
  std::unique_ptr<storage::Database> open() { return storage::open_database("sqlite:" + path_); }

  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("ov-keywords-" + std::to_string(::getpid()) + ".db"))
                          .string();
};

// A database written before migration 0004 holds its search text in customer_search, keyed
// by customer id; after the migration the same customers are found through the new index,
// with their type, and the old table is gone.
TEST_F(KeywordMigration, CustomersIndexedBeforeTheRebuildStayFindable) {
  std::int64_t company = 0;
  std::vector<std::int64_t> ids;
  {
    auto db = open();
    db->write_now([&](Session& s) {
      company = *s.query_i64(
          "INSERT INTO companies (name, created_at) VALUES ('Old', 0) RETURNING company_id");
      for (int state : {kStateLead, kStateCustomer}) {
        CustomerRecord c;
        c.company_id = company;
        c.customer_code = state == kStateLead ? "L000001" : "C000001";
        c.customer_name = state == kStateLead ? "Siam Lead" : "Siam Customer";
        c.customer_state = state;
        ids.push_back(insert_customer(s, c));
      }
      // Back to the schema and rows of migration 0003, whose customers carried the legacy type
      // code that 0004 reads (0007 later turned it into customerState).
      s.exec(
          "UPDATE customers SET customer_type = CASE customer_state WHEN 1 THEN 11100 WHEN 2 THEN "
          "11200 ELSE 11300 END");
      s.exec("DROP TABLE customer_keyword_terms");
      s.exec("DROP TABLE customer_keywords");
      s.exec(
          "CREATE VIRTUAL TABLE customer_search USING fts5(search_text, company_id UNINDEXED, "
          "tokenize = \"trigram\")");
      s.exec(
          "INSERT INTO customer_search (rowid, search_text, company_id) SELECT customer_id, "
          "lower(customer_name) || char(10) || lower(customer_code), company_id FROM customers");
      s.exec("DELETE FROM schema_migrations WHERE version = 4");
    });
    db->close();
  }
  auto db = open();  // applies 0004 again
  db->read_now([&](Session& s) {
    KeywordIndex index(s);
    EXPECT_EQ(index.ids(company, "siam", std::nullopt), ids);
    EXPECT_EQ(index.ids(company, "siam", kStateLead), (std::vector<std::int64_t>{ids[0]}));
    EXPECT_EQ(index.ids(company, "c000001", kStateCustomer), (std::vector<std::int64_t>{ids[1]}));
    // Two characters at the very end of the old text (the code's last digits).
    EXPECT_EQ(index.ids(company, "01", std::nullopt), ids);
    EXPECT_EQ(index.ids(company + 1, "siam", std::nullopt), std::vector<std::int64_t>{});
    EXPECT_FALSE(s.query_i64("SELECT 1 FROM sqlite_master WHERE name = 'customer_search'"));
  });
  db->close();
}

// A tenant that stores a pair followed by very many distinct characters cannot make another
// tenant's two-character search expand into all of them (found: one tenant's planted data made
// another's search go from 0.5 ms to 220 ms): past the bound the search scans the company's
// own rows, and finds what it found before.
TEST(KeywordExpansion, ATenantsVocabularyDoesNotWidenAnothersSearch) {
  storage::TempDatabase db;
  std::int64_t mine = 0, theirs = 0;
  auto add = [](Session& s, std::int64_t company, const std::string& code,
                const std::string& name) {
    CustomerRecord c;
    c.company_id = company;
    c.customer_code = code;
    c.customer_name = name;
    insert_customer(s, c);
  };
  db->write_now([&](Session& s) {
    for (auto* id : {&mine, &theirs}) {
      *id = *s.query_i64(
          "INSERT INTO companies (name, created_at) VALUES ('k', 0) RETURNING company_id");
    }
    add(s, mine, "M1", "Abacus Ltd");
    add(s, mine, "M2", "Crab shack");
    add(s, mine, "M3", "Nothing here");
  });
  auto found = [&]() {
    std::optional<std::vector<std::int64_t>> ids;
    std::vector<std::string> codes;
    db->read_now([&](Session& s) {
      ids = KeywordIndex(s).ids(mine, "ab", std::nullopt);
      EnquiryInput in;
      in.keyword = "ab";
      in.take = 10;
      in.order = {{kSortByCode, false}};
      CodeOrder order;
      for (const auto& c : CustomerRepository(s, &order).enquiry(mine, in).items) {
        codes.push_back(c.customer_code);
      }
    });
    return std::pair{ids, codes};
  };
  auto [before_ids, before] = found();
  ASSERT_TRUE(before_ids.has_value());  // a few trigrams: answered by the index
  EXPECT_EQ(before, (std::vector<std::string>{"M1", "M2"}));

  // 600 trigrams "ab" + a distinct CJK character, in the other company.
  db->write_now([&](Session& s) {
    for (int i = 0; i < 600; ++i) {
      std::string name = "ab";
      const int cp = 0x4E00 + i;
      name += static_cast<char>(0xE0 | (cp >> 12));
      name += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      name += static_cast<char>(0x80 | (cp & 0x3F));
      add(s, theirs, "T" + std::to_string(i), name);
    }
  });
  auto [after_ids, after] = found();
  EXPECT_FALSE(after_ids.has_value()) << "the pair was expanded into every company's trigrams";
  EXPECT_EQ(after, before);
}

}  // namespace
}  // namespace ov::customers
