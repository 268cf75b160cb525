#include "modules/customers/code_order.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "storage/sql.hpp"
#include "storage/test_database.hpp"

namespace ov::customers {
namespace {

using storage::Session;
using storage::TempDatabase;

// Codes that exercise the comparison: ASCII letters of both cases (folded), digits and
// punctuation, multi-byte text (compared as bytes, not folded), prefixes of one another, and
// codes longer than eight bytes that share their first eight.
std::string random_code(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {
      "a", "B", "c", "Z", "0", "9", "-", "_", "é", "É", "ก", "ข้", "CUST-", "x", "long-prefix-"};
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 5);
  std::string code;
  for (int i = length(rng); i > 0; --i) code += kPieces[piece(rng)];
  return code;
}

class CodeOrderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937 rng(20261128);
    db_->write_now([&](Session& s) {
      for (const char* name : {"One", "Two"}) {
        companies_.push_back(*s.query_i64(
            "INSERT INTO companies (name, created_at) VALUES (?, 0) RETURNING company_id",
            {std::string_view(name)}));
      }
      // The same codes in both companies: equal keys, told apart by id.
      for (int i = 0; i < 1500; ++i) {
        const std::string code = random_code(rng) + std::to_string(i % 700);
        for (auto company : companies_) {
          auto id = s.query_i64(
              "INSERT INTO customers (company_id, customer_code, customer_name, created_at) "
              "VALUES (?, ?, 'n', 0) ON CONFLICT DO NOTHING RETURNING customer_id",
              {company, std::string_view(code)});
          if (id) ids_.push_back(*id);
        }
      }
      // Codes longer than a remembered key may be (stored directly, not through the API),
      // different only past their 256th byte.
      for (const char* last : {"b", "a"}) {
        const std::string code = std::string(270, 'x') + last;
        ids_.push_back(*s.query_i64(
            "INSERT INTO customers (company_id, customer_code, customer_name, created_at) "
            "VALUES (?, ?, 'n', 0) RETURNING customer_id",
            {companies_.front(), std::string_view(code)}));
      }
    });
  }

  // What SQLite answers for the same page.
  std::vector<std::int64_t> expected(const std::vector<std::int64_t>& ids, bool desc,
                                     std::int64_t skip, std::int64_t take) {
    std::vector<std::int64_t> out;
    db_->read_now([&](Session& s) {
      storage::Sql q;
      const char* dir = desc ? " DESC" : " ASC";
      q.add("SELECT customer_id FROM customers WHERE customer_id IN ").in_list(ids);
      q.add(" ORDER BY lower(customer_code)").add(dir).add(", customer_id").add(dir);
      q.add(" LIMIT ? OFFSET ?").bind(take).bind(skip);
      auto rows = s.query(q.text(), q.params());
      while (rows.next()) out.push_back(rows.i64(0));
    });
    return out;
  }

  std::vector<std::int64_t> page(CodeOrder& order, const std::vector<std::int64_t>& ids, bool desc,
                                 std::int64_t skip, std::int64_t take) {
    std::vector<std::int64_t> out;
    db_->read_now([&](Session& s) { out = order.page(s, ids, desc, skip, take); });
    return out;
  }

  void expect_same_pages(CodeOrder& order) {
    for (bool desc : {false, true}) {
      for (auto [skip, take] : {std::pair<std::int64_t, std::int64_t>{0, 50},
                                {0, 5000},
                                {17, 333},
                                {2950, 100},
                                {2999, 1},
                                {5000, 10}}) {
        EXPECT_EQ(page(order, ids_, desc, skip, take), expected(ids_, desc, skip, take))
            << "desc " << desc << " skip " << skip << " take " << take;
      }
    }
  }

  TempDatabase db_;
  std::vector<std::int64_t> companies_;
  std::vector<std::int64_t> ids_;  // the last kLongCodes have codes too long to remember
  static constexpr std::size_t kLongCodes = 2;
};

TEST_F(CodeOrderTest, OrdersAsSqliteOrdersLowerCodeThenId) {
  ASSERT_GT(ids_.size(), 2000u);
  CodeOrder order;
  expect_same_pages(order);  // codes read from the database
  EXPECT_EQ(order.size(), ids_.size() - kLongCodes);
  expect_same_pages(order);  // codes remembered (the long ones read again)
  EXPECT_EQ(order.size(), ids_.size() - kLongCodes);
}

TEST_F(CodeOrderTest, ASubsetIsOrderedAmongItself) {
  CodeOrder order;
  std::vector<std::int64_t> some;
  for (std::size_t i = 0; i < ids_.size() - kLongCodes; i += 7) some.push_back(ids_[i]);
  EXPECT_EQ(page(order, some, false, 3, 40), expected(some, false, 3, 40));
  EXPECT_EQ(order.size(), some.size());
  // The rest are read when first needed; the remembered ones are not read again.
  EXPECT_EQ(page(order, ids_, true, 0, 60), expected(ids_, true, 0, 60));
  EXPECT_EQ(order.size(), ids_.size() - kLongCodes);
}

TEST_F(CodeOrderTest, IdsWithoutACustomerAreLeftOut) {
  CodeOrder order;
  std::vector<std::int64_t> ids = {ids_[0], 999999999, ids_[1]};
  auto got = page(order, ids, false, 0, 10);
  EXPECT_EQ(got, expected(ids, false, 0, 10));
  EXPECT_EQ(got.size(), 2u);
  EXPECT_TRUE(page(order, {}, false, 0, 10).empty());
  EXPECT_TRUE(page(order, ids_, false, 0, 0).empty());
}

TEST_F(CodeOrderTest, PastTheBudgetCodesAreReadEachTimeWithTheSameResult) {
  // No room at all, then room for a block of codes but not for the page of ids they need.
  for (std::size_t budget : {std::size_t{0}, std::size_t{(1u << 20) + (32u << 10) - 1}}) {
    CodeOrder order(budget);
    expect_same_pages(order);
    EXPECT_LE(order.bytes(), budget);
    EXPECT_LT(order.size(), ids_.size());
  }
}

TEST_F(CodeOrderTest, ConcurrentCallersAgree) {
  CodeOrder order;
  const auto want = expected(ids_, false, 100, 200);
  std::vector<std::thread> threads;
  std::vector<std::vector<std::int64_t>> got(4);
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) got[t] = page(order, ids_, false, 100, 200);
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& g : got) EXPECT_EQ(g, want);
  EXPECT_EQ(order.size(), ids_.size() - kLongCodes);
}

}  // namespace
}  // namespace ov::customers
