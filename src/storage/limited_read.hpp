// Enquiries whose keyword is matched by scanning the rows the other filters leave: read off
// the I/O thread (Database::read_apart, companies taking turns), and, when `limit` is given,
// stopped after that long and refused as too broad (400/4001 `too_broad`) rather than holding
// a read thread.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <type_traits>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace ov::storage {

template <class F>
boost::asio::awaitable<std::invoke_result_t<F, Session&>> read_limited(
    Database& db, std::int64_t company_id, std::optional<std::chrono::milliseconds> limit,
    std::string too_broad, F fn) {
  try {
    co_return co_await db.read_apart(
        [&](Session& s) {
          std::optional<TimeLimit> bound;
          if (limit) bound.emplace(s, *limit);
          return fn(s);
        },
        company_id);
  } catch (const TimeLimitExceeded&) {
    throw core::business_rule(std::move(too_broad));
  }
}

}  // namespace ov::storage
