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

std::string one_problem_body(std::string_view message) {
  return R"({"status":{"code":"4001","description":)" + quote(message) + R"(},"data":null})";
}

std::string problems_body(const std::vector<std::pair<std::string, std::string>>& problems) {
  std::string list;
  for (const auto& [field, message] : problems) {
    if (!list.empty()) list += ",";
    list += R"({"field":)" + quote(field) + R"(,"message":)" + quote(message) + "}";
  }
  return R"({"status":{"code":"4002","description":"Validation failed"},"data":{"errors":[)" +
         list + "]}}";
}

}  // namespace ov::test
