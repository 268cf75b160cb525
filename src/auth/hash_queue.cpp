#include "auth/hash_queue.hpp"

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>

namespace ov::auth {

namespace asio = boost::asio;

HashQueue::HashQueue(asio::thread_pool& pool, std::size_t max_waiting)
    : pool_(pool), max_waiting_(max_waiting) {}

asio::awaitable<bool> HashQueue::run(Lane lane, std::function<void()> work) {
  // The initiation captures only a pointer to `work`, which lives in this coroutine's frame
  // until it resumes.
  auto* job = &work;
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(bool)>(
      [this, lane, job](auto handler) {
        auto done = std::make_shared<decltype(handler)>(std::move(handler));
        auto resume = [done](bool ran) {
          auto ex = asio::get_associated_executor(*done);
          asio::post(ex, [done, ran]() mutable { (*done)(ran); });
        };
        {
          std::lock_guard lock(mutex_);
          auto& queue = lanes_[static_cast<std::size_t>(lane)];
          if (queue.size() >= max_waiting_) {
            resume(false);
            return;
          }
          queue.push_back([this, work = std::move(*job), resume]() mutable {
            try {
              work();
            } catch (...) {
              // `work` reports its own outcome; a failure here must still resume the caller.
            }
            completed_.fetch_add(1, std::memory_order_relaxed);
            resume(true);
          });
          waiting_.fetch_add(1, std::memory_order_relaxed);
        }
        // One pool task per queued check: each takes the first check of the first lane.
        asio::post(pool_, [this] { run_next(); });
      },
      asio::use_awaitable);
}

void HashQueue::run_next() {
  std::function<void()> next;
  {
    std::lock_guard lock(mutex_);
    for (auto& queue : lanes_) {
      if (queue.empty()) continue;
      next = std::move(queue.front());
      queue.pop_front();
      waiting_.fetch_sub(1, std::memory_order_relaxed);
      break;
    }
    if (!next) return;
  }
  next();
}

}  // namespace ov::auth
