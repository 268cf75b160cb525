#include "admin/operations.hpp"

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "core/error.hpp"
#include "modules/employees/employee_repository.hpp"
#include "modules/employees/employee_service.hpp"
#include "modules/master_data.hpp"
#include "modules/modules.hpp"

namespace ov::admin {

using api::Need;
using api::ObjectReader;

namespace {

// Whether the body says null for `name` (a value of the wrong type is a problem of its own).
bool null_given(const ObjectReader& in, std::string_view name) {
  const auto* v = in.find(name);
  return v && v->IsNull();
}

std::string must_be(std::string_view field, std::string_view what) {
  std::string message(field);
  message.append(" ").append(what);
  return message;
}

}  // namespace

// --- Companies ----------------------------------------------------------------------------

auth::NewCompany read_company(const rapidjson::Value& body) {
  ObjectReader in(body);
  auto name = in.string("name", Need::kRequired, api::kNameChars);
  auto timezone = in.string("timezone", Need::kOptional, kTimeZoneChars);
  auto vat = in.decimal("vatRate", Need::kOptional, kVatRateScale, core::Decimal::of(0),
                        core::Decimal::of(kMaxVatRatePercent));
  if (timezone && !core::TimeZone::find(*timezone)) {
    in.problem("timezone", must_be("timezone", "must be an IANA time zone such as Asia/Bangkok"));
  }
  in.check();
  auth::NewCompany spec;
  spec.name = core::trimmed(*name);
  if (timezone) spec.timezone = *timezone;
  if (vat) spec.vat_rate = *vat;
  return spec;
}

auth::ProvisionedCompany create_company(storage::Session& s, const auth::NewCompany& spec,
                                        core::UnixSeconds now) {
  if (core::trim(spec.name).empty()) throw core::validation("name", "name is required");
  if (!core::TimeZone::find(spec.timezone)) {
    throw core::validation("timezone",
                           must_be("timezone", "must be an IANA time zone such as Asia/Bangkok"));
  }
  if (spec.vat_rate < core::Decimal::of(0) ||
      spec.vat_rate > core::Decimal::of(kMaxVatRatePercent)) {
    throw core::validation("vatRate", "vatRate must be between 0 and 100");
  }
  return modules::create_company(s, spec, false, now);
}

void write_provisioned(api::JsonWriter& w, const auth::ProvisionedCompany& p,
                       const auth::NewCompany& spec) {
  w.StartObject();
  api::write_key(w, "companyId");
  w.Int64(p.company_id);
  api::write_key(w, "name");
  api::write_string(w, spec.name);
  api::write_key(w, "timezone");
  api::write_string(w, spec.timezone);
  api::write_key(w, "vatRate");
  api::write_decimal(w, spec.vat_rate);
  api::write_key(w, "clientId");
  api::write_string(w, p.client_id);
  api::write_key(w, "clientSecret");
  api::write_string(w, p.client_secret);
  api::write_key(w, "subscriptionKey");
  api::write_string(w, p.subscription_key);
  api::write_key(w, "adminUserId");
  api::write_string(w, p.admin_user_id);
  w.EndObject();
}

std::vector<CompanyRecord> list_companies(storage::Session& s) {
  auto rows = s.query(
      "SELECT company_id, name, timezone, vat_rate, created_at FROM companies ORDER BY "
      "company_id");
  std::vector<CompanyRecord> out;
  while (rows.next()) {
    out.push_back({rows.i64(0), rows.str(1), rows.str(2), rows.str(3), rows.i64(4)});
  }
  return out;
}

namespace {
void write_vat(api::JsonWriter& w, const std::string& text) {
  auto d = core::Decimal::parse(text, core::Decimal::kMaxScale);
  if (d) {
    api::write_decimal(w, *d);
  } else {
    w.Null();
  }
}
const core::TimeZone& zone_named(const std::string& name) {
  const auto* z = core::TimeZone::find(name);
  return z ? *z : core::TimeZone::bangkok();
}
}  // namespace

void write_company(api::JsonWriter& w, const CompanyRecord& c) {
  w.StartObject();
  api::write_key(w, "companyId");
  w.Int64(c.company_id);
  api::write_key(w, "name");
  api::write_string(w, c.name);
  api::write_key(w, "timezone");
  api::write_string(w, c.timezone);
  api::write_key(w, "vatRate");
  write_vat(w, c.vat_rate);
  api::write_key(w, "createdAt");
  api::write_string(w, core::format_datetime(c.created_at, zone_named(c.timezone)));
  w.EndObject();
}

void write_companies(api::JsonWriter& w, const std::vector<CompanyRecord>& companies) {
  w.StartArray();
  for (const auto& c : companies) write_company(w, c);
  w.EndArray();
}

CompanyRecord find_company(storage::Session& s, std::int64_t company_id) {
  auto rows = s.query(
      "SELECT company_id, name, timezone, vat_rate, created_at FROM companies WHERE company_id "
      "= ?",
      {company_id});
  if (!rows.next()) {
    throw core::not_found("company " + std::to_string(company_id) + " was not found");
  }
  return {rows.i64(0), rows.str(1), rows.str(2), rows.str(3), rows.i64(4)};
}

CompanyChanges read_company_changes(const rapidjson::Value& body) {
  ObjectReader in(body);
  auto name = in.string("name", Need::kOptional, api::kNameChars);
  auto timezone = in.string("timezone", Need::kOptional, kTimeZoneChars);
  auto vat = in.decimal("vatRate", Need::kOptional, kVatRateScale, core::Decimal::of(0),
                        core::Decimal::of(kMaxVatRatePercent));
  // A company always has a name, a zone and a rate: null clears none of them.
  for (const char* field : {"name", "timezone", "vatRate"}) {
    if (null_given(in, field)) in.problem(field, must_be(field, "must not be null"));
  }
  if (name && core::trim(*name).empty()) in.problem("name", must_be("name", "must not be blank"));
  if (timezone && !core::TimeZone::find(*timezone)) {
    in.problem("timezone", must_be("timezone", "must be an IANA time zone such as Asia/Bangkok"));
  }
  in.check();
  CompanyChanges c;
  if (name) c.name = core::trimmed(*name);
  c.timezone = timezone.value;
  c.vat_rate = vat.value;
  return c;
}

CompanyRecord update_company(storage::Session& s, std::int64_t company_id,
                             const CompanyChanges& changes) {
  auto c = find_company(s, company_id);
  if (changes.name) c.name = *changes.name;
  if (changes.timezone) c.timezone = *changes.timezone;
  if (changes.vat_rate) c.vat_rate = changes.vat_rate->to_string();
  s.exec("UPDATE companies SET name = ?, timezone = ?, vat_rate = ? WHERE company_id = ?",
         {c.name, c.timezone, c.vat_rate, company_id});
  return c;
}

// --- API clients and subscription keys ----------------------------------------------------

std::string read_client_name(const rapidjson::Value& body) {
  ObjectReader in(body);
  auto name = in.string("name", Need::kOptional, api::kNameChars);
  in.check();
  if (name) {
    auto n = core::trimmed(*name);
    if (!n.empty()) return n;
  }
  return "API client";
}

std::vector<ClientRecord> list_clients(storage::Session& s, std::int64_t company_id) {
  auto rows = s.query(
      "SELECT c.client_id, c.user_id, u.name, c.is_active, c.created_at FROM api_clients c JOIN "
      "users u ON u.company_id = c.company_id AND u.user_id = c.user_id WHERE c.company_id = ? "
      "ORDER BY c.created_at, c.client_id",
      {company_id});
  std::vector<ClientRecord> out;
  while (rows.next()) {
    out.push_back({rows.str(0), rows.str(1), rows.str(2), rows.i64(3) == 1, rows.i64(4)});
  }
  return out;
}

void write_clients(api::JsonWriter& w, const std::vector<ClientRecord>& clients,
                   const core::TimeZone& zone) {
  w.StartArray();
  for (const auto& c : clients) {
    w.StartObject();
    api::write_key(w, "clientId");
    api::write_string(w, c.client_id);
    api::write_key(w, "userId");
    api::write_string(w, c.user_id);
    api::write_key(w, "name");
    api::write_string(w, c.name);
    api::write_key(w, "isActive");
    w.Bool(c.is_active);
    api::write_key(w, "createdAt");
    api::write_string(w, core::format_datetime(c.created_at, zone));
    w.EndObject();
  }
  w.EndArray();
}

void write_new_client(api::JsonWriter& w, std::int64_t company_id, const auth::NewClient& c) {
  w.StartObject();
  api::write_key(w, "companyId");
  w.Int64(company_id);
  api::write_key(w, "clientId");
  api::write_string(w, c.client_id);
  api::write_key(w, "clientSecret");
  api::write_string(w, c.client_secret);
  api::write_key(w, "userId");
  api::write_string(w, c.user_id);
  w.EndObject();
}

void revoke_client(storage::Session& s, std::int64_t company_id, std::string_view client_id) {
  if (!auth::revoke_client(s, company_id, client_id)) {
    std::string message = "client ";
    message.append(client_id).append(" was not found");
    throw core::not_found(message);
  }
}

void write_rotated_key(api::JsonWriter& w, std::int64_t company_id, const auth::RotatedKey& k) {
  w.StartObject();
  api::write_key(w, "companyId");
  w.Int64(company_id);
  api::write_key(w, "subscriptionKey");
  api::write_string(w, k.primary);
  api::write_key(w, "generation");
  w.Int64(k.generation);
  api::write_key(w, "retiredKeys");
  w.Int64(k.deactivated);
  w.EndObject();
}

// --- Reference data -----------------------------------------------------------------------

const core::MasterList& find_kind(std::string_view kind) {
  for (const auto& entry : modules::master_lists()) {
    if (!entry.list->admin_kind.empty() && core::iequals(entry.list->admin_kind, kind)) {
      return *entry.list;
    }
  }
  std::string message = "there is no reference data of kind ";
  message.append(kind);
  throw core::not_found(message);
}

std::vector<std::string_view> kinds() {
  std::vector<std::string_view> out;
  for (const auto& entry : modules::master_lists()) {
    if (!entry.list->admin_kind.empty()) out.push_back(entry.list->admin_kind);
  }
  return out;
}

storage::MasterWrite read_master_write(const core::MasterList& list, const rapidjson::Value& body,
                                       bool creating) {
  using Kind = core::MasterColumn::Kind;
  using Write = core::MasterColumn::Write;
  ObjectReader in(body);
  storage::MasterWrite out;
  auto name = in.string("name", creating ? Need::kRequired : Need::kOptional, api::kNameChars);
  if (null_given(in, "name")) in.problem("name", "name must not be null");
  if (name) {
    auto n = core::trimmed(*name);
    if (n.empty()) {
      in.problem("name", "name must not be empty");
    } else {
      out.name = std::move(n);
    }
  }
  auto active = in.boolean("isActive", Need::kOptional);
  if (null_given(in, "isActive")) in.problem("isActive", "isActive must not be null");
  if (active && list.active_column.empty()) {
    in.problem("isActive", "isActive cannot be set on this kind");
  }
  out.active = active.value;
  out.extras.resize(list.extras.size());
  for (std::size_t i = 0; i < list.extras.size(); ++i) {
    const auto& e = list.extras[i];
    const bool writable = e.write == Write::kAlways || (creating && e.write == Write::kOnCreate);
    if (!writable) {
      // Shown but not written (computed, or fixed after creation): refused rather than
      // ignored, so that an operator does not believe a change was made.
      if (const auto* v = in.find(e.json); v && e.write == Write::kOnCreate) {
        in.problem(e.json, must_be(e.json, "cannot be changed after creation"));
      }
      continue;
    }
    const bool optional = e.kind == Kind::kOptString || e.kind == Kind::kOptInt64;
    // A null is refused once, as a null (not also as missing).
    const Need need = creating && !optional && e.kind != Kind::kBool && e.set_sql.empty() &&
                              !null_given(in, e.json)
                          ? Need::kRequired
                          : Need::kOptional;
    // A text or number read: null only where the column may hold it.
    const auto take_value = [&](const auto& v) {
      const bool null = null_given(in, e.json);
      if (null && !optional) in.problem(e.json, must_be(e.json, "must not be null"));
      if (v) {
        out.extras[i] = *v;
      } else if (null && optional) {
        out.extras[i] = nullptr;
      }
    };
    switch (e.kind) {
      case Kind::kString:
      case Kind::kOptString: {
        auto v = in.string(e.json, need, e.max_chars);
        if (v && e.format == core::MasterColumn::Format::kColor && !core::is_hex_color(*v)) {
          in.problem(e.json, must_be(e.json, "must be a colour as #RRGGBB"));
        }
        take_value(v);
        break;
      }
      case Kind::kInt64:
      case Kind::kOptInt64:
        take_value(in.integer(e.json, need, e.min, e.max));
        break;
      case Kind::kBool: {
        auto v = in.boolean(e.json, need);
        if (null_given(in, e.json)) in.problem(e.json, must_be(e.json, "must not be null"));
        if (v && !*v && !e.set_sql.empty()) {
          in.problem(e.json, must_be(e.json, "can only be set to true: set it on another entry"));
        }
        if (v) out.extras[i] = *v;
        break;
      }
    }
  }
  in.check();
  return out;
}

void write_master_row(api::JsonWriter& w, const core::MasterList& list,
                      const storage::MasterRow& row) {
  w.StartObject();
  api::write_key(w, "id");
  w.Int64(row.id);
  api::write_key(w, "name");
  api::write_string(w, row.name);
  api::write_key(w, "isActive");
  w.Bool(row.is_active);
  for (std::size_t i = 0; i < list.extras.size() && i < row.extras.size(); ++i) {
    api::write_key(w, list.extras[i].json);
    modules::write_master_extra(w, row.extras[i]);
  }
  w.EndObject();
}

void write_master_rows(api::JsonWriter& w, const core::MasterList& list,
                       const std::vector<storage::MasterRow>& rows) {
  w.StartArray();
  for (const auto& row : rows) write_master_row(w, list, row);
  w.EndArray();
}

void write_removal(api::JsonWriter& w, std::int64_t id, storage::MasterRemoval removal) {
  w.StartObject();
  api::write_key(w, "id");
  w.Int64(id);
  api::write_key(w, "result");
  api::write_string(w, removal == storage::MasterRemoval::kDeleted ? "deleted" : "deactivated");
  w.EndObject();
}

// --- Employees ----------------------------------------------------------------------------

employees::NewEmployee read_employee(const rapidjson::Value& body, bool creating) {
  ObjectReader in(body);
  employees::NewEmployee e;
  struct Text {
    std::string_view json;
    std::size_t max_chars;
    std::optional<std::string> employees::EmployeeChanges::*field;
  };
  // The Employee object's names (ENDPOINTS.md §4.0); the team by its name, created when the
  // company has none of that name (as `openvenio user --team`). Their bounds are checked again
  // by the employee write path.
  static constexpr Text kTexts[] = {
      {"firstname", api::kNameChars, &employees::EmployeeChanges::first_name},
      {"lastname", api::kNameChars, &employees::EmployeeChanges::last_name},
      {"title", api::kNameChars, &employees::EmployeeChanges::title},
      {"nickname", api::kNameChars, &employees::EmployeeChanges::nickname},
      {"position", api::kNameChars, &employees::EmployeeChanges::position},
      {"email", api::kEmailChars, &employees::EmployeeChanges::email},
      {"phoneNumber", api::kCodeChars, &employees::EmployeeChanges::phone},
      {"staffCode", api::kCodeChars, &employees::EmployeeChanges::staff_code},
      {"teamName", api::kNameChars, &employees::EmployeeChanges::team},
      {"role", api::kCodeChars, &employees::EmployeeChanges::role},
      {"pictureUrl", api::kUrlChars, &employees::EmployeeChanges::picture_url},
  };
  for (const auto& t : kTexts) {
    const bool required = creating && t.json == "firstname";
    auto v = in.string(t.json, required ? Need::kRequired : Need::kOptional, t.max_chars);
    if (v) {
      e.*(t.field) = *v;
    } else if (null_given(in, t.json)) {
      // null clears, as an empty string does on the command line.
      e.*(t.field) = std::string();
    }
  }
  // Approval levels are small numbers (employees::update_employee keeps the same bound).
  auto level = in.integer("level", Need::kOptional, 0, 100);
  if (level) e.level = *level;
  auto active = in.boolean("isActive", Need::kOptional);
  if (null_given(in, "isActive")) in.problem("isActive", "isActive must not be null");
  if (active) e.active = *active;
  in.check();
  return e;
}

std::vector<employees::EmployeeRecord> list_employees(storage::Session& s,
                                                      std::int64_t company_id) {
  employees::EmployeeRepository repo(s);
  employees::EnquiryInput in;
  in.is_active = std::nullopt;
  in.take = api::kMaxTake;
  in.order = {{employees::kSortByStaffCode, false}};
  return repo.enquiry(company_id, in).items;
}

employees::EmployeeRecord get_employee(storage::Session& s, std::int64_t company_id,
                                       std::string_view key) {
  employees::EmployeeRepository repo(s);
  auto found = core::is_guid(key) ? repo.find_by_id(company_id, core::normalize_guid(key))
                                  : repo.find_by_staff_code(company_id, key);
  if (!found) {
    std::string message = "employee ";
    message.append(key).append(" was not found");
    throw core::not_found(message);
  }
  return std::move(*found);
}

void write_employee(api::JsonWriter& w, const employees::EmployeeRecord& e,
                    const core::TimeZone& zone) {
  api::write_object(w, e, core::Fields<employees::EmployeeRecord>(employees::kEmployeeFields),
                    {&zone});
}

void write_employees(api::JsonWriter& w, const std::vector<employees::EmployeeRecord>& list,
                     const core::TimeZone& zone) {
  api::write_array(w, list, core::Fields<employees::EmployeeRecord>(employees::kEmployeeFields),
                   {&zone});
}

const core::TimeZone& company_zone(storage::Session& s, std::int64_t company_id) {
  auto rows = s.query("SELECT timezone FROM companies WHERE company_id = ?", {company_id});
  if (!rows.next()) return core::TimeZone::bangkok();
  return zone_named(rows.str(0));
}

}  // namespace ov::admin
