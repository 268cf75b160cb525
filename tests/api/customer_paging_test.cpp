// Customers Enquiry paging (ENDPOINTS.md §1.9, §4.3.3): the order is total, so walking the
// pages with any page size returns every customer that existed before the walk exactly once,
// even while other clients keep adding customers.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "modules/customers/customer_service.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr int kSeeded = 10000;
constexpr const char* kApiUser = "23108b99-ee24-43c4-b9e7-58dc6a4e16a2";

class CustomerPaging : public ::testing::Test {
 protected:
  void SetUp() override {
    // One transaction through the repository: seconds, where 10 000 API calls take minutes.
    server_.db().write_now([&](storage::Session& s) {
      for (int i = 0; i < kSeeded; ++i) {
        customers::CustomerRecord c;
        c.company_id = company_.id;
        // C100000 … C109999: above the demo codes, below every code the API hands out next.
        c.customer_code = "C" + std::to_string(100000 + i);
        // Many equal names: ties must be broken the same way on every page.
        c.customer_name = "Seeded customer " + std::to_string(i % 97);
        c.customer_state = customers::kStateCustomer;
        c.created_by_user_id = c.modified_by_user_id = kApiUser;
        c.date_created = c.date_modified = 1743442200;
        customers::insert_customer(s, c);
      }
      // New codes continue after the seeded ones.
      s.exec("UPDATE number_sequences SET last_value = ? WHERE company_id = ? AND prefix = 'C'",
             {std::int64_t{200000}, company_.id});
    });
    server_.db().read_now([&](storage::Session& s) {
      auto rows = s.query(
          "SELECT customer_code, customer_state, customer_name FROM customers "
          "WHERE company_id = ?",
          {company_.id});
      while (rows.next()) {
        before_.push_back({rows.str(0), rows.i64(1), rows.str(2)});
      }
    });
  }

  struct Existing {
    std::string code;
    std::int64_t state;
    std::string name;
  };

  // Walks every page of `filter` (a JSON fragment) with `take`, returning each code seen and
  // how often.
  std::map<std::string, int> walk(const std::string& filter, int take, HttpClient& client) {
    std::map<std::string, int> seen;
    for (int skip = 0;;) {
      auto res = client.request("POST", "/v3/customers/enquiry", company_.auth_json(),
                                "{" + filter + R"(,"take":)" + std::to_string(take) +
                                    R"(,"skip":)" + std::to_string(skip) + "}");
      EXPECT_EQ(res.status, 200) << res.body;
      if (res.status != 200) break;
      auto doc = res.json();
      const auto& page = doc["data"];
      for (const auto& c : page.GetArray()) ++seen[c["customerCode"].GetString()];
      skip += static_cast<int>(page.Size());
      // A page shorter than asked for is the last one (the cap is 1000).
      if (static_cast<int>(page.Size()) < std::min(take, 1000)) break;
    }
    return seen;
  }

  void expect_each_once(const std::map<std::string, int>& seen,
                        const std::vector<std::string>& expected, const std::string& what) {
    for (const auto& [code, n] : seen) EXPECT_EQ(n, 1) << what << ": " << code << " repeated";
    std::size_t missing = 0;
    for (const auto& code : expected) missing += seen.count(code) == 0;
    EXPECT_EQ(missing, 0u) << what;
  }

  TestServer server_;
  TestCompany company_ = server_.add_company();
  std::vector<Existing> before_;
};

TEST_F(CustomerPaging, EveryCustomerExactlyOnceWhileOthersAreAdded) {
  ASSERT_GE(before_.size(), static_cast<std::size_t>(kSeeded));
  std::atomic<bool> stop{false};
  std::atomic<int> added{0};
  std::thread writer([&] {
    HttpClient client = server_.client();
    // New customers sort after the existing ones in each walk below: higher codes, higher ids,
    // and names without the walk's keyword.
    // Paced and capped: enough inserts to land between every pair of pages, without letting
    // an unthrottled writer grow the table (and every page's cost) while a slow machine walks.
    constexpr int kMaxLiveInserts = 2000;
    while (!stop.load() && added.load() < kMaxLiveInserts) {
      auto res = client.request("POST", "/v3/customers", company_.auth_json(),
                                R"({"customerName":"Live customer )" +
                                    std::to_string(added.load()) + R"(","customerState":3})");
      if (res.status == 200) ++added;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });

  HttpClient client = server_.client();
  std::vector<std::string> customers_before, all_before, keyword_before;
  for (const auto& e : before_) {
    all_before.push_back(e.code);
    if (e.state == customers::kStateCustomer) customers_before.push_back(e.code);
    if (e.name.find("Seeded") != std::string::npos) keyword_before.push_back(e.code);
  }
  // Default order (code), filtered by the legacy type code, which names customerState 3
  // (ENDPOINTS.md §7.1): pages of the cap, an odd size and a small size.
  for (int take : {1000, 333, 50}) {
    auto seen = walk(R"("customerType":11300)", take, client);
    expect_each_once(seen, customers_before, "take " + std::to_string(take));
  }
  // By id, unfiltered.
  expect_each_once(walk(R"("orderBy":"customerId")", 333, client), all_before, "by id");
  // Keyword in code order, both ways (its matches are put in order without reading their
  // rows).
  expect_each_once(walk(R"("keyword":"seeded")", 333, client), keyword_before, "keyword, code");
  expect_each_once(walk(R"("keyword":"eeded","orderBy":"customerCode desc")", 1000, client),
                   keyword_before, "keyword, code desc");
  // Keyword, by a non-unique key descending: ties follow the id. A take above the cap pages
  // by the cap.
  expect_each_once(walk(R"("keyword":"seeded","orderBy":"customerName desc")", 5000, client),
                   keyword_before, "keyword");
  stop = true;
  writer.join();
  EXPECT_GT(added.load(), 0);

  // The cap: one page holds at most 1000 customers; the total counts them all.
  auto res = client.request("POST", "/v3/customers/enquiry", company_.auth_json(),
                            R"({"take":5000,"keyword":"seeded"})");
  EXPECT_EQ(res.json()["data"].Size(), 1000u);
  EXPECT_EQ(res.header("x-total-count"), std::to_string(kSeeded));
}

}  // namespace
}  // namespace ov::test
