#include "api/routes.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ov::api {
namespace {

using http::bhttp::verb;

Handler trivial() {
  return [](http::Request&) -> boost::asio::awaitable<Reply> { co_return Reply{}; };
}

Route route(verb method, std::string path) {
  Route r;
  r.method = method;
  r.path = std::move(path);
  r.handler = trivial();
  return r;
}

TEST(RoutesTest, RouteOptionsArePreserved) {
  Routes router;
  Route r = route(verb::put, "/v1/case/{caseNo}");
  r.family = Family::kSN;
  r.access = Access::kTokenEndpoint;
  r.max_body_bytes = 1234;
  router.add(std::move(r));
  std::vector<std::string> params;
  const Route* m = router.match(verb::put, "/v1/case/T1", params);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->family, Family::kSN);
  EXPECT_EQ(m->access, Access::kTokenEndpoint);
  EXPECT_EQ(m->max_body_bytes, 1234u);
  EXPECT_TRUE(static_cast<bool>(m->handler));
  EXPECT_EQ(params, std::vector<std::string>{"T1"});
}

TEST(RoutesTest, NameAndIndexFollowThePathTable) {
  Routes router;
  router.add(verb::get, "/v1/case/categories", Family::kSN, trivial());
  router.add(verb::put, "/v1/case/{caseNo}", Family::kSN, trivial());
  ASSERT_EQ(router.all().size(), 2u);
  for (std::size_t i = 0; i < router.all().size(); ++i) {
    EXPECT_EQ(router.all()[i]->index, i);
    EXPECT_EQ(router.all()[i]->name, router.paths().routes()[i]->name);
    EXPECT_EQ(&router.at(i), router.all()[i].get());
  }
  EXPECT_EQ(router.at(1).name, "PUT /v1/case/{caseNo}");
  EXPECT_THROW(router.add(verb::put, "/v1/case/{other}", Family::kS, trivial()), std::logic_error);
}

TEST(RoutesTest, RepliesAreFramedByTheRouteFamily) {
  auto reply = payload([](JsonWriter& w) { w.Bool(true); });
  EXPECT_EQ(frame_success(Family::kS, reply.payload),
            success_body(Family::kS, [](JsonWriter& w) { w.Bool(true); }));
  for (auto family : {Family::kS, Family::kSN, Family::kV, Family::kN}) {
    auto write = [](JsonWriter& w) {
      w.StartArray();
      w.Int(1);
      w.EndArray();
    };
    EXPECT_EQ(frame_success(family, payload(write).payload), success_body(family, write));
  }
  auto list = list_payload(7, [](JsonWriter& w) {
    w.StartArray();
    w.EndArray();
  });
  EXPECT_EQ(list.total, 7);
  EXPECT_EQ(list.payload, "[]");
}

}  // namespace
}  // namespace ov::api
