#include "modules/customers/customer_routes.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "api/envelope.hpp"
#include "api/json_input.hpp"
#include "api/pipeline.hpp"
#include "core/error.hpp"

namespace ov::customers {

namespace asio = boost::asio;
using api::Input;
using api::Need;
using api::ObjectReader;

namespace {

// String bounds of ENDPOINTS.md §1.4 rule 6 (codes 50, names 500, descriptions 4000) and of
// the customer fields the contract bounds itself.
constexpr std::size_t kCodeChars = 50;
constexpr std::size_t kNameChars = 500;
constexpr std::size_t kTextChars = 4000;
constexpr std::size_t kTaxNoChars = 20;  // §4.3.1
// The longest address of an e-mail (RFC 5321's path limit less the angle brackets).
constexpr std::size_t kEmailChars = 254;
// Picture URLs: the length browsers and proxies reliably carry.
constexpr std::size_t kUrlChars = 2000;
// Lists of one customer: far above any real customer, low enough to bound one write's work.
constexpr std::size_t kMaxAliases = 50;
constexpr std::size_t kMaxAddresses = 50;
constexpr std::size_t kMaxOwners = 50;
// Values of one enquiry filter list: any real selection fits, and statements stay small.
constexpr std::size_t kMaxFilterValues = 100;
// Page sizes (ENDPOINTS.md §1.9): larger take values are capped, not rejected; Customer
// Search pages default to 20 (§4.3.13).
constexpr std::int64_t kMaxTake = 1000;
constexpr std::int64_t kDefaultSearchTake = 20;
// Customer Search needs at least this many characters (§4.3.13).
constexpr std::size_t kMinSearchChars = 2;
constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// A JSON number (or a string holding one) within [min, max].
Input<double> number(ObjectReader& r, std::string_view name, double min, double max) {
  Input<double> in;
  const auto* v = r.find(name);
  in.present = v != nullptr;
  if (!v || v->IsNull()) return in;
  std::optional<double> d;
  if (v->IsNumber()) {
    d = v->GetDouble();
  } else if (v->IsString()) {
    const std::string s(v->GetString(), v->GetStringLength());
    char* end = nullptr;
    const double parsed = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) d = parsed;
  }
  const std::string field = r.path(name);
  if (!d || !std::isfinite(*d)) {
    r.problem(name, field + " must be a number");
  } else if (*d < min || *d > max) {
    // Bounds are whole degrees or kilometres here: print them without a fraction.
    r.problem(name, field + " must be between " + std::to_string(static_cast<long long>(min)) +
                        " and " + std::to_string(static_cast<long long>(max)));
  } else {
    in.value = d;
  }
  return in;
}

// An integer read from a JSON value: numbers, integral decimals and numeric strings.
std::optional<std::int64_t> integer_of(const rapidjson::Value& v) {
  if (v.IsInt64()) return v.GetInt64();
  if (v.IsDouble()) {
    const double d = v.GetDouble();
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.0e18) {
      return static_cast<std::int64_t>(d);
    }
  }
  if (v.IsString()) {
    std::string_view s(v.GetString(), v.GetStringLength());
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) return n;
  }
  return std::nullopt;
}

// A list of integers in [min, max]; a single integer stands for a list of one when
// `single_ok` (the legacy `states` filter is "int or int[]").
Input<std::vector<std::int64_t>> integer_list(ObjectReader& r, std::string_view name,
                                              std::int64_t min, std::int64_t max,
                                              bool single_ok = false) {
  Input<std::vector<std::int64_t>> in;
  const auto* v = r.find(name);
  in.present = v != nullptr;
  if (!v || v->IsNull()) return in;
  const std::string field = r.path(name);
  std::vector<const rapidjson::Value*> items;
  if (v->IsArray()) {
    if (v->Size() > kMaxFilterValues) {
      r.problem(name, field + " must have at most " + std::to_string(kMaxFilterValues) + " items");
      return in;
    }
    for (const auto& item : v->GetArray()) items.push_back(&item);
  } else if (single_ok) {
    items.push_back(v);
  } else {
    r.problem(name, field + " must be an array of integers");
    return in;
  }
  std::vector<std::int64_t> out;
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item_field = v->IsArray() ? field + "[" + std::to_string(i) + "]" : field;
    auto n = integer_of(*items[i]);
    if (!n || *n < min || *n > max) {
      r.nested_problems(
          name, {{item_field, item_field + " must be an integer between " + std::to_string(min) +
                                  " and " + std::to_string(max)}});
      ok = false;
      continue;
    }
    out.push_back(*n);
  }
  if (ok) in.value = std::move(out);
  return in;
}

Input<std::vector<bool>> boolean_list(ObjectReader& r, std::string_view name) {
  Input<std::vector<bool>> in;
  const auto* v = r.find(name);
  in.present = v != nullptr;
  if (!v || v->IsNull()) return in;
  const std::string field = r.path(name);
  if (!v->IsArray() || v->Size() > kMaxFilterValues) {
    r.problem(name, field + " must be an array of at most " + std::to_string(kMaxFilterValues) +
                        " booleans");
    return in;
  }
  std::vector<bool> out;
  bool ok = true;
  for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
    const auto& item = (*v)[i];
    const std::string item_field = field + "[" + std::to_string(i) + "]";
    std::optional<bool> b;
    if (item.IsBool()) {
      b = item.GetBool();
    } else if (item.IsInt64() && (item.GetInt64() == 0 || item.GetInt64() == 1)) {
      b = item.GetInt64() == 1;
    } else if (item.IsString()) {
      std::string_view s(item.GetString(), item.GetStringLength());
      if (api::iequals(s, "true")) b = true;
      if (api::iequals(s, "false")) b = false;
    }
    if (!b) {
      r.nested_problems(name, {{item_field, item_field + " must be a boolean"}});
      ok = false;
      continue;
    }
    out.push_back(*b);
  }
  if (ok) in.value = std::move(out);
  return in;
}

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
    auto lat = number(a, "latitude", -90, 90);
    auto lon = number(a, "longitude", -180, 180);
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
  // Income and credit limit are amounts kept as the text given, bounded like codes.
  auto income = r.string("customerIncome", Need::kOptional, kCodeChars);
  auto credit = r.string("creditLimit", Need::kOptional, kCodeChars);
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

// The orderBy fields: response field names (case-insensitive, §1.9).
std::optional<SortKey> sort_key(std::string_view field) {
  static constexpr std::pair<std::string_view, SortKey> kFields[] = {
      {"customerId", SortKey::kCustomerId},         {"customerCode", SortKey::kCustomerCode},
      {"customerName", SortKey::kCustomerName},     {"customer2ndName", SortKey::kSecondName},
      {"customerType", SortKey::kCustomerType},     {"customerState", SortKey::kCustomerState},
      {"customerStatus", SortKey::kCustomerStatus}, {"customerTaxNo", SortKey::kTaxNo},
      {"branchCode", SortKey::kBranchCode},         {"customerPhone", SortKey::kPhone},
      {"customerMobile", SortKey::kMobile},         {"customerEmail", SortKey::kEmail},
      {"dateAcquired", SortKey::kDateAcquired},     {"dateCreated", SortKey::kDateCreated},
      {"dateModified", SortKey::kDateModified},     {"isActive", SortKey::kIsActive},
  };
  for (const auto& [name, key] : kFields) {
    if (api::iequals(name, field)) return key;
  }
  return std::nullopt;
}

// "<field> [asc|desc], …"; nullopt (with a problem recorded) when a term is not understood.
std::optional<std::vector<SortTerm>> parse_order(ObjectReader& r, std::string_view text) {
  std::vector<SortTerm> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string term = trimmed(text.substr(start, end - start));
    start = end + 1;
    if (term.empty()) {
      if (end == text.size() && !out.empty()) break;
      r.problem("orderBy", "orderBy has an empty term");
      return std::nullopt;
    }
    const auto space = term.find_first_of(" \t");
    const std::string field = term.substr(0, space);
    const std::string dir = space == std::string::npos ? "" : trimmed(term.substr(space));
    auto key = sort_key(field);
    if (!key) {
      r.problem("orderBy", "orderBy field " + field + " is not a sortable field");
      return std::nullopt;
    }
    SortTerm t{*key, false};
    if (api::iequals(dir, "desc")) {
      t.descending = true;
    } else if (!dir.empty() && !api::iequals(dir, "asc")) {
      r.problem("orderBy", "orderBy direction " + dir + " must be asc or desc");
      return std::nullopt;
    }
    out.push_back(t);
    if (end == text.size()) break;
  }
  return out;
}

// take (or its legacy alias): at least 1; larger than the cap means the cap. Returns 0 when
// a problem was recorded.
std::int64_t page_size(ObjectReader& r, std::string_view name, std::string_view alias, Need need,
                       std::int64_t fallback) {
  std::string_view used = name;
  auto take = r.integer(name, Need::kOptional, std::numeric_limits<std::int64_t>::min(), kMaxId);
  if (!take.present && !alias.empty()) {
    used = alias;
    take = r.integer(alias, Need::kOptional, std::numeric_limits<std::int64_t>::min(), kMaxId);
  }
  if (take) {
    if (*take < 1) {
      r.problem(used, std::string(used) + " must be at least 1");
      return 0;
    }
    return std::min(*take, kMaxTake);
  }
  if (take.present && !take.is_null()) return 0;  // not an integer: recorded
  if (need == Need::kRequired) {
    r.problem(name, std::string(name) + " is required");
    return 0;
  }
  return fallback;
}

EnquiryInput parse_enquiry(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  EnquiryInput in;
  // ccustomerType is a legacy doc typo of customerType; the canonical name wins.
  auto type = customer_type(r, "customerType");
  if (!type.present) type = customer_type(r, "ccustomerType");
  auto keyword = r.string("keyword", Need::kOptional, kNameChars);
  auto lat = number(r, "latitude", -90, 90);
  auto lon = number(r, "longitude", -180, 180);
  // Half the Earth's circumference: every point is within it.
  constexpr double kMaxDistanceKm = 20038;
  auto distance = number(r, "distanceLimit", 0, kMaxDistanceKm);
  auto states = integer_list(r, "states", kStateActive, kStateInactive, true);
  auto owner_teams = r.integer("ownerTeams", Need::kOptional, 1, kMaxId);
  auto owners = r.string_array("owners", Need::kOptional, kMaxFilterValues, kCodeChars);
  auto classifications = integer_list(r, "classifications", 1, kMaxId);
  auto groups = integer_list(r, "groups", 1, kMaxId);
  auto statuses = boolean_list(r, "statuses");
  // Topic ids travel as strings in the legacy filter; numbers are accepted too.
  auto topics = integer_list(r, "topicInterests", 1, kMaxId);
  in.take = page_size(r, "take", "pageLength", Need::kRequired, 0);
  auto skip = r.integer("skip", Need::kOptional, 0, kMaxId);
  auto order = r.string("orderBy", Need::kOptional, kNameChars);
  std::optional<std::vector<SortTerm>> terms;
  if (order && !trimmed(*order).empty()) terms = parse_order(r, *order);
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
  in.skip = skip.value.value_or(0);
  if (terms) {
    in.order = std::move(*terms);
  } else {
    in.order = {SortTerm{SortKey::kCustomerCode, false}};
  }
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
  auto types = integer_list(r, "customerTypes", kTypeLead, kTypeCustomer);
  if (types) {
    for (auto type : *types) {
      if (!is_customer_type(type)) {
        r.problem("customerTypes", "customerTypes must hold only 11100, 11200 or 11300");
        break;
      }
    }
  }
  SearchInput in;
  in.take = page_size(r, "take", "", Need::kOptional, kDefaultSearchTake);
  auto skip = r.integer("skip", Need::kOptional, 0, kMaxId);
  r.check();
  in.text = std::move(t);
  if (types) in.customer_types = *types;
  in.skip = skip.value.value_or(0);
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

// Shortest form (§1.4 output rule 3): 100 rather than 100.0.
void write_opt_number(api::JsonWriter& w, const std::optional<double>& v) {
  if (!v) {
    w.Null();
  } else if (std::trunc(*v) == *v && std::fabs(*v) < 1e15) {
    w.Int64(static_cast<std::int64_t>(*v));
  } else {
    w.Double(*v);
  }
}

void write_strings(api::JsonWriter& w, const std::vector<std::string>& list) {
  w.StartArray();
  for (const auto& s : list) api::write_string(w, s);
  w.EndArray();
}

// The customer object of §4.3, in its order.
void write_customer(api::JsonWriter& w, const CustomerRecord& c, const core::TimeZone& zone) {
  core::DateTimeText text;
  auto date = [&](std::string_view key, const std::optional<core::UnixSeconds>& t) {
    api::write_key(w, key);
    if (t) {
      api::write_string(w, core::format_datetime(*t, zone, text));
    } else {
      w.Null();
    }
  };
  auto str = [&](std::string_view key, const std::optional<std::string>& v) {
    api::write_key(w, key);
    api::write_opt_string(w, v);
  };
  auto num = [&](std::string_view key, const std::optional<std::int64_t>& v) {
    api::write_key(w, key);
    api::write_opt_int(w, v);
  };
  w.StartObject();
  api::write_key(w, "customerId");
  w.Int64(c.customer_id);
  api::write_key(w, "companyId");
  w.Int64(c.company_id);
  api::write_key(w, "customerCode");
  api::write_string(w, c.customer_code);
  api::write_key(w, "customerName");
  api::write_string(w, c.customer_name);
  str("customer2ndName", c.second_name);
  api::write_key(w, "customerAliases");
  write_strings(w, c.aliases);
  api::write_key(w, "customerType");
  w.Int(c.customer_type);
  api::write_key(w, "customerState");
  w.Int(c.customer_state);
  num("customerStatus", c.customer_status);
  str("customerPicture", c.picture);
  str("customerTaxNo", c.tax_no);
  str("branchCode", c.branch_code);
  str("customerPhone", c.phone);
  str("customerMobile", c.mobile);
  str("customerEmail", c.email);
  str("customerPosition", c.position);
  num("customerGender", c.gender);
  num("customerMaritalStatus", c.marital_status);
  date("customerBirthdate", c.birthdate);
  str("customerIncome", c.income);
  str("creditLimit", c.credit_limit);
  api::write_key(w, "addresses");
  w.StartArray();
  for (const auto& a : c.addresses) {
    w.StartObject();
    api::write_key(w, "addressId");
    w.Int64(a.address_id);
    api::write_key(w, "customerId");
    w.Int64(c.customer_id);
    api::write_key(w, "locationName");
    api::write_string(w, a.location_name);
    api::write_key(w, "location");
    api::write_string(w, a.location);
    api::write_key(w, "latitude");
    write_opt_number(w, a.latitude);
    api::write_key(w, "longitude");
    write_opt_number(w, a.longitude);
    api::write_key(w, "isActive");
    w.Bool(a.is_active);
    api::write_key(w, "createdByUserId");
    api::write_string(w, a.created_by_user_id);
    date("dateCreated", a.date_created);
    w.EndObject();
  }
  w.EndArray();
  api::write_key(w, "customerOwnersStr");
  write_strings(w, c.owners);
  api::write_key(w, "hasOwner");
  w.Bool(!c.owners.empty());
  api::write_key(w, "isActive");
  w.Bool(c.is_active());
  date("dateAcquired", c.date_acquired);
  str("createdByUserId", c.created_by_user_id);
  date("dateCreated", c.date_created);
  str("modifiedByUserId", c.modified_by_user_id);
  date("dateModified", c.date_modified);
  w.EndObject();
}

api::Reply customer_reply(const CustomerRecord& c, const core::TimeZone& zone) {
  return api::payload([&](api::JsonWriter& w) { write_customer(w, c, zone); });
}

// Lists carry their total in a header (ENDPOINTS.md §1.2).
api::Reply list_reply(const std::vector<CustomerRecord>& list, std::int64_t total,
                      const core::TimeZone& zone) {
  return api::list_payload(total, [&](api::JsonWriter& w) {
    w.StartArray();
    for (const auto& c : list) write_customer(w, c, zone);
    w.EndArray();
  });
}

void write_summary(api::JsonWriter& w, const CustomerSummary& c) {
  w.StartObject();
  api::write_key(w, "customerId");
  w.Int64(c.customer_id);
  api::write_key(w, "customerCode");
  api::write_string(w, c.customer_code);
  api::write_key(w, "customerName");
  api::write_string(w, c.customer_name);
  api::write_key(w, "customer2ndName");
  api::write_opt_string(w, c.second_name);
  api::write_key(w, "customerType");
  w.Int(c.customer_type);
  api::write_key(w, "customerTaxNo");
  api::write_opt_string(w, c.tax_no);
  api::write_key(w, "branchCode");
  api::write_opt_string(w, c.branch_code);
  api::write_key(w, "customerPhone");
  api::write_opt_string(w, c.phone);
  api::write_key(w, "customerMobile");
  api::write_opt_string(w, c.mobile);
  api::write_key(w, "customerEmail");
  api::write_opt_string(w, c.email);
  w.EndObject();
}

// A path value longer than its field's bound cannot name a record.
std::string path_value(const http::Request& req, std::size_t max_chars, std::string_view what) {
  const auto& v = req.params.at(0);
  if (api::utf8_length(v) > max_chars) {
    throw core::not_found(std::string(what) + " values are at most " + std::to_string(max_chars) +
                          " characters; no such customer exists");
  }
  return v;
}

}  // namespace

void register_routes(api::Routes& routes, CustomerService& service) {
  using http::bhttp::verb;
  auto route = [&](verb method, std::string path, api::Handler handler) {
    routes.add(method, std::move(path), api::Family::kS, std::move(handler));
  };

  route(verb::post, "/v3/customers", [&service](http::Request& req) -> asio::awaitable<api::Reply> {
    auto in = parse_upsert(req);
    auto c = co_await service.upsert(api::caller_of(req), std::move(in));
    co_return customer_reply(c, *req.zone);
  });

  route(verb::get, "/v3/customers/{customerCode}",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto code = path_value(req, kCodeChars, "customerCode");
          auto c = co_await service.by_code(api::caller_of(req), std::move(code));
          co_return customer_reply(c, *req.zone);
        });

  route(verb::post, "/v3/customers/enquiry",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto in = parse_enquiry(req);
          auto page = co_await service.enquiry(api::caller_of(req), std::move(in));
          co_return list_reply(page.items, page.total, *req.zone);
        });

  route(verb::get, "/v3/customers/name/{customerName}",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto name = trimmed(path_value(req, kNameChars, "customerName"));
          auto list = co_await service.by_name(api::caller_of(req), std::move(name));
          co_return list_reply(list, static_cast<std::int64_t>(list.size()), *req.zone);
        });

  route(verb::post, "/v3/customers/search",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto in = parse_search(req);
          auto page = co_await service.search(api::caller_of(req), std::move(in));
          co_return api::list_payload(page.total, [&](api::JsonWriter& w) {
            w.StartArray();
            for (const auto& c : page.items) write_summary(w, c);
            w.EndArray();
          });
        });

  route(verb::get, "/v3/customers/id/{customerId:int64}",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          std::int64_t id = 0;
          const auto& text = req.params.at(0);
          auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
          if (ec != std::errc() || p != text.data() + text.size()) {
            throw core::not_found("customerId " + text + " was not found");
          }
          auto c = co_await service.by_id(api::caller_of(req), id);
          co_return customer_reply(c, *req.zone);
        });

  route(verb::get, "/v3/customers/taxid/{taxId}",
        [&service](http::Request& req) -> asio::awaitable<api::Reply> {
          auto tax_no = path_value(req, kTaxNoChars, "taxId");
          std::optional<std::string> branch = req.query_param("branchCode");
          if (branch && api::utf8_length(*branch) > kCodeChars) {
            throw core::validation("branchCode", "branchCode must be at most 50 characters");
          }
          auto list = co_await service.by_tax_no(api::caller_of(req), std::move(tax_no), branch);
          co_return list_reply(list, static_cast<std::int64_t>(list.size()), *req.zone);
        });

  route(verb::post, "/v3/customers/existence",
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
              write_strings(w, m.matched_fields);
              w.EndObject();
            }
            w.EndArray();
            w.EndObject();
          });
        });
}

}  // namespace ov::customers
