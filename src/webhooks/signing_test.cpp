#include "webhooks/signing.hpp"

#include <gtest/gtest.h>

#include <set>

#include "auth/crypto.hpp"

namespace ov::webhooks {
namespace {

// ENDPOINTS.md §5.4: the first example of §5.2, exactly as printed.
constexpr std::string_view kVectorBody =
    R"({"Topic":"SaleOrder","Event":"StatusChanged","Data":{"SaleOrderNo":"SO250200001","SaleOrderId":281940,"PreviousStatus":2,"Status":3},"Timestamp":"2025-02-06T09:55:04+0700","CompanyId":507})";
constexpr std::string_view kVectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr std::string_view kVectorId = "msg_2Lh9KRb0pzN4LePd3XiA0xjZ5Ba";
constexpr std::int64_t kVectorTimestamp = 1738810504;
constexpr std::string_view kVectorSignature = "v1,YgWrDXiW67LjKyNbi6yeEKz4h+LuD7vpFoMBX8x92XA=";

TEST(WebhookSigning, MatchesTheContractTestVector) {
  auth::crypto_init();
  ASSERT_EQ(kVectorBody.size(), 188u);
  EXPECT_EQ(
      signature_header({std::string(kVectorSecret)}, kVectorId, kVectorTimestamp, kVectorBody),
      kVectorSignature);
  EXPECT_TRUE(
      verify_signature(kVectorSecret, kVectorSignature, kVectorId, kVectorTimestamp, kVectorBody));
  // Any change of id, time or body breaks it.
  EXPECT_FALSE(verify_signature(kVectorSecret, kVectorSignature, kVectorId, kVectorTimestamp + 1,
                                kVectorBody));
  std::string body(kVectorBody);
  body.back() = ' ';
  EXPECT_FALSE(
      verify_signature(kVectorSecret, kVectorSignature, kVectorId, kVectorTimestamp, body));
}

TEST(WebhookSigning, SignsOncePerActiveSecretSeparatedBySpaces) {
  auth::crypto_init();
  const auto a = new_secret();
  const auto b = new_secret();
  const auto header = signature_header({a, b}, "msg_x", 1, "{}");
  const auto space = header.find(' ');
  ASSERT_NE(space, std::string::npos);
  EXPECT_EQ(header.find(' ', space + 1), std::string::npos);
  EXPECT_TRUE(verify_signature(a, header, "msg_x", 1, "{}"));
  EXPECT_TRUE(verify_signature(b, header, "msg_x", 1, "{}"));
  EXPECT_FALSE(verify_signature(new_secret(), header, "msg_x", 1, "{}"));
}

TEST(WebhookSigning, SecretsAreThirtyTwoRandomBytes) {
  auth::crypto_init();
  const auto s = new_secret();
  ASSERT_TRUE(s.starts_with("whsec_"));
  auto key = secret_key(s);
  ASSERT_TRUE(key);
  EXPECT_EQ(key->size(), 32u);
  EXPECT_NE(new_secret(), s);
  EXPECT_FALSE(secret_key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
  EXPECT_FALSE(secret_key("whsec_!!!"));
}

TEST(WebhookSigning, MessageIdsAreUlidsOrderedByTime) {
  auth::crypto_init();
  const auto a = new_message_id(1738810504000);
  const auto b = new_message_id(1738810504001);
  ASSERT_EQ(a.size(), 30u);
  EXPECT_TRUE(a.starts_with("msg_"));
  EXPECT_LT(a, b);
  for (char c : a.substr(4)) {
    EXPECT_NE(std::string_view("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find(c), std::string::npos) << c;
  }
  // The time is the first ten characters (48 bits in 50).
  EXPECT_EQ(new_message_id(0).substr(4, 10), "0000000000");
  EXPECT_EQ(new_message_id((std::int64_t{1} << 48) - 1).substr(4, 10), "7ZZZZZZZZZ");
  EXPECT_EQ(new_message_id(32).substr(4, 10), "0000000010");
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.insert(new_message_id(1));
  EXPECT_EQ(ids.size(), 1000u);
}

}  // namespace
}  // namespace ov::webhooks
