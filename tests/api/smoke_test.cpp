#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace ov::test {
namespace {

TEST(Smoke, DocAddCaseExampleSucceedsOnDemoCompany) {
  TestServer server;
  auto company = server.add_company();
  auto client = server.client();
  auto res = client.request("POST", "/v1/case", company.auth_json(), kDocAddCaseExample);
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  EXPECT_STREQ(doc["status"]["code"].GetString(), "1000");
  EXPECT_EQ(doc["data"]["httpStatusCode"].GetInt(), 200);
}

}  // namespace
}  // namespace ov::test
