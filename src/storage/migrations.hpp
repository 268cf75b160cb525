// Numbered schema files, embedded in the binary at build time from migrations/<backend>/.
#pragma once

#include <span>
#include <string_view>

namespace ov::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Ordered by version.
std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

}  // namespace ov::storage
