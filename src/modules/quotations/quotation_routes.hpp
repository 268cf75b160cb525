// Routes of the Quotation section (ENDPOINTS.md §4.10).
#pragma once

#include "api/routes.hpp"
#include "modules/quotations/quotation_service.hpp"

namespace ov::quotations {

void register_routes(api::Routes& routes, QuotationService& service);

}  // namespace ov::quotations
