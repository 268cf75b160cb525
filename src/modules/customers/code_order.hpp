// Puts the customers a keyword matched into code order without reading their rows again.
//
// Customers Enquiry sorts by code by default. With the ids of the matches from the keyword
// index, the page needs each match's code; reading it from the customer row costs a b-tree
// descent per match, which for a keyword matching thousands of customers is most of the
// request. A customer's code never changes and ids are never reused, so a code read once is
// remembered here for the life of the process: an entry can never be stale, even when other
// processes write to the same database. Codes not yet remembered are read in batches.
//
// Memory is bounded: ids map to 16-byte slots in pages of 4096 consecutive ids (customer ids
// are dense, and the index lists matches in ascending order, so lookups walk a page in order),
// and a code takes its length in 1 MiB blocks; once `max_bytes` is reached nothing more is
// remembered and the codes of further customers are read from the database on every request
// (correct, slower).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"

namespace ov::customers {

class CodeOrder {
 public:
  // 256 MiB: about ten million customers' codes (16-byte slot and about 8 bytes of code each).
  static constexpr std::size_t kDefaultMaxBytes = std::size_t{256} << 20;

  explicit CodeOrder(std::size_t max_bytes = kDefaultMaxBytes);

  // The ids in positions [skip, skip + take) of `ids` ordered as
  // ORDER BY lower(customer_code), customer_id (both DESC when `descending`), lower() folding
  // ASCII letters only, as SQLite's does. Ids without a customer row are left out. The ids are
  // a company's own (the keyword index's matches within it), and ids are unique across
  // companies, so codes are read and remembered by id alone.
  std::vector<std::int64_t> page(storage::Session& s, std::span<const std::int64_t> ids,
                                 bool descending, std::int64_t skip, std::int64_t take);

  // Codes remembered, and bytes used for them.
  std::size_t size() const;
  std::size_t bytes() const;

 private:
  static constexpr int kPageBits = 12;
  static constexpr std::size_t kPageIds = std::size_t{1} << kPageBits;
  // Per id, 16 bytes (one cache-line fetch): the key's first eight bytes, and where its bytes
  // are kept: block << 28 | offset << 8 | length, or 0 when not remembered.
  struct Slot {
    std::uint64_t prefix = 0;
    std::uint64_t where = 0;
  };
  struct Slots {
    Slot slot[kPageIds];
  };
  // The last page looked up, reused while the ids stay on it.
  struct Cursor {
    std::int64_t page_no = -1;
    const Slots* page = nullptr;
  };
  struct Item {
    std::uint64_t prefix;  // first eight bytes of key, big-endian, zero-padded
    std::int64_t id;
    std::string_view key;  // lower-cased code
  };
  static std::uint64_t prefix_of(std::string_view key);
  // The remembered key of id, if any, without touching the key's bytes. Caller holds the lock
  // (shared suffices).
  bool find(std::int64_t id, Cursor& at, Item& out) const;
  void prefetch(std::int64_t id, Cursor& at) const;
  // Remembers id's key unless the budget is spent (false); `kept` views the kept copy.
  // Caller holds the lock exclusively.
  bool insert(std::int64_t id, std::string_view key, std::string_view& kept);
  std::string_view key_at(std::uint64_t where) const;

  std::size_t max_bytes_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::int64_t, std::unique_ptr<Slots>> pages_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0;
  std::size_t count_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace ov::customers
