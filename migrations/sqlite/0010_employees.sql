-- The Employee section (ENDPOINTS.md §4.0 Employee object, §4.6): employees are the users of
-- kind 'employee', with the fields a real employee has; teams are per-company reference data
-- (§1.3). Names, role and audit columns of users stored before this migration are filled in
-- from what they had.

CREATE TABLE teams (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  team_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, team_id)
);
-- Teams are named by the administration (`openvenio user add --team`): one name, one team.
CREATE UNIQUE INDEX teams_name ON teams (company_id, lower(name));
-- Teams users were given before teams were recorded.
INSERT INTO teams (company_id, team_id, name)
  SELECT DISTINCT company_id, team_id, 'Team ' || team_id FROM users WHERE team_id IS NOT NULL;

-- Login name (designed: the e-mail address, else the staff code, else the user id).
ALTER TABLE users ADD COLUMN username TEXT;
ALTER TABLE users ADD COLUMN title TEXT;
-- `name` stays the full name, firstname + ' ' + lastname, kept in step by every write.
ALTER TABLE users ADD COLUMN firstname TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN lastname TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN nickname TEXT;
ALTER TABLE users ADD COLUMN position TEXT;
ALTER TABLE users ADD COLUMN phone_number TEXT;
ALTER TABLE users ADD COLUMN org_string TEXT;
ALTER TABLE users ADD COLUMN org_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN latitude REAL;
ALTER TABLE users ADD COLUMN longitude REAL;
ALTER TABLE users ADD COLUMN location TEXT;
ALTER TABLE users ADD COLUMN location_name TEXT;
ALTER TABLE users ADD COLUMN picture_url TEXT;
-- Roles (designed): '1' Administrator, '2' Manager, '3' Staff; the name is kept beside the id.
ALTER TABLE users ADD COLUMN role_id TEXT NOT NULL DEFAULT '3';
ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'Staff';
-- Approval level.
ALTER TABLE users ADD COLUMN level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN site_id INTEGER;
ALTER TABLE users ADD COLUMN is_agreement_pdpa INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN date_agreement_pdpa INTEGER;
ALTER TABLE users ADD COLUMN created_by_user_id TEXT;
ALTER TABLE users ADD COLUMN date_modified INTEGER;

-- A stored name is split at its first space: "Somchai Jaidee" is Somchai / Jaidee.
UPDATE users SET
  firstname = CASE WHEN instr(name, ' ') > 0 THEN substr(name, 1, instr(name, ' ') - 1) ELSE name END,
  lastname = CASE WHEN instr(name, ' ') > 0 THEN ltrim(substr(name, instr(name, ' ') + 1)) ELSE '' END,
  username = COALESCE(email, staff_code, user_id),
  date_modified = created_at;
-- Provisioning creates each company's Administrator (an employee without staff code) first.
UPDATE users SET role_id = '1', role = 'Administrator'
  WHERE kind = 'employee' AND name = 'Administrator' AND staff_code IS NULL;
-- Users are created by the company's administration, whose user is its Administrator.
UPDATE users SET created_by_user_id = COALESCE(
  (SELECT a.user_id FROM users a WHERE a.company_id = users.company_id AND a.role_id = '1'
   ORDER BY a.created_at, a.user_id LIMIT 1), user_id);

-- Employees Enquiry: a company's employees in staff-code order, and per team.
CREATE INDEX users_kind_staff_code ON users (company_id, kind, lower(staff_code), user_id);
CREATE INDEX users_team ON users (company_id, team_id);
