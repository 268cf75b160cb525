-- The Quotation and SalesOrder sections (ENDPOINTS.md §4.9-§4.11): the two money documents,
-- their lines (one table for both, keyed by document type), a sales order's extra discounts
-- and its payment schedule.
--
-- Every table is keyed company first, and a child's key leads with its document, so that a
-- document's lines, discounts and instalments are each one range of it.
-- SQLite generates an id as the largest in use plus one, found by the index on the id alone.

CREATE TABLE quotations (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  quotation_id INTEGER NOT NULL,
  quotation_no TEXT NOT NULL,
  -- The client's reference, or a generated DRAFT+YYMM+6; the second upsert key (§4.10.1).
  reference_no TEXT,
  -- 1 draft, 2 awaiting approval, 3 awaiting sending, 4 sent, 5 completed, 6 rejected,
  -- 7 cancelled (§4.9.2).
  quotation_status INTEGER NOT NULL CHECK (quotation_status BETWEEN 1 AND 7),
  subject TEXT NOT NULL,
  customer_id INTEGER NOT NULL,
  customer_code TEXT NOT NULL,
  staff_user_id TEXT NOT NULL,
  staff_code TEXT NOT NULL,
  -- Local midnight of the document's dates, as Unix seconds.
  document_date INTEGER NOT NULL,
  valid_until INTEGER NOT NULL,
  quotation_note TEXT,
  recipient_name TEXT,
  recipient_address TEXT,
  header_template_id INTEGER NOT NULL,
  discount_name TEXT,
  -- Money, rates and quantities are exact decimal text.
  discount_value TEXT,
  discount_type INTEGER,
  remark TEXT,
  vat_calculation INTEGER NOT NULL,
  include_vat INTEGER NOT NULL,
  sub_total TEXT NOT NULL,
  sub_total_with_discount TEXT NOT NULL,
  grand_total TEXT NOT NULL,
  total_vat TEXT NOT NULL,
  total_wht TEXT NOT NULL,
  contact_name TEXT,
  currency_code TEXT NOT NULL,
  payment_term TEXT,
  deal_id INTEGER,
  deal_no TEXT,
  -- The sales order Convert made.
  sales_order_no TEXT,
  cancel_reason TEXT,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  updated_by_user_id TEXT NOT NULL,
  date_updated INTEGER NOT NULL,
  PRIMARY KEY (company_id, quotation_id)
) WITHOUT ROWID;
CREATE INDEX quotations_id ON quotations (quotation_id);
CREATE UNIQUE INDEX quotations_no ON quotations (company_id, lower(quotation_no));
CREATE INDEX quotations_reference ON quotations (company_id, lower(reference_no));
-- Quotation Enquiry, newest first: every quotation, one status, one status and day, one day,
-- one staff, one customer.
CREATE INDEX quotations_created ON quotations (company_id, date_created, quotation_id);
CREATE INDEX quotations_status ON quotations (company_id, quotation_status, date_created, quotation_id);
CREATE INDEX quotations_status_day ON quotations
  (company_id, quotation_status, document_date, date_created, quotation_id);
CREATE INDEX quotations_day ON quotations (company_id, document_date, date_created, quotation_id);
CREATE INDEX quotations_staff ON quotations (company_id, staff_user_id, date_created, quotation_id);
CREATE INDEX quotations_customer ON quotations (company_id, customer_id, date_created, quotation_id);

CREATE TABLE sales_orders (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  sales_order_id INTEGER NOT NULL,
  sales_order_no TEXT NOT NULL,
  -- 1 draft, 2 waiting approval, 3 approved, 4 rejected, 5 cancelled (§4.9.3).
  sales_order_status INTEGER NOT NULL CHECK (sales_order_status BETWEEN 1 AND 5),
  subject TEXT NOT NULL,
  customer_id INTEGER NOT NULL,
  customer_code TEXT NOT NULL,
  staff_user_id TEXT NOT NULL,
  staff_code TEXT NOT NULL,
  document_date INTEGER NOT NULL,
  recipient_name TEXT,
  recipient_address TEXT,
  header_template_id INTEGER NOT NULL,
  warehouse_code TEXT,
  discount_name TEXT,
  discount_value TEXT,
  discount_type INTEGER,
  payment_term TEXT,
  remark TEXT,
  sales_order_note TEXT,
  private_note TEXT,
  vat_calculation INTEGER NOT NULL,
  include_vat INTEGER NOT NULL,
  sub_total TEXT NOT NULL,
  sub_total_with_discount TEXT NOT NULL,
  grand_total TEXT NOT NULL,
  total_vat TEXT NOT NULL,
  total_wht TEXT NOT NULL,
  reference_no TEXT,
  contact_id INTEGER,
  customer_address_id INTEGER,
  currency_code TEXT NOT NULL,
  -- The payment schedule's kind: 1 percents of the grand total, 2 amounts; NULL none.
  payment_value_type INTEGER,
  shipping_document_url TEXT,
  tracking_no TEXT,
  deal_id INTEGER,
  deal_no TEXT,
  reject_reason TEXT,
  approved_by_user_id TEXT,
  date_approved INTEGER,
  created_by_user_id TEXT NOT NULL,
  date_created INTEGER NOT NULL,
  updated_by_user_id TEXT NOT NULL,
  date_updated INTEGER NOT NULL,
  PRIMARY KEY (company_id, sales_order_id)
) WITHOUT ROWID;
CREATE INDEX sales_orders_id ON sales_orders (sales_order_id);
CREATE UNIQUE INDEX sales_orders_no ON sales_orders (company_id, lower(sales_order_no));
-- Update Deal's cancleAllOrder: the deal's open orders.
CREATE INDEX sales_orders_deal ON sales_orders (company_id, deal_id, sales_order_status)
  WHERE deal_id IS NOT NULL;

-- The lines of both documents (document_type 1 quotation, 2 sales order): a document's lines
-- are one range of the key.
CREATE TABLE document_lines (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  document_type INTEGER NOT NULL CHECK (document_type IN (1, 2)),
  document_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  product_code TEXT NOT NULL,
  product_name TEXT NOT NULL,
  price TEXT NOT NULL,
  qty TEXT NOT NULL,
  product_unit_name TEXT,
  product_description TEXT,
  discount_type INTEGER,
  discount_value TEXT,
  vat_tax_value TEXT NOT NULL,
  wh_tax_value TEXT,
  total_price TEXT NOT NULL,
  unit_id INTEGER,
  is_shipping INTEGER NOT NULL,
  warehouse_code TEXT,
  PRIMARY KEY (company_id, document_type, document_id, position)
) WITHOUT ROWID;

-- A sales order's extra discounts (§4.9.1 rule 3), applied in position order.
CREATE TABLE sales_order_discounts (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  sales_order_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  discount_name TEXT,
  discount_type INTEGER,
  discount_value TEXT,
  discount_amount TEXT NOT NULL,
  PRIMARY KEY (company_id, sales_order_id, position),
  FOREIGN KEY (company_id, sales_order_id) REFERENCES sales_orders (company_id, sales_order_id)
) WITHOUT ROWID;

-- A sales order's payment schedule: status 1 unpaid, 2 paid.
CREATE TABLE sales_order_installments (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  sales_order_id INTEGER NOT NULL,
  installment_number INTEGER NOT NULL,
  status INTEGER NOT NULL CHECK (status IN (1, 2)),
  installment_value TEXT NOT NULL,
  installment_amount TEXT NOT NULL,
  installment_due_date INTEGER,
  date_paid INTEGER,
  PRIMARY KEY (company_id, sales_order_id, installment_number),
  FOREIGN KEY (company_id, sales_order_id) REFERENCES sales_orders (company_id, sales_order_id)
) WITHOUT ROWID;
