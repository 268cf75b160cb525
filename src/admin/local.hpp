// The administration plane without its listener: `openvenio admin METHOD PATH [BODY]` runs the
// route of the plane that the same request over HTTP would reach, with the same handler, in
// this process and directly on the database. For operators who do not enable the HTTP plane.
#pragma once

#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "http/message.hpp"
#include "storage/database.hpp"

namespace ov::admin {

// `path` is a plane path (/admin/v1/companies) or the same without its /admin/v1 prefix. The
// reply is what HTTP would answer: JSON, or an RFC 9457 problem.
http::Response run_local(storage::Database& db, const core::Clock& clock, std::string_view method,
                         std::string_view path, std::string body);

}  // namespace ov::admin
