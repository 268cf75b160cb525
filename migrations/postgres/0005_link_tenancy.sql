-- PostgreSQL twin of migrations/sqlite/0005_link_tenancy.sql: the case link tables get
-- company_id, taken from their case.
ALTER TABLE case_activities ADD COLUMN company_id BIGINT;
UPDATE case_activities SET company_id =
  (SELECT c.company_id FROM cases c WHERE c.feedback_id = case_activities.feedback_id);
ALTER TABLE case_activities ALTER COLUMN company_id SET NOT NULL;
ALTER TABLE case_deals ADD COLUMN company_id BIGINT;
UPDATE case_deals SET company_id =
  (SELECT c.company_id FROM cases c WHERE c.feedback_id = case_deals.feedback_id);
ALTER TABLE case_deals ALTER COLUMN company_id SET NOT NULL;
