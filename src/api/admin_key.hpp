// What the pipeline asks of the administration plane's key (`serve --admin-key`,
// OPENVENIO_ADMIN_KEY), so that the API layer depends on no implementation (auth::AdminKey
// provides it). Requests to /admin/v1 carry the key as `Authorization: Bearer <key>`; without
// a key the plane is off and every /admin path answers the same 404 as an unknown path.
#pragma once

#include <string_view>

namespace ov::api {

class AdminKey {
 public:
  virtual ~AdminKey() = default;
  virtual bool enabled() const = 0;
  // Whether `presented` is the key, compared so that timing reveals neither its bytes nor its
  // length.
  virtual bool matches(std::string_view presented) const = 0;
};

}  // namespace ov::api
