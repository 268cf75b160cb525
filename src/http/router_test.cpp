#include "http/router.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace ov::http {
namespace {

using bhttp::verb;

Route route(verb method, std::string path) {
  Route r;
  r.method = method;
  r.path = std::move(path);
  return r;
}

// The outcome of one match, comparable in one assertion: the route name and its parameters,
// or "" when nothing matched.
struct Outcome {
  std::string name;
  std::vector<std::string> params;
  bool operator==(const Outcome&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Outcome& o) {
  os << "{" << (o.name.empty() ? "<no match>" : o.name) << " [";
  for (const auto& p : o.params) os << "\"" << p << "\" ";
  return os << "]}";
}

Outcome run(const Router& router, verb method, std::string_view path) {
  auto m = router.match(method, path);
  if (!m.route) {
    EXPECT_TRUE(m.params.empty()) << "parameters left behind by a failed match of " << path;
    return {};
  }
  return {m.route->name, m.params};
}

const Outcome kNone{};

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add(route(verb::get, "/v1/case/categories"));
    router_.add(route(verb::get, "/v1/case/{caseNo}"));
    router_.add(route(verb::put, "/v1/case/{caseNo}"));
    router_.add(route(verb::get, "/a/{x}/c"));
    router_.add(route(verb::get, "/a/b/{y}"));
    router_.add(route(verb::get, "/v1/items/{id:int64}"));
    router_.add(route(verb::get, "/v1/ids/{id:int64}/detail"));
    router_.add(route(verb::get, "/v3/Products"));
    router_.add(route(verb::post, "/v1/quotation/{quotationNo}/convert-to-salesorder"));
  }
  Router router_;
};

TEST_F(RouterTest, LiteralSegmentsAreCaseInsensitive) {
  const Outcome products{"GET /v3/Products", {}};
  EXPECT_EQ(run(router_, verb::get, "/v3/Products"), products);
  EXPECT_EQ(run(router_, verb::get, "/v3/products"), products);
  EXPECT_EQ(run(router_, verb::get, "/V3/PRODUCTS"), products);
  EXPECT_EQ(run(router_, verb::get, "/V1/CASE/Categories"),
            (Outcome{"GET /v1/case/categories", {}}));
  EXPECT_EQ(run(router_, verb::get, "/v3/product"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v3/productss"), kNone);
}

TEST_F(RouterTest, ParameterValuesKeepTheirCase) {
  EXPECT_EQ(run(router_, verb::get, "/V1/Case/t250200010"),
            (Outcome{"GET /v1/case/{caseNo}", {"t250200010"}}));
}

TEST_F(RouterTest, LiteralBeatsParameter) {
  EXPECT_EQ(run(router_, verb::get, "/v1/case/categories"),
            (Outcome{"GET /v1/case/categories", {}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/case/T250200010"),
            (Outcome{"GET /v1/case/{caseNo}", {"T250200010"}}));
  // Only GET has the literal: PUT falls through to the parameter.
  EXPECT_EQ(run(router_, verb::put, "/v1/case/categories"),
            (Outcome{"PUT /v1/case/{caseNo}", {"categories"}}));
}

TEST_F(RouterTest, BacktracksFromALiteralThatLeadsNowhere) {
  EXPECT_EQ(run(router_, verb::get, "/a/b/c"), (Outcome{"GET /a/b/{y}", {"c"}}));
  EXPECT_EQ(run(router_, verb::get, "/a/b/z"), (Outcome{"GET /a/b/{y}", {"z"}}));
  EXPECT_EQ(run(router_, verb::get, "/a/q/c"), (Outcome{"GET /a/{x}/c", {"q"}}));
  EXPECT_EQ(run(router_, verb::get, "/A/B/C"), (Outcome{"GET /a/b/{y}", {"C"}}));
  EXPECT_EQ(run(router_, verb::get, "/a/q/z"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/a/b"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/a/b/c/d"), kNone);
}

TEST(RouterBacktrackTest, ParameterTakenWhenTheLiteralBranchFailsDeeper) {
  Router router;
  router.add(route(verb::get, "/a/b/{y}/x"));
  router.add(route(verb::get, "/a/{p}/{q}/y"));
  EXPECT_EQ(run(router, verb::get, "/a/b/1/x"), (Outcome{"GET /a/b/{y}/x", {"1"}}));
  // The literal branch bound y = "1" before failing; it must not leak into the result.
  EXPECT_EQ(run(router, verb::get, "/a/b/1/y"), (Outcome{"GET /a/{p}/{q}/y", {"b", "1"}}));
}

TEST_F(RouterTest, Int64ParameterAcceptsOneToNineteenDigits) {
  const std::string name = "GET /v1/items/{id:int64}";
  EXPECT_EQ(run(router_, verb::get, "/v1/items/0"), (Outcome{name, {"0"}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/items/2140016585"), (Outcome{name, {"2140016585"}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/items/9223372036854775807"),
            (Outcome{name, {"9223372036854775807"}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/items/0000000000000000001"),
            (Outcome{name, {"0000000000000000001"}}));
  // Percent-encoded digits are digits once decoded.
  EXPECT_EQ(run(router_, verb::get, "/v1/items/%31%32"), (Outcome{name, {"12"}}));
}

TEST_F(RouterTest, Int64ParameterRejectsEverythingElse) {
  EXPECT_EQ(run(router_, verb::get, "/v1/items/9223372036854775808"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items/9999999999999999999"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items/10000000000000000000"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items/"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items/-1"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items/+1"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items/1a"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items/1.0"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/items/%201"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/ids/1a/detail"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/ids/17/detail"),
            (Outcome{"GET /v1/ids/{id:int64}/detail", {"17"}}));
}

TEST(RouterTypedTest, Int64ParameterIsTriedBeforeAStringOne) {
  Router router;
  router.add(route(verb::get, "/v1/deals/{dealNo}"));
  router.add(route(verb::get, "/v1/deals/{dealId:int64}"));
  EXPECT_EQ(run(router, verb::get, "/v1/deals/44"),
            (Outcome{"GET /v1/deals/{dealId:int64}", {"44"}}));
  EXPECT_EQ(run(router, verb::get, "/v1/deals/D241200044"),
            (Outcome{"GET /v1/deals/{dealNo}", {"D241200044"}}));
  EXPECT_EQ(run(router, verb::get, "/v1/deals/9223372036854775808"),
            (Outcome{"GET /v1/deals/{dealNo}", {"9223372036854775808"}}));
}

TEST_F(RouterTest, OneTrailingSlashIsIgnored) {
  EXPECT_EQ(run(router_, verb::get, "/v1/case/T250200010/"),
            (Outcome{"GET /v1/case/{caseNo}", {"T250200010"}}));
  EXPECT_EQ(run(router_, verb::get, "/v3/products/"), (Outcome{"GET /v3/Products", {}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/case/T250200010//"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v3/products//"), kNone);
}

TEST_F(RouterTest, EmptySegmentNeverMatchesAParameter) {
  EXPECT_EQ(run(router_, verb::get, "/v1/case/"), kNone);
  EXPECT_EQ(run(router_, verb::put, "/v1/case/"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case//"), kNone);
  EXPECT_EQ(run(router_, verb::post, "/v1/quotation//convert-to-salesorder"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/a//c"), kNone);
  EXPECT_EQ(run(router_, verb::get, "//v3/products"), kNone);
  EXPECT_EQ(run(router_, verb::post, "/v1/quotation/Q1/convert-to-salesorder"),
            (Outcome{"POST /v1/quotation/{quotationNo}/convert-to-salesorder", {"Q1"}}));
}

TEST_F(RouterTest, ParametersArePercentDecoded) {
  const std::string name = "GET /v1/case/{caseNo}";
  EXPECT_EQ(run(router_, verb::get, "/v1/case/a%2Fb"), (Outcome{name, {"a/b"}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/case/a%2fb"), (Outcome{name, {"a/b"}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%2F"), (Outcome{name, {"/"}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/case/a%20b"), (Outcome{name, {"a b"}}));
  // In a path '+' is a plus, not a space.
  EXPECT_EQ(run(router_, verb::get, "/v1/case/a+b"), (Outcome{name, {"a+b"}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%E0%B8%97%E0%B8%94"), (Outcome{name, {"ทด"}}));
  EXPECT_EQ(run(router_, verb::get, "/v1/case/ทด"), (Outcome{name, {"ทด"}}));
  // %2F is not a separator: the path still has three segments.
  EXPECT_EQ(run(router_, verb::get, "/a/x%2Fy/c"), (Outcome{"GET /a/{x}/c", {"x/y"}}));
  // A literal segment is matched as sent: an encoded slash does not split it.
  EXPECT_EQ(run(router_, verb::get, "/v1/case%2Fcategories"), kNone);
}

TEST_F(RouterTest, UndecodableParametersDoNotMatch) {
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%ZZ"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/a%G1"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%F"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/ab%"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/ab%4"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%FF"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%C0%AF"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%ED%A0%80"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%E0%B8"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/%00"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case/a%00b"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/a/%ZZ/c"), kNone);
}

TEST_F(RouterTest, MethodMismatchDoesNotMatch) {
  EXPECT_EQ(run(router_, verb::post, "/v1/case/T250200010"), kNone);
  EXPECT_EQ(run(router_, verb::delete_, "/v1/case/T250200010"), kNone);
  EXPECT_EQ(run(router_, verb::head, "/v3/products"), kNone);
  EXPECT_EQ(run(router_, verb::options, "/v3/products"), kNone);
  EXPECT_EQ(run(router_, verb::put, "/v3/products"), kNone);
}

TEST_F(RouterTest, UnknownPathsDoNotMatch) {
  EXPECT_EQ(run(router_, verb::get, "/"), kNone);
  EXPECT_EQ(run(router_, verb::get, ""), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v1/case"), kNone);
  EXPECT_EQ(run(router_, verb::get, "/v2/case/T250200010"), kNone);
}

TEST(RouterAddTest, DuplicateRouteThrows) {
  Router router;
  router.add(route(verb::get, "/v1/case/{caseNo}"));
  EXPECT_THROW(router.add(route(verb::get, "/v1/case/{caseNo}")), std::logic_error);
  // The parameter name and the literal case do not make a route different.
  EXPECT_THROW(router.add(route(verb::get, "/V1/Case/{other}")), std::logic_error);
  EXPECT_NO_THROW(router.add(route(verb::put, "/v1/case/{caseNo}")));
  EXPECT_NO_THROW(router.add(route(verb::get, "/v1/case/{id:int64}")));
  EXPECT_THROW(router.add(route(verb::get, "/v1/case/{n:int64}")), std::logic_error);
  EXPECT_EQ(router.routes().size(), 3u);
}

TEST(RouterAddTest, NameAndIndexAreFilled) {
  Router router;
  router.add(route(verb::get, "/v1/case/categories"));
  router.add(route(verb::put, "/v1/case/{caseNo}"));
  router.add(route(verb::delete_, "/v1/salesorders/reject"));
  ASSERT_EQ(router.routes().size(), 3u);
  EXPECT_EQ(router.routes()[0]->name, "GET /v1/case/categories");
  EXPECT_EQ(router.routes()[1]->name, "PUT /v1/case/{caseNo}");
  EXPECT_EQ(router.routes()[2]->name, "DELETE /v1/salesorders/reject");
  for (std::size_t i = 0; i < router.routes().size(); ++i) {
    EXPECT_EQ(router.routes()[i]->index, i);
  }
  auto m = router.match(verb::put, "/v1/case/T250200010");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route, router.routes()[1].get());
  EXPECT_EQ(m.route->index, 1u);
}

TEST(RouterRootTest, RootRoute) {
  Router router;
  router.add(route(verb::get, "/"));
  EXPECT_EQ(run(router, verb::get, "/"), (Outcome{"GET /", {}}));
}

// --- percent_decode --------------------------------------------------------------------------

TEST(PercentDecodeTest, Decodes) {
  EXPECT_EQ(percent_decode("", false), std::optional<std::string>(""));
  EXPECT_EQ(percent_decode("abc", false), std::optional<std::string>("abc"));
  EXPECT_EQ(percent_decode("%41%62%2f%2F", false), std::optional<std::string>("Ab//"));
  EXPECT_EQ(percent_decode("%e0%B8%97", false), std::optional<std::string>("ท"));
  EXPECT_EQ(percent_decode("a%25b", false), std::optional<std::string>("a%b"));
  EXPECT_EQ(percent_decode("%2541", false), std::optional<std::string>("%41"));
  EXPECT_EQ(percent_decode("%00", false), std::optional<std::string>(std::string(1, '\0')));
}

TEST(PercentDecodeTest, PlusIsSpaceOnlyWhenAsked) {
  EXPECT_EQ(percent_decode("a+b", false), std::optional<std::string>("a+b"));
  EXPECT_EQ(percent_decode("a+b", true), std::optional<std::string>("a b"));
  EXPECT_EQ(percent_decode("a%2Bb", true), std::optional<std::string>("a+b"));
}

TEST(PercentDecodeTest, MalformedEscapes) {
  EXPECT_EQ(percent_decode("%", false), std::nullopt);
  EXPECT_EQ(percent_decode("%4", false), std::nullopt);
  EXPECT_EQ(percent_decode("a%F", false), std::nullopt);
  EXPECT_EQ(percent_decode("%ZZ", false), std::nullopt);
  EXPECT_EQ(percent_decode("%4G", false), std::nullopt);
  EXPECT_EQ(percent_decode("%G4", false), std::nullopt);
  EXPECT_EQ(percent_decode("%%41", false), std::nullopt);
  EXPECT_EQ(percent_decode("ok%", true), std::nullopt);
}

// --- Request::query_param --------------------------------------------------------------------

Request with_query(std::string query) {
  Request r;
  r.query = std::move(query);
  return r;
}

TEST(QueryParamTest, FindsTheFirstValue) {
  auto r = with_query("skip=10&take=20&take=30");
  EXPECT_EQ(r.query_param("skip"), std::optional<std::string>("10"));
  EXPECT_EQ(r.query_param("take"), std::optional<std::string>("20"));
  EXPECT_EQ(r.query_param("missing"), std::nullopt);
  // Names are compared exactly.
  EXPECT_EQ(r.query_param("Skip"), std::nullopt);
  EXPECT_EQ(r.query_param("ski"), std::nullopt);
}

TEST(QueryParamTest, DecodesNamesAndValues) {
  auto r = with_query("q=a+b%20c&subscription%2Dkey=k%2B1&name=%E0%B8%97%E0%B8%94");
  EXPECT_EQ(r.query_param("q"), std::optional<std::string>("a b c"));
  EXPECT_EQ(r.query_param("subscription-key"), std::optional<std::string>("k+1"));
  EXPECT_EQ(r.query_param("name"), std::optional<std::string>("ทด"));
}

TEST(QueryParamTest, EmptyAndValuelessParameters) {
  auto r = with_query("&flag&empty=&&x=1=2");
  EXPECT_EQ(r.query_param("flag"), std::optional<std::string>(""));
  EXPECT_EQ(r.query_param("empty"), std::optional<std::string>(""));
  EXPECT_EQ(r.query_param("x"), std::optional<std::string>("1=2"));
  EXPECT_EQ(with_query("").query_param("a"), std::nullopt);
}

TEST(QueryParamTest, MalformedValueIsNotReturned) {
  EXPECT_EQ(with_query("a=%ZZ").query_param("a"), std::nullopt);
  EXPECT_EQ(with_query("a=%4").query_param("a"), std::nullopt);
  // A malformed name is skipped rather than failing the lookup of another name.
  EXPECT_EQ(with_query("%ZZ=1&a=2").query_param("a"), std::optional<std::string>("2"));
}

}  // namespace
}  // namespace ov::http
