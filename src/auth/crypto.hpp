// Cryptographic helpers: encodings, HMAC, HS256 tokens, Argon2id secrets, random ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace ov::auth {

// Must be called once before any other function here (initialises libsodium); idempotent,
// thread-safe.
void crypto_init();

std::string base64_encode(std::string_view bytes);     // standard alphabet, padded
std::string base64url_encode(std::string_view bytes);  // URL alphabet, no padding
// Accepts padded or unpadded input of its alphabet; nullopt on any invalid character/length.
std::optional<std::string> base64_decode(std::string_view text);
std::optional<std::string> base64url_decode(std::string_view text);

// Raw 32-byte HMAC-SHA256.
std::string hmac_sha256(std::string_view key, std::string_view message);

// Constant-time equality (length may leak).
bool constant_time_equal(std::string_view a, std::string_view b);

// n bytes from the CSPRNG.
std::string random_bytes(std::size_t n);
// Random token of URL-safe characters carrying `bytes` bytes of entropy.
std::string random_token(std::size_t bytes);
// Random version-4 GUID, lowercase hyphenated: 6d473b8f-a6b3-4536-b1e6-f4b7688414e2.
std::string new_guid();
// GUID syntax is a text rule (core/text.hpp).
using core::is_guid;
using core::normalize_guid;

// Argon2id (libsodium crypto_pwhash_str, interactive limits) — the stored form is the
// self-describing "$argon2id$..." string.
std::string hash_secret(std::string_view secret);
bool verify_secret(std::string_view stored_hash, std::string_view secret);

// Access-token claims (ENDPOINTS.md §4.1.1: tenant, client id, issue and expiry, unique id).
struct TokenClaims {
  std::int64_t company_id = 0;  // claim "cid"
  std::string client_id;        // claim "sub"
  std::int64_t issued_at = 0;   // claim "iat", Unix seconds
  std::int64_t expires_at = 0;  // claim "exp", Unix seconds
  std::string token_id;         // claim "jti"
};

// Compact JWT, header {"alg":"HS256","typ":"JWT"}.
std::string sign_token(const TokenClaims& claims, std::string_view key);

enum class TokenError { kMalformed, kBadSignature, kExpired };
struct TokenCheck {
  std::optional<TokenClaims> claims;  // set when valid
  TokenError error = TokenError::kMalformed;
};
// Verifies the signature (constant time), the alg header (only HS256 is accepted; "none" and
// every other alg are rejected), the claims' presence and types, and exp > now.
TokenCheck verify_token(std::string_view token, std::string_view key, std::int64_t now);

}  // namespace ov::auth
