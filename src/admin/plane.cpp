#include "admin/plane.hpp"

namespace ov::admin {

// The plane's operations are added by the commits that follow.
void register_routes(AdminRoutes&, storage::Database&, const core::Clock&) {}

}  // namespace ov::admin
