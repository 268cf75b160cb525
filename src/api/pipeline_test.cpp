#include "api/pipeline.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <sstream>
#include <stdexcept>
#include <string>

namespace ov::api {
namespace {

namespace asio = boost::asio;
using http::bhttp::verb;

// Every key and token is good for company 7.
class AllowAll final : public Authenticator {
 public:
  asio::awaitable<std::optional<std::int64_t>> company_for_key(std::string_view) override {
    co_return 7;
  }
  asio::awaitable<std::optional<Principal>> authenticate(std::string_view) override {
    co_return Principal{7, "client", "user", &core::TimeZone::bangkok()};
  }
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    routes_.add(verb::get, "/list", Family::kSN, [](http::Request&) -> asio::awaitable<Reply> {
      co_return list_payload(42, [](JsonWriter& w) {
        w.StartArray();
        w.Int(1);
        w.EndArray();
      });
    });
    routes_.add(verb::get, "/conflict", Family::kV, [](http::Request&) -> asio::awaitable<Reply> {
      throw core::conflict("Number T1 is already taken");
      co_return Reply{};
    });
    routes_.add(verb::get, "/boom", Family::kN, [](http::Request&) -> asio::awaitable<Reply> {
      throw std::runtime_error("SELECT secret FROM settings: disk I/O error");
      co_return Reply{};
    });
    routes_.add(verb::get, "/raw", Family::kS, [](http::Request&) -> asio::awaitable<Reply> {
      http::Response r;
      r.status = 201;
      r.body = "bytes";
      r.content_type = "application/octet-stream";
      co_return raw(std::move(r));
    });
    std::vector<std::string> names;
    for (const auto& r : routes_.all()) names.push_back(r->name);
    metrics_ = std::make_unique<http::Metrics>(names);
    pipeline_ = std::make_unique<Pipeline>(routes_, auth_, *metrics_, false);
  }

  http::Response call(const std::string& path) {
    http::Request req;
    req.raw.method(verb::get);
    req.raw.set("Ocp-Apim-Subscription-Key", "k");
    req.raw.set("Authorization", "Bearer t");
    req.path = path;
    req.request_id = "req-123";
    pipeline_->prepare(req);
    asio::io_context io;
    auto f = asio::co_spawn(io, pipeline_->dispatch(req), asio::use_future);
    io.run();
    return f.get();
  }

  static std::string header(const http::Response& r, std::string_view name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return "";
  }

  Routes routes_;
  AllowAll auth_;
  std::unique_ptr<http::Metrics> metrics_;
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(PipelineTest, RepliesAreFramedByTheRouteFamilyWithTheirTotal) {
  auto r = call("/list");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":{"code":"1000","description":"Success"},)"
                    R"("data":{"data":[1],"statusCode":1000,"httpStatusCode":200}})");
  EXPECT_EQ(header(r, "X-Total-Count"), "42");
}

TEST_F(PipelineTest, ConflictsAnswer400With4001InTheRouteFamily) {
  auto r = call("/conflict");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"status":{"code":"4001","description":"Number T1 is already taken"},)"
                    R"("data":{"value":null}})");
}

TEST_F(PipelineTest, UnexpectedErrorsAreLoggedWithTheRequestIdAndNeverSent) {
  std::ostringstream log;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log);
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", sink));
  auto r = call("/boom");
  spdlog::set_default_logger(previous);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body, R"({"status":{"code":"5000","description":"Internal server error"},)"
                    R"("data":null,"statusCode":5000,"httpStatusCode":500})");
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  EXPECT_NE(log.str().find("req-123"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("SELECT secret"), std::string::npos) << log.str();
}

TEST_F(PipelineTest, RawRepliesAreSentAsTheyAre) {
  auto r = call("/raw");
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, "bytes");
  EXPECT_EQ(r.content_type, "application/octet-stream");
  EXPECT_TRUE(r.headers.empty());
}

TEST_F(PipelineTest, UnknownRoutesGetTheGatewayBody) {
  auto r = call("/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, R"({"statusCode":404,"message":"Resource not found"})");
}

}  // namespace
}  // namespace ov::api
