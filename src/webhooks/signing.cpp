#include "webhooks/signing.hpp"

#include "auth/crypto.hpp"

namespace ov::webhooks {

namespace {

constexpr std::string_view kSecretPrefix = "whsec_";
// Bytes of a new secret: the HMAC-SHA256 block-size-independent recommendation of Standard
// Webhooks (24 to 64 bytes); 32 is SHA-256's own output size.
constexpr std::size_t kSecretBytes = 32;

std::string signature(std::string_view key, std::string_view id, std::int64_t timestamp,
                      std::string_view body) {
  std::string content;
  content.reserve(id.size() + body.size() + 24);
  content.append(id);
  content.push_back('.');
  content.append(std::to_string(timestamp));
  content.push_back('.');
  content.append(body);
  std::string out = "v1,";
  out.append(auth::base64_encode(auth::hmac_sha256(key, content)));
  return out;
}

}  // namespace

std::string new_message_id(std::int64_t unix_ms) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  // 128 bits, most significant first: the time in 6 bytes, then 10 random bytes.
  unsigned char bytes[16];
  const auto t = static_cast<std::uint64_t>(unix_ms);
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<unsigned char>(t >> (8 * (5 - i)));
  const std::string random = auth::random_bytes(10);
  for (int i = 0; i < 10; ++i) bytes[6 + i] = static_cast<unsigned char>(random[i]);
  const auto bit = [&](int k) { return k < 0 ? 0 : (bytes[k / 8] >> (7 - k % 8)) & 1; };
  std::string out = "msg_";
  // 26 characters of 5 bits carry 130 bits: the first takes two leading zero bits.
  for (int c = 0; c < 26; ++c) {
    int v = 0;
    for (int b = 0; b < 5; ++b) v = (v << 1) | bit(c * 5 - 2 + b);
    out.push_back(kAlphabet[v]);
  }
  return out;
}

std::string new_secret() {
  std::string out(kSecretPrefix);
  out.append(auth::base64_encode(auth::random_bytes(kSecretBytes)));
  return out;
}

std::optional<std::string> secret_key(std::string_view secret) {
  if (!secret.starts_with(kSecretPrefix)) return std::nullopt;
  auto key = auth::base64_decode(secret.substr(kSecretPrefix.size()));
  if (!key || key->empty()) return std::nullopt;
  return key;
}

std::string signature_header(const std::vector<std::string>& secrets, std::string_view id,
                             std::int64_t timestamp, std::string_view body) {
  std::string out;
  for (const auto& s : secrets) {
    auto key = secret_key(s);
    if (!key) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(signature(*key, id, timestamp, body));
  }
  return out;
}

bool verify_signature(std::string_view secret, std::string_view header, std::string_view id,
                      std::int64_t timestamp, std::string_view body) {
  auto key = secret_key(secret);
  if (!key) return false;
  const std::string expected = signature(*key, id, timestamp, body);
  bool found = false;
  while (!header.empty()) {
    const auto space = header.find(' ');
    const auto one = header.substr(0, space);
    // Every candidate is compared, so the time taken does not tell which one matched.
    if (auth::constant_time_equal(one, expected)) found = true;
    if (space == std::string_view::npos) break;
    header.remove_prefix(space + 1);
  }
  return found;
}

}  // namespace ov::webhooks
