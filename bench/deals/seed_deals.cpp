// Seeds a company made by `openvenio init --demo-data` with 20 deal boards (ids 100..119), each
// with four normal stages, a won and a lost stage, and N deals spread evenly over the boards
// and the twelve months of 2025, in large transactions of raw SQL on the schema of
// migrations/*/0016_deals.sql (the Deal section's write path checks every reference one
// request at a time; a million deals through it would take far longer than the benchmark).
// Each month's deals are numbered D25MM00001 upwards in date order, as the API numbers them,
// and the number sequence continues after them; each stage's cards hold positions 1..n in the
// order they were stored (their dealsIndex), counted per block of deal_card_blocks, and each
// deal's number and name are in the keyword index (deals::add_keywords's rows).
// Writes, for the load scripts, the boards with their stages, the keywords the names are made
// of and every deal, one record a line:
//   board <boardId> <normal stage id>×4 <won stage id> <lost stage id>
//   keyword <word>
//   deal <dealNo> <dealsId> <boardId> <dealStageId> <statusId> <dealsName (rest of the line)>
// Usage: openvenio_bench_seed_deals <db-url> <company-id> [<count>] <deals-file>
//        (count defaults to 1 000 000; at most 12 × 99 999, the numbers a year of months holds)
// With --plan, seeds nothing and prints the query plan (SQLite's EXPLAIN QUERY PLAN,
// PostgreSQL's EXPLAIN) of every statement Deal Enquiry runs for the open deals of one board
// with a keyword, take 50, in the default order: the statements the repository itself builds,
// so the plan recorded is the one the server follows, not a copy of its SQL.
//        openvenio_bench_seed_deals --plan <db-url> <company-id> <board-id> <keyword>
#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "../planning_session.hpp"
#include "core/numbers.hpp"
#include "modules/deals/deal_keywords.hpp"
#include "modules/deals/deal_repository.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/refs.hpp"
#include "storage/database.hpp"
#include "storage/sequences.hpp"

namespace {

using Words = std::vector<std::string>;

constexpr std::int64_t kDefaultCount = 1000000;
// Five digits a month: D2501 00001 .. D2501 99999.
constexpr std::int64_t kMaxPerMonth = 99999;
constexpr std::int64_t kMaxCount = 12 * kMaxPerMonth;

constexpr std::int64_t kFirstBoard = 100;
constexpr int kBoards = 20;
// A board's stages are board × 10 + seq (board 100: 1001..1006): clear of the default board's
// stages 1..5 and unique in the company, as deal_stage_id must be.
constexpr int kStagesPerBoard = 6;
constexpr std::int64_t stage_id(std::int64_t board, int seq) { return board * 10 + seq; }

struct StageShape {
  const char* name;
  int probability;
  int stage_type;  // 1 normal, 2 won, 3 lost: the status of the deals in it
  int weight;      // share of the board's deals, in percent
};
// A pipeline as a sales team sees it: most deals open and thinning towards the close, a quarter
// closed (15 % won, 10 % lost), so an enquiry for open deals (statusIds [1]) matches three
// quarters of a board.
constexpr std::array<StageShape, kStagesPerBoard> kStages = {{
    {"Qualification", 10, 1, 30},
    {"นำเสนอสินค้า (Proposal)", 30, 1, 20},
    {"Negotiation", 60, 1, 15},
    {"รอเซ็นสัญญา", 80, 1, 10},
    {"Won", 100, 2, 15},
    {"Lost", 0, 3, 10},
}};

const Words kBoardNames = {"ฝ่ายขายกรุงเทพ",     "ฝ่ายขายภาคเหนือ",    "ฝ่ายขายภาคอีสาน", "ฝ่ายขายภาคใต้",
                           "ฝ่ายขายภาคตะวันออก", "Enterprise",       "SME",           "Government",
                           "Key accounts",     "Channel partners", "โครงการภาครัฐ",  "ลูกค้ารายใหม่",
                           "ต่อสัญญาบริการ",      "Retail",           "Hospitality",   "Healthcare",
                           "Education",        "Manufacturing",    "Export",        "E-commerce"};

// A deal's name is "<kind> <product> <codename> <number>", e.g. "โครงการ ระบบจอง Oasis 123".
// Every word is a keyword of the enquiry workload, with different selectivities: a kind is in
// about 1/8 of the names, a product in 1/32, a codename in 1/40, and "ระบบ" (the start of
// eight products) in a quarter. None of them is part of a deal number or of the demo
// customers' names (the enquiry's keyword also matches those).
const Words kKinds = {"โครงการ", "งานติดตั้ง", "สัญญาบำรุงรักษา", "ต่ออายุ",
                      "จัดซื้อ",    "Upgrade", "Renewal",      "ประมูล"};
const Words kProducts = {"ระบบจอง",        "ระบบบัญชี",         "ระบบเงินเดือน",    "ระบบคิว",
                         "ระบบ ERP",       "ระบบ HR",         "ระบบกล้องวงจรปิด", "ระบบน้ำประปา",
                         "เครื่องปรับอากาศ",  "โซลาร์รูฟท็อป",      "เครื่องกำเนิดไฟฟ้า", "ลิฟต์โดยสาร",
                         "ประตูอัตโนมัติ",     "ป้ายดิจิทัล",         "รถโฟล์คลิฟท์",      "ตู้ Kiosk",
                         "Cloud backup",   "Firewall",        "Data center",    "Wi-Fi mesh",
                         "POS terminal",   "Laptop fleet",    "Printer lease",  "Microsoft 365",
                         "CRM rollout",    "Network cabling", "UPS battery",    "Smart lock",
                         "Fleet tracking", "Cold storage",    "Conveyor belt",  "LED lighting"};
const Words kCodenames = {
    "Oasis",    "Phoenix", "Orchid",   "Mango",  "Aurora",   "Falcon",   "Coral",    "Jasmine",
    "Tamarind", "Monsoon", "Saffron",  "Pepper", "Bamboo",   "Lagoon",   "Sapphire", "Emerald",
    "Horizon",  "Zenith",  "Atlas",    "Nimbus", "Cobalt",   "Indigo",   "Marigold", "Papaya",
    "Lychee",   "Durian",  "Rambutan", "Pomelo", "Teak",     "Mahogany", "Kinnaree", "Garuda",
    "Naga",     "Hanuman", "Erawan",   "Chedi",  "Songkran", "Loy",      "Krathong", "Meridian"};
const Words kNotes = {"ลูกค้าขอใบเสนอราคาภายในสัปดาห์นี้", "Waiting for the budget approval",
                      "นัดสาธิตสินค้าที่สำนักงานลูกค้า", "Competitor offered 10% less",
                      "Decision maker: procurement manager"};
const Words kUnits = {"unit", "ชุด", "เครื่อง", "license"};

// The demo customers (the examples' C000154, C000349 and C000055).
const Words kCustomers = {"C000154", "C000349", "C000055"};
const Words kOwners = {ov::demo::kOwnerStaffCode, ov::demo::kSecondStaffCode};

// 2025-01-01T00:00:00+0700, and the local start of each month of 2025.
constexpr std::int64_t kMonthStart[13] = {
    1735664400, 1738342800, 1740762000, 1743440400, 1746032400, 1748710800, 1751302800,
    1753981200, 1756659600, 1759251600, 1761930000, 1764522000, 1767200400};
constexpr std::int64_t kDay = 86400;
// The deal number's period (YYMM) of each month.
constexpr const char* kPeriods[12] = {"2501", "2502", "2503", "2504", "2505", "2506",
                                      "2507", "2508", "2509", "2510", "2511", "2512"};

// 20 000 deals a transaction, like the other seeders: large enough to seed quickly, small
// enough to keep the WAL sane.
constexpr std::int64_t kBatch = 20000;
// Rows a statement: one round trip (PostgreSQL) and one parse for 250 deals. 250 × 24
// parameters stay below SQLite's 32 766 and PostgreSQL's 65 535.
constexpr std::size_t kRowsPerInsert = 250;

// The deal columns the seeder fills, besides the constants of the statement; in the order of
// DealRow::params.
constexpr const char* kDealColumns =
    "company_id, deal_no, deals_name, created_at, customer_id, deals_value, status_id, board_id, "
    "deal_stage_id, card_position, deals_date, expected_close_date, probability, notes, "
    "created_by_user_id, date_created, modified_by_user_id, date_modified, deal_quantity, "
    "deal_quantity_unit, assign_to, customer_codes, date_follow_up, reason_category_id, "
    "is_active, participant_codes, interest_ids, label_ids, cancel_all_order";
constexpr int kDealParams = 24;
constexpr const char* kDealConstants = "1, '[]', '[]', '[]', 0";

// One deal's values; strings owned here so the statement's views stay valid.
struct DealRow {
  std::string deal_no, name, value, customer_codes;
  std::optional<std::string> notes, quantity, unit;
  std::int64_t customer_id = 0, status_id = 1, board_id = 0, stage_id = 0, index = 0, date = 0,
               close_date = 0, probability = 0;
  std::optional<std::int64_t> follow_up, reason;
  const std::string* owner = nullptr;

  void params(std::vector<ov::storage::Value>& out, std::int64_t company) const {
    auto opt_text = [](const std::optional<std::string>& v) -> ov::storage::Value {
      if (!v) return nullptr;
      return std::string_view(*v);
    };
    auto opt_int = [](std::optional<std::int64_t> v) -> ov::storage::Value {
      if (!v) return nullptr;
      return *v;
    };
    const std::string_view api_user = ov::demo::kApiUserId;
    out.insert(out.end(), {company,
                           std::string_view(deal_no),
                           std::string_view(name),
                           date,
                           customer_id,
                           std::string_view(value),
                           status_id,
                           board_id,
                           stage_id,
                           index,
                           date,
                           close_date,
                           probability,
                           opt_text(notes),
                           api_user,
                           date,
                           api_user,
                           date,
                           opt_text(quantity),
                           opt_text(unit),
                           std::string_view(*owner),
                           std::string_view(customer_codes),
                           opt_int(follow_up),
                           opt_int(reason)});
  }
};

std::string insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO deals (";
  sql.append(kDealColumns).append(") VALUES ");
  std::string one = "(";
  for (int i = 0; i < kDealParams; ++i) one.append("?, ");
  one.append(kDealConstants).append(")");
  for (std::size_t r = 0; r < rows; ++r) {
    if (r) sql.append(", ");
    sql.append(one);
  }
  sql.append(" RETURNING deals_id, deal_no");
  return sql;
}

// Keyword rows a statement: 2 000 × 5 parameters, below both backends' limits.
constexpr std::size_t kGramsPerInsert = 2000;

std::string grams_sql(std::size_t rows) {
  std::string sql =
      "INSERT INTO deal_trigrams (company_id, trigram, board_id, status_id, deals_id) VALUES ";
  for (std::size_t r = 0; r < rows; ++r) sql.append(r ? ", (?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)");
  return sql;
}

std::string customers_sql(std::size_t rows) {
  std::string sql =
      "INSERT INTO deal_customers (company_id, deals_id, position, customer_id) VALUES ";
  for (std::size_t r = 0; r < rows; ++r) sql += r ? ", (?, ?, 0, ?)" : "(?, ?, 0, ?)";
  return sql;
}

using ov::bench::PlanningSession;

int print_enquiry_plan(const char* url, std::int64_t company, std::int64_t board,
                       const std::string& keyword) {
  auto db = ov::storage::open_database(url);
  ov::deals::EnquiryInput in;
  in.board_id = board;
  in.status_ids = {ov::deals::kStatusOpen};
  in.keyword = keyword;
  in.take = 50;
  // The route's default order: dealsDate desc, then dealsId desc.
  in.order = {{ov::deals::kSortByDate, true}, {ov::deals::kSortById, true}};
  db->read_now([&](ov::storage::Session& s) {
    PlanningSession planning(s);
    ov::deals::DealRepository(planning).enquiry(company, in);
  });
  db->close();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::string_view(argv[1]) == "--plan") {
    return print_enquiry_plan(argv[2], std::stoll(argv[3]), std::stoll(argv[4]), argv[5]);
  }
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: " << argv[0] << " <db-url> <company-id> [<count>] <deals-file>\n"
              << "       " << argv[0] << " --plan <db-url> <company-id> <board-id> <keyword>\n";
    return 2;
  }
  const std::int64_t company = std::stoll(argv[2]);
  const std::int64_t count = argc == 5 ? std::stoll(argv[3]) : kDefaultCount;
  if (count < 1 || count > kMaxCount) {
    std::cerr << "count must be between 1 and " << kMaxCount << " (D+YYMM+5 digits a month)\n";
    return 2;
  }
  std::ofstream out(argv[argc - 1]);
  auto db = ov::storage::open_database(argv[1]);
  std::mt19937_64 rng(20250301);
  auto between = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  auto pick = [&](const Words& w) -> const std::string& {
    return w[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(w.size()) - 1))];
  };

  // The demo customers' ids (documented ids where free, so looked up rather than assumed).
  std::vector<std::int64_t> customer_ids;
  db->read_now([&](ov::storage::Session& s) {
    for (const auto& code : kCustomers) {
      auto c = ov::refs::find_customer_ref(s, company, code);
      if (!c)
        throw std::runtime_error("demo customer " + code + " not found: run init --demo-data");
      customer_ids.push_back(c->customer_id);
    }
  });

  db->write_now([&](ov::storage::Session& s) {
    for (int b = 0; b < kBoards; ++b) {
      const std::int64_t board = kFirstBoard + b;
      s.exec("INSERT INTO deal_boards (company_id, board_id, name) VALUES (?, ?, ?)",
             {company, board, std::string_view(kBoardNames[static_cast<std::size_t>(b)])});
      out << "board " << board;
      for (int seq = 1; seq <= kStagesPerBoard; ++seq) {
        const auto& st = kStages[static_cast<std::size_t>(seq - 1)];
        s.exec(
            "INSERT INTO deal_stages (company_id, deal_stage_id, name, board_id, seq, "
            "probability, stage_type) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {company, stage_id(board, seq), std::string_view(st.name), board, std::int64_t{seq},
             std::int64_t{st.probability}, std::int64_t{st.stage_type}});
        out << " " << stage_id(board, seq);
      }
      out << "\n";
    }
  });
  for (const Words* words : {&kKinds, &kProducts, &kCodenames}) {
    for (const auto& w : *words) out << "keyword " << w << "\n";
  }
  out << "keyword ระบบ\n";

  // Cumulative stage weights, for drawing a deal's stage.
  std::array<int, kStagesPerBoard> cumulative{};
  for (int i = 0, sum = 0; i < kStagesPerBoard; ++i) cumulative[i] = sum += kStages[i].weight;
  // The deals of each stage so far (their dealsIndex), by board and seq.
  std::vector<std::array<std::int64_t, kStagesPerBoard>> cards(kBoards);
  std::int64_t per_month[12] = {};

  const std::string full_insert = insert_sql(kRowsPerInsert);
  const std::string full_customers = customers_sql(kRowsPerInsert);
  const std::string full_grams = grams_sql(kGramsPerInsert);
  // A transaction's keyword rows: trigram, board, status, deal.
  std::vector<std::array<std::int64_t, 4>> grams;
  std::vector<DealRow> rows;
  std::vector<ov::storage::Value> params;
  rows.reserve(kRowsPerInsert);
  params.reserve(kRowsPerInsert * kDealParams);

  for (std::int64_t done = 0; done < count;) {
    const std::int64_t batch_end = std::min(count, done + kBatch);
    db->write_now([&](ov::storage::Session& s) {
      for (std::int64_t i = done; i < batch_end;) {
        rows.clear();
        for (; i < batch_end && rows.size() < kRowsPerInsert; ++i) {
          // Consecutive deals take the boards in turn and fill the months in order, so every
          // board has count / 20 deals and every month count / 12, and numbers, ids and dates
          // rise together as when the API stores deals day by day.
          const int month = static_cast<int>(i * 12 / count);
          const std::int64_t month_first = (month * count + 11) / 12;
          const std::int64_t month_count = ((month + 1) * count + 11) / 12 - month_first;
          const int b = static_cast<int>(i % kBoards);
          DealRow d;
          d.board_id = kFirstBoard + b;
          const int draw = static_cast<int>(between(1, 100));
          int seq = 1;
          while (cumulative[static_cast<std::size_t>(seq - 1)] < draw) ++seq;
          const auto& st = kStages[static_cast<std::size_t>(seq - 1)];
          d.stage_id = stage_id(d.board_id, seq);
          d.status_id = st.stage_type;
          d.probability = st.probability;
          d.index = ++cards[static_cast<std::size_t>(b)][static_cast<std::size_t>(seq - 1)];
          d.date = kMonthStart[month] +
                   (i - month_first) * (kMonthStart[month + 1] - kMonthStart[month]) / month_count;
          d.close_date = d.date + between(14, 120) * kDay;
          // Formatted as the API formats its numbers: "D" + YYMM + five digits.
          d.deal_no =
              ov::core::format_number(ov::core::kDealNumber, kPeriods[month], ++per_month[month]);
          d.name = pick(kKinds) + " " + pick(kProducts) + " " + pick(kCodenames) + " " +
                   std::to_string(between(1, 999));
          // 5 000 to 5 000 000 baht, to the satang (two places, as Decimal stores "125000.50").
          char value[48];
          std::snprintf(value, sizeof value, "%lld.%02lld",
                        static_cast<long long>(between(5000, 5000000)),
                        static_cast<long long>(between(0, 1) * 50));
          d.value = value;
          const auto c = static_cast<std::size_t>(between(0, 2));
          d.customer_id = customer_ids[c];
          d.customer_codes = "[\"" + kCustomers[c] + "\"]";
          d.owner = &pick(kOwners);
          if (between(0, 2) == 0) d.notes = pick(kNotes);
          if (between(0, 1) == 0) {
            d.quantity = std::to_string(between(1, 500));
            d.unit = pick(kUnits);
          }
          if (d.status_id == 1 && between(0, 3) == 0) d.follow_up = d.date + between(1, 14) * kDay;
          // A lost deal names its missed reason (the five categories every company has).
          if (d.status_id == 3) d.reason = between(1, 5);
          rows.push_back(std::move(d));
        }
        params.clear();
        for (const auto& d : rows) d.params(params, company);
        std::unordered_map<std::string, std::int64_t> ids;
        {
          auto r = s.query(rows.size() == kRowsPerInsert ? full_insert : insert_sql(rows.size()),
                           params);
          while (r.next()) ids.emplace(r.str(1), r.i64(0));
        }
        params.clear();
        for (const auto& d : rows) {
          const std::int64_t id = ids.at(d.deal_no);
          params.insert(params.end(), {company, id, d.customer_id});
          out << "deal " << d.deal_no << " " << id << " " << d.board_id << " " << d.stage_id << " "
              << d.status_id << " " << d.name << "\n";
        }
        s.exec(rows.size() == kRowsPerInsert ? full_customers : customers_sql(rows.size()), params);
        // The deal's keyword rows: the trigrams the Deal section writes for it
        // (deals::add_keywords), inserted with the transaction's other deals' below.
        for (const auto& d : rows) {
          const std::int64_t id = ids.at(d.deal_no);
          for (auto t : ov::deals::trigrams(ov::deals::search_text(d.deal_no, d.name))) {
            grams.push_back({t, d.board_id, d.status_id, id});
          }
        }
      }
      // About 40 rows a deal, 800 000 a transaction, keyed by trigram first: in key order, so
      // each page of the index is written once a transaction rather than once a row (unsorted,
      // a million deals take ten minutes instead of two).
      std::sort(grams.begin(), grams.end());
      for (std::size_t g = 0; g < grams.size();) {
        const std::size_t n = std::min(kGramsPerInsert, grams.size() - g);
        params.clear();
        for (std::size_t k = g; k < g + n; ++k) {
          params.insert(params.end(),
                        {company, grams[k][0], grams[k][1], grams[k][2], grams[k][3]});
        }
        s.exec(n == kGramsPerInsert ? full_grams : grams_sql(n), params);
        g += n;
      }
      grams.clear();
    });
    done = batch_end;
  }

  db->write_now([&](ov::storage::Session& s) {
    for (int m = 0; m < 12; ++m) {
      ov::storage::continue_sequence_after(s, company, ov::core::kDealNumber, kPeriods[m],
                                           per_month[m]);
    }
    for (int b = 0; b < kBoards; ++b) {
      for (int seq = 1; seq <= kStagesPerBoard; ++seq) {
        s.exec(
            "UPDATE deal_stages SET next_position = ? WHERE company_id = ? AND deal_stage_id = ?",
            {cards[static_cast<std::size_t>(b)][static_cast<std::size_t>(seq - 1)], company,
             stage_id(kFirstBoard + b, seq)});
      }
    }
    const std::string block = "card_position / " + std::to_string(ov::deals::kCardBlock);
    std::string blocks = "INSERT INTO deal_card_blocks (company_id, deal_stage_id, block, cards) ";
    blocks.append("SELECT company_id, deal_stage_id, ").append(block);
    blocks.append(
        ", COUNT(*) FROM deals WHERE company_id = ? GROUP BY company_id, deal_stage_id, ");
    blocks.append(block).append(
        " ON CONFLICT (company_id, deal_stage_id, block) DO UPDATE SET cards = excluded.cards");
    s.exec(blocks, {company});
  });
  // PostgreSQL plans by its statistics, which autovacuum gathers some time after a bulk load:
  // gathered now, so the measurements do not depend on when it gets to them. (SQLite keeps
  // none unless asked, and the server never asks: its plans there need none.)
  if (db->backend() == "postgres") {
    db->write_now([&](ov::storage::Session& s) {
      s.exec("ANALYZE deals, deal_customers, deal_trigrams, deal_card_blocks, deal_stages");
    });
  }
  db->close();
  out.close();
  if (!out) {
    std::cerr << "could not write " << argv[argc - 1] << "\n";
    return 1;
  }
  std::cout << "seeded " << kBoards << " boards of " << kStagesPerBoard << " stages and " << count
            << " deals\n";
  return 0;
}
