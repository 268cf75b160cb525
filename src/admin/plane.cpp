#include "admin/plane.hpp"

#include "admin/expense_plane.hpp"
#include "admin/operations.hpp"
#include "api/bounds.hpp"
#include "core/error.hpp"
#include "modules/employees/employee_service.hpp"

namespace ov::admin {

namespace asio = boost::asio;
using http::bhttp::verb;

namespace {

// API client ids are "ovc_" and 16 base64url characters; anything much longer is no id.
constexpr std::size_t kClientIdChars = 64;

const std::string& client_id_param(const AdminRequest& req, std::size_t index) {
  const auto& id = req.param(index);
  if (id.size() > kClientIdChars) {
    std::string message = "client ";
    message.append(id.substr(0, kClientIdChars)).append("… was not found");
    throw core::not_found(message);
  }
  return id;
}

void register_companies(AdminRoutes& routes, storage::Database& db, const core::Clock& clock) {
  routes.add(verb::post, "/admin/v1/companies",
             [&db, &clock](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto spec = read_company(req.body());
               auto p = co_await db.write(
                   [&](storage::Session& s) { return create_company(s, spec, clock.now()); });
               co_return json(201, [&](api::JsonWriter& w) { write_provisioned(w, p, spec); });
             });
  routes.add(verb::get, "/admin/v1/companies", [&db](AdminRequest&) -> asio::awaitable<AdminReply> {
    auto list = co_await db.read([](storage::Session& s) { return list_companies(s); });
    co_return json(200, [&](api::JsonWriter& w) { write_companies(w, list); });
  });
  routes.add(verb::get, "/admin/v1/companies/{companyId:int64}",
             [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               auto c =
                   co_await db.read([&](storage::Session& s) { return find_company(s, company); });
               co_return json(200, [&](api::JsonWriter& w) { write_company(w, c); });
             });
  routes.add(verb::put, "/admin/v1/companies/{companyId:int64}",
             [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               const auto changes = read_company_changes(req.body());
               auto c = co_await db.write(
                   [&](storage::Session& s) { return update_company(s, company, changes); });
               co_return json(200, [&](api::JsonWriter& w) { write_company(w, c); });
             });
}

void register_credentials(AdminRoutes& routes, storage::Database& db, const core::Clock& clock) {
  routes.add(verb::get, "/admin/v1/companies/{companyId:int64}/clients",
             [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               const core::TimeZone* zone = nullptr;
               auto list = co_await db.read([&](storage::Session& s) {
                 require_company(s, company);
                 zone = &company_zone(s, company);
                 return list_clients(s, company);
               });
               co_return json(200, [&](api::JsonWriter& w) { write_clients(w, list, *zone); });
             });
  routes.add(verb::post, "/admin/v1/companies/{companyId:int64}/clients",
             [&db, &clock](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               const auto name = read_client_name(req.body());
               auto c = co_await db.write([&](storage::Session& s) {
                 require_company(s, company);
                 return auth::add_api_client(s, company, name, clock.now());
               });
               co_return json(201, [&](api::JsonWriter& w) { write_new_client(w, company, c); });
             });
  routes.add(verb::delete_, "/admin/v1/companies/{companyId:int64}/clients/{clientId}",
             [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               const auto client = client_id_param(req, 1);
               co_await db.write([&](storage::Session& s) {
                 require_company(s, company);
                 revoke_client(s, company, client);
               });
               co_return no_content();
             });
  routes.add(verb::post, "/admin/v1/companies/{companyId:int64}/subscription-keys/rotate",
             [&db, &clock](AdminRequest& req) -> asio::awaitable<AdminReply> {
               const auto company = req.int_param(0);
               auto k = co_await db.write([&](storage::Session& s) {
                 require_company(s, company);
                 return auth::rotate_subscription_key(s, company, clock.now());
               });
               co_return json(201, [&](api::JsonWriter& w) { write_rotated_key(w, company, k); });
             });
}

void register_employees(AdminRoutes& routes, storage::Database& db, const core::Clock& clock) {
  const std::string base = "/admin/v1/companies/{companyId:int64}/employees";
  routes.add(verb::get, base, [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const core::TimeZone* zone = nullptr;
    auto list = co_await db.read([&](storage::Session& s) {
      require_company(s, company);
      zone = &company_zone(s, company);
      return list_employees(s, company);
    });
    co_return json(200, [&](api::JsonWriter& w) { write_employees(w, list, *zone); });
  });
  routes.add(verb::post, base, [&db, &clock](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto in = read_employee(req.body(), true);
    const core::TimeZone* zone = nullptr;
    auto e = co_await db.write([&](storage::Session& s) {
      require_company(s, company);
      zone = &company_zone(s, company);
      return employees::add_employee(s, company, in, clock.now());
    });
    co_return json(201, [&](api::JsonWriter& w) { write_employee(w, e, *zone); });
  });
  const std::string one = base + "/{userId}";
  routes.add(verb::get, one, [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto key = req.param(1);
    const core::TimeZone* zone = nullptr;
    auto e = co_await db.read([&](storage::Session& s) {
      require_company(s, company);
      zone = &company_zone(s, company);
      return get_employee(s, company, key);
    });
    co_return json(200, [&](api::JsonWriter& w) { write_employee(w, e, *zone); });
  });
  routes.add(verb::put, one, [&db, &clock](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto key = req.param(1);
    const auto in = read_employee(req.body(), false);
    const core::TimeZone* zone = nullptr;
    auto e = co_await db.write([&](storage::Session& s) {
      require_company(s, company);
      zone = &company_zone(s, company);
      return employees::update_employee(s, company, key, in, clock.now());
    });
    co_return json(200, [&](api::JsonWriter& w) { write_employee(w, e, *zone); });
  });
  routes.add(verb::delete_, one, [&db, &clock](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto key = req.param(1);
    const core::TimeZone* zone = nullptr;
    auto e = co_await db.write([&](storage::Session& s) {
      require_company(s, company);
      zone = &company_zone(s, company);
      return employees::deactivate_employee(s, company, key, clock.now());
    });
    co_return json(200, [&](api::JsonWriter& w) { write_employee(w, e, *zone); });
  });
}

// One pair of routes serves every kind of reference data: the kind is a path parameter
// looked up in the master-data registry (modules/master_data.cpp), so a section that adds a
// list with an admin_kind is administered without a route of its own.
void register_reference_data(AdminRoutes& routes, storage::Database& db, const core::Clock& clock) {
  const std::string base = "/admin/v1/companies/{companyId:int64}/{kind}";
  routes.add(verb::get, base, [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto& list = find_kind(req.param(1));
    auto rows = co_await db.read([&](storage::Session& s) {
      require_company(s, company);
      return storage::all_master(s, list, company);
    });
    co_return json(200, [&](api::JsonWriter& w) { write_master_rows(w, list, rows); });
  });
  routes.add(verb::post, base, [&db, &clock](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto& list = find_kind(req.param(1));
    const auto in = read_master_write(list, req.body(), true);
    auto row = co_await db.write([&](storage::Session& s) {
      require_company(s, company);
      const auto id = storage::create_master(s, list, company, in, clock.now());
      return *storage::find_master(s, list, company, id);
    });
    co_return json(201, [&](api::JsonWriter& w) { write_master_row(w, list, row); });
  });
  const std::string one = base + "/{id:int64}";
  routes.add(verb::get, one, [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto& list = find_kind(req.param(1));
    const auto id = req.int_param(2);
    auto row = co_await db.read([&](storage::Session& s) {
      require_company(s, company);
      auto found = storage::find_master(s, list, company, id);
      if (!found) {
        std::string message(list.admin_kind);
        message.append(" ").append(std::to_string(id)).append(" was not found");
        throw core::not_found(message);
      }
      return std::move(*found);
    });
    co_return json(200, [&](api::JsonWriter& w) { write_master_row(w, list, row); });
  });
  routes.add(verb::put, one, [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto& list = find_kind(req.param(1));
    const auto id = req.int_param(2);
    const auto in = read_master_write(list, req.body(), false);
    auto row = co_await db.write([&](storage::Session& s) {
      require_company(s, company);
      storage::update_master(s, list, company, id, in);
      return *storage::find_master(s, list, company, id);
    });
    co_return json(200, [&](api::JsonWriter& w) { write_master_row(w, list, row); });
  });
  routes.add(verb::delete_, one, [&db](AdminRequest& req) -> asio::awaitable<AdminReply> {
    const auto company = req.int_param(0);
    const auto& list = find_kind(req.param(1));
    const auto id = req.int_param(2);
    auto removal = co_await db.write([&](storage::Session& s) {
      require_company(s, company);
      return storage::remove_master(s, list, company, id);
    });
    co_return json(200, [&](api::JsonWriter& w) { write_removal(w, id, removal); });
  });
}

}  // namespace

void register_routes(AdminRoutes& routes, storage::Database& db, const core::Clock& clock) {
  register_companies(routes, db, clock);
  register_credentials(routes, db, clock);
  register_employees(routes, db, clock);
  register_reference_data(routes, db, clock);
  register_expense_routes(routes, db, clock);
}

}  // namespace ov::admin
