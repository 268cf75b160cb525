// Customer files of the Customer section (ENDPOINTS.md §4.3.11, §4.3.12) and the download of
// a stored file from its attachment's `url`, in envelope family S.
#pragma once

#include "api/routes.hpp"
#include "modules/customer_files/customer_file_service.hpp"

namespace ov::customer_files {

void register_routes(api::Routes& routes, CustomerFileService& service);

}  // namespace ov::customer_files
