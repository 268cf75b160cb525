// Form bodies of the token endpoint: urlencoded, and the text fields of multipart/form-data as
// generated clients (fetch's FormData, axios, .NET's MultipartFormDataContent) write them.
#include "http/form.hpp"

#include <gtest/gtest.h>

namespace ov::http {
namespace {

TEST(FormTest, UrlEncodedFieldsDecodeAndRepeatsAreRefused) {
  auto f = parse_urlencoded_form("grant_type=client_credentials&client_id=a%2Bb&client_secret=x+y");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->at("client_id"), "a+b");
  EXPECT_EQ(f->at("client_secret"), "x y");
  EXPECT_FALSE(parse_urlencoded_form("a=1&a=2"));
  EXPECT_FALSE(parse_urlencoded_form("a=%zz"));
}

TEST(FormTest, TheContentTypeNamesTheKindAndTheBoundary) {
  EXPECT_EQ(form_type("application/x-www-form-urlencoded; charset=UTF-8").kind,
            FormKind::kUrlEncoded);
  auto m = form_type("multipart/form-data; boundary=----formdata-undici-0.123");
  EXPECT_EQ(m.kind, FormKind::kMultipart);
  EXPECT_EQ(m.boundary, "----formdata-undici-0.123");
  EXPECT_EQ(form_type(R"(Multipart/Form-Data; charset=utf-8; boundary="a b;c")").boundary, "a b;c");
  EXPECT_EQ(form_type("multipart/form-data").kind, FormKind::kNone);  // no boundary
  EXPECT_EQ(form_type("application/json").kind, FormKind::kNone);
  EXPECT_EQ(form_type("").kind, FormKind::kNone);
}

// As Node's fetch writes a FormData body.
constexpr std::string_view kUndici =
    "------formdata-undici-042\r\n"
    "Content-Disposition: form-data; name=\"grant_type\"\r\n\r\n"
    "client_credentials\r\n"
    "------formdata-undici-042\r\n"
    "Content-Disposition: form-data; name=\"client_id\"\r\n\r\n"
    "id-1\r\n"
    "------formdata-undici-042\r\n"
    "Content-Disposition: form-data; name=\"client_secret\"\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "line1\r\nline2\r\n"
    "------formdata-undici-042--\r\n";

TEST(FormTest, MultipartTextFieldsAreRead) {
  auto f = parse_multipart_form(kUndici, "----formdata-undici-042");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->size(), 3u);
  EXPECT_EQ(f->at("grant_type"), "client_credentials");
  EXPECT_EQ(f->at("client_id"), "id-1");
  EXPECT_EQ(f->at("client_secret"), "line1\r\nline2");  // a CRLF inside a value is kept
  // A preamble and unquoted names, as .NET writes them, and an empty value.
  auto dotnet = parse_multipart_form(
      "preamble\r\n--b\r\nContent-Disposition: form-data; name=grant_type\r\n\r\nx\r\n"
      "--b\r\ncontent-disposition: form-data; name=\"empty\"\r\n\r\n\r\n--b--",
      "b");
  ASSERT_TRUE(dotnet);
  EXPECT_EQ(dotnet->at("grant_type"), "x");
  EXPECT_EQ(dotnet->at("empty"), "");
}

TEST(FormTest, MalformedMultipartIsRefused) {
  const std::string ok = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--";
  EXPECT_TRUE(parse_multipart_form(ok, "b"));
  EXPECT_FALSE(parse_multipart_form(ok, "c"));                           // wrong boundary
  EXPECT_FALSE(parse_multipart_form(ok.substr(0, ok.size() - 7), "b"));  // truncated
  // After the close delimiter comes the epilogue, which is ignored.
  auto epilogue = parse_multipart_form(
      ok + "\r\n--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n2\r\n--b--", "b");
  ASSERT_TRUE(epilogue);
  EXPECT_EQ(epilogue->at("a"), "1");
  EXPECT_FALSE(
      parse_multipart_form("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                           "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n2\r\n--b--",
                           "b"));  // repeated
  EXPECT_FALSE(parse_multipart_form(
      "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\n\r\n1\r\n--b--",
      "b"));  // a file
  EXPECT_FALSE(parse_multipart_form("--b\r\nContent-Type: text/plain\r\n\r\n1\r\n--b--", "b"));
  EXPECT_FALSE(parse_multipart_form(
      "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--b--", "b"));
  EXPECT_FALSE(parse_multipart_form(ok, std::string(71, 'b')));
}

}  // namespace
}  // namespace ov::http
