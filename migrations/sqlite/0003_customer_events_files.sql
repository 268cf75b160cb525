-- The Customer section beyond the customer record itself: customer events and their types,
-- satisfaction (CSAT/NPS) sources and answers, customer file categories and attachments.
-- Times are Unix seconds (UTC); GUIDs are lowercase text; booleans are 0/1.

-- Reference data per company: ids are per company (the documented defaults 1-5 exist in every
-- company), read-only through the API.
CREATE TABLE customer_event_types (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  event_type_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, event_type_id)
);

-- Deleted events stay as rows (is_deleted = 1) and disappear from every read.
CREATE TABLE customer_events (
  event_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  event_name TEXT NOT NULL,
  event_type_id INTEGER NOT NULL,
  event_date INTEGER NOT NULL,
  description TEXT,
  is_deleted INTEGER NOT NULL DEFAULT 0,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  updated_by_user_id TEXT NOT NULL,
  date_updated INTEGER NOT NULL
);
CREATE INDEX customer_events_by_customer ON customer_events (company_id, customer_id, event_date);

-- A survey source (e.g. "NPS [Venio]") is created by the first answer naming it; its type
-- (1 CSAT, 2 NPS) is fixed then. Names compare case-insensitively.
CREATE TABLE customer_satisfaction_sources (
  source_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  source_name TEXT NOT NULL,
  source_type INTEGER NOT NULL,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL
);
CREATE UNIQUE INDEX customer_satisfaction_sources_name
  ON customer_satisfaction_sources (company_id, lower(source_name));

CREATE TABLE customer_satisfactions (
  satisfaction_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  source_id INTEGER NOT NULL REFERENCES customer_satisfaction_sources (source_id),
  point INTEGER NOT NULL,
  comment TEXT,
  answer_by TEXT,
  -- When the customer answered (the request's DateCreated); recorded_at is when we stored it.
  date_answered INTEGER NOT NULL,
  created_by_user_id TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE INDEX customer_satisfactions_by_customer ON customer_satisfactions (company_id, customer_id);

CREATE TABLE customer_file_categories (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  file_category_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, file_category_id)
);

-- A file attached to a customer: either stored content (customer_attachment_contents) or a
-- link (link_url, file_size 0).
CREATE TABLE customer_attachments (
  attachment_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  file_category_id INTEGER NOT NULL,
  filename TEXT NOT NULL,
  extension TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  link_url TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL
);
CREATE INDEX customer_attachments_by_customer
  ON customer_attachments (company_id, customer_id, attachment_id);

-- The bytes apart from the metadata, so listing a customer's attachments never reads them.
CREATE TABLE customer_attachment_contents (
  attachment_id INTEGER PRIMARY KEY REFERENCES customer_attachments (attachment_id),
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  content BLOB NOT NULL
);
