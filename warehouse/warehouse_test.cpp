// The warehouse on SQLite: the schema against the loader's tables, the parts
// that need no command line, and the end-to-end suite (acceptance_suite.h).

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

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
  EXPECT_TRUE(add(R"({"source": {"sha256": ")" + std::string(64, 'c') +
                      R"("}, "reports": [{"flags": [{"code": "MANUAL_NOTE", "severity": "info"}]}]})",
                  "f.json")
                  .ok());
  EXPECT_TRUE(warehouse.Flush().ok());
  ASSERT_EQ(refused.size(), 5u);
  EXPECT_NE(refused[4].find("f.json: /reports/0/flags/0/code"), std::string::npos) << refused[4];
  EXPECT_EQ(refused[0], "a.json: not valid JSON");
  EXPECT_EQ(refused[1].rfind("b.json: ", 0), 0u);
  EXPECT_NE(refused[2].find("c.json: source.sha256"), std::string::npos);
  EXPECT_NE(refused[3].find("d.json: a report is not"), std::string::npos);
  EXPECT_EQ(warehouse.counts().loaded, 1);
  EXPECT_EQ(warehouse.counts().refused, 5);
  EXPECT_EQ(QueryText((dir / "w.sqlite").string(), "SELECT count(*) FROM report"), "1");
  fs::remove_all(dir);
}

// A batch is written once its documents' JSON passes kBatchBytes, however
// many documents the batch may hold.
TEST(WarehouseAddTest, ABatchIsWrittenWhenItsJsonPassesTheByteBound) {
  fs::path dir = ScratchDir("bytes");
  const std::string path = (dir / "w.sqlite").string();
  Result<std::unique_ptr<Warehouse>> w = Warehouse::Open(path, nullptr, /*batch_documents=*/1000);
  ASSERT_TRUE(w.ok()) << w.status().message();
  auto document = [](char key, size_t title_bytes) {
    return R"({"source": {"sha256": ")" + std::string(64, key) + R"("}, "reports": [{"title": ")" +
           std::string(title_bytes, 'x') + R"("}]})";
  };
  const size_t half = Warehouse::kBatchBytes / 2;
  ASSERT_TRUE(w.value()->Add(PreparedDocument::FromText(document('a', half), "a.json", "")).ok());
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM document"), "0");
  ASSERT_TRUE(w.value()->Add(PreparedDocument::FromText(document('b', half), "b.json", "")).ok());
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM document"), "2");
  EXPECT_EQ(QueryText(path, "SELECT length(title) FROM report WHERE document_sha256 LIKE 'b%'"),
            std::to_string(half));
  fs::remove_all(dir);
}

// A batch written into its open transaction as its documents come is
// committed once the transaction has been open kMaxBatchOpen, however few
// documents it holds: a slow source must not keep other writers waiting.
TEST(WarehouseAddTest, ABatchOpenTooLongIsCommitted) {
  fs::path dir = ScratchDir("open");
  const std::string path = (dir / "w.sqlite").string();
  Result<std::unique_ptr<Warehouse>> w = Warehouse::Open(path, nullptr, /*batch_documents=*/1000);
  ASSERT_TRUE(w.ok()) << w.status().message();
  auto document = [](char key) {
    return R"({"source": {"sha256": ")" + std::string(64, key) + R"("}, "reports": [{"title": "t"}]})";
  };
  ASSERT_TRUE(w.value()->Add(PreparedDocument::FromText(document('a'), "a.json", "")).ok());
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM document"), "0");
  std::this_thread::sleep_for(Warehouse::kMaxBatchOpen + std::chrono::milliseconds(100));
  ASSERT_TRUE(w.value()->Add(PreparedDocument::FromText(document('b'), "b.json", "")).ok());
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM document"), "2");
  fs::remove_all(dir);
}

// Documents piped in as they are made are written once the source pauses,
// not held in an open transaction until a batch fills up. (The reader
// passes documents on 256 at a time, or at the end of its input.)
TEST(WarehouseLoadTest, APausingSourceHasWhatItGaveWritten) {
  fs::path dir = ScratchDir("pause");
  const std::string path = (dir / "w.sqlite").string();
  auto lines = [](int from, int to) {
    std::string text;
    for (int k = from; k < to; ++k) {
      char sha[65];
      std::snprintf(sha, sizeof sha, "%064x", k);
      text += std::string(R"({"source": {"sha256": ")") + sha + R"("}, "reports": [{"title": "t"}]})" "\n";
    }
    return text;
  };
  FILE* load = popen((Quote(JIXIAO_BINARY) + " load - -q --db " + Quote(path)).c_str(), "w");
  ASSERT_NE(load, nullptr);
  const std::string first = lines(0, 256), second = lines(256, 257);
  fwrite(first.data(), 1, first.size(), load);
  fflush(load);
  std::string count;
  for (int tries = 0; tries < 100 && (count = QueryText(path, "SELECT count(*) FROM document")) != "256"; ++tries)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(count, "256");
  fwrite(second.data(), 1, second.size(), load);
  EXPECT_EQ(pclose(load), 0);
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM document"), "257");
  fs::remove_all(dir);
}

// A document the database refuses (here a trigger refuses its report) is
// refused by name and leaves its stored version as it was; the rest of its
// batch is written, the documents written into the batch's transaction
// before it included.
TEST(WarehouseAddTest, ADocumentTheDatabaseRefusesLeavesTheRestOfItsBatch) {
  fs::path dir = ScratchDir("refuses");
  const std::string path = (dir / "w.sqlite").string();
  auto document = [](char key, const std::string& title) {
    return R"({"source": {"sha256": ")" + std::string(64, key) + R"("}, "reports": [{"title": ")" + title +
           R"("}]})";
  };
  std::vector<std::string> refused;
  Result<std::unique_ptr<Warehouse>> w =
      Warehouse::Open(path, [&](const std::string& m) { refused.push_back(m); }, /*batch_documents=*/10);
  ASSERT_TRUE(w.ok()) << w.status().message();
  ASSERT_TRUE(w.value()->Add(PreparedDocument::FromText(document('b', "stored"), "b0.json", "")).ok());
  ASSERT_TRUE(w.value()->Flush().ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TRIGGER refuse_bad BEFORE INSERT ON report WHEN NEW.title = 'bad' "
                         "BEGIN SELECT RAISE(ABORT, 'bad title'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  for (auto [key, title, name] : {std::tuple{'a', "good", "a.json"}, {'b', "bad", "b.json"}, {'c', "good", "c.json"}})
    ASSERT_TRUE(w.value()->Add(PreparedDocument::FromText(document(key, title), name, "")).ok());
  ASSERT_TRUE(w.value()->Flush().ok());
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_NE(refused[0].find("b.json: the database refused it"), std::string::npos) << refused[0];
  EXPECT_EQ(w.value()->counts().loaded, 3);
  EXPECT_EQ(QueryText(path, "SELECT group_concat(title, ',') FROM (SELECT title FROM report ORDER BY title)"),
            "good,good,stored");
  fs::remove_all(dir);
}

// What both readers make of one JSON text: the reference (nlohmann::json and
// emit/) and RowsFromText.
struct BothReadings {
  Result<warehouse::DocumentRows> reference = Status::Error("not JSON");
  std::optional<warehouse::DocumentRows> fast;
};

BothReadings ReadBoth(const std::string& text) {
  warehouse::DocumentInfo info;
  info.name = "doc.json";
  info.json_text = text;
  info.content_sha256 = "c";
  info.loaded_at = "2026-12-06T00:00:00Z";
  BothReadings both;
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_discarded()) both.reference = warehouse::RowsFromJson(j, info);
  both.fast = warehouse::RowsFromText(text, info);
  return both;
}

void ExpectSameRows(const warehouse::DocumentRows& fast, const warehouse::DocumentRows& reference,
                    const std::string& what) {
  EXPECT_EQ(fast.sha256, reference.sha256) << what;
  for (int t = 0; t < warehouse::kTableCount; ++t)
    EXPECT_EQ(fast.tables[t], reference.tables[t]) << what << ": table " << warehouse::Tables()[t].name;
}

TEST(RowsFromTextTest, GivesTheRowsOfTheReferenceReader) {
  std::vector<json> documents = SampleDocuments();
  for (const json& d : GeneratedBatch(14, "(T)", /*extra_flag=*/true)) documents.push_back(d);
  for (const json& d : documents) {
    BothReadings both = ReadBoth(d.dump());
    ASSERT_TRUE(both.reference.ok()) << both.reference.status().message();
    ASSERT_TRUE(both.fast.has_value()) << d["source"]["path"];
    ExpectSameRows(*both.fast, both.reference.value(), d["source"]["path"]);
    EXPECT_GT(both.fast->tables[warehouse::kReport].size(), 0u);
  }
}

// The JSON Pointer of each node of `j`, the root included.
void NodePointers(const json& j, const json::json_pointer& at, std::vector<json::json_pointer>& out) {
  out.push_back(at);
  if (j.is_array())
    for (size_t i = 0; i < j.size(); ++i) NodePointers(j[i], at / i, out);
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it) NodePointers(it.value(), at / it.key(), out);
}

// Every member of the samples' documents in turn replaced by values of other
// types: whatever the reference refuses, RowsFromText must not read, and
// what it reads must be what the reference reads.
TEST(RowsFromTextTest, NeverReadsADocumentTheReferenceRefuses) {
  int refused = 0, read_fast = 0, cases = 0;
  for (const json& original : SampleDocuments()) {
    json document = original;
    std::vector<json::json_pointer> pointers;
    NodePointers(document, json::json_pointer(), pointers);
    for (const json::json_pointer& pointer : pointers) {
      json* node = &document[pointer];
      std::vector<json> replacements;
      if (!node->is_string()) replacements.push_back("x");
      if (!node->is_number()) replacements.push_back(7);
      if (!node->is_object()) replacements.push_back(json::object());
      if (!node->is_array()) replacements.push_back(json::array({1, 2, 3, 4}));
      if (node->is_null()) replacements.push_back("2021-05");
      if (node->is_number()) replacements.push_back(5e12);
      const json kept = *node;
      for (const json& replacement : replacements) {
        *node = replacement;
        BothReadings both = ReadBoth(document.dump());
        ++cases;
        refused += !both.reference.ok();
        if (!both.fast) continue;
        ++read_fast;
        ASSERT_TRUE(both.reference.ok()) << "read a document the reference refuses ("
                                         << both.reference.status().message() << ")";
        ExpectSameRows(*both.fast, both.reference.value(), both.reference.value().sha256);
      }
      *node = kept;
    }
  }
  // Both kinds of case were met: the test can fail either way.
  EXPECT_GT(refused, cases / 10);
  EXPECT_GT(read_fast, cases / 10);
}

TEST(RowsFromTextTest, LeavesTextItIsNotSureOfToTheReference) {
  const std::string sha(64, 'a');
  const std::string head = R"({"source": {"sha256": ")" + sha + R"("}, "reports": [{"title": )";
  EXPECT_TRUE(warehouse::RowsFromText(head + R"("t"}]})", {}).has_value());
  // A repeated key: nlohmann keeps the last, simdjson finds the first.
  EXPECT_FALSE(warehouse::RowsFromText(head + R"("t", "title": "u"}]})", {}).has_value());
  EXPECT_FALSE(warehouse::RowsFromText(head + R"("\udc00"}]})", {}).has_value());
  EXPECT_FALSE(warehouse::RowsFromText(head + R"(3}]})", {}).has_value());
  EXPECT_FALSE(warehouse::RowsFromText(head + R"("t"}]}})", {}).has_value());
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
