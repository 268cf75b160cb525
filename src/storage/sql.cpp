#include "storage/sql.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ov::storage {

std::string encode_string_list(const std::vector<std::string>& list) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& s : list) w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
}

std::vector<std::string> decode_string_list(std::string_view json) {
  std::vector<std::string> out;
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (!d.IsArray()) return out;
  for (const auto& v : d.GetArray()) {
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

std::string encode_id_list(const std::vector<std::int64_t>& list) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (auto id : list) w.Int64(id);
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
}

std::vector<std::int64_t> decode_id_list(std::string_view json) {
  std::vector<std::int64_t> out;
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (!d.IsArray()) return out;
  for (const auto& v : d.GetArray()) {
    if (v.IsInt64()) out.push_back(v.GetInt64());
  }
  return out;
}

std::optional<std::int64_t> find_for_write(Session& s, const NumberedTable& t,
                                           std::int64_t company_id,
                                           const std::optional<std::int64_t>& id,
                                           std::string_view number) {
  std::string sql = "SELECT ";
  sql.append(t.id_column).append(" FROM ").append(t.table).append(" WHERE company_id = ? AND ");
  if (id) {
    sql.append(t.id_column).append(" = ?");
  } else {
    sql.append("lower(").append(t.number_column).append(") = lower(?)");
  }
  if (s.concurrent_writers()) sql += " FOR UPDATE";
  return id ? s.query_i64(sql, {company_id, *id}) : s.query_i64(sql, {company_id, number});
}

}  // namespace ov::storage
