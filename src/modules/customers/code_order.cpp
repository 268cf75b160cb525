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
// A key is stored behind one length byte.
constexpr std::size_t kMaxKeyBytes = 255;
constexpr std::size_t kInitialSlots = 1024;
// Codes read from the database per statement.
constexpr std::size_t kReadBatch = 256;

std::size_t slot_of(std::int64_t id, std::size_t mask) {
  // Fibonacci hashing spreads consecutive ids over the table.
  return static_cast<std::size_t>((static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL) >> 20) &
         mask;
}

}  // namespace

CodeOrder::CodeOrder(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::size_t CodeOrder::size() const {
  std::shared_lock lock(mutex_);
  return count_;
}

std::size_t CodeOrder::bytes() const {
  std::shared_lock lock(mutex_);
  return ids_.size() * (sizeof(std::int64_t) + sizeof(std::uint64_t)) + arena_bytes_;
}

std::string_view CodeOrder::key_at(std::uint64_t ref) const {
  const char* p = blocks_[ref >> 32].get() + (ref & 0xFFFFFFFFu);
  return {p + 1, static_cast<unsigned char>(*p)};
}

bool CodeOrder::find(std::int64_t id, std::string_view& key) const {
  if (ids_.empty()) return false;
  const std::size_t mask = ids_.size() - 1;
  for (std::size_t i = slot_of(id, mask);; i = (i + 1) & mask) {
    if (ids_[i] == id) {
      key = key_at(refs_[i]);
      return true;
    }
    if (ids_[i] == 0) return false;
  }
}

void CodeOrder::resize(std::size_t slots) {
  std::vector<std::int64_t> ids(slots, 0);
  std::vector<std::uint64_t> refs(ids.size(), 0);
  const std::size_t mask = ids.size() - 1;
  for (std::size_t j = 0; j < ids_.size(); ++j) {
    if (ids_[j] == 0) continue;
    std::size_t i = slot_of(ids_[j], mask);
    while (ids[i] != 0) i = (i + 1) & mask;
    ids[i] = ids_[j];
    refs[i] = refs_[j];
  }
  ids_.swap(ids);
  refs_.swap(refs);
}

bool CodeOrder::insert(std::int64_t id, std::string_view key, std::string_view& stored) {
  if (id <= 0 || key.size() > kMaxKeyBytes) return false;
  if (find(id, stored)) return true;
  constexpr std::size_t kSlotBytes = sizeof(std::int64_t) + sizeof(std::uint64_t);
  // At most half the slots are taken, so probes stay short.
  std::size_t slots = std::max(ids_.size(), kInitialSlots);
  if ((count_ + 1) * 2 > slots) slots *= 2;
  const bool new_block = blocks_.empty() || block_used_ + 1 + key.size() > kBlockBytes;
  const std::size_t arena_after = arena_bytes_ + (new_block ? kBlockBytes : 0);
  if (slots * kSlotBytes + arena_after > max_bytes_) return false;
  if (slots != ids_.size()) resize(slots);
  if (new_block) {
    blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
    block_used_ = 0;
    arena_bytes_ += kBlockBytes;
  }
  char* p = blocks_.back().get() + block_used_;
  p[0] = static_cast<char>(static_cast<unsigned char>(key.size()));
  std::memcpy(p + 1, key.data(), key.size());
  const std::uint64_t ref = static_cast<std::uint64_t>(blocks_.size() - 1) << 32 | block_used_;
  block_used_ += 1 + key.size();
  const std::size_t mask = ids_.size() - 1;
  std::size_t i = slot_of(id, mask);
  while (ids_[i] != 0) i = (i + 1) & mask;
  ids_[i] = id;
  refs_[i] = ref;
  ++count_;
  stored = key_at(ref);
  return true;
}

std::vector<std::int64_t> CodeOrder::page(storage::Session& s, std::span<const std::int64_t> ids,
                                          bool descending, std::int64_t skip, std::int64_t take) {
  std::vector<Item> items;
  items.reserve(ids.size());
  std::vector<std::int64_t> missing;
  {
    std::shared_lock lock(mutex_);
    for (auto id : ids) {
      std::string_view key;
      if (find(id, key)) {
        items.push_back({id, key});
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
      std::string_view stored;
      if (!insert(id, key, stored)) stored = local.emplace_back(std::move(key));
      items.push_back({id, stored});
    }
  }
  const auto size = static_cast<std::int64_t>(items.size());
  if (skip >= size || take <= 0) return {};
  const auto first = items.begin() + skip;
  const auto last = items.begin() + std::min(size, skip + take);
  auto before = [descending](const Item& a, const Item& b) {
    // Byte order, as SQLite's BINARY collation compares text.
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
