#include "api/query_input.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/base_url.hpp"

namespace ov::api {
namespace {

using core::ApiError;

std::vector<std::string> flatten(const std::vector<core::FieldProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field + "|" + p.message);
  return out;
}

const core::TimeZone& bangkok() { return core::TimeZone::bangkok(); }

TEST(QueryReader, NamesMatchCaseInsensitivelyAndTheLastValueWins) {
  QueryReader q("CustomerCode=C1&x=1&customercode=C%20000+55&flag");
  auto code = q.string("customerCode", Need::kRequired, 50);
  ASSERT_TRUE(code);
  EXPECT_EQ(*code, "C 000 55");
  auto flag = q.string("flag", Need::kOptional, 50);
  EXPECT_FALSE(flag.present);  // a name without a value is an empty value: absent
  EXPECT_TRUE(q.take_problems().empty());
}

TEST(QueryReader, MissingEmptyLongAndUndecodableValues) {
  QueryReader q("empty=&long=abcdef&bad=%ZZ&nul=a%00b&utf=%E0%B8");
  EXPECT_FALSE(q.string("missing", Need::kRequired, 10));
  EXPECT_FALSE(q.string("empty", Need::kRequired, 10));
  EXPECT_FALSE(q.string("empty", Need::kOptional, 10));
  EXPECT_FALSE(q.string("long", Need::kOptional, 5));
  EXPECT_FALSE(q.string("bad", Need::kRequired, 10));
  EXPECT_FALSE(q.string("nul", Need::kOptional, 10));
  EXPECT_FALSE(q.string("utf", Need::kOptional, 10));
  EXPECT_EQ(flatten(q.take_problems()),
            (std::vector<std::string>{"missing|missing is required", "empty|empty is required",
                                      "long|long must be at most 5 characters",
                                      "bad|bad is not valid percent-encoded UTF-8",
                                      "nul|nul is not valid percent-encoded UTF-8",
                                      "utf|utf is not valid percent-encoded UTF-8"}));
}

TEST(QueryReader, IntegerListsFromRepeatsAndCommas) {
  QueryReader q("ids=1&ids=4,%205&IDS=&ids=7,,8&other=9");
  auto ids = q.integer_list("ids", Need::kRequired, 1, 100, 10);
  ASSERT_TRUE(ids);
  EXPECT_EQ(*ids, (std::vector<std::int64_t>{1, 4, 5, 7, 8}));
  auto none = q.integer_list("absent", Need::kOptional, 1, 100, 10);
  EXPECT_FALSE(none.present);
  EXPECT_TRUE(q.take_problems().empty());

  QueryReader bad("a=1,x&b=0&c=1,2,3&d=9223372036854775808&e=");
  EXPECT_FALSE(bad.integer_list("a", Need::kOptional, 1, 100, 10));
  EXPECT_FALSE(bad.integer_list("b", Need::kOptional, 1, 100, 10));
  EXPECT_FALSE(bad.integer_list("c", Need::kOptional, 1, 100, 2));
  EXPECT_FALSE(bad.integer_list("d", Need::kOptional, 1, 100, 2));
  EXPECT_FALSE(bad.integer_list("e", Need::kRequired, 1, 100, 2));
  EXPECT_EQ(
      flatten(bad.take_problems()),
      (std::vector<std::string>{
          "a|a must be a list of integers", "b|b items must be between 1 and 100",
          "c|c must have at most 2 items", "d|d must be a list of integers", "e|e is required"}));
}

TEST(QueryReader, DatesAndRangeEnds) {
  QueryReader q("from=2025-01-01&to=2025-01-31&at=2025-01-31T10%3A00%3A00Z&bad=31%2F01%2F2025");
  auto from = q.datetime("from", Need::kOptional, bangkok());
  auto to = q.range_end("to", Need::kOptional, bangkok());
  auto at = q.range_end("at", Need::kOptional, bangkok());
  ASSERT_TRUE(from && to && at);
  EXPECT_EQ(*from, 1735664400);  // 2025-01-01T00:00:00+0700
  EXPECT_EQ(*to, 1738342799);    // 2025-01-31T23:59:59+0700: the whole day
  EXPECT_EQ(*at, 1738317600);    // a date-time ends where it says
  EXPECT_FALSE(q.datetime("bad", Need::kOptional, bangkok()));
  EXPECT_FALSE(q.range_end("missing", Need::kRequired, bangkok()));
  EXPECT_EQ(flatten(q.take_problems()), (std::vector<std::string>{"bad|bad is not a valid date",
                                                                  "missing|missing is required"}));
}

TEST(RangeEnd, DateOnlyEndsAtTheLastSecondOfTheLocalDay) {
  EXPECT_EQ(parse_range_end("2024-02-29", bangkok()), 1709225999);
  EXPECT_EQ(parse_range_end("2024-02-29T12:00:00", bangkok()), 1709182800);
  EXPECT_FALSE(parse_range_end("2024-02-30", bangkok()));
  // The last representable day still has an end.
  EXPECT_TRUE(parse_range_end("9999-12-31", bangkok()));
  // Days of 23 and 25 hours where daylight saving time changes.
  const auto* berlin = core::TimeZone::find("Europe/Berlin");
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(*parse_range_end("2024-03-31", *berlin) - *core::parse_datetime("2024-03-31", *berlin),
            23 * 3600 - 1);
  EXPECT_EQ(*parse_range_end("2024-10-27", *berlin) - *core::parse_datetime("2024-10-27", *berlin),
            25 * 3600 - 1);
}

TEST(CheckRequest, QueryProblemsComeBeforeTheBodys) {
  QueryReader q("");
  q.string("code", Need::kRequired, 5);
  auto doc = parse_json_object(R"({"a":"x"})");
  ObjectReader body(doc);
  body.integer("a", Need::kRequired, 0, 1);
  try {
    check_request(q, &body);
    FAIL() << "no error";
  } catch (const ApiError& e) {
    EXPECT_EQ(flatten(e.problems()),
              (std::vector<std::string>{"code|code is required", "a|a must be an integer"}));
  }
  QueryReader clean("code=1");
  clean.string("code", Need::kRequired, 5);
  EXPECT_NO_THROW(check_request(clean, nullptr));
}

TEST(OptionalJsonObject, EmptyOrWhiteSpaceIsNoBody) {
  EXPECT_FALSE(parse_optional_json_object(""));
  EXPECT_FALSE(parse_optional_json_object(" \r\n\t"));
  EXPECT_TRUE(parse_optional_json_object("{}"));
  EXPECT_THROW(parse_optional_json_object("[]"), ApiError);
  EXPECT_THROW(parse_optional_json_object("{"), ApiError);
}

TEST(NestedProblems, KeepTheirPropertysPlaceInBodyOrder) {
  auto doc = parse_json_object(R"({"files":[{}],"code":7})");
  ObjectReader r(doc);
  r.string("code", Need::kRequired, 5);
  r.nested_problems("files", {{"files[0].name", "files[0].name is required"}});
  r.string("missing", Need::kRequired, 5);
  EXPECT_EQ(
      flatten(r.take_problems()),
      (std::vector<std::string>{"files[0].name|files[0].name is required",
                                "code|code must be a string", "missing|missing is required"}));
}

http::Request with_headers(std::initializer_list<std::pair<const char*, const char*>> headers) {
  http::Request req;
  for (const auto& [k, v] : headers) req.raw.set(k, v);
  return req;
}

TEST(RequestBaseUrl, HostAndForwardedProto) {
  EXPECT_EQ(request_base_url(with_headers({{"Host", "crm.example.com"}})),
            "http://crm.example.com");
  EXPECT_EQ(request_base_url(with_headers({{"Host", "127.0.0.1:8080"}})), "http://127.0.0.1:8080");
  EXPECT_EQ(request_base_url(with_headers({{"Host", "[::1]:443"}, {"X-Forwarded-Proto", "HTTPS"}})),
            "https://[::1]:443");
  EXPECT_EQ(
      request_base_url(with_headers({{"Host", "a.example"}, {"X-Forwarded-Proto", "https, http"}})),
      "https://a.example");
  EXPECT_EQ(request_base_url(with_headers({{"Host", "a.example"}, {"X-Forwarded-Proto", "ftp"}})),
            "http://a.example");
  for (const char* bad : {"", "a.example/x", "a b", "a.example:", "a.example:123456", "[::1",
                          "[zz]", "user@a.example", ":80"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(request_base_url(with_headers({{"Host", bad}})), "http://localhost");
  }
  EXPECT_EQ(request_base_url(http::Request{}), "http://localhost");
}

}  // namespace
}  // namespace ov::api
