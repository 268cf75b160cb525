#include "api/paging.hpp"

#include "api/bounds.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ov::api {
namespace {

constexpr core::SortColumn kSort[] = {
    {"customerId", "c.customer_id"},
    {"customerCode", "lower(c.customer_code)"},
    {"customerName", "lower(c.customer_name)"},
};

struct Read {
  PageRequest page;
  std::vector<core::SortTerm> order;
  std::vector<std::string> problems;
};

Read read(const char* body, const PageSpec& spec = {.alias = "pageLength"}) {
  auto doc = parse_json_object(body);
  ObjectReader r(doc);
  Read out;
  out.page = read_page(r, spec);
  out.order = read_order(r, "orderBy", kSort, {{1, false}});
  for (auto& p : r.take_problems()) out.problems.push_back(p.message);
  return out;
}

TEST(ReadPageTest, TakeAliasCapAndSkip) {
  EXPECT_EQ(read(R"({"take":20,"skip":40})").page.take, 20);
  EXPECT_EQ(read(R"({"take":20,"skip":40})").page.skip, 40);
  EXPECT_EQ(read(R"({"pageLength":"15"})").page.take, 15);
  // The canonical name wins over the alias.
  EXPECT_EQ(read(R"({"pageLength":15,"take":5})").page.take, 5);
  EXPECT_EQ(read(R"({"take":999999})").page.take, kMaxTake);
  EXPECT_EQ(read(R"({})").problems, std::vector<std::string>{"take is required"});
  EXPECT_EQ(read(R"({"take":null})").problems, std::vector<std::string>{"take is required"});
  EXPECT_EQ(read(R"({"take":0})").problems, std::vector<std::string>{"take must be at least 1"});
  EXPECT_EQ(read(R"({"pageLength":-1})").problems,
            std::vector<std::string>{"pageLength must be at least 1"});
  EXPECT_EQ(read(R"({"take":"x"})").problems, std::vector<std::string>{"take must be an integer"});
  EXPECT_EQ(read(R"({"take":1,"skip":-1})").problems.size(), 1u);
  const PageSpec optional{.need = Need::kOptional, .fallback = 20};
  EXPECT_EQ(read(R"({})", optional).page.take, 20);
  EXPECT_TRUE(read(R"({})", optional).problems.empty());
}

TEST(ReadOrderTest, FieldsOfTheSortTableOnly) {
  using T = core::SortTerm;
  EXPECT_EQ(read(R"({"take":1})").order, (std::vector<T>{{1, false}}));
  EXPECT_EQ(read(R"({"take":1,"orderBy":"  "})").order, (std::vector<T>{{1, false}}));
  EXPECT_EQ(read(R"({"take":1,"orderBy":"CUSTOMERNAME desc, customerId"})").order,
            (std::vector<T>{{2, true}, {0, false}}));
  EXPECT_EQ(read(R"({"take":1,"orderBy":"customerName ASC,"})").order,
            (std::vector<T>{{2, false}}));
  EXPECT_EQ(read(R"({"take":1,"orderBy":"password"})").problems,
            std::vector<std::string>{"orderBy field password is not a sortable field"});
  EXPECT_EQ(read(R"({"take":1,"orderBy":"customerName sideways"})").problems,
            std::vector<std::string>{"orderBy direction sideways must be asc or desc"});
  EXPECT_EQ(read(R"({"take":1,"orderBy":",customerName"})").problems,
            std::vector<std::string>{"orderBy has an empty term"});
}

}  // namespace
}  // namespace ov::api
