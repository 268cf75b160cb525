// The key of the administration plane (`serve --admin-key`, OPENVENIO_ADMIN_KEY). Requests to
// /admin/v1 carry it as `Authorization: Bearer <key>`. Without a key the plane is off and
// every /admin path answers the same 404 as an unknown path.
#pragma once

#include <string>
#include <string_view>

namespace ov::api {

class AdminKey {
 public:
  // Shorter keys are refused at start-up: a key is the whole of the plane's protection, and
  // 16 characters of a random token are beyond guessing over the network.
  static constexpr std::size_t kMinChars = 16;
  // Longer Authorization values are refused unread: no real key is longer.
  static constexpr std::size_t kMaxChars = 512;

  // "" → the plane is off. Throws std::invalid_argument for a key shorter than kMinChars or
  // longer than kMaxChars.
  explicit AdminKey(std::string_view key);

  bool enabled() const { return enabled_; }
  // Whether `presented` is the key. Both sides are compared as keyed digests of one length in
  // constant time, so neither the key's bytes nor its length leak through timing.
  bool matches(std::string_view presented) const;

 private:
  bool enabled_ = false;
  std::string digest_key_;
  std::string digest_;
};

}  // namespace ov::api
