// openvenio: command-line entry point. It only wires things; everything else is a library.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "admin/local.hpp"
#include "admin/operations.hpp"
#include "api/envelope.hpp"
#include "api/problem.hpp"
#include "app/application.hpp"
#include "auth/provisioning.hpp"
#include "core/clock.hpp"
#include "modules/employees/employee_service.hpp"
#include "modules/modules.hpp"
#include "storage/database.hpp"
#include "webhooks/delivery.hpp"

namespace {

constexpr const char* kDefaultDb = "sqlite:./openvenio.db";

void print_json(const std::vector<std::pair<std::string, std::string>>& strings,
                const std::vector<std::pair<std::string, std::int64_t>>& numbers) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  for (const auto& [k, v] : numbers) {
    w.Key(k.c_str());
    w.Int64(v);
  }
  for (const auto& [k, v] : strings) {
    w.Key(k.c_str());
    w.String(v.c_str());
  }
  w.EndObject();
  std::cout << buf.GetString() << std::endl;
}

bool parse_listen(const std::string& listen, std::string& host, std::uint16_t& port) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  try {
    int p = std::stoi(listen.substr(colon + 1));
    if (p < 0 || p > 65535) return false;
    port = static_cast<std::uint16_t>(p);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

int run_serve(ov::app::AppConfig config, const std::string& listen) {
  // Logged: without its password.
  const std::string db = ov::storage::redacted_url(config.db_url);
  if (!parse_listen(listen, config.server.host, config.server.port)) {
    std::cerr << "--listen must be host:port, got " << listen << "\n";
    return 2;
  }
  // Signals are taken by this thread alone, with sigwait, before any other thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  ov::app::Application app(config);
  app.start();
  spdlog::info("openvenio listening on {}:{} ({})", config.server.host, app.port(), db);
  int sig = 0;
  sigwait(&signals, &sig);
  spdlog::info("signal {} received: draining", sig);
  // In-flight requests get this long to finish before their connections are closed.
  app.stop(std::chrono::seconds(10));
  spdlog::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"openvenio — a self-hosted CRM server that speaks the Venio CRM OpenAPI"};
  cli.require_subcommand(1);
  cli.fallthrough();  // --log-level may follow the subcommand
  std::string db = kDefaultDb;
  std::string level = "info";
  cli.add_option("--log-level", level, "trace, debug, info, warn, error")
      ->envname("OPENVENIO_LOG_LEVEL")
      ->capture_default_str();

  auto* init = cli.add_subcommand("init", "Create or migrate the schema and add a company");
  std::string company, timezone = "Asia/Bangkok";
  bool demo = false, json = false;
  init->add_option("--db", db, "Database URL (sqlite:<path>)")
      ->envname("OPENVENIO_DB")
      ->capture_default_str();
  init->add_option("--company", company, "Company name")->required();
  init->add_option("--timezone", timezone, "IANA time zone of the company")->capture_default_str();
  std::string vat_rate = "7";
  init->add_option("--vat-rate", vat_rate, "VAT rate in percent (at most two decimals)")
      ->capture_default_str();
  init->add_flag("--demo-data", demo, "Seed the records the Venio doc examples refer to");
  init->add_flag("--json", json, "Print the result as one JSON object");

  auto* user = cli.add_subcommand("user", "Manage a company's employees");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add an employee to a company");
  auto* user_update =
      user->add_subcommand("update", "Change an employee (options not given keep their value)");
  auto* user_deactivate = user->add_subcommand(
      "deactivate", "Deactivate an employee (kept on their records, no longer assignable)");
  std::int64_t company_id = 0;
  std::string user_key, name;
  bool user_json = false, inactive = false;
  ov::employees::NewEmployee employee;
  // The employee's fields, the same for add and update; an empty value clears an optional one.
  struct TextOption {
    const char* flag;
    const char* help;
    std::optional<std::string> ov::employees::EmployeeChanges::*field;
  };
  static constexpr TextOption kTextOptions[] = {
      {"--first-name", "First name", &ov::employees::EmployeeChanges::first_name},
      {"--last-name", "Last name", &ov::employees::EmployeeChanges::last_name},
      {"--email", "E-mail address", &ov::employees::EmployeeChanges::email},
      {"--staff-code", "Staff code, unique in the company",
       &ov::employees::EmployeeChanges::staff_code},
      {"--team", "Team name (created when the company has none of that name)",
       &ov::employees::EmployeeChanges::team},
      {"--title", "Name title", &ov::employees::EmployeeChanges::title},
      {"--nickname", "Nickname", &ov::employees::EmployeeChanges::nickname},
      {"--position", "Position", &ov::employees::EmployeeChanges::position},
      {"--phone", "Phone number", &ov::employees::EmployeeChanges::phone},
      {"--role", "Administrator, Manager or Staff", &ov::employees::EmployeeChanges::role},
      {"--picture-url", "Picture URL", &ov::employees::EmployeeChanges::picture_url},
  };
  std::vector<std::pair<CLI::Option*, std::string>> text_values(std::size(kTextOptions) * 2);
  std::int64_t approval_level = 0;
  bool active = true;
  CLI::Option* level_option[2] = {};
  CLI::Option* active_option = nullptr;
  for (int which = 0; which < 2; ++which) {
    auto* sub = which == 0 ? user_add : user_update;
    sub->add_option("--db", db, "Database URL")->envname("OPENVENIO_DB")->capture_default_str();
    sub->add_option("--company-id", company_id, "Company id")->required();
    for (std::size_t i = 0; i < std::size(kTextOptions); ++i) {
      auto& slot = text_values[which * std::size(kTextOptions) + i];
      slot.first = sub->add_option(kTextOptions[i].flag, slot.second, kTextOptions[i].help);
    }
    level_option[which] = sub->add_option("--level", approval_level, "Approval level (0-100)");
    sub->add_flag("--json", user_json, "Print the result as JSON");
  }
  user_add->add_option("--name", name, "Full name, split at its first space into first and last");
  user_add->add_flag("--inactive", inactive, "Add the employee as inactive");
  user_update->add_option("--user", user_key, "The employee's user id or staff code")->required();
  active_option = user_update->add_option("--active", active, "Active (true/false)");
  user_deactivate->add_option("--db", db, "Database URL")
      ->envname("OPENVENIO_DB")
      ->capture_default_str();
  user_deactivate->add_option("--company-id", company_id, "Company id")->required();
  user_deactivate->add_option("--user", user_key, "The employee's user id or staff code")
      ->required();
  user_deactivate->add_flag("--json", user_json, "Print the result as JSON");

  auto* serve = cli.add_subcommand("serve", "Serve the API");
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  bool access_log = true;
  ov::app::AppConfig serve_config;
  std::size_t body_budget_mib = serve_config.server.body_budget_bytes / (1024 * 1024);
  std::int64_t attachment_quota_mib = serve_config.sections.attachment_quota_bytes / (1024 * 1024);
  serve->add_option("--db", db, "Database URL")->envname("OPENVENIO_DB")->capture_default_str();
  serve->add_option("--listen", listen, "host:port to listen on")
      ->envname("OPENVENIO_LISTEN")
      ->capture_default_str();
  serve->add_option("--threads", threads, "I/O threads (0: one per core)")
      ->envname("OPENVENIO_THREADS")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  serve->add_option("--access-log", access_log, "Log one line per request (true/false)")
      ->envname("OPENVENIO_ACCESS_LOG")
      ->capture_default_str();
  serve
      ->add_option("--max-connections", serve_config.server.max_connections,
                   "Open connections at most (0: seven eighths of the descriptor limit)")
      ->envname("OPENVENIO_MAX_CONNECTIONS")
      ->capture_default_str();
  serve
      ->add_option("--max-connections-per-client", serve_config.server.max_connections_per_client,
                   "Open connections per client address at most (0: no limit, e.g. behind a proxy)")
      ->envname("OPENVENIO_MAX_CONNECTIONS_PER_CLIENT")
      ->capture_default_str();
  serve
      ->add_option(
          "--body-budget-mib", body_budget_mib,
          "Request bodies held in memory at once, in MiB (at least the largest body limit)")
      ->envname("OPENVENIO_BODY_BUDGET_MIB")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  serve
      ->add_option("--attachment-quota-mib", attachment_quota_mib,
                   "Stored customer files one company may keep, in MiB")
      ->envname("OPENVENIO_ATTACHMENT_QUOTA_MIB")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 30))
      ->capture_default_str();
  serve
      ->add_option("--metrics-token", serve_config.metrics_token,
                   "Bearer token GET /metrics requires (empty: /metrics is open); prefer the "
                   "environment variable, which other users cannot read from the process list")
      ->envname("OPENVENIO_METRICS_TOKEN");
  serve
      ->add_option("--admin-key", serve_config.admin_key,
                   "Bearer key of the administration API under /admin/v1 (empty: the plane is "
                   "off); prefer the environment variable, which other users cannot read from the "
                   "process list")
      ->envname("OPENVENIO_ADMIN_KEY");

  auto* admin = cli.add_subcommand(
      "admin",
      "Run an operation of the administration API (/admin/v1) directly on the database, e.g. "
      "`admin GET companies` or `admin POST companies/1/teams '{\"name\":\"Sales\"}'`; "
      "prints its JSON reply (a problem on failure, with exit status 1)");
  std::string admin_method, admin_path, admin_body;
  admin->add_option("--db", db, "Database URL")->envname("OPENVENIO_DB")->capture_default_str();
  admin->add_option("method", admin_method, "GET, POST, PUT or DELETE")->required();
  admin->add_option("path", admin_path, "The operation's path, with or without /admin/v1")
      ->required();
  admin->add_option("body", admin_body, "The JSON body of POST and PUT");

  std::string retry_schedule, attempt_timeout = "15s";
  std::int64_t retention_days = 7;
  serve
      ->add_option("--webhook-concurrency", serve_config.webhooks.concurrency,
                   "Webhook attempts in flight at once (0: this server delivers none; another "
                   "server on the database does)")
      ->envname("OPENVENIO_WEBHOOK_CONCURRENCY")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  serve
      ->add_option("--webhook-retry-schedule", retry_schedule,
                   "Waits between webhook attempts, e.g. 1s,2s,4s (default: the contract's 5s, "
                   "5m, 30m, 2h, 5h, 10h, 10h); for test setups")
      ->envname("OPENVENIO_WEBHOOK_RETRY_SCHEDULE");
  serve
      ->add_option("--webhook-attempt-timeout", attempt_timeout,
                   "Longest webhook attempt (e.g. 15s, 500ms); the contract's is 15s")
      ->envname("OPENVENIO_WEBHOOK_ATTEMPT_TIMEOUT")
      ->capture_default_str();
  serve
      ->add_flag("--webhook-allow-http", serve_config.webhooks.allow_http,
                 "Allow plain http webhook targets besides loopback hosts (test setups only)")
      ->envname("OPENVENIO_WEBHOOK_ALLOW_HTTP");
  serve
      ->add_option("--webhook-retention-days", retention_days,
                   "Days delivered messages and the delivery log are kept")
      ->envname("OPENVENIO_WEBHOOK_RETENTION_DAYS")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{3650}))
      ->capture_default_str();

  auto* migrate = cli.add_subcommand("migrate", "Apply pending schema migrations");
  migrate->add_option("--db", db, "Database URL")->envname("OPENVENIO_DB")->capture_default_str();

  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(spdlog::level::from_str(level));

  try {
    ov::core::SystemClock clock;
    if (*init) {
      // The same reading and checks as POST /admin/v1/companies.
      rapidjson::Document spec_body;
      spec_body.SetObject();
      auto& alloc = spec_body.GetAllocator();
      spec_body.AddMember("name", rapidjson::Value(company.c_str(), alloc), alloc);
      spec_body.AddMember("timezone", rapidjson::Value(timezone.c_str(), alloc), alloc);
      spec_body.AddMember("vatRate", rapidjson::Value(vat_rate.c_str(), alloc), alloc);
      const auto spec = ov::admin::read_company(spec_body);
      auto database = ov::storage::open_database(db);
      ov::auth::ProvisionedCompany p;
      database->write_now([&](ov::storage::Session& s) {
        p = ov::modules::create_company(s, spec, demo, clock.now());
      });
      database->close();
      if (json) {
        std::string out;
        ov::api::StringSink sink(out);
        ov::api::JsonWriter w(sink);
        ov::admin::write_provisioned(w, p, spec);
        std::cout << out << std::endl;
      } else {
        std::cout << "company " << p.company_id << " (" << company << ") created\n"
                  << "  client id:        " << p.client_id << "\n"
                  << "  client secret:    " << p.client_secret << "\n"
                  << "  subscription key: " << p.subscription_key << "\n"
                  << "  admin user id:    " << p.admin_user_id << "\n"
                  << "The secret is shown only now; store it safely.\n";
      }
      return 0;
    }
    if (*admin) {
      auto database = ov::storage::open_database(db);
      auto res = ov::admin::run_local(*database, clock, admin_method, admin_path, admin_body);
      database->close();
      const bool ok = res.status >= 200 && res.status < 300;
      (ok ? std::cout : std::cerr)
          << (res.body.empty() ? std::string("{}") : res.body) << std::endl;
      return ok ? 0 : 1;
    }
    if (*user_add || *user_update || *user_deactivate) {
      const int which = *user_add ? 0 : 1;
      for (std::size_t i = 0; i < std::size(kTextOptions); ++i) {
        const auto& slot = text_values[which * std::size(kTextOptions) + i];
        if (slot.first && slot.first->count() > 0) employee.*(kTextOptions[i].field) = slot.second;
      }
      if (level_option[which]->count() > 0) employee.level = approval_level;
      if (!name.empty() && !employee.first_name) {
        const auto space = name.find(' ');
        employee.first_name = name.substr(0, space);
        if (space != std::string::npos && !employee.last_name) {
          employee.last_name = name.substr(space + 1);
        }
      }
      auto database = ov::storage::open_database(db);
      ov::employees::EmployeeRecord e;
      database->write_now([&](ov::storage::Session& s) {
        if (*user_add) {
          if (inactive) employee.active = false;
          e = ov::employees::add_employee(s, company_id, employee, clock.now());
        } else if (*user_update) {
          if (active_option->count() > 0) employee.active = active;
          e = ov::employees::update_employee(s, company_id, user_key, employee, clock.now());
        } else {
          e = ov::employees::deactivate_employee(s, company_id, user_key, clock.now());
        }
      });
      database->close();
      if (user_json) {
        std::vector<std::pair<std::string, std::string>> strings{{"userId", e.user_id},
                                                                 {"fullname", e.fullname}};
        if (e.staff_code) strings.emplace_back("staffCode", *e.staff_code);
        std::vector<std::pair<std::string, std::int64_t>> numbers{{"isActive", e.is_active}};
        if (e.team_id) numbers.emplace_back("teamId", *e.team_id);
        print_json(strings, numbers);
      } else {
        std::cout << "employee " << e.user_id << " (" << e.fullname << ", "
                  << (e.staff_code ? *e.staff_code : std::string("no staff code")) << ", "
                  << (e.is_active ? "active" : "inactive") << ") "
                  << (*user_add ? "added" : "updated") << "\n";
      }
      return 0;
    }
    if (*migrate) {
      auto database = ov::storage::open_database(db);
      database->close();
      std::cout << "schema is up to date\n";
      return 0;
    }
    if (*serve) {
      serve_config.db_url = db;
      serve_config.server.threads = threads;
      serve_config.server.access_log = access_log;
      serve_config.server.body_budget_bytes = body_budget_mib * 1024 * 1024;
      serve_config.sections.attachment_quota_bytes = attachment_quota_mib * 1024 * 1024;
      if (!retry_schedule.empty()) {
        auto schedule = ov::webhooks::parse_durations(retry_schedule);
        if (!schedule) {
          std::cerr << "--webhook-retry-schedule must be durations such as 1s,2s,4s (ms, s, m, "
                       "h; at most 24h each), got "
                    << retry_schedule << "\n";
          return 2;
        }
        serve_config.webhooks.retry_schedule = std::move(*schedule);
      }
      auto timeout = ov::webhooks::parse_durations(attempt_timeout);
      // At least 100 ms (an attempt needs a round trip) and at most the contract's 15 s.
      if (!timeout || timeout->size() != 1 || timeout->front() < std::chrono::milliseconds(100) ||
          timeout->front() > std::chrono::seconds(15)) {
        std::cerr << "--webhook-attempt-timeout must be one duration from 100ms to 15s, got "
                  << attempt_timeout << "\n";
        return 2;
      }
      serve_config.webhooks.attempt_timeout = timeout->front();
      serve_config.webhooks.retention = std::chrono::hours(24 * retention_days);
      return run_serve(std::move(serve_config), listen);
    }
  } catch (const ov::core::ApiError& e) {
    // Bad input (an unknown time zone, an out-of-range rate): the problems, as the HTTP plane
    // would list them.
    std::cerr << ov::api::problem_response(e).body << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
