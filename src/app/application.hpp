// The composition root: storage, authentication, every section's routes, the pipeline and the
// listener, wired once. `openvenio serve` and the API tests run the same object.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "auth/token_endpoint.hpp"
#include "core/clock.hpp"
#include "http/server.hpp"
#include "modules/modules.hpp"
#include "storage/database.hpp"
#include "webhooks/delivery.hpp"

namespace ov::app {

struct AppConfig {
  std::string db_url = "sqlite:./openvenio.db";
  http::ServerOptions server;
  storage::DatabaseOptions storage;
  modules::SectionOptions sections;
  // nullptr → the system clock.
  const core::Clock* clock = nullptr;
  // Threads for slow CPU work off the I/O threads (Argon2id secret checks).
  int blocking_threads = 2;
  // Bounds of the token endpoint (hash queue, failure throttling).
  auth::TokenOptions token;
  // When set, GET /metrics answers only requests with `Authorization: Bearer <metrics_token>`
  // (401 otherwise): the metrics name every route and its traffic.
  std::string metrics_token;
  // The webhook delivery worker (concurrency, timeouts, retry schedule, plain-http targets).
  webhooks::DeliveryOptions webhooks;
  // The key of the administration plane (/admin/v1, `serve --admin-key`); "" leaves the plane
  // off, so that its paths answer like unknown ones. See auth::AdminKey for its bounds.
  std::string admin_key;
};

class Application {
 public:
  explicit Application(AppConfig config);
  ~Application();
  // Binds and serves; returns at once.
  void start();
  std::uint16_t port() const;
  // Drains in-flight requests (up to `grace`), then flushes and closes storage.
  void stop(std::chrono::milliseconds grace = std::chrono::seconds(10));
  storage::Database& database();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ov::app
