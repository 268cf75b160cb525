// PostgreSQL backend: a bounded pool of connections, each driven by its own storage thread, so
// database round trips never run on the I/O threads.
#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace ov::storage {

// `url` is a libpq connection URI (postgresql://user:pass@host:port/dbname?...).
std::unique_ptr<Database> open_postgres(const std::string& url, const DatabaseOptions& options);

// `?` placeholders → `$1..$n`, leaving quoted text alone. Exposed for tests.
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace ov::storage
