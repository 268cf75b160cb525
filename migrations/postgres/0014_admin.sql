-- PostgreSQL twin of migrations/sqlite/0014_admin.sql: a company's VAT rate, and the rotation
-- of subscription keys (the administration plane, /admin/v1 and `openvenio admin`).

-- Percent, as exact decimal text (at most two decimals, e.g. '7' or '7.5'): the rate quotations
-- and sales orders of the company apply. Thailand's standard rate is the default.
ALTER TABLE companies ADD COLUMN vat_rate TEXT NOT NULL DEFAULT '7';

-- Each rotation gives the company's new key the next generation; keys of older generations
-- than the previous one are deactivated, so the previous key keeps working as the secondary
-- until the next rotation. Keys made before rotations existed are generation 0.
ALTER TABLE subscription_keys ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
CREATE INDEX subscription_keys_company ON subscription_keys (company_id, generation);
