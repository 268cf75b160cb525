// A job queue that takes tenants in turn: each tenant's jobs wait behind its own earlier jobs,
// never behind a burst of another tenant's. With one FIFO for all, a tenant sending slow
// searches as fast as it can keeps every storage thread busy for as long as its queue lasts,
// and every other company waits behind it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <utility>

namespace ov::storage {

template <class Job>
class FairQueue {
 public:
  void push(std::int64_t tenant, Job job) {
    auto& lane = lanes_[tenant];
    if (lane.empty()) turns_.push_back(tenant);
    lane.push_back(std::move(job));
    ++size_;
  }

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  // The oldest job of the tenant whose turn it is; that tenant goes to the back of the turns
  // when it has more. The queue must not be empty.
  Job pop() {
    const auto tenant = turns_.front();
    turns_.pop_front();
    auto it = lanes_.find(tenant);
    Job job = std::move(it->second.front());
    it->second.pop_front();
    if (it->second.empty()) {
      lanes_.erase(it);
    } else {
      turns_.push_back(tenant);
    }
    --size_;
    return job;
  }

 private:
  std::unordered_map<std::int64_t, std::deque<Job>> lanes_;
  std::deque<std::int64_t> turns_;  // tenants with queued jobs, whose turn comes first first
  std::size_t size_ = 0;
};

}  // namespace ov::storage
