#include "support/json_text.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ov::test {

std::string to_json(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

std::string quote(std::string_view s) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return std::string(buf.GetString(), buf.GetSize());
}

std::vector<std::string> keys_of(const rapidjson::Value& obj) {
  std::vector<std::string> out;
  for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
    out.emplace_back(it->name.GetString());
  }
  return out;
}

namespace {

// The family's frame around an error's status and payload, as the server writes it.
std::string framed(api::Family family, const std::string& code, std::string_view description,
                   const std::string& payload, int http_status) {
  const std::string status =
      R"({"status":{"code":")" + code + R"(","description":)" + quote(description) + "}";
  const std::string codes =
      R"("statusCode":)" + code + R"(,"httpStatusCode":)" + std::to_string(http_status);
  switch (family) {
    case api::Family::kS:
      return status + R"(,"data":)" + payload + "}";
    case api::Family::kSN:
      return status + R"(,"data":{"data":)" + payload + "," + codes + "}}";
    case api::Family::kV:
      return status + R"(,"data":{"value":)" + payload + "}}";
    case api::Family::kN:
      return status + R"(,"data":)" + payload + "," + codes + "}";
  }
  return {};
}

}  // namespace

std::string one_problem_body(api::Family family, std::string_view message, int http_status) {
  return framed(family, "4001", message, "null", http_status);
}

std::string problems_body(api::Family family, const Problems& problems) {
  std::string list;
  for (const auto& [field, message] : problems) {
    if (!list.empty()) list += ",";
    list += R"({"field":)" + quote(field) + R"(,"message":)" + quote(message) + "}";
  }
  return framed(family, "4002", "Validation failed", R"({"errors":[)" + list + "]}", 400);
}

std::string one_problem_body(std::string_view message) {
  return one_problem_body(api::Family::kS, message);
}

std::string problems_body(const Problems& problems) {
  return problems_body(api::Family::kS, problems);
}

}  // namespace ov::test
