// The migrations of the Activity, Employee, Task and Setting sections on a database as the
// foundation left it, on every backend: its number-only activities keep their rows, ids and
// numbers, the cases linking them keep their links (and SQLite its foreign keys), users get the
// employee fields from what they had, and existing companies get key activities and header
// templates.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <string>

#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/test_database.hpp"

namespace ov::activities {
namespace {

using storage::Backend;

// The first migration of these sections.
constexpr int kFirstSectionMigration = 10;

// The foundation's rows: a company with its Administrator, an employee in team 1, the two demo
// activities as 0001's number-only rows, and a case linking both.
constexpr const char* kFoundationRows = R"sql(
INSERT INTO companies (company_id, name, timezone, created_at) VALUES (7, 'Old Co', 'Asia/Bangkok', 1738800000);
INSERT INTO users (company_id, user_id, name, email, kind, is_active, created_at) VALUES
  (7, 'aaaaaaaa-0000-4000-8000-000000000001', 'Administrator', NULL, 'employee', 1, 1738800000),
  (7, 'aaaaaaaa-0000-4000-8000-000000000002', 'API client', NULL, 'service', 1, 1738800000);
INSERT INTO users (company_id, user_id, name, email, kind, is_active, created_at, staff_code, team_id) VALUES
  (7, '6d473b8f-a6b3-4536-b1e6-f4b7688414e2', 'Somchai Jaidee', 'somchai@example.com', 'employee', 1, 1738800001, 'staff01', 1);
INSERT INTO activities (activity_id, company_id, activity_no, subject, created_at) VALUES
  (41, 7, 'A20250200028', 'Demo activity', 1738800002),
  (42, 7, 'A20250200029', NULL, 1738800003);
INSERT INTO cases (feedback_id, company_id, feedback_no, case_type, subject, status_id, category_id,
  assigned_to_user_id, date_assigned, date_case, date_due, created_by_user_id, date_created,
  updated_by_user_id, date_updated, date_latest_answer, activity_nos)
  VALUES (67941, 7, 'T250200010', 1, 'Create new case', 201, 1, '6d473b8f-a6b3-4536-b1e6-f4b7688414e2',
  1738800004, 1738800004, 1738800004, 'aaaaaaaa-0000-4000-8000-000000000002', 1738800004,
  'aaaaaaaa-0000-4000-8000-000000000002', 1738800004, 1738800004, '["A20250200028","A20250200029"]');
INSERT INTO case_activities (company_id, feedback_id, position, activity_id) VALUES
  (7, 67941, 0, 41), (7, 67941, 1, 42);
)sql";

std::string schema_before(std::span<const storage::Migration> migrations) {
  std::string sql =
      "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at BIGINT NOT NULL);";
  for (const auto& m : migrations) {
    if (m.version >= kFirstSectionMigration) continue;
    sql += m.sql;
    sql += ";INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) + ", '" +
           std::string(m.name) + "', 0);";
  }
  return sql + kFoundationRows;
}

// Brings the scratch database to the foundation's schema and rows, with the backend's own
// client library (the server would apply every migration at once).
void build_foundation(Backend backend, const std::string& url) {
  if (backend == Backend::kSqlite) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(url.substr(std::string("sqlite:").size()).c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const auto sql =
        "PRAGMA foreign_keys=ON; BEGIN;" + schema_before(storage::sqlite_migrations()) + "COMMIT;";
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
    return;
  }
  PGconn* conn = PQconnectdb(url.c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
  const auto sql = "BEGIN;" + schema_before(storage::postgres_migrations()) + "COMMIT;";
  PGresult* res = PQexec(conn, sql.c_str());
  EXPECT_EQ(PQresultStatus(res), PGRES_COMMAND_OK) << PQresultErrorMessage(res);
  PQclear(res);
  PQfinish(conn);
}

class SectionMigrationTest : public storage::BackendTest {};
OV_ON_EVERY_BACKEND(SectionMigrationTest);

TEST_P(SectionMigrationTest, FoundationRowsSurviveAndGainTheirFields) {
  storage::ScratchDatabase scratch(backend());
  build_foundation(backend(), scratch.url());
  if (HasFatalFailure()) return;
  auto db = storage::open_database(scratch.url());
  db->read_now([&](storage::Session& s) {
    auto a = s.query(
        "SELECT activity_id, activity_no, subject, activity_type_id, status_id, is_active, "
        "date_appointment_start, date_appointment_end, date_created, date_modified, "
        "assign_to_user_id, key_activity_ids FROM activities WHERE company_id = 7 ORDER BY "
        "activity_id");
    ASSERT_TRUE(a.next());
    EXPECT_EQ(a.i64(0), 41);
    EXPECT_EQ(a.str(1), "A20250200028");
    EXPECT_EQ(a.str(2), "Demo activity");
    EXPECT_EQ(a.i64(3), 5);  // Other
    EXPECT_EQ(a.i64(4), 1);  // Planned
    EXPECT_EQ(a.i64(5), 1);
    EXPECT_EQ(a.i64(6), 1738800002);
    EXPECT_EQ(a.i64(7), 1738800002);
    EXPECT_EQ(a.i64(8), 1738800002);
    EXPECT_EQ(a.i64(9), 1738800002);
    EXPECT_TRUE(a.is_null(10));
    EXPECT_EQ(a.str(11), "[]");
    ASSERT_TRUE(a.next());
    EXPECT_EQ(a.i64(0), 42);
    // An activity stored without a subject takes its number as subject.
    EXPECT_EQ(a.str(2), "A20250200029");
    EXPECT_FALSE(a.next());

    auto links = s.query(
        "SELECT position, activity_id, company_id FROM case_activities WHERE feedback_id = 67941 "
        "ORDER BY position");
    ASSERT_TRUE(links.next());
    EXPECT_EQ(links.i64(1), 41);
    EXPECT_EQ(links.i64(2), 7);
    ASSERT_TRUE(links.next());
    EXPECT_EQ(links.i64(1), 42);
    EXPECT_FALSE(links.next());

    auto u = s.query(
        "SELECT firstname, lastname, username, role, created_by_user_id FROM users WHERE "
        "company_id = 7 ORDER BY created_at, user_id");
    ASSERT_TRUE(u.next());
    EXPECT_EQ(u.str(0), "Administrator");
    EXPECT_EQ(u.str(3), "Administrator");
    ASSERT_TRUE(u.next());
    ASSERT_TRUE(u.next());
    EXPECT_EQ(u.str(0), "Somchai");
    EXPECT_EQ(u.str(1), "Jaidee");
    EXPECT_EQ(u.str(2), "somchai@example.com");
    EXPECT_EQ(u.str(3), "Staff");
    EXPECT_EQ(u.str(4), "aaaaaaaa-0000-4000-8000-000000000001");
    EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM teams WHERE company_id = 7 AND team_id = 1"), 1);
    EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM key_activities WHERE company_id = 7"), 7);
    EXPECT_EQ(s.query_i64("SELECT COUNT(*) FROM header_template_defaults WHERE company_id = 7"), 2);
    if (s.backend() == "sqlite") {
      // Every foreign key of the rebuilt tables still holds.
      EXPECT_FALSE(s.query("PRAGMA foreign_key_check").next());
    }
  });
  // The rebuilt link table still refuses an activity that does not exist.
  EXPECT_THROW(db->write_now([&](storage::Session& s) {
    s.exec(
        "INSERT INTO case_activities (company_id, feedback_id, position, activity_id) VALUES "
        "(7, 67941, 2, 999)");
  }),
               std::exception);
  db->close();
}

}  // namespace
}  // namespace ov::activities
