// "Contains the keyword" (storage/text_match.hpp) gives the same matches on every backend, and
// id lists survive their TEXT column.
#include "storage/text_match.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/test_database.hpp"

namespace ov::storage {
namespace {

TEST(IdListTest, RoundTripsAndReadsAnythingElseAsEmpty) {
  const std::vector<std::int64_t> ids{3, 1, 9223372036854775807};
  EXPECT_EQ(encode_id_list(ids), "[3,1,9223372036854775807]");
  EXPECT_EQ(decode_id_list(encode_id_list(ids)), ids);
  EXPECT_TRUE(decode_id_list("[]").empty());
  EXPECT_TRUE(decode_id_list("not json").empty());
  EXPECT_EQ(decode_id_list(R"([1,"2",3.5,4])"), (std::vector<std::int64_t>{1, 4}));
}

TEST(ContainsPatternTest, LowersAsciiAndEscapesWildcards) {
  EXPECT_EQ(contains_pattern("AbC"), "%abc%");
  EXPECT_EQ(contains_pattern("50%_\\"), "%50\\%\\_\\\\%");
  EXPECT_EQ(contains_pattern("สยาม"), "%สยาม%");
}

class ContainsTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    db_.emplace(backend());
    (*db_)->write_now([&](Session& s) {
      s.exec("CREATE TABLE texts (id BIGINT PRIMARY KEY, a TEXT, b TEXT)");
      const char* rows[][2] = {
          {"Siam Trading", "บริษัท สยามการค้า จำกัด"},
          {"ÉCOLE Café", nullptr},
          {"50% off_now", "back\\slash"},
          {nullptr, "SIAM"},
      };
      std::int64_t id = 1;
      for (const auto& r : rows) {
        s.exec("INSERT INTO texts (id, a, b) VALUES (?, ?, ?)",
               {id++, r[0] ? Value(std::string_view(r[0])) : Value(nullptr),
                r[1] ? Value(std::string_view(r[1])) : Value(nullptr)});
      }
    });
  }

  std::vector<std::int64_t> ids_containing(std::string_view keyword) {
    std::vector<std::int64_t> out;
    (*db_)->read_now([&](Session& s) {
      Sql q;
      q.add("SELECT id FROM texts WHERE 1 = 1");
      add_contains_any(q, s, {"a", "b"}, keyword);
      q.add(" ORDER BY id");
      auto rows = s.query(q.text(), q.params());
      while (rows.next()) out.push_back(rows.i64(0));
    });
    return out;
  }

  std::optional<TempDatabase> db_;
};
OV_ON_EVERY_BACKEND(ContainsTest);

TEST_P(ContainsTest, AsciiInAnyCaseEverythingElseExactly) {
  EXPECT_EQ(ids_containing("siam"), (std::vector<std::int64_t>{1, 4}));
  EXPECT_EQ(ids_containing("TRAD"), (std::vector<std::int64_t>{1}));
  // Thai has no case; a substring inside a word matches.
  EXPECT_EQ(ids_containing("ยามการ"), (std::vector<std::int64_t>{1}));
  // Letters beyond ASCII compare exactly on both backends, whatever their locale would do.
  EXPECT_EQ(ids_containing("café"), (std::vector<std::int64_t>{2}));
  EXPECT_EQ(ids_containing("école"), (std::vector<std::int64_t>{}));
  EXPECT_EQ(ids_containing("ÉCOLE"), (std::vector<std::int64_t>{2}));
}

TEST_P(ContainsTest, WildcardsMatchThemselves) {
  EXPECT_EQ(ids_containing("50%"), (std::vector<std::int64_t>{3}));
  EXPECT_EQ(ids_containing("%"), (std::vector<std::int64_t>{3}));
  EXPECT_EQ(ids_containing("f_n"), (std::vector<std::int64_t>{3}));
  // Unescaped, these would match nearly every row.
  EXPECT_EQ(ids_containing("_"), (std::vector<std::int64_t>{3}));
  EXPECT_EQ(ids_containing("%o"), (std::vector<std::int64_t>{}));
  EXPECT_EQ(ids_containing("\\"), (std::vector<std::int64_t>{3}));
}

}  // namespace
}  // namespace ov::storage
