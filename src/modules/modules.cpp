#include "modules/modules.hpp"

#include "modules/activities/activity_routes.hpp"
#include "modules/cases/case_repository.hpp"
#include "modules/cases/case_routes.hpp"
#include "modules/customer_events/customer_event_repository.hpp"
#include "modules/customer_events/customer_event_routes.hpp"
#include "modules/customer_files/customer_file_repository.hpp"
#include "modules/customer_files/customer_file_routes.hpp"
#include "modules/customers/customer_routes.hpp"
#include "modules/deals/deal_routes.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/employees/employee_routes.hpp"
#include "modules/expenses/expense_routes.hpp"
#include "modules/master_data.hpp"
#include "modules/products/product_routes.hpp"
#include "modules/quotations/quotation_routes.hpp"
#include "modules/sales_orders/sales_order_routes.hpp"
#include "modules/tasks/task_routes.hpp"
#include "storage/master_lists.hpp"

namespace ov::modules {

struct Sections::Impl {
  Impl(storage::Database& database, const core::Clock& clock, const SectionOptions& options)
      : db(database),
        cases(database, clock),
        customers(database, clock, options.keyword_read_limit),
        customer_events(database, clock),
        customer_files(database, clock, options.attachment_quota_bytes),
        activities(database, clock, options.keyword_read_limit),
        employees(database),
        tasks(database, clock),
        sales_orders(database, clock),
        quotations(database, clock),
        deals(database, clock, options.keyword_read_limit, &sales_orders),
        expenses(database, clock, options.keyword_read_limit),
        products(database, clock) {}
  storage::Database& db;
  cases::CaseService cases;
  customers::CustomerService customers;
  customer_events::CustomerEventService customer_events;
  customer_files::CustomerFileService customer_files;
  activities::ActivityService activities;
  employees::EmployeeService employees;
  tasks::TaskService tasks;
  // Before deals: a lost deal cancels its orders through it (deals::DealOrders).
  sales_orders::SalesOrderService sales_orders;
  quotations::QuotationService quotations;
  deals::DealService deals;
  expenses::ExpenseService expenses;
  products::ProductService products;
};

Sections::Sections(storage::Database& db, const core::Clock& clock, const SectionOptions& options)
    : impl_(std::make_unique<Impl>(db, clock, options)) {}
Sections::~Sections() = default;

void Sections::register_routes(api::Routes& routes) {
  for (const auto& entry : master_lists()) add_master_route(routes, impl_->db, entry);
  cases::register_routes(routes, impl_->cases);
  customers::register_routes(routes, impl_->customers);
  customer_events::register_routes(routes, impl_->customer_events);
  customer_files::register_routes(routes, impl_->customer_files);
  activities::register_routes(routes, impl_->activities);
  employees::register_routes(routes, impl_->employees);
  tasks::register_routes(routes, impl_->tasks);
  deals::register_routes(routes, impl_->deals);
  expenses::register_routes(routes, impl_->expenses);
  products::register_routes(routes, impl_->products, impl_->db);
  quotations::register_routes(routes, impl_->quotations);
  sales_orders::register_routes(routes, impl_->sales_orders);
}

void seed_master_data(storage::Session& s, std::int64_t company_id) {
  for (const auto& entry : master_lists()) {
    storage::seed_master(s, *entry.list, company_id);
    if (entry.seed) entry.seed(s, company_id);
  }
}

auth::ProvisionedCompany create_company(storage::Session& s, auth::NewCompany spec, bool demo,
                                        core::UnixSeconds now) {
  if (demo) spec.service_user_id = demo::kApiUserId;
  auto p = auth::provision_company(s, spec, now);
  seed_master_data(s, p.company_id);
  if (demo) demo::seed_demo_data(s, p.company_id, now);
  return p;
}

}  // namespace ov::modules
