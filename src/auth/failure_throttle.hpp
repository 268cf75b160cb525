// Failed credential checks counted per key (a client id, or a client address) in fixed
// windows. A key with too many failures in its window is refused further checks until the
// window ends, so that guessing costs the guesser time and the server no Argon2id work.
// Memory is bounded: at most `max_keys` keys are tracked; once full, keys whose window has
// ended make room, and a new key finds none only while every tracked key is still in its
// window (those stay throttled; the hash queue bounds what the untracked newcomer can cost).
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ov::auth {

class FailureThrottle {
 public:
  FailureThrottle(std::size_t max_failures, std::int64_t window_seconds, std::size_t max_keys);

  // 0 when a check for `key` may run now, else the seconds until it may.
  std::int64_t retry_after(std::string_view key, std::int64_t now);
  void failed(std::string_view key, std::int64_t now);
  // A success clears the key's count: a client that fixed its secret starts afresh.
  void succeeded(std::string_view key);
  std::size_t tracked();

 private:
  struct Window {
    std::int64_t start = 0;
    std::size_t failures = 0;
  };
  void make_room(std::int64_t now);

  const std::size_t max_failures_;
  const std::int64_t window_seconds_;
  const std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
  // Ended windows are swept at most once a second, so a full table costs no scan per failure.
  std::int64_t last_sweep_ = -1;
};

}  // namespace ov::auth
