// The warehouse on SQLite: the schema against the loader's tables, the parts
// that need no command line, and the end-to-end suite (acceptance_suite.h).

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "warehouse/acceptance_suite.h"
#include "warehouse/backend.h"
#include "warehouse/schema.h"
#include "warehouse/tables.h"
#include "warehouse/warehouse.h"

namespace jixiao::warehouse_testing {
namespace {

std::string SqliteTarget(const std::string&, const fs::path& scratch) { return (scratch / "warehouse.sqlite").string(); }

INSTANTIATE_TEST_SUITE_P(SQLite, AcceptanceTest, ::testing::Values(&SqliteTarget), EngineName);

// Column names of `table` in a database made by the schema script.
std::vector<std::string> ColumnsOf(const std::string& path, const std::string& table) {
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  std::vector<std::string> columns;
  sqlite3_open(path.c_str(), &db);
  sqlite3_prepare_v2(db, ("PRAGMA table_info(" + table + ")").c_str(), -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) columns.push_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return columns;
}

TEST(WarehouseSchemaTest, TheLoaderWritesEveryColumnOfSchemaSqlInOrder) {
  fs::path dir = ScratchDir("schema");
  const std::string path = (dir / "w.sqlite").string();
  Result<std::unique_ptr<Warehouse>> w = Warehouse::Open(path, nullptr);
  ASSERT_TRUE(w.ok()) << w.status().message();
  for (const warehouse::TableSpec& spec : warehouse::Tables()) {
    std::vector<std::string> expected(spec.columns.begin(), spec.columns.end());
    EXPECT_EQ(ColumnsOf(path, spec.name), expected) << spec.name;
  }
  EXPECT_EQ(QueryText(path, "SELECT value FROM warehouse_meta WHERE key = 'schema_version'"),
            std::to_string(warehouse::kSchemaVersion));
  fs::remove_all(dir);
}

TEST(WarehouseSchemaTest, ADatabaseWithForeignTablesIsRefusedUntouched) {
  fs::path dir = ScratchDir("foreign");
  const std::string path = (dir / "w.sqlite").string();
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE document (id INTEGER)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  Result<std::unique_ptr<Warehouse>> w = Warehouse::Open(path, nullptr);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("jixiao did not create"), std::string::npos) << w.status().message();
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM sqlite_master"), "1");
  fs::remove_all(dir);
}

TEST(WarehouseSchemaTest, AnOlderSchemaWithoutMigrationIsRefusedUntouched) {
  fs::path dir = ScratchDir("older");
  const std::string path = (dir / "w.sqlite").string();
  ASSERT_TRUE(Warehouse::Open(path, nullptr).ok());
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "UPDATE warehouse_meta SET value = '0'", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  Result<std::unique_ptr<Warehouse>> w = Warehouse::Open(path, nullptr);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("schema 0, which this jixiao cannot migrate"), std::string::npos)
      << w.status().message();
  EXPECT_EQ(QueryText(path, "SELECT value FROM warehouse_meta"), "0");
  fs::remove_all(dir);
}

TEST(WarehouseOpenTest, AnUnusableTargetIsOneLineNamingIt) {
  Result<std::unique_ptr<Warehouse>> missing_dir = Warehouse::Open("/nonexistent-dir/w.sqlite", nullptr);
  ASSERT_FALSE(missing_dir.ok());
  EXPECT_EQ(missing_dir.status().message().rfind("/nonexistent-dir/w.sqlite: ", 0), 0u);
  EXPECT_EQ(missing_dir.status().message().find('\n'), std::string::npos);

  fs::path dir = ScratchDir("notdb");
  std::ofstream(dir / "text.sqlite") << "this is not a database, just some text that is long enough to be read";
  Result<std::unique_ptr<Warehouse>> not_db = Warehouse::Open((dir / "text.sqlite").string(), nullptr);
  ASSERT_FALSE(not_db.ok());
  EXPECT_NE(not_db.status().message().find("not a database"), std::string::npos) << not_db.status().message();
  fs::remove_all(dir);

  Result<std::unique_ptr<Warehouse>> no_server =
      Warehouse::Open("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=5", nullptr);
  ASSERT_FALSE(no_server.ok());
  const std::string& message = no_server.status().message();
  EXPECT_NE(message.find("cannot connect to PostgreSQL"), std::string::npos) << message;
  EXPECT_EQ(message.find("secret"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

TEST(WarehouseOpenTest, TheCommandLineSaysOneLineAndExits3) {
  CommandResult r = Jixiao("load " + Quote(JIXIAO_SOURCE_DIR "/samples") +
                           " --db postgresql://nobody@127.0.0.1:1/none?connect_timeout=5");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("cannot connect to PostgreSQL"), std::string::npos) << r.err;
}

TEST(WarehouseAddTest, InvalidDocumentsAreRefusedAndCounted) {
  fs::path dir = ScratchDir("add");
  std::vector<std::string> refused;
  Result<std::unique_ptr<Warehouse>> w =
      Warehouse::Open((dir / "w.sqlite").string(), [&](const std::string& m) { refused.push_back(m); });
  ASSERT_TRUE(w.ok());
  Warehouse& warehouse = *w.value();
  auto add = [&](const std::string& text, const std::string& name) {
    return warehouse.Add(PreparedDocument::FromText(text, name, ""));
  };
  EXPECT_TRUE(add("[1, 2", "a.json").ok());
  EXPECT_TRUE(add("[1, 2]", "b.json").ok());
  EXPECT_TRUE(add(R"({"source": {"sha256": "abc"}, "reports": []})", "c.json").ok());
  EXPECT_TRUE(add(R"({"source": {"sha256": ")" + std::string(64, 'a') + R"("}, "reports": [3]})", "d.json").ok());
  EXPECT_TRUE(add(R"({"source": {"sha256": ")" + std::string(64, 'b') + R"("}, "reports": [{}]})", "e.json").ok());
  EXPECT_TRUE(warehouse.Flush().ok());
  ASSERT_EQ(refused.size(), 4u);
  EXPECT_EQ(refused[0], "a.json: not valid JSON");
  EXPECT_EQ(refused[1].rfind("b.json: ", 0), 0u);
  EXPECT_NE(refused[2].find("c.json: source.sha256"), std::string::npos);
  EXPECT_NE(refused[3].find("d.json: a report is not"), std::string::npos);
  EXPECT_EQ(warehouse.counts().loaded, 1);
  EXPECT_EQ(warehouse.counts().refused, 4);
  EXPECT_EQ(QueryText((dir / "w.sqlite").string(), "SELECT count(*) FROM report"), "1");
  fs::remove_all(dir);
}

TEST(CountyTest, LeadingPlaceNames) {
  EXPECT_EQ(warehouse::CountyOf("东川区医疗保障局"), "东川区");
  EXPECT_EQ(warehouse::CountyOf("昆明市东川区医疗保障局"), "昆明市东川区");
  EXPECT_EQ(warehouse::CountyOf("明光市医疗保障局"), "明光市");
  EXPECT_EQ(warehouse::CountyOf("区医疗保障局"), "");
  EXPECT_EQ(warehouse::CountyOf("医疗保障局"), "");
  EXPECT_EQ(warehouse::CountyOf(""), "");
}

}  // namespace
}  // namespace jixiao::warehouse_testing
