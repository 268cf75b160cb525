// Prometheus counters: requests by route and status, and a latency histogram.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ov::http {

// A latency histogram kept by its owner (e.g. the webhook worker) and rendered by Metrics.
class Histogram {
 public:
  // Upper bounds in seconds, ascending.
  explicit Histogram(std::vector<double> bounds)
      : bounds_(std::move(bounds)),
        buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {}
  void observe(double seconds);
  const std::vector<double>& bounds() const { return bounds_; }
  // Observations per bucket (not cumulative), the last one above every bound.
  std::vector<std::uint64_t> counts() const;
  double sum() const { return static_cast<double>(sum_us_.load()) / 1e6; }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;
  std::atomic<std::uint64_t> sum_us_{0};
};

class Metrics {
 public:
  // route_names[i] labels route index i; one more slot counts requests that matched no route.
  explicit Metrics(std::vector<std::string> route_names);
  // route_index == route_names.size() for "no route".
  void record(std::size_t route_index, int status, double seconds);
  // Gauges read at scrape time (name, help, value).
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  // Counters kept elsewhere, read at scrape time (name, help, value).
  void add_counter(std::string name, std::string help, std::function<double()> read);
  // One counter per value of `label` (name{label="value"}), read at scrape time.
  void add_counter_family(std::string name, std::string help, std::string label,
                          std::vector<std::pair<std::string, std::function<double()>>> values);
  // A histogram its owner keeps; it must outlive this object.
  void add_histogram(std::string name, std::string help, const Histogram& histogram);
  std::string render() const;
  std::size_t unrouted_index() const { return route_names_.size(); }

 private:
  static constexpr std::array<int, 13> kStatuses{200, 400, 401, 404, 405, 408, 413,
                                                 429, 431, 500, 501, 503, 0};
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  struct Counters {
    std::array<std::atomic<std::uint64_t>, kStatuses.size()> by_status{};
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
    const char* type = "gauge";
  };
  std::vector<std::string> route_names_;
  std::unique_ptr<Counters[]> counters_;
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets_{};
  std::atomic<std::uint64_t> latency_sum_us_{0};
  std::atomic<std::uint64_t> latency_count_{0};
  std::vector<Gauge> gauges_;
  struct Family {
    std::string name, help, label;
    std::vector<std::pair<std::string, std::function<double()>>> values;
  };
  std::vector<Family> families_;
  struct Named {
    std::string name, help;
    const Histogram* histogram;
  };
  std::vector<Named> histograms_;
};

}  // namespace ov::http
