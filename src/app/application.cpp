#include "app/application.hpp"

#include <boost/asio/thread_pool.hpp>

#include "admin/plane.hpp"
#include "admin/webhooks_plane.hpp"
#include "api/pipeline.hpp"
#include "api/routes.hpp"
#include "auth/admin_key.hpp"
#include "auth/auth_service.hpp"
#include "auth/crypto.hpp"
#include "auth/token_endpoint.hpp"
#include "http/metrics.hpp"
#include "modules/modules.hpp"

namespace ov::embedded {
extern const std::string_view kOpenApiYaml;
}

namespace ov::app {

namespace asio = boost::asio;

namespace {

api::Reply text(int status, std::string body, std::string content_type) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return api::raw(std::move(r));
}

void add_public(api::Routes& routes, std::string path, api::Handler handler) {
  api::Route r;
  r.method = http::bhttp::verb::get;
  r.path = std::move(path);
  r.handler = std::move(handler);
  r.access = api::Access::kPublic;
  routes.add(std::move(r));
}

}  // namespace

struct Application::Impl {
  explicit Impl(AppConfig c)
      : config(std::move(c)),
        clock(config.clock ? config.clock : &system_clock),
        db(storage::open_database(config.db_url, config.storage)),
        blocking(static_cast<std::size_t>(std::max(1, config.blocking_threads))),
        auth(*db, *clock),
        sections(*db, *clock, config.sections),
        deliveries(std::make_unique<webhooks::DeliveryWorker>(*db, config.webhooks)),
        admin_key(config.admin_key) {
    // A commit that wrote to the outbox wakes the worker at once: no polling delay.
    db->set_commit_listener([w = deliveries.get()] { w->wake(); });
    token_stats = auth::register_token_routes(routes, auth, blocking, config.token);
    sections.register_routes(routes);
    // Registered whether or not the plane is on: the pipeline hides them without a key.
    admin::AdminRoutes admin_routes(routes);
    admin::register_routes(admin_routes, *db, *clock);
    admin::register_webhook_routes(admin_routes, *db, config.webhooks.allow_http);
    register_operations();
    // Every route's largest body must fit in the budget, or it could never be read.
    for (const auto& r : routes.all()) {
      config.server.body_budget_bytes =
          std::max(config.server.body_budget_bytes, r->max_body_bytes);
    }
    std::vector<std::string> names;
    for (const auto& r : routes.all()) names.push_back(r->name);
    metrics = std::make_unique<http::Metrics>(std::move(names));
    metrics->add_gauge("openvenio_storage_queued_writes", "Writes waiting for the writer.",
                       [this] { return static_cast<double>(db->queued_writes()); });
    metrics->add_gauge("openvenio_storage_pool_connections",
                       "Database connections of the pool (PostgreSQL; 0 on SQLite).",
                       [this] { return static_cast<double>(db->stats().pool_connections); });
    metrics->add_gauge("openvenio_storage_pool_in_use", "Pooled connections running a job now.",
                       [this] { return static_cast<double>(db->stats().pool_in_use); });
    metrics->add_counter(
        "openvenio_storage_write_batches_total",
        "Transactions that committed a group of writes (batched_writes / write_batches is the "
        "mean batch size).",
        [this] { return static_cast<double>(db->stats().write_batches); });
    metrics->add_counter("openvenio_storage_batched_writes_total",
                         "Writes committed by those transactions.",
                         [this] { return static_cast<double>(db->stats().batched_writes); });
    metrics->add_gauge("openvenio_storage_largest_batch",
                       "The most writes one transaction has committed since start.",
                       [this] { return static_cast<double>(db->stats().largest_batch); });
    metrics->add_counter(
        "openvenio_storage_transaction_retries_total",
        "Transactions run again after a serialization or deadlock failure, or after a failure "
        "that ended a whole group.",
        [this] { return static_cast<double>(db->stats().transaction_retries); });
    metrics->add_gauge("openvenio_storage_compacting",
                       "1 while full-text indexes are being merged in the background.",
                       [this] { return db->compacting() ? 1.0 : 0.0; });
    metrics->add_gauge("openvenio_http_open_connections", "Open client connections.", [this] {
      return server ? static_cast<double>(server->open_connections()) : 0.0;
    });
    metrics->add_gauge("openvenio_http_max_connections",
                       "The connection cap in force (sized from the descriptor limit).", [this] {
                         return server ? static_cast<double>(server->connection_cap()) : 0.0;
                       });
    metrics->add_gauge("openvenio_http_body_bytes", "Request body bytes held in memory.", [this] {
      return server ? static_cast<double>(server->body_bytes_in_use()) : 0.0;
    });
    metrics->add_gauge("openvenio_auth_waiting_secret_checks",
                       "Argon2id secret checks waiting for a thread.",
                       [this] { return static_cast<double>(token_stats->waiting_checks()); });
    metrics->add_counter("openvenio_auth_secret_checks_total", "Argon2id secret checks run.",
                         [this] { return static_cast<double>(token_stats->secret_checks()); });
    metrics->add_counter("openvenio_auth_token_busy_total",
                         "Token requests answered 503: the secret check queue was full.",
                         [this] { return static_cast<double>(token_stats->refused_busy()); });
    metrics->add_counter(
        "openvenio_auth_token_throttled_total",
        "Token requests answered 429: the client id or address had too many failed attempts.",
        [this] { return static_cast<double>(token_stats->refused_throttled()); });
    metrics->add_gauge("openvenio_webhook_outbox_depth",
                       "Webhook messages waiting for delivery (counted at most once a second).",
                       [this] { return static_cast<double>(deliveries->outbox_depth()); });
    metrics->add_counter_family(
        "openvenio_webhook_deliveries_total",
        "Webhook delivery attempts by result: succeeded (2xx), failed (another answer), "
        "unreachable (no answer within the timeout).",
        "result",
        {{"succeeded", [this] { return static_cast<double>(deliveries->succeeded()); }},
         {"failed", [this] { return static_cast<double>(deliveries->failed()); }},
         {"unreachable", [this] { return static_cast<double>(deliveries->unreachable()); }}});
    metrics->add_counter(
        "openvenio_webhook_storage_errors_total",
        "Delivery rounds that could not reach storage (their results are recorded later).",
        [this] { return static_cast<double>(deliveries->storage_errors()); });
    metrics->add_histogram("openvenio_webhook_delivery_duration_seconds",
                           "Time from a webhook attempt's start to its answer (or its end).",
                           deliveries->latency());
    pipeline = std::make_unique<api::Pipeline>(routes, auth, *metrics, config.server.access_log,
                                               &admin_key);
    server = std::make_unique<http::Server>(config.server, *pipeline);
  }

  void register_operations() {
    add_public(routes, "/healthz", [](http::Request&) -> asio::awaitable<api::Reply> {
      co_return text(200, R"({"status":"ok"})", "application/json; charset=utf-8");
    });
    add_public(routes, "/readyz", [this](http::Request&) -> asio::awaitable<api::Reply> {
      // Through read(): on a networked backend the probe runs on a storage thread too.
      // 0: unreachable, 1: ready, 2: reachable but taking no writes (a standby).
      int state = 0;
      try {
        state = co_await db->read([](storage::Session& s) {
          if (s.query_i64("SELECT 1").value_or(0) != 1) return 0;
          return s.accepts_writes() ? 1 : 2;
        });
      } catch (const std::exception&) {
      }
      constexpr const char* kJson = "application/json; charset=utf-8";
      if (state == 1) co_return text(200, R"({"status":"ready"})", kJson);
      if (state == 2) co_return text(503, R"({"status":"read-only"})", kJson);
      co_return text(503, R"({"status":"unavailable"})", kJson);
    });
    add_public(routes, "/metrics", [this](http::Request& req) -> asio::awaitable<api::Reply> {
      if (!config.metrics_token.empty() &&
          !auth::constant_time_equal(req.header("Authorization"),
                                     "Bearer " + config.metrics_token)) {
        auto r = http::gateway(401, "Unauthorized");
        r.headers.emplace_back("WWW-Authenticate", "Bearer");
        co_return api::raw(std::move(r));
      }
      co_return text(200, metrics->render(), "text/plain; version=0.0.4; charset=utf-8");
    });
    add_public(routes, "/openapi.yaml", [](http::Request&) -> asio::awaitable<api::Reply> {
      co_return text(200, std::string(embedded::kOpenApiYaml), "application/yaml; charset=utf-8");
    });
  }

  AppConfig config;
  core::SystemClock system_clock;
  const core::Clock* clock;
  std::unique_ptr<storage::Database> db;
  asio::thread_pool blocking;
  auth::AuthService auth;
  modules::Sections sections;
  std::unique_ptr<webhooks::DeliveryWorker> deliveries;
  auth::AdminKey admin_key;
  api::Routes routes;
  std::shared_ptr<const auth::TokenEndpointStats> token_stats;
  std::unique_ptr<http::Metrics> metrics;
  std::unique_ptr<api::Pipeline> pipeline;
  std::unique_ptr<http::Server> server;
  bool stopped = false;
};

Application::Application(AppConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {}

Application::~Application() { stop(std::chrono::milliseconds(0)); }

void Application::start() {
  impl_->server->start();
  impl_->deliveries->start();
}

std::uint16_t Application::port() const { return impl_->server->port(); }

void Application::stop(std::chrono::milliseconds grace) {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->server->drain(grace);
  // Before storage closes: the worker writes its last results through it.
  impl_->deliveries->stop();
  impl_->blocking.join();
  impl_->db->close();
}

storage::Database& Application::database() { return *impl_->db; }

}  // namespace ov::app
