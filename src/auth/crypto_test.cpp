#include "auth/crypto.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace ov::auth {
namespace {

using namespace std::string_literals;

std::string to_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += kHex[byte >> 4];
    out += kHex[byte & 0x0f];
  }
  return out;
}

class CryptoTest : public testing::Test {
 protected:
  static void SetUpTestSuite() { crypto_init(); }
};

// --- base64 -------------------------------------------------------------------------------

struct Rfc4648Vector {
  std::string_view plain;
  std::string_view encoded;
};

constexpr Rfc4648Vector kRfc4648Vectors[] = {
    {"", ""},
    {"f", "Zg=="},
    {"fo", "Zm8="},
    {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="},
    {"fooba", "Zm9vYmE="},
    {"foobar", "Zm9vYmFy"},
};

std::string strip_padding(std::string_view text) {
  std::string out(text);
  while (!out.empty() && out.back() == '=') out.pop_back();
  return out;
}

TEST_F(CryptoTest, Base64MatchesRfc4648Vectors) {
  for (const auto& v : kRfc4648Vectors) {
    SCOPED_TRACE(std::string(v.plain));
    EXPECT_EQ(base64_encode(v.plain), v.encoded);
    EXPECT_EQ(base64_decode(v.encoded), std::string(v.plain));
    EXPECT_EQ(base64_decode(strip_padding(v.encoded)), std::string(v.plain));
  }
}

TEST_F(CryptoTest, Base64UrlMatchesRfc4648VectorsWithoutPadding) {
  for (const auto& v : kRfc4648Vectors) {
    SCOPED_TRACE(std::string(v.plain));
    EXPECT_EQ(base64url_encode(v.plain), strip_padding(v.encoded));
    EXPECT_EQ(base64url_decode(strip_padding(v.encoded)), std::string(v.plain));
    EXPECT_EQ(base64url_decode(v.encoded), std::string(v.plain));
  }
}

TEST_F(CryptoTest, AlphabetsDifferInTheLastTwoSymbols) {
  const std::string bytes = "\xfb\xff\xbf"s;
  EXPECT_EQ(base64_encode(bytes), "+/+/");
  EXPECT_EQ(base64url_encode(bytes), "-_-_");
  EXPECT_EQ(base64_decode("+/+/"), bytes);
  EXPECT_EQ(base64url_decode("-_-_"), bytes);
  EXPECT_EQ(base64_decode("-_-_"), std::nullopt);
  EXPECT_EQ(base64url_decode("+/+/"), std::nullopt);
}

TEST_F(CryptoTest, Base64RoundTripsArbitraryBytes) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  EXPECT_EQ(base64_decode(base64_encode(all)), all);
  EXPECT_EQ(base64url_decode(base64url_encode(all)), all);

  std::mt19937 rng(12345);
  for (std::size_t length = 0; length < 200; ++length) {
    std::string bytes(length, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xff);
    const std::string standard = base64_encode(bytes);
    const std::string url = base64url_encode(bytes);
    EXPECT_EQ(standard.size() % 4, 0u);
    EXPECT_EQ(url.find('='), std::string::npos);
    EXPECT_EQ(base64_decode(standard), bytes);
    EXPECT_EQ(base64url_decode(url), bytes);
  }
}

TEST_F(CryptoTest, Base64RejectsInvalidInput) {
  const std::vector<std::string> invalid = {
      "Z",             // a lone symbol carries fewer than 8 bits
      "Zg=",           // partial padding
      "Zg===",         // too much padding
      "Zm9v=",         // padding on a complete group
      "====",          // padding only
      "=",             //
      "=Zg=",          // padding first
      "Zg==Zg==",      // padding in the middle
      "Zh==",          // non-zero trailing bits
      "Zm9",           // unpadded, trailing bits set
      "Zm 9v",         // whitespace
      "Zm9v\n",        //
      " Zm9v",         //
      "Zm9v!",         // foreign symbol
      "Zm9v\xc3\xa9",  // non-ASCII
      "Zm\0v"s,        // embedded NUL
      "Zm9vYg=A",      // padding followed by data
  };
  for (const auto& text : invalid) {
    SCOPED_TRACE(text);
    EXPECT_EQ(base64_decode(text), std::nullopt);
    EXPECT_EQ(base64url_decode(text), std::nullopt);
  }
}

TEST_F(CryptoTest, Base64UrlRejectsStandardAlphabetAndViceVersa) {
  EXPECT_EQ(base64url_decode("ab+c"), std::nullopt);
  EXPECT_EQ(base64url_decode("ab/c"), std::nullopt);
  EXPECT_EQ(base64_decode("ab-c"), std::nullopt);
  EXPECT_EQ(base64_decode("ab_c"), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm8"), "fo");
  EXPECT_EQ(base64url_decode("Zm8="), "fo");
  EXPECT_EQ(base64url_decode("Zm8=="), std::nullopt);
  EXPECT_EQ(base64url_decode("Zm9"), std::nullopt);  // trailing bits set
}

// --- HMAC and comparison ---------------------------------------------------------------------

TEST_F(CryptoTest, HmacSha256MatchesRfc4231) {
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // Test case 6: a key longer than the block size is hashed first.
  EXPECT_EQ(to_hex(hmac_sha256(std::string(131, '\xaa'),
                               "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_F(CryptoTest, HmacSha256AcceptsEmptyKeyAndMessage) {
  EXPECT_EQ(to_hex(hmac_sha256("", "")),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  EXPECT_EQ(hmac_sha256(std::string_view(), std::string_view()).size(), 32u);
}

TEST_F(CryptoTest, HmacSha256KeepsNoKeyBetweenCalls) {
  const std::string jefe = to_hex(hmac_sha256("Jefe", "what do ya want for nothing?"));
  EXPECT_EQ(to_hex(hmac_sha256("", "")),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")), jefe);
  EXPECT_EQ(to_hex(hmac_sha256(std::string_view(), "")),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST_F(CryptoTest, HmacSha256IsConsistentAcrossThreads) {
  const std::string expected = hmac_sha256("Jefe", "what do ya want for nothing?");
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const std::string own_key = "key-" + std::to_string(t);
        if (hmac_sha256(own_key, "x") != hmac_sha256(own_key, "x")) ++mismatches;
        if (hmac_sha256("Jefe", "what do ya want for nothing?") != expected) ++mismatches;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST_F(CryptoTest, HmacSha256MatchesStandardWebhooksVector) {
  const auto key = base64_decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  ASSERT_TRUE(key.has_value());
  const std::string body =
      R"({"Event":"SaleOrder.StatusChanged","Data":{"SaleOrderNo":"SO250200001",)"
      R"("SaleOrderId":281940,"PreviousStatus":2,"Status":3},)"
      R"("Timestamp":"2025-02-06T09:55:04+0700","CompanyId":507})";
  const std::string message = "msg_2Lh9KRb0pzN4LePd3XiA0xjZ5Ba.1738810504." + body;
  EXPECT_EQ(base64_encode(hmac_sha256(*key, message)),
            "BXd5EiaCz6eeC6GATNXYGiP48HrKkQhVrXwtfd35Qw8=");
}

TEST_F(CryptoTest, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_TRUE(constant_time_equal("a\0b"s, "a\0b"s));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "ab"));
  EXPECT_FALSE(constant_time_equal("", "a"));
  EXPECT_FALSE(constant_time_equal("a\0b"s, "a\0c"s));
}

// --- randomness and GUIDs --------------------------------------------------------------------

TEST_F(CryptoTest, RandomBytesHaveRequestedLength) {
  EXPECT_TRUE(random_bytes(0).empty());
  EXPECT_EQ(random_bytes(1).size(), 1u);
  EXPECT_EQ(random_bytes(64).size(), 64u);
  EXPECT_NE(random_bytes(32), random_bytes(32));
}

TEST_F(CryptoTest, RandomTokenIsUrlSafeAndCarriesTheRequestedBytes) {
  for (const std::size_t bytes : {0u, 1u, 2u, 3u, 16u, 24u, 32u, 33u}) {
    SCOPED_TRACE(bytes);
    const std::string token = random_token(bytes);
    EXPECT_EQ(token.size(), (bytes * 4 + 2) / 3);
    for (const char c : token) {
      const bool url_safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_';
      EXPECT_TRUE(url_safe) << c;
    }
    const auto decoded = base64url_decode(token);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->size(), bytes);
  }
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(random_token(32));
  EXPECT_EQ(seen.size(), 1000u);
}

TEST_F(CryptoTest, NewGuidIsLowercaseVersion4) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string guid = new_guid();
    ASSERT_EQ(guid.size(), 36u);
    EXPECT_TRUE(is_guid(guid)) << guid;
    EXPECT_EQ(normalize_guid(guid), guid);
    EXPECT_EQ(guid[14], '4') << guid;
    EXPECT_NE(std::string_view("89ab").find(guid[19]), std::string_view::npos) << guid;
    for (const char c : guid) EXPECT_FALSE(c >= 'A' && c <= 'Z') << guid;
    seen.insert(guid);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST_F(CryptoTest, IsGuidAcceptsHyphenatedHexInAnyCase) {
  EXPECT_TRUE(is_guid("6d473b8f-a6b3-4536-b1e6-f4b7688414e2"));
  EXPECT_TRUE(is_guid("6D473B8F-A6B3-4536-B1E6-F4B7688414E2"));
  EXPECT_TRUE(is_guid("6d473B8F-a6b3-4536-B1e6-f4b7688414E2"));
  EXPECT_TRUE(is_guid("00000000-0000-0000-0000-000000000000"));
  // Any version: callers receive ids generated elsewhere too.
  EXPECT_TRUE(is_guid("6d473b8f-a6b3-1536-b1e6-f4b7688414e2"));
}

TEST_F(CryptoTest, IsGuidRejectsEverythingElse) {
  const std::vector<std::string> invalid = {
      "",
      "6d473b8fa6b34536b1e6f4b7688414e2",
      "{6d473b8f-a6b3-4536-b1e6-f4b7688414e2}",
      "6d473b8f-a6b3-4536-b1e6-f4b7688414e",
      "6d473b8f-a6b3-4536-b1e6-f4b7688414e2a",
      "6d473b8f-a6b3-4536-b1e6-f4b7688414e2 ",
      " 6d473b8f-a6b3-4536-b1e6-f4b7688414e2",
      "6d473b8g-a6b3-4536-b1e6-f4b7688414e2",
      "6d473b8f-a6b3-4536-b1e6_f4b7688414e2",
      "6d473b8-fa6b3-4536-b1e6-f4b7688414e2",
      "6d473b8f-a6b3-4536-b1e6-f4b7688414\0e2"s,
      "------------------------------------",
      "6d473b8f-a6b3-4536-b1e6-f4b7688414é",
  };
  for (const auto& text : invalid) EXPECT_FALSE(is_guid(text)) << text;
}

TEST_F(CryptoTest, NormalizeGuidLowercases) {
  EXPECT_EQ(normalize_guid("6D473B8F-A6B3-4536-B1E6-F4B7688414E2"),
            "6d473b8f-a6b3-4536-b1e6-f4b7688414e2");
  EXPECT_EQ(normalize_guid("6d473b8f-a6b3-4536-b1e6-f4b7688414e2"),
            "6d473b8f-a6b3-4536-b1e6-f4b7688414e2");
}

// --- Argon2id --------------------------------------------------------------------------------

TEST_F(CryptoTest, HashSecretVerifies) {
  const std::string hash = hash_secret("correct horse battery staple");
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << hash;
  EXPECT_TRUE(verify_secret(hash, "correct horse battery staple"));
  EXPECT_FALSE(verify_secret(hash, "correct horse battery stapler"));
  EXPECT_FALSE(verify_secret(hash, ""));
  // Salted: the same secret never hashes the same way twice.
  EXPECT_NE(hash_secret("correct horse battery staple"), hash);
}

TEST_F(CryptoTest, HashSecretHandlesEmptyAndBinarySecrets) {
  const std::string empty_hash = hash_secret("");
  EXPECT_TRUE(verify_secret(empty_hash, ""));
  EXPECT_FALSE(verify_secret(empty_hash, "x"));

  const std::string binary = "a\0b"s;
  const std::string binary_hash = hash_secret(binary);
  EXPECT_TRUE(verify_secret(binary_hash, binary));
  EXPECT_FALSE(verify_secret(binary_hash, "a"));
}

TEST_F(CryptoTest, VerifySecretRejectsGarbageHashes) {
  const std::string hash = hash_secret("s3cret");
  std::string flipped = hash;
  flipped[flipped.size() - 3] = flipped[flipped.size() - 3] == 'A' ? 'B' : 'A';
  const std::vector<std::string> garbage = {
      "",
      "s3cret",
      "$argon2id$",
      "$argon2id$v=19$m=65536,t=2,p=1$",
      "$argon2id$v=19$m=65536,t=2,p=1$$",
      "$argon2id$v=19$m=x,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
      "$argon2id$v=19$m=-1,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
      "$argon2id$v=19$m=65536,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2i$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
      "$2b$12$KIXQ1Z9hTvrYsmqbXzMXxeW7r5xhDHk7vBqvYtlzjw9rLdG0vGQyK",
      hash.substr(0, hash.size() - 1),
      hash.substr(0, hash.size() / 2),
      hash + "A",
      hash + "\0"s + "junk",
      flipped,
      std::string(1000, '$'),
      std::string(100000, 'A'),
      // Cost far beyond anything written here; must fail fast rather than allocate gigabytes.
      "$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=65536,t=4294967295,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=65536,t=2,p=255$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=99999999999999999999999,t=2,p=1$c2FsdA$aGFzaA",
  };
  for (const auto& stored : garbage) {
    SCOPED_TRACE(stored.substr(0, 80));
    EXPECT_FALSE(verify_secret(stored, "s3cret"));
  }
  EXPECT_TRUE(verify_secret(hash, "s3cret"));
}

// --- tokens ----------------------------------------------------------------------------------

constexpr std::string_view kKey = "0123456789abcdef0123456789abcdef";
constexpr std::int64_t kNow = 1'738'810'504;

TokenClaims sample_claims() {
  TokenClaims claims;
  claims.company_id = 507;
  claims.client_id = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2";
  claims.issued_at = kNow;
  claims.expires_at = kNow + 3600;
  claims.token_id = "0b9f1c1e-4a57-4c3e-9d2b-7f0e6a1d2c3b";
  return claims;
}

// Signs arbitrary header and payload text, so malformed claims can be tested behind a valid
// signature.
std::string make_token(std::string_view header_json, std::string_view payload_json,
                       std::string_view key = kKey) {
  std::string token = base64url_encode(header_json) + "." + base64url_encode(payload_json);
  return token + "." + base64url_encode(hmac_sha256(key, token));
}

constexpr std::string_view kHeader = R"({"alg":"HS256","typ":"JWT"})";
constexpr std::string_view kPayload =
    R"({"sub":"client","cid":507,"iat":1738810504,"exp":1738814104,"jti":"t1"})";

struct Parts {
  std::string header;
  std::string payload;
  std::string signature;
};

Parts split(const std::string& token) {
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  return {token.substr(0, first), token.substr(first + 1, second - first - 1),
          token.substr(second + 1)};
}

void expect_claims_eq(const TokenClaims& actual, const TokenClaims& expected) {
  EXPECT_EQ(actual.company_id, expected.company_id);
  EXPECT_EQ(actual.client_id, expected.client_id);
  EXPECT_EQ(actual.issued_at, expected.issued_at);
  EXPECT_EQ(actual.expires_at, expected.expires_at);
  EXPECT_EQ(actual.token_id, expected.token_id);
}

TEST_F(CryptoTest, SignTokenHasTheDocumentedShape) {
  const std::string token = sign_token(sample_claims(), kKey);
  const Parts parts = split(token);
  EXPECT_EQ(base64url_decode(parts.header), std::string(kHeader));
  EXPECT_EQ(base64url_decode(parts.payload),
            R"({"sub":"6d473b8f-a6b3-4536-b1e6-f4b7688414e2","cid":507,"iat":1738810504,)"
            R"("exp":1738814104,"jti":"0b9f1c1e-4a57-4c3e-9d2b-7f0e6a1d2c3b"})");
  EXPECT_EQ(parts.signature,
            base64url_encode(hmac_sha256(kKey, parts.header + "." + parts.payload)));
  EXPECT_EQ(token.find('='), std::string::npos);
}

TEST_F(CryptoTest, TokenRoundTrips) {
  const TokenClaims claims = sample_claims();
  const TokenCheck check = verify_token(sign_token(claims, kKey), kKey, kNow);
  ASSERT_TRUE(check.claims.has_value());
  expect_claims_eq(*check.claims, claims);
}

TEST_F(CryptoTest, TokenRoundTripsEscapedStringsAndExtremeNumbers) {
  TokenClaims claims;
  claims.company_id = std::numeric_limits<std::int64_t>::min();
  claims.client_id = "quote\" backslash\\ newline\n tab\t ctl\x01 nul\0 thai ไทย /"s;
  claims.issued_at = -1;
  claims.expires_at = std::numeric_limits<std::int64_t>::max();
  claims.token_id = "";
  const std::string token = sign_token(claims, kKey);
  const TokenCheck check = verify_token(token, kKey, kNow);
  ASSERT_TRUE(check.claims.has_value());
  expect_claims_eq(*check.claims, claims);
  const auto payload = base64url_decode(split(token).payload);
  ASSERT_TRUE(payload.has_value());
  EXPECT_NE(payload->find(R"(quote\" backslash\\ newline\u000a tab\u0009 ctl\u0001 nul\u0000)"),
            std::string::npos)
      << *payload;
}

TEST_F(CryptoTest, TokenWithEmptyKeyRoundTrips) {
  const std::string token = sign_token(sample_claims(), "");
  EXPECT_TRUE(verify_token(token, "", kNow).claims.has_value());
  EXPECT_EQ(verify_token(token, kKey, kNow).error, TokenError::kBadSignature);
}

TEST_F(CryptoTest, TokenExpiresAtExp) {
  const TokenClaims claims = sample_claims();
  const std::string token = sign_token(claims, kKey);
  EXPECT_TRUE(verify_token(token, kKey, claims.expires_at - 1).claims.has_value());
  for (const std::int64_t now :
       {claims.expires_at, claims.expires_at + 1, std::numeric_limits<std::int64_t>::max()}) {
    const TokenCheck check = verify_token(token, kKey, now);
    EXPECT_FALSE(check.claims.has_value());
    EXPECT_EQ(check.error, TokenError::kExpired);
  }
}

TEST_F(CryptoTest, TokenWithNegativeExpIsExpired) {
  const TokenCheck check = verify_token(
      make_token(kHeader, R"({"sub":"c","cid":1,"iat":-5,"exp":-1,"jti":"t"})"), kKey, kNow);
  EXPECT_FALSE(check.claims.has_value());
  EXPECT_EQ(check.error, TokenError::kExpired);
}

TEST_F(CryptoTest, TokenWithWrongKeyHasBadSignature) {
  const std::string token = sign_token(sample_claims(), kKey);
  for (const std::string_view key :
       {"", "0123456789abcdef0123456789abcdeF", "0123456789abcdef0123456789abcdef0"}) {
    const TokenCheck check = verify_token(token, key, kNow);
    EXPECT_FALSE(check.claims.has_value());
    EXPECT_EQ(check.error, TokenError::kBadSignature);
  }
}

TEST_F(CryptoTest, TamperedPayloadHasBadSignature) {
  const std::string token = sign_token(sample_claims(), kKey);
  const Parts parts = split(token);
  TokenClaims forged = sample_claims();
  forged.company_id = 508;
  const Parts forged_parts = split(sign_token(forged, "attacker key"));
  const std::string tampered = parts.header + "." + forged_parts.payload + "." + parts.signature;
  const TokenCheck check = verify_token(tampered, kKey, kNow);
  EXPECT_FALSE(check.claims.has_value());
  EXPECT_EQ(check.error, TokenError::kBadSignature);
}

TEST_F(CryptoTest, TamperedSignatureIsRejected) {
  const std::string token = sign_token(sample_claims(), kKey);
  const Parts parts = split(token);
  const std::string prefix = parts.header + "." + parts.payload + ".";

  std::string flipped = parts.signature;
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  const std::vector<std::string> signatures = {
      flipped,
      parts.signature.substr(0, parts.signature.size() - 1),
      parts.signature + "A",
      parts.signature + parts.signature,
      base64url_encode(std::string(32, '\0')),
      base64url_encode(hmac_sha256(kKey, prefix)),  // signature over the wrong bytes
      "A",
  };
  for (const auto& signature : signatures) {
    SCOPED_TRACE(signature);
    const TokenCheck check = verify_token(prefix + signature, kKey, kNow);
    EXPECT_FALSE(check.claims.has_value());
    EXPECT_EQ(check.error, TokenError::kBadSignature);
  }
}

TEST_F(CryptoTest, EverySingleCharacterChangeIsRejected) {
  const std::string token = sign_token(sample_claims(), kKey);
  for (std::size_t i = 0; i < token.size(); ++i) {
    for (const char replacement : {'A', 'B', 'g', 'h', '0', '-', '_', '.', '=', '+'}) {
      if (token[i] == replacement) continue;
      std::string mutated = token;
      mutated[i] = replacement;
      EXPECT_FALSE(verify_token(mutated, kKey, kNow).claims.has_value()) << mutated;
    }
  }
}

TEST_F(CryptoTest, OnlyHs256IsAccepted) {
  const std::vector<std::string> headers = {
      R"({"alg":"none","typ":"JWT"})",
      R"({"alg":"None"})",
      R"({"alg":"HS512","typ":"JWT"})",
      R"({"alg":"RS256","typ":"JWT"})",
      R"({"alg":"hs256","typ":"JWT"})",
      R"({"alg":"HS256 ","typ":"JWT"})",
      R"({"alg":"HS256\u0000","typ":"JWT"})",
      R"({"alg":"","typ":"JWT"})",
      R"({"alg":null,"typ":"JWT"})",
      R"({"alg":256,"typ":"JWT"})",
      R"({"alg":["HS256"],"typ":"JWT"})",
      R"({"typ":"JWT"})",
      R"({"ALG":"HS256"})",
      R"({"alg":"HS256","alg":"none"})",
      R"({"alg":"none","alg":"HS256"})",
      R"({"alg":"HS256","crit":["exp"]})",
      R"(["alg","HS256"])",
      R"("HS256")",
      R"({"alg":"HS256")",
      R"({"alg":"HS256"}x)",
      "{\"alg\":\"HS256\"}\0junk"s,
      "not json",
  };
  for (const auto& header : headers) {
    SCOPED_TRACE(header);
    const TokenCheck check = verify_token(make_token(header, kPayload), kKey, kNow);
    EXPECT_FALSE(check.claims.has_value());
    EXPECT_EQ(check.error, TokenError::kMalformed);
  }
}

TEST_F(CryptoTest, AlgNoneWithoutSignatureIsRejected) {
  const std::string unsigned_token =
      base64url_encode(R"({"alg":"none","typ":"JWT"})") + "." + base64url_encode(kPayload) + ".";
  EXPECT_EQ(verify_token(unsigned_token, kKey, kNow).error, TokenError::kMalformed);
  EXPECT_EQ(verify_token(unsigned_token + "AAAA", kKey, kNow).error, TokenError::kMalformed);
}

TEST_F(CryptoTest, Hs256HeadersWrittenDifferentlyAreAccepted) {
  for (const std::string_view header :
       {R"({"typ":"JWT","alg":"HS256"})", R"( { "alg" : "HS256" } )", R"({"alg":"HS256"})",
        R"({"alg":"HS256","typ":"JWT","kid":"k1"})"}) {
    SCOPED_TRACE(header);
    EXPECT_TRUE(verify_token(make_token(header, kPayload), kKey, kNow).claims.has_value());
  }
}

TEST_F(CryptoTest, ClaimsWithWrongShapeAreMalformed) {
  const std::vector<std::string> payloads = {
      "",
      "not json",
      "{}",
      "[]",
      R"(["sub","client"])",
      R"("string")",
      "null",
      "507",
      R"({"cid":507,"iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":507,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":1738810504,"jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":1738814104})",
      R"({"sub":42,"cid":507,"iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":null,"cid":507,"iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":"507","iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":507.5,"iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":507.0,"iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":5.07e2,"iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":true,"iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":"1738810504","exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":"1738814104","jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":1e300,"jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":9223372036854775808,"jti":"t1"})",
      R"({"sub":"client","cid":18446744073709551616,"iat":1,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":-9223372036854775809,"iat":1,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":1738814104,"jti":7})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":1738814104,"jti":["t1"]})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":1738814104,"jti":"t1"} x)",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":1738814104,"jti":"t1"}{})",
      "{\"sub\":\"client\",\"cid\":507,\"iat\":1,\"exp\":1738814104,\"jti\":\"t1\"}\0x"s,
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":NaN,"jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":Infinity,"jti":"t1"})",
      R"({"sub":"client","cid":0x1FB,"iat":1738810504,"exp":1738814104,"jti":"t1"})",
      R"({"sub":"client","cid":507,"iat":1738810504,"exp":1738814104,"jti":"t1",})",
      R"({'sub':'client','cid':507,'iat':1738810504,'exp':1738814104,'jti':'t1'})",
      // Deep nesting that still fits the token size limit, so it reaches the parser.
      std::string(2500, '[') + std::string(2500, ']'),
      "{\"a\":" + std::string(2500, '[') + std::string(2500, ']') + "}",
      "{\"a\":" + std::string(5000, '['),
  };
  for (const auto& payload : payloads) {
    SCOPED_TRACE(payload.substr(0, 100));
    const TokenCheck check = verify_token(make_token(kHeader, payload), kKey, kNow);
    EXPECT_FALSE(check.claims.has_value());
    EXPECT_EQ(check.error, TokenError::kMalformed);
  }
}

TEST_F(CryptoTest, ExtraClaimsAreIgnored) {
  const TokenCheck check = verify_token(
      make_token(kHeader, R"({"aud":"x","sub":"client","cid":-3,"iat":1738810504,"exp":1738814104,)"
                          R"("jti":"t1","nested":{"a":[1,2,{"b":null}]}})"),
      kKey, kNow);
  ASSERT_TRUE(check.claims.has_value());
  EXPECT_EQ(check.claims->client_id, "client");
  EXPECT_EQ(check.claims->company_id, -3);
}

TEST_F(CryptoTest, TokenSizeIsBounded) {
  TokenClaims claims = sample_claims();
  claims.client_id = std::string(4000, 'c');
  EXPECT_TRUE(verify_token(sign_token(claims, kKey), kKey, kNow).claims.has_value());
  // Never issued; refusing before any decoding bounds the cost of hostile input.
  claims.client_id = std::string(7000, 'c');
  const TokenCheck check = verify_token(sign_token(claims, kKey), kKey, kNow);
  EXPECT_FALSE(check.claims.has_value());
  EXPECT_EQ(check.error, TokenError::kMalformed);
}

TEST_F(CryptoTest, GarbageTokensAreRejected) {
  const std::string valid = sign_token(sample_claims(), kKey);
  const Parts parts = split(valid);
  const std::vector<std::string> garbage = {
      "",
      ".",
      "..",
      "...",
      "....",
      "a",
      "a.b",
      "a..c",
      ".b.c",
      "a.b.",
      "a.b.c.d",
      valid + ".",
      "." + valid,
      valid + "." + parts.signature,
      "Bearer " + valid,
      valid + " ",
      valid + "\n",
      "\0"s + valid,
      valid.substr(0, valid.size() / 2),
      parts.header + "." + parts.payload,
      parts.header + "==." + parts.payload + "." + parts.signature,
      parts.header + "." + parts.payload + "=." + parts.signature,
      parts.header + "." + parts.payload + "." + parts.signature + "=",
      "!!!!.????.****",
      "a+b/.c+d/.e+f/",
      "Z.Z.Z",
      "ZZZZZ.ZZZZZ.ZZZZZ",
      std::string(1 << 20, 'A'),
      std::string(1 << 20, '.'),
      std::string(5000, 'A') + "." + std::string(5000, 'A') + "." + std::string(5000, 'A'),
      base64url_encode("hello") + "." + base64url_encode("world") + "." + parts.signature,
      base64url_encode("[]") + "." + base64url_encode("[]") + "." + parts.signature,
      base64url_encode("{}") + "." + base64url_encode("{}") + "." + parts.signature,
      "\xff\xfe\xfd.\x80\x81.\xc0\xc1",
      "ey.ey.ey",
      "eyJhbGciOiJIUzI1NiJ9",
  };
  for (const auto& token : garbage) {
    SCOPED_TRACE(token.substr(0, 100));
    const TokenCheck check = verify_token(token, kKey, kNow);
    EXPECT_FALSE(check.claims.has_value());
    EXPECT_EQ(check.error, TokenError::kMalformed);
  }
}

TEST_F(CryptoTest, WellFormedButUnsignedTokensHaveBadSignature) {
  const Parts parts = split(sign_token(sample_claims(), kKey));
  const std::vector<std::string> tokens = {
      parts.header + "." + parts.payload + ".AAAA",
      parts.header + ".AAAA." + parts.signature,
      parts.header + "." + base64url_encode("not json") + "." + parts.signature,
      parts.header + "." + base64url_encode(R"({"sub":1})") + "." + parts.signature,
      parts.header + "." + parts.payload + "." + std::string(43, '_'),
  };
  for (const auto& token : tokens) {
    SCOPED_TRACE(token);
    const TokenCheck check = verify_token(token, kKey, kNow);
    EXPECT_FALSE(check.claims.has_value());
    EXPECT_EQ(check.error, TokenError::kBadSignature);
  }
}

TEST_F(CryptoTest, RandomInputNeverVerifies) {
  std::mt19937 rng(987654321);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
  for (int i = 0; i < 3000; ++i) {
    std::string token(rng() % 300, '\0');
    const bool from_alphabet = i % 2 == 0;
    for (char& c : token) {
      c = from_alphabet ? alphabet[rng() % alphabet.size()] : static_cast<char>(rng() & 0xff);
    }
    EXPECT_FALSE(verify_token(token, kKey, kNow).claims.has_value()) << token;
  }
}

}  // namespace
}  // namespace ov::auth
