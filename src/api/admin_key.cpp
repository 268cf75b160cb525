#include "api/admin_key.hpp"

#include <stdexcept>

#include "auth/crypto.hpp"

namespace ov::api {

AdminKey::AdminKey(std::string_view key) {
  if (key.empty()) return;
  if (key.size() < kMinChars || key.size() > kMaxChars) {
    std::string message = "the admin key must have ";
    message.append(std::to_string(kMinChars)).append(" to ").append(std::to_string(kMaxChars));
    message.append(" characters");
    throw std::invalid_argument(message);
  }
  auth::crypto_init();
  enabled_ = true;
  digest_key_ = auth::random_bytes(32);
  digest_ = auth::hmac_sha256(digest_key_, key);
}

bool AdminKey::matches(std::string_view presented) const {
  if (!enabled_ || presented.empty() || presented.size() > kMaxChars) return false;
  return auth::constant_time_equal(auth::hmac_sha256(digest_key_, presented), digest_);
}

}  // namespace ov::api
