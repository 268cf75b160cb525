#include "modules/demo/demo_data.hpp"

#include <string>

#include "auth/provisioning.hpp"
#include "modules/activities/activity_repository.hpp"
#include "modules/cases/case_repository.hpp"
#include "modules/customer_events/customer_event_repository.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/deals/deal_service.hpp"
#include "modules/employees/employee_service.hpp"
#include "modules/expenses/expense_service.hpp"
#include "modules/products/product_service.hpp"
#include "modules/quotations/quotation_service.hpp"
#include "modules/refs.hpp"
#include "modules/sales_orders/sales_order_service.hpp"
#include "modules/settings/setting_repository.hpp"
#include "storage/master_lists.hpp"
#include "storage/sequences.hpp"

namespace ov::demo {

namespace {

// The documented id of a record when no row of this database has it yet (another demo company
// may), else 0 so that the record gets a new one. Generated ids never reach the documented
// ones: SQLite's continue after the largest in use, PostgreSQL's start at 1 000 000.
std::int64_t documented_id(storage::Session& s, const char* table, const char* column,
                           std::int64_t documented) {
  const std::string probe = std::string("SELECT 1 FROM ") + table + " WHERE " + column + " = ?";
  return s.query_i64(probe, {documented}) ? 0 : documented;
}

// The customers the examples name: C000154 (Add and Edit Case, the documented internal id
// 705693), C000349 (Add and Edit Customer Event) and C000055 (Get Customer Events).
std::int64_t seed_demo_customers(storage::Session& s, std::int64_t company_id,
                                 core::UnixSeconds now) {
  customers::CustomerRecord spa;
  spa.customer_id = documented_id(s, "customers", "customer_id", 705693);
  spa.company_id = company_id;
  spa.customer_code = "C000154";
  spa.customer_name = "𝗢𝗮𝘀𝗶𝘀 𝗦𝗽𝗮 Thailand";
  spa.created_by_user_id = spa.modified_by_user_id = kApiUserId;
  spa.date_created = spa.date_modified = now;
  const auto c000154 = customers::insert_customer(s, spa);

  auto add = [&](const char* code, const char* name, const char* tax_no, const char* email) {
    customers::CustomerRecord c;
    c.company_id = company_id;
    c.customer_code = code;
    c.customer_name = name;
    c.tax_no = tax_no;
    c.branch_code = "00000";
    c.email = email;
    c.owners = {kOwnerStaffCode};
    customers::Address a;
    a.location_name = "Head office";
    a.location = "1 Sukhumvit Road, Khlong Toei, Bangkok 10110";
    a.latitude = 13.7367;
    a.longitude = 100.5603;
    a.created_by_user_id = kApiUserId;
    a.date_created = now;
    c.addresses.push_back(std::move(a));
    c.date_acquired = c.date_created = c.date_modified = now;
    c.created_by_user_id = c.modified_by_user_id = kApiUserId;
    customers::insert_customer(s, c);
  };
  add("C000349", "บริษัท สยามการค้า จำกัด", "0105556000349", "contact@siam-trading.example");
  add("C000055", "Example Trading Co., Ltd.", "0105556000055", "info@example-trading.example");
  // New customer codes continue after the highest demo code.
  storage::continue_sequence_after(s, company_id, customers::kCustomerCode, "", 349);
  return c000154;
}

// The case of the Edit Case example as it stood before that edit: T250200010 (feedbackId
// 67941), created 2025-02-06 09:41:33 +0700 by the documented API user.
void seed_demo_case(storage::Session& s, std::int64_t company_id, std::int64_t customer_id) {
  constexpr core::UnixSeconds kCreated = 1738809693;
  constexpr core::UnixSeconds kCaseDate = 1738751753;  // 2025-02-05T17:35:53+0700
  cases::CaseRecord c;
  c.feedback_id = documented_id(s, "cases", "feedback_id", 67941);
  c.company_id = company_id;
  c.feedback_no = "T250200010";
  c.case_type = cases::kRequestForAction;
  c.subject = "Create new case";
  c.status_id = cases::kStatusOpen;
  c.customer_id = customer_id;
  c.category_id = kCaseCategoryId;
  c.note = "description";
  c.assigned_to_user_id = kAssigneeUserId;
  c.date_assigned = c.date_created = c.date_updated = c.date_latest_answer = kCreated;
  c.date_case = c.date_due = kCaseDate;
  c.created_by_user_id = c.updated_by_user_id = kApiUserId;
  cases::CaseRepository(s).insert(c, c.feedback_id != 0);
  // T250200010 is the tenth case of February 2025: new numbers of that month continue after it.
  storage::continue_sequence_after(s, company_id, core::kCaseNumber, "2502", 10);
}

// The customer events of the Customer section's examples under their documented ids: the two
// January events of C000055 that Get Customer Events by Customer Code returns, and event 13 of
// C000349 as it stood before the Edit Customer Event example.
void seed_demo_customer_events(storage::Session& s, std::int64_t company_id,
                               core::UnixSeconds now) {
  struct Event {
    std::int64_t documented_id;
    const char* customer_code;
    const char* name;
    std::int64_t type;
    core::UnixSeconds date;
    const char* description;
  };
  static constexpr Event kEvents[] = {
      {2, "C000055", "Example 1", 1, 1738139923, "Example description 1"},  // 2025-01-29 15:38:43
      {9, "C000055", "Example 2", 1, 1738139923, "Example description 2"},
      {13, "C000349", "Example Edit", 4, 1735720723, "edit event"},  // 2025-01-01 15:38:43
  };
  customer_events::CustomerEventRepository repo(s);
  for (const auto& e : kEvents) {
    auto customer = refs::find_customer_ref(s, company_id, e.customer_code);
    if (!customer) continue;
    customer_events::EventRecord r;
    r.event_id = documented_id(s, "customer_events", "event_id", e.documented_id);
    r.company_id = company_id;
    r.customer_id = customer->customer_id;
    r.event_name = e.name;
    r.event_type = e.type;
    r.event_date = e.date;
    r.description = e.description;
    r.created_by_user_id = r.updated_by_user_id = kApiUserId;
    r.date_created = r.date_updated = now;
    repo.insert(r, r.event_id != 0);
  }
}

// The employees the examples name: the case assignee staff01 and the deal participant staff02,
// through the administration's own write path.
void seed_demo_employees(storage::Session& s, std::int64_t company_id, core::UnixSeconds now) {
  employees::NewEmployee somchai;
  somchai.user_id = kAssigneeUserId;
  somchai.first_name = "Somchai";
  somchai.last_name = "Jaidee";
  somchai.email = "somchai@example.com";
  somchai.staff_code = kOwnerStaffCode;
  somchai.team = kDemoTeamName;
  somchai.position = "Sales executive";
  somchai.phone = "081-234-5678";
  employees::add_employee(s, company_id, somchai, now);
  employees::NewEmployee suda;
  suda.user_id = kSecondUserId;
  suda.first_name = "Suda";
  suda.last_name = "Srisuk";
  suda.nickname = "Da";
  suda.email = "suda@example.com";
  suda.staff_code = kSecondStaffCode;
  suda.team = kDemoTeamName;
  suda.position = "Sales manager";
  suda.role = "Manager";
  suda.level = 1;
  employees::add_employee(s, company_id, suda, now);
}

// The activities the case examples link, A20250200028 and A20250200029: two visits to C000154
// by staff01 in February 2025, the first completed, the second planned.
void seed_demo_activities(storage::Session& s, std::int64_t company_id, std::int64_t customer_id) {
  constexpr core::UnixSeconds kCreated = 1738717200;  // 2025-02-05T08:00:00+0700
  auto team = refs::find_employee_ref(s, company_id, kAssigneeUserId);
  activities::ActivityRepository repo(s);
  activities::ActivityRecord a;
  a.company_id = company_id;
  a.team_id = team ? team->team_id : std::nullopt;
  a.activity_type_id = activities::kTypeVisit;
  a.assign_to_user_id = kAssigneeUserId;
  a.customer_id = customer_id;
  a.visit_location = "1 Sukhumvit Road, Khlong Toei, Bangkok 10110";
  a.visit_location_name = "Head office";
  a.visit_latitude = 13.7367;
  a.visit_longitude = 100.5603;
  a.created_by_user_id = a.modified_by_user_id = kApiUserId;
  a.date_created = a.date_modified = kCreated;

  a.activity_no = "A20250200028";
  a.subject = "Product demo at Oasis Spa";
  a.status_id = activities::kStatusCompleted;
  a.date_appointment_start = 1738738800;  // 2025-02-05T14:00:00+0700
  a.date_appointment_end = 1738742400;
  a.date_check_in = 1738738920;
  a.date_check_out = 1738742280;
  a.key_activity_ids = {1};
  a.note = "Demonstrated the booking system";
  repo.insert(a, {});

  a.activity_no = "A20250200029";
  a.subject = "Follow-up visit at Oasis Spa";
  a.status_id = activities::kStatusPlanned;
  a.date_appointment_start = 1739343600;  // 2025-02-12T14:00:00+0700
  a.date_appointment_end = 1739347200;
  a.date_check_in.reset();
  a.date_check_out.reset();
  a.key_activity_ids = {3, 2};
  a.note = "Collect the signed order";
  repo.insert(a, {});
  // A20250200029 is the 29th activity of February 2025: that month's numbers continue after it.
  storage::continue_sequence_after(s, company_id, core::kActivityNumber, "202502", 29);
}

// Beside each company's seeded templates (one per document type), an English sales-order
// template with the demo company's details: a template that is not the default.
void seed_demo_header_templates(storage::Session& s, std::int64_t company_id) {
  settings::HeaderTemplate t;
  t.header_template_id = 3;
  t.name = "Sales order (English)";
  t.document_type = settings::kSalesOrder;
  t.company_name = "Demo Trading Co., Ltd.";
  t.company_address = "99 Rama IV Road, Pathum Wan, Bangkok 10330";
  t.company_tax_no = "0105561000001";
  t.branch_code = "00000";
  t.company_phone = "02-000-0000";
  t.company_email = "sales@demo-trading.example";
  t.logo_url = "https://demo-trading.example/logo.png";
  settings::add_header_template(s, company_id, t);
}

// The Deal section's documented ids (§4.5): board 34628319 with its stages (5509, the lost
// stage the Update Deal example moves a deal into), the labels, interest and missed reason
// the examples name, and the deals the case examples link, D241200044 and D241200047 —
// December 2024 deals of C000154 owned by staff01 with staff02, created as Create Deal
// creates them.
void seed_demo_deals(storage::Session& s, std::int64_t company_id) {
  constexpr std::int64_t kBoard = 34628319;
  deals::add_board(s, company_id, kBoard, "Project sales");
  deals::add_stage(s, company_id, kBoard, {5507, "Presentation", 1, 30, deals::kStageNormal});
  deals::add_stage(s, company_id, kBoard, {5508, "Signed", 2, 100, deals::kStageWon});
  deals::add_stage(s, company_id, kBoard, {5509, "Lost", 3, 0, deals::kStageLost});
  deals::add_label(s, company_id, {98199047, "Key account", "#8E24AA"});
  deals::add_label(s, company_id, {34064271, "Referral", "#43A047"});
  deals::add_label(s, company_id, {1002, "Priority", "#F4511E"});
  storage::add_master_row(s, customers::kInterestTopics, company_id, 1001, "Booking system");
  storage::add_master_row(s, deals::kMissedReasons, company_id, 39733557,
                          "Chose a competitor's offer");

  const core::Caller caller{company_id, kApiUserId, &core::TimeZone::bangkok()};
  constexpr core::UnixSeconds kCreated = 1733734800;  // 2024-12-09T16:00:00+0700
  deals::DealInput in;
  in.customer_codes = {"C000154"};
  in.board_id = kBoard;
  in.deal_stage_id = api::given(std::int64_t{5507});
  in.assign_to = kOwnerStaffCode;
  in.participant_codes = api::given(std::vector<std::string>{kSecondStaffCode});
  in.interest_ids = api::given(std::vector<std::int64_t>{1001});
  in.deal_quantity_unit = api::given(std::string("branch"));

  in.deal_name = "Booking system for Oasis Spa";
  in.probability = api::given(std::int64_t{30});
  in.deal_value = *core::Decimal::parse("250000.00", 2);
  in.deal_quantity = api::given(core::Decimal::of(3));
  in.label_ids = api::given(std::vector<std::int64_t>{98199047});
  in.expected_close_date = 1740762000;  // 2025-03-01T00:00:00+0700
  in.note = api::given(std::string("Three branches in Bangkok"));
  deals::create_deal(s, caller, in, kCreated, "D241200044");

  in.deal_name = "Staff training for Oasis Spa";
  in.probability = api::given(std::int64_t{50});
  in.deal_value = *core::Decimal::parse("48500.50", 2);
  in.deal_quantity = api::given(core::Decimal::of(12));
  in.deal_quantity_unit = api::given(std::string("seat"));
  in.label_ids = api::given(std::vector<std::int64_t>{34064271});
  in.expected_close_date = 1743440400;  // 2025-04-01T00:00:00+0700
  in.note = api::given(std::string("Follows the booking system"));
  deals::create_deal(s, caller, in, kCreated + 3600, "D241200047");
  // D241200047 is the 47th deal of December 2024: that month's numbers continue after it.
  storage::continue_sequence_after(s, company_id, core::kDealNumber, "2412", 47);
}

// The expense of the Get a Expense example (§4.7.4): expenseId 1 where free, made by the API
// client on 2023-01-06 as Create Expense makes it and approved by the Administrator, with a
// night of accommodation and a taxi and tollway ride.
void seed_demo_expense(storage::Session& s, std::int64_t company_id) {
  const core::Caller caller{company_id, kApiUserId, &core::TimeZone::bangkok()};
  constexpr core::UnixSeconds kCreated = 1672981476;  // 2023-01-06T12:04:36+0700
  expenses::ExpenseInput in;
  in.subject = "Customer visit, Chiang Mai";
  in.date_transaction = api::given(core::UnixSeconds{1672981456});  // 12:04:16+0700
  expenses::LineInput night;
  night.line.expense_type_id = 1001;
  night.line.amount = *core::Decimal::parse("1800.00", 2);
  night.line.night = 1;
  expenses::LineInput ride;
  ride.line.expense_type_id = 1006;
  ride.line.taxi = *core::Decimal::parse("250.00", 2);
  ride.line.tollway = *core::Decimal::parse("75.50", 2);
  ride.line.amount = *ride.line.taxi + *ride.line.tollway;
  in.lines = {night, ride};
  const auto id = expenses::create_expense(s, caller, in, kCreated,
                                           documented_id(s, "expenses", "expense_id", 1));
  expenses::decide(s, company_id, {id, ""}, {expenses::Decision::kApprove, {}, {}}, kCreated + 44,
                   *caller.zone);  // 12:05:20+0700
}

// A product as Create Or Update Products saves it: one price tier, a unit, a category and, when
// `qty` is given, tracked stock.
struct DemoProduct {
  const char* code;
  const char* name;
  const char* price;
  const char* cost;
  const char* unit;
  const char* category;
  const char* sub_category = nullptr;
  const char* qty = nullptr;
};
void save_demo_product(storage::Session& s, const core::Caller& caller, core::UnixSeconds now,
                       webhooks::Outbox& events, const DemoProduct& seed) {
  products::ProductInput in;
  in.product_code = seed.code;
  in.product_name = seed.name;
  in.category = seed.category;
  if (seed.sub_category) in.sub_category = api::given(std::string(seed.sub_category));
  const auto price = *core::Decimal::parse(seed.price, 2);
  in.cost = *core::Decimal::parse(seed.cost, 2);
  products::PriceInput tier;
  tier.price_tier_name = "Retail";
  tier.regular_price = price;
  tier.use_default_vat = true;
  in.prices = {tier};
  in.product_unit_name = seed.unit;
  if (seed.qty) {
    in.track_inventory = true;
    in.qty = *core::Decimal::parse(seed.qty, 0);
  }
  products::save_product(s, caller, in, now, events);
}

// The products the Update Product Stock example names (§4.8.11), A001 to A003, saved as Create
// Or Update Products saves them: one category tree, a unit, one price tier each, tracked stock.
void seed_demo_products(storage::Session& s, std::int64_t company_id, core::UnixSeconds now) {
  const core::Caller caller{company_id, kApiUserId, &core::TimeZone::bangkok()};
  webhooks::Outbox events(s, company_id, now, *caller.zone);
  constexpr DemoProduct kSeeds[] = {
      {"A001", "Booking system licence", "12000.00", "11000.00", "ชิ้น", "Spa systems", "Front desk",
       "10"},
      {"A002", "Queue display screen", "8500.00", "7500.00", "ชิ้น", "Spa systems", "Front desk",
       "10"},
      {"A003", "Receipt printer", "3900.00", "2900.00", "ชิ้น", "Spa systems", "Front desk", "10"}};
  for (const auto& seed : kSeeds) save_demo_product(s, caller, now, events, seed);
}

// What the money documents' examples name (§4.10, §4.11): the customers, staff and products
// of a published sample client's quotation (daisy, Admin01, AB00025dddd) and of the Venio
// sales-order examples A (CUST-001, STAFF-001, PRD-001, PRD-002) and B (C000001 with its
// documented customerId, 00004, PD002).
void seed_demo_document_refs(storage::Session& s, std::int64_t company_id, core::UnixSeconds now) {
  struct Staff {
    const char* user_id;
    const char* code;
    const char* first;
    const char* last;
  };
  constexpr Staff kStaff[] = {
      {"5f2b9c1e-3d4a-4b6c-8e7f-1a2b3c4d5e01", "Admin01", "Anan", "Wongsa"},
      {"5f2b9c1e-3d4a-4b6c-8e7f-1a2b3c4d5e02", "STAFF-001", "Malee", "Chaiyo"},
      {"5f2b9c1e-3d4a-4b6c-8e7f-1a2b3c4d5e03", "00004", "Preecha", "Boonma"},
  };
  for (const auto& st : kStaff) {
    employees::NewEmployee e;
    e.user_id = st.user_id;
    e.first_name = st.first;
    e.last_name = st.last;
    e.email = std::string(st.first) + "@demo-trading.example";
    e.staff_code = st.code;
    e.team = kDemoTeamName;
    e.position = "Sales executive";
    employees::add_employee(s, company_id, e, now);
  }
  auto customer = [&](const char* code, const char* name, std::int64_t documented) {
    customers::CustomerRecord c;
    c.customer_id = documented ? documented_id(s, "customers", "customer_id", documented) : 0;
    c.company_id = company_id;
    c.customer_code = code;
    c.customer_name = name;
    c.tax_no = "0105556001001";
    c.branch_code = "00000";
    customers::Address a;
    a.location_name = "Head office";
    a.location = "123/45 Sukhumvit Road, Khlong Toei, Bangkok 10110";
    a.created_by_user_id = kApiUserId;
    a.date_created = now;
    c.addresses.push_back(std::move(a));
    c.date_acquired = c.date_created = c.date_modified = now;
    c.created_by_user_id = c.modified_by_user_id = kApiUserId;
    customers::insert_customer(s, c);
  };
  customer("daisy", "Daisy Flower Shop", 0);
  customer("CUST-001", "บริษัท ABC จำกัด", 1001);
  customer("C000001", "Venio Audio Co., Ltd.", 592512);

  const core::Caller caller{company_id, kApiUserId, &core::TimeZone::bangkok()};
  webhooks::Outbox events(s, company_id, now, *caller.zone);
  constexpr DemoProduct kItems[] = {
      {"AB00025dddd", "Flower arrangement", "450.00", "300.00", "ชิ้น", "Spa systems", "Front desk"},
      {"PRD-001", "สินค้าตัวอย่าง A", "1000.00", "700.00", "ชิ้น", "Spa systems", "Front desk"},
      {"PRD-002", "สินค้าตัวอย่าง B", "500.00", "350.00", "ชิ้น", "Spa systems", "Front desk"},
      {"PD002", "Venio Headphone", "800.00", "520.00", "ชิ้น", "Spa systems", "Front desk"}};
  for (const auto& item : kItems) save_demo_product(s, caller, now, events, item);
}

documents::LineInput demo_line(const char* code, const char* qty, const char* price = nullptr) {
  documents::LineInput l;
  l.product_code = code;
  l.qty = *core::Decimal::parse(qty, 4);
  if (price) l.price = *core::Decimal::parse(price, 2);
  return l;
}

// The documents the examples name: quotation Q01230000002 (sent, so that the sample client's
// Convert succeeds) and the draft DRAFT2301000004 the sample client edits, and the sales orders
// SO24090001 (approved, with two instalments, for Update SalesOrder Payment's example),
// SOZ-260400032 (Venio example A's order, a draft) and SO260600039 (example B's, waiting approval,
// with its documented salesOrderId 281940).
void seed_demo_documents(storage::Session& s, std::int64_t company_id) {
  const core::Caller caller{company_id, kApiUserId, &core::TimeZone::bangkok()};
  {
    constexpr core::UnixSeconds kCreated = 1672801200;  // 2023-01-04T10:00:00+0700
    quotations::QuotationInput in;
    in.doc.subject = "Flower arrangements for the opening";
    in.doc.customer_code = "daisy";
    in.doc.staff_code = "Admin01";
    in.doc.document_date = 1672765200;  // 2023-01-04
    in.valid_until = 1675443600;        // 2023-02-04
    in.doc.vat_calculation = true;
    in.doc.lines = {demo_line("AB00025dddd", "4")};
    in.status = quotations::kDraft;
    quotations::save_quotation(s, caller, in, kCreated, "Q01230000002");
    // Approved, then sent: the upserts of the status table.
    in.quotation_no = "Q01230000002";
    in.status = quotations::kAwaitingApproval;
    quotations::save_quotation(s, caller, in, kCreated + 600);
    in.status = quotations::kAwaitingSending;
    quotations::save_quotation(s, caller, in, kCreated + 1200);
    in.status = quotations::kSent;
    quotations::save_quotation(s, caller, in, kCreated + 1800);
    // The draft the sample client edits by its referenceNo.
    quotations::QuotationInput draft = in;
    draft.quotation_no.reset();
    draft.status = quotations::kDraft;
    draft.doc.subject = "Test open api quotation consoleapp";
    draft.doc.reference_no = api::given(std::string("DRAFT2301000004"));
    quotations::save_quotation(s, caller, draft, kCreated + 3600);
  }
  {
    constexpr core::UnixSeconds kCreated = 1725594000;  // 2024-09-06T10:40:00+0700
    sales_orders::SalesOrderInput in;
    in.doc.subject = "Booking system for Oasis Spa";
    in.doc.customer_code = "C000154";
    in.doc.staff_code = kOwnerStaffCode;
    in.doc.document_date = 1725555600;  // 2024-09-06
    in.doc.vat_calculation = true;
    in.doc.lines = {demo_line("A001", "1"), demo_line("A003", "2")};
    in.payment = api::given(sales_orders::PaymentInput{
        sales_orders::kPercentOfTotal,
        {{1, core::Decimal::of(50), std::nullopt}, {2, core::Decimal::of(50), std::nullopt}}});
    in.status = sales_orders::kWaitingApproval;
    sales_orders::save_sales_order(s, caller, in, kCreated, "SO24090001");
    sales_orders::approve_order(s, caller, "SO24090001", kCreated + 3600);
  }
  {
    constexpr core::UnixSeconds kCreated = 1776740400;  // 2026-04-21T10:00:00+0700
    sales_orders::SalesOrderInput in;
    in.doc.subject = "ใบสั่งขาย - บริษัท ABC จำกัด";
    in.doc.customer_code = "CUST-001";
    in.doc.staff_code = "STAFF-001";
    in.doc.document_date = 1776704400;  // 2026-04-21
    in.doc.vat_calculation = true;
    in.doc.recipient_name = api::given(std::string("คุณสมชาย ใจดี"));
    in.doc.recipient_address =
        api::given(std::string("123/45 ถ.สุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110"));
    in.doc.payment_term = api::given(std::string("Net 30"));
    in.doc.remark = api::given(std::string("กรุณาจัดส่งในวันทำการถัดไป"));
    in.sales_order_note = api::given(std::string("ลูกค้า VIP — ดูแลเป็นพิเศษ"));
    in.warehouse_code = api::given(std::string("WHGENERAL"));
    auto a = demo_line("PRD-001", "2", "1000.00");
    a.product_description = "รายละเอียดสินค้าตัวอย่าง A";
    a.discount_type = false;
    a.discount_value = core::Decimal::of(50);
    a.wh_tax_value = core::Decimal::of(3);
    auto b = demo_line("PRD-002", "5", "500.00");
    b.product_description = "รายละเอียดสินค้าตัวอย่าง B";
    b.discount_type = true;
    b.discount_value = core::Decimal::of(10);
    b.is_shipping = false;
    // Example A sells it by the box.
    b.product_unit_name = "กล่อง";
    in.doc.lines = {a, b};
    in.doc.discount_name = api::given(std::string("ส่วนลดพิเศษ"));
    in.doc.discount_type = api::given(false);
    in.doc.discount_value = api::given(core::Decimal::of(100));
    in.payment = api::given(sales_orders::PaymentInput{
        sales_orders::kPercentOfTotal, {{1, core::Decimal::of(100), std::nullopt}}});
    sales_orders::save_sales_order(s, caller, in, kCreated, "SOZ-260400032");
  }
  {
    constexpr core::UnixSeconds kCreated = 1780630800;  // 2026-06-05T10:40:00+0700
    sales_orders::SalesOrderInput in;
    in.doc.subject = "ATM Edit SO Full Detail";
    in.doc.customer_code = "C000001";
    in.doc.staff_code = "00004";
    in.doc.document_date = 1780592400;  // 2026-06-05
    in.doc.vat_calculation = true;
    in.doc.include_vat = api::given(true);
    in.doc.currency_code = api::given(std::string("USD"));
    in.doc.lines = {demo_line("PD002", "3.6")};
    in.doc.discount_type = api::given(true);
    in.doc.discount_value = api::given(core::Decimal::of(20));
    in.status = sales_orders::kWaitingApproval;
    sales_orders::save_sales_order(s, caller, in, kCreated, "SO260600039",
                                   documented_id(s, "sales_orders", "sales_order_id", 281940));
  }
  // New numbers continue after the documented ones of their months.
  storage::continue_sequence_after(s, company_id, core::kQuotationReference, "2301", 4);
  storage::continue_sequence_after(s, company_id, core::kSalesOrderNumber, "2606", 39);
}

}  // namespace

void seed_demo_data(storage::Session& s, std::int64_t company_id, core::UnixSeconds now) {
  seed_demo_employees(s, company_id, now);
  storage::add_master_row(s, cases::kCaseCategories, company_id, kCaseCategoryId,
                          "Service request");
  const auto c000154 = seed_demo_customers(s, company_id, now);
  seed_demo_activities(s, company_id, c000154);
  seed_demo_header_templates(s, company_id);
  seed_demo_deals(s, company_id);
  seed_demo_case(s, company_id, c000154);
  seed_demo_customer_events(s, company_id, now);
  seed_demo_expense(s, company_id);
  seed_demo_products(s, company_id, now);
  seed_demo_document_refs(s, company_id, now);
  seed_demo_documents(s, company_id);
}

}  // namespace ov::demo
