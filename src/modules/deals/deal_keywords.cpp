#include "modules/deals/deal_keywords.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "modules/customers/customer_keywords.hpp"
#include "storage/text_match.hpp"

namespace ov::deals {

namespace {

// The most trigrams of a keyword intersected (keyword_from).
constexpr std::size_t kMaxKeywordTrigrams = 3;

// The code points of valid UTF-8 text; empty when it is not.
std::vector<std::uint32_t> code_points(std::string_view text) {
  std::vector<std::uint32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = b < 0x80           ? 1
                    : (b >> 5) == 0x6  ? 2
                    : (b >> 4) == 0xE  ? 3
                    : (b >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > text.size()) return {};
    std::uint32_t cp = n == 1 ? b : b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c >> 6) != 0x2) return {};
      cp = (cp << 6) | (c & 0x3F);
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

// Code points are at most 21 bits: three fit one int64.
std::int64_t pack(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  return (static_cast<std::int64_t>(a) << 42) | (static_cast<std::int64_t>(b) << 21) | c;
}

void write_rows(storage::Session& s, const DealRecord& d, bool add) {
  const auto sql = add ? std::string_view(
                             "INSERT INTO deal_trigrams (company_id, trigram, board_id, status_id, "
                             "deals_id) VALUES (?, ?, ?, ?, ?)")
                       : std::string_view(
                             "DELETE FROM deal_trigrams WHERE company_id = ? AND trigram = ? AND "
                             "board_id = ? AND status_id = ? AND deals_id = ?");
  for (auto t : trigrams(search_text(d.deal_no, d.deals_name))) {
    s.exec(sql, {d.company_id, t, d.board_id, std::int64_t{d.status_id}, d.deals_id});
  }
}

}  // namespace

std::vector<std::int64_t> trigrams(std::string_view text) {
  const auto cps = code_points(text);
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i + 2 < cps.size(); ++i)
    out.push_back(pack(cps[i], cps[i + 1], cps[i + 2]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string search_text(std::string_view deal_no, std::string_view deals_name) {
  std::string out = core::ascii_lower(deal_no);
  out += '\n';
  out += core::ascii_lower(deals_name);
  return out;
}

void add_keywords(storage::Session& s, const DealRecord& d) { write_rows(s, d, true); }

void update_keywords(storage::Session& s, const DealRecord& before, const DealRecord& d) {
  if (before.deal_no == d.deal_no && before.deals_name == d.deals_name &&
      before.board_id == d.board_id && before.status_id == d.status_id) {
    return;
  }
  write_rows(s, before, false);
  write_rows(s, d, true);
}

bool keyword_from(storage::Sql& q, storage::Session& s, std::int64_t company_id,
                  std::string_view keyword, const std::optional<std::int64_t>& board,
                  const std::vector<std::int64_t>& statuses, std::string_view joins) {
  const auto lowered = core::ascii_lower(keyword);
  auto grams = trigrams(lowered);
  if (grams.empty() || lowered.find('\n') != std::string::npos) return false;
  // Three of a long keyword's trigrams narrow as well as all of them (the candidates are
  // checked against the text anyway), and each one more is another index range read and
  // intersected: a 15-character Thai word has 13.
  if (grams.size() > kMaxKeywordTrigrams) {
    grams = {grams.front(), grams[grams.size() / 2], grams.back()};
  }
  q.add(" FROM (");
  bool first = true;
  for (auto t : grams) {
    if (!first) q.add(" INTERSECT ");
    first = false;
    q.add("SELECT deals_id AS kid FROM deal_trigrams WHERE company_id = ? AND trigram = ?")
        .bind(company_id)
        .bind(t);
    if (board) q.add(" AND board_id = ?").bind(*board);
    if (!statuses.empty()) q.add(" AND status_id IN ").in_list(statuses);
  }
  // The customers whose name contains the keyword: their deals are candidates, and matches.
  auto customers = [&] {
    q.add("(SELECT c.customer_id");
    customers::KeywordIndex(s).from(q, company_id, keyword, std::nullopt);
    storage::add_contains_any(q, s, {"c.customer_name"}, keyword);
    q.add(")");
  };
  // Driven from those customers through the deals' customer index, within the board and
  // statuses asked for (a planner left to itself may scan the company's deals instead).
  q.add(" UNION SELECT dc.deals_id FROM ");
  customers();
  q.add(" m CROSS JOIN deals dc WHERE dc.company_id = ? AND dc.customer_id = m.customer_id")
      .bind(company_id);
  if (board) q.add(" AND dc.board_id = ?").bind(*board);
  if (!statuses.empty()) q.add(" AND dc.status_id IN ").in_list(statuses);
  q.add(") k CROSS JOIN deals d")
      .add(joins)
      .add(" WHERE d.deals_id = k.kid AND (d.customer_id IN ");
  customers();
  // The other candidates' own text, checked without the joined rows (a count then reads none).
  storage::add_contains_any(q, s, {"d.deal_no", "d.deals_name"}, keyword, "OR");
  q.add(")");
  return true;
}

}  // namespace ov::deals
