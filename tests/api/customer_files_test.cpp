// Customer files over HTTP (ENDPOINTS.md §4.3.11, §4.3.12) in envelope family S: categories,
// attaching stored files and links, the byte-for-byte download from an attachment's url, the
// size limits and tenancy.
#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "auth/crypto.hpp"
#include "support/json_text.hpp"
#include "support/raw_connection.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-04-01T00:30:00+0700.
constexpr core::UnixSeconds kNow = 1743442200;
constexpr const char* kNowText = "2025-04-01T00:30:00+0700";
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";
constexpr std::size_t kMiB = 1024 * 1024;

const std::vector<std::string> kAttachmentKeys = {"attachmentId", "refId",
                                                  "type",         "filename",
                                                  "extension",    "fileSize",
                                                  "isActive",     "createdByUserId",
                                                  "dateCreated",  "resourceUrl",
                                                  "companyId",    "isProcessed",
                                                  "url",          "urlResponseUpload",
                                                  "thumbnail",    "fileCategoryId"};

// Every byte value, several times over, in an order that is not sorted.
std::string binary_bytes() {
  std::string out;
  for (int round = 0; round < 4; ++round) {
    for (int i = 0; i < 256; ++i) out.push_back(static_cast<char>((i * 7 + round) & 0xff));
  }
  return out;
}

std::string stored_file(const std::string& filename, const std::string& bytes) {
  return "{\"filename\":" + quote(filename) +
         ",\"contentBase64\":" + quote(auth::base64_encode(bytes)) + "}";
}
std::string link_file(const std::string& filename, const std::string& url) {
  return "{\"filename\":" + quote(filename) + ",\"url\":" + quote(url) + "}";
}
std::string attach_body(const std::vector<std::string>& files,
                        const std::string& customer = "C000154", std::int64_t category = 1) {
  std::string list;
  for (const auto& f : files) list += (list.empty() ? "" : ",") + f;
  return "{\"customerCode\":" + quote(customer) +
         ",\"fileCategoryId\":" + std::to_string(category) + ",\"files\":[" + list + "]}";
}

// The path of an absolute URL (http://host[:port]/path).
std::string path_of(const std::string& url) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

class CustomerFileApi : public ::testing::Test {
 protected:
  // Sent with Host 127.0.0.1:<port>, as a client that reached this server sends it.
  Headers headers(const TestCompany& c) {
    auto h = c.auth_json();
    h.emplace_back("Host", host());
    return h;
  }
  std::string host() const { return "127.0.0.1:" + std::to_string(server_.port()); }
  HttpResponse attach(const std::string& body, const TestCompany* as = nullptr) {
    return client_.request("POST", "/v3/customers/files", headers(as ? *as : company_), body);
  }
  HttpResponse download(const std::string& url, const TestCompany* as = nullptr) {
    return client_.request("GET", path_of(url), (as ? *as : company_).auth());
  }
  rapidjson::Document data_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body.substr(0, 500);
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data")) out.CopyFrom(doc["data"], out.GetAllocator());
    return out;
  }

  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Get file categories (#18)

TEST_F(CustomerFileApi, FileCategoriesAreListedByName) {
  auto res = client_.request("GET", "/v3/customers/file-categories", company_.auth());
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.body,
            R"({"status":{"code":"1000","description":"Success"},"data":[)"
            R"({"fileCategoryId":1,"fileCategoryName":"Contract","isActive":true},)"
            R"({"fileCategoryId":4,"fileCategoryName":"Identification document","isActive":true},)"
            R"({"fileCategoryId":3,"fileCategoryName":"Invoice","isActive":true},)"
            R"({"fileCategoryId":6,"fileCategoryName":"Other","isActive":true},)"
            R"({"fileCategoryId":5,"fileCategoryName":"Photo","isActive":true},)"
            R"({"fileCategoryId":2,"fileCategoryName":"Quotation","isActive":true}]})");
  EXPECT_EQ(res.header("x-total-count"), "6");
  // Inactive categories are listed, marked; they cannot take new files.
  server_.exec(
      "UPDATE customer_file_categories SET is_active = 0 WHERE company_id = ? AND "
      "file_category_id = 5",
      {company_.id});
  auto after = data_of(client_.request("GET", "/V3/Customers/File-Categories", company_.auth()));
  ASSERT_EQ(after.Size(), 6u);
  EXPECT_EQ(to_json(after[4]),
            R"({"fileCategoryId":5,"fileCategoryName":"Photo","isActive":false})");
}

// ---------------------------------------------------------------------------------------------
// Attach files category (#19) and the download

TEST_F(CustomerFileApi, StoredFileRoundTripsByteForByte) {
  const auto bytes = binary_bytes();
  auto res = attach(attach_body({stored_file("Dump.BIN", bytes)}));
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "1");
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  ASSERT_TRUE(doc["data"].IsArray());
  ASSERT_EQ(doc["data"].Size(), 1u);
  const auto& a = doc["data"][0];
  EXPECT_EQ(keys_of(a), kAttachmentKeys);
  const auto id = a["attachmentId"].GetInt64();
  EXPECT_EQ(id, server_.scalar("SELECT MAX(attachment_id) FROM customer_attachments"));
  EXPECT_EQ(a["refId"].GetInt64(), server_.customer_id("C000154", company_));
  EXPECT_EQ(a["type"].GetInt(), 3);
  EXPECT_STREQ(a["filename"].GetString(), "Dump.BIN");
  EXPECT_STREQ(a["extension"].GetString(), "bin");
  EXPECT_EQ(a["fileSize"].GetInt64(), 1024);
  EXPECT_TRUE(a["isActive"].GetBool());
  EXPECT_STREQ(a["createdByUserId"].GetString(), kApiUser);
  EXPECT_STREQ(a["dateCreated"].GetString(), kNowText);
  const std::string path = "/v3/customers/files/" + std::to_string(id);
  EXPECT_EQ(a["resourceUrl"].GetString(), path);
  EXPECT_EQ(a["companyId"].GetInt64(), company_.id);
  EXPECT_TRUE(a["isProcessed"].GetBool());
  EXPECT_EQ(a["url"].GetString(), "http://" + host() + path);
  EXPECT_TRUE(a["urlResponseUpload"].IsNull());
  EXPECT_TRUE(a["thumbnail"].IsNull());
  EXPECT_EQ(a["fileCategoryId"].GetInt64(), 1);

  auto got = download(a["url"].GetString());
  ASSERT_EQ(got.status, 200);
  EXPECT_TRUE(got.body == bytes) << "downloaded bytes differ";
  EXPECT_EQ(got.header("content-type"), "application/octet-stream");
  EXPECT_EQ(got.header("content-disposition"),
            "attachment; filename=\"Dump.BIN\"; filename*=UTF-8''Dump.BIN");
  EXPECT_EQ(got.header("x-content-type-options"), "nosniff");
  // Stored in the database as a BLOB of exactly these bytes.
  std::string stored;
  server_.db().read_now([&](storage::Session& s) {
    auto rows = s.query(
        "SELECT content FROM customer_attachment_contents WHERE attachment_id = ? AND company_id "
        "= ?",
        {id, company_.id});
    if (rows.next()) stored = rows.blob(0);
  });
  EXPECT_TRUE(stored == bytes);
}

TEST_F(CustomerFileApi, AttachListsTheCustomersAttachmentsOldestFirst) {
  auto first = data_of(attach(attach_body({stored_file("a.txt", "first")})));
  auto second = data_of(
      attach(attach_body({stored_file("b.pdf", "%PDF-1.4 second"),
                          link_file("Brochure.PDF", "https://cdn.example.com/brochure.pdf?v=2")},
                         "c000154", 2)));
  ASSERT_EQ(second.Size(), 3u);
  EXPECT_EQ(second[0]["attachmentId"].GetInt64(), first[0]["attachmentId"].GetInt64());
  EXPECT_EQ(second[0]["fileCategoryId"].GetInt64(), 1);
  EXPECT_STREQ(second[1]["filename"].GetString(), "b.pdf");
  EXPECT_EQ(second[1]["fileCategoryId"].GetInt64(), 2);
  EXPECT_LT(second[1]["attachmentId"].GetInt64(), second[2]["attachmentId"].GetInt64());
  // A link attachment: no stored bytes, the link is its url and resource.
  const auto& link = second[2];
  EXPECT_EQ(keys_of(link), kAttachmentKeys);
  EXPECT_STREQ(link["extension"].GetString(), "pdf");
  EXPECT_EQ(link["fileSize"].GetInt64(), 0);
  EXPECT_STREQ(link["url"].GetString(), "https://cdn.example.com/brochure.pdf?v=2");
  EXPECT_STREQ(link["resourceUrl"].GetString(), "https://cdn.example.com/brochure.pdf?v=2");
  auto none = client_.request(
      "GET", "/v3/customers/files/" + std::to_string(link["attachmentId"].GetInt64()),
      company_.auth());
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(none.body,
            one_problem_body("Attachment " + std::to_string(link["attachmentId"].GetInt64()) +
                             " was not found"));
  auto pdf = download(second[1]["url"].GetString());
  EXPECT_EQ(pdf.body, "%PDF-1.4 second");
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  // Another customer's list holds only its own.
  auto other = data_of(attach(attach_body({stored_file("c.txt", "other")}, "C000349")));
  EXPECT_EQ(other.Size(), 1u);
}

TEST_F(CustomerFileApi, ImagesAreTheirOwnThumbnailAndNamesMayBeUnicode) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  const std::string png(kPng, sizeof kPng - 1);
  auto d = data_of(attach(attach_body({stored_file("รูปหน้าร้าน \"1\".PNG", png)}, "C000154", 5)));
  ASSERT_EQ(d.Size(), 1u);
  EXPECT_STREQ(d[0]["extension"].GetString(), "png");
  EXPECT_STREQ(d[0]["thumbnail"].GetString(), d[0]["url"].GetString());
  auto got = download(d[0]["url"].GetString());
  EXPECT_TRUE(got.body == png);
  EXPECT_EQ(got.header("content-type"), "image/png");
  const std::string disposition = got.header("content-disposition");
  EXPECT_EQ(disposition.substr(0, disposition.find(';')), "attachment");
  EXPECT_NE(disposition.find("filename=\""), std::string::npos);
  EXPECT_NE(disposition.find("%E0%B8%A3%E0%B8%B9%E0%B8%9B"), std::string::npos) << disposition;
  EXPECT_NE(disposition.find("%20%221%22.PNG"), std::string::npos) << disposition;
}

TEST_F(CustomerFileApi, DownloadUrlFollowsTheRequestHost) {
  auto via_proxy = client_.request(
      "POST", "/v3/customers/files",
      [&] {
        auto h = company_.auth_json();
        h.emplace_back("Host", "crm.example.co.th:8443");
        h.emplace_back("X-Forwarded-Proto", "https");
        return h;
      }(),
      attach_body({stored_file("x.txt", "x")}));
  auto d = data_of(via_proxy);
  const std::string id = std::to_string(d[0]["attachmentId"].GetInt64());
  EXPECT_EQ(d[0]["url"].GetString(), "https://crm.example.co.th:8443/v3/customers/files/" + id);
  auto bad_host = client_.request(
      "POST", "/v3/customers/files",
      [&] {
        auto h = company_.auth_json();
        h.emplace_back("Host", "evil.example/steal?x=");
        return h;
      }(),
      attach_body({stored_file("y.txt", "y")}));
  // A Host that is no host is refused before routing (RFC 9112 §3.2), so it never reaches a
  // link.
  EXPECT_EQ(bad_host.status, 400);
  EXPECT_EQ(bad_host.body, R"({"statusCode":400,"message":"Invalid Host header"})");
  // An IPv6 literal with a port is a host too.
  auto v6 = client_.request(
      "POST", "/v3/customers/files",
      [&] {
        auto h = company_.auth_json();
        h.emplace_back("Host", "[::1]:8080");
        return h;
      }(),
      attach_body({stored_file("z.txt", "z")}));
  auto v = data_of(v6);
  EXPECT_EQ(v[1]["url"].GetString(), "http://[::1]:8080/v3/customers/files/" +
                                         std::to_string(v[1]["attachmentId"].GetInt64()));
}

TEST_F(CustomerFileApi, Base64MayBeWrappedOrUnpadded) {
  const std::string bytes = "line-wrapped base64 content, long enough to wrap at least once!!";
  std::string b64 = auth::base64_encode(bytes);
  std::string wrapped;
  for (std::size_t i = 0; i < b64.size(); i += 16) wrapped += b64.substr(i, 16) + "\r\n";
  auto d =
      data_of(attach("{\"customerCode\":\"C000154\",\"fileCategoryId\":1,\"files\":[{"
                     "\"FileName\":\"w.txt\",\"ContentBase64\":" +
                     quote(wrapped) + "}]}"));
  EXPECT_EQ(download(d[0]["url"].GetString()).body, bytes);
  auto unpadded =
      data_of(attach(attach_body({"{\"filename\":\"u.txt\",\"contentBase64\":\"YQ\"}"})));
  EXPECT_EQ(download(unpadded[1]["url"].GetString()).body, "a");
}

TEST_F(CustomerFileApi, AttachValidation) {
  auto empty = attach("{}");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.body, problems_body({{"customerCode", "customerCode is required"},
                                       {"fileCategoryId", "fileCategoryId is required"},
                                       {"files", "files is required"}}));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {attach_body({}), "files must have 1 to 10 items"},
      {attach_body(std::vector<std::string>(11, stored_file("a.txt", "a"))),
       "files must have 1 to 10 items"},
      {R"({"customerCode":"C000154","fileCategoryId":1,"files":{}})", "files must be an array"},
      {attach_body({"7"}), "files[0] must be an object"},
      {attach_body({R"({"filename":"a.txt"})"}),
       "files[0] must have exactly one of contentBase64 and url"},
      {attach_body({R"({"filename":"a.txt","contentBase64":"YQ==","url":"https://x.example/a"})"}),
       "files[0] must have exactly one of contentBase64 and url"},
      {attach_body({R"({"filename":"a.txt","contentBase64":"Y*Q="})"}),
       "files[0].contentBase64 is not valid base64"},
      {attach_body({R"({"filename":"a.txt","contentBase64":""})"}),
       "files[0].contentBase64 must not be empty"},
      {attach_body({R"({"filename":"a.txt","contentBase64":12})"}),
       "files[0].contentBase64 must be a string"},
      {attach_body({link_file("a.txt", "ftp://files.example/a.txt")}),
       "files[0].url must be an absolute http or https URL"},
      {attach_body({link_file("a.txt", "https:///a.txt")}),
       "files[0].url must be an absolute http or https URL"},
      {attach_body({link_file("a.txt", "https://x.example/a b.txt")}),
       "files[0].url must be an absolute http or https URL"},
      {attach_body({link_file("a.txt", "https://x.example/" + std::string(2100, 'a'))}),
       "files[0].url must be at most 2048 characters"},
      {attach_body({stored_file("README", "a")}),
       "files[0].filename must have an extension (e.g. report.pdf)"},
      {attach_body({stored_file("report.", "a")}),
       "files[0].filename must have an extension (e.g. report.pdf)"},
      {attach_body({stored_file("../etc/passwd.txt", "a")}),
       "files[0].filename must be a file name without path separators or control characters"},
      {attach_body({stored_file("a\r\nb.txt", "a")}),
       "files[0].filename must be a file name without path separators or control characters"},
      {attach_body({stored_file(std::string(252, 'n') + ".txt", "a")}),
       "files[0].filename must be at most 255 characters"},
      {attach_body({stored_file("a.txt", "a")}, "C000154", 0),
       "fileCategoryId must be between 1 and 9223372036854775807"},
  };
  for (const auto& [body, message] : cases) {
    SCOPED_TRACE(message);
    auto res = attach(body);
    EXPECT_EQ(res.status, 400);
    EXPECT_EQ(res.body, one_problem_body(message));
  }
  // Problems inside the files list keep the list's place in body order.
  auto several =
      attach(R"({"files":[{"filename":"ok.txt","url":"https://x.example/ok"},{"filename":"bad"},)"
             R"({"url":"nope"}],"customerCode":""})");
  EXPECT_EQ(
      several.body,
      problems_body(
          {{"files[1].filename", "files[1].filename must have an extension (e.g. report.pdf)"},
           {"files[1].contentBase64", "files[1] must have exactly one of contentBase64 and url"},
           {"files[2].url", "files[2].url must be an absolute http or https URL"},
           {"files[2].filename", "files[2].filename is required"},
           {"customerCode", "customerCode is required"},
           {"fileCategoryId", "fileCategoryId is required"}}));
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM customer_attachments"), 0);
}

TEST_F(CustomerFileApi, UnknownRecordsAre404) {
  auto customer = attach(attach_body({stored_file("a.txt", "a")}, "C009999"));
  EXPECT_EQ(customer.status, 404);
  EXPECT_EQ(customer.body, one_problem_body("customerCode C009999 was not found"));
  auto category = attach(attach_body({stored_file("a.txt", "a")}, "C000154", 99));
  EXPECT_EQ(category.status, 404);
  EXPECT_EQ(category.body, one_problem_body("fileCategoryId 99 was not found"));
  server_.exec(
      "UPDATE customer_file_categories SET is_active = 0 WHERE company_id = ? AND "
      "file_category_id = 6",
      {company_.id});
  auto inactive = attach(attach_body({stored_file("a.txt", "a")}, "C000154", 6));
  EXPECT_EQ(inactive.body, one_problem_body("fileCategoryId 6 was not found"));
  server_.exec(
      "UPDATE customers SET is_active = 0 WHERE company_id = ? AND customer_code = 'C000349'",
      {company_.id});
  auto inactive_customer = attach(attach_body({stored_file("a.txt", "a")}, "C000349"));
  EXPECT_EQ(inactive_customer.body, one_problem_body("customerCode C000349 was not found"));
  auto no_file = client_.request("GET", "/v3/customers/files/987654321", company_.auth());
  EXPECT_EQ(no_file.status, 404);
  EXPECT_EQ(no_file.body, one_problem_body("Attachment 987654321 was not found"));
  auto not_an_id = client_.request("GET", "/v3/customers/files/abc/def", company_.auth());
  EXPECT_EQ(not_an_id.status, 404);
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM customer_attachments"), 0);
}

TEST_F(CustomerFileApi, ACustomerHoldsAtMostTheAttachmentLimit) {
  const auto customer = server_.customer_id("C000154", company_);
  server_.db().write_now([&](storage::Session& s) {
    for (int i = 0; i < 998; ++i) {
      s.exec(
          "INSERT INTO customer_attachments (company_id, customer_id, file_category_id, filename, "
          "extension, file_size, link_url, created_by_user_id, date_created) VALUES (?, ?, 1, "
          "'l.txt', 'txt', 0, 'https://x.example/l.txt', 'u', ?)",
          {company_.id, customer, kNow});
    }
  });
  auto over = attach(attach_body(
      {stored_file("a.txt", "a"), stored_file("b.txt", "b"), stored_file("c.txt", "c")}));
  EXPECT_EQ(over.status, 400);
  EXPECT_EQ(over.body,
            one_problem_body("Customer C000154 has 998 attachments; at most 1000 are allowed"));
  auto fits = data_of(attach(attach_body({stored_file("a.txt", "a"), stored_file("b.txt", "b")})));
  EXPECT_EQ(fits.Size(), 1000u);
}

// ---------------------------------------------------------------------------------------------
// Size limits

TEST_F(CustomerFileApi, FileOfTheMaximumSizeRoundTripsOverTheDefaultBodyLimit) {
  // 10 MiB decoded is about 13.3 MiB of base64: beyond the 5 MiB default, within this route's
  // 32 MiB.
  std::string bytes(10 * kMiB, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    bytes[i] = static_cast<char>((i * 2654435761u) >> 13);
  }
  auto d = data_of(attach(attach_body({stored_file("big.bin", bytes)})));
  ASSERT_EQ(d.Size(), 1u);
  EXPECT_EQ(d[0]["fileSize"].GetInt64(), static_cast<std::int64_t>(10 * kMiB));
  auto got = download(d[0]["url"].GetString());
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body.size(), bytes.size());
  EXPECT_TRUE(got.body == bytes) << "downloaded bytes differ";
}

TEST_F(CustomerFileApi, FileOverTheMaximumSizeIs4001) {
  const std::string too_large =
      "files[0].contentBase64 is larger than 10 MiB (10485760 bytes) when decoded";
  // One byte over: found once decoded.
  auto over = attach(attach_body({stored_file("big.bin", std::string(10 * kMiB + 1, 'a'))}));
  EXPECT_EQ(over.status, 400);
  EXPECT_EQ(over.body, one_problem_body(too_large));
  // Far over: refused from the encoded length alone.
  auto far = attach(attach_body({stored_file("big.bin", std::string(20 * kMiB, 'b'))}));
  EXPECT_EQ(far.status, 400);
  EXPECT_EQ(far.body, one_problem_body(too_large));
  EXPECT_EQ(server_.scalar("SELECT COUNT(*) FROM customer_attachments"), 0);
}

// The head of a request declaring `length` body bytes, and the first few of them: the server
// judges the declared length before reading the body.
std::string declared_only(const std::string& target, const TestCompany& c, std::size_t length) {
  return "POST " + target +
         " HTTP/1.1\r\nHost: 127.0.0.1\r\nOcp-Apim-Subscription-Key: " + c.subscription_key +
         "\r\nAuthorization: Bearer " + c.token +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(length) +
         "\r\n\r\n{\"customerCode\":";
}

TEST_F(CustomerFileApi, BodyOver32MiBIs413) {
  RawConnection conn(server_.port());
  ASSERT_TRUE(conn.send(declared_only("/v3/customers/files", company_, 32 * kMiB + 1)));
  auto res = conn.read_response();
  ASSERT_TRUE(res) << conn.last_error().message();
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(res->body, one_problem_body("Request body is too large"));
  EXPECT_EQ(res->header("connection"), "close");
  // Exactly 32 MiB is read and judged by its content.
  RawConnection at_limit(server_.port());
  std::string body = attach_body({stored_file("big.bin", std::string(10 * kMiB, 'c'))});
  // ,"pad":"…" is 9 characters around its spaces.
  body.insert(body.size() - 1,
              ",\"pad\":\"" + std::string(32 * kMiB - body.size() - 9, ' ') + "\"");
  ASSERT_EQ(body.size(), 32 * kMiB);
  ASSERT_TRUE(
      at_limit.send(serialize_request("POST", "/v3/customers/files", headers(company_), body),
                    std::chrono::seconds(120)));
  auto ok = at_limit.read_response(std::chrono::seconds(120));
  ASSERT_TRUE(ok) << at_limit.last_error().message();
  EXPECT_EQ(ok->status, 200) << ok->body.substr(0, 300);
  // Other routes keep the 5 MiB default.
  RawConnection other(server_.port());
  ASSERT_TRUE(other.send(declared_only("/v1/customerEvent", company_, 5 * kMiB + 1)));
  auto small = other.read_response();
  ASSERT_TRUE(small) << other.last_error().message();
  EXPECT_EQ(small->status, 413);
}

// ---------------------------------------------------------------------------------------------
// Tenancy and authentication

TEST_F(CustomerFileApi, AnotherCompanyNeverSeesOrReachesTheseFiles) {
  auto other = server_.add_company();
  auto mine = data_of(attach(attach_body({stored_file("secret.txt", "ours")})));
  const std::string url = mine[0]["url"].GetString();
  // Their own valid key and token: still not found.
  auto theirs = download(url, &other);
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(theirs.body,
            one_problem_body("Attachment " + std::to_string(mine[0]["attachmentId"].GetInt64()) +
                             " was not found"));
  // Their key with our token, or no token: rejected before the handler.
  auto mixed = client_.request("GET", path_of(url),
                               {{"Ocp-Apim-Subscription-Key", other.subscription_key},
                                {"Authorization", "Bearer " + company_.token}});
  EXPECT_EQ(mixed.status, 401);
  auto anonymous = client_.request("GET", path_of(url), {});
  EXPECT_EQ(anonymous.status, 401);
  auto no_token = client_.request("GET", path_of(url),
                                  {{"Ocp-Apim-Subscription-Key", company_.subscription_key}});
  EXPECT_EQ(no_token.status, 401);
  EXPECT_EQ(no_token.body, R"({"statusCode":401,"message":"Unauthorized"})");
  // Their C000154 has only their files.
  auto their_list = data_of(attach(attach_body({stored_file("t.txt", "theirs")}), &other));
  ASSERT_EQ(their_list.Size(), 1u);
  EXPECT_EQ(their_list[0]["companyId"].GetInt64(), other.id);
  EXPECT_EQ(their_list[0]["refId"].GetInt64(), server_.customer_id("C000154", other));
  EXPECT_EQ(download(their_list[0]["url"].GetString(), &other).body, "theirs");
  EXPECT_EQ(download(their_list[0]["url"].GetString()).status, 404);
  EXPECT_EQ(download(url).body, "ours");
  // A customer only we have is unknown to them; so are our categories.
  server_.exec(
      "INSERT INTO customers (company_id, customer_code, customer_name, created_at) VALUES (?, "
      "'C777777', 'Ours only', ?)",
      {company_.id, kNow});
  server_.exec(
      "INSERT INTO customer_file_categories (company_id, file_category_id, name) VALUES (?, 70, "
      "'Ours only')",
      {company_.id});
  EXPECT_EQ(attach(attach_body({stored_file("a.txt", "a")}, "C777777"), &other).status, 404);
  auto category = attach(attach_body({stored_file("a.txt", "a")}, "C000154", 70), &other);
  EXPECT_EQ(category.body, one_problem_body("fileCategoryId 70 was not found"));
  EXPECT_EQ(attach(attach_body({stored_file("a.txt", "a")}, "C777777", 70)).status, 200);
  auto their_categories =
      data_of(client_.request("GET", "/v3/customers/file-categories", other.auth()));
  EXPECT_EQ(their_categories.Size(), 6u);
  EXPECT_EQ(
      server_.scalar("SELECT COUNT(*) FROM customer_attachments WHERE company_id = ?", {other.id}),
      1);
}

TEST_F(CustomerFileApi, EveryEndpointNeedsKeyAndToken) {
  for (const auto& [method, target] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "/v3/customers/file-categories"},
                                                        {"POST", "/v3/customers/files"},
                                                        {"GET", "/v3/customers/files/1"}}) {
    SCOPED_TRACE(method + " " + target);
    EXPECT_EQ(client_.request(method, target, {}, "").status, 401);
    auto no_token = client_.request(method, target,
                                    {{"Ocp-Apim-Subscription-Key", company_.subscription_key}}, "");
    EXPECT_EQ(no_token.status, 401);
  }
}

}  // namespace
}  // namespace ov::test
