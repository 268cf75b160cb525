#include "auth/failure_throttle.hpp"

namespace ov::auth {

FailureThrottle::FailureThrottle(std::size_t max_failures, std::int64_t window_seconds,
                                 std::size_t max_keys)
    : max_failures_(max_failures), window_seconds_(window_seconds), max_keys_(max_keys) {}

std::int64_t FailureThrottle::retry_after(std::string_view key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = windows_.find(std::string(key));
  if (it == windows_.end()) return 0;
  const auto end = it->second.start + window_seconds_;
  if (now >= end) {
    windows_.erase(it);
    return 0;
  }
  if (it->second.failures < max_failures_) return 0;
  return end - now;
}

void FailureThrottle::failed(std::string_view key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = windows_.find(std::string(key));
  if (it == windows_.end()) {
    if (windows_.size() >= max_keys_) make_room(now);
    if (windows_.size() >= max_keys_) return;
    it = windows_.emplace(std::string(key), Window{now, 0}).first;
  } else if (now >= it->second.start + window_seconds_) {
    it->second = Window{now, 0};
  }
  ++it->second.failures;
}

void FailureThrottle::succeeded(std::string_view key) {
  std::lock_guard lock(mutex_);
  windows_.erase(std::string(key));
}

std::size_t FailureThrottle::tracked() {
  std::lock_guard lock(mutex_);
  return windows_.size();
}

void FailureThrottle::make_room(std::int64_t now) {
  if (now == last_sweep_) return;
  last_sweep_ = now;
  for (auto it = windows_.begin(); it != windows_.end();) {
    if (now >= it->second.start + window_seconds_) {
      it = windows_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace ov::auth
