-- Every row carries its company (docs/architecture.md, "Tenancy"): the case link tables get
-- company_id, taken from their case, so that every statement on them filters by company like
-- every other.
ALTER TABLE case_activities ADD COLUMN company_id INTEGER NOT NULL DEFAULT 0;
UPDATE case_activities SET company_id =
  (SELECT c.company_id FROM cases c WHERE c.feedback_id = case_activities.feedback_id);
ALTER TABLE case_deals ADD COLUMN company_id INTEGER NOT NULL DEFAULT 0;
UPDATE case_deals SET company_id =
  (SELECT c.company_id FROM cases c WHERE c.feedback_id = case_deals.feedback_id);
