// Puts the customers a keyword matched into code order without reading their rows again.
//
// Customers Enquiry sorts by code by default. With the ids of the matches from the keyword
// index, the page needs each match's code; reading it from the customer row costs a b-tree
// descent per match, which for a keyword matching thousands of customers is most of the
// request. A customer's code never changes and ids are never reused, so a code read once is
// remembered here for the life of the process: an entry can never be stale, even when other
// processes write to the same database. Codes not yet remembered are read in batches.
//
// Memory is bounded: an entry costs a 16-byte slot in a table kept at most half full, plus the
// code's length plus one in 1 MiB blocks; once `max_bytes` is reached nothing more is remembered
// and the codes of further customers are read from the database on every request (correct, slower).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace ov::customers {

class CodeOrder {
 public:
  // 256 MiB: about eight million customers' codes.
  static constexpr std::size_t kDefaultMaxBytes = std::size_t{256} << 20;

  explicit CodeOrder(std::size_t max_bytes = kDefaultMaxBytes);

  // The ids in positions [skip, skip + take) of `ids` ordered as
  // ORDER BY lower(customer_code), customer_id (both DESC when `descending`), lower() folding
  // ASCII letters only, as SQLite's does. Ids without a customer row are left out.
  std::vector<std::int64_t> page(storage::Session& s, std::span<const std::int64_t> ids,
                                 bool descending, std::int64_t skip, std::int64_t take);

  // Codes remembered, and bytes used for them.
  std::size_t size() const;
  std::size_t bytes() const;

 private:
  struct Item {
    std::int64_t id;
    std::string_view key;  // lower-cased code
  };
  // The remembered key of id, if any. Caller holds the lock (shared suffices).
  bool find(std::int64_t id, std::string_view& key) const;
  // Remembers id's key unless the budget is spent (false); `stored` views the kept copy.
  // Caller holds the lock exclusively.
  bool insert(std::int64_t id, std::string_view key, std::string_view& stored);
  void resize(std::size_t slots);
  std::string_view key_at(std::uint64_t ref) const;

  std::size_t max_bytes_;
  mutable std::shared_mutex mutex_;
  // Open addressing, linear probing; key 0 marks an empty slot (customer ids start at 1).
  std::vector<std::int64_t> ids_;
  std::vector<std::uint64_t> refs_;  // block << 32 | offset of the entry's length byte
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0;
  std::size_t count_ = 0;
  std::size_t arena_bytes_ = 0;
};

}  // namespace ov::customers
