-- The Customer section (ENDPOINTS.md §4.3): the v3 customer object's fields on the customers
-- table of 0001 (whose columns keep their meaning: is_active mirrors customer_state = 1),
-- addresses, owners, interests, staff codes and teams of employees, and the keyword index.

ALTER TABLE customers ADD COLUMN customer_2nd_name TEXT;
-- JSON array of strings, in request order: read with the customer, never queried alone.
ALTER TABLE customers ADD COLUMN customer_aliases TEXT NOT NULL DEFAULT '[]';
-- 1 Active, 2 Inactive.
ALTER TABLE customers ADD COLUMN customer_state INTEGER NOT NULL DEFAULT 1;
-- Leads only: 1 New, 2 Contacted, 3 Qualified, 4 Unqualified.
ALTER TABLE customers ADD COLUMN customer_status INTEGER;
ALTER TABLE customers ADD COLUMN customer_picture TEXT;
ALTER TABLE customers ADD COLUMN customer_tax_no TEXT;
ALTER TABLE customers ADD COLUMN branch_code TEXT;
ALTER TABLE customers ADD COLUMN customer_phone TEXT;
ALTER TABLE customers ADD COLUMN customer_mobile TEXT;
-- The digits of customer_phone / customer_mobile (NULL when there are none), for the
-- existence check, which compares numbers on digits only.
ALTER TABLE customers ADD COLUMN phone_digits TEXT;
ALTER TABLE customers ADD COLUMN mobile_digits TEXT;
ALTER TABLE customers ADD COLUMN customer_email TEXT;
ALTER TABLE customers ADD COLUMN customer_position TEXT;
ALTER TABLE customers ADD COLUMN customer_gender INTEGER;
ALTER TABLE customers ADD COLUMN customer_marital_status INTEGER;
-- Local midnight of the birth date in the company's zone, as Unix seconds.
ALTER TABLE customers ADD COLUMN customer_birthdate INTEGER;
ALTER TABLE customers ADD COLUMN customer_income TEXT;
ALTER TABLE customers ADD COLUMN credit_limit TEXT;
-- When the record first became a Customer (11300).
ALTER TABLE customers ADD COLUMN date_acquired INTEGER;
-- Legacy classification and group of the customer (Customers Enquiry filters on them).
ALTER TABLE customers ADD COLUMN classification_id INTEGER;
ALTER TABLE customers ADD COLUMN customer_group_id INTEGER;
-- Audit columns; rows written before this migration fall back to created_at and NULL users.
ALTER TABLE customers ADD COLUMN created_by_user_id TEXT;
ALTER TABLE customers ADD COLUMN modified_by_user_id TEXT;
ALTER TABLE customers ADD COLUMN date_modified INTEGER;

-- Enquiry filters and orders, exact-name and tax-id lookups, and the existence check.
CREATE INDEX customers_type_code ON customers (company_id, customer_type, lower(customer_code));
CREATE INDEX customers_name ON customers (company_id, lower(customer_name));
CREATE INDEX customers_tax ON customers (company_id, customer_tax_no, branch_code);
CREATE INDEX customers_phone ON customers (company_id, phone_digits);
CREATE INDEX customers_mobile ON customers (company_id, mobile_digits);
CREATE INDEX customers_email ON customers (company_id, lower(customer_email));

-- Staff codes (free strings, unique per company, compared case-insensitively) and teams of
-- employees: customer owners are named by staff code.
ALTER TABLE users ADD COLUMN staff_code TEXT;
ALTER TABLE users ADD COLUMN team_id INTEGER;
CREATE UNIQUE INDEX users_staff_code ON users (company_id, lower(staff_code));

CREATE TABLE customer_addresses (
  address_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  position INTEGER NOT NULL,
  location_name TEXT NOT NULL,
  location TEXT NOT NULL,
  latitude REAL,
  longitude REAL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL
);
CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id, position);

-- Owners in request order.
CREATE TABLE customer_owners (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  position INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (customer_id, position),
  FOREIGN KEY (company_id, user_id) REFERENCES users (company_id, user_id)
);
CREATE INDEX customer_owners_user ON customer_owners (company_id, user_id, customer_id);

-- Interest topics of a customer (legacy; Customers Enquiry's topicInterests filter).
CREATE TABLE customer_interests (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  topic_id INTEGER NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (customer_id, topic_id)
);

-- Keyword search: one lower-cased concatenation of a customer's searchable fields per
-- customer (rowid = customer_id), written in the same transaction as the customer. The
-- trigram tokenizer lets `search_text LIKE '%...%'` use the index for patterns with a run of
-- three or more literal characters, whatever the script (Thai has no spaces between words).
-- The PostgreSQL twin is a plain table with the same columns (rowid a BIGINT) and a pg_trgm
-- GIN index on search_text, queried with the same SQL.
CREATE VIRTUAL TABLE customer_search USING fts5(search_text, company_id UNINDEXED,
  tokenize = "trigram");
-- Customers stored before this migration have only a name and a code to search.
INSERT INTO customer_search (rowid, search_text, company_id)
  SELECT customer_id, lower(customer_name) || char(10) || lower(customer_code), company_id
  FROM customers;
