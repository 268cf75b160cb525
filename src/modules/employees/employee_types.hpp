// The Employee section's records and inputs (ENDPOINTS.md §4.0 Employee object, §4.6, §7.3).
// Employees are reference data (§1.3): the users of kind 'employee', written by the server's
// administration (openvenio user add/update/deactivate) and read through the API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/fields.hpp"
#include "core/master_list.hpp"
#include "core/query.hpp"
#include "core/time.hpp"

namespace ov::employees {

// Roles (designed): every employee has one, shown as `role` (its name) and `roleId`.
struct Role {
  std::string_view id;
  std::string_view name;
};
inline constexpr Role kRoles[] = {{"1", "Administrator"}, {"2", "Manager"}, {"3", "Staff"}};
inline constexpr const Role& kAdministratorRole = kRoles[0];
inline constexpr const Role& kStaffRole = kRoles[2];
// The role with this name (case-insensitively) or id; nullptr when there is none.
const Role* find_role(std::string_view name_or_id);

struct EmployeeRecord {
  std::string user_id;
  std::string username;
  std::int64_t company_id = 0;
  std::string company_name;
  std::optional<std::int64_t> team_id;
  std::optional<std::string> team_name;
  std::optional<std::string> staff_code;
  std::optional<std::string> title;
  std::string firstname;
  std::string lastname;
  std::string fullname;  // firstname + " " + lastname, stored as the user's name
  std::optional<std::string> nickname;
  std::optional<std::string> position;
  std::optional<std::string> email;
  std::optional<std::string> phone_number;
  std::optional<std::string> org_string;
  int org_level = 0;
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<std::string> location;
  std::optional<std::string> location_name;
  bool is_active = true;
  std::string created_by_user_id;
  std::optional<std::string> picture_url;
  core::UnixSeconds date_created = 0;
  core::UnixSeconds date_modified = 0;
  std::string role{kStaffRole.name};
  std::string role_id{kStaffRole.id};
  int level = 0;
  std::optional<std::int64_t> site_id;
  bool is_agreement_pdpa = false;
  std::optional<core::UnixSeconds> date_agreement_pdpa;

  bool has_picture() const { return picture_url.has_value(); }
};

// The Employee object of §4.0 in its order, then pictureUrl (§7.3: a published client reads
// it), and where each field is stored: users, with the company's and the team's names joined.
inline constexpr core::Field<EmployeeRecord> kEmployeeFields[] = {
    {"userId", "user_id", &EmployeeRecord::user_id, core::Store::kInsert},
    // Users written before the Employee section may lack a login name: their id stands in.
    core::read_as<EmployeeRecord>({"username", "username", &EmployeeRecord::username},
                                  "COALESCE(u.username, u.user_id)"),
    {"companyId", "company_id", &EmployeeRecord::company_id, core::Store::kInsert},
    {"companyName", "co.name", &EmployeeRecord::company_name, core::Store::kRead},
    {"teamId", "team_id", &EmployeeRecord::team_id},
    {"teamName", "t.name", &EmployeeRecord::team_name, core::Store::kRead},
    {"staffCode", "staff_code", &EmployeeRecord::staff_code},
    {"title", "title", &EmployeeRecord::title},
    {"firstname", "firstname", &EmployeeRecord::firstname},
    {"lastname", "lastname", &EmployeeRecord::lastname},
    {"fullname", "name", &EmployeeRecord::fullname},
    {"nickname", "nickname", &EmployeeRecord::nickname},
    {"position", "position", &EmployeeRecord::position},
    {"email", "email", &EmployeeRecord::email},
    {"phoneNumber", "phone_number", &EmployeeRecord::phone_number},
    {"orgString", "org_string", &EmployeeRecord::org_string},
    {"orgLevel", "org_level", &EmployeeRecord::org_level},
    {"latitude", "latitude", &EmployeeRecord::latitude},
    {"longitude", "longitude", &EmployeeRecord::longitude},
    {"location", "location", &EmployeeRecord::location},
    {"locationName", "location_name", &EmployeeRecord::location_name},
    {"isActive", "is_active", &EmployeeRecord::is_active},
    core::read_as<EmployeeRecord>({"createdByUserId", "created_by_user_id",
                                   &EmployeeRecord::created_by_user_id, core::Store::kInsert},
                                  "COALESCE(u.created_by_user_id, u.user_id)"),
    core::json_only<EmployeeRecord>("hasPicture", &EmployeeRecord::has_picture),
    {"dateCreated", "created_at", &EmployeeRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    core::read_as<EmployeeRecord>({"dateModified", "date_modified", &EmployeeRecord::date_modified,
                                   core::FieldKind::kDateTime},
                                  "COALESCE(u.date_modified, u.created_at)"),
    {"role", "role", &EmployeeRecord::role},
    {"roleId", "role_id", &EmployeeRecord::role_id},
    {"level", "level", &EmployeeRecord::level},
    {"siteId", "site_id", &EmployeeRecord::site_id},
    {"isAgreementPDPA", "is_agreement_pdpa", &EmployeeRecord::is_agreement_pdpa},
    {"dateAgreementPDPA", "date_agreement_pdpa", &EmployeeRecord::date_agreement_pdpa,
     core::FieldKind::kDateTime},
    {"pictureUrl", "picture_url", &EmployeeRecord::picture_url},
};
inline constexpr core::Entity<EmployeeRecord> kEmployeeEntity{
    "users", "u", kEmployeeFields, "user_id",
    " JOIN companies co ON co.company_id = u.company_id LEFT JOIN teams t ON t.company_id = "
    "u.company_id AND t.team_id = u.team_id"};

// Teams (reference data, §1.3): no endpoint lists them; employees show their id and name.
// Employees and activities (the assignee's team when saved) name teams.
inline constexpr core::MasterReference kTeamReferences[] = {{"users", "team_id"},
                                                            {"activities", "team_id"}};
inline constexpr core::MasterList kTeams{
    .table = "teams",
    .id_column = "team_id",
    .name_column = "name",
    .id_key = "teamId",
    .name_key = "teamName",
    .field = "teamId",
    .order = "team_id",
    .admin_kind = "teams",
    .references = kTeamReferences,
};

// The orderBy fields of Employees Enquiry: its scalar response fields (§1.9). Codes, names and
// e-mails sort case-insensitively, like they compare.
inline constexpr core::SortColumn kEmployeeSort[] = {
    {"userId", "u.user_id"},
    {"staffCode", "lower(u.staff_code)", true},
    {"username", "lower(COALESCE(u.username, u.user_id))"},
    {"teamId", "u.team_id", true},
    {"firstname", "lower(u.firstname)"},
    {"lastname", "lower(u.lastname)"},
    {"fullname", "lower(u.name)"},
    {"nickname", "lower(u.nickname)", true},
    {"position", "lower(u.position)", true},
    {"email", "lower(u.email)", true},
    {"orgLevel", "u.org_level"},
    {"isActive", "u.is_active"},
    {"dateCreated", "u.created_at"},
    {"dateModified", "COALESCE(u.date_modified, u.created_at)"},
    {"role", "u.role"},
    {"roleId", "u.role_id"},
    {"level", "u.level"},
};
inline constexpr std::size_t kSortByUserId = 0;     // unique: the tie-break of every order
inline constexpr std::size_t kSortByStaffCode = 1;  // the default order

// Employees Enquiry (§4.6.1, §7.3). Empty lists mean "no filter".
struct EnquiryInput {
  std::optional<std::string> keyword;
  std::vector<std::string> staff_codes;
  std::vector<std::int64_t> team_ids;
  std::optional<bool> is_active;  // nullopt: active and inactive
  std::int64_t take = 0;
  std::int64_t skip = 0;
  std::vector<core::SortTerm> order;
};

// What the administration sets on an employee. On update an absent field keeps its value and
// an empty string clears an optional one.
struct EmployeeChanges {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> title;
  std::optional<std::string> nickname;
  std::optional<std::string> position;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> staff_code;
  std::optional<std::string> team;  // by name, created when the company has no such team
  std::optional<std::string> role;  // a name or id of kRoles
  std::optional<std::string> picture_url;
  std::optional<std::int64_t> level;
  std::optional<bool> active;
};

struct NewEmployee : EmployeeChanges {
  std::optional<std::string> user_id;  // a fixed GUID (demo data); else a new one
};

}  // namespace ov::employees
