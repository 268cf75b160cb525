-- Tenancy, authentication, number sequences and the Case section.
-- Times are Unix seconds (UTC); GUIDs are lowercase text. Codes and numbers compare
-- case-insensitively everywhere as lower(column) = lower(?), backed by unique indexes on
-- (company_id, lower(column)): the same SQL and indexes work on every backend.

CREATE TABLE companies (
  company_id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  timezone TEXT NOT NULL DEFAULT 'Asia/Bangkok',
  created_at INTEGER NOT NULL
);

-- Server-wide settings shared by every instance on this database (e.g. the token signing key).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Employees and the service users API clients act as. Ids are per company so that the demo
-- data's documented GUIDs can exist in every demo company.
CREATE TABLE users (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('employee', 'service')),
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (company_id, user_id)
);

-- Only a keyed hash of each subscription key is stored.
CREATE TABLE subscription_keys (
  key_hash TEXT PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

-- Client secrets are stored as Argon2id hashes only.
CREATE TABLE api_clients (
  client_id TEXT PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  secret_hash TEXT NOT NULL,
  user_id TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, user_id)
);

-- One row per company, prefix and period; incremented in the transaction that inserts the
-- numbered record, so numbers are unique and gap-free.
CREATE TABLE number_sequences (
  company_id INTEGER NOT NULL,
  prefix TEXT NOT NULL,
  period TEXT NOT NULL,
  last_value INTEGER NOT NULL,
  PRIMARY KEY (company_id, prefix, period)
);

CREATE TABLE case_categories (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  category_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, category_id)
);

CREATE TABLE case_statuses (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  status_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (company_id, status_id)
);

-- Customers, activities and deals hold only what cases refer to; their sections extend them.
CREATE TABLE customers (
  customer_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_code TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  customer_type INTEGER NOT NULL DEFAULT 11300,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX customers_code ON customers (company_id, lower(customer_code));

CREATE TABLE activities (
  activity_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  activity_no TEXT NOT NULL,
  subject TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX activities_no ON activities (company_id, lower(activity_no));

CREATE TABLE deals (
  deals_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  deal_no TEXT NOT NULL,
  deals_name TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX deals_no ON deals (company_id, lower(deal_no));

CREATE TABLE cases (
  feedback_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  feedback_no TEXT NOT NULL,
  case_type INTEGER NOT NULL,
  subject TEXT NOT NULL,
  status_id INTEGER NOT NULL,
  customer_id INTEGER REFERENCES customers (customer_id),
  category_id INTEGER NOT NULL,
  note TEXT,
  assigned_to_user_id TEXT NOT NULL,
  date_assigned INTEGER NOT NULL,
  date_case INTEGER NOT NULL,
  date_due INTEGER NOT NULL,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  updated_by_user_id TEXT NOT NULL,
  date_updated INTEGER NOT NULL,
  date_latest_answer INTEGER NOT NULL,
  -- The linked numbers as a JSON array, in request order: numbers never change once assigned,
  -- so a read of a case needs no join; case_activities/case_deals keep the references.
  activity_nos TEXT NOT NULL DEFAULT '[]',
  deal_nos TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX cases_no ON cases (company_id, lower(feedback_no));

CREATE TABLE case_activities (
  feedback_id INTEGER NOT NULL REFERENCES cases (feedback_id),
  position INTEGER NOT NULL,
  activity_id INTEGER NOT NULL REFERENCES activities (activity_id),
  PRIMARY KEY (feedback_id, position)
);

CREATE TABLE case_deals (
  feedback_id INTEGER NOT NULL REFERENCES cases (feedback_id),
  position INTEGER NOT NULL,
  deals_id INTEGER NOT NULL REFERENCES deals (deals_id),
  PRIMARY KEY (feedback_id, position)
);
