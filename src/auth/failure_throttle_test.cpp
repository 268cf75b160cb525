#include "auth/failure_throttle.hpp"

#include <gtest/gtest.h>

namespace ov::auth {
namespace {

TEST(FailureThrottle, RefusesAKeyPastItsFailuresUntilTheWindowEnds) {
  FailureThrottle t(3, 60, 100);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t.retry_after("id", 1000 + i), 0);
    t.failed("id", 1000 + i);
  }
  EXPECT_EQ(t.retry_after("id", 1010), 50);
  EXPECT_EQ(t.retry_after("other", 1010), 0);
  EXPECT_EQ(t.retry_after("id", 1060), 0);
  EXPECT_EQ(t.tracked(), 0u);  // the ended window was dropped
}

TEST(FailureThrottle, MemoryIsBoundedAndTrackedKeysStayThrottled) {
  FailureThrottle t(1, 60, 4);
  for (int i = 0; i < 4; ++i) t.failed("k" + std::to_string(i), 1000);
  // Full: a new key is not tracked while every window is open.
  t.failed("new", 1001);
  EXPECT_EQ(t.tracked(), 4u);
  EXPECT_EQ(t.retry_after("new", 1001), 0);
  EXPECT_EQ(t.retry_after("k0", 1001), 59);
  // Once windows end, they make room.
  t.failed("new", 1061);
  EXPECT_EQ(t.tracked(), 1u);
  EXPECT_EQ(t.retry_after("new", 1061), 60);
}

}  // namespace
}  // namespace ov::auth
