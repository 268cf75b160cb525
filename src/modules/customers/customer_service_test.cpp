// The Customer section's upsert rules, without HTTP, on every backend: codes, §1.5 update
// semantics, owners and acquisition dates.
#include "modules/customers/customer_service.hpp"

#include <gtest/gtest.h>

#include "modules/test_company.hpp"
#include "storage/master_lists.hpp"

namespace ov::customers {
namespace {

using api::given;
using api::null_input;
using storage::run_sync;

constexpr core::UnixSeconds kNow = 1743442200;  // 2025-04-01T00:30:00+0700

class CustomerServiceTest : public modules::DemoCompanyTest {
 protected:
  CustomerServiceTest() : DemoCompanyTest(kNow) {}
  void SetUp() override {
    DemoCompanyTest::SetUp();
    if (IsSkipped()) return;
    service_.emplace(db(), clock_);
  }

  UpsertInput named(std::string name) {
    UpsertInput in;
    in.customer_name = std::move(name);
    in.customer_status = given<std::int64_t>(kStatusActive);
    return in;
  }

  std::string error(UpsertInput in) {
    return storage::error_of([&]() -> boost::asio::awaitable<void> {
      co_await service_->upsert(caller_, std::move(in));
    });
  }

  std::optional<CustomerService> service_;
};
OV_ON_EVERY_BACKEND(CustomerServiceTest);

// The code letter follows customerState (ENDPOINTS.md §7.1).
TEST_P(CustomerServiceTest, ANewCustomerGetsTheNextCodeOfItsStatesLetter) {
  auto lead = named("A lead");
  lead.customer_state = given<std::int64_t>(kStateLead);
  EXPECT_EQ(run_sync(service_->upsert(caller_, lead)).customer_code, "L000001");
  // The demo's codes run to C000349.
  auto c = run_sync(service_->upsert(caller_, named("A customer")));
  EXPECT_EQ(c.customer_code, "C000350");
  // Absent, customerState is 3 Customer and customerType 1 Business (§7.1).
  EXPECT_EQ(c.customer_state, kStateCustomer);
  EXPECT_EQ(c.customer_type, kTypeBusiness);
  EXPECT_EQ(c.customer_status, kStatusActive);
  EXPECT_EQ(c.date_acquired, kNow);
  EXPECT_EQ(c.created_by_user_id, demo::kApiUserId);
}

TEST_P(CustomerServiceTest, CodesAlreadyStoredAreSkipped) {
  (*db_)->write_now([&](storage::Session& s) {
    CustomerRecord imported;
    imported.company_id = company_;
    imported.customer_code = "C000350";
    imported.customer_name = "Imported";
    insert_customer(s, imported);
  });
  EXPECT_EQ(run_sync(service_->upsert(caller_, named("Next"))).customer_code, "C000351");
}

TEST_P(CustomerServiceTest, AnUnknownCodeIsNotFound) {
  auto in = named("Nobody");
  in.customer_code = "C123456";
  EXPECT_EQ(error(in), "customerCode C123456 was not found");
}

TEST_P(CustomerServiceTest, AbsentKeepsNullClearsAndAValueReplaces) {
  auto in = named("Keeps");
  in.phone = given<std::string>("02-123-4567");
  in.aliases = given<std::vector<std::string>>({"K1", "K2"});
  in.income = given(*core::Decimal::parse("50000.00", 2));
  const auto code = run_sync(service_->upsert(caller_, in)).customer_code;

  auto update = named("Keeps");
  update.customer_code = code;
  auto kept = run_sync(service_->upsert(caller_, update));
  EXPECT_EQ(kept.phone, "02-123-4567");
  EXPECT_EQ(kept.aliases, (std::vector<std::string>{"K1", "K2"}));
  EXPECT_EQ(kept.income->to_string(), "50000.00");

  update.phone = null_input<std::string>();
  update.aliases = null_input<std::vector<std::string>>();
  update.income = given(*core::Decimal::parse("1.5", 2));
  auto cleared = run_sync(service_->upsert(caller_, update));
  EXPECT_FALSE(cleared.phone);
  EXPECT_TRUE(cleared.aliases.empty());
  EXPECT_EQ(cleared.income->to_string(), "1.5");

  auto stored = run_sync(service_->by_code(caller_, code));
  EXPECT_FALSE(stored.phone);
  EXPECT_EQ(stored.income->to_string(), "1.5");
  EXPECT_EQ(stored.date_modified, kNow);
}

TEST_P(CustomerServiceTest, OwnersAreActiveEmployeesNamedOnce) {
  auto in = named("Owned");
  in.owners = given<std::vector<std::string>>({"STAFF01", "staff01"});
  auto c = run_sync(service_->upsert(caller_, in));
  // The same employee twice owns once, shown as the company spells the code.
  EXPECT_EQ(c.owners, std::vector<std::string>{demo::kOwnerStaffCode});
  in.owners = given<std::vector<std::string>>({"staff01", "nobody"});
  EXPECT_EQ(error(in), "Owner nobody was not found");
}

TEST_P(CustomerServiceTest, AcquisitionIsTheFirstTimeTheRecordIsACustomer) {
  auto lead = named("Later a customer");
  lead.customer_state = given<std::int64_t>(kStateLead);
  auto c = run_sync(service_->upsert(caller_, lead));
  EXPECT_FALSE(c.date_acquired);
  clock_.advance(86400);
  auto update = named("Later a customer");
  update.customer_code = c.customer_code;
  update.customer_state = given<std::int64_t>(kStateCustomer);
  auto customer = run_sync(service_->upsert(caller_, update));
  // The code never changes with the state.
  EXPECT_EQ(customer.customer_code, c.customer_code);
  EXPECT_EQ(customer.date_acquired, kNow + 86400);
  clock_.advance(86400);
  EXPECT_EQ(run_sync(service_->upsert(caller_, update)).date_acquired, kNow + 86400);
}

// Sources, groups, classifications, interests and reasons named by clients become master
// entries of the caller's company on first use, matched by name in any case after (§7.1).
TEST_P(CustomerServiceTest, MasterEntriesNamedByClientsAreCreatedOncePerCompany) {
  auto in = named("Sourced");
  in.source_name = given<std::string>("Facebook Ads");
  in.group_name = given<std::string>("VIP");
  in.classification_name = given<std::string>("Retail");
  in.interests = given<std::vector<std::string>>({"Solar", "solar", "", "Roofing"});
  in.lead_status = given<std::int64_t>(kLeadUnqualified);
  in.unqualified_reason = given<std::string>("No budget");
  auto c = run_sync(service_->upsert(caller_, in));
  EXPECT_EQ(c.interests, (std::vector<std::string>{"Solar", "Roofing"}));
  in.source_name = given<std::string>("FACEBOOK ADS");
  auto again = run_sync(service_->upsert(caller_, in));
  EXPECT_EQ(again.source_name, "Facebook Ads");

  std::int64_t other = 0;
  (*db_)->write_now([&](storage::Session& s) {
    other =
        modules::create_company(s, {"Other", "Asia/Bangkok", std::nullopt}, false, kNow).company_id;
  });
  auto theirs = named("Theirs");
  theirs.source_name = given<std::string>("facebook ads");
  const core::Caller other_caller{other, caller_.user_id, caller_.zone};
  EXPECT_EQ(run_sync(service_->upsert(other_caller, theirs)).source_name, "facebook ads");

  (*db_)->read_now([&](storage::Session& s) {
    auto names = [&](const core::MasterList& list, std::int64_t company) {
      std::vector<std::string> out;
      for (const auto& row : storage::list_master(s, list, company, true)) out.push_back(row.name);
      return out;
    };
    EXPECT_EQ(names(kCustomerSources, company_), std::vector<std::string>{"Facebook Ads"});
    EXPECT_EQ(names(kCustomerSources, other), std::vector<std::string>{"facebook ads"});
    EXPECT_EQ(names(kCustomerGroups, company_), std::vector<std::string>{"VIP"});
    EXPECT_EQ(names(kCustomerClassifications, company_), std::vector<std::string>{"Retail"});
    // Beside the demo company's deal interest (the Deal section's examples name it).
    EXPECT_EQ(names(kInterestTopics, company_),
              (std::vector<std::string>{"Booking system", "Roofing", "Solar"}));
    EXPECT_EQ(names(kUnqualifiedReasons, company_), std::vector<std::string>{"No budget"});
    EXPECT_TRUE(names(kCustomerGroups, other).empty());
  });
}

}  // namespace
}  // namespace ov::customers
