// Master-data lists (storage/master_lists.hpp) on every backend, over the case categories table.
#include "storage/master_lists.hpp"

#include <gtest/gtest.h>

#include "storage/test_database.hpp"

namespace ov::storage {
namespace {

constexpr core::MasterSeed kSeeds[] = {{1, "Zeta"}, {2, "Alpha"}, {3, "Beta"}};
constexpr core::MasterColumn kNoExtras[] = {{"ignored", "category_id"}};

constexpr core::MasterList kList{
    .path = "/test/categories",
    .table = "case_categories",
    .id_column = "category_id",
    .name_column = "name",
    .id_key = "categoryId",
    .name_key = "categoryName",
    .field = "categoryId",
    .show_active = true,
    .rows = core::ListedRows::kActiveUnlessAsked,
    .order = "name, category_id",
    .seeds = kSeeds,
};

class MasterListTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    db_.emplace(backend());
    (*db_)->write_now([&](Session& s) {
      for (std::int64_t company : {1, 2}) {
        s.exec("INSERT INTO companies (company_id, name, created_at) VALUES (?, 'c', 0)",
               {company});
      }
      seed_master(s, kList, 1);
      add_master_row(s, kList, 1, 9, "Closed", false);
      add_master_row(s, kList, 2, 1, "Other company's", true);
    });
  }

  std::vector<std::string> names(const core::MasterList& list, bool include_inactive) {
    std::vector<std::string> out;
    (*db_)->read_now([&](Session& s) {
      for (const auto& r : list_master(s, list, 1, include_inactive)) out.push_back(r.name);
    });
    return out;
  }

  std::string require(std::int64_t id, bool must_be_active) {
    std::string error;
    (*db_)->read_now([&](Session& s) {
      try {
        require_master(s, kList, 1, id, must_be_active);
      } catch (const core::ApiError& e) {
        error = e.what();
        EXPECT_EQ(e.kind(), core::ErrorKind::kNotFound);
      }
    });
    return error;
  }

  std::optional<TempDatabase> db_;
};
OV_ON_EVERY_BACKEND(MasterListTest);

TEST_P(MasterListTest, ListsInTheirOrderWithTheActiveRule) {
  EXPECT_EQ(names(kList, false), (std::vector<std::string>{"Alpha", "Beta", "Zeta"}));
  EXPECT_EQ(names(kList, true), (std::vector<std::string>{"Alpha", "Beta", "Closed", "Zeta"}));
  auto all = kList;
  all.rows = core::ListedRows::kAll;
  EXPECT_EQ(names(all, false).size(), 4u);
  auto active = kList;
  active.rows = core::ListedRows::kActive;
  EXPECT_EQ(names(active, true).size(), 3u);
}

TEST_P(MasterListTest, ExtraColumnsAndFilters) {
  auto list = kList;
  list.extras = kNoExtras;
  constexpr core::MasterFilter kById[] = {{"categoryId", "category_id"}};
  list.filters = kById;
  (*db_)->read_now([&](Session& s) {
    auto rows = list_master(s, list, 1, true, {std::int64_t{3}});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].name, "Beta");
    ASSERT_EQ(rows[0].extras.size(), 1u);
    EXPECT_EQ(std::get<std::int64_t>(rows[0].extras[0]), 3);
  });
}

TEST_P(MasterListTest, RequireChecksExistenceAndActivity) {
  EXPECT_EQ(require(2, true), "");
  EXPECT_EQ(require(9, false), "");  // inactive, but a record keeping it may
  EXPECT_EQ(require(9, true), "categoryId 9 was not found");
  EXPECT_EQ(require(77, false), "categoryId 77 was not found");
  // Ids are per company: company 2's entry 1 is not company 1's.
  (*db_)->read_now([&](Session& s) {
    EXPECT_EQ(find_master(s, kList, 1, 1)->name, "Zeta");
    EXPECT_EQ(find_master(s, kList, 2, 1)->name, "Other company's");
    EXPECT_FALSE(find_master(s, kList, 2, 2));
  });
}

}  // namespace
}  // namespace ov::storage
