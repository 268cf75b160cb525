// PostgreSQL backend: a bounded pool of connections, each driven by its own storage thread, so
// database round trips never run on the I/O threads.
#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace ov::storage {

// `url` is a libpq connection URI (postgresql://user:pass@host:port/dbname?...).
std::unique_ptr<Database> open_postgres(const std::string& url, const DatabaseOptions& options);

// A database URL as openvenio reads it: the libpq URI without openvenio's own parameter,
// `prepared_statements=on|off` (default on). Off sends every statement unnamed, as a connection
// pooler in transaction mode (PgBouncer before 1.21) requires: a named statement lives on one
// server connection, and the next transaction may run on another. Throws std::runtime_error
// for a value other than on/off.
struct PgUrl {
  std::string libpq;
  bool prepared_statements = true;
};
PgUrl parse_pg_url(std::string_view url);

// `?` placeholders → `$1..$n`, leaving quoted text alone. Exposed for tests.
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace ov::storage
