#include "modules/customers/customer_routes.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "api/bounds.hpp"
#include "api/envelope.hpp"
#include "api/json_input.hpp"
#include "api/paging.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "api/query_input.hpp"
#include "core/error.hpp"

namespace ov::customers {

namespace asio = boost::asio;
using api::Input;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kEmailChars;
using api::kMaxFilterValues;
using api::kMaxId;
using api::kNameChars;
using api::kTextChars;
using api::kUrlChars;
using core::trimmed;

constexpr std::size_t kTaxNoChars = 20;  // §4.3.1
// Lists of one customer: far above any real customer, low enough to bound one write's work.
constexpr std::size_t kMaxAliases = 50;
constexpr std::size_t kMaxAddresses = 50;
constexpr std::size_t kMaxOwners = 50;
// Customer Search pages default to 20 (§4.3.13).
constexpr std::int64_t kDefaultSearchTake = 20;
// Income and credit limit are money: 2 decimals (§4.9).
constexpr int kMoneyScale = 2;
// Customer Search needs at least this many characters (§4.3.13).
constexpr std::size_t kMinSearchChars = 2;
Input<std::int64_t> customer_type(ObjectReader& r, std::string_view name) {
  auto in = r.integer(name, Need::kOptional, 0, kMaxId);
  if (in && !is_customer_type(*in)) {
    r.problem(name, r.path(name) + " must be 11100, 11200 or 11300");
    in.value.reset();
  }
  return in;
}

// A date of birth: the local day of the given instant, kept as its local midnight.
Input<core::UnixSeconds> birthdate(ObjectReader& r, const core::TimeZone& zone) {
  auto in = r.datetime("customerBirthdate", Need::kOptional, zone);
  if (in) {
    const auto day = zone.to_local(*in);
    in.value = zone.from_local(day.year, day.month, day.day, 0, 0, 0);
  }
  return in;
}

Input<std::vector<AddressInput>> addresses(ObjectReader& r) {
  Input<std::vector<AddressInput>> in;
  const auto* v = r.find("addresses");
  in.present = v != nullptr;
  if (!v || v->IsNull()) return in;
  if (!v->IsArray() || v->Size() > kMaxAddresses) {
    r.problem("addresses", "addresses must be an array of at most " +
                               std::to_string(kMaxAddresses) + " objects");
    return in;
  }
  std::vector<AddressInput> out;
  bool ok = true;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const std::string prefix = "addresses[" + std::to_string(i) + "]";
    const auto& item = (*v)[i];
    if (!item.IsObject()) {
      r.nested_problems("addresses", {{prefix, prefix + " must be an object"}});
      ok = false;
      continue;
    }
    ObjectReader a(item, prefix);
    auto id = a.integer("addressId", Need::kOptional, 1, kMaxId);
    auto label = a.string("locationName", Need::kRequired, kNameChars);
    auto location = a.string("location", Need::kRequired, kTextChars);
    auto lat = a.number("latitude", Need::kOptional, -90, 90);
    auto lon = a.number("longitude", Need::kOptional, -180, 180);
    if (a.has_problems()) {
      r.nested_problems("addresses", a.take_problems());
      ok = false;
      continue;
    }
    out.push_back({id.value, *label, *location, lat.value, lon.value});
  }
  if (ok) in.value = std::move(out);
  return in;
}

UpsertInput parse_upsert(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  auto code = r.string("customerCode", Need::kOptional, kCodeChars);
  if (code && is_reserved_code(*code)) {
    r.problem("customerCode",
              "customerCode " + *code + " is reserved: it names a path of " + "/v3/customers");
  }
  auto name = r.string("customerName", Need::kRequired, kNameChars);
  auto state = r.integer("customerState", Need::kRequired, kStateActive, kStateInactive);
  auto status = r.integer("customerStatus", Need::kOptional, kStatusNew, kStatusUnqualified);
  auto type = customer_type(r, "customerType");
  auto picture = r.string("customerPicture", Need::kOptional, kUrlChars);
  auto second_name = r.string("customer2ndName", Need::kOptional, kNameChars);
  auto aliases = r.string_array("customerAliases", Need::kOptional, kMaxAliases, kNameChars);
  auto tax_no = r.string("customerTaxNo", Need::kOptional, kTaxNoChars);
  auto branch = r.string("branchCode", Need::kOptional, kCodeChars);
  auto phone = r.string("customerPhone", Need::kOptional, kCodeChars);
  auto mobile = r.string("customerMobile", Need::kOptional, kCodeChars);
  auto email = r.string("customerEmail", Need::kOptional, kEmailChars);
  if (email && email->find('@') == std::string::npos) {
    r.problem("customerEmail", "customerEmail must contain @");
  }
  auto position = r.string("customerPosition", Need::kOptional, kNameChars);
  auto gender = r.integer("customerGender", Need::kOptional, kGenderMale, kGenderOther);
  auto marital =
      r.integer("customerMaritalStatus", Need::kOptional, kMaritalSingle, kMaritalWidowed);
  auto born = birthdate(r, zone);
  // Amounts of money: exact decimals, never negative, kept with the scale given.
  const auto zero = core::Decimal::of(0);
  const auto most = *core::Decimal::parse("999999999999999.99", kMoneyScale);
  auto income = r.decimal("customerIncome", Need::kOptional, kMoneyScale, zero, most);
  auto credit = r.decimal("creditLimit", Need::kOptional, kMoneyScale, zero, most);
  auto addr = addresses(r);
  auto owners = r.string_array("owners", Need::kOptional, kMaxOwners, kCodeChars);
  r.check();

  UpsertInput in;
  in.customer_code = code.value;
  // Names compare after trimming (§4.3.4), so they are stored trimmed.
  in.customer_name = trimmed(*name);
  in.customer_state = static_cast<int>(*state);
  in.customer_status = status;
  in.customer_type = type;
  in.picture = picture;
  in.second_name = second_name;
  in.aliases = aliases;
  in.tax_no = tax_no;
  in.branch_code = branch;
  in.phone = phone;
  in.mobile = mobile;
  in.email = email;
  in.position = position;
  in.gender = gender;
  in.marital_status = marital;
  in.birthdate = born;
  in.income = income;
  in.credit_limit = credit;
  in.addresses = addr;
  in.owners = owners;
  return in;
}

EnquiryInput parse_enquiry(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  EnquiryInput in;
  // ccustomerType is a legacy doc typo of customerType; the canonical name wins.
  auto type = customer_type(r, "customerType");
  if (!type.present) type = customer_type(r, "ccustomerType");
  auto keyword = r.string("keyword", Need::kOptional, kNameChars);
  auto lat = r.number("latitude", Need::kOptional, -90, 90);
  auto lon = r.number("longitude", Need::kOptional, -180, 180);
  // Half the Earth's circumference: every point is within it.
  constexpr double kMaxDistanceKm = 20038;
  auto distance = r.number("distanceLimit", Need::kOptional, 0, kMaxDistanceKm);
  auto states = r.integer_list("states", Need::kOptional, kStateActive, kStateInactive,
                               kMaxFilterValues, true);
  auto owner_teams = r.integer("ownerTeams", Need::kOptional, 1, kMaxId);
  auto owners = r.string_array("owners", Need::kOptional, kMaxFilterValues, kCodeChars);
  auto classifications =
      r.integer_list("classifications", Need::kOptional, 1, kMaxId, kMaxFilterValues);
  auto groups = r.integer_list("groups", Need::kOptional, 1, kMaxId, kMaxFilterValues);
  auto statuses = r.boolean_list("statuses", Need::kOptional, kMaxFilterValues);
  // Topic ids travel as strings in the legacy filter; numbers are accepted too.
  auto topics = r.integer_list("topicInterests", Need::kOptional, 1, kMaxId, kMaxFilterValues);
  const auto page = api::read_page(r, {.take = "take", .alias = "pageLength"});
  in.order = api::read_order(r, "orderBy", kCustomerSort, {{kSortByCode, false}});
  // A radius needs its centre; a centre without a radius (the legacy samples send 0.0 for all
  // three) filters nothing.
  if (distance && *distance > 0 && !(lat && lon)) {
    r.problem("distanceLimit", "distanceLimit needs latitude and longitude");
  }
  r.check();

  if (type) in.customer_type = static_cast<int>(*type);
  if (keyword) {
    auto k = trimmed(*keyword);
    if (!k.empty()) in.keyword = std::move(k);
  }
  if (distance && *distance > 0) in.geo = GeoFilter{*lat, *lon, *distance};
  if (states) in.states = *states;
  in.owner_teams = owner_teams.value;
  if (owners) in.owners = *owners;
  if (classifications) in.classifications = *classifications;
  if (groups) in.groups = *groups;
  if (statuses) in.statuses = *statuses;
  if (topics) in.topic_interests = *topics;
  in.take = page.take;
  in.skip = page.skip;
  return in;
}

SearchInput parse_search(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  auto text = r.string("searchText", Need::kRequired, kNameChars);
  std::string t;
  if (text) {
    t = trimmed(*text);
    if (api::utf8_length(t) < kMinSearchChars) {
      r.problem("searchText", "searchText must be at least 2 characters");
    }
  }
  auto types =
      r.integer_list("customerTypes", Need::kOptional, kTypeLead, kTypeCustomer, kMaxFilterValues);
  if (types) {
    for (auto type : *types) {
      if (!is_customer_type(type)) {
        r.problem("customerTypes", "customerTypes must hold only 11100, 11200 or 11300");
        break;
      }
    }
  }
  SearchInput in;
  const auto page =
      api::read_page(r, {.take = "take", .need = Need::kOptional, .fallback = kDefaultSearchTake});
  r.check();
  in.text = std::move(t);
  if (types) in.customer_types = *types;
  in.take = page.take;
  in.skip = page.skip;
  return in;
}

ExistenceInput parse_existence(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  auto name = r.string("customerName", Need::kOptional, kNameChars);
  auto tax_no = r.string("customerTaxNo", Need::kOptional, kTaxNoChars);
  auto branch = r.string("branchCode", Need::kOptional, kCodeChars);
  auto phone = r.string("customerPhone", Need::kOptional, kCodeChars);
  auto mobile = r.string("customerMobile", Need::kOptional, kCodeChars);
  auto email = r.string("customerEmail", Need::kOptional, kEmailChars);
  r.check();
  ExistenceInput in;
  auto given = [](const Input<std::string>& v) -> std::optional<std::string> {
    if (!v) return std::nullopt;
    auto t = trimmed(*v);
    if (t.empty()) return std::nullopt;
    return t;
  };
  in.customer_name = given(name);
  in.tax_no = given(tax_no);
  if (in.tax_no) in.branch_code = given(branch);
  in.phone = given(phone);
  in.mobile = given(mobile);
  in.email = given(email);
  if (!in.customer_name && !in.tax_no && !in.phone && !in.mobile && !in.email) {
    throw core::validation("",
                           "At least one of customerName, customerTaxNo, customerPhone, "
                           "customerMobile or customerEmail is required");
  }
  return in;
}

api::Reply customer_reply(const CustomerRecord& c, const core::TimeZone& zone) {
  return api::object_reply(c, core::Fields<CustomerRecord>(kCustomerFields), {&zone});
}

// Lists carry their total in a header (ENDPOINTS.md §1.2).
api::Reply list_reply(const std::vector<CustomerRecord>& list, std::int64_t total,
                      const core::TimeZone& zone) {
  return api::list_reply(list, total, core::Fields<CustomerRecord>(kCustomerFields), {&zone});
}

// A path value longer than its field's bound cannot name a customer.
std::string path_value(const http::Request& req, std::size_t max_chars, std::string_view what) {
  return api::path_code(req, 0, max_chars, std::string(what) + " values", "customer");
}

}  // namespace

void register_routes(api::Routes& routes, CustomerService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kS);

  section.add(verb::post, "/v3/customers",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_upsert(req);
                auto c = co_await service.upsert(api::caller_of(req), std::move(in));
                co_return customer_reply(c, *req.zone);
              });

  section.add(verb::get, "/v3/customers/{customerCode}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto code = path_value(req, kCodeChars, "customerCode");
                auto c = co_await service.by_code(api::caller_of(req), std::move(code));
                co_return customer_reply(c, *req.zone);
              });

  section.add(verb::post, "/v3/customers/enquiry",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_enquiry(req);
                auto page = co_await service.enquiry(api::caller_of(req), std::move(in));
                co_return list_reply(page.items, page.total, *req.zone);
              });

  section.add(verb::get, "/v3/customers/name/{customerName}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto name = trimmed(path_value(req, kNameChars, "customerName"));
                auto page = co_await service.by_name(api::caller_of(req), std::move(name));
                co_return list_reply(page.items, page.total, *req.zone);
              });

  section.add(verb::post, "/v3/customers/search",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_search(req);
                auto page = co_await service.search(api::caller_of(req), std::move(in));
                co_return api::list_reply(page.items, page.total,
                                          core::Fields<CustomerRecord>(kCustomerSummaryFields),
                                          {req.zone});
              });

  section.add(verb::get, "/v3/customers/id/{customerId:int64}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto c = co_await service.by_id(api::caller_of(req), api::path_id(req));
                co_return customer_reply(c, *req.zone);
              });

  section.add(verb::get, "/v3/customers/taxid/{taxId}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto tax_no = path_value(req, kTaxNoChars, "taxId");
                api::QueryReader q(req.query);
                auto branch = q.string("branchCode", Need::kOptional, kCodeChars);
                api::check_request(q, nullptr);
                auto list = co_await service.by_tax_no(api::caller_of(req), std::move(tax_no),
                                                       branch.value);
                co_return list_reply(list, static_cast<std::int64_t>(list.size()), *req.zone);
              });

  section.add(verb::post, "/v3/customers/existence",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_existence(req);
                auto matches = co_await service.existence(api::caller_of(req), std::move(in));
                co_return api::payload([&](api::JsonWriter& w) {
                  w.StartObject();
                  api::write_key(w, "isExist");
                  w.Bool(!matches.empty());
                  api::write_key(w, "customers");
                  w.StartArray();
                  for (const auto& m : matches) {
                    w.StartObject();
                    api::write_key(w, "customerId");
                    w.Int64(m.customer_id);
                    api::write_key(w, "customerCode");
                    api::write_string(w, m.customer_code);
                    api::write_key(w, "customerName");
                    api::write_string(w, m.customer_name);
                    api::write_key(w, "matchedFields");
                    api::write_strings(w, m.matched_fields);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.EndObject();
                });
              });
}

}  // namespace ov::customers
