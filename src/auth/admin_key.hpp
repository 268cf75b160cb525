// The administration plane's key, checked as keyed digests of one length in constant time.
#pragma once

#include <string>
#include <string_view>

#include "api/admin_key.hpp"

namespace ov::auth {

class AdminKey final : public api::AdminKey {
 public:
  // Shorter keys are refused at start-up: the key is the whole of the plane's protection, and
  // 16 characters of a random token are beyond guessing over the network.
  static constexpr std::size_t kMinChars = 16;
  // Longer Authorization values are refused unread: no real key is longer.
  static constexpr std::size_t kMaxChars = 512;

  // "" → the plane is off. Throws std::invalid_argument for a key shorter than kMinChars or
  // longer than kMaxChars.
  explicit AdminKey(std::string_view key);

  bool enabled() const override { return enabled_; }
  // Both sides are hashed with HMAC-SHA-256 under a key drawn at start and the digests
  // compared in constant time, so neither the key's bytes nor its length leak through timing.
  bool matches(std::string_view presented) const override;

 private:
  bool enabled_ = false;
  std::string digest_key_;
  std::string digest_;
};

}  // namespace ov::auth
