#include "api/update.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "api/path_params.hpp"

namespace ov::api {
namespace {

template <class T>
Input<T> present(std::optional<T> v) {
  Input<T> in;
  in.present = true;
  in.value = std::move(v);
  return in;
}

TEST(PatchTest, AbsentKeepsNullClearsValueReplaces) {
  std::optional<std::string> note = "kept";
  patch(note, Input<std::string>{});
  EXPECT_EQ(note, "kept");
  patch(note, present<std::string>("new"));
  EXPECT_EQ(note, "new");
  patch(note, present<std::string>(std::nullopt));
  EXPECT_FALSE(note);

  std::vector<std::string> tags{"a"};
  patch(tags, Input<std::vector<std::string>>{});
  EXPECT_EQ(tags, std::vector<std::string>{"a"});
  patch(tags, present<std::vector<std::string>>(std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(tags, (std::vector<std::string>{"b", "c"}));
  patch(tags, present<std::vector<std::string>>(std::nullopt));
  EXPECT_TRUE(tags.empty());

  std::string subject = "kept";
  patch(subject, present<std::string>(std::nullopt));
  EXPECT_EQ(subject, "kept");
  patch(subject, present<std::string>("new"));
  EXPECT_EQ(subject, "new");
}

TEST(UpsertByKeyTest, CreatesUpdatesOrAnswersNotFound) {
  std::map<std::string, int> stored{{"K1", 1}};
  auto find = [&](const std::string& key) -> std::optional<int> {
    auto it = stored.find(key);
    if (it == stored.end()) return std::nullopt;
    return it->second;
  };
  auto create = [] { return std::string("created"); };
  auto update = [](int v) { return "updated " + std::to_string(v); };
  EXPECT_EQ(upsert_by_key(std::nullopt, "code", find, create, update), "created");
  EXPECT_EQ(upsert_by_key(std::string("K1"), "code", find, create, update), "updated 1");
  try {
    upsert_by_key(std::string("K9"), "code", find, create, update);
    FAIL() << "an unknown key was not refused";
  } catch (const core::ApiError& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kNotFound);
    EXPECT_STREQ(e.what(), "code K9 was not found");
  }
}

http::Request with_param(std::string value) {
  http::Request req;
  req.params.push_back(std::move(value));
  return req;
}

TEST(PathParamsTest, IdsCodesAndIdOrNumber) {
  EXPECT_EQ(path_id(with_param("2140016585")), 2140016585);
  EXPECT_EQ(path_code(with_param("T250200010"), 0, 50, "Case numbers", "case"), "T250200010");
  try {
    path_code(with_param(std::string(51, 'x')), 0, 50, "Case numbers", "case");
    FAIL();
  } catch (const core::ApiError& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::kNotFound);
    EXPECT_STREQ(e.what(), "Case numbers are at most 50 characters; no such case exists");
  }
  auto id = path_id_or_number(with_param("44"), 0, 50, "Deal numbers", "deal");
  EXPECT_EQ(id.id, 44);
  auto no = path_id_or_number(with_param("D241200044"), 0, 50, "Deal numbers", "deal");
  EXPECT_FALSE(no.id);
  EXPECT_EQ(no.number, "D241200044");
  // Beyond int64, and signed values, are numbers.
  EXPECT_FALSE(path_id_or_number(with_param("9223372036854775808"), 0, 50, "", "").id);
  EXPECT_FALSE(path_id_or_number(with_param("-1"), 0, 50, "", "").id);
  EXPECT_FALSE(path_id_or_number(with_param("+1"), 0, 50, "", "").id);
}

}  // namespace
}  // namespace ov::api
