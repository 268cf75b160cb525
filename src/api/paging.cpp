#include "api/paging.hpp"

#include <algorithm>
#include <limits>

#include "api/bounds.hpp"

namespace ov::api {

PageRequest read_page(ObjectReader& r, const PageSpec& spec) {
  PageRequest page;
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  std::string_view used = spec.take;
  auto take = r.integer(spec.take, Need::kOptional, kMin, kMaxId);
  if (!take.present && !spec.alias.empty()) {
    used = spec.alias;
    take = r.integer(spec.alias, Need::kOptional, kMin, kMaxId);
  }
  if (take) {
    if (*take < 1) {
      r.problem(used, std::string(used) + " must be at least 1");
    } else {
      page.take = std::min(*take, kMaxTake);
    }
  } else if (const auto* raw = r.find(used); !raw || raw->IsNull()) {
    // Absent or null: a take that is there but not an integer has its problem already.
    if (spec.need == Need::kRequired) {
      r.problem(spec.take, std::string(spec.take) + " is required");
    } else {
      page.take = spec.fallback;
    }
  }
  auto skip = r.integer("skip", Need::kOptional, 0, kMaxId);
  page.skip = skip.value.value_or(0);
  return page;
}

std::vector<core::SortTerm> read_order(ObjectReader& r, std::string_view name,
                                       core::SortTable table,
                                       std::vector<core::SortTerm> fallback) {
  auto order = r.string(name, Need::kOptional, kNameChars);
  if (!order || core::trim(*order).empty()) return fallback;
  const std::string_view text = *order;
  std::vector<core::SortTerm> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view term = core::trim(text.substr(start, end - start));
    start = end + 1;
    if (term.empty()) {
      if (end == text.size() && !out.empty()) break;
      r.problem(name, std::string(name) + " has an empty term");
      return fallback;
    }
    const auto space = term.find_first_of(" \t");
    const std::string_view field = term.substr(0, space);
    const std::string_view dir =
        space == std::string_view::npos ? std::string_view() : core::trim(term.substr(space));
    auto it = std::find_if(table.begin(), table.end(),
                           [&](const core::SortColumn& c) { return iequals(c.field, field); });
    if (it == table.end()) {
      r.problem(name,
                std::string(name) + " field " + std::string(field) + " is not a sortable field");
      return fallback;
    }
    core::SortTerm t{static_cast<std::size_t>(it - table.begin()), false};
    if (iequals(dir, "desc")) {
      t.descending = true;
    } else if (!dir.empty() && !iequals(dir, "asc")) {
      r.problem(name,
                std::string(name) + " direction " + std::string(dir) + " must be asc or desc");
      return fallback;
    }
    out.push_back(t);
    if (end == text.size()) break;
  }
  return out;
}

}  // namespace ov::api
