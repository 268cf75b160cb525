-- Get a Customer By CustomerName (#11) answers the customers with one name in code order: an
-- index on (company, name, code) finds them and gives their order without reading the rest
-- of the company, whatever plan the database would otherwise prefer for the ORDER BY.
DROP INDEX customers_name;
CREATE INDEX customers_name ON customers (company_id, lower(customer_name), lower(customer_code),
  customer_id);
