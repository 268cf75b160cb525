#include "auth/crypto.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <rapidjson/document.h>
#include <sodium.h>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <utility>

namespace ov::auth {
namespace {

constexpr std::size_t kMacBytes = 32;
// base64url of 32 bytes without padding.
constexpr std::size_t kMacBase64Chars = 43;
// Far above any token this server issues; bounds the work an unauthenticated request can cause.
constexpr std::size_t kMaxTokenLength = 8192;

// base64url('{"alg":"HS256","typ":"JWT"}'): every token we issue carries exactly this header, so
// the common case needs no JSON parsing.
constexpr std::string_view kTokenHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

// Cost ceilings for stored Argon2id strings: libsodium's strongest preset. Anything higher is a
// corrupt row, and honouring it would let one value pin gigabytes of memory or minutes of CPU.
constexpr unsigned long long kMaxArgonOps = crypto_pwhash_OPSLIMIT_SENSITIVE;
constexpr unsigned long long kMaxArgonMemoryKib = crypto_pwhash_MEMLIMIT_SENSITIVE / 1024;

// An empty string_view may carry a null pointer, and to EVP_MAC_init a null key means "keep the
// previous key" (which, with a reused context, is another caller's). Empty inputs therefore
// always get a real address.
const char* non_null(std::string_view text) { return text.data() != nullptr ? text.data() : ""; }

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(non_null(text));
}

std::string encode(std::string_view bytes, int variant) {
  if (bytes.empty()) return {};
  // The encoded length includes the terminating NUL libsodium always writes.
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes_of(bytes), bytes.size(), variant);
  out.resize(out.size() - 1);
  return out;
}

// libsodium's decoder is constant time (keys and webhook secrets pass through here) and strict:
// the padded variant demands exact padding, the unpadded one rejects '=', both reject non-zero
// trailing bits. Picking the variant from the last character accepts both forms of one alphabet.
std::optional<std::string> decode(std::string_view text, int padded_variant, int unpadded_variant) {
  if (text.empty()) return std::string();
  const int variant = text.back() == '=' ? padded_variant : unpadded_variant;
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr, variant) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

struct MacContextDeleter {
  void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};
using MacContext = std::unique_ptr<EVP_MAC_CTX, MacContextDeleter>;

MacContext new_hmac_sha256_context() {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac == nullptr) return nullptr;
  MacContext context(EVP_MAC_CTX_new(mac));
  EVP_MAC_free(mac);  // the context keeps its own reference
  if (!context) return nullptr;
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_end(),
  };
  if (EVP_MAC_CTX_set_params(context.get(), params) != 1) return nullptr;
  return context;
}

// Every request verifies a token, and OpenSSL 3 looks algorithms up under global locks. One
// context per thread, re-keyed on each call, pays for that lookup once per thread.
bool compute_hmac(std::string_view key, std::string_view message,
                  std::array<unsigned char, kMacBytes>& out) {
  thread_local MacContext context;
  if (!context) context = new_hmac_sha256_context();
  if (!context) return false;
  std::size_t length = 0;
  return EVP_MAC_init(context.get(), bytes_of(key), key.size(), nullptr) == 1 &&
         EVP_MAC_update(context.get(), bytes_of(message), message.size()) == 1 &&
         EVP_MAC_final(context.get(), out.data(), &length, out.size()) == 1 && length == kMacBytes;
}

bool is_base64url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_json_int(std::string& out, std::int64_t value) {
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  out.append(buffer.data(), result.ptr);
}

// A token's JSON is a few hundred bytes, yet RapidJSON's default allocator grabs a 64 KiB chunk
// on first use. Backing the document with stack buffers keeps the per-request path free of
// that; oversized input still works, it just falls back to the heap.
class SmallJson {
  using Allocator = rapidjson::MemoryPoolAllocator<>;
  using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, Allocator, Allocator>;

 public:
  using Value = Document::ValueType;

  SmallJson() = default;
  SmallJson(const SmallJson&) = delete;
  SmallJson& operator=(const SmallJson&) = delete;

  // True when text is exactly one JSON object.
  bool parse_object(std::string_view text) {
    // The parser treats NUL as end of input, which would let bytes after it go unseen; valid
    // JSON never contains a raw NUL anyway.
    if (text.empty() || std::memchr(text.data(), '\0', text.size()) != nullptr) return false;
    // Iterative parsing: nesting depth from untrusted input must not become recursion depth.
    document_.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
    return !document_.HasParseError() && document_.IsObject();
  }

  const Value& root() const { return document_; }

 private:
  static constexpr std::size_t kValueBufferBytes = 2048;
  static constexpr std::size_t kStackBufferBytes = 1024;

  alignas(std::max_align_t) char value_buffer_[kValueBufferBytes];
  alignas(std::max_align_t) char stack_buffer_[kStackBufferBytes];
  Allocator value_allocator_{value_buffer_, sizeof value_buffer_};
  Allocator stack_allocator_{stack_buffer_, sizeof stack_buffer_};
  Document document_{&value_allocator_, kStackBufferBytes / 2, &stack_allocator_};
};

std::string_view string_of(const SmallJson::Value& value) {
  return {value.GetString(), value.GetStringLength()};
}

const SmallJson::Value* find_member(const SmallJson::Value& object, std::string_view name) {
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    if (string_of(it->name) == name) return &it->value;
  }
  return nullptr;
}

bool header_is_hs256(std::string_view encoded) {
  if (encoded == kTokenHeader) return true;
  const auto json = decode(encoded, sodium_base64_VARIANT_URLSAFE_NO_PADDING,
                           sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  if (!json) return false;
  SmallJson header;
  if (!header.parse_object(*json)) return false;
  int alg_count = 0;
  for (auto it = header.root().MemberBegin(); it != header.root().MemberEnd(); ++it) {
    const std::string_view name = string_of(it->name);
    if (name == "alg") {
      // Duplicate names are legal JSON but other parsers may pick the last one; a header that
      // reads differently depending on the parser is not one to trust.
      if (++alg_count > 1 || !it->value.IsString() || string_of(it->value) != "HS256") {
        return false;
      }
    } else if (name == "crit") {
      // RFC 7515 §4.1.11: extensions listed as critical must be understood, and none are.
      return false;
    }
  }
  return alg_count == 1;
}

bool signature_matches(std::string_view encoded, std::string_view key,
                       std::string_view signed_part) {
  std::array<unsigned char, kMacBytes> given{};
  std::size_t length = 0;
  if (encoded.size() != kMacBase64Chars ||
      sodium_base642bin(given.data(), given.size(), encoded.data(), encoded.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      length != kMacBytes) {
    return false;
  }
  std::array<unsigned char, kMacBytes> expected{};
  if (!compute_hmac(key, signed_part, expected)) return false;
  return sodium_memcmp(given.data(), expected.data(), kMacBytes) == 0;
}

std::optional<TokenClaims> parse_claims(std::string_view encoded) {
  const auto json = decode(encoded, sodium_base64_VARIANT_URLSAFE_NO_PADDING,
                           sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  if (!json) return std::nullopt;
  SmallJson payload;
  if (!payload.parse_object(*json)) return std::nullopt;
  const auto& root = payload.root();
  const auto* sub = find_member(root, "sub");
  const auto* cid = find_member(root, "cid");
  const auto* iat = find_member(root, "iat");
  const auto* exp = find_member(root, "exp");
  const auto* jti = find_member(root, "jti");
  if (sub == nullptr || !sub->IsString() || cid == nullptr || !cid->IsInt64() || iat == nullptr ||
      !iat->IsInt64() || exp == nullptr || !exp->IsInt64() || jti == nullptr || !jti->IsString()) {
    return std::nullopt;
  }
  TokenClaims claims;
  claims.company_id = cid->GetInt64();
  claims.client_id = std::string(string_of(*sub));
  claims.issued_at = iat->GetInt64();
  claims.expires_at = exp->GetInt64();
  claims.token_id = std::string(string_of(*jti));
  return claims;
}

// Parses "$argon2id$v=19$m=<kib>,t=<ops>,p=<lanes>$..." far enough to bound its cost.
bool argon2id_cost_is_sane(std::string_view stored) {
  constexpr std::string_view kPrefix = "$argon2id$v=19$m=";
  if (!stored.starts_with(kPrefix)) return false;
  const char* pos = stored.data() + kPrefix.size();
  const char* const end = stored.data() + stored.size();
  auto read_number = [&](std::string_view expected_suffix, unsigned long long& value) {
    const auto result = std::from_chars(pos, end, value);
    if (result.ec != std::errc() || result.ptr == pos) return false;
    pos = result.ptr;
    if (static_cast<std::size_t>(end - pos) < expected_suffix.size() ||
        std::string_view(pos, expected_suffix.size()) != expected_suffix) {
      return false;
    }
    pos += expected_suffix.size();
    return true;
  };
  unsigned long long memory_kib = 0;
  unsigned long long ops = 0;
  unsigned long long lanes = 0;
  return read_number(",t=", memory_kib) && read_number(",p=", ops) && read_number("$", lanes) &&
         memory_kib <= kMaxArgonMemoryKib && ops <= kMaxArgonOps && lanes == 1;
}

}  // namespace

void crypto_init() {
  // sodium_init is itself idempotent and thread-safe; failing means there is no usable CSPRNG.
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

std::string base64_encode(std::string_view bytes) {
  return encode(bytes, sodium_base64_VARIANT_ORIGINAL);
}

std::string base64url_encode(std::string_view bytes) {
  return encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<std::string> base64_decode(std::string_view text) {
  return decode(text, sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
}

std::optional<std::string> base64url_decode(std::string_view text) {
  return decode(text, sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  std::array<unsigned char, kMacBytes> mac{};
  if (!compute_hmac(key, message, mac)) throw std::runtime_error("HMAC-SHA256 failed");
  return {reinterpret_cast<const char*>(mac.data()), mac.size()};
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (n > 0) randombytes_buf(out.data(), n);
  return out;
}

std::string random_token(std::size_t bytes) { return base64url_encode(random_bytes(bytes)); }

std::string new_guid() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::array<unsigned char, 16> raw{};
  randombytes_buf(raw.data(), raw.size());
  raw[6] = static_cast<unsigned char>((raw[6] & 0x0f) | 0x40);  // version 4
  raw[8] = static_cast<unsigned char>((raw[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[raw[i] >> 4];
    out += kHex[raw[i] & 0x0f];
  }
  return out;
}

std::string hash_secret(std::string_view secret) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), non_null(secret), secret.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("Argon2id hashing failed");
  }
  return std::string(out.data());
}

bool verify_secret(std::string_view stored_hash, std::string_view secret) {
  // libsodium wants a NUL-terminated string that fits its buffer; an embedded NUL would make it
  // check a prefix of what is stored.
  if (stored_hash.size() >= crypto_pwhash_STRBYTES ||
      stored_hash.find('\0') != std::string_view::npos || !argon2id_cost_is_sane(stored_hash)) {
    return false;
  }
  std::array<char, crypto_pwhash_STRBYTES> terminated{};
  std::memcpy(terminated.data(), stored_hash.data(), stored_hash.size());
  return crypto_pwhash_str_verify(terminated.data(), non_null(secret), secret.size()) == 0;
}

std::string sign_token(const TokenClaims& claims, std::string_view key) {
  std::string payload;
  payload.reserve(96 + claims.client_id.size() + claims.token_id.size());
  payload += R"({"sub":)";
  append_json_string(payload, claims.client_id);
  payload += R"(,"cid":)";
  append_json_int(payload, claims.company_id);
  payload += R"(,"iat":)";
  append_json_int(payload, claims.issued_at);
  payload += R"(,"exp":)";
  append_json_int(payload, claims.expires_at);
  payload += R"(,"jti":)";
  append_json_string(payload, claims.token_id);
  payload += '}';

  std::string token(kTokenHeader);
  token += '.';
  token += base64url_encode(payload);
  const std::string mac = hmac_sha256(key, token);
  token += '.';
  token += base64url_encode(mac);
  return token;
}

TokenCheck verify_token(std::string_view token, std::string_view key, std::int64_t now) {
  TokenCheck check;
  check.error = TokenError::kMalformed;
  // Running out of memory mid-check must still end in a rejection, not an exception escaping
  // into the request handler.
  try {
    if (token.size() > kMaxTokenLength) return check;
    const std::size_t first_dot = token.find('.');
    if (first_dot == std::string_view::npos) return check;
    const std::size_t second_dot = token.find('.', first_dot + 1);
    if (second_dot == std::string_view::npos) return check;
    const std::string_view header = token.substr(0, first_dot);
    const std::string_view payload = token.substr(first_dot + 1, second_dot - first_dot - 1);
    const std::string_view signature = token.substr(second_dot + 1);
    if (header.empty() || payload.empty() || signature.empty()) return check;
    // One pass over the alphabet also rejects a third dot and JWS padding.
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (i != first_dot && i != second_dot && !is_base64url_char(token[i])) return check;
    }

    if (!header_is_hs256(header)) return check;
    if (!signature_matches(signature, key, token.substr(0, second_dot))) {
      check.error = TokenError::kBadSignature;
      return check;
    }
    auto claims = parse_claims(payload);
    if (!claims) return check;
    if (claims->expires_at <= now) {
      check.error = TokenError::kExpired;
      return check;
    }
    check.claims = std::move(claims);
  } catch (...) {
    check.claims.reset();
    check.error = TokenError::kMalformed;
  }
  return check;
}

}  // namespace ov::auth
