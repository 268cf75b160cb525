// SQLite backend: WAL, synchronous=FULL, one group-committing writer thread, and read
// connections owned by the threads that use them.
#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace ov::storage {

std::unique_ptr<Database> open_sqlite(const std::string& path, const DatabaseOptions& options);

}  // namespace ov::storage
