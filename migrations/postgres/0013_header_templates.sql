-- PostgreSQL twin of migrations/sqlite/0013_header_templates.sql: header templates and the one
-- default per company and document type, held by the same keys and by trigger functions.

CREATE TABLE header_templates (
  company_id BIGINT NOT NULL REFERENCES companies (company_id),
  header_template_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  document_type BIGINT NOT NULL CHECK (document_type IN (1, 2)),
  company_name TEXT,
  company_address TEXT,
  company_tax_no TEXT,
  branch_code TEXT,
  company_phone TEXT,
  company_email TEXT,
  logo_url TEXT,
  is_active BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, header_template_id),
  UNIQUE (company_id, header_template_id, document_type)
);

CREATE TABLE header_template_defaults (
  company_id BIGINT NOT NULL REFERENCES companies (company_id),
  document_type BIGINT NOT NULL,
  header_template_id BIGINT NOT NULL,
  PRIMARY KEY (company_id, document_type),
  FOREIGN KEY (company_id, header_template_id, document_type)
    REFERENCES header_templates (company_id, header_template_id, document_type)
);

CREATE FUNCTION header_templates_first_is_default() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.is_active = 1 AND NOT EXISTS (SELECT 1 FROM header_template_defaults d
      WHERE d.company_id = NEW.company_id AND d.document_type = NEW.document_type) THEN
    INSERT INTO header_template_defaults (company_id, document_type, header_template_id)
      VALUES (NEW.company_id, NEW.document_type, NEW.header_template_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER header_templates_first_is_default AFTER INSERT ON header_templates
  FOR EACH ROW EXECUTE FUNCTION header_templates_first_is_default();

CREATE FUNCTION header_template_defaults_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM header_templates t
      WHERE t.company_id = OLD.company_id AND t.document_type = OLD.document_type) THEN
    RAISE EXCEPTION 'a document type with templates keeps its default template';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER header_template_defaults_kept BEFORE DELETE ON header_template_defaults
  FOR EACH ROW EXECUTE FUNCTION header_template_defaults_kept();

CREATE FUNCTION header_template_defaults_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM header_templates t WHERE t.company_id = NEW.company_id
      AND t.header_template_id = NEW.header_template_id AND t.is_active = 1) THEN
    RAISE EXCEPTION 'the default header template must be active';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER header_template_defaults_active BEFORE UPDATE ON header_template_defaults
  FOR EACH ROW EXECUTE FUNCTION header_template_defaults_active();

CREATE FUNCTION header_templates_default_stays_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.is_active <> 1 AND EXISTS (SELECT 1 FROM header_template_defaults d
      WHERE d.company_id = OLD.company_id AND d.header_template_id = OLD.header_template_id) THEN
    RAISE EXCEPTION 'the default header template must be active';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER header_templates_default_stays_active BEFORE UPDATE OF is_active
  ON header_templates FOR EACH ROW EXECUTE FUNCTION header_templates_default_stays_active();

INSERT INTO header_templates (company_id, header_template_id, name, document_type, company_name)
  SELECT company_id, 1, 'Sales order', 2, name FROM companies;
INSERT INTO header_templates (company_id, header_template_id, name, document_type, company_name)
  SELECT company_id, 2, 'Quotation', 1, name FROM companies;
