#include "modules/customers/customer_keywords.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "modules/customers/customer_service.hpp"
#include "storage/database.hpp"

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
      for (int type : {kTypeLead, kTypeCustomer}) {
        CustomerRecord c;
        c.company_id = company;
        c.customer_code = type == kTypeLead ? "L000001" : "C000001";
        c.customer_name = type == kTypeLead ? "Siam Lead" : "Siam Customer";
        c.customer_type = type;
        ids.push_back(insert_customer(s, c));
      }
      // Back to the schema and rows of migration 0003.
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
    EXPECT_EQ(index.ids(company, "siam", kTypeLead), (std::vector<std::int64_t>{ids[0]}));
    EXPECT_EQ(index.ids(company, "c000001", kTypeCustomer), (std::vector<std::int64_t>{ids[1]}));
    // Two characters at the very end of the old text (the code's last digits).
    EXPECT_EQ(index.ids(company, "01", std::nullopt), ids);
    EXPECT_EQ(index.ids(company + 1, "siam", std::nullopt), std::vector<std::int64_t>{});
    EXPECT_FALSE(s.query_i64("SELECT 1 FROM sqlite_master WHERE name = 'customer_search'"));
  });
  db->close();
}

}  // namespace
}  // namespace ov::customers
