-- The Deal section (ENDPOINTS.md §4.5): boards and their stages, labels and missed-reason
-- categories (master lists; a deal's interests are the customer interest topics of 0007), the
-- full deal on the table cases, activities and tasks link to, and a deal's links to its
-- customers, interests and labels.
--
-- 0001's deals table held only what cases refer to. Its rows keep their ids and numbers (the
-- demo's D241200044 and D241200047 with them); the columns are added, each with a default
-- or nullable, so no table that refers to deals has to be rebuilt.

CREATE TABLE deal_boards (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  board_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, board_id)
);
-- A company's default board: a row of its own, so that there is exactly one.
CREATE TABLE deal_board_defaults (
  company_id INTEGER NOT NULL PRIMARY KEY REFERENCES companies (company_id),
  board_id INTEGER NOT NULL,
  FOREIGN KEY (company_id, board_id) REFERENCES deal_boards (company_id, board_id)
);
CREATE TABLE deal_stages (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  deal_stage_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  board_id INTEGER NOT NULL,
  seq INTEGER NOT NULL DEFAULT 1,
  -- The stage's default win probability, in percent (informational).
  probability INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),
  -- 1 normal, 2 won, 3 lost: the status of the deals in it.
  stage_type INTEGER NOT NULL DEFAULT 1 CHECK (stage_type BETWEEN 1 AND 3),
  is_active INTEGER NOT NULL DEFAULT 1,
  -- The last card position given out in the stage's column (deals.card_position). Writes that
  -- move a deal into or out of the column update this row first, which serialises them per
  -- stage.
  next_position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (company_id, deal_stage_id),
  FOREIGN KEY (company_id, board_id) REFERENCES deal_boards (company_id, board_id)
);
CREATE INDEX deal_stages_board ON deal_stages (company_id, board_id, seq);
CREATE TABLE deal_labels (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  label_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  -- #RRGGBB
  color TEXT NOT NULL DEFAULT '#9E9E9E',
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, label_id)
);
CREATE TABLE deal_missed_reasons (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  reason_category_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  is_active INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (company_id, reason_category_id)
);

-- The deal itself. Money and quantities are exact decimal text (core::Decimal).
ALTER TABLE deals ADD COLUMN customer_id INTEGER REFERENCES customers (customer_id);
ALTER TABLE deals ADD COLUMN deals_value TEXT NOT NULL DEFAULT '0';
-- 1 Open, 2 Won, 3 Lost: the type of the deal's stage.
ALTER TABLE deals ADD COLUMN status_id INTEGER NOT NULL DEFAULT 1 CHECK (status_id BETWEEN 1 AND 3);
ALTER TABLE deals ADD COLUMN board_id INTEGER;
ALTER TABLE deals ADD COLUMN deal_stage_id INTEGER;
-- The card's place in its stage's column, ascending from the stage's next_position: a new or
-- moved card goes last. dealsIndex is the card's rank among them (1..n), counted through
-- deal_card_blocks, so a card that leaves a column moves no other card's row.
ALTER TABLE deals ADD COLUMN card_position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deals ADD COLUMN deals_date INTEGER;
ALTER TABLE deals ADD COLUMN expected_close_date INTEGER;
ALTER TABLE deals ADD COLUMN probability INTEGER NOT NULL DEFAULT 0
  CHECK (probability BETWEEN 0 AND 100);
ALTER TABLE deals ADD COLUMN notes TEXT;
ALTER TABLE deals ADD COLUMN is_active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE deals ADD COLUMN created_by_user_id TEXT;
ALTER TABLE deals ADD COLUMN date_created INTEGER;
ALTER TABLE deals ADD COLUMN modified_by_user_id TEXT;
ALTER TABLE deals ADD COLUMN date_modified INTEGER;
ALTER TABLE deals ADD COLUMN deal_quantity TEXT;
ALTER TABLE deals ADD COLUMN deal_quantity_unit TEXT;
-- The owner's and the participants' staff codes, the customers' codes and the interest and
-- label ids as JSON arrays in request order, so that a read needs no join; deal_customers,
-- deal_interest_links and deal_label_links keep the references.
ALTER TABLE deals ADD COLUMN assign_to TEXT;
ALTER TABLE deals ADD COLUMN participant_codes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE deals ADD COLUMN customer_codes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE deals ADD COLUMN interest_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE deals ADD COLUMN label_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE deals ADD COLUMN date_follow_up INTEGER;
ALTER TABLE deals ADD COLUMN follow_up_notes TEXT;
ALTER TABLE deals ADD COLUMN remark TEXT;
ALTER TABLE deals ADD COLUMN reason_category_id INTEGER;
ALTER TABLE deals ADD COLUMN cancel_all_order INTEGER NOT NULL DEFAULT 0;

-- Deal Enquiry: by board and status, newest first (the default order), and by date alone.
CREATE INDEX deals_board_status ON deals (company_id, board_id, status_id, deals_date, deals_id);
CREATE INDEX deals_date ON deals (company_id, deals_date, deals_id);
-- A stage's column in card order.
CREATE INDEX deals_stage_column ON deals (company_id, deal_stage_id, card_position);
-- Deal Enquiry's keyword on the first customer's name.
CREATE INDEX deals_customer ON deals (company_id, customer_id);
-- How many cards of a column sit in each block of 256 positions: a card's rank is the cards of
-- the blocks before its own plus those before it in its block, at most 255 index entries.
CREATE TABLE deal_card_blocks (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  deal_stage_id INTEGER NOT NULL,
  block INTEGER NOT NULL,
  cards INTEGER NOT NULL CHECK (cards >= 0),
  PRIMARY KEY (company_id, deal_stage_id, block)
) WITHOUT ROWID;
CREATE INDEX deals_reason ON deals (company_id, reason_category_id)
  WHERE reason_category_id IS NOT NULL;

-- Deal Enquiry's keyword index (modules/deals/deal_keywords.hpp): the trigrams of each deal's
-- number and name, keyed so that one board's and status's deals holding a trigram are one range.
CREATE TABLE deal_trigrams (
  company_id INTEGER NOT NULL,
  trigram INTEGER NOT NULL,
  board_id INTEGER NOT NULL,
  status_id INTEGER NOT NULL,
  deals_id INTEGER NOT NULL,
  PRIMARY KEY (company_id, trigram, board_id, status_id, deals_id)
) WITHOUT ROWID;

CREATE TABLE deal_customers (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  deals_id INTEGER NOT NULL REFERENCES deals (deals_id),
  position INTEGER NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
  PRIMARY KEY (company_id, deals_id, position)
);
-- Deal Enquiry by customerCode: any of the deal's customers.
CREATE INDEX deal_customers_customer ON deal_customers (company_id, customer_id, deals_id);
CREATE TABLE deal_interest_links (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  deals_id INTEGER NOT NULL REFERENCES deals (deals_id),
  position INTEGER NOT NULL,
  topic_id INTEGER NOT NULL,
  PRIMARY KEY (company_id, deals_id, position),
  FOREIGN KEY (company_id, topic_id) REFERENCES customer_interest_topics (company_id, topic_id)
);
CREATE INDEX deal_interest_links_topic ON deal_interest_links (company_id, topic_id);
CREATE TABLE deal_label_links (
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  deals_id INTEGER NOT NULL REFERENCES deals (deals_id),
  position INTEGER NOT NULL,
  label_id INTEGER NOT NULL,
  PRIMARY KEY (company_id, deals_id, position),
  FOREIGN KEY (company_id, label_id) REFERENCES deal_labels (company_id, label_id)
);
CREATE INDEX deal_label_links_label ON deal_label_links (company_id, label_id);

-- Every company has the default board, its stages and the missed-reason categories a new
-- company gets (modules/deals/deal_types.hpp, the same rows); stored deals were open deals of
-- its first stage, in the order they were stored.
INSERT INTO deal_boards (company_id, board_id, name) SELECT company_id, 1, 'Sales pipeline'
  FROM companies;
INSERT INTO deal_board_defaults (company_id, board_id) SELECT company_id, 1 FROM companies;
INSERT INTO deal_stages (company_id, deal_stage_id, name, board_id, seq, probability, stage_type)
  SELECT c.company_id, s.id, s.name, 1, s.seq, s.probability, s.stage_type
  FROM companies c, (SELECT 1 AS id, 'Qualification' AS name, 1 AS seq, 10 AS probability,
      1 AS stage_type
    UNION ALL SELECT 2, 'Proposal', 2, 50, 1
    UNION ALL SELECT 3, 'Negotiation', 3, 75, 1
    UNION ALL SELECT 4, 'Won', 4, 100, 2
    UNION ALL SELECT 5, 'Lost', 5, 0, 3) s;
INSERT INTO deal_missed_reasons (company_id, reason_category_id, name)
  SELECT c.company_id, r.id, r.name
  FROM companies c, (SELECT 1 AS id, 'Price too high' AS name
    UNION ALL SELECT 2, 'Chose a competitor'
    UNION ALL SELECT 3, 'No budget'
    UNION ALL SELECT 4, 'No decision made'
    UNION ALL SELECT 5, 'Other') r;
INSERT INTO deal_labels (company_id, label_id, name, color)
  SELECT c.company_id, l.id, l.name, l.color
  FROM companies c, (SELECT 1 AS id, 'Hot' AS name, '#E53935' AS color
    UNION ALL SELECT 2, 'Warm', '#FB8C00'
    UNION ALL SELECT 3, 'Cold', '#1E88E5') l;
UPDATE deals SET board_id = 1, deal_stage_id = 1, deals_name = COALESCE(deals_name, deal_no),
  deals_date = created_at, expected_close_date = created_at, date_created = created_at,
  date_modified = created_at,
  card_position = (SELECT COUNT(*) FROM deals d WHERE d.company_id = deals.company_id AND
    d.deals_id <= deals.deals_id);
UPDATE deal_stages SET next_position = (SELECT COUNT(*) FROM deals d WHERE
  d.company_id = deal_stages.company_id AND d.deal_stage_id = deal_stages.deal_stage_id);
INSERT INTO deal_card_blocks (company_id, deal_stage_id, block, cards)
  SELECT company_id, deal_stage_id, card_position / 256, COUNT(*) FROM deals
  GROUP BY company_id, deal_stage_id, card_position / 256;
-- Their keyword rows (the trigrams deals::trigrams computes).
WITH RECURSIVE t(company_id, deals_id, txt) AS (
    SELECT company_id, deals_id, lower(deal_no) || char(10) || lower(deals_name) FROM deals),
  -- Names are at most 500 characters and numbers 50 (api/bounds.hpp).
  n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT OR IGNORE INTO deal_trigrams (company_id, trigram, board_id, status_id, deals_id)
  SELECT t.company_id, (unicode(substr(t.txt, n.i, 1)) << 42) |
      (unicode(substr(t.txt, n.i + 1, 1)) << 21) | unicode(substr(t.txt, n.i + 2, 1)),
    1, 1, t.deals_id
  FROM t JOIN n ON n.i <= length(t.txt) - 2;
