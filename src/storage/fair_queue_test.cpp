#include "storage/fair_queue.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ov::storage {
namespace {

TEST(FairQueueTest, TenantsTakeTurnsEachInItsOwnOrder) {
  FairQueue<std::string> q;
  for (int i = 1; i <= 4; ++i) q.push(1, "a" + std::to_string(i));
  q.push(2, "b1");
  q.push(3, "c1");
  q.push(2, "b2");
  EXPECT_EQ(q.size(), 7u);
  std::vector<std::string> order;
  while (!q.empty()) order.push_back(q.pop());
  // The burst of tenant 1 does not hold tenants 2 and 3 back.
  EXPECT_EQ(order, (std::vector<std::string>{"a1", "b1", "c1", "a2", "b2", "a3", "a4"}));
}

TEST(FairQueueTest, ATenantThatReturnsGoesToTheBack) {
  FairQueue<int> q;
  q.push(1, 10);
  EXPECT_EQ(q.pop(), 10);
  q.push(2, 20);
  q.push(1, 11);
  EXPECT_EQ(q.pop(), 20);
  EXPECT_EQ(q.pop(), 11);
  EXPECT_TRUE(q.empty());
}

}  // namespace
}  // namespace ov::storage
