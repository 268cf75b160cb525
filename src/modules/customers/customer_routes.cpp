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
// Customer Search needs at least this many characters (§4.3.13).
constexpr std::size_t kMinSearchChars = 2;
// Lists of one customer's: far above any real customer, low enough to bound one write's work
// and one answer's size.
constexpr std::size_t kMaxContacts = 50;
constexpr std::size_t kMaxTags = 50;
constexpr std::size_t kMaxInterests = 50;
constexpr std::size_t kMaxCustomFields = 50;
constexpr std::size_t kMaxCustomFieldValues = 50;
// A customer class is a short code: at most 3 characters, as Gofive's request model notes
// (e.g. VIP).
constexpr std::size_t kClassificationChars = 3;
// Tags are labels, not texts.
constexpr std::size_t kTagChars = 100;
// A social-account map names a handful of networks; keys are network names, values handles or
// profile links.
constexpr std::size_t kMaxSocialAccounts = 20;
constexpr std::size_t kSocialKeyChars = 50;

// A date of birth: the local day of the given instant, kept as its local midnight, and not in
// the future (compared as calendar days in the company's zone).
Input<core::UnixSeconds> birthdate(ObjectReader& r, std::string_view name,
                                   const core::TimeZone& zone, core::UnixSeconds now) {
  auto in = r.date(name, Need::kOptional, zone);
  if (in) {
    const auto day = zone.to_local(*in);
    const auto today = zone.to_local(now);
    if (std::tie(day.year, day.month, day.day) > std::tie(today.year, today.month, today.day)) {
      r.problem(name, r.path(name) + " must not be in the future");
      in.value.reset();
    }
  }
  return in;
}

Input<std::string> email(ObjectReader& r, std::string_view name) {
  auto in = r.string(name, Need::kOptional, kEmailChars);
  if (in && in->find('@') == std::string::npos) {
    r.problem(name, r.path(name) + " must contain @");
    in.value.reset();
  }
  return in;
}

AddressInput read_address(ObjectReader& a) {
  AddressInput out;
  auto id = a.integer("addressId", Need::kOptional, 1, kMaxId);
  auto label = a.string("locationName", Need::kOptional, kNameChars);
  // locationAddress is the clients' name of the address text (§7.1); location stays its alias.
  auto text = a.string("locationAddress", Need::kOptional, kTextChars);
  if (!text) text = a.string("location", Need::kOptional, kTextChars);
  if (!text && !a.has_problems())
    a.problem("locationAddress", a.path("locationAddress") + " is required");
  auto type = a.integer("locationType", Need::kOptional, kAddressBilling, kAddressShipping);
  auto lat = a.number("latitude", Need::kOptional, -90, 90);
  auto lon = a.number("longitude", Need::kOptional, -180, 180);
  out.address_id = id.value;
  out.location_name = label.value;
  if (text) out.location = *text;
  out.location_type = type.value;
  out.latitude = lat.value;
  out.longitude = lon.value;
  return out;
}

ContactInput read_contact(ObjectReader& c, const core::TimeZone& zone, core::UnixSeconds now) {
  ContactInput out;
  auto name = c.string("contactName", Need::kRequired, kNameChars);
  auto job = c.string("contactPosition", Need::kOptional, kNameChars);
  auto phone = c.string("contactPhone", Need::kOptional, kCodeChars);
  auto mobile = c.string("contactMobile", Need::kOptional, kCodeChars);
  // Not checked for an @: Gofive's sample fills it with placeholders ("notuse").
  auto mail = c.string("contactEmail", Need::kOptional, kEmailChars);
  auto born = birthdate(c, "contactBirthdate", zone, now);
  auto note = c.string("contactNote", Need::kOptional, kTextChars);
  auto picture = c.string("contactPicture", Need::kOptional, kUrlChars);
  auto status = c.boolean("contactStatus", Need::kOptional);
  auto social = c.string_object("contactSocialAccount", Need::kOptional, kMaxSocialAccounts,
                                kSocialKeyChars, kUrlChars);
  if (name) out.name = trimmed(*name);
  out.job_title = job.value;
  out.phone = phone.value;
  out.mobile = mobile.value;
  out.email = mail.value;
  out.birthdate = born.value;
  out.note = note.value;
  out.picture = picture.value;
  out.status = status.value.value_or(true);
  if (social) out.social_account = *social;
  return out;
}

// customFields: [{customFieldName, customFieldValue: string[]}], kept as compact JSON text.
Input<std::string> custom_fields(ObjectReader& r) {
  struct Field {
    std::string name;
    std::vector<std::string> values;
  };
  auto list = r.object_list("customFields", Need::kOptional, kMaxCustomFields, [](ObjectReader& f) {
    Field out;
    auto name = f.string("customFieldName", Need::kRequired, kNameChars);
    auto values = f.string_array("customFieldValue", Need::kOptional, kMaxCustomFieldValues,
                                 kTextChars, true);
    if (name) out.name = trimmed(*name);
    if (values) out.values = *values;
    return out;
  });
  Input<std::string> in;
  in.present = list.present;
  if (!list) return in;
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& f : *list) {
    w.StartObject();
    w.Key("customFieldName");
    w.String(f.name.data(), static_cast<rapidjson::SizeType>(f.name.size()));
    w.Key("customFieldValue");
    w.StartArray();
    for (const auto& v : f.values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  in.value.emplace(buf.GetString(), buf.GetSize());
  return in;
}

// customerType is 1 Business or 2 Individual; a legacy type code (11100/11200/11300) in its
// place, or in the legacy `type`, stands for customerState 1/2/3 (§7.1).
struct TypeAndState {
  Input<std::int64_t> type;
  std::optional<int> legacy_state;
};
TypeAndState type_and_state(ObjectReader& r, std::string_view name, std::string_view legacy) {
  TypeAndState out;
  auto type = r.integer(name, Need::kOptional, std::numeric_limits<std::int64_t>::min(),
                        std::numeric_limits<std::int64_t>::max());
  if (type) {
    if (auto state = state_of_legacy_type(*type)) {
      out.legacy_state = state;
    } else if (*type == kTypeBusiness || *type == kTypeIndividual) {
      out.type = type;
    } else {
      r.problem(name, r.path(name) +
                          " must be 1 (business) or 2 (individual), or a legacy "
                          "type 11100, 11200 or 11300");
    }
  } else if (type.is_null()) {
    out.type = type;
  }
  if (!legacy.empty()) {
    auto old = r.integer(legacy, Need::kOptional, std::numeric_limits<std::int64_t>::min(),
                         std::numeric_limits<std::int64_t>::max());
    if (old && !out.legacy_state) {
      out.legacy_state = state_of_legacy_type(*old);
      if (!out.legacy_state) r.problem(legacy, r.path(legacy) + " must be 11100, 11200 or 11300");
    }
  }
  return out;
}

UpsertInput parse_upsert(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  const auto& zone = *req.zone;
  const auto now = core::SystemClock().now();
  UpsertInput in;
  auto code = r.string("customerCode", Need::kOptional, kCodeChars);
  if (code && is_reserved_code(*code)) {
    r.problem("customerCode", "customerCode " + *code +
                                  " is reserved: it names a path of /v3/customers or " +
                                  "/v1/Customers");
  }
  auto name = r.string("customerName", Need::kRequired, kNameChars);
  auto state = r.integer("customerState", Need::kOptional, kStateLead, kStateCustomer);
  auto types = type_and_state(r, "customerType", "type");
  in.customer_status = r.integer("customerStatus", Need::kOptional, kStatusActive, kStatusClosed);
  // A legacy type code decides the state; a customerState beside it is the earlier designed
  // meaning, 1 Active or 2 Inactive: 2 is customerStatus 2, 1 changes no status (§7.1).
  in.customer_type = types.type;
  if (types.legacy_state) {
    in.customer_state.present = true;
    in.customer_state.value = *types.legacy_state;
    if (state && *state == 2 && !in.customer_status.present) {
      in.customer_status.present = true;
      in.customer_status.value = kStatusClosed;
      in.status_from_legacy_state = true;
    }
  } else {
    in.customer_state = state;
  }
  in.lead_status = r.integer("leadStatus", Need::kOptional, kLeadNew, kLeadInterested);
  // The clients' spelling.
  in.unqualified_reason = r.string("unqulifiedReasonName", Need::kOptional, kNameChars);
  in.unqualified_reason_note = r.string("unqulifiedReasonNote", Need::kOptional, kTextChars);
  in.picture = r.string("customerPicture", Need::kOptional, kUrlChars);
  in.second_name = r.string("customer2ndName", Need::kOptional, kNameChars);
  in.aliases = r.string_array("customerAliases", Need::kOptional, kMaxAliases, kNameChars);
  in.tax_no = r.string("customerTaxNo", Need::kOptional, kTaxNoChars);
  in.branch_code = r.string("branchCode", Need::kOptional, kCodeChars);
  in.phone = r.string("customerPhone", Need::kOptional, kCodeChars);
  in.mobile = r.string("customerMobile", Need::kOptional, kCodeChars);
  in.email = email(r, "customerEmail");
  in.position = r.string("customerPosition", Need::kOptional, kNameChars);
  in.gender = r.integer("customerGender", Need::kOptional, kGenderMale, kGenderOther);
  in.marital_status =
      r.integer("customerMaritalStatus", Need::kOptional, kMaritalSingle, kMaritalWidowed);
  in.birthdate = birthdate(r, "customerBirthdate", zone, now);
  // Amounts of money: exact decimals, never negative, kept with the scale given.
  in.income = r.money("customerIncome", Need::kOptional);
  in.credit_limit = r.money("creditLimit", Need::kOptional);
  in.source_name = r.string("sourceName", Need::kOptional, kNameChars);
  in.group_name = r.string("customerGroupName", Need::kOptional, kNameChars);
  in.classification_name = r.string("classificationName", Need::kOptional, kClassificationChars);
  in.interests = r.string_array("interestsName", Need::kOptional, kMaxInterests, kNameChars, true);
  in.tags = r.string_array("customerTags", Need::kOptional, kMaxTags, kTagChars);
  in.note = r.string("customerNote", Need::kOptional, kTextChars);
  in.social_account = r.string_object("customerSocialAccount", Need::kOptional, kMaxSocialAccounts,
                                      kSocialKeyChars, kUrlChars);
  in.custom_fields = custom_fields(r);
  in.addresses = r.object_list("addresses", Need::kOptional, kMaxAddresses, read_address);
  auto read_one_contact = [&](ObjectReader& c) { return read_contact(c, zone, now); };
  // A single contact object stands for a list of one: as `contact` when no list is sent
  // (§7.1), and as `contacts` itself, which Gofive's request model types as one object.
  auto one_contact = [&](std::string_view name, const rapidjson::Value& value) {
    ObjectReader c(value, std::string(name));
    auto contact = read_contact(c, zone, now);
    if (c.has_problems()) {
      r.nested_problems(name, c.take_problems());
      return;
    }
    in.contacts.present = true;
    in.contacts.value = std::vector<ContactInput>{std::move(contact)};
  };
  if (const auto* list = r.find("contacts"); list && list->IsObject()) {
    one_contact("contacts", *list);
  } else {
    in.contacts = r.object_list("contacts", Need::kOptional, kMaxContacts, read_one_contact);
  }
  if (!in.contacts.present) {
    if (const auto* one = r.find("contact"); one && !one->IsNull()) {
      if (!one->IsObject()) {
        r.problem("contact", "contact must be an object");
      } else {
        one_contact("contact", *one);
      }
    }
  }
  in.owners = r.string_array("owners", Need::kOptional, kMaxOwners, kCodeChars);
  r.check();
  in.customer_code = code.value;
  // Names compare after trimming (§4.3.4), so they are stored trimmed.
  in.customer_name = trimmed(*name);
  return in;
}

// Enquiry and search filters of §7.1 with their legacy aliases: a list of customerType values
// splits into types (1, 2) and states (the legacy codes).
void split_types(const std::vector<std::int64_t>& values, std::vector<std::int64_t>& types,
                 std::vector<std::int64_t>& states) {
  for (auto v : values) {
    if (auto state = state_of_legacy_type(v)) {
      states.push_back(*state);
    } else {
      types.push_back(v);
    }
  }
}

Input<std::vector<std::int64_t>> type_list(ObjectReader& r, std::string_view name) {
  // Any integer first, so that every wrong value gets the message naming the right ones.
  auto in = r.integer_list(name, Need::kOptional, std::numeric_limits<std::int64_t>::min(),
                           std::numeric_limits<std::int64_t>::max(), kMaxFilterValues, true);
  if (in) {
    for (auto v : *in) {
      if (v != kTypeBusiness && v != kTypeIndividual && !state_of_legacy_type(v)) {
        r.problem(name, r.path(name) +
                            " must hold 1 (business), 2 (individual) or a legacy type "
                            "11100, 11200 or 11300");
        in.value.reset();
        break;
      }
    }
  }
  return in;
}

// `paging`: take and skip from the query string (the legacy list route) instead of the body.
EnquiryInput parse_enquiry(const http::Request& req, bool paging_in_query = false) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  EnquiryInput in;
  // ccustomerType is a legacy doc typo of customerType, and `type` the legacy filter's name;
  // the canonical name wins.
  auto type = type_list(r, "customerType");
  if (!type.present) type = type_list(r, "ccustomerType");
  if (!type.present) type = type_list(r, "type");
  auto types = type_list(r, "customerTypes");
  auto states = r.integer_list("customerStates", Need::kOptional, kStateLead, kStateCustomer,
                               kMaxFilterValues, true);
  auto statuses = r.integer_list("customerStatuses", Need::kOptional, kStatusActive, kStatusClosed,
                                 kMaxFilterValues, true);
  auto lead_statuses = r.integer_list("leadStatuses", Need::kOptional, kLeadNew, kLeadInterested,
                                      kMaxFilterValues, true);
  // The legacy `states` (the earlier 1 Active / 2 Inactive) is customerStatus 0 / 2 (§7.1); its
  // 0, as the legacy sample sends it beside its other zeros, filters nothing.
  auto legacy_states = r.integer_list("states", Need::kOptional, 0, 2, kMaxFilterValues, true);
  auto keyword = r.string("keyword", Need::kOptional, kNameChars);
  auto lat = r.number("latitude", Need::kOptional, -90, 90);
  auto lon = r.number("longitude", Need::kOptional, -180, 180);
  // Half the Earth's circumference: every point is within it.
  constexpr double kMaxDistanceKm = 20038;
  auto distance = r.number("distanceLimit", Need::kOptional, 0, kMaxDistanceKm);
  auto owner_teams = r.integer("ownerTeams", Need::kOptional, 1, kMaxId);
  auto owners = r.string_array("owners", Need::kOptional, kMaxFilterValues, kCodeChars);
  auto classifications =
      r.integer_list("classifications", Need::kOptional, 1, kMaxId, kMaxFilterValues);
  auto groups = r.integer_list("groups", Need::kOptional, 1, kMaxId, kMaxFilterValues);
  auto group_names =
      r.string_array("customerGroupNames", Need::kOptional, kMaxFilterValues, kNameChars);
  auto tags = r.string_array("customerTags", Need::kOptional, kMaxFilterValues, kTagChars);
  auto active = r.boolean_list("statuses", Need::kOptional, kMaxFilterValues);
  // Topic ids travel as strings in the legacy filter; numbers are accepted too.
  auto topics = r.integer_list("topicInterests", Need::kOptional, 1, kMaxId, kMaxFilterValues);
  api::PageRequest page;
  if (paging_in_query) {
    api::QueryReader q(req.query);
    auto take = q.integer("pageLength", Need::kOptional, 1, kMaxId);
    if (!take.present) take = q.integer("take", Need::kOptional, 1, kMaxId);
    auto skip = q.integer("skip", Need::kOptional, 0, kMaxId);
    api::check_request(q, nullptr);
    // Without a page size in the query, the body's (the legacy samples send it there too).
    page = take ? api::PageRequest{std::min(*take, api::kMaxTake), skip.value.value_or(0)}
                : api::read_page(r, {.take = "take",
                                     .alias = "pageLength",
                                     .need = Need::kOptional,
                                     .fallback = kDefaultSearchTake});
    if (take) page.skip = skip.value.value_or(0);
  } else {
    page = api::read_page(r, {.take = "take", .alias = "pageLength"});
  }
  in.order = api::read_order(r, "orderBy", kCustomerSort, {{kSortByCode, false}});
  // A radius needs its centre; a centre without a radius (the legacy samples send 0.0 for all
  // three) filters nothing.
  if (distance && *distance > 0 && !(lat && lon)) {
    r.problem("distanceLimit", "distanceLimit needs latitude and longitude");
  }
  r.check();

  if (type) split_types(*type, in.types, in.states);
  if (types) split_types(*types, in.types, in.states);
  if (states) in.states.insert(in.states.end(), states->begin(), states->end());
  if (statuses) in.statuses = *statuses;
  if (legacy_states) {
    const bool all =
        std::find(legacy_states->begin(), legacy_states->end(), 0) != legacy_states->end();
    for (auto v : *legacy_states) {
      if (!all) in.statuses.push_back(v == 1 ? kStatusActive : kStatusClosed);
    }
  }
  if (lead_statuses) in.lead_statuses = *lead_statuses;
  if (keyword) {
    auto k = trimmed(*keyword);
    if (!k.empty()) in.keyword = std::move(k);
  }
  if (distance && *distance > 0) in.geo = GeoFilter{*lat, *lon, *distance};
  in.owner_teams = owner_teams.value;
  if (owners) in.owners = *owners;
  if (classifications) in.classifications = *classifications;
  if (groups) in.groups = *groups;
  if (group_names) in.group_names = *group_names;
  if (tags) in.tags = *tags;
  if (active) in.active = *active;
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
  auto types = type_list(r, "customerTypes");
  auto states = r.integer_list("customerStates", Need::kOptional, kStateLead, kStateCustomer,
                               kMaxFilterValues, true);
  SearchInput in;
  const auto page =
      api::read_page(r, {.take = "take", .need = Need::kOptional, .fallback = kDefaultSearchTake});
  r.check();
  in.text = std::move(t);
  if (types) split_types(*types, in.types, in.states);
  if (states) in.states.insert(in.states.end(), states->begin(), states->end());
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

  auto by_code = [&service](http::Request& req) -> asio::awaitable<api::Reply> {
    auto code = path_value(req, kCodeChars, "customerCode");
    auto c = co_await service.by_code(api::caller_of(req), std::move(code));
    co_return customer_reply(c, *req.zone);
  };
  section.add(verb::get, "/v3/customers/{customerCode}", by_code);
  // The legacy path of the same call (the docs' curl sample, §4.3.2).
  section.add(verb::get, "/v1/Customers/{customerCode}", by_code);

  section.add(verb::post, "/v3/customers/enquiry",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_enquiry(req);
                auto page = co_await service.enquiry(api::caller_of(req), std::move(in));
                co_return list_reply(page.items, page.total, *req.zone);
              });
  // The legacy list route of Gofive's 2019 sample (§7.1): Customers Enquiry with its paging in
  // the query string.
  section.add(verb::post, "/v1/Customers/filter",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_enquiry(req, true);
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
