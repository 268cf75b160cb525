#include "storage/database.hpp"

#include <stdexcept>
#include <string>

#include "storage/postgres/pg_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace ov::storage {

std::string redacted_url(std::string_view url) {
  std::string out(url);
  const auto scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  // user:password@ before the host.
  const auto authority = scheme + 3;
  const auto host_end = out.find_first_of("/?", authority);
  const auto at = out.rfind('@', host_end == std::string::npos ? out.size() : host_end);
  if (at != std::string::npos && at >= authority) {
    const auto colon = out.find(':', authority);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  // password=... among the query parameters.
  const auto query = out.find('?');
  for (auto pos = query; pos != std::string::npos && pos < out.size();) {
    const auto start = pos + 1;
    const auto end = out.find('&', start);
    const auto param =
        out.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (param.starts_with("password=")) {
      const auto value = start + 9;
      out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
    }
    pos = out.find('&', start);
  }
  return out;
}

std::unique_ptr<Database> open_database(std::string_view url, const DatabaseOptions& options) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    std::string path(url.substr(kSqlite.size()));
    if (path.empty()) throw std::runtime_error("sqlite: URL needs a file path");
    return open_sqlite(path, options);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return open_postgres(std::string(url), options);
  }
  throw std::runtime_error(
      "unsupported database URL (expected sqlite:<path> or postgresql://...): " +
      redacted_url(url));
}

}  // namespace ov::storage
