// Every API section, wired in one place: services, routes and per-company master data.
#pragma once

#include <chrono>
#include <memory>

#include "api/routes.hpp"
#include "auth/provisioning.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"

namespace ov::modules {

// What an operator may set for the sections (`openvenio serve` flags).
struct SectionOptions {
  // Bytes of stored customer files one company may keep (customer_files).
  std::int64_t attachment_quota_bytes = std::int64_t{1} << 30;
  // How long one keyword search may read (customers::CustomerService,
  // activities::ActivityService, deals::DealService, expenses::ExpenseService).
  std::chrono::milliseconds keyword_read_limit{2000};
};

// Owns the sections' services for the lifetime of a server.
class Sections {
 public:
  Sections(storage::Database& db, const core::Clock& clock, const SectionOptions& options = {});
  ~Sections();
  void register_routes(api::Routes& routes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The default master data every new company gets.
void seed_master_data(storage::Session& s, std::int64_t company_id);

// A new company ready to use, in the caller's transaction: its credentials (auth), its master
// data and, with `demo`, every record the Venio doc examples refer to (its API client then acts
// as the documented user). `openvenio init` and the tests create companies this one way.
auth::ProvisionedCompany create_company(storage::Session& s, auth::NewCompany spec, bool demo,
                                        core::UnixSeconds now);

}  // namespace ov::modules
