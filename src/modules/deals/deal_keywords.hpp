// Deal Enquiry's keyword (ENDPOINTS.md §4.5.3): a contains-match on the deal number, the deal
// name and the first customer's name, Thai included, answered from indexes on both backends.
//   - A deal's number and name, ASCII-lower-cased and joined by a line feed, are kept as their
//     trigrams (three code points packed into one integer) in deal_trigrams, keyed by company,
//     trigram, board and status: the deals of one board and status holding every trigram of a
//     keyword are an intersection of index ranges, a few rows per match, however many deals
//     the board and status hold.
//   - The customer's name is matched through the customers' own keyword index
//     (customers::KeywordIndex), then through the deals' customer index.
// Candidates are checked against the text itself (LIKE), so the index only narrows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/deals/deal_types.hpp"
#include "storage/database.hpp"
#include "storage/sql.hpp"

namespace ov::deals {

// The distinct trigrams of `text` (already lower-cased), ascending; none below three code
// points. Text that is not valid UTF-8 has none.
std::vector<std::int64_t> trigrams(std::string_view text);
// A deal's searchable text: its number and name, lower-cased, joined by a line feed.
std::string search_text(std::string_view deal_no, std::string_view deals_name);

// Writes the trigram rows of a deal that has none yet.
void add_keywords(storage::Session& s, const DealRecord& d);
// Rewrites them when the text, the board or the status changed since `before`.
void update_keywords(storage::Session& s, const DealRecord& before, const DealRecord& d);

// Appends " FROM (<ids>) k CROSS JOIN deals d<joins> WHERE d.deals_id = k.kid": the deals of
// the company that may contain `keyword`, restricted to `board` and `statuses` when given.
// False (nothing appended) when the keyword is too short for the index: the caller scans.
bool keyword_from(storage::Sql& q, storage::Session& s, std::int64_t company_id,
                  std::string_view keyword, const std::optional<std::int64_t>& board,
                  const std::vector<std::int64_t>& statuses, std::string_view joins);

}  // namespace ov::deals
