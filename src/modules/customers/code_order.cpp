#include "modules/customers/code_order.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>

#include "modules/customers/customer_types.hpp"
#include "storage/sql.hpp"

namespace ov::customers {

namespace {

// Keys are stored in blocks that never move, so views into them stay valid without the lock.
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;
// Longest key remembered (its length is kept in a byte); longer ones are read each time.
constexpr std::size_t kMaxKeyBytes = 255;
// How many ids ahead page() prefetches slots.
constexpr std::size_t kPrefetchAhead = 8;
// Codes read from the database per statement.
constexpr std::size_t kReadBatch = 256;

}  // namespace

CodeOrder::CodeOrder(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::size_t CodeOrder::size() const {
  std::shared_lock lock(mutex_);
  return count_;
}

std::size_t CodeOrder::bytes() const {
  std::shared_lock lock(mutex_);
  return bytes_;
}

std::uint64_t CodeOrder::prefix_of(std::string_view key) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    prefix = prefix << 8 | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
  }
  return prefix;
}

void CodeOrder::prefetch(std::int64_t id, Cursor& at) const {
  if (id <= 0) return;
  const std::int64_t page_no = id >> kPageBits;
  if (page_no != at.page_no) {
    auto it = pages_.find(page_no);
    at.page_no = page_no;
    at.page = it == pages_.end() ? nullptr : it->second.get();
  }
  if (at.page) __builtin_prefetch(&at.page->slot[static_cast<std::size_t>(id) & (kPageIds - 1)]);
}

bool CodeOrder::find(std::int64_t id, Cursor& at, Item& out) const {
  if (id <= 0) return false;
  const std::int64_t page_no = id >> kPageBits;
  if (page_no != at.page_no) {
    auto it = pages_.find(page_no);
    at.page_no = page_no;
    at.page = it == pages_.end() ? nullptr : it->second.get();
  }
  if (!at.page) return false;
  const Slot& slot = at.page->slot[static_cast<std::size_t>(id) & (kPageIds - 1)];
  if (slot.where == 0) return false;
  out = {slot.prefix, id, key_at(slot.where)};
  return true;
}

std::string_view CodeOrder::key_at(std::uint64_t where) const {
  return {blocks_[(where >> 28) - 1].get() + ((where >> 8) & 0xFFFFF), where & 0xFF};
}

bool CodeOrder::insert(std::int64_t id, std::string_view key, std::string_view& kept) {
  if (id <= 0 || key.size() > kMaxKeyBytes) return false;
  Cursor at;
  Item known{};
  if (find(id, at, known)) {
    kept = known.key;
    return true;
  }
  const bool new_page = at.page == nullptr;
  // (An offset is below kBlockBytes: it has 20 bits in `where`.)
  const bool new_block = blocks_.empty() || block_used_ + key.size() >= kBlockBytes;
  const std::size_t after = bytes_ + (new_page ? sizeof(Slots) : 0) + (new_block ? kBlockBytes : 0);
  if (after > max_bytes_) return false;
  Slots* page = nullptr;
  if (new_page) {
    auto fresh = std::make_unique<Slots>();
    page = fresh.get();
    pages_.emplace(id >> kPageBits, std::move(fresh));
  } else {
    page = pages_.at(id >> kPageBits).get();
  }
  if (new_block) {
    blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
    block_used_ = 0;
  }
  bytes_ = after;
  std::memcpy(blocks_.back().get() + block_used_, key.data(), key.size());
  Slot& slot = page->slot[static_cast<std::size_t>(id) & (kPageIds - 1)];
  slot.prefix = prefix_of(key);
  // The block number starts at 1 in `where`, so that a remembered empty key is not 0.
  slot.where = static_cast<std::uint64_t>(blocks_.size()) << 28 |
               static_cast<std::uint64_t>(block_used_) << 8 | key.size();
  block_used_ += key.size();
  ++count_;
  kept = key_at(slot.where);
  return true;
}

std::vector<std::int64_t> CodeOrder::page(storage::Session& s, std::span<const std::int64_t> ids,
                                          bool descending, std::int64_t skip, std::int64_t take) {
  std::vector<Item> items;
  items.reserve(ids.size());
  std::vector<std::int64_t> missing;
  {
    std::shared_lock lock(mutex_);
    Cursor at, ahead;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto id = ids[i];
      // The slots of the ids a few places ahead are fetched while this one is read: the
      // matches are sparse, so each slot is a cache miss of its own.
      if (i + kPrefetchAhead < ids.size()) prefetch(ids[i + kPrefetchAhead], ahead);
      Item found{};
      if (find(id, at, found)) {
        items.push_back(found);
      } else {
        missing.push_back(id);
      }
    }
  }
  // Keys that could not be remembered live here for this call.
  std::deque<std::string> local;
  for (std::size_t at = 0; at < missing.size(); at += kReadBatch) {
    const std::vector<std::int64_t> batch(
        missing.begin() + static_cast<std::ptrdiff_t>(at),
        missing.begin() + static_cast<std::ptrdiff_t>(std::min(missing.size(), at + kReadBatch)));
    storage::Sql q;
    // (in_list's padding repeats an id; IN still yields each row once.)
    q.add("SELECT customer_id, customer_code FROM customers WHERE customer_id IN ").in_list(batch);
    std::vector<std::pair<std::int64_t, std::string>> read;
    auto rows = s.query(q.text(), q.params());
    while (rows.next()) read.emplace_back(rows.i64(0), search_lower(rows.text(1)));
    std::unique_lock lock(mutex_);
    for (auto& [id, key] : read) {
      std::string_view kept;
      if (!insert(id, key, kept)) kept = local.emplace_back(std::move(key));
      items.push_back({prefix_of(kept), id, kept});
    }
  }
  const auto size = static_cast<std::int64_t>(items.size());
  if (skip >= size || take <= 0) return {};
  const auto first = items.begin() + skip;
  const auto last = items.begin() + std::min(size, skip + take);
  auto before = [descending](const Item& a, const Item& b) {
    // Byte order, as SQLite's BINARY collation compares text: the prefixes decide unless
    // they are equal.
    if (a.prefix != b.prefix) return descending ? a.prefix > b.prefix : a.prefix < b.prefix;
    const int c = a.key.compare(b.key);
    if (c != 0) return descending ? c > 0 : c < 0;
    return descending ? a.id > b.id : a.id < b.id;
  };
  if (skip > 0) std::nth_element(items.begin(), first, items.end(), before);
  std::partial_sort(first, last, items.end(), before);
  std::vector<std::int64_t> out;
  out.reserve(static_cast<std::size_t>(last - first));
  for (auto it = first; it != last; ++it) out.push_back(it->id);
  return out;
}

}  // namespace ov::customers
