// Migration 0007 on every backend (ENDPOINTS.md §7.1): customers stored with the legacy type
// codes and the earlier designed state and lead statuses move to the v3 enums without losing
// a field, and the keyword index still finds them by their new state.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "modules/customers/customer_service.hpp"
#include "storage/test_database.hpp"

namespace ov::customers {
namespace {

using storage::run_sync;

constexpr core::UnixSeconds kNow = 1743442200;  // 2025-04-01T00:30:00+0700

class CustomerMigration : public storage::BackendTest {};
OV_ON_EVERY_BACKEND(CustomerMigration);

// Rows as the server of migration 0003 wrote them: the legacy type in customer_type, 1 Active /
// 2 Inactive in customer_state, the lead statuses 1 New, 2 Contacted, 3 Qualified,
// 4 Unqualified in customer_status, and the search text of each customer.
std::int64_t write_old_rows(storage::Session& s) {
  const auto company = *s.query_i64(
      "INSERT INTO companies (name, timezone, created_at) VALUES ('Old', 'Asia/Bangkok', 0) "
      "RETURNING company_id");
  struct Old {
    const char* code;
    const char* name;
    std::int64_t type, state;
    std::optional<std::int64_t> status;
  };
  const Old rows[] = {{"L000001", "Siam Lead", 11100, 1, 3},
                      {"P000001", "Siam Prospect", 11200, 2, 4},
                      {"C000001", "Siam Customer", 11300, 1, std::nullopt},
                      {"C000002", "Closed Customer", 11300, 2, std::nullopt}};
  for (const auto& r : rows) {
    const auto id = *s.query_i64(
        "INSERT INTO customers (company_id, customer_code, customer_name, customer_type, "
        "customer_state, customer_status, is_active, customer_tax_no, customer_email, "
        "customer_income, customer_aliases, customer_birthdate, date_acquired, created_at, "
        "created_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, '0105560001234', 'a@b.example', "
        "'1500.50', '[\"SC\"]', 642531600, ?, 100, 'u1') RETURNING customer_id",
        {company, std::string_view(r.code), std::string_view(r.name), r.type, r.state,
         r.status ? storage::Value(*r.status) : storage::Value(nullptr),
         std::int64_t{r.state == 1 ? 1 : 0},
         r.type == 11300 ? storage::Value(std::int64_t{200}) : storage::Value(nullptr)});
    std::string text = r.name;
    text.append("\n").append(r.code);
    for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    s.exec("INSERT INTO customer_search (rowid, search_text, company_id) VALUES (?, ?, ?)",
           {id, std::string_view(text), company});
    s.exec(
        "INSERT INTO customer_addresses (company_id, customer_id, position, location_name, "
        "location, latitude, longitude, created_by_user_id, date_created) VALUES (?, ?, 0, 'HQ', "
        "'Bangkok', 13.7, 100.5, 'u1', 100)",
        {company, id});
  }
  return company;
}

TEST_P(CustomerMigration, StoredCustomersMoveToTheV3EnumsAndStayFindable) {
  storage::ScratchDatabase scratch(backend());
  std::int64_t company = 0;
  {
    storage::DatabaseOptions at_0003;
    at_0003.schema_version = 3;
    auto db = storage::open_database(scratch.url(), at_0003);
    db->write_now([&](storage::Session& s) { company = write_old_rows(s); });
    db->close();
  }
  auto db = storage::open_database(scratch.url());
  core::FixedClock clock(kNow);
  CustomerService service(*db, clock);
  const core::Caller caller{company, "u1", &core::TimeZone::bangkok()};

  struct Expected {
    const char* code;
    int state, status;
    std::optional<std::int64_t> lead_status;
  };
  // Legacy type → customerState; Inactive → customerStatus 2 Closed; Contacted → Follow-up,
  // Qualified → Interested, Unqualified → Unqualified.
  for (const auto& e : {Expected{"L000001", kStateLead, kStatusActive, kLeadInterested},
                        Expected{"P000001", kStateProspect, kStatusClosed, kLeadUnqualified},
                        Expected{"C000001", kStateCustomer, kStatusActive, std::nullopt},
                        Expected{"C000002", kStateCustomer, kStatusClosed, std::nullopt}}) {
    auto c = run_sync(service.by_code(caller, e.code));
    EXPECT_EQ(c.customer_state, e.state) << e.code;
    EXPECT_EQ(c.customer_type, kTypeBusiness) << e.code;
    EXPECT_EQ(c.customer_status, e.status) << e.code;
    EXPECT_EQ(c.is_active(), e.status == kStatusActive) << e.code;
    EXPECT_EQ(c.lead_status, e.lead_status) << e.code;
    // Nothing else lost.
    EXPECT_EQ(c.tax_no, "0105560001234");
    EXPECT_EQ(c.email, "a@b.example");
    EXPECT_EQ(c.income->to_string(), "1500.50");
    EXPECT_EQ(c.aliases, std::vector<std::string>{"SC"});
    EXPECT_EQ(c.birthdate, 642531600);
    EXPECT_EQ(c.date_acquired.has_value(), e.state == kStateCustomer) << e.code;
    ASSERT_EQ(c.addresses.size(), 1u);
    EXPECT_EQ(c.addresses[0].location_name, "HQ");
    EXPECT_EQ(c.addresses[0].location, "Bangkok");
    EXPECT_FALSE(c.addresses[0].location_type);
    EXPECT_EQ(c.addresses[0].latitude, 13.7);
    EXPECT_TRUE(c.contacts.empty());
    EXPECT_TRUE(c.tags.empty());
    EXPECT_EQ(c.social_account, "{}");
    EXPECT_EQ(c.custom_fields, "[]");
  }

  auto codes = [&](std::vector<std::int64_t> states) {
    EnquiryInput in;
    in.keyword = "siam";
    in.states = std::move(states);
    in.take = 10;
    in.order = {{kSortByCode, false}};
    std::vector<std::string> out;
    for (const auto& c : run_sync(service.enquiry(caller, in)).items)
      out.push_back(c.customer_code);
    return out;
  };
  EXPECT_EQ(codes({}), (std::vector<std::string>{"C000001", "L000001", "P000001"}));
  EXPECT_EQ(codes({kStateLead}), std::vector<std::string>{"L000001"});
  EXPECT_EQ(codes({kStateProspect}), std::vector<std::string>{"P000001"});
  EXPECT_EQ(codes({kStateCustomer}), std::vector<std::string>{"C000001"});

  // New codes continue past the migrated ones.
  UpsertInput lead;
  lead.customer_name = "New lead";
  lead.customer_state = api::given<std::int64_t>(kStateLead);
  EXPECT_EQ(run_sync(service.upsert(caller, lead)).customer_code, "L000002");
  db->close();
}

}  // namespace
}  // namespace ov::customers
