// The absolute base (scheme://host[:port]) of links the API hands out, such as an attachment's
// download `url` (ENDPOINTS.md §4.0).
#pragma once

#include <string>

#include "http/message.hpp"

namespace ov::api {

// Host names longer than this are not used: DNS names end at 253 characters, and a bracketed
// IPv6 literal with a port fits well within it.
inline constexpr std::size_t kMaxHostChars = 260;

// The base the client reached this server at: the request's Host header, over https when a
// TLS-terminating proxy says so in X-Forwarded-Proto, else http. A missing or malformed Host
// gives http://localhost, so a link is always well formed.
std::string request_base_url(const http::Request& req);

}  // namespace ov::api
