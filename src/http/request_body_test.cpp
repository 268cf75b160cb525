#include "http/request_body.hpp"

#include <gtest/gtest.h>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/fields.hpp>

namespace ov::http {
namespace {

using Header = boost::beast::http::header<true, boost::beast::http::fields>;

TEST(RequestBody, KeepsTheBytesAndReservesADeclaredLengthAtOnce) {
  Header h;
  RequestBody::value_type body;
  RequestBody::reader r(h, body);
  boost::beast::error_code ec;
  r.init(std::uint64_t{10}, ec);
  ASSERT_FALSE(ec);
  EXPECT_GE(body.text.capacity(), 10u);
  r.put(boost::asio::buffer(std::string_view("hello")), ec);
  r.put(boost::asio::buffer(std::string_view("world")), ec);
  r.finish(ec);
  EXPECT_FALSE(ec);
  EXPECT_EQ(body.text, "helloworld");
}

TEST(RequestBody, DiscardKeepsNothing) {
  Header h;
  RequestBody::value_type body;
  body.discard = true;
  RequestBody::reader r(h, body);
  boost::beast::error_code ec;
  r.init(std::uint64_t{1} << 40, ec);  // no memory is reserved for a dropped body
  ASSERT_FALSE(ec);
  EXPECT_EQ(r.put(boost::asio::buffer(std::string_view("0123456789")), ec), 10u);
  EXPECT_EQ(body.text.capacity(), std::string().capacity());
}

TEST(RequestBody, ChunkedGrowthStopsAtTheLimit) {
  Header h;
  RequestBody::value_type body;
  body.limit = 3000;
  RequestBody::reader r(h, body);
  boost::beast::error_code ec;
  r.init(boost::none, ec);
  const std::string piece(1000, 'p');
  for (int i = 0; i < 3; ++i) r.put(boost::asio::buffer(piece), ec);
  ASSERT_FALSE(ec);
  EXPECT_EQ(body.text.size(), 3000u);
  EXPECT_LE(body.text.capacity(), 3000u + 15);  // doubling would have reached 4000
}

TEST(RequestBody, AllocationFailureIsAnErrorNotAThrow) {
  Header h;
  RequestBody::value_type body;
  RequestBody::reader r(h, body);
  boost::beast::error_code ec;
  r.init(std::uint64_t{1} << 62, ec);
  EXPECT_EQ(ec, boost::system::errc::make_error_code(boost::system::errc::not_enough_memory));
}

}  // namespace
}  // namespace ov::http
