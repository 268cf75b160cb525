#include "api/json_fields.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ov::api {
namespace {

struct Line {
  std::int64_t line_id = 0;
  core::Decimal amount;
};
constexpr core::Field<Line> kLineFields[] = {
    {"lineId", "line_id", &Line::line_id},
    {"amount", "amount", &Line::amount},
};

struct Doc {
  std::int64_t id = 0;
  std::string no;
  std::optional<std::string> note;
  int status = 1;
  core::UnixSeconds created = 0;
  std::optional<core::UnixSeconds> due;
  std::optional<core::Decimal> total;
  std::optional<core::Decimal> income;
  std::optional<double> latitude;
  std::vector<std::string> tags;
  std::vector<Line> lines;
  std::optional<Line> first;
  bool done() const { return status == 3; }
};

void write_label(JsonWriter& w, const Doc& d, const OutContext& ctx) {
  write_string(w, std::string(ctx.base_url) + "/" + d.no);
}

constexpr core::Field<Doc> kDocFields[] = {
    {"id", "id", &Doc::id, core::Store::kRead},
    {"no", "no", &Doc::no},
    {"note", "note", &Doc::note},
    {"status", "status", &Doc::status},
    {"created", "created", &Doc::created, core::FieldKind::kDateTime},
    {"due", "due", &Doc::due, core::FieldKind::kDateTime},
    {"total", "total", &Doc::total},
    {"income", "income", &Doc::income, core::FieldKind::kDecimalText},
    {"latitude", "latitude", &Doc::latitude},
    {"tags", "tags", &Doc::tags},
    {"lines", nested_list<Doc, &Doc::lines, kLineFields>},
    {"first", nested_object<Doc, &Doc::first, kLineFields>},
    core::json_only<Doc>("done", &Doc::done),
    {"link", custom_writer<Doc, write_label>},
    {"type", int_value<Doc, 3>},
    {"none", null_value<Doc>},
    core::column_only<Doc>("hidden", &Doc::status),
};

std::string json_of(const Doc& d) {
  std::string out;
  StringSink sink(out);
  JsonWriter w(sink);
  write_object(w, d, core::Fields<Doc>(kDocFields), {&core::TimeZone::bangkok(), "http://h"});
  return out;
}

TEST(JsonFieldsTest, EveryPropertyInTableOrderNullsIncluded) {
  Doc d;
  d.id = 7;
  d.no = "Q250200001";
  d.created = 1738809693;
  EXPECT_EQ(json_of(d),
            R"({"id":7,"no":"Q250200001","note":null,"status":1,)"
            R"("created":"2025-02-06T09:41:33+0700","due":null,"total":null,"income":null,)"
            R"("latitude":null,"tags":[],"lines":[],"first":null,"done":false,)"
            R"("link":"http://h/Q250200001","type":3,"none":null})");
}

TEST(JsonFieldsTest, ValuesInTheirKinds) {
  Doc d;
  d.id = 1;
  d.no = "ทดสอบ";
  d.note = "a \"quoted\" note";
  d.status = 3;
  d.created = 0;
  d.due = 1738751753;
  d.total = core::Decimal::parse("4467.250", 3);
  d.income = core::Decimal::parse("1000000.50", 2);
  d.latitude = 100.0;
  d.tags = {"a", "b"};
  d.lines = {{1, *core::Decimal::parse("1950.00", 2)}, {2, *core::Decimal::parse("-0.5", 1)}};
  d.first = d.lines.front();
  EXPECT_EQ(json_of(d), R"({"id":1,"no":"ทดสอบ","note":"a \"quoted\" note","status":3,)"
                        R"("created":"1970-01-01T07:00:00+0700","due":"2025-02-05T17:35:53+0700",)"
                        R"("total":4467.25,"income":"1000000.50","latitude":100,"tags":["a","b"],)"
                        R"("lines":[{"lineId":1,"amount":1950},{"lineId":2,"amount":-0.5}],)"
                        R"("first":{"lineId":1,"amount":1950},"done":true,"link":"http://h/ทดสอบ",)"
                        R"("type":3,"none":null})");
}

TEST(JsonFieldsTest, MillisecondTimesAreShownAsDateTimes) {
  struct Stamp {
    std::int64_t at = 0;
    std::optional<std::int64_t> until;
  };
  static constexpr core::Field<Stamp> kStampFields[] = {
      core::json_only<Stamp>("at", &Stamp::at, core::FieldKind::kDateTimeMs),
      core::json_only<Stamp>("until", &Stamp::until, core::FieldKind::kDateTimeMs),
  };
  std::string out;
  StringSink sink(out);
  JsonWriter w(sink);
  write_object(w, Stamp{1738809693999, std::nullopt}, core::Fields<Stamp>(kStampFields),
               {&core::TimeZone::bangkok()});
  EXPECT_EQ(out, R"({"at":"2025-02-06T09:41:33+0700","until":null})");
}

TEST(JsonFieldsTest, ListRepliesCarryTheirTotal) {
  std::vector<Line> lines{{1, core::Decimal::of(2)}};
  auto reply = list_reply(lines, 40, core::Fields<Line>(kLineFields), {});
  EXPECT_EQ(reply.payload, R"([{"lineId":1,"amount":2}])");
  EXPECT_EQ(reply.total, 40);
  EXPECT_EQ(list_reply(lines, core::Fields<Line>(kLineFields), {}).total, 1);
  EXPECT_EQ(object_reply(lines[0], core::Fields<Line>(kLineFields), {}).payload,
            R"({"lineId":1,"amount":2})");
}

}  // namespace
}  // namespace ov::api
