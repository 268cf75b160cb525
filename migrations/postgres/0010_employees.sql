-- PostgreSQL twin of migrations/sqlite/0010_employees.sql: teams, and the Employee object's
-- fields on users (same columns, backfill and indexes).

CREATE TABLE teams (
  company_id BIGINT NOT NULL REFERENCES companies (company_id),
  team_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  is_active BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, team_id)
);
CREATE UNIQUE INDEX teams_name ON teams (company_id, lower(name));
INSERT INTO teams (company_id, team_id, name)
  SELECT DISTINCT company_id, team_id, 'Team ' || team_id FROM users WHERE team_id IS NOT NULL;

ALTER TABLE users ADD COLUMN username TEXT;
ALTER TABLE users ADD COLUMN title TEXT;
ALTER TABLE users ADD COLUMN firstname TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN lastname TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN nickname TEXT;
ALTER TABLE users ADD COLUMN position TEXT;
ALTER TABLE users ADD COLUMN phone_number TEXT;
ALTER TABLE users ADD COLUMN org_string TEXT;
ALTER TABLE users ADD COLUMN org_level BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE users ADD COLUMN longitude DOUBLE PRECISION;
ALTER TABLE users ADD COLUMN location TEXT;
ALTER TABLE users ADD COLUMN location_name TEXT;
ALTER TABLE users ADD COLUMN picture_url TEXT;
ALTER TABLE users ADD COLUMN role_id TEXT NOT NULL DEFAULT '3';
ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'Staff';
ALTER TABLE users ADD COLUMN level BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN site_id BIGINT;
ALTER TABLE users ADD COLUMN is_agreement_pdpa BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN date_agreement_pdpa BIGINT;
ALTER TABLE users ADD COLUMN created_by_user_id TEXT;
ALTER TABLE users ADD COLUMN date_modified BIGINT;

UPDATE users SET
  firstname = CASE WHEN strpos(name, ' ') > 0 THEN substr(name, 1, strpos(name, ' ') - 1) ELSE name END,
  lastname = CASE WHEN strpos(name, ' ') > 0 THEN ltrim(substr(name, strpos(name, ' ') + 1)) ELSE '' END,
  username = COALESCE(email, staff_code, user_id),
  date_modified = created_at;
UPDATE users SET role_id = '1', role = 'Administrator'
  WHERE kind = 'employee' AND name = 'Administrator' AND staff_code IS NULL;
UPDATE users SET created_by_user_id = COALESCE(
  (SELECT a.user_id FROM users a WHERE a.company_id = users.company_id AND a.role_id = '1'
   ORDER BY a.created_at, a.user_id LIMIT 1), user_id);

CREATE INDEX users_kind_staff_code ON users (company_id, kind, lower(staff_code), user_id);
CREATE INDEX users_team ON users (company_id, team_id);
