// Argon2id checks, run on a small blocking pool in three lanes with a bounded queue each. A
// check costs tens of milliseconds of CPU and 64 MiB of memory by design, so an unbounded queue
// lets anonymous senders delay every legitimate token request without limit. The pool always
// serves the first non-empty lane: requests that carry a valid subscription key (a tenant's own
// integration), then requests for a client id that exists, then the rest (made-up ids, which a
// flood is made of: they still cost a check, so that response time does not tell which ids
// exist while the server is not overloaded). A full lane answers at once, so a client is told
// to retry instead of waiting longer than any timeout.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace ov::auth {

class HashQueue {
 public:
  enum class Lane { kKeyed, kKnownClient, kUnknownClient };

  // `max_waiting` checks may wait per lane beside those running.
  HashQueue(boost::asio::thread_pool& pool, std::size_t max_waiting);
  HashQueue(const HashQueue&) = delete;
  HashQueue& operator=(const HashQueue&) = delete;

  // Runs `work` on the pool and resumes the caller on its own executor afterwards; false (and
  // `work` not run) when the lane's queue is full.
  boost::asio::awaitable<bool> run(Lane lane, std::function<void()> work);

  std::size_t waiting() const { return waiting_.load(std::memory_order_relaxed); }
  // Checks run so far.
  std::uint64_t completed() const { return completed_.load(std::memory_order_relaxed); }

 private:
  void run_next();

  boost::asio::thread_pool& pool_;
  const std::size_t max_waiting_;
  std::mutex mutex_;
  // Indexed by Lane, served in that order.
  std::deque<std::function<void()>> lanes_[3];
  std::atomic<std::size_t> waiting_{0};
  std::atomic<std::uint64_t> completed_{0};
};

}  // namespace ov::auth
