-- Keyword search, rebuilt so that a keyword and the usual filters are answered inside the
-- full-text index, without reading a customer row per match (docs/decisions.md, "Keyword
-- search on SQLite"):
--   * rowid = company_id << 42 | type slot << 40 | customer_id, the type slot being 0 for
--     leads (11100), 1 for prospects (11200), 2 for customers (11300). A company's rows, and
--     one type's rows within it, are a contiguous rowid range, which FTS5 restricts to
--     directly. (customer_id < 2^40 and company_id < 2^21 keep the key positive; the
--     repository refuses larger ids.)
--   * The text ends with one more line feed, so that every occurrence of a two-character
--     keyword is the start of some trigram: such a keyword is looked up as the trigrams that
--     begin with it (listed by customer_keyword_terms), still without a scan.
--   * case_sensitive 1: the text is already lower-cased (ASCII) by the server, and matching
--     bytes exactly keeps a keyword's matches the same whether it is answered by MATCH (two
--     or more characters) or by LIKE (one character, a scan), and the same as on PostgreSQL.
CREATE VIRTUAL TABLE customer_keywords USING fts5(search_text,
  tokenize = "trigram case_sensitive 1");
INSERT INTO customer_keywords (rowid, search_text)
  SELECT (c.company_id << 42) | ((CASE c.customer_type WHEN 11100 THEN 0 WHEN 11200 THEN 1
    ELSE 2 END) << 40) | c.customer_id, s.search_text || char(10)
  FROM customer_search s JOIN customers c ON c.customer_id = s.rowid;
DROP TABLE customer_search;
-- One segment after the bulk copy: queries read one b-tree per term instead of several.
INSERT INTO customer_keywords (customer_keywords) VALUES ('optimize');
-- The index's terms (trigrams) in order, with their counts.
CREATE VIRTUAL TABLE customer_keyword_terms USING fts5vocab(customer_keywords, row);
