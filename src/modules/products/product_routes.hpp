// The Product section's routes (ENDPOINTS.md §4.8): the /v2 and /v3 endpoints in envelope family
// S, the /v1/products endpoints in family N.
#pragma once

#include "api/routes.hpp"
#include "modules/products/product_service.hpp"

namespace ov::products {

void register_routes(api::Routes& routes, ProductService& service, storage::Database& db);

}  // namespace ov::products
