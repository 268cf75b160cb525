-- The Activity section (ENDPOINTS.md §4.2): the full activity on the table cases link to, key
-- activities (a master list, §4.2.5) and the links of an activity to its key activities and
-- deals.
--
-- 0001's activities table held only what cases refer to. SQLite cannot add NOT NULL columns
-- without defaults or CHECK-ed enums to it, so it is rebuilt, keeping every row and id (the
-- demo's A20250200028 and A20250200029 with them). Foreign keys stay on during migrations, and
-- dropping a table that case_activities refers to would leave its rows pointing nowhere: the
-- link table is set aside and rebuilt too, after the new activities table took the name.

CREATE TABLE activities_full (
  activity_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  -- The assignee's team when the activity was last saved.
  team_id INTEGER,
  activity_no TEXT NOT NULL,
  subject TEXT NOT NULL,
  -- 1 Visit, 2 Meeting, 3 Call, 4 E-mail, 5 Other.
  activity_type_id INTEGER NOT NULL CHECK (activity_type_id BETWEEN 1 AND 5),
  -- 0 once deleted in the app.
  is_active INTEGER NOT NULL DEFAULT 1,
  -- 1 Planned, 2 Checked in, 3 Completed, 4 Cancelled.
  status_id INTEGER NOT NULL CHECK (status_id BETWEEN 1 AND 4),
  is_ad_hoc INTEGER NOT NULL DEFAULT 0,
  -- NULL only on activities stored before this section (they had no assignee).
  assign_to_user_id TEXT,
  date_appointment_start INTEGER NOT NULL,
  date_appointment_end INTEGER NOT NULL CHECK (date_appointment_end >= date_appointment_start),
  start_location TEXT,
  start_location_name TEXT,
  visit_latitude REAL CHECK (visit_latitude BETWEEN -90 AND 90),
  visit_longitude REAL CHECK (visit_longitude BETWEEN -180 AND 180),
  visit_location TEXT,
  visit_location_name TEXT,
  visit_place_id TEXT,
  date_check_in INTEGER,
  date_check_out INTEGER CHECK (date_check_out >= date_check_in),
  customer_id INTEGER REFERENCES customers (customer_id),
  -- The linked key activity ids and deal numbers as JSON arrays, in request order, so that a
  -- read needs no join; activity_key_activities and activity_deals keep the references.
  key_activity_ids TEXT NOT NULL DEFAULT '[]',
  deal_nos TEXT NOT NULL DEFAULT '[]',
  note TEXT,
  created_by_user_id TEXT,
  date_created INTEGER NOT NULL,
  modified_by_user_id TEXT,
  date_modified INTEGER NOT NULL,
  FOREIGN KEY (company_id, assign_to_user_id) REFERENCES users (company_id, user_id)
);
-- Stored activities keep their number, subject and creation; they were planned (1) "Other" (5)
-- appointments at the moment they were stored.
INSERT INTO activities_full (activity_id, company_id, activity_no, subject, activity_type_id,
    status_id, date_appointment_start, date_appointment_end, date_created, date_modified)
  SELECT activity_id, company_id, activity_no, COALESCE(subject, activity_no), 5, 1, created_at,
    created_at, created_at, created_at
  FROM activities;

CREATE TABLE case_activities_kept AS
  SELECT company_id, feedback_id, position, activity_id FROM case_activities;
DROP TABLE case_activities;
DROP TABLE activities;
ALTER TABLE activities_full RENAME TO activities;
CREATE TABLE case_activities (
  feedback_id INTEGER NOT NULL REFERENCES cases (feedback_id),
  position INTEGER NOT NULL,
  activity_id INTEGER NOT NULL REFERENCES activities (activity_id),
  company_id INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (feedback_id, position)
);
INSERT INTO case_activities (feedback_id, position, activity_id, company_id)
  SELECT feedback_id, position, activity_id, company_id FROM case_activities_kept;
DROP TABLE case_activities_kept;

CREATE UNIQUE INDEX activities_no ON activities (company_id, lower(activity_no));
-- Activities Enquiry: the listed (active) activities in start order, alone or for one assignee or
-- customer; read backwards they are the default order (newest first), counted from the index.
CREATE INDEX activities_start ON activities (company_id, is_active, date_appointment_start,
  activity_id);
CREATE INDEX activities_assignee ON activities (company_id, assign_to_user_id, is_active,
  date_appointment_start, activity_id);
CREATE INDEX activities_customer ON activities (company_id, customer_id, is_active,
  date_appointment_start, activity_id);

-- Key activities (§4.2.5): visit purposes ticked on an activity. Ids are per company, like
-- every master list; each company starts with the same seven (modules/activities).
CREATE TABLE key_activities (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  key_activity_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, key_activity_id)
);
INSERT INTO key_activities (company_id, key_activity_id, name)
  SELECT c.company_id, s.id, s.name FROM companies c CROSS JOIN (
    SELECT 1 AS id, 'Product demo' AS name UNION ALL SELECT 2, 'Collect payment'
    UNION ALL SELECT 3, 'Follow up' UNION ALL SELECT 4, 'Site survey'
    UNION ALL SELECT 5, 'Deliver goods' UNION ALL SELECT 6, 'Training'
    UNION ALL SELECT 7, 'After-sales service') s;

CREATE TABLE activity_key_activities (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  activity_id INTEGER NOT NULL REFERENCES activities (activity_id),
  position INTEGER NOT NULL,
  key_activity_id INTEGER NOT NULL,
  PRIMARY KEY (activity_id, position),
  FOREIGN KEY (company_id, key_activity_id) REFERENCES key_activities (company_id, key_activity_id)
);

CREATE TABLE activity_deals (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  activity_id INTEGER NOT NULL REFERENCES activities (activity_id),
  position INTEGER NOT NULL,
  deals_id INTEGER NOT NULL REFERENCES deals (deals_id),
  PRIMARY KEY (activity_id, position)
);
-- A deal's activities (the Deal section reads them).
CREATE INDEX activity_deals_deal ON activity_deals (company_id, deals_id);
