// The source of "now". Tests fix it; the server uses the system clock.
#pragma once

#include <atomic>

#include "core/time.hpp"

namespace ov::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixSeconds now() const override;
};

// A clock that stands still until told otherwise; thread-safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(UnixSeconds t) : t_(t) {}
  UnixSeconds now() const override { return t_.load(); }
  void set(UnixSeconds t) { t_.store(t); }
  void advance(UnixSeconds by) { t_.fetch_add(by); }

 private:
  std::atomic<UnixSeconds> t_;
};

}  // namespace ov::core
