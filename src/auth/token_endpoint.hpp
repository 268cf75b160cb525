// POST /authorization/connect/token: OAuth 2.0 client credentials (ENDPOINTS.md §4.1, §2.7).
#pragma once

#include <boost/asio/thread_pool.hpp>

#include "api/routes.hpp"
#include "auth/auth_service.hpp"

namespace ov::auth {

// `blocking` runs the Argon2id check so the I/O threads never wait on it.
void register_token_routes(api::Routes& routes, AuthService& auth,
                           boost::asio::thread_pool& blocking);

}  // namespace ov::auth
