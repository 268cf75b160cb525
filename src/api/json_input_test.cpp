#include "api/json_input.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace ov::api {
namespace {

using core::ApiError;
using core::ErrorKind;

// "field|message", so a whole list of problems compares in one assertion.
std::vector<std::string> flatten(const std::vector<core::FieldProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field + "|" + p.message);
  return out;
}

// The message of the single validation problem `fn` throws, "" if it does not throw one.
std::string body_error(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kValidation);
    EXPECT_EQ(e.problems().size(), 1u);
    if (e.problems().size() != 1) return "";
    EXPECT_EQ(e.problems()[0].field, "");
    EXPECT_EQ(e.problems()[0].message, e.what());
    return e.problems()[0].message;
  }
  return "";
}

std::string parse_error(std::string_view body) {
  return body_error([&] { parse_json_body(body); });
}

std::string object_error(std::string_view body) {
  return body_error([&] { parse_json_object(body); });
}

bool starts_with(const std::string& s, std::string_view prefix) {
  return std::string_view(s).substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kNotJson = "Request body is not valid JSON: ";

std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

// A parsed object and a reader over it; the reader refers to the document.
struct Body {
  explicit Body(std::string_view json, std::string prefix = "")
      : doc(parse_json_object(json)), reader(doc, std::move(prefix)) {}
  rapidjson::Document doc;
  ObjectReader reader;
  std::vector<std::string> problems() { return flatten(reader.take_problems()); }
};

// --- parse_json_body -------------------------------------------------------------------------

TEST(ParseJsonBodyTest, AcceptsEveryKindOfValue) {
  EXPECT_TRUE(parse_json_body(R"({"a":1})").IsObject());
  EXPECT_TRUE(parse_json_body("[1,2]").IsArray());
  EXPECT_TRUE(parse_json_body(R"("x")").IsString());
  EXPECT_TRUE(parse_json_body("12").IsInt64());
  EXPECT_TRUE(parse_json_body("null").IsNull());
  EXPECT_TRUE(parse_json_body(" \r\n\t{} \r\n\t").IsObject());
}

TEST(ParseJsonBodyTest, CommentsAreTolerated) {
  auto doc = parse_json_body(
      "// leading\n{\"a\":1 /* inside */, /* before a key */ \"b\": // after a colon\n 2}"
      " // trailing");
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(doc["a"].GetInt(), 1);
  EXPECT_EQ(doc["b"].GetInt(), 2);
  // The shape of the Venio doc examples.
  auto example = parse_json_body("{\"QuotationNo\":\"<string>\" //รหัสใบเสนอราคา required\n}");
  EXPECT_STREQ(example["QuotationNo"].GetString(), "<string>");
  EXPECT_TRUE(parse_json_body("{} /* trailing block */").IsObject());
  EXPECT_TRUE(starts_with(parse_error("{} /* unterminated"), kNotJson));
}

TEST(ParseJsonBodyTest, RejectsTrailingGarbage) {
  for (std::string_view body : {R"({"a":1} x)", R"({"a":1}{})", "{} ]", "{},", "1 2", "null x"}) {
    EXPECT_TRUE(starts_with(parse_error(body), kNotJson)) << body;
  }
}

TEST(ParseJsonBodyTest, RejectsEmptyAndBrokenBodies) {
  for (std::string_view body :
       {"", "   ", "{", R"({"a":})", "{'a':1}", R"({"a":1,})", "[1,]", "NaN", "01", R"({"a" 1})"}) {
    EXPECT_TRUE(starts_with(parse_error(body), kNotJson)) << body;
  }
}

TEST(ParseJsonBodyTest, RejectsNulByte) {
  const std::string after("{\"a\":1}\0", 8);
  EXPECT_EQ(parse_error(after), "Request body is not valid JSON: it contains a NUL byte");
  const std::string inside("{\"a\":\"x\0y\"}", 11);
  EXPECT_EQ(parse_error(inside), "Request body is not valid JSON: it contains a NUL byte");
  EXPECT_EQ(parse_error(std::string(1, '\0')),
            "Request body is not valid JSON: it contains a NUL byte");
}

TEST(ParseJsonBodyTest, EscapedNulIsText) {
  // \u0000 is a legal escape; it is the string readers that refuse it.
  auto doc = parse_json_body(R"({"a":"x\u0000y"})");
  EXPECT_EQ(doc["a"].GetStringLength(), 3u);
}

TEST(ParseJsonBodyTest, RejectsInvalidUtf8) {
  EXPECT_TRUE(starts_with(parse_error("{\"a\":\"\xff\"}"), kNotJson));
  EXPECT_TRUE(starts_with(parse_error("{\"a\":\"\xc0\xaf\"}"), kNotJson));      // overlong
  EXPECT_TRUE(starts_with(parse_error("{\"a\":\"\xe0\xb8\"}"), kNotJson));      // truncated
  EXPECT_TRUE(starts_with(parse_error("{\"a\":\"\x80\"}"), kNotJson));          // stray
  EXPECT_TRUE(starts_with(parse_error("{\"\xff\":1}"), kNotJson));              // in a key
  EXPECT_TRUE(starts_with(parse_error("{\"a\":\"\xed\xa0\x80\"}"), kNotJson));  // raw surrogate
  // Above U+10FFFF.
  EXPECT_TRUE(starts_with(parse_error("{\"a\":\"\xf4\x90\x80\x80\"}"), kNotJson));
}

TEST(ParseJsonBodyTest, AcceptsValidUnicode) {
  auto doc = parse_json_body(R"({"th":"ทดสอบ","esc":"\u0e17\u0E14","pair":"\ud83d\ude00"})");
  EXPECT_STREQ(doc["th"].GetString(), "ทดสอบ");
  EXPECT_STREQ(doc["esc"].GetString(), "ทด");
  EXPECT_STREQ(doc["pair"].GetString(), "😀");
}

TEST(ParseJsonBodyTest, RejectsLoneHighSurrogate) {
  EXPECT_TRUE(starts_with(parse_error(R"({"a":"\ud800"})"), kNotJson));
  EXPECT_TRUE(starts_with(parse_error(R"({"a":"\ud800x"})"), kNotJson));
  EXPECT_TRUE(starts_with(parse_error(R"({"a":"\ud800\u0041"})"), kNotJson));
  EXPECT_TRUE(starts_with(parse_error(R"({"a":"\ud800\ud800"})"), kNotJson));
  EXPECT_TRUE(starts_with(parse_error(R"({"\ud800":1})"), kNotJson));
}

TEST(ParseJsonBodyTest, RejectsLoneLowSurrogate) {
  EXPECT_EQ(parse_error(R"({"a":"\udc00"})"), "Request body is not valid UTF-8");
  EXPECT_EQ(parse_error(R"({"a":"x\udfffy"})"), "Request body is not valid UTF-8");
  EXPECT_EQ(parse_error(R"({"a":"\udc00\udc00"})"), "Request body is not valid UTF-8");
  EXPECT_EQ(parse_error(R"({"\udc00":1})"), "Request body is not valid UTF-8");
  EXPECT_EQ(parse_error(R"({"a":{"b":["ok","\udc00"]}})"), "Request body is not valid UTF-8");
  EXPECT_EQ(parse_error(R"(["\udc00"])"), "Request body is not valid UTF-8");
  EXPECT_EQ(parse_error(R"("\udc00")"), "Request body is not valid UTF-8");
}

TEST(ParseJsonBodyTest, DepthBound) {
  ASSERT_EQ(kMaxJsonDepth, 32);
  EXPECT_TRUE(parse_json_body(nested_arrays(kMaxJsonDepth)).IsArray());
  EXPECT_EQ(parse_error(nested_arrays(kMaxJsonDepth + 1)), "Request body is nested too deeply");
  EXPECT_EQ(parse_error(nested_arrays(10000)), "Request body is nested too deeply");

  std::string objects;
  for (int i = 0; i < kMaxJsonDepth; ++i) objects += "{\"a\":";
  objects += "1";
  objects += std::string(kMaxJsonDepth, '}');
  EXPECT_TRUE(parse_json_object(objects).IsObject());
  EXPECT_EQ(object_error("{\"a\":" + objects + "}"), "Request body is nested too deeply");
  // Unbalanced openers alone are enough.
  EXPECT_EQ(parse_error(std::string(kMaxJsonDepth + 1, '[')), "Request body is nested too deeply");
}

TEST(ParseJsonBodyTest, DepthIgnoresStringsCommentsAndSiblings) {
  const std::string deep(100, '[');
  EXPECT_TRUE(parse_json_object(R"({"s":")" + deep + R"("})").IsObject());
  EXPECT_TRUE(parse_json_object(R"({"s\"":")" + deep + R"("})").IsObject());
  EXPECT_TRUE(parse_json_object("/* " + deep + " */{}").IsObject());
  EXPECT_TRUE(parse_json_object("{} // " + deep).IsObject());
  std::string siblings = "[";
  for (int i = 0; i < 100; ++i) siblings += (i ? ",[[]]" : "[[]]");
  siblings += "]";
  EXPECT_TRUE(parse_json_body(siblings).IsArray());
}

TEST(ParseJsonObjectTest, RejectsNonObjects) {
  for (std::string_view body : {"[]", R"("x")", "1", "null", "true", "[{}]"}) {
    EXPECT_EQ(object_error(body), "Request body must be a JSON object") << body;
  }
  EXPECT_TRUE(parse_json_object("{}").IsObject());
  // A body that is not JSON at all is reported as such, not as the wrong type.
  EXPECT_TRUE(starts_with(object_error("x"), kNotJson));
}

// --- ObjectReader: names ---------------------------------------------------------------------

TEST(ObjectReaderTest, NamesAreCaseInsensitiveAndTheLastWins) {
  Body b(R"({"Subject":"a","note":"n","subject":"b","SUBJECT":"c"})");
  auto s = b.reader.string("subject", Need::kRequired, 10);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, "c");
  ASSERT_NE(b.reader.find("sUbJeCt"), nullptr);
  EXPECT_STREQ(b.reader.find("sUbJeCt")->GetString(), "c");
  EXPECT_EQ(b.reader.find("subjec"), nullptr);
  EXPECT_EQ(b.reader.find("subjects"), nullptr);
  EXPECT_EQ(b.reader.find(""), nullptr);
  EXPECT_FALSE(b.reader.has_problems());
}

TEST(ObjectReaderTest, TheLastOccurrenceWinsEvenWhenInvalid) {
  Body b(R"({"qty":1,"QTY":"x"})");
  EXPECT_FALSE(b.reader.integer("qty", Need::kRequired, 0, 100));
  EXPECT_EQ(b.problems(), std::vector<std::string>{"qty|qty must be an integer"});
}

TEST(ObjectReaderTest, PathPrefix) {
  Body b(R"({"name":null})", "customer");
  EXPECT_EQ(b.reader.path("name"), "customer.name");
  b.reader.string("name", Need::kRequired, 10);
  EXPECT_EQ(b.problems(), std::vector<std::string>{"customer.name|customer.name is required"});
  Body plain("{}");
  EXPECT_EQ(plain.reader.path("name"), "name");
}

// --- string ----------------------------------------------------------------------------------

TEST(ObjectReaderStringTest, Required) {
  Body b(R"({"n":null,"e":"","w":" \t\r\n","ok":" x "})");
  EXPECT_FALSE(b.reader.string("absent", Need::kRequired, 10));
  EXPECT_FALSE(b.reader.string("n", Need::kRequired, 10));
  EXPECT_FALSE(b.reader.string("e", Need::kRequired, 10));
  EXPECT_FALSE(b.reader.string("w", Need::kRequired, 10));
  auto ok = b.reader.string("ok", Need::kRequired, 10);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, " x ");  // kept as sent
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"n|n is required", "e|e is required", "w|w is required",
                                      "absent|absent is required"}));
}

TEST(ObjectReaderStringTest, OptionalEmptyAndBlankAreValues) {
  Body b(R"({"e":"","w":"  "})");
  auto e = b.reader.string("e", Need::kOptional, 10);
  auto w = b.reader.string("w", Need::kOptional, 10);
  ASSERT_TRUE(e);
  EXPECT_EQ(*e, "");
  ASSERT_TRUE(w);
  EXPECT_EQ(*w, "  ");
  EXPECT_FALSE(b.reader.has_problems());
}

TEST(ObjectReaderStringTest, LengthCountsUnicodeCharacters) {
  // Five Thai characters are fifteen bytes; an emoji is four bytes and one character.
  Body b(R"({"th":"ทดสอบ","th6":"ทดสอบx","emoji":"😀😀😀😀😀","emoji6":"😀😀😀😀😀😀","ascii":"abcdef"})");
  auto th = b.reader.string("th", Need::kRequired, 5);
  ASSERT_TRUE(th);
  EXPECT_EQ(*th, "ทดสอบ");
  EXPECT_TRUE(b.reader.string("emoji", Need::kRequired, 5));
  EXPECT_FALSE(b.reader.string("th6", Need::kRequired, 5));
  EXPECT_FALSE(b.reader.string("emoji6", Need::kOptional, 5));
  EXPECT_FALSE(b.reader.string("ascii", Need::kOptional, 5));
  EXPECT_EQ(b.problems(), (std::vector<std::string>{"th6|th6 must be at most 5 characters",
                                                    "emoji6|emoji6 must be at most 5 characters",
                                                    "ascii|ascii must be at most 5 characters"}));
}

TEST(ObjectReaderStringTest, NonStrings) {
  Body b(R"({"i":12,"b":true,"o":{},"a":["x"],"d":1.5})");
  for (const char* name : {"i", "b", "o", "a", "d"}) {
    auto in = b.reader.string(name, Need::kOptional, 10);
    EXPECT_TRUE(in.present) << name;
    EXPECT_FALSE(in) << name;
  }
  EXPECT_EQ(b.problems(), (std::vector<std::string>{"i|i must be a string", "b|b must be a string",
                                                    "o|o must be a string", "a|a must be a string",
                                                    "d|d must be a string"}));
}

TEST(ObjectReaderStringTest, EscapedNulIsRejected) {
  Body b(R"({"s":"a\u0000b"})");
  EXPECT_FALSE(b.reader.string("s", Need::kOptional, 10));
  EXPECT_EQ(b.problems(), std::vector<std::string>{"s|s must not contain NUL characters"});
}

// --- integer ---------------------------------------------------------------------------------

TEST(ObjectReaderIntegerTest, AcceptedForms) {
  Body b(R"({"n":12,"s":"12","neg":"-5","dec":12.0,"negdec":-3.0,"zero":0})");
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(b.reader.integer("n", Need::kRequired, kMin, kMax).value, 12);
  EXPECT_EQ(b.reader.integer("s", Need::kRequired, kMin, kMax).value, 12);
  EXPECT_EQ(b.reader.integer("neg", Need::kRequired, kMin, kMax).value, -5);
  EXPECT_EQ(b.reader.integer("dec", Need::kRequired, kMin, kMax).value, 12);
  EXPECT_EQ(b.reader.integer("negdec", Need::kRequired, kMin, kMax).value, -3);
  EXPECT_EQ(b.reader.integer("zero", Need::kRequired, kMin, kMax).value, 0);
  EXPECT_FALSE(b.reader.has_problems());
}

TEST(ObjectReaderIntegerTest, Int64Limits) {
  Body b(R"({"max":9223372036854775807,"min":-9223372036854775808,"smax":"9223372036854775807",)"
         R"("over":9223372036854775808,"sover":"9223372036854775808"})");
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(b.reader.integer("max", Need::kRequired, kMin, kMax).value, kMax);
  EXPECT_EQ(b.reader.integer("min", Need::kRequired, kMin, kMax).value, kMin);
  EXPECT_EQ(b.reader.integer("smax", Need::kRequired, kMin, kMax).value, kMax);
  EXPECT_FALSE(b.reader.integer("over", Need::kRequired, kMin, kMax));
  EXPECT_FALSE(b.reader.integer("sover", Need::kRequired, kMin, kMax));
  EXPECT_EQ(b.problems(), (std::vector<std::string>{"over|over must be an integer",
                                                    "sover|sover must be an integer"}));
}

TEST(ObjectReaderIntegerTest, RejectedForms) {
  Body b(R"({"frac":12.5,"tiny":0.0000001,"alpha":"12a","empty":"","space":" 12","bool":true,)"
         R"("arr":[1],"obj":{},"sfrac":"1.5"})");
  for (const char* name :
       {"frac", "tiny", "alpha", "empty", "space", "bool", "arr", "obj", "sfrac"}) {
    auto in = b.reader.integer(name, Need::kOptional, -1000, 1000);
    EXPECT_TRUE(in.present) << name;
    EXPECT_FALSE(in) << name;
  }
  EXPECT_EQ(b.problems(), (std::vector<std::string>{
                              "frac|frac must be an integer", "tiny|tiny must be an integer",
                              "alpha|alpha must be an integer", "empty|empty must be an integer",
                              "space|space must be an integer", "bool|bool must be an integer",
                              "arr|arr must be an integer", "obj|obj must be an integer",
                              "sfrac|sfrac must be an integer"}));
}

TEST(ObjectReaderIntegerTest, HugeNumbersAreRejected) {
  // 1e400 does not fit a double: the body itself is refused before any field is read.
  EXPECT_TRUE(starts_with(object_error(R"({"n":1e400})"), kNotJson));
  // 1e300 fits a double but no int64.
  Body b(R"({"n":1e300,"m":-1e19})");
  EXPECT_FALSE(b.reader.integer("n", Need::kRequired, std::numeric_limits<std::int64_t>::min(),
                                std::numeric_limits<std::int64_t>::max()));
  EXPECT_FALSE(b.reader.integer("m", Need::kRequired, std::numeric_limits<std::int64_t>::min(),
                                std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"n|n must be an integer", "m|m must be an integer"}));
}

TEST(ObjectReaderIntegerTest, NonFiniteValuesAreRejected) {
  // A document built in code can hold what the parser never produces.
  rapidjson::Document doc(rapidjson::kObjectType);
  rapidjson::Value inf;
  inf.SetDouble(std::numeric_limits<double>::infinity());
  rapidjson::Value nan;
  nan.SetDouble(std::numeric_limits<double>::quiet_NaN());
  doc.AddMember("inf", inf, doc.GetAllocator());
  doc.AddMember("nan", nan, doc.GetAllocator());
  ObjectReader reader(doc);
  EXPECT_FALSE(reader.integer("inf", Need::kRequired, 0, 10));
  EXPECT_FALSE(reader.integer("nan", Need::kRequired, 0, 10));
  EXPECT_EQ(flatten(reader.take_problems()),
            (std::vector<std::string>{"inf|inf must be an integer", "nan|nan must be an integer"}));
}

TEST(ObjectReaderIntegerTest, Range) {
  Body b(R"({"lo":0,"hi":100,"below":-1,"above":101,"sabove":"101","dabove":101.0,"dhi":100.0})");
  EXPECT_EQ(b.reader.integer("lo", Need::kRequired, 0, 100).value, 0);
  EXPECT_EQ(b.reader.integer("hi", Need::kRequired, 0, 100).value, 100);
  EXPECT_EQ(b.reader.integer("dhi", Need::kRequired, 0, 100).value, 100);
  EXPECT_FALSE(b.reader.integer("below", Need::kRequired, 0, 100));
  EXPECT_FALSE(b.reader.integer("above", Need::kRequired, 0, 100));
  EXPECT_FALSE(b.reader.integer("sabove", Need::kRequired, 0, 100));
  EXPECT_FALSE(b.reader.integer("dabove", Need::kRequired, 0, 100));
  EXPECT_EQ(b.problems(), (std::vector<std::string>{"below|below must be between 0 and 100",
                                                    "above|above must be between 0 and 100",
                                                    "sabove|sabove must be between 0 and 100",
                                                    "dabove|dabove must be between 0 and 100"}));
}

TEST(ObjectReaderIntegerTest, RequiredAndOptional) {
  Body b(R"({"n":null})");
  auto absent = b.reader.integer("absent", Need::kOptional, 0, 1);
  EXPECT_FALSE(absent.present);
  auto null = b.reader.integer("n", Need::kOptional, 0, 1);
  EXPECT_TRUE(null.is_null());
  EXPECT_FALSE(b.reader.has_problems());
  b.reader.integer("n", Need::kRequired, 0, 1);
  b.reader.integer("absent", Need::kRequired, 0, 1);
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"n|n is required", "absent|absent is required"}));
}

// --- boolean ---------------------------------------------------------------------------------

TEST(ObjectReaderBooleanTest, AcceptedForms) {
  Body b(
      R"({"t":true,"f":false,"T":"TRUE","F":"False","one":1,"zero":0,"st":"true","sf":"false"})");
  EXPECT_EQ(b.reader.boolean("t", Need::kRequired).value, true);
  EXPECT_EQ(b.reader.boolean("f", Need::kRequired).value, false);
  EXPECT_EQ(b.reader.boolean("one", Need::kRequired).value, true);
  EXPECT_EQ(b.reader.boolean("zero", Need::kRequired).value, false);
  EXPECT_EQ(b.reader.boolean("st", Need::kRequired).value, true);
  EXPECT_EQ(b.reader.boolean("sf", Need::kRequired).value, false);
  EXPECT_FALSE(b.reader.has_problems());
}

TEST(ObjectReaderBooleanTest, StringFormsIgnoreCase) {
  Body b(R"({"a":"TRUE","b":"False","c":"tRuE"})");
  EXPECT_EQ(b.reader.boolean("a", Need::kRequired).value, true);
  EXPECT_EQ(b.reader.boolean("b", Need::kRequired).value, false);
  EXPECT_EQ(b.reader.boolean("c", Need::kRequired).value, true);
  EXPECT_FALSE(b.reader.has_problems());
}

TEST(ObjectReaderBooleanTest, RejectedForms) {
  Body b(R"({"two":2,"neg":-1,"s1":"1","yes":"yes","empty":"","arr":[true],"sp":" true"})");
  for (const char* name : {"two", "neg", "s1", "yes", "empty", "arr", "sp"}) {
    auto in = b.reader.boolean(name, Need::kOptional);
    EXPECT_TRUE(in.present) << name;
    EXPECT_FALSE(in) << name;
  }
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"two|two must be a boolean", "neg|neg must be a boolean",
                                      "s1|s1 must be a boolean", "yes|yes must be a boolean",
                                      "empty|empty must be a boolean", "arr|arr must be a boolean",
                                      "sp|sp must be a boolean"}));
}

TEST(ObjectReaderBooleanTest, Required) {
  Body b(R"({"n":null})");
  EXPECT_FALSE(b.reader.boolean("n", Need::kRequired));
  EXPECT_FALSE(b.reader.boolean("isActive", Need::kRequired));
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"n|n is required", "isActive|isActive is required"}));
}

// --- datetime --------------------------------------------------------------------------------

TEST(ObjectReaderDatetimeTest, Forms) {
  Body b(
      R"({"offset":"2025-02-05T17:35:53.693+0700","colon":"2025-02-05T17:35:53+07:00",)"
      R"("utc":"2025-02-05T10:35:53Z","local":"2024-02-01T10:00:00","space":"2024-02-01 10:00:00",)"
      R"("date":"2025-02-05"})");
  const auto& zone = core::TimeZone::bangkok();
  EXPECT_EQ(b.reader.datetime("offset", Need::kRequired, zone).value, 1738751753);
  EXPECT_EQ(b.reader.datetime("colon", Need::kRequired, zone).value, 1738751753);
  EXPECT_EQ(b.reader.datetime("utc", Need::kRequired, zone).value, 1738751753);
  // Without an offset the time is Bangkok wall-clock time (UTC+7).
  EXPECT_EQ(b.reader.datetime("local", Need::kRequired, zone).value, 1706756400);
  EXPECT_EQ(b.reader.datetime("space", Need::kRequired, zone).value, 1706756400);
  EXPECT_EQ(b.reader.datetime("date", Need::kRequired, zone).value, 1738688400);
  EXPECT_FALSE(b.reader.has_problems());
}

TEST(ObjectReaderDatetimeTest, Invalid) {
  Body b(R"({"feb30":"2025-02-30","garbage":"yesterday","empty":"","number":1738751753,)"
         R"("trailing":"2025-02-05T10:35:53Zx","n":null})");
  const auto& zone = core::TimeZone::bangkok();
  for (const char* name : {"feb30", "garbage", "empty", "number", "trailing"}) {
    auto in = b.reader.datetime(name, Need::kOptional, zone);
    EXPECT_TRUE(in.present) << name;
    EXPECT_FALSE(in) << name;
  }
  EXPECT_TRUE(b.reader.datetime("n", Need::kOptional, zone).is_null());
  b.reader.datetime("dateCase", Need::kRequired, zone);
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{
                "feb30|feb30 is not a valid date", "garbage|garbage is not a valid date",
                "empty|empty is not a valid date", "number|number is not a valid date",
                "trailing|trailing is not a valid date", "dateCase|dateCase is required"}));
}

// --- guid ------------------------------------------------------------------------------------

TEST(ObjectReaderGuidTest, NormalisedToLowerCase) {
  Body b(
      R"({"upper":"6D473B8F-A6B3-4536-B1E6-F4B7688414E2","lower":"23108b99-ee24-43c4-b9e7-58dc6a4e16a2"})");
  EXPECT_EQ(b.reader.guid("upper", Need::kRequired).value,
            std::optional<std::string>("6d473b8f-a6b3-4536-b1e6-f4b7688414e2"));
  EXPECT_EQ(b.reader.guid("lower", Need::kRequired).value,
            std::optional<std::string>("23108b99-ee24-43c4-b9e7-58dc6a4e16a2"));
  EXPECT_FALSE(b.reader.has_problems());
}

TEST(ObjectReaderGuidTest, Invalid) {
  Body b(
      R"({"word":"not-a-guid","braces":"{6d473b8f-a6b3-4536-b1e6-f4b7688414e2}",)"
      R"("nohyphen":"6d473b8fa6b34536b1e6f4b7688414e2","g":"6d473b8f-a6b3-4536-b1e6-f4b7688414eg",)"
      R"("number":12,"empty":""})");
  for (const char* name : {"word", "braces", "nohyphen", "g", "number", "empty"}) {
    EXPECT_FALSE(b.reader.guid(name, Need::kOptional)) << name;
  }
  b.reader.guid("userId", Need::kRequired);
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"word|word must be a GUID", "braces|braces must be a GUID",
                                      "nohyphen|nohyphen must be a GUID", "g|g must be a GUID",
                                      "number|number must be a GUID", "empty|empty must be a GUID",
                                      "userId|userId is required"}));
}

// --- string_array ----------------------------------------------------------------------------

TEST(ObjectReaderStringArrayTest, Accepted) {
  Body b(R"({"tags":["a","ทดสอบ"],"none":[],"n":null})");
  auto tags = b.reader.string_array("tags", Need::kRequired, 3, 5);
  ASSERT_TRUE(tags);
  EXPECT_EQ(*tags, (std::vector<std::string>{"a", "ทดสอบ"}));
  auto none = b.reader.string_array("none", Need::kRequired, 3, 5);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  EXPECT_TRUE(b.reader.string_array("n", Need::kOptional, 3, 5).is_null());
  EXPECT_FALSE(b.reader.string_array("absent", Need::kOptional, 3, 5).present);
  EXPECT_FALSE(b.reader.has_problems());
}

TEST(ObjectReaderStringArrayTest, Rejected) {
  Body b(R"({"notArray":"a","items":["ok",1,"",null,"toolong"],"many":["a","b","c","d"]})");
  EXPECT_FALSE(b.reader.string_array("notArray", Need::kOptional, 3, 5));
  auto items = b.reader.string_array("items", Need::kOptional, 10, 5);
  EXPECT_TRUE(items.present);
  EXPECT_FALSE(items);
  EXPECT_FALSE(b.reader.string_array("many", Need::kOptional, 3, 5));
  b.reader.string_array("required", Need::kRequired, 3, 5);
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"notArray|notArray must be an array of strings",
                                      "items[1]|items[1] must be a non-empty string",
                                      "items[2]|items[2] must be a non-empty string",
                                      "items[3]|items[3] must be a non-empty string",
                                      "items[4]|items[4] must be at most 5 characters",
                                      "many|many must have at most 3 items",
                                      "required|required is required"}));
}

TEST(ObjectReaderStringArrayTest, PrefixedItemPaths) {
  Body b(R"({"tags":[""]})", "lines[2]");
  b.reader.string_array("tags", Need::kOptional, 3, 5);
  EXPECT_EQ(b.problems(), std::vector<std::string>{
                              "lines[2].tags[0]|lines[2].tags[0] must be a non-empty string"});
}

// --- Input<T> --------------------------------------------------------------------------------

TEST(InputTest, AbsentNullAndValue) {
  Body b(R"({"n":null,"v":"x"})");
  auto absent = b.reader.string("a", Need::kOptional, 10);
  EXPECT_FALSE(absent.present);
  EXPECT_FALSE(absent.is_null());
  EXPECT_FALSE(absent);

  auto null = b.reader.string("n", Need::kOptional, 10);
  EXPECT_TRUE(null.present);
  EXPECT_TRUE(null.is_null());
  EXPECT_FALSE(null);

  auto value = b.reader.string("v", Need::kOptional, 10);
  EXPECT_TRUE(value.present);
  EXPECT_FALSE(value.is_null());
  ASSERT_TRUE(value);
  EXPECT_EQ(*value, "x");
  EXPECT_EQ(value->size(), 1u);
  EXPECT_FALSE(b.reader.has_problems());
}

// --- check, problem and ordering ---------------------------------------------------------------

TEST(ObjectReaderCheckTest, NoProblemsDoesNotThrow) {
  Body b(R"({"a":1})");
  b.reader.integer("a", Need::kRequired, 0, 5);
  EXPECT_NO_THROW(b.reader.check());
}

TEST(ObjectReaderCheckTest, OneProblemIs4001WithItsMessage) {
  Body b(R"({"subject":""})");
  b.reader.string("subject", Need::kRequired, 500);
  try {
    b.reader.check();
    FAIL() << "check() did not throw";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kValidation);
    EXPECT_STREQ(e.what(), "subject is required");
    EXPECT_EQ(flatten(e.problems()), std::vector<std::string>{"subject|subject is required"});
  }
  EXPECT_FALSE(b.reader.has_problems());
  EXPECT_NO_THROW(b.reader.check());
}

TEST(ObjectReaderCheckTest, SeveralProblemsComeInBodyOrder) {
  Body b(R"({"gamma":"x","alpha":1.5,"beta":"maybe","delta":null,"ok":"fine"})");
  // Checked in an order unrelated to the body.
  b.reader.integer("alpha", Need::kRequired, 0, 10);
  b.reader.boolean("beta", Need::kRequired);
  b.reader.string("epsilon", Need::kRequired, 10);
  b.reader.string("ok", Need::kRequired, 10);
  b.reader.integer("gamma", Need::kRequired, 0, 10);
  b.reader.guid("zeta", Need::kRequired);
  b.reader.string("delta", Need::kRequired, 10);
  try {
    b.reader.check();
    FAIL() << "check() did not throw";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kValidation);
    EXPECT_STREQ(e.what(), "Validation failed");
    EXPECT_EQ(flatten(e.problems()),
              (std::vector<std::string>{"gamma|gamma must be an integer",
                                        "alpha|alpha must be an integer",
                                        "beta|beta must be a boolean", "delta|delta is required",
                                        "epsilon|epsilon is required", "zeta|zeta is required"}));
  }
}

TEST(ObjectReaderCheckTest, BodyOrderUsesTheLastOccurrence) {
  Body b(R"({"b":"x","a":"y","B":"z"})");
  b.reader.integer("b", Need::kRequired, 0, 10);
  b.reader.integer("a", Need::kRequired, 0, 10);
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"a|a must be an integer", "b|b must be an integer"}));
}

TEST(ObjectReaderCheckTest, CrossFieldProblems) {
  Body b(R"({"dateCase":"2025-02-05","dateDue":"2025-02-01","subject":""})");
  const auto& zone = core::TimeZone::bangkok();
  auto date_case = b.reader.datetime("dateCase", Need::kRequired, zone);
  auto date_due = b.reader.datetime("dateDue", Need::kOptional, zone);
  b.reader.string("subject", Need::kRequired, 500);
  ASSERT_TRUE(date_case && date_due);
  if (*date_due < *date_case) {
    b.reader.problem("dateDue", "dateDue must not be earlier than dateCase");
  }
  b.reader.problem("", "Nothing to update");
  b.reader.problem("customerCode", "customerCode and customerNo differ");
  try {
    b.reader.check();
    FAIL() << "check() did not throw";
  } catch (const ApiError& e) {
    EXPECT_EQ(flatten(e.problems()),
              (std::vector<std::string>{"dateDue|dateDue must not be earlier than dateCase",
                                        "subject|subject is required", "|Nothing to update",
                                        "customerCode|customerCode and customerNo differ"}));
  }
}

TEST(ObjectReaderCheckTest, ProblemsOfOneFieldKeepTheirOrder) {
  Body b(R"({"x":1,"tags":[1,2]})");
  b.reader.problem("tags", "first");
  b.reader.string_array("tags", Need::kOptional, 5, 5);
  b.reader.problem("tags", "last");
  b.reader.problem("x", "x rule");
  EXPECT_EQ(b.problems(),
            (std::vector<std::string>{"x|x rule", "tags|first",
                                      "tags[0]|tags[0] must be a non-empty string",
                                      "tags[1]|tags[1] must be a non-empty string", "tags|last"}));
}

TEST(ObjectReaderCheckTest, SingleCrossFieldProblem) {
  Body b("{}");
  b.reader.problem("", "Nothing to update");
  EXPECT_TRUE(b.reader.has_problems());
  try {
    b.reader.check();
    FAIL() << "check() did not throw";
  } catch (const ApiError& e) {
    EXPECT_STREQ(e.what(), "Nothing to update");
    EXPECT_EQ(flatten(e.problems()), std::vector<std::string>{"|Nothing to update"});
  }
}

// --- helpers ---------------------------------------------------------------------------------

TEST(IequalsTest, AsciiCaseFolding) {
  EXPECT_TRUE(iequals("", ""));
  EXPECT_TRUE(iequals("subject", "SUBJECT"));
  EXPECT_TRUE(iequals("QuotationNo", "quotationno"));
  EXPECT_TRUE(iequals("a1-_", "A1-_"));
  EXPECT_FALSE(iequals("subject", "subjects"));
  EXPECT_FALSE(iequals("a", "b"));
  EXPECT_FALSE(iequals("a", ""));
  // Folding is by letters, not by flipping bit 0x20 of every byte.
  EXPECT_FALSE(iequals("@", "`"));
  EXPECT_FALSE(iequals("[", "{"));
  EXPECT_FALSE(iequals("^", "~"));
  // Only ASCII letters fold.
  EXPECT_FALSE(iequals("É", "é"));
  EXPECT_TRUE(iequals("ทด", "ทด"));
}

TEST(Utf8LengthTest, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("ทดสอบ"), 5u);
  EXPECT_EQ(utf8_length("😀"), 1u);
  EXPECT_EQ(utf8_length("é"), 1u);
  EXPECT_EQ(utf8_length("𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand"), 18u);
}

TEST(ObjectReaderDecimalTest, SmallNumbersAndLongDigitsReadAsTheyAre) {
  Body b(R"({"a":0.0001,"b":"1000000000000000","c":"12x","d":1e-5})");
  ASSERT_TRUE(b.reader.quantity("a", Need::kRequired));
  EXPECT_EQ(b.reader.quantity("a", Need::kRequired)->to_string(), "0.0001");
  EXPECT_FALSE(b.reader.money("b", Need::kRequired));
  EXPECT_FALSE(b.reader.money("c", Need::kRequired));
  EXPECT_FALSE(b.reader.quantity("d", Need::kRequired));
  EXPECT_EQ(b.problems(), (std::vector<std::string>{"b|b must be between 0 and 999999999999999.99",
                                                    "c|c must be a number",
                                                    "d|d must have at most 4 decimal places"}));
}

}  // namespace
}  // namespace ov::api
