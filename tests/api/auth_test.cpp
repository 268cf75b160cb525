// The token flow and every way a request can fail authentication (ENDPOINTS.md §1.2, §2.6, §2.7,
// §4.1.1).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "auth/crypto.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-02-10T12:00:00+0700; every server in this file runs on a fixed clock so token expiry
// and the auth cache's lifetime are driven by the test, never by the wall clock.
constexpr core::UnixSeconds kNow = 1739163600;

constexpr const char* kTokenPath = "/authorization/connect/token";
constexpr const char* kCasePath = "/v1/case/T250200010";

constexpr const char* kMissingKeyBody =
    R"({"statusCode":401,"message":"Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API."})";
constexpr const char* kInvalidKeyBody =
    R"({"statusCode":401,"message":"Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."})";
constexpr const char* kUnauthorizedBody = R"({"statusCode":401,"message":"Unauthorized"})";
constexpr const char* kNotFoundBody = R"({"statusCode":404,"message":"Resource not found"})";
constexpr const char* kInvalidClientBody =
    R"({"error":"invalid_client","error_description":"Client authentication failed"})";

const Headers kFormType = {{"Content-Type", "application/x-www-form-urlencoded"}};

std::string credentials_form(const TestCompany& c) {
  return "grant_type=client_credentials&client_id=" + c.client_id +
         "&client_secret=" + c.client_secret;
}

std::string basic_header(const std::string& id, const std::string& secret) {
  return "Basic " + auth::base64_encode(id + ":" + secret);
}

Headers with(Headers h, const std::string& name, const std::string& value) {
  h.emplace_back(name, value);
  return h;
}

Headers key_and_authorization(const TestCompany& c, const std::string& authorization) {
  return {{"Ocp-Apim-Subscription-Key", c.subscription_key}, {"Authorization", authorization}};
}

// The JWT split into its three dot-separated parts.
std::vector<std::string> jwt_parts(const std::string& token) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    auto dot = token.find('.', start);
    parts.push_back(token.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

char flipped(char c) { return c == 'A' ? 'B' : 'A'; }

void expect_key_order(const rapidjson::Value& object, const std::vector<std::string>& keys) {
  ASSERT_TRUE(object.IsObject());
  std::vector<std::string> actual;
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    actual.emplace_back(it->name.GetString());
  }
  EXPECT_EQ(actual, keys);
}

// An RFC 6749 §5.2 error: exactly {"error","error_description"} with a readable description,
// never cacheable.
void expect_oauth_error(const HttpResponse& res, int status, const std::string& error) {
  EXPECT_EQ(res.status, status) << res.body;
  auto doc = res.json();
  expect_key_order(doc, {"error", "error_description"});
  if (!doc.IsObject() || !doc.HasMember("error")) return;
  EXPECT_EQ(std::string(doc["error"].GetString()), error) << res.body;
  ASSERT_TRUE(doc["error_description"].IsString());
  EXPECT_NE(std::string(doc["error_description"].GetString()), "");
  EXPECT_EQ(res.header("cache-control"), "no-store");
  EXPECT_EQ(res.header("pragma"), "no-cache");
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
}

void expect_unauthorized(const HttpResponse& res) {
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.body, kUnauthorizedBody);
  EXPECT_EQ(res.header("www-authenticate"), "Bearer");
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
}

class AuthTest : public ::testing::Test {
 protected:
  AuthTest() : server_(fixed_clock_options()), a_(server_.add_company()), http_(server_.client()) {}

  static TestServerOptions fixed_clock_options() {
    TestServerOptions o;
    o.fixed_time = kNow;
    return o;
  }

  HttpResponse post_token(const std::string& body, const Headers& headers = kFormType) {
    return http_.request("POST", kTokenPath, headers, body);
  }

  HttpResponse get_case(const Headers& headers) { return http_.request("GET", kCasePath, headers); }

  TestServer server_;
  TestCompany a_;
  HttpClient http_;
};

// ---- Token endpoint: success ------------------------------------------------------------

TEST_F(AuthTest, TokenResponseHasExactlyTheDocumentedKeysAndNoCacheHeaders) {
  auto res = post_token(credentials_form(a_));
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  expect_key_order(doc, {"access_token", "expires_in", "token_type"});
  ASSERT_TRUE(doc["access_token"].IsString());
  EXPECT_FALSE(std::string(doc["access_token"].GetString()).empty());
  ASSERT_TRUE(doc["expires_in"].IsInt());
  EXPECT_EQ(doc["expires_in"].GetInt(), 3600);
  EXPECT_STREQ(doc["token_type"].GetString(), "Bearer");
  EXPECT_FALSE(doc.HasMember("scope"));
  EXPECT_EQ(res.header("cache-control"), "no-store");
  EXPECT_EQ(res.header("pragma"), "no-cache");
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");

  const std::string token = doc["access_token"].GetString();
  auto use = get_case(key_and_authorization(a_, "Bearer " + token));
  EXPECT_EQ(use.status, 200) << use.body;
}

TEST_F(AuthTest, TokenCarriesTenantClientAndLifetimeClaims) {
  auto res = post_token(credentials_form(a_));
  ASSERT_EQ(res.status, 200) << res.body;
  auto parts = jwt_parts(res.json()["access_token"].GetString());
  ASSERT_EQ(parts.size(), 3u);
  auto payload = auth::base64url_decode(parts[1]);
  ASSERT_TRUE(payload.has_value());
  rapidjson::Document claims;
  claims.Parse(payload->c_str(), payload->size());
  ASSERT_FALSE(claims.HasParseError()) << *payload;
  EXPECT_EQ(claims["cid"].GetInt64(), a_.id);
  EXPECT_EQ(std::string(claims["sub"].GetString()), a_.client_id);
  EXPECT_EQ(claims["iat"].GetInt64(), kNow);
  EXPECT_EQ(claims["exp"].GetInt64(), kNow + 3600);
  EXPECT_TRUE(claims["jti"].IsString());
}

TEST_F(AuthTest, TwoTokensOfOneClientAreDistinctAndBothValid) {
  const std::string first = server_.fetch_token(a_);
  const std::string second = server_.fetch_token(a_);
  EXPECT_NE(first, second);
  EXPECT_EQ(get_case(key_and_authorization(a_, "Bearer " + first)).status, 200);
  EXPECT_EQ(get_case(key_and_authorization(a_, "Bearer " + second)).status, 200);
}

TEST_F(AuthTest, HttpBasicClientAuthenticationIssuesAWorkingToken) {
  auto res =
      post_token("grant_type=client_credentials",
                 with(kFormType, "Authorization", basic_header(a_.client_id, a_.client_secret)));
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  expect_key_order(doc, {"access_token", "expires_in", "token_type"});
  const std::string token = doc["access_token"].GetString();
  EXPECT_EQ(get_case(key_and_authorization(a_, "Bearer " + token)).status, 200);
}

TEST_F(AuthTest, HttpBasicCredentialsAreFormDecoded) {
  // RFC 6749 §2.3.1: id and secret are form-encoded before the Basic encoding.
  std::string id = a_.client_id;
  const auto underscore = id.find('_');
  ASSERT_NE(underscore, std::string::npos) << id;
  id.replace(underscore, 1, "%5F");
  auto res = post_token("grant_type=client_credentials",
                        with(kFormType, "Authorization", basic_header(id, a_.client_secret)));
  EXPECT_EQ(res.status, 200) << res.body;
}

TEST_F(AuthTest, LegacyTokenPathIsServed) {
  auto res =
      http_.request("POST", "/dev/authorization/Connect/Token", kFormType, credentials_form(a_));
  ASSERT_EQ(res.status, 200) << res.body;
  expect_key_order(res.json(), {"access_token", "expires_in", "token_type"});
}

TEST_F(AuthTest, FormContentTypeParametersAndPercentEncodingAreAccepted) {
  auto res = post_token("grant_type=client%5Fcredentials&client_id=" + a_.client_id +
                            "&client_secret=" + a_.client_secret,
                        {{"Content-Type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"}});
  EXPECT_EQ(res.status, 200) << res.body;
}

TEST_F(AuthTest, SubscriptionKeyOnTokenEndpointIsOptionalButValidatedWhenPresent) {
  auto own_key = post_token(credentials_form(a_),
                            with(kFormType, "Ocp-Apim-Subscription-Key", a_.subscription_key));
  EXPECT_EQ(own_key.status, 200) << own_key.body;

  auto unknown_key = post_token(credentials_form(a_), with(kFormType, "Ocp-Apim-Subscription-Key",
                                                           "00000000000000000000000000000000"));
  EXPECT_EQ(unknown_key.status, 401);
  EXPECT_EQ(unknown_key.body, kInvalidKeyBody);

  auto unknown_query_key = http_.request("POST", std::string(kTokenPath) + "?subscription-key=nope",
                                         kFormType, credentials_form(a_));
  EXPECT_EQ(unknown_query_key.status, 401);
  EXPECT_EQ(unknown_query_key.body, kInvalidKeyBody);
}

TEST_F(AuthTest, SubscriptionKeyOfAnotherCompanyOnTokenEndpointIsInvalidClient) {
  auto b = server_.add_company();
  auto res = post_token(credentials_form(a_),
                        with(kFormType, "Ocp-Apim-Subscription-Key", b.subscription_key));
  expect_oauth_error(res, 401, "invalid_client");
  EXPECT_EQ(res.body, kInvalidClientBody);
}

// ---- Token endpoint: errors -------------------------------------------------------------

TEST_F(AuthTest, WrongSecretIsInvalidClient) {
  auto res = post_token("grant_type=client_credentials&client_id=" + a_.client_id +
                        "&client_secret=wrong" + a_.client_secret);
  expect_oauth_error(res, 401, "invalid_client");
  EXPECT_EQ(res.body, kInvalidClientBody);
  // Only a client that authenticated with HTTP Basic is challenged for it.
  EXPECT_EQ(res.header("www-authenticate"), "");
}

TEST_F(AuthTest, UnknownClientIsInvalidClient) {
  auto res = post_token("grant_type=client_credentials&client_id=ovc_nosuchclient&client_secret=" +
                        a_.client_secret);
  expect_oauth_error(res, 401, "invalid_client");
  EXPECT_EQ(res.body, kInvalidClientBody);
  EXPECT_EQ(res.header("www-authenticate"), "");
}

TEST_F(AuthTest, BasicWithWrongSecretOrUnknownClientIsChallenged) {
  auto wrong_secret =
      post_token("grant_type=client_credentials",
                 with(kFormType, "Authorization", basic_header(a_.client_id, "wrong")));
  expect_oauth_error(wrong_secret, 401, "invalid_client");
  EXPECT_EQ(wrong_secret.header("www-authenticate"), "Basic realm=\"token\"");

  auto unknown = post_token(
      "grant_type=client_credentials",
      with(kFormType, "Authorization", basic_header("ovc_nosuchclient", a_.client_secret)));
  expect_oauth_error(unknown, 401, "invalid_client");
  EXPECT_EQ(unknown.header("www-authenticate"), "Basic realm=\"token\"");
}

TEST_F(AuthTest, SecretOfAnotherClientIsInvalidClient) {
  auto b = server_.add_company();
  auto res = post_token("grant_type=client_credentials&client_id=" + a_.client_id +
                        "&client_secret=" + b.client_secret);
  expect_oauth_error(res, 401, "invalid_client");
}

TEST_F(AuthTest, PasswordGrantIsUnsupported) {
  auto res =
      post_token("grant_type=password&username=admin&password=secret&client_id=" + a_.client_id +
                 "&client_secret=" + a_.client_secret);
  expect_oauth_error(res, 400, "unsupported_grant_type");
}

TEST_F(AuthTest, MissingParametersAreInvalidRequest) {
  const std::string id = "client_id=" + a_.client_id;
  const std::string secret = "client_secret=" + a_.client_secret;
  for (const std::string& body : {
           id + "&" + secret,                                     // no grant_type
           "grant_type=&" + id + "&" + secret,                    // empty grant_type
           "grant_type=client_credentials&" + secret,             // no client_id
           "grant_type=client_credentials&" + id,                 // no client_secret
           "grant_type=client_credentials&client_id=&" + secret,  // empty client_id
           std::string("grant_type=client_credentials"),          // no credentials at all
           std::string(),                                         // empty body
       }) {
    SCOPED_TRACE(body);
    expect_oauth_error(post_token(body), 400, "invalid_request");
  }
}

TEST_F(AuthTest, RepeatedParameterIsInvalidRequest) {
  const std::string good = credentials_form(a_);
  for (const std::string& body : {
           good + "&client_id=" + a_.client_id,
           good + "&client_secret=" + a_.client_secret,
           good + "&grant_type=client_credentials",
       }) {
    SCOPED_TRACE(body);
    expect_oauth_error(post_token(body), 400, "invalid_request");
  }
}

TEST_F(AuthTest, CredentialsInBothBasicAndFormAreInvalidRequest) {
  auto res = post_token(credentials_form(a_), with(kFormType, "Authorization",
                                                   basic_header(a_.client_id, a_.client_secret)));
  expect_oauth_error(res, 400, "invalid_request");
  auto only_id_in_form =
      post_token("grant_type=client_credentials&client_id=" + a_.client_id,
                 with(kFormType, "Authorization", basic_header(a_.client_id, a_.client_secret)));
  expect_oauth_error(only_id_in_form, 400, "invalid_request");
}

TEST_F(AuthTest, NonFormBodyIsInvalidRequest) {
  const std::string json = R"({"grant_type":"client_credentials","client_id":")" + a_.client_id +
                           R"(","client_secret":")" + a_.client_secret + R"("})";
  expect_oauth_error(post_token(json, {{"Content-Type", "application/json"}}), 400,
                     "invalid_request");
  // Even a well-formed form is refused when not labelled as one.
  expect_oauth_error(post_token(credentials_form(a_), {{"Content-Type", "application/json"}}), 400,
                     "invalid_request");
  expect_oauth_error(post_token(credentials_form(a_), {{"Content-Type", "text/plain"}}), 400,
                     "invalid_request");
  expect_oauth_error(post_token(credentials_form(a_), {}), 400, "invalid_request");
}

// Clients generated by openapi-typescript-codegen send every form as multipart/form-data: its
// text fields are read like a urlencoded form's, and the same rules hold.
TEST_F(AuthTest, MultipartFormTextFieldsAreAcceptedToo) {
  auto part = [](const std::string& name, const std::string& value) {
    return "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
           "\r\n";
  };
  const Headers multipart = {{"Content-Type", "multipart/form-data; boundary=XyZ"}};
  auto res = post_token(part("grant_type", "client_credentials") + part("client_id", a_.client_id) +
                            part("client_secret", a_.client_secret) + "--XyZ--\r\n",
                        multipart);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_FALSE(res.json()["access_token"].GetString() == std::string());
  auto wrong =
      post_token(part("grant_type", "client_credentials") + part("client_id", a_.client_id) +
                     part("client_secret", "nope") + "--XyZ--\r\n",
                 multipart);
  expect_oauth_error(wrong, 401, "invalid_client");
  auto repeated = post_token(part("grant_type", "client_credentials") +
                                 part("grant_type", "client_credentials") + "--XyZ--\r\n",
                             multipart);
  expect_oauth_error(repeated, 400, "invalid_request");
  auto file = post_token(
      "--XyZ\r\nContent-Disposition: form-data; name=\"client_secret\"; filename=\"s.txt\"\r\n"
      "\r\nx\r\n--XyZ--\r\n",
      multipart);
  expect_oauth_error(file, 400, "invalid_request");
  expect_oauth_error(post_token(credentials_form(a_), {{"Content-Type", "multipart/form-data"}}),
                     400, "invalid_request");  // no boundary
}

TEST_F(AuthTest, MalformedPercentEncodingIsInvalidRequest) {
  for (const std::string& body : {
           "grant_type=client_credentials&client_id=" + a_.client_id + "&client_secret=%ZZ",
           "grant_type=client_credentials&client_id=" + a_.client_id +
               "%4&client_secret=" + a_.client_secret,
           "grant_type=client_credentials&client_id=" + a_.client_id +
               "&client_secret=" + a_.client_secret + "%",
           "grant%G0type=client_credentials&client_id=" + a_.client_id +
               "&client_secret=" + a_.client_secret,
       }) {
    SCOPED_TRACE(body);
    expect_oauth_error(post_token(body), 400, "invalid_request");
  }
}

TEST_F(AuthTest, TokenEndpointAnswersOnlyPost) {
  auto res = http_.request("GET", kTokenPath);
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.body, kNotFoundBody);
}

// ---- Protected endpoint: subscription key -----------------------------------------------

TEST_F(AuthTest, MissingSubscriptionKeyIsRejectedBeforeTheToken) {
  auto no_headers = get_case({});
  EXPECT_EQ(no_headers.status, 401);
  EXPECT_EQ(no_headers.body, kMissingKeyBody);
  EXPECT_EQ(no_headers.header("content-type"), "application/json; charset=utf-8");

  auto valid_token_only = get_case({{"Authorization", "Bearer " + a_.token}});
  EXPECT_EQ(valid_token_only.status, 401);
  EXPECT_EQ(valid_token_only.body, kMissingKeyBody);

  auto empty_key =
      get_case({{"Ocp-Apim-Subscription-Key", ""}, {"Authorization", "Bearer " + a_.token}});
  EXPECT_EQ(empty_key.status, 401);
  EXPECT_EQ(empty_key.body, kMissingKeyBody);
}

TEST_F(AuthTest, UnknownSubscriptionKeyIsRejectedBeforeTheToken) {
  auto with_token = get_case({{"Ocp-Apim-Subscription-Key", "0123456789abcdef0123456789abcdef"},
                              {"Authorization", "Bearer " + a_.token}});
  EXPECT_EQ(with_token.status, 401);
  EXPECT_EQ(with_token.body, kInvalidKeyBody);

  auto without_token = get_case({{"Ocp-Apim-Subscription-Key", "garbage"}});
  EXPECT_EQ(without_token.status, 401);
  EXPECT_EQ(without_token.body, kInvalidKeyBody);
}

TEST_F(AuthTest, SubscriptionKeyIsAcceptedAsQueryParameter) {
  auto res =
      http_.request("GET", std::string(kCasePath) + "?subscription-key=" + a_.subscription_key,
                    {{"Authorization", "Bearer " + a_.token}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json()["data"]["data"]["companyId"].GetInt64(), a_.id);

  auto unknown = http_.request("GET", std::string(kCasePath) + "?subscription-key=nope",
                               {{"Authorization", "Bearer " + a_.token}});
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.body, kInvalidKeyBody);
}

TEST_F(AuthTest, RevokedSubscriptionKeyStopsWorkingOnceTheCacheExpires) {
  ASSERT_EQ(get_case(a_.auth()).status, 200);
  server_.db().write_now([&](storage::Session& s) {
    s.exec("UPDATE subscription_keys SET is_active = 0 WHERE company_id = ?", {a_.id});
  });
  server_.fixed_clock()->advance(6);
  auto res = get_case(a_.auth());
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.body, kInvalidKeyBody);
}

// ---- Protected endpoint: bearer token ---------------------------------------------------

TEST_F(AuthTest, MissingBearerTokenIsUnauthorized) {
  expect_unauthorized(get_case({{"Ocp-Apim-Subscription-Key", a_.subscription_key}}));
  expect_unauthorized(get_case(key_and_authorization(a_, "")));
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer ")));
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer")));
}

TEST_F(AuthTest, GarbageBearerTokenIsUnauthorized) {
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer garbage")));
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer a.b.c")));
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer " + a_.token + "x")));
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer " + a_.token + ".x")));
  // The client secret is not a token.
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer " + a_.client_secret)));
  expect_unauthorized(
      get_case(key_and_authorization(a_, basic_header(a_.client_id, a_.client_secret))));
}

TEST_F(AuthTest, TamperedSignatureIsUnauthorized) {
  auto parts = jwt_parts(a_.token);
  ASSERT_EQ(parts.size(), 3u);
  // The first character carries six full bits of the MAC; the last one may only carry padding
  // bits a lenient decoder ignores.
  std::string sig = parts[2];
  sig[0] = flipped(sig[0]);
  expect_unauthorized(
      get_case(key_and_authorization(a_, "Bearer " + parts[0] + "." + parts[1] + "." + sig)));
  std::string mid = parts[2];
  mid[mid.size() / 2] = flipped(mid[mid.size() / 2]);
  expect_unauthorized(
      get_case(key_and_authorization(a_, "Bearer " + parts[0] + "." + parts[1] + "." + mid)));
}

TEST_F(AuthTest, TamperedPayloadIsUnauthorized) {
  auto parts = jwt_parts(a_.token);
  ASSERT_EQ(parts.size(), 3u);
  std::string payload = parts[1];
  payload[payload.size() / 2] = flipped(payload[payload.size() / 2]);
  expect_unauthorized(
      get_case(key_and_authorization(a_, "Bearer " + parts[0] + "." + payload + "." + parts[2])));

  // A well-formed payload with a later expiry, under the original signature.
  auto claims = auth::base64url_decode(parts[1]);
  ASSERT_TRUE(claims.has_value());
  const std::string exp = "\"exp\":" + std::to_string(kNow + 3600);
  auto at = claims->find(exp);
  ASSERT_NE(at, std::string::npos) << *claims;
  claims->replace(at, exp.size(), "\"exp\":" + std::to_string(kNow + 360000));
  expect_unauthorized(get_case(key_and_authorization(
      a_, "Bearer " + parts[0] + "." + auth::base64url_encode(*claims) + "." + parts[2])));
}

TEST_F(AuthTest, TokenReassignedToAnotherCompanyIsUnauthorized) {
  auto b = server_.add_company();
  auto parts = jwt_parts(a_.token);
  ASSERT_EQ(parts.size(), 3u);
  auto claims = auth::base64url_decode(parts[1]);
  ASSERT_TRUE(claims.has_value());
  const std::string cid = "\"cid\":" + std::to_string(a_.id);
  auto at = claims->find(cid);
  ASSERT_NE(at, std::string::npos) << *claims;
  claims->replace(at, cid.size(), "\"cid\":" + std::to_string(b.id));
  expect_unauthorized(get_case(key_and_authorization(
      b, "Bearer " + parts[0] + "." + auth::base64url_encode(*claims) + "." + parts[2])));
}

TEST_F(AuthTest, AlgNoneTokenIsUnauthorized) {
  auto parts = jwt_parts(a_.token);
  ASSERT_EQ(parts.size(), 3u);
  const std::string none = auth::base64url_encode(R"({"alg":"none","typ":"JWT"})");
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer " + none + "." + parts[1] + ".")));
  expect_unauthorized(
      get_case(key_and_authorization(a_, "Bearer " + none + "." + parts[1] + "." + parts[2])));
  const std::string none_upper = auth::base64url_encode(R"({"alg":"None","typ":"JWT"})");
  expect_unauthorized(
      get_case(key_and_authorization(a_, "Bearer " + none_upper + "." + parts[1] + ".")));
}

TEST_F(AuthTest, SchemeWordIsCaseInsensitiveAndOptional) {
  for (const std::string& authorization :
       {"Bearer " + a_.token, "bearer " + a_.token, "BEARER " + a_.token, a_.token}) {
    SCOPED_TRACE(authorization);
    auto res = get_case(key_and_authorization(a_, authorization));
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["data"]["data"]["companyId"].GetInt64(), a_.id);
  }
}

TEST_F(AuthTest, TokenExpiresAfterItsLifetime) {
  const std::string token = server_.fetch_token(a_);
  auto* clock = server_.fixed_clock();
  ASSERT_NE(clock, nullptr);

  clock->set(kNow + 3599);
  auto still_valid = get_case(key_and_authorization(a_, "Bearer " + token));
  EXPECT_EQ(still_valid.status, 200) << still_valid.body;

  // A JWT is no longer accepted at its exp instant (RFC 7519 §4.1.4).
  clock->set(kNow + 3600);
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer " + token)));

  clock->set(kNow + 3601);
  expect_unauthorized(get_case(key_and_authorization(a_, "Bearer " + token)));

  // A fresh token works again at the new time.
  const std::string fresh = server_.fetch_token(a_);
  EXPECT_EQ(get_case(key_and_authorization(a_, "Bearer " + fresh)).status, 200);
}

TEST_F(AuthTest, TokenOfOneCompanyWithKeyOfAnotherIsUnauthorized) {
  auto b = server_.add_company();
  // Each pairing works on its own, so only the mix is refused.
  EXPECT_EQ(get_case(b.auth()).status, 200);
  EXPECT_EQ(get_case(a_.auth()).status, 200);
  expect_unauthorized(get_case({{"Ocp-Apim-Subscription-Key", b.subscription_key},
                                {"Authorization", "Bearer " + a_.token}}));
  expect_unauthorized(get_case({{"Ocp-Apim-Subscription-Key", a_.subscription_key},
                                {"Authorization", "Bearer " + b.token}}));
}

TEST_F(AuthTest, DisabledClientStopsWorkingOnceTheCacheExpires) {
  ASSERT_EQ(get_case(a_.auth()).status, 200);
  server_.db().write_now([&](storage::Session& s) {
    s.exec("UPDATE api_clients SET is_active = 0 WHERE client_id = ?",
           {std::string_view(a_.client_id)});
  });
  server_.fixed_clock()->advance(6);
  expect_unauthorized(get_case(a_.auth()));

  auto token = post_token(credentials_form(a_));
  expect_oauth_error(token, 401, "invalid_client");
  EXPECT_EQ(token.body, kInvalidClientBody);
}

TEST_F(AuthTest, SecretIsStoredOnlyAsArgon2idHash) {
  std::string stored;
  server_.db().read_now([&](storage::Session& s) {
    auto rows = s.query("SELECT secret_hash FROM api_clients WHERE client_id = ?",
                        {std::string_view(a_.client_id)});
    ASSERT_TRUE(rows.next());
    stored = rows.str(0);
  });
  EXPECT_EQ(stored.rfind("$argon2id$", 0), 0u) << stored;
  EXPECT_EQ(stored.find(a_.client_secret), std::string::npos);
}

// ---- Processing order -------------------------------------------------------------------

TEST_F(AuthTest, UnknownRouteIsNotFoundBeforeAnyKeyCheck) {
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/v1/nosuchthing"},
           {"GET", "/v9/case/T250200010"},
           {"DELETE", kCasePath},
           {"GET", "/v1/case"},
           {"GET", "/"},
       }) {
    SCOPED_TRACE(method + " " + path);
    auto bare = http_.request(method, path);
    EXPECT_EQ(bare.status, 404);
    EXPECT_EQ(bare.body, kNotFoundBody);
    EXPECT_EQ(bare.header("content-type"), "application/json; charset=utf-8");

    auto bad_key = http_.request(method, path, {{"Ocp-Apim-Subscription-Key", "garbage"}});
    EXPECT_EQ(bad_key.status, 404);
    EXPECT_EQ(bad_key.body, kNotFoundBody);

    auto authed = http_.request(method, path, a_.auth());
    EXPECT_EQ(authed.status, 404);
    EXPECT_EQ(authed.body, kNotFoundBody);
  }
}

TEST_F(AuthTest, InvalidBodyIsReportedOnlyAfterAuthentication) {
  // A broken body never reveals anything to an unauthenticated caller.
  auto no_key = http_.request("POST", "/v1/case", {{"Content-Type", "application/json"}}, "{");
  EXPECT_EQ(no_key.status, 401);
  EXPECT_EQ(no_key.body, kMissingKeyBody);
  auto no_token = http_.request(
      "POST", "/v1/case",
      {{"Ocp-Apim-Subscription-Key", a_.subscription_key}, {"Content-Type", "application/json"}},
      "{");
  expect_unauthorized(no_token);
  auto authed = http_.request("POST", "/v1/case", a_.auth_json(), "{");
  EXPECT_EQ(authed.status, 400) << authed.body;
}

}  // namespace
}  // namespace ov::test
