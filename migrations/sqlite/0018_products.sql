-- The Product section (ENDPOINTS.md §4.8): the catalogue with its variants, the group tree, units
-- and variant properties (attributes and their values), bulk upsert tickets, stock and serial
-- numbers.
--
-- Every table is keyed company first, a child's key leading with its parent (see 0017); ids
-- are generated as the largest in use plus one (core::KeyGen::kCompanyFirst) or per company for
-- the reference lists, as every master list's are.

-- The category tree: level 1 groups have no parent; a name is unique under its parent.
CREATE TABLE product_groups (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  product_group_id INTEGER NOT NULL,
  -- 'G' + 5 digits when created by Create Or Update Products.
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_group_id INTEGER,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT,
  date_created INTEGER,
  PRIMARY KEY (company_id, product_group_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX product_groups_name ON product_groups
  (company_id, COALESCE(parent_group_id, 0), lower(name));
CREATE UNIQUE INDEX product_groups_code ON product_groups (company_id, lower(code));

-- Units of measure, named by clients (created on first use).
CREATE TABLE product_units (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  unit_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT,
  date_created INTEGER,
  PRIMARY KEY (company_id, unit_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX product_units_name ON product_units (company_id, lower(name));

-- Variant properties: attributes (Colour) and their values (Red), created on first use.
CREATE TABLE product_attributes (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  attribute_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT,
  date_created INTEGER,
  PRIMARY KEY (company_id, attribute_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX product_attributes_name ON product_attributes (company_id, lower(name));
CREATE TABLE product_attribute_values (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  attribute_id INTEGER NOT NULL,
  attribute_value_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (company_id, attribute_id, attribute_value_id),
  FOREIGN KEY (company_id, attribute_id) REFERENCES product_attributes (company_id, attribute_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX product_attribute_values_name ON product_attribute_values
  (company_id, attribute_id, lower(name));

CREATE TABLE products (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  product_id INTEGER NOT NULL,
  -- A variant's product; NULL for a product of the catalogue.
  parent_product_id INTEGER,
  product_code TEXT NOT NULL,
  product_barcode TEXT,
  product_name TEXT NOT NULL,
  product_description TEXT,
  -- 1031 product, 1032 bundle.
  product_type INTEGER NOT NULL DEFAULT 1031,
  -- The group of each level (a variant has its product's) and the deepest of them.
  group1_id INTEGER,
  group2_id INTEGER,
  group3_id INTEGER,
  product_group_id INTEGER,
  -- Exact decimal text.
  cost TEXT NOT NULL,
  -- The price tiers as the product object shows them (JSON written by the server from the
  -- request's checked decimals), and the default price they give (ENDPOINTS.md §4.8).
  prices TEXT NOT NULL,
  default_price TEXT NOT NULL,
  unit_id INTEGER,
  product_weight TEXT,
  product_weight_unit TEXT,
  product_tag TEXT NOT NULL DEFAULT '[]',
  product_image TEXT NOT NULL DEFAULT '[]',
  track_inventory INTEGER NOT NULL DEFAULT 0,
  qty TEXT NOT NULL DEFAULT '0',
  low_stock_alert TEXT,
  use_warranty INTEGER NOT NULL DEFAULT 0,
  time_warranty_value INTEGER,
  time_warranty_unit TEXT,
  warranty_note TEXT,
  visibility INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1,
  brand_name TEXT,
  -- A variant's attributes, JSON as shown: [{"attributeName":…,"attributeValueName":…}].
  attributes TEXT NOT NULL DEFAULT '[]',
  -- What Get Products By Filter's smartSearch matches: code, barcode, name, brand and tags.
  search_text TEXT NOT NULL DEFAULT '',
  date_created INTEGER NOT NULL,
  date_modified INTEGER NOT NULL,
  PRIMARY KEY (company_id, product_id)
) WITHOUT ROWID;
CREATE INDEX products_id ON products (product_id);
CREATE UNIQUE INDEX products_code ON products (company_id, lower(product_code));
-- A product's variants.
CREATE INDEX products_parent ON products (company_id, parent_product_id) WHERE parent_product_id IS NOT NULL;
-- Get Products By Filter: the products by name, and by group at each level (a type filter is
-- no narrowing: nearly every product has the same).
CREATE INDEX products_name ON products (company_id, lower(product_name), product_id);
CREATE INDEX products_group1 ON products (company_id, group1_id, lower(product_name), product_id);
CREATE INDEX products_group2 ON products (company_id, group2_id, lower(product_name), product_id);
CREATE INDEX products_group3 ON products (company_id, group3_id, lower(product_name), product_id);

-- Serial numbers of products (Codeguard, §4.8.10) and their registration to a buyer (§4.8.8).
-- A serial is unique in its company, compared case-insensitively (serial_key = lower()).
CREATE TABLE product_serials (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  serial_key TEXT NOT NULL,
  serial_number TEXT NOT NULL,
  product_id INTEGER NOT NULL,
  -- 1 available, 2 registered, 3 inactive.
  status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 3),
  customer_code TEXT,
  customer_name TEXT,
  customer_type INTEGER,
  sale_order_no TEXT,
  note TEXT,
  latitude REAL,
  longitude REAL,
  purchase_date INTEGER,
  warranty_expire_date INTEGER,
  date_verified INTEGER,
  date_created INTEGER NOT NULL,
  PRIMARY KEY (company_id, serial_key),
  FOREIGN KEY (company_id, product_id) REFERENCES products (company_id, product_id)
) WITHOUT ROWID;
CREATE INDEX product_serials_product ON product_serials (company_id, product_id);

-- The tickets of Create Or Update Products (kept 7 days).
CREATE TABLE product_tickets (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  ticket_id INTEGER NOT NULL,
  status INTEGER NOT NULL,
  total_items INTEGER NOT NULL,
  success_items INTEGER NOT NULL,
  failed_items INTEGER NOT NULL,
  -- The per-product results as the ticket object shows them (JSON written by the server).
  results TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  date_completed INTEGER,
  PRIMARY KEY (company_id, ticket_id)
) WITHOUT ROWID;
CREATE INDEX product_tickets_id ON product_tickets (ticket_id);
CREATE INDEX product_tickets_age ON product_tickets (date_created);
