-- The Expense section (ENDPOINTS.md §4.7): expense claims, their typed lines, their approval
-- trail and log; and the attachments records other than customers carry (§4.0 Attachment
-- object, owner types 1, 2, 4, 5, 6), kept in one table keyed by owner type and record.
--
-- Every table is keyed company first, (company_id, …, id), so that the schema can be
-- distributed by company (docs/operations.md); a child's key leads with its parent, so that an
-- expense's lines, trail and log, and a record's attachments, are each one range of it. SQLite
-- generates an id as the largest in use plus one (storage::Table, core::KeyGen::kCompanyFirst),
-- found by the index on the id alone; rows are stored in key order (WITHOUT ROWID).

CREATE TABLE expenses (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  expense_id INTEGER NOT NULL,
  expense_no TEXT NOT NULL,
  -- The creator's team when the expense was created.
  team_id INTEGER,
  -- 301 waiting approval, 302 approved, 303 rejected, 304 cancelled.
  status_id INTEGER NOT NULL CHECK (status_id BETWEEN 301 AND 304),
  date_transaction INTEGER NOT NULL,
  subject TEXT NOT NULL,
  remark TEXT NOT NULL DEFAULT '',
  -- The sum of the lines' amounts, exact decimal text.
  total_baht TEXT NOT NULL,
  -- Bit (type - 1001) set for every expense type among the lines: Expense Enquiry's type
  -- filter reads it from the row instead of joining the lines.
  type_mask INTEGER NOT NULL DEFAULT 0,
  activity_id INTEGER,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  updated_by_user_id TEXT NOT NULL,
  date_updated INTEGER NOT NULL,
  approved_by_user_id TEXT,
  date_approved INTEGER,
  reason TEXT,
  PRIMARY KEY (company_id, expense_id)
) WITHOUT ROWID;
CREATE INDEX expenses_id ON expenses (expense_id);
CREATE UNIQUE INDEX expenses_no ON expenses (company_id, lower(expense_no));
-- Expense Enquiry: one status group's page in date order, and the same per creator.
CREATE INDEX expenses_status_date ON expenses (company_id, status_id, date_transaction, expense_id);
CREATE INDEX expenses_creator ON expenses
  (company_id, created_by_user_id, status_id, date_transaction, expense_id);
CREATE INDEX expenses_activity ON expenses (company_id, activity_id) WHERE activity_id IS NOT NULL;

CREATE TABLE expense_details (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  expense_detail_id INTEGER NOT NULL,
  expense_id INTEGER NOT NULL,
  -- The line's place in the request.
  position INTEGER NOT NULL,
  expense_type_id INTEGER NOT NULL CHECK (expense_type_id BETWEEN 1001 AND 1008),
  category_id INTEGER,
  -- The line's amount (amount1), exact decimal text; for Travelling taxi + tollway + parking.
  amount TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  night INTEGER,
  miles_start INTEGER,
  miles_end INTEGER,
  training_title TEXT,
  hours INTEGER,
  minutes INTEGER,
  taxi TEXT,
  tollway TEXT,
  parking TEXT,
  person INTEGER,
  used_fuel_card INTEGER,
  -- An expense's lines are one range of the key: reading them reads no other rows.
  PRIMARY KEY (company_id, expense_id, expense_detail_id),
  FOREIGN KEY (company_id, expense_id) REFERENCES expenses (company_id, expense_id)
) WITHOUT ROWID;
CREATE INDEX expense_details_id ON expense_details (expense_detail_id);

-- The approval trail (expenseStates): 1 submitted, 2 approved, 3 rejected, 4 cancelled.
CREATE TABLE expense_states (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  expense_states_id INTEGER NOT NULL,
  expense_id INTEGER NOT NULL,
  status_id INTEGER NOT NULL,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  approve_level INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (company_id, expense_id, expense_states_id),
  FOREIGN KEY (company_id, expense_id) REFERENCES expenses (company_id, expense_id)
) WITHOUT ROWID;
CREATE INDEX expense_states_id ON expense_states (expense_states_id);

-- What happened to an expense (activityLogs): 1 created, 2 updated, 3 approved, 4 rejected,
-- 5 cancelled.
CREATE TABLE expense_logs (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  activity_log_id INTEGER NOT NULL,
  expense_id INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  log_type INTEGER NOT NULL,
  date_created INTEGER NOT NULL,
  created_by_user_id TEXT NOT NULL,
  PRIMARY KEY (company_id, expense_id, activity_log_id),
  FOREIGN KEY (company_id, expense_id) REFERENCES expenses (company_id, expense_id)
) WITHOUT ROWID;
CREATE INDEX expense_logs_id ON expense_logs (activity_log_id);

-- Attachments of records of every owner type but customers (whose files carry a category and
-- may hold content: customer_attachments of 0003). A link attachment's file is its url.
CREATE TABLE attachments (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  attachment_id INTEGER NOT NULL,
  owner_type INTEGER NOT NULL,
  ref_id INTEGER NOT NULL,
  filename TEXT NOT NULL,
  extension TEXT NOT NULL,
  file_size INTEGER NOT NULL DEFAULT 0,
  link_url TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  -- A record's attachments are one range of the key.
  PRIMARY KEY (company_id, owner_type, ref_id, attachment_id)
) WITHOUT ROWID;
CREATE INDEX attachments_id ON attachments (attachment_id);
