-- PostgreSQL twin of migrations/sqlite/0011_activities.sql: the full activity (added to the
-- table in place; PostgreSQL can), key activities and the activity links.

ALTER TABLE activities ADD COLUMN team_id BIGINT;
UPDATE activities SET subject = activity_no WHERE subject IS NULL;
ALTER TABLE activities ALTER COLUMN subject SET NOT NULL;
ALTER TABLE activities ADD COLUMN activity_type_id BIGINT NOT NULL DEFAULT 5
  CHECK (activity_type_id BETWEEN 1 AND 5);
ALTER TABLE activities ALTER COLUMN activity_type_id DROP DEFAULT;
ALTER TABLE activities ADD COLUMN is_active BIGINT NOT NULL DEFAULT 1;
ALTER TABLE activities ADD COLUMN status_id BIGINT NOT NULL DEFAULT 1
  CHECK (status_id BETWEEN 1 AND 4);
ALTER TABLE activities ALTER COLUMN status_id DROP DEFAULT;
ALTER TABLE activities ADD COLUMN is_ad_hoc BIGINT NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN assign_to_user_id TEXT;
ALTER TABLE activities ADD COLUMN date_appointment_start BIGINT;
ALTER TABLE activities ADD COLUMN date_appointment_end BIGINT;
UPDATE activities SET date_appointment_start = created_at, date_appointment_end = created_at;
ALTER TABLE activities ALTER COLUMN date_appointment_start SET NOT NULL;
ALTER TABLE activities ALTER COLUMN date_appointment_end SET NOT NULL;
ALTER TABLE activities ADD CONSTRAINT activities_appointment_order
  CHECK (date_appointment_end >= date_appointment_start);
ALTER TABLE activities ADD COLUMN start_location TEXT;
ALTER TABLE activities ADD COLUMN start_location_name TEXT;
ALTER TABLE activities ADD COLUMN visit_latitude DOUBLE PRECISION
  CHECK (visit_latitude BETWEEN -90 AND 90);
ALTER TABLE activities ADD COLUMN visit_longitude DOUBLE PRECISION
  CHECK (visit_longitude BETWEEN -180 AND 180);
ALTER TABLE activities ADD COLUMN visit_location TEXT;
ALTER TABLE activities ADD COLUMN visit_location_name TEXT;
ALTER TABLE activities ADD COLUMN visit_place_id TEXT;
ALTER TABLE activities ADD COLUMN date_check_in BIGINT;
ALTER TABLE activities ADD COLUMN date_check_out BIGINT;
ALTER TABLE activities ADD CONSTRAINT activities_check_order
  CHECK (date_check_out >= date_check_in);
ALTER TABLE activities ADD COLUMN customer_id BIGINT REFERENCES customers (customer_id);
ALTER TABLE activities ADD COLUMN key_activity_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE activities ADD COLUMN deal_nos TEXT NOT NULL DEFAULT '[]';
ALTER TABLE activities ADD COLUMN note TEXT;
ALTER TABLE activities ADD COLUMN created_by_user_id TEXT;
ALTER TABLE activities RENAME COLUMN created_at TO date_created;
ALTER TABLE activities ADD COLUMN modified_by_user_id TEXT;
ALTER TABLE activities ADD COLUMN date_modified BIGINT;
UPDATE activities SET date_modified = date_created;
ALTER TABLE activities ALTER COLUMN date_modified SET NOT NULL;
ALTER TABLE activities ADD CONSTRAINT activities_assignee_user
  FOREIGN KEY (company_id, assign_to_user_id) REFERENCES users (company_id, user_id);

CREATE INDEX activities_start ON activities (company_id, is_active, date_appointment_start,
  activity_id);
CREATE INDEX activities_assignee ON activities (company_id, assign_to_user_id, is_active,
  date_appointment_start, activity_id);
CREATE INDEX activities_customer ON activities (company_id, customer_id, is_active,
  date_appointment_start, activity_id);

CREATE TABLE key_activities (
  company_id BIGINT NOT NULL REFERENCES companies (company_id),
  key_activity_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  is_active BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, key_activity_id)
);
INSERT INTO key_activities (company_id, key_activity_id, name)
  SELECT c.company_id, s.id, s.name FROM companies c CROSS JOIN (VALUES
    (1, 'Product demo'), (2, 'Collect payment'), (3, 'Follow up'), (4, 'Site survey'),
    (5, 'Deliver goods'), (6, 'Training'), (7, 'After-sales service')) AS s (id, name);

CREATE TABLE activity_key_activities (
  company_id BIGINT NOT NULL REFERENCES companies (company_id),
  activity_id BIGINT NOT NULL REFERENCES activities (activity_id),
  position BIGINT NOT NULL,
  key_activity_id BIGINT NOT NULL,
  PRIMARY KEY (activity_id, position),
  FOREIGN KEY (company_id, key_activity_id) REFERENCES key_activities (company_id, key_activity_id)
);

CREATE TABLE activity_deals (
  company_id BIGINT NOT NULL REFERENCES companies (company_id),
  activity_id BIGINT NOT NULL REFERENCES activities (activity_id),
  position BIGINT NOT NULL,
  deals_id BIGINT NOT NULL REFERENCES deals (deals_id),
  PRIMARY KEY (activity_id, position)
);
CREATE INDEX activity_deals_deal ON activity_deals (company_id, deals_id);
