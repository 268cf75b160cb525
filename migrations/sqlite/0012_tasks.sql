-- The Task section (ENDPOINTS.md §4.12): to-dos linked to a customer, deal, case or activity.
-- Update Deal's markAllTaskAsDone closes a deal's open tasks, so the deal link is indexed.

CREATE TABLE tasks (
  task_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  subject TEXT NOT NULL,
  note TEXT,
  -- 1 Open, 2 Done.
  status_id INTEGER NOT NULL CHECK (status_id IN (1, 2)),
  -- 1 Low, 2 Normal, 3 High.
  priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 3),
  date_due INTEGER NOT NULL,
  date_reminder INTEGER CHECK (date_reminder <= date_due),
  assigned_to_user_id TEXT NOT NULL,
  customer_id INTEGER REFERENCES customers (customer_id),
  deals_id INTEGER REFERENCES deals (deals_id),
  feedback_id INTEGER REFERENCES cases (feedback_id),
  activity_id INTEGER REFERENCES activities (activity_id),
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  FOREIGN KEY (company_id, assigned_to_user_id) REFERENCES users (company_id, user_id)
);
CREATE INDEX tasks_deal ON tasks (company_id, deals_id, status_id);
CREATE INDEX tasks_assignee ON tasks (company_id, assigned_to_user_id, date_due);
