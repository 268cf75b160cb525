#include "auth/hash_queue.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace ov::auth {
namespace {

namespace asio = boost::asio;

TEST(HashQueue, LanesAreServedInOrderAndAFullLaneRefusesAtOnce) {
  asio::thread_pool pool(1);
  HashQueue queue(pool, 2);
  asio::io_context ioc;
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::vector<std::string> order;
  std::vector<std::string> refused;
  auto job = [&](HashQueue::Lane lane, const char* label, bool block) -> asio::awaitable<void> {
    const std::string name = label;
    // Named, not a temporary in the co_await expression: g++ 12 mishandles a temporary with
    // non-trivial members there.
    std::function<void()> work = [&, name, block] {
      if (block) {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return release; });
      }
      std::lock_guard lock(m);
      order.push_back(name);
    };
    const bool ran = co_await queue.run(lane, std::move(work));
    if (!ran) refused.push_back(name);
  };
  using Lane = HashQueue::Lane;
  // The first occupies the only thread; the others queue behind it.
  asio::co_spawn(ioc, job(Lane::kUnknownClient, "blocker", true), asio::detached);
  ioc.run_for(std::chrono::milliseconds(100));
  ioc.restart();
  for (const char* n : {"u1", "u2", "u3"})
    asio::co_spawn(ioc, job(Lane::kUnknownClient, n, false), asio::detached);
  for (const char* n : {"c1", "c2"})
    asio::co_spawn(ioc, job(Lane::kKnownClient, n, false), asio::detached);
  for (const char* n : {"k1", "k2"})
    asio::co_spawn(ioc, job(Lane::kKeyed, n, false), asio::detached);
  ioc.run_for(std::chrono::milliseconds(100));
  ioc.restart();
  EXPECT_EQ(refused, std::vector<std::string>{"u3"});
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  ioc.run_for(std::chrono::milliseconds(500));
  pool.join();
  EXPECT_EQ(order, (std::vector<std::string>{"blocker", "k1", "k2", "c1", "c2", "u1", "u2"}));
  EXPECT_EQ(queue.completed(), 7u);
}

}  // namespace
}  // namespace ov::auth
