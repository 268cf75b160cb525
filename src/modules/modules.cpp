#include "modules/modules.hpp"

#include "modules/cases/case_repository.hpp"
#include "modules/cases/case_routes.hpp"
#include "modules/customer_events/customer_event_repository.hpp"
#include "modules/customer_events/customer_event_routes.hpp"
#include "modules/customer_files/customer_file_repository.hpp"
#include "modules/customer_files/customer_file_routes.hpp"
#include "modules/customers/customer_routes.hpp"

namespace ov::modules {

struct Sections::Impl {
  Impl(storage::Database& db, const core::Clock& clock)
      : cases(db, clock),
        customers(db, clock),
        customer_events(db, clock),
        customer_files(db, clock) {}
  cases::CaseService cases;
  customers::CustomerService customers;
  customer_events::CustomerEventService customer_events;
  customer_files::CustomerFileService customer_files;
};

Sections::Sections(storage::Database& db, const core::Clock& clock)
    : impl_(std::make_unique<Impl>(db, clock)) {}
Sections::~Sections() = default;

void Sections::register_routes(api::Routes& routes) {
  cases::register_routes(routes, impl_->cases);
  customers::register_routes(routes, impl_->customers);
  customer_events::register_routes(routes, impl_->customer_events);
  customer_files::register_routes(routes, impl_->customer_files);
}

void seed_master_data(storage::Session& s, std::int64_t company_id) {
  cases::seed_case_master_data(s, company_id);
  customer_events::seed_event_types(s, company_id);
  customer_files::seed_file_categories(s, company_id);
}

}  // namespace ov::modules
