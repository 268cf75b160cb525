// The body type the server parses requests into. A body is either kept as a std::string (what
// handlers read) or dropped as it arrives, so a request refused from its header costs no memory
// however large its body. A kept body never grows past its limit (a chunked body's size is not
// known in advance, and doubling growth would otherwise reach twice the limit), and an
// allocation failure fails this request with `not_enough_memory` instead of throwing through
// the parser.
#pragma once

#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional/optional.hpp>
#include <boost/system/error_code.hpp>

#include <algorithm>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>

namespace ov::http {

struct RequestBody {
  struct value_type {
    std::string text;
    // Set before the body is read: count the bytes, keep none.
    bool discard = false;
    // The capacity a kept body may reach (its body limit); 0 → no cap.
    std::uint64_t limit = 0;
  };

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(boost::beast::http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>& length, boost::beast::error_code& ec) {
      ec = {};
      // A declared length is reserved at once: one allocation of exactly the body's size.
      if (body_.discard || !length || *length == 0) return;
      reserve(static_cast<std::size_t>(*length), ec);
    }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
      ec = {};
      std::size_t n = 0;
      for (auto b : boost::beast::buffers_range_ref(buffers)) n += b.size();
      if (body_.discard) return n;
      auto& s = body_.text;
      if (s.size() + n > s.capacity()) {
        std::uint64_t want = std::max<std::uint64_t>(s.size() + n, 2 * s.capacity());
        if (body_.limit) want = std::min<std::uint64_t>(want, std::max(body_.limit, s.size() + n));
        if (!reserve(static_cast<std::size_t>(want), ec)) return 0;
      }
      for (auto b : boost::beast::buffers_range_ref(buffers)) {
        s.append(static_cast<const char*>(b.data()), b.size());
      }
      return n;
    }

    void finish(boost::beast::error_code& ec) { ec = {}; }

   private:
    bool reserve(std::size_t bytes, boost::beast::error_code& ec) {
      try {
        // A fresh string gets exactly this capacity; reserve() on a non-empty one would round
        // it up to twice the old capacity.
        std::string grown;
        grown.reserve(bytes);
        grown.append(body_.text);
        body_.text.swap(grown);
        return true;
      } catch (const std::bad_alloc&) {
      } catch (const std::length_error&) {
      }
      ec = boost::system::errc::make_error_code(boost::system::errc::not_enough_memory);
      return false;
    }

    value_type& body_;
  };
};

}  // namespace ov::http
