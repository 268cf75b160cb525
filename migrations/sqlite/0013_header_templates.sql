-- The Setting section (ENDPOINTS.md §4.13): document header templates, whose ids quotations and
-- sales orders carry as headerTemplateId.
--
-- Exactly one default per company and document type, held by the schema: the default is a row
-- of header_template_defaults keyed by (company, type), so there is never a second one, and
-- changing it is one UPDATE with no moment of none or two. Its foreign key names a template of
-- that type, which therefore cannot be deleted while it is the default. Triggers give a type its
-- first active template as default, refuse to drop a type's default while the type has
-- templates, and keep the default active (an inactive template is not listed, so the list would
-- show no default).

CREATE TABLE header_templates (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  header_template_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  -- 1 quotation, 2 sales order.
  document_type INTEGER NOT NULL CHECK (document_type IN (1, 2)),
  company_name TEXT,
  company_address TEXT,
  company_tax_no TEXT,
  branch_code TEXT,
  company_phone TEXT,
  company_email TEXT,
  logo_url TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, header_template_id),
  UNIQUE (company_id, header_template_id, document_type)
);

CREATE TABLE header_template_defaults (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  document_type INTEGER NOT NULL,
  header_template_id INTEGER NOT NULL,
  PRIMARY KEY (company_id, document_type),
  FOREIGN KEY (company_id, header_template_id, document_type)
    REFERENCES header_templates (company_id, header_template_id, document_type)
);

CREATE TRIGGER header_templates_first_is_default AFTER INSERT ON header_templates
  WHEN NEW.is_active = 1 AND NOT EXISTS (SELECT 1 FROM header_template_defaults d
    WHERE d.company_id = NEW.company_id AND d.document_type = NEW.document_type)
BEGIN
  INSERT INTO header_template_defaults (company_id, document_type, header_template_id)
    VALUES (NEW.company_id, NEW.document_type, NEW.header_template_id);
END;

CREATE TRIGGER header_template_defaults_kept BEFORE DELETE ON header_template_defaults
  WHEN EXISTS (SELECT 1 FROM header_templates t
    WHERE t.company_id = OLD.company_id AND t.document_type = OLD.document_type)
BEGIN
  SELECT RAISE(ABORT, 'a document type with templates keeps its default template');
END;

CREATE TRIGGER header_template_defaults_active BEFORE UPDATE ON header_template_defaults
  WHEN NOT EXISTS (SELECT 1 FROM header_templates t WHERE t.company_id = NEW.company_id
    AND t.header_template_id = NEW.header_template_id AND t.is_active = 1)
BEGIN
  SELECT RAISE(ABORT, 'the default header template must be active');
END;

CREATE TRIGGER header_templates_default_stays_active BEFORE UPDATE OF is_active ON header_templates
  WHEN NEW.is_active <> 1 AND EXISTS (SELECT 1 FROM header_template_defaults d
    WHERE d.company_id = OLD.company_id AND d.header_template_id = OLD.header_template_id)
BEGIN
  SELECT RAISE(ABORT, 'the default header template must be active');
END;

-- Every company gets a sales-order and a quotation template (modules/settings), each the
-- default of its type; the company's name heads both.
INSERT INTO header_templates (company_id, header_template_id, name, document_type, company_name)
  SELECT company_id, 1, 'Sales order', 2, name FROM companies;
INSERT INTO header_templates (company_id, header_template_id, name, document_type, company_name)
  SELECT company_id, 2, 'Quotation', 1, name FROM companies;
