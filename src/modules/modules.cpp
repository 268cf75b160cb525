#include "modules/modules.hpp"

#include "modules/cases/case_repository.hpp"
#include "modules/cases/case_routes.hpp"

namespace ov::modules {

struct Sections::Impl {
  Impl(storage::Database& db, const core::Clock& clock) : cases(db, clock) {}
  cases::CaseService cases;
};

Sections::Sections(storage::Database& db, const core::Clock& clock)
    : impl_(std::make_unique<Impl>(db, clock)) {}
Sections::~Sections() = default;

void Sections::register_routes(http::Router& router) {
  cases::register_routes(router, impl_->cases);
}

void seed_master_data(storage::Session& s, std::int64_t company_id) {
  cases::seed_case_master_data(s, company_id);
}

}  // namespace ov::modules
