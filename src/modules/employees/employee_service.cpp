#include "modules/employees/employee_service.hpp"

#include <algorithm>

#include "api/bounds.hpp"
#include "auth/provisioning.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "modules/employees/employee_repository.hpp"
#include "storage/master_lists.hpp"

namespace ov::employees {

const Role* find_role(std::string_view name_or_id) {
  auto it = std::find_if(std::begin(kRoles), std::end(kRoles), [&](const Role& r) {
    return core::iequals(r.name, name_or_id) || r.id == name_or_id;
  });
  return it == std::end(kRoles) ? nullptr : &*it;
}

namespace {

std::optional<EmployeeRecord> find_employee(EmployeeRepository& repo, std::int64_t company_id,
                                            std::string_view key) {
  if (core::is_guid(key)) return repo.find_by_id(company_id, core::normalize_guid(key));
  return repo.find_by_staff_code(company_id, key);
}

// The value of an optional text field: an empty string clears it.
std::optional<std::string> text_or_none(const std::string& v) {
  auto t = core::trimmed(v);
  if (t.empty()) return std::nullopt;
  return t;
}

void check_length(std::string_view field, const std::optional<std::string>& v, std::size_t max) {
  if (v && core::utf8_length(*v) > max) {
    throw core::validation(std::string(field), std::string(field) + " must be at most " +
                                                   std::to_string(max) + " characters");
  }
}

// Checks the changes' values and turns names into ids (role, team); the team is created when
// the company has none of that name.
struct Resolved {
  const Role* role = nullptr;
  std::optional<std::optional<std::int64_t>> team;  // outer: given; inner nullopt: no team
};
Resolved resolve(storage::Session& s, std::int64_t company_id, const EmployeeChanges& c) {
  using api::kCodeChars;
  using api::kNameChars;
  check_length("firstname", c.first_name, kNameChars);
  check_length("lastname", c.last_name, kNameChars);
  check_length("title", c.title, kNameChars);
  check_length("nickname", c.nickname, kNameChars);
  check_length("position", c.position, kNameChars);
  check_length("email", c.email, api::kEmailChars);
  check_length("phoneNumber", c.phone, kCodeChars);
  check_length("staffCode", c.staff_code, kCodeChars);
  check_length("team", c.team, kNameChars);
  check_length("pictureUrl", c.picture_url, api::kUrlChars);
  if (c.first_name && core::trim(*c.first_name).empty()) {
    throw core::validation("firstname", "firstname is required");
  }
  if (c.email && !core::trim(*c.email).empty() && c.email->find('@') == std::string::npos) {
    throw core::validation("email", "email must contain @");
  }
  // Approval levels are small numbers; the bound only keeps nonsense out.
  constexpr std::int64_t kMaxLevel = 100;
  if (c.level && (*c.level < 0 || *c.level > kMaxLevel)) {
    throw core::validation("level", "level must be between 0 and " + std::to_string(kMaxLevel));
  }
  Resolved r;
  if (c.role) {
    r.role = find_role(core::trim(*c.role));
    if (!r.role) throw core::validation("role", "role must be Administrator, Manager or Staff");
  }
  if (c.team) {
    const auto name = core::trimmed(*c.team);
    if (name.empty()) {
      r.team.emplace(std::nullopt);
    } else {
      auto id = s.query_i64(
          "SELECT team_id FROM teams WHERE company_id = ? AND lower(name) = "
          "lower(?)",
          {company_id, std::string_view(name)});
      if (!id) {
        id = s.query_i64("SELECT COALESCE(MAX(team_id), 0) + 1 FROM teams WHERE company_id = ?",
                         {company_id});
        storage::add_master_row(s, kTeams, company_id, *id, name);
      }
      r.team.emplace(*id);
    }
  }
  return r;
}

void check_staff_code(EmployeeRepository& repo, std::int64_t company_id,
                      const std::optional<std::string>& code, std::string_view user_id) {
  if (code && repo.staff_code_taken(company_id, *code, user_id)) {
    throw core::conflict("staffCode " + *code + " is already another user's");
  }
}

}  // namespace

boost::asio::awaitable<EmployeeRecord> EmployeeService::get(const core::Caller& caller,
                                                            std::string key) {
  auto found = co_await db_.read([&](storage::Session& s) {
    EmployeeRepository repo(s);
    return find_employee(repo, caller.company_id, key);
  });
  if (!found) throw core::not_found("Employee " + key + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<core::Page<EmployeeRecord>> EmployeeService::enquiry(
    const core::Caller& caller, EnquiryInput in) {
  // A company's employees are reference data the administration enters: hundreds, not
  // millions, so even a keyword scan is a short read.
  co_return co_await db_.read(
      [&](storage::Session& s) { return EmployeeRepository(s).enquiry(caller.company_id, in); });
}

EmployeeRecord add_employee(storage::Session& s, std::int64_t company_id, const NewEmployee& in,
                            core::UnixSeconds now) {
  EmployeeRepository repo(s);
  if (!in.first_name) throw core::validation("firstname", "firstname is required");
  auto r = resolve(s, company_id, in);
  std::optional<std::string> staff_code;
  if (in.staff_code) staff_code = text_or_none(*in.staff_code);
  std::string user_id;
  if (in.user_id) {
    if (!core::is_guid(*in.user_id)) throw core::validation("userId", "userId must be a GUID");
    user_id = core::normalize_guid(*in.user_id);
  }
  check_staff_code(repo, company_id, staff_code, user_id);
  auth::NewUser u;
  u.user_id = in.user_id;
  u.first_name = core::trimmed(*in.first_name);
  u.last_name = in.last_name ? core::trimmed(*in.last_name) : std::string();
  u.name = u.last_name->empty() ? *u.first_name : *u.first_name + " " + *u.last_name;
  if (in.email) u.email = core::trimmed(*in.email);
  u.staff_code = staff_code;
  if (r.team) u.team_id = *r.team;
  if (in.title) u.title = text_or_none(*in.title);
  if (in.nickname) u.nickname = text_or_none(*in.nickname);
  if (in.position) u.position = text_or_none(*in.position);
  if (in.phone) u.phone = text_or_none(*in.phone);
  if (in.picture_url) u.picture_url = text_or_none(*in.picture_url);
  const Role& role = r.role ? *r.role : kStaffRole;
  u.role_id = role.id;
  u.role = role.name;
  u.level = in.level.value_or(0);
  u.active = in.active.value_or(true);
  const auto id = auth::add_user(s, company_id, u, now);
  auto stored = repo.find_by_id(company_id, id);
  if (!stored) throw core::not_found("Employee " + id + " was not found");
  return std::move(*stored);
}

EmployeeRecord update_employee(storage::Session& s, std::int64_t company_id, std::string_view key,
                               const EmployeeChanges& c, core::UnixSeconds now) {
  EmployeeRepository repo(s);
  auto found = find_employee(repo, company_id, key);
  if (!found) throw core::not_found("Employee " + std::string(key) + " was not found");
  EmployeeRecord e = std::move(*found);
  auto r = resolve(s, company_id, c);
  if (c.staff_code) {
    e.staff_code = text_or_none(*c.staff_code);
    check_staff_code(repo, company_id, e.staff_code, e.user_id);
  }
  if (c.first_name) e.firstname = core::trimmed(*c.first_name);
  if (c.last_name) e.lastname = core::trimmed(*c.last_name);
  e.fullname = e.lastname.empty() ? e.firstname : e.firstname + " " + e.lastname;
  if (c.title) e.title = text_or_none(*c.title);
  if (c.nickname) e.nickname = text_or_none(*c.nickname);
  if (c.position) e.position = text_or_none(*c.position);
  if (c.email) e.email = text_or_none(*c.email);
  if (c.phone) e.phone_number = text_or_none(*c.phone);
  if (c.picture_url) e.picture_url = text_or_none(*c.picture_url);
  if (r.team) e.team_id = *r.team;
  if (r.role) {
    e.role_id = r.role->id;
    e.role = r.role->name;
  }
  if (c.level) e.level = static_cast<int>(*c.level);
  if (c.active) e.is_active = *c.active;
  e.date_modified = now;
  repo.update(e);
  auto stored = repo.find_by_id(company_id, e.user_id);
  return std::move(*stored);
}

EmployeeRecord deactivate_employee(storage::Session& s, std::int64_t company_id,
                                   std::string_view key, core::UnixSeconds now) {
  EmployeeChanges c;
  c.active = false;
  return update_employee(s, company_id, key, c, now);
}

}  // namespace ov::employees
