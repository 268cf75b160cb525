// The distribution invariant on the catalog, on every backend: a tenant table (one with a
// company_id column) keeps each of its primary and unique keys starting with company_id, so the
// schema can be distributed by company_id (docs/operations.md, "Citus and YugabyteDB").
//
// The tables below still have a key that starts elsewhere (a generated id, or a parent id for
// child rows): their migration to company-first keys is still to be written, on both backends.
// The list may only shrink: a new tenant table, or a new key, that breaks the invariant fails
// here, as does a table that was fixed but is still listed.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "storage/test_database.hpp"

namespace ov::modules {
namespace {

const std::set<std::string> kNotYetCompanyFirst = {
    "activities",
    "activity_deals",
    "activity_key_activities",
    "api_clients",
    "case_activities",
    "case_deals",
    "cases",
    "customer_addresses",
    "customer_attachment_contents",
    "customer_attachments",
    "customer_contacts",
    "customer_events",
    "customer_interests",
    "customer_owners",
    "customer_satisfaction_sources",
    "customer_satisfactions",
    "customer_search",
    "customer_tag_links",
    "customers",
    "deals",
    "subscription_keys",
    "tasks",
    // Keyed by their own ids since 0015, which came before this invariant was checked: the
    // delivery worker claims messages of every company by id.
    "webhook_deliveries",
    "webhook_messages",
    "webhook_subscriptions",
};

// Tenant tables with a primary or unique key whose first column is not company_id.
std::set<std::string> tables_breaking_the_invariant(storage::Session& s) {
  std::set<std::string> out;
  if (s.backend() == "postgres") {
    auto rows = s.query(
        "SELECT DISTINCT c.relname FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid "
        "WHERE c.relnamespace = to_regnamespace(current_schema())::oid AND x.indisunique AND "
        "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = "
        "'company_id' AND NOT a.attisdropped) AND (x.indkey[0] = 0 OR (SELECT a.attname FROM "
        "pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = x.indkey[0]) <> 'company_id')");
    while (rows.next()) out.insert(rows.str(0));
    return out;
  }
  // SQLite: the primary key from table_info (a rowid alias has no index of its own), unique
  // keys from index_list, their first column from index_info (NULL for an expression).
  std::set<std::string> tenant;
  {
    auto rows = s.query(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM "
        "pragma_table_info(m.name) p WHERE p.name = 'company_id')");
    while (rows.next()) tenant.insert(rows.str(0));
  }
  for (const auto& table : tenant) {
    auto pk = s.query("SELECT name FROM pragma_table_info(?) WHERE pk = 1", {table});
    if (pk.next() && pk.str(0) != "company_id") out.insert(table);
    auto keys = s.query(
        "SELECT (SELECT i.name FROM pragma_index_info(l.name) i WHERE i.seqno = 0) FROM "
        "pragma_index_list(?) l WHERE l.\"unique\" = 1",
        {table});
    while (keys.next()) {
      if (keys.is_null(0) || keys.str(0) != "company_id") out.insert(table);
    }
  }
  return out;
}

class TenantKeys : public storage::BackendTest {};
OV_ON_EVERY_BACKEND(TenantKeys);

TEST_P(TenantKeys, OnlyTheListedTablesHaveKeysThatDoNotStartWithCompanyId) {
  storage::TempDatabase db(backend());
  std::set<std::string> found;
  db->read_now([&](storage::Session& s) { found = tables_breaking_the_invariant(s); });
  auto expected = kNotYetCompanyFirst;
  // On SQLite customer_search is an FTS5 table: no key but its rowid, which is not a column.
  if (backend() == storage::Backend::kSqlite) expected.erase("customer_search");
  EXPECT_EQ(found, expected);
}

}  // namespace
}  // namespace ov::modules
