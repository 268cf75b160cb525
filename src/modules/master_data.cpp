#include "modules/master_data.hpp"

#include <algorithm>

#include "api/bounds.hpp"
#include "api/pipeline.hpp"
#include "api/query_input.hpp"
#include "modules/activities/activity_types.hpp"
#include "modules/cases/case_types.hpp"
#include "modules/customer_events/customer_event_types.hpp"
#include "modules/customer_files/customer_file_types.hpp"
#include "modules/customers/customer_types.hpp"
#include "modules/deals/deal_types.hpp"
#include "modules/employees/employee_types.hpp"
#include "modules/products/product_types.hpp"
#include "modules/settings/setting_repository.hpp"
#include "storage/master_lists.hpp"

namespace ov::modules {

namespace asio = boost::asio;

namespace {

constexpr SectionList kLists[] = {
    {&cases::kCaseCategories, api::Family::kSN},
    {&cases::kCaseStatuses, api::Family::kSN},
    {&customer_events::kEventTypes, api::Family::kS},
    {&customer_files::kFileCategories, api::Family::kS},
    // Named by clients and created on first use (§7.1): no route of their own.
    {&customers::kCustomerSources, api::Family::kS},
    {&customers::kCustomerGroups, api::Family::kS},
    {&customers::kCustomerClassifications, api::Family::kS},
    {&customers::kInterestTopics, api::Family::kS},
    {&customers::kUnqualifiedReasons, api::Family::kS},
    {&activities::kKeyActivities, api::Family::kS},
    {&employees::kTeams, api::Family::kV},
    {&settings::kHeaderTemplates, api::Family::kS, &settings::seed_header_templates},
    {&deals::kDealBoards, api::Family::kV, &deals::seed_deal_lists},
    {&deals::kDealStages, api::Family::kV},
    {&deals::kDealInterests, api::Family::kV},
    {&deals::kDealLabels, api::Family::kV},
    {&deals::kMissedReasons, api::Family::kV},
    {&products::kProductGroups, api::Family::kN},
    {&products::kProductUnits, api::Family::kN},
    // Variant properties are listed with their values by their own route (§4.8.6).
    {&products::kProductAttributes, api::Family::kN},
};

}  // namespace

void write_master_item(api::JsonWriter& w, const core::MasterList& list,
                       const storage::MasterRow& row) {
  w.StartObject();
  api::write_key(w, list.id_key);
  w.Int64(row.id);
  auto extra = [&](std::size_t i) {
    api::write_key(w, list.extras[i].json);
    write_master_extra(w, row.extras[i]);
  };
  const auto before = std::min(list.extras_before_name, list.extras.size());
  for (std::size_t i = 0; i < before; ++i) extra(i);
  api::write_key(w, list.name_key);
  api::write_string(w, row.name);
  for (std::size_t i = before; i < list.extras.size(); ++i) extra(i);
  if (list.show_active) {
    api::write_key(w, "isActive");
    w.Bool(row.is_active);
  }
  w.EndObject();
}

void write_master_extra(api::JsonWriter& w, const storage::MasterRow::Extra& value) {
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::nullptr_t>) {
          w.Null();
        } else if constexpr (std::is_same_v<V, std::int64_t>) {
          w.Int64(v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          api::write_string(w, v);
        } else {
          w.Bool(v);
        }
      },
      value);
}

std::span<const SectionList> master_lists() { return kLists; }

void add_master_route(api::Routes& routes, storage::Database& db, const SectionList& entry) {
  const auto& list = *entry.list;
  if (list.path.empty()) return;
  api::Handler handler = [&db, &list](http::Request& req) -> asio::awaitable<api::Reply> {
    api::QueryReader q(req.query);
    bool include_inactive = false;
    if (list.rows == core::ListedRows::kActiveUnlessAsked) {
      auto active = q.boolean("isActive", api::Need::kOptional);
      include_inactive = active && !*active;
    }
    std::vector<std::optional<std::int64_t>> filters;
    for (const auto& f : list.filters) {
      filters.push_back(q.integer(f.query, api::Need::kOptional, 1, api::kMaxId).value);
    }
    api::check_request(q, nullptr);
    const auto company = req.company_id;
    auto rows = co_await db.read([&](storage::Session& s) {
      return storage::list_master(s, list, company, include_inactive, filters);
    });
    co_return api::list_payload(static_cast<std::int64_t>(rows.size()), [&](api::JsonWriter& w) {
      w.StartArray();
      for (const auto& row : rows) write_master_item(w, list, row);
      w.EndArray();
    });
  };
  routes.add(http::bhttp::verb::get, std::string(list.path), entry.family, handler);
  if (!list.alias_path.empty()) {
    routes.add(http::bhttp::verb::get, std::string(list.alias_path), entry.family, handler);
  }
}

}  // namespace ov::modules
