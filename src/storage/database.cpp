#include "storage/database.hpp"

#include <stdexcept>
#include <string>

#include "storage/postgres/pg_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace ov::storage {

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
      "unsupported database URL (expected sqlite:<path> or postgresql://...): " + std::string(url));
}

}  // namespace ov::storage
