#include "core/clock.hpp"

#include <chrono>

namespace ov::core {

UnixSeconds SystemClock::now() const {
  // floor, not duration_cast: truncation toward zero would round pre-epoch instants up.
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return now.time_since_epoch().count();
}

}  // namespace ov::core
