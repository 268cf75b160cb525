#include "http/metrics.hpp"

#include <fmt/format.h>

namespace ov::http {

void Histogram::observe(double seconds) {
  std::size_t b = 0;
  while (b < bounds_.size() && seconds > bounds_[b]) ++b;
  buckets_[b].fetch_add(1, std::memory_order_relaxed);
  sum_us_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::vector<std::uint64_t> Histogram::counts() const {
  std::vector<std::uint64_t> out(bounds_.size() + 1);
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = buckets_[i].load(std::memory_order_relaxed);
  return out;
}

Metrics::Metrics(std::vector<std::string> route_names)
    : route_names_(std::move(route_names)),
      counters_(std::make_unique<Counters[]>(route_names_.size() + 1)) {}

void Metrics::record(std::size_t route_index, int status, double seconds) {
  std::size_t s = kStatuses.size() - 1;  // "other"
  for (std::size_t i = 0; i + 1 < kStatuses.size(); ++i) {
    if (kStatuses[i] == status) {
      s = i;
      break;
    }
  }
  if (route_index > route_names_.size()) route_index = route_names_.size();
  counters_[route_index].by_status[s].fetch_add(1, std::memory_order_relaxed);
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  buckets_[b].fetch_add(1, std::memory_order_relaxed);
  latency_sum_us_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
  latency_count_.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

void Metrics::add_counter(std::string name, std::string help, std::function<double()> read) {
  gauges_.push_back({std::move(name), std::move(help), std::move(read), "counter"});
}

void Metrics::add_counter_family(
    std::string name, std::string help, std::string label,
    std::vector<std::pair<std::string, std::function<double()>>> values) {
  families_.push_back({std::move(name), std::move(help), std::move(label), std::move(values)});
}

void Metrics::add_histogram(std::string name, std::string help, const Histogram& histogram) {
  histograms_.push_back({std::move(name), std::move(help), &histogram});
}

std::string Metrics::render() const {
  std::string out;
  out += "# HELP openvenio_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE openvenio_http_requests_total counter\n";
  for (std::size_t r = 0; r <= route_names_.size(); ++r) {
    const std::string& route = r < route_names_.size() ? route_names_[r] : "unmatched";
    for (std::size_t s = 0; s < kStatuses.size(); ++s) {
      auto n = counters_[r].by_status[s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      std::string status = kStatuses[s] ? std::to_string(kStatuses[s]) : "other";
      out += fmt::format("openvenio_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", route,
                         status, n);
    }
  }
  out +=
      "# HELP openvenio_http_request_duration_seconds Time from a request's last byte read to "
      "its response written.\n";
  out += "# TYPE openvenio_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += buckets_[b].load(std::memory_order_relaxed);
    out += fmt::format("openvenio_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                       kBuckets[b], cumulative);
  }
  cumulative += buckets_[kBuckets.size()].load(std::memory_order_relaxed);
  out +=
      fmt::format("openvenio_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", cumulative);
  out += fmt::format("openvenio_http_request_duration_seconds_sum {}\n",
                     static_cast<double>(latency_sum_us_.load()) / 1e6);
  out += fmt::format("openvenio_http_request_duration_seconds_count {}\n", latency_count_.load());
  for (const auto& g : gauges_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n{} {}\n", g.name, g.help, g.name, g.type,
                       g.name, g.read());
  }
  for (const auto& f : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} counter\n", f.name, f.help, f.name);
    for (const auto& [value, read] : f.values) {
      out += fmt::format("{}{{{}=\"{}\"}} {}\n", f.name, f.label, value, read());
    }
  }
  for (const auto& h : histograms_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} histogram\n", h.name, h.help, h.name);
    const auto counts = h.histogram->counts();
    std::uint64_t total = 0;
    for (std::size_t b = 0; b < h.histogram->bounds().size(); ++b) {
      total += counts[b];
      out += fmt::format("{}_bucket{{le=\"{}\"}} {}\n", h.name, h.histogram->bounds()[b], total);
    }
    total += counts.back();
    out += fmt::format("{}_bucket{{le=\"+Inf\"}} {}\n", h.name, total);
    out += fmt::format("{}_sum {}\n{}_count {}\n", h.name, h.histogram->sum(), h.name, total);
  }
  return out;
}

}  // namespace ov::http
