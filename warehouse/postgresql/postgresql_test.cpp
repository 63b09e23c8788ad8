// The warehouse end-to-end suite (../acceptance_suite.h) on PostgreSQL.
// Run under pg_virtualenv, which starts a throwaway cluster, exports PGHOST,
// PGPORT, PGUSER, PGPASSWORD and PGDATABASE, and drops the cluster after.
// Each test gets a database of its own.

#include <cstdlib>

#include <gtest/gtest.h>

#include "warehouse/acceptance_suite.h"

namespace jixiao::warehouse_testing {
namespace {

std::string PostgresTarget(const std::string& test_name, const fs::path&) {
  if (!std::getenv("PGHOST") || !std::getenv("PGPORT")) {
    ADD_FAILURE() << "no PGHOST/PGPORT: run this test under pg_virtualenv";
    return "postgresql://";
  }
  const std::string database = "jixiao_" + test_name.substr(0, 50);  // 63 bytes at most
  PGconn* conn = PQconnectdb("");
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  for (const std::string& sql : {"DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database}) {
    PGresult* r = PQexec(conn, sql.c_str());
    EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << sql << ": " << PQerrorMessage(conn);
    PQclear(r);
  }
  PQfinish(conn);
  // Host, port, user and password come from the environment.
  return "postgresql:///" + database;
}

INSTANTIATE_TEST_SUITE_P(PostgreSQL, AcceptanceTest, ::testing::Values(&PostgresTarget), EngineName);

}  // namespace
}  // namespace jixiao::warehouse_testing
