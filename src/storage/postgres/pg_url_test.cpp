// The database URL's own parameter (prepared_statements) is taken out before libpq sees it;
// everything else reaches libpq as written.
#include <gtest/gtest.h>

#include <stdexcept>

#include "storage/postgres/pg_database.hpp"

namespace ov::storage {
namespace {

TEST(PgUrl, PreparedStatementsAreOnUnlessTheUrlSaysOff) {
  auto plain = parse_pg_url("postgresql://ov@db:5432/crm");
  EXPECT_EQ(plain.libpq, "postgresql://ov@db:5432/crm");
  EXPECT_TRUE(plain.prepared_statements);

  auto off = parse_pg_url("postgresql://ov@db:6432/crm?prepared_statements=off");
  EXPECT_EQ(off.libpq, "postgresql://ov@db:6432/crm");
  EXPECT_FALSE(off.prepared_statements);

  auto on = parse_pg_url("postgresql://ov@db/crm?prepared_statements=on");
  EXPECT_TRUE(on.prepared_statements);
  EXPECT_EQ(on.libpq, "postgresql://ov@db/crm");
}

TEST(PgUrl, OtherParametersStayInTheirOrder) {
  auto url = parse_pg_url(
      "postgresql://h1,h2/crm?target_session_attrs=read-write&prepared_statements=off&"
      "sslmode=disable");
  EXPECT_EQ(url.libpq, "postgresql://h1,h2/crm?target_session_attrs=read-write&sslmode=disable");
  EXPECT_FALSE(url.prepared_statements);
}

TEST(PgUrl, AnotherValueIsRefused) {
  EXPECT_THROW(parse_pg_url("postgresql://db/crm?prepared_statements=no"), std::runtime_error);
  EXPECT_THROW(parse_pg_url("postgresql://db/crm?prepared_statements="), std::runtime_error);
}

}  // namespace
}  // namespace ov::storage
