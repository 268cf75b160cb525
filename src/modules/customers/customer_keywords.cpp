#include "modules/customers/customer_keywords.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ov::customers {

using storage::Value;

namespace {

// SQLite's rowid of a customer's row: company_id << 42 | state slot << 40 | customer_id
// (migrations/sqlite/0004_customer_keywords.sql keyed it by the legacy type 11100/11200/11300,
// which migration 0007 turned into customerState 1/2/3 with the same slots).
constexpr int kCompanyShift = 42;
constexpr int kTypeShift = 40;
constexpr std::int64_t kIdMask = (std::int64_t{1} << kTypeShift) - 1;
constexpr std::int64_t kMaxCompanyId = (std::int64_t{1} << (63 - kCompanyShift)) - 1;

// -1 for a value that is no customer state.
std::int64_t type_slot(int state) {
  return state >= kStateLead && state <= kStateCustomer ? state - kStateLead : -1;
}

std::int64_t row_key(std::int64_t company_id, int state, std::int64_t customer_id) {
  if (company_id < 0 || company_id > kMaxCompanyId || customer_id < 0 || customer_id > kIdMask ||
      type_slot(state) < 0) {
    throw std::runtime_error("customer outside the keyword index's key range");
  }
  return company_id << kCompanyShift | type_slot(state) << kTypeShift | customer_id;
}

// The rowids of the company's rows, or of one type's rows within it.
struct KeyRange {
  std::int64_t first;
  std::int64_t last;
};
KeyRange key_range(std::int64_t company_id, std::optional<int> type) {
  constexpr KeyRange kEmpty{1, 0};
  if (company_id < 0 || company_id > kMaxCompanyId) return kEmpty;
  const std::int64_t company = company_id << kCompanyShift;
  if (!type) return {company, company | ((std::int64_t{1} << kCompanyShift) - 1)};
  if (type_slot(*type) < 0) return kEmpty;
  const std::int64_t first = company | type_slot(*type) << kTypeShift;
  return {first, first | kIdMask};
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}

// The trigram tokenizer finds substrings of three or more characters directly; two-character
// ones through the trigrams they begin.
constexpr std::size_t kTrigram = 3;
constexpr std::size_t kBigram = 2;
// A two-character keyword becomes the OR of at most this many trigrams. Real text follows a
// pair with a few dozen distinct characters (a few hundred across scripts); more is planted.
constexpr std::int64_t kMaxPairTerms = 512;

// An FTS5 phrase: the text as one string, its quotes doubled. Inside a phrase nothing else is
// syntax, so the phrase matches exactly the rows containing the text.
std::string fts_phrase(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

// LIKE patterns of a keyword: `exact` matches it literally (LIKE's % _ and the escape character
// \ escaped); `coarse` turns those characters into % instead, a superset that PostgreSQL's
// trigram index can still serve for the runs of ordinary characters. `special`: the keyword had
// such characters, so only `exact` tells the true matches.
struct LikePatterns {
  std::string coarse = "%";
  std::string exact = "%";
  bool special = false;
};
LikePatterns like_patterns(std::string_view kw) {
  LikePatterns p;
  for (char ch : kw) {
    if (ch == '%' || ch == '_' || ch == '\\') {
      p.special = true;
      if (p.coarse.back() != '%') p.coarse += '%';
      p.exact += '\\';
    } else {
      p.coarse += ch;
    }
    p.exact += ch;
  }
  if (p.coarse.back() != '%') p.coarse += '%';
  p.exact += '%';
  return p;
}

std::string search_text(const CustomerRecord& c) {
  std::string out = search_lower(c.customer_name);
  auto add = [&](std::string_view s) {
    out += kSearchSeparator;
    out += search_lower(s);
  };
  if (c.second_name) add(*c.second_name);
  for (const auto& a : c.aliases) add(a);
  add(c.customer_code);
  for (const auto* f : {&c.tax_no, &c.phone, &c.mobile, &c.email}) {
    if (*f) add(**f);
  }
  // Contact persons are found by their names and numbers too (§7.1).
  for (const auto& ct : c.contacts) {
    add(ct.name);
    for (const auto* f : {&ct.phone, &ct.mobile, &ct.email}) {
      if (*f) add(**f);
    }
  }
  return out;
}

}  // namespace

KeywordIndex::KeywordIndex(storage::Session& s) : s_(s), fts_(s.backend() == "sqlite") {}

void KeywordIndex::save(const CustomerRecord& c, bool fresh) {
  const std::string text = search_text(c);
  if (fts_) {
    // The state is part of the key: an update first removes the row under any state's key.
    if (!fresh) {
      s_.exec("DELETE FROM customer_keywords WHERE rowid IN (?, ?, ?)",
              {row_key(c.company_id, kStateLead, c.customer_id),
               row_key(c.company_id, kStateProspect, c.customer_id),
               row_key(c.company_id, kStateCustomer, c.customer_id)});
    }
    // The closing separator puts every character pair at the start of a trigram.
    s_.exec("INSERT INTO customer_keywords (rowid, search_text) VALUES (?, ?)",
            {row_key(c.company_id, c.customer_state, c.customer_id),
             std::string_view(text + kSearchSeparator)});
    return;
  }
  // A customer stored without going through the repository may have no search row yet: it
  // gets one now.
  if (fresh || s_.exec("UPDATE customer_search SET search_text = ? WHERE rowid = ? AND "
                       "company_id = ?",
                       {std::string_view(text), c.customer_id, c.company_id}) == 0) {
    s_.exec("INSERT INTO customer_search (rowid, search_text, company_id) VALUES (?, ?, ?)",
            {c.customer_id, std::string_view(text), c.company_id});
  }
}

std::optional<std::string> KeywordIndex::match_expression(const std::string& kw) const {
  const std::size_t length = code_points(kw);
  if (length >= kTrigram) return fts_phrase(kw);
  if (length != kBigram) return std::nullopt;
  // The trigrams that begin with the pair, any of which marks a match. Terms compare as bytes,
  // and the pair's last byte is never 0xFF in UTF-8, so the pair with its last byte raised by
  // one bounds them. The vocabulary is every company's: a pair followed by more distinct
  // characters than kMaxPairTerms is not expanded (the company's own rows are scanned
  // instead), so what other companies stored cannot make one company's search slower.
  std::string end = kw;
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  auto terms =
      s_.query("SELECT term FROM customer_keyword_terms WHERE term >= ? AND term < ? LIMIT ?",
               {std::string_view(kw), std::string_view(end), std::int64_t{kMaxPairTerms + 1}});
  std::string expr;
  std::int64_t count = 0;
  while (terms.next()) {
    if (++count > kMaxPairTerms) return std::nullopt;
    if (!expr.empty()) expr += " OR ";
    expr += fts_phrase(terms.text(0));
  }
  // No such trigram: the pair alone is a phrase of no trigram, which matches nothing.
  if (expr.empty()) expr = fts_phrase(kw);
  return expr;
}

void KeywordIndex::from(storage::Sql& q, std::int64_t company_id, std::string_view keyword,
                        std::optional<int> type, std::string_view joins) const {
  const std::string kw = search_lower(keyword);
  if (fts_) {
    const auto range = key_range(company_id, type);
    q.add(" FROM customer_keywords s CROSS JOIN customers c").add(joins).add(" WHERE ");
    if (auto expr = match_expression(kw)) {
      q.add("s.search_text MATCH ?").bind_text(std::move(*expr));
    } else {
      q.add("s.search_text LIKE ? ESCAPE '\\'").bind_text(like_patterns(kw).exact);
    }
    q.add(" AND s.rowid BETWEEN ? AND ? AND c.customer_id = (s.rowid & ?) AND c.company_id = ?")
        .bind(range.first)
        .bind(range.last)
        .bind(kIdMask)
        .bind(company_id);
    return;
  }
  auto like = like_patterns(kw);
  q.add(" FROM customer_search s CROSS JOIN customers c")
      .add(joins)
      .add(" WHERE s.search_text LIKE ? AND s.company_id = ?")
      .bind_text(std::move(like.coarse))
      .bind(company_id);
  if (like.special) q.add(" AND s.search_text LIKE ? ESCAPE '\\'").bind_text(std::move(like.exact));
  q.add(" AND c.customer_id = s.rowid AND c.company_id = ?").bind(company_id);
}

std::optional<std::vector<std::int64_t>> KeywordIndex::ids(std::int64_t company_id,
                                                           std::string_view keyword,
                                                           std::optional<int> type) const {
  if (!fts_) return std::nullopt;
  const auto expr = match_expression(search_lower(keyword));
  if (!expr) return std::nullopt;
  const auto range = key_range(company_id, type);
  auto rows = s_.query(
      "SELECT rowid FROM customer_keywords WHERE search_text MATCH ? AND rowid BETWEEN ? AND ?",
      {std::string_view(*expr), range.first, range.last});
  std::vector<std::int64_t> out;
  while (rows.next()) out.push_back(rows.i64(0) & kIdMask);
  // Rows come in key order: by type, then id. Across types the ids interleave.
  if (!type) std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ov::customers
