// Standard Webhooks signing (ENDPOINTS.md §5.4): message ids, secrets and signatures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ov::webhooks {

// "msg_" + a 26-character ULID (48-bit millisecond time, 80 random bits, Crockford base32):
// unique per message, and sortable by creation time.
std::string new_message_id(std::int64_t unix_ms);

// "whsec_" + base64 of 32 random bytes.
std::string new_secret();

// The HMAC key of a "whsec_" secret (the base64-decoding of what follows the prefix); nullopt
// when the secret is not of that form.
std::optional<std::string> secret_key(std::string_view secret);

// "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)) for each secret, separated
// by single spaces (one per active secret during a rotation). Secrets that are not of the
// "whsec_" form are skipped.
std::string signature_header(const std::vector<std::string>& secrets, std::string_view id,
                             std::int64_t timestamp, std::string_view body);

// Whether `header` carries a v1 signature of the content by `secret` (constant-time compare):
// what a receiver checks.
bool verify_signature(std::string_view secret, std::string_view header, std::string_view id,
                      std::int64_t timestamp, std::string_view body);

}  // namespace ov::webhooks
