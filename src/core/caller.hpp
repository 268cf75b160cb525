// Who is asking: the company every query is confined to, the user written to audit fields,
// and the zone dates are shown in.
#pragma once

#include <cstdint>
#include <string>

#include "core/time.hpp"

namespace ov::core {

struct Caller {
  std::int64_t company_id = 0;
  std::string user_id;
  const TimeZone* zone = nullptr;
};

}  // namespace ov::core
