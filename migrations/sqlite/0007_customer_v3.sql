-- What published clients send and read (ENDPOINTS.md §7): the v3 customer enums and fields of
-- §7.1, and cases without an assignee (§7.2).

-- Customers move to the v3 enums (§7.1): the legacy type 11100/11200/11300 becomes
-- customerState 1 Lead / 2 Prospect / 3 Customer; customerType becomes 1 Business (the
-- default; 2 Individual); the earlier designed state 2 Inactive becomes customerStatus 2
-- Closed (0 Active otherwise); the earlier lead statuses become leadStatus (1 New, 2 Contacted
-- → 2 Follow-up, 3 Qualified → 4 Interested, 4 Unqualified → 3). SET expressions all read the
-- row as it was.
ALTER TABLE customers ADD COLUMN lead_status INTEGER;
UPDATE customers SET
  lead_status = CASE customer_status WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 4 WHEN 4 THEN 3 END,
  customer_status = CASE WHEN customer_state = 2 THEN 2 ELSE 0 END,
  customer_state = CASE customer_type WHEN 11100 THEN 1 WHEN 11200 THEN 2 ELSE 3 END,
  customer_type = 1,
  is_active = CASE WHEN customer_state = 2 THEN 0 ELSE 1 END;
DROP INDEX customers_type_code;
CREATE INDEX customers_state_code ON customers (company_id, customer_state, lower(customer_code));

-- The new fields. Master entries (sources, groups, classifications, interest topics,
-- unqualified reasons) are named by clients and created on first use; lists of names and the
-- free-form objects are kept as JSON text, read with the customer and never queried alone.
ALTER TABLE customers ADD COLUMN unqualified_reason_id INTEGER;
ALTER TABLE customers ADD COLUMN unqualified_reason_note TEXT;
ALTER TABLE customers ADD COLUMN source_id INTEGER;
ALTER TABLE customers ADD COLUMN customer_note TEXT;
ALTER TABLE customers ADD COLUMN customer_tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE customers ADD COLUMN interest_names TEXT NOT NULL DEFAULT '[]';
ALTER TABLE customers ADD COLUMN social_account TEXT NOT NULL DEFAULT '{}';
ALTER TABLE customers ADD COLUMN custom_fields TEXT NOT NULL DEFAULT '[]';

-- Master entries named by clients, per company; names compare case-insensitively.
CREATE TABLE customer_sources (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  source_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT,
  date_created INTEGER,
  PRIMARY KEY (company_id, source_id)
);
CREATE UNIQUE INDEX customer_sources_name ON customer_sources (company_id, lower(name));
CREATE TABLE customer_groups (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_group_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT,
  date_created INTEGER,
  PRIMARY KEY (company_id, customer_group_id)
);
CREATE UNIQUE INDEX customer_groups_name ON customer_groups (company_id, lower(name));
CREATE TABLE customer_classifications (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  classification_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT,
  date_created INTEGER,
  PRIMARY KEY (company_id, classification_id)
);
CREATE UNIQUE INDEX customer_classifications_name
  ON customer_classifications (company_id, lower(name));
CREATE TABLE customer_interest_topics (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  topic_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT,
  date_created INTEGER,
  PRIMARY KEY (company_id, topic_id)
);
CREATE UNIQUE INDEX customer_interest_topics_name
  ON customer_interest_topics (company_id, lower(name));
CREATE TABLE customer_unqualified_reasons (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  reason_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT,
  date_created INTEGER,
  PRIMARY KEY (company_id, reason_id)
);
CREATE UNIQUE INDEX customer_unqualified_reasons_name
  ON customer_unqualified_reasons (company_id, lower(name));

-- Tags of a customer, one row each, for the enquiry's tag filter; the row's JSON list keeps
-- their order for output.
CREATE TABLE customer_tag_links (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  tag TEXT NOT NULL,
  PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tag_links_tag ON customer_tag_links (company_id, lower(tag), customer_id);
CREATE INDEX customer_interests_topic ON customer_interests (company_id, topic_id, customer_id);

-- A customer's contact persons, in request order (§7.1 contacts).
CREATE TABLE customer_contacts (
  contact_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  position INTEGER NOT NULL,
  contact_name TEXT NOT NULL,
  contact_position TEXT,
  contact_phone TEXT,
  contact_mobile TEXT,
  contact_email TEXT,
  contact_birthdate INTEGER,
  contact_note TEXT,
  contact_picture TEXT,
  contact_status INTEGER NOT NULL DEFAULT 1,
  contact_social_account TEXT NOT NULL DEFAULT '{}',
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL
);
CREATE INDEX customer_contacts_customer ON customer_contacts (customer_id, position);

-- Addresses (§7.1): the label becomes optional, and the type is 1 billing, 2 shipping, NULL
-- general. SQLite changes a column's constraint only by rebuilding the table.
CREATE TABLE customer_addresses_rebuilt (
  address_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  position INTEGER NOT NULL,
  location_name TEXT,
  location TEXT NOT NULL,
  latitude REAL,
  longitude REAL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  location_type INTEGER
);
INSERT INTO customer_addresses_rebuilt (address_id, company_id, customer_id, position,
  location_name, location, latitude, longitude, is_active, created_by_user_id, date_created)
  SELECT address_id, company_id, customer_id, position, location_name, location, latitude,
    longitude, is_active, created_by_user_id, date_created
  FROM customer_addresses;
DROP TABLE customer_addresses;
ALTER TABLE customer_addresses_rebuilt RENAME TO customer_addresses;
CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id, position);

-- Cases without an assignee (§7.2): the assignee and its date become nullable. SQLite changes
-- a column's constraint only by rebuilding the table (foreign keys are checked when the
-- migrations commit).
CREATE TABLE cases_rebuilt (
  feedback_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  feedback_no TEXT NOT NULL,
  case_type INTEGER NOT NULL,
  subject TEXT NOT NULL,
  status_id INTEGER NOT NULL,
  customer_id INTEGER REFERENCES customers (customer_id),
  category_id INTEGER NOT NULL,
  note TEXT,
  assigned_to_user_id TEXT,
  date_assigned INTEGER,
  date_case INTEGER NOT NULL,
  date_due INTEGER NOT NULL,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  updated_by_user_id TEXT NOT NULL,
  date_updated INTEGER NOT NULL,
  date_latest_answer INTEGER NOT NULL,
  activity_nos TEXT NOT NULL DEFAULT '[]',
  deal_nos TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO cases_rebuilt (feedback_id, company_id, feedback_no, case_type, subject, status_id,
  customer_id, category_id, note, assigned_to_user_id, date_assigned, date_case, date_due,
  created_by_user_id, date_created, updated_by_user_id, date_updated, date_latest_answer,
  activity_nos, deal_nos)
  SELECT feedback_id, company_id, feedback_no, case_type, subject, status_id, customer_id,
    category_id, note, assigned_to_user_id, date_assigned, date_case, date_due,
    created_by_user_id, date_created, updated_by_user_id, date_updated, date_latest_answer,
    activity_nos, deal_nos
  FROM cases;
DROP TABLE cases;
ALTER TABLE cases_rebuilt RENAME TO cases;
CREATE UNIQUE INDEX cases_no ON cases (company_id, lower(feedback_no));
