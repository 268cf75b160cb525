// The four response envelope families of the Venio API (ENDPOINTS.md §2) and the one place
// where error kinds become HTTP statuses and business codes.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"

namespace ov::api {

enum class Family {
  kS,   // {"status":{…},"data":<payload>}
  kSN,  // {"status":{…},"data":{"data":<payload>,"statusCode":1000,"httpStatusCode":200}}
  kV,   // {"data":{"value":<payload>}}
  kN,   // {"data":<payload>,"statusCode":1000,"httpStatusCode":200}
};

// A RapidJSON output stream that appends to a std::string, so a response body is written
// once, straight into the string the HTTP layer sends.
class StringSink {
 public:
  using Ch = char;
  explicit StringSink(std::string& out) : out_(out) {}
  void Put(char c) { out_.push_back(c); }
  void Flush() {}

 private:
  std::string& out_;
};

using JsonWriter = rapidjson::Writer<StringSink>;
using PayloadWriter = std::function<void(JsonWriter&)>;

// 200 / 1000 with the payload written by `payload` into the family's slot.
std::string success_body(Family family, const PayloadWriter& payload);
// The same around a payload already written as JSON text.
std::string frame_success(Family family, std::string_view payload);

struct ErrorResponse {
  int http_status;
  std::string body;
};

// Maps an error to its HTTP status, business code and body in the family's shape.
ErrorResponse error_response(Family family, const core::ApiError& error);
// The 500 / 5000 body.
ErrorResponse internal_error_response(Family family);

// Gateway bodies, the same for every family (ENDPOINTS.md §2.6), belong to the HTTP layer.
using http::gateway_body;

inline void write_string(JsonWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
inline void write_key(JsonWriter& w, std::string_view s) {
  w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
// A value or null: every listed property is always present (ENDPOINTS.md §1.4).
inline void write_opt_string(JsonWriter& w, const std::optional<std::string>& v) {
  if (v) {
    write_string(w, *v);
  } else {
    w.Null();
  }
}
// A list of field problems, `[{"field": …, <message_key>: …}, …]`: the Venio `errors` list
// (ENDPOINTS.md §2.5) names the text `message`, an RFC 9457 problem of the administration
// plane names it `detail`.
inline void write_field_problems(JsonWriter& w, const std::vector<core::FieldProblem>& problems,
                                 std::string_view message_key) {
  w.StartArray();
  for (const auto& p : problems) {
    w.StartObject();
    write_key(w, "field");
    write_string(w, p.field);
    write_key(w, message_key);
    write_string(w, p.message);
    w.EndObject();
  }
  w.EndArray();
}
inline void write_opt_int(JsonWriter& w, const std::optional<std::int64_t>& v) {
  if (v) {
    w.Int64(*v);
  } else {
    w.Null();
  }
}

}  // namespace ov::api
