// Migration 0016 (the Deal section) on a database at 0015 holding 0001's number-only deals, on
// every backend: the deals keep their ids, numbers and the cases linking them, and become open
// deals of stage 1 of board 1, in their stage's column in the order they were stored (dealsIndex
// 1..n, with the column's bookkeeping matching, so that new and moved cards go on from there),
// found by keyword like any deal; every company gets the lists a new company gets.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/deals/deal_repository.hpp"
#include "modules/deals/deal_service.hpp"
#include "modules/employees/employee_service.hpp"
#include "modules/modules.hpp"
#include "storage/database.hpp"
#include "storage/master_lists.hpp"
#include "storage/test_database.hpp"

namespace ov::deals {
namespace {

// The migration before the Deal section's.
constexpr int kBeforeDeals = 15;
// 2025-02-14T12:00:00+0700.
constexpr core::UnixSeconds kNow = 1739509200;

// Companies 7 and 9 with 0001's deals (a number, a name or none, a creation time) under ids
// that interleave, company 8 with none; a case of company 7 linking two of its deals.
void write_old_rows(storage::Session& s) {
  for (std::int64_t company : {7, 8, 9}) {
    const std::string name = "Old Co " + std::to_string(company);
    s.exec(
        "INSERT INTO companies (company_id, name, timezone, created_at) VALUES (?, ?, "
        "'Asia/Bangkok', 1733000000)",
        {company, std::string_view(name)});
  }
  struct Deal {
    std::int64_t id, company;
    const char* no;
    const char* name;  // nullptr: stored without one
    core::UnixSeconds created;
  };
  for (const auto& d : {Deal{41, 7, "D241200044", "Demo deal", 1733734800},
                        Deal{42, 7, "D241200047", nullptr, 1733738400},
                        Deal{43, 9, "D241200001", "Other company's deal", 1733740000},
                        Deal{45, 7, "D241200050", "Third ดีลสยาม", 1733741000}}) {
    s.exec(
        "INSERT INTO deals (deals_id, company_id, deal_no, deals_name, created_at) VALUES (?, ?, "
        "?, ?, ?)",
        {d.id, d.company, std::string_view(d.no),
         d.name ? storage::Value(std::string_view(d.name)) : storage::Value(nullptr), d.created});
  }
  s.exec(
      "INSERT INTO cases (feedback_id, company_id, feedback_no, case_type, subject, status_id, "
      "category_id, assigned_to_user_id, date_assigned, date_case, date_due, created_by_user_id, "
      "date_created, updated_by_user_id, date_updated, date_latest_answer, deal_nos) VALUES "
      "(67941, 7, 'T250200010', 1, 'Create new case', 201, 1, "
      "'6d473b8f-a6b3-4536-b1e6-f4b7688414e2', 1738800004, 1738800004, 1738800004, 'api', "
      "1738800004, 'api', 1738800004, 1738800004, '[\"D241200044\",\"D241200050\"]')");
  s.exec(
      "INSERT INTO case_deals (company_id, feedback_id, position, deals_id) VALUES (7, 67941, 0, "
      "41), (7, 67941, 1, 45)");
}

// A database at 0015 with the old rows, migrated by opening it.
std::unique_ptr<storage::Database> migrated(const storage::ScratchDatabase& scratch) {
  {
    storage::DatabaseOptions at_0015;
    at_0015.schema_version = kBeforeDeals;
    auto db = storage::open_database(scratch.url(), at_0015);
    db->write_now([&](storage::Session& s) { write_old_rows(s); });
    db->close();
  }
  return storage::open_database(scratch.url());
}

// A list's entries as comparable values.
using Entry = std::tuple<std::int64_t, std::string, bool, std::vector<storage::MasterRow::Extra>>;
std::vector<Entry> entries(storage::Session& s, const core::MasterList& list,
                           std::int64_t company) {
  std::vector<Entry> out;
  for (auto& r : storage::list_master(s, list, company, true, {})) {
    out.emplace_back(r.id, r.name, r.is_active, r.extras);
  }
  return out;
}

// (deals_id, dealsIndex) of a company's stage column, in column order, as deals read them.
std::vector<std::pair<std::int64_t, std::int64_t>> column(storage::Database& db,
                                                          std::int64_t company,
                                                          std::int64_t stage) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  db.read_now([&](storage::Session& s) {
    std::vector<std::int64_t> ids;
    auto rows = s.query(
        "SELECT deals_id FROM deals WHERE company_id = ? AND deal_stage_id = ? ORDER BY "
        "deals_id",
        {company, stage});
    while (rows.next()) ids.push_back(rows.i64(0));
    DealRepository repo(s);
    for (auto id : ids) out.emplace_back(id, repo.find_by_id(company, id)->deals_index);
  });
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.second < b.second; });
  return out;
}

class DealMigration : public storage::BackendTest {};
OV_ON_EVERY_BACKEND(DealMigration);

TEST_P(DealMigration, StoredDealsBecomeOpenDealsOfTheFirstStageAndKeepTheirLinks) {
  storage::ScratchDatabase scratch(backend());
  auto db = migrated(scratch);
  db->read_now([&](storage::Session& s) {
    EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM schema_migrations WHERE version = 16"), 1);
    auto d = s.query(
        "SELECT deals_id, company_id, deal_no, deals_name, board_id, deal_stage_id, status_id, "
        "deals_date, expected_close_date, date_created, date_modified, is_active, probability, "
        "deals_value, customer_id, customer_codes, participant_codes, interest_ids, label_ids, "
        "reason_category_id FROM deals ORDER BY deals_id");
    struct Expected {
      std::int64_t id, company;
      const char* no;
      const char* name;
      std::int64_t index;
      core::UnixSeconds created;
    };
    DealRepository repo(s);
    for (const auto& e : {Expected{41, 7, "D241200044", "Demo deal", 1, 1733734800},
                          // Stored without a name: its number is its name.
                          Expected{42, 7, "D241200047", "D241200047", 2, 1733738400},
                          Expected{43, 9, "D241200001", "Other company's deal", 1, 1733740000},
                          Expected{45, 7, "D241200050", "Third ดีลสยาม", 3, 1733741000}}) {
      SCOPED_TRACE(e.no);
      ASSERT_TRUE(d.next());
      EXPECT_EQ(d.i64(0), e.id);
      EXPECT_EQ(d.i64(1), e.company);
      EXPECT_EQ(d.str(2), e.no);
      EXPECT_EQ(d.str(3), e.name);
      EXPECT_EQ(d.i64(4), kDefaultBoardId);
      EXPECT_EQ(d.i64(5), 1);
      EXPECT_EQ(d.i64(6), kStatusOpen);
      for (int col : {7, 8, 9, 10}) EXPECT_EQ(d.i64(col), e.created) << col;
      EXPECT_EQ(d.i64(11), 1);
      EXPECT_EQ(d.i64(12), 0);
      EXPECT_EQ(d.str(13), "0");
      EXPECT_TRUE(d.is_null(14));
      for (int col : {15, 16, 17, 18}) EXPECT_EQ(d.str(col), "[]") << col;
      EXPECT_TRUE(d.is_null(19));
      // Its company's deals in the order they were stored, as the deal object reads them.
      auto read = repo.find_by_id(e.company, e.id);
      ASSERT_TRUE(read);
      EXPECT_EQ(read->deals_index, e.index);
      EXPECT_EQ(read->status_id, kStatusOpen);
      ASSERT_TRUE(read->stage);
      EXPECT_EQ(read->stage->name, "Qualification");
    }
    EXPECT_FALSE(d.next());

    // The case still links its two deals.
    auto links = s.query(
        "SELECT position, deals_id, company_id FROM case_deals WHERE feedback_id = 67941 ORDER "
        "BY position");
    ASSERT_TRUE(links.next());
    EXPECT_EQ(links.i64(1), 41);
    EXPECT_EQ(links.i64(2), 7);
    ASSERT_TRUE(links.next());
    EXPECT_EQ(links.i64(1), 45);
    EXPECT_FALSE(links.next());

    // Each stage's column: the cards counted by block are its deals, and the last position
    // given out is its last card's, company by company.
    auto cards = s.query(
        "SELECT st.company_id, st.deal_stage_id, st.next_position, (SELECT COUNT(*) FROM deals x "
        "WHERE x.company_id = st.company_id AND x.deal_stage_id = st.deal_stage_id), (SELECT "
        "COALESCE(SUM(b.cards), 0) FROM deal_card_blocks b WHERE b.company_id = st.company_id AND "
        "b.deal_stage_id = st.deal_stage_id), (SELECT COALESCE(MAX(x.card_position), 0) FROM "
        "deals x WHERE x.company_id = st.company_id AND x.deal_stage_id = st.deal_stage_id) FROM "
        "deal_stages st ORDER BY st.company_id, st.deal_stage_id");
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> counts;
    while (cards.next()) {
      SCOPED_TRACE(std::to_string(cards.i64(0)) + "/" + std::to_string(cards.i64(1)));
      EXPECT_EQ(cards.i64(4), cards.i64(3));
      EXPECT_EQ(cards.i64(2), cards.i64(5));
      counts.emplace_back(cards.i64(0), cards.i64(1), cards.i64(3));
    }
    const std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> expected = {
        {7, 1, 3}, {7, 2, 0}, {7, 3, 0}, {7, 4, 0}, {7, 5, 0}, {8, 1, 0}, {8, 2, 0}, {8, 3, 0},
        {8, 4, 0}, {8, 5, 0}, {9, 1, 1}, {9, 2, 0}, {9, 3, 0}, {9, 4, 0}, {9, 5, 0}};
    EXPECT_EQ(counts, expected);

    // Every company has board 1 as its default, its five stages, the reasons and the labels.
    for (std::int64_t company : {7, 8, 9}) {
      SCOPED_TRACE(company);
      EXPECT_EQ(
          s.query_i64("SELECT board_id FROM deal_board_defaults WHERE company_id = ?", {company}),
          kDefaultBoardId);
      EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM deal_boards WHERE company_id = ?", {company}), 1);
      EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM deal_stages WHERE company_id = ? AND board_id "
                            "= 1",
                            {company}),
                5);
      EXPECT_EQ(
          s.query_i64("SELECT COUNT(*) FROM deal_missed_reasons WHERE company_id = ?", {company}),
          5);
      EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM deal_labels WHERE company_id = ?", {company}), 3);
    }
    if (s.backend() == "sqlite") {
      // Every foreign key still holds, the new ones included.
      EXPECT_FALSE(s.query("PRAGMA foreign_key_check").next());
    }
  });

  // A migrated company's deal lists are a new company's.
  db->write_now([&](storage::Session& s) {
    s.exec(
        "INSERT INTO companies (company_id, name, timezone, created_at) VALUES (10, 'New Co', "
        "'Asia/Bangkok', ?)",
        {kNow});
    modules::seed_master_data(s, 10);
  });
  db->read_now([&](storage::Session& s) {
    for (const auto* list : {&kDealBoards, &kDealStages, &kDealLabels, &kMissedReasons}) {
      SCOPED_TRACE(list->path);
      const auto fresh = entries(s, *list, 10);
      EXPECT_FALSE(fresh.empty());
      for (std::int64_t company : {7, 8, 9}) {
        EXPECT_EQ(entries(s, *list, company), fresh) << company;
      }
    }
  });
  db->close();
}

TEST_P(DealMigration, MigratedDealsAreReadFoundMovedAndJoinedLikeAnyDeal) {
  storage::ScratchDatabase scratch(backend());
  auto db = migrated(scratch);
  db->write_now([&](storage::Session& s) {
    employees::NewEmployee e;
    e.first_name = "Somchai";
    e.staff_code = "staff01";
    employees::add_employee(s, 7, e, kNow);
    customers::CustomerRecord c;
    c.company_id = 7;
    c.customer_code = "C000154";
    c.customer_name = "Oasis Spa";
    c.date_created = c.date_modified = kNow;
    customers::insert_customer(s, c);
  });
  core::FixedClock clock(kNow);
  DealService service(*db, clock);
  const core::Caller caller{7, "aaaaaaaa-0000-4000-8000-000000000002", &core::TimeZone::bangkok()};

  // Read by number (in any case) and by id, in the stage they are in, with no customer.
  auto old = storage::run_sync(service.get(caller, api::IdOrNumber{.number = "d241200047"}));
  EXPECT_EQ(old.deals_id, 42);
  EXPECT_EQ(old.deals_name, "D241200047");
  EXPECT_EQ(old.deals_index, 2);
  EXPECT_EQ(old.board_id, kDefaultBoardId);
  ASSERT_TRUE(old.stage);
  EXPECT_EQ(old.stage->name, "Qualification");
  EXPECT_FALSE(old.customer_id);
  EXPECT_FALSE(old.customer);
  EXPECT_TRUE(old.customer_codes.empty());
  EXPECT_EQ(storage::run_sync(service.get(caller, api::IdOrNumber{.id = 45})).deal_no,
            "D241200050");
  // Another company's migrated deal is not found through this one.
  EXPECT_EQ(storage::error_of([&] { return service.get(caller, api::IdOrNumber{.id = 43}); }),
            "dealsId 43 was not found");

  // Listed, newest first, with the joined stage names; found by keyword.
  auto list = [&](std::optional<std::string> keyword) {
    EnquiryInput in;
    in.take = 10;
    in.order = {{kSortByDate, true}, {kSortById, true}};
    in.keyword = std::move(keyword);
    auto page = storage::run_sync(service.enquiry(caller, in));
    std::vector<std::string> numbers;
    for (const auto& d : page.items) {
      numbers.push_back(d.deal_no);
      EXPECT_EQ(d.stage_name, d.deal_stage_id == 1 ? "Qualification" : "Won") << d.deal_no;
      EXPECT_FALSE(d.customer_name) << d.deal_no;
    }
    EXPECT_EQ(page.total, static_cast<std::int64_t>(numbers.size()));
    return numbers;
  };
  EXPECT_EQ(list(std::nullopt),
            (std::vector<std::string>{"D241200050", "D241200047", "D241200044"}));
  EXPECT_EQ(list("DEMO DEAL"), (std::vector<std::string>{"D241200044"}));
  EXPECT_EQ(list("ดีลสยาม"), (std::vector<std::string>{"D241200050"}));
  EXPECT_EQ(list("thIRD"), (std::vector<std::string>{"D241200050"}));
  EXPECT_EQ(list("1200047"), (std::vector<std::string>{"D241200047"}));
  EXPECT_EQ(list("d2412000"), (std::vector<std::string>{"D241200050", "D241200047", "D241200044"}));
  EXPECT_TRUE(list("other company").empty());

  // A migrated deal moves out of its column, which closes up behind it; renamed, it is found by
  // its new name only.
  DealInput move;
  move.deal_name = "Demo deal, won";
  move.deal_value = core::Decimal::of(1000);
  move.expected_close_date = kNow;
  move.assign_to = "staff01";
  move.deal_stage_id = api::given(std::int64_t{4});
  auto won = storage::run_sync(service.update(caller, api::IdOrNumber{.id = 41}, move));
  EXPECT_EQ(won.status_id, kStatusWon);
  EXPECT_EQ(won.deals_index, 1);
  EXPECT_EQ(column(*db, 7, 1),
            (std::vector<std::pair<std::int64_t, std::int64_t>>{{42, 1}, {45, 2}}));
  EXPECT_EQ(list("deal, won"), (std::vector<std::string>{"D241200044"}));
  // A new deal goes to the end of the first stage's column, after the migrated ones.
  DealInput create;
  create.customer_codes = {"C000154"};
  create.board_id = kDefaultBoardId;
  create.deal_name = "New deal";
  create.probability = api::given(std::int64_t{10});
  create.deal_value = core::Decimal::of(5);
  create.expected_close_date = kNow;
  create.assign_to = "staff01";
  auto fresh = storage::run_sync(service.create(caller, create));
  EXPECT_EQ(fresh.deal_stage_id, 1);
  EXPECT_EQ(fresh.deals_index, 3);
  EXPECT_EQ(fresh.deal_no, "D250200001");
  EXPECT_EQ(column(*db, 7, 1), (std::vector<std::pair<std::int64_t, std::int64_t>>{
                                   {42, 1}, {45, 2}, {fresh.deals_id, 3}}));
  // The migrated deal moved back goes last too.
  move.deal_stage_id = api::given(std::int64_t{1});
  EXPECT_EQ(storage::run_sync(service.update(caller, api::IdOrNumber{.id = 41}, move)).deals_index,
            4);
  EXPECT_TRUE(column(*db, 7, 4).empty());
  // Company 9's column is its own.
  EXPECT_EQ(column(*db, 9, 1), (std::vector<std::pair<std::int64_t, std::int64_t>>{{43, 1}}));
  db->read_now([&](storage::Session& s) {
    // The case's links are untouched.
    EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM case_deals WHERE company_id = 7"), 2);
  });
  db->close();
}

}  // namespace
}  // namespace ov::deals
