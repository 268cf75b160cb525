// The counters behind StorageStats that both backends keep: written by the storage threads,
// read by /metrics at any time.
#pragma once

#include <atomic>
#include <cstdint>

#include "storage/database.hpp"

namespace ov::storage {

class BatchCounters {
 public:
  // A transaction committed `writes` writes.
  void committed(std::uint64_t writes) {
    batches_.fetch_add(1, std::memory_order_relaxed);
    writes_.fetch_add(writes, std::memory_order_relaxed);
    auto largest = largest_.load(std::memory_order_relaxed);
    while (writes > largest &&
           !largest_.compare_exchange_weak(largest, writes, std::memory_order_relaxed)) {
    }
  }
  void retried() { retries_.fetch_add(1, std::memory_order_relaxed); }

  void fill(StorageStats& out) const {
    out.write_batches = batches_.load(std::memory_order_relaxed);
    out.batched_writes = writes_.load(std::memory_order_relaxed);
    out.largest_batch = largest_.load(std::memory_order_relaxed);
    out.transaction_retries = retries_.load(std::memory_order_relaxed);
  }

 private:
  std::atomic<std::uint64_t> batches_{0}, writes_{0}, largest_{0}, retries_{0};
};

}  // namespace ov::storage
