// End-to-end tests of `jixiao load`, `jixiao export` and `jixiao run --db`,
// the same on every database engine: a test binary includes this once and
// instantiates AcceptanceTest for its engine (SQLite in warehouse_test.cpp,
// PostgreSQL in postgresql/postgresql_test.cpp). They run the built jixiao
// binary and check what it wrote through the database's own client library.
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

extern char** environ;

namespace jixiao::warehouse_testing {

namespace fs = std::filesystem;
using nlohmann::json;

inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline fs::path ScratchDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("jixiao-warehouse-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct CommandResult {
  int exit_code = -1;
  std::string err;
};

// Runs the jixiao binary with `args` (shell words, already quoted).
inline CommandResult Jixiao(const std::string& args) {
  fs::path err = ScratchDir("stderr") / "err";
  int status = std::system((Quote(JIXIAO_BINARY) + " " + args + " >/dev/null 2>" + Quote(err.string())).c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadFile(err);
  fs::remove_all(err.parent_path());
  return r;
}

// The first column of the first row of `sql`, read with the engine's own
// client library; "" for NULL or no row, "error: ..." when the query fails.
inline std::string QueryText(const std::string& target, const std::string& sql) {
  std::string out;
  if (target.rfind("postgresql://", 0) == 0) {
    PGconn* conn = PQconnectdb(target.c_str());
    PGresult* r = PQexec(conn, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
      out = std::string("error: ") + PQerrorMessage(conn);
    else if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
      out = PQgetvalue(r, 0, 0);
    PQclear(r);
    PQfinish(conn);
    return out;
  }
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  // Read-write: a reader is what rolls back the journal a killed load left.
  if (sqlite3_open_v2(target.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
      sqlite3_busy_timeout(db, 30000) != SQLITE_OK || sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    out = std::string("error: ") + sqlite3_errmsg(db);
  } else if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

inline long long Count(const std::string& target, const std::string& sql) {
  std::string text = QueryText(target, sql);
  EXPECT_EQ(text.rfind("error", 0), std::string::npos) << sql << ": " << text;
  return text.empty() || text.rfind("error", 0) == 0 ? -1 : std::stoll(text);
}

// Rows the documents should give, table by table.
struct Counts {
  long long documents = 0, reports = 0, budget_lines = 0, indicators = 0, flags = 0;
  bool operator==(const Counts&) const = default;
};

inline std::ostream& operator<<(std::ostream& os, const Counts& c) {
  return os << "{documents " << c.documents << ", reports " << c.reports << ", budget_lines " << c.budget_lines
            << ", indicators " << c.indicators << ", flags " << c.flags << "}";
}

inline Counts CountsOf(const std::vector<json>& documents) {
  Counts c;
  for (const json& d : documents) {
    ++c.documents;
    c.flags += d["flags"].size();
    for (const json& r : d["reports"]) {
      ++c.reports;
      c.indicators += r["indicators"].size();
      c.flags += r["flags"].size();
      const json& b = r["budget"];
      for (const char* line : {"planned", "executed", "remaining", "initial", "reduction"})
        c.budget_lines += b.contains(line) && b[line].is_object();
      c.budget_lines += b["rate"]["declared"].is_object();
    }
  }
  return c;
}

inline Counts CountsIn(const std::string& target) {
  Counts c;
  c.documents = Count(target, "SELECT count(*) FROM document");
  c.reports = Count(target, "SELECT count(*) FROM report");
  c.budget_lines = Count(target, "SELECT count(*) FROM budget_line");
  c.indicators = Count(target, "SELECT count(*) FROM indicator");
  c.flags = Count(target, "SELECT count(*) FROM flag");
  return c;
}

// The documents `jixiao run samples -o DIR` writes, made once per process.
inline const fs::path& SampleDocumentsDir() {
  static const fs::path dir = [] {
    fs::path d = ScratchDir("samples");
    CommandResult r = Jixiao("run " + Quote(JIXIAO_SOURCE_DIR "/samples") + " -q -o " + Quote(d.string()));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return d;
  }();
  return dir;
}

inline std::vector<json> SampleDocuments() {
  std::vector<json> docs;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(SampleDocumentsDir()))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) docs.push_back(json::parse(ReadFile(f)));
  return docs;
}

// `n` documents made from the samples, each with its own sha256 (from k) and
// `marker` appended to every project name, so that two versions of a batch
// differ in every document. `extra_flag` adds one document flag to each.
inline std::vector<json> GeneratedBatch(int n, const std::string& marker, bool extra_flag = false) {
  const std::vector<json> samples = SampleDocuments();
  std::vector<json> docs;
  for (int k = 0; k < n; ++k) {
    json d = samples[k % samples.size()];
    char sha[65];
    std::snprintf(sha, sizeof sha, "%064x", k + 1);
    d["source"]["sha256"] = sha;
    d["source"]["path"] = "generated/" + std::to_string(k) + ".txt";
    for (json& r : d["reports"]) {
      r["project_name"] = (r["project_name"].is_string() ? r["project_name"].get<std::string>() : "") + " " + marker;
      r["fiscal_year"] = 2016 + k % 7;
    }
    if (extra_flag)
      d["flags"].push_back({{"code", "UNREADABLE"}, {"severity", "info"}, {"path", ""},
                            {"message", "MANUAL_NOTE checked " + marker}, {"declared", nullptr}, {"expected", nullptr},
                            {"evidence", json::array()}});
    docs.push_back(std::move(d));
  }
  return docs;
}

inline void WriteJsonLines(const fs::path& path, const std::vector<json>& docs) {
  std::ofstream out(path, std::ios::binary);
  for (const json& d : docs) out << d.dump() << "\n";
}

// Each engine makes a fresh, empty target for one test (its scratch
// folder is removed after the test).
using TargetMaker = std::string (*)(const std::string& test_name, const fs::path& scratch);

// Test names say the engine, not the parameter's address.
inline std::string EngineName(const ::testing::TestParamInfo<TargetMaker>&) { return "db"; }

class AcceptanceTest : public ::testing::TestWithParam<TargetMaker> {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info->name();
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    scratch_ = ScratchDir(name);
    target_ = GetParam()(name, scratch_);
  }
  void TearDown() override { fs::remove_all(scratch_); }

  std::string Load(const std::string& sources) { return "load " + sources + " -q --db " + Quote(target_); }

  fs::path scratch_;
  std::string target_;
};

TEST_P(AcceptanceTest, LoadsSamplesAndABatchWithOneRowPerReportIndicatorAndFlag) {
  const std::vector<json> batch = GeneratedBatch(200, "(G)");
  WriteJsonLines(scratch_ / "batch.jsonl", batch);
  CommandResult r = Jixiao(Load(Quote(SampleDocumentsDir().string()) + " " + Quote((scratch_ / "batch.jsonl").string())));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<json> all = SampleDocuments();
  all.insert(all.end(), batch.begin(), batch.end());
  Counts expected = CountsOf(all);
  EXPECT_EQ(CountsIn(target_), expected);
  EXPECT_GT(expected.indicators, 0);
  EXPECT_GT(expected.flags, 0);
  // The views answer: the zengdu sample declares 96 where the items give 98.
  EXPECT_GT(Count(target_, "SELECT count(*) FROM report_total_mismatch"), 0);
  EXPECT_GT(Count(target_, "SELECT count(*) FROM error_flags_by_code WHERE code = 'TOTAL_MISMATCH'"), 0);
  EXPECT_GT(Count(target_, "SELECT count(*) FROM error_flags_by_county_year"), 0);
  // Figures are normalized with their printed text beside them.
  EXPECT_GT(Count(target_, "SELECT count(*) FROM budget_line WHERE line = 'planned' AND value > 0 AND raw <> ''"),
            0);
}

TEST_P(AcceptanceTest, ASecondLoadChangesNothing) {
  WriteJsonLines(scratch_ / "batch.jsonl", GeneratedBatch(50, "(G)"));
  const std::string sources = Quote(SampleDocumentsDir().string()) + " " + Quote((scratch_ / "batch.jsonl").string());
  ASSERT_EQ(Jixiao(Load(sources)).exit_code, 0);
  ASSERT_EQ(Jixiao("export --csv " + Quote((scratch_ / "first").string()) + " --db " + Quote(target_)).exit_code, 0);
  CommandResult again = Jixiao("load " + sources + " --db " + Quote(target_));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const std::string unchanged = std::to_string(SampleDocuments().size() + 50) + " unchanged";
  EXPECT_NE(again.err.find("0 loaded, " + unchanged + ", 0 refused"), std::string::npos) << again.err;
  ASSERT_EQ(Jixiao("export --csv " + Quote((scratch_ / "second").string()) + " --db " + Quote(target_)).exit_code, 0);
  for (const char* table : {"document", "report", "budget_line", "indicator", "flag"}) {
    std::string name = std::string(table) + ".csv";
    EXPECT_EQ(ReadFile(scratch_ / "first" / name), ReadFile(scratch_ / "second" / name)) << name;
  }
}

TEST_P(AcceptanceTest, ACorrectedDocumentUpdatesItsRows) {
  ASSERT_EQ(Jixiao(Load(Quote(SampleDocumentsDir().string()))).exit_code, 0);
  const Counts before = CountsIn(target_);
  // A person corrects the zengdu report's totals (96, 94 in the header) to
  // the 98 its items add up to and has it re-checked: its total flags go,
  // and loading it replaces its rows.
  fs::path doc = scratch_ / "zengdu.json";
  fs::copy_file(SampleDocumentsDir() / "zengdu-2020-group-weights.json", doc);
  json j = json::parse(ReadFile(doc));
  const std::string sha = j["source"]["sha256"];
  for (const char* key : {"declared", "declared_header", "self_score_text"}) j["reports"][0]["total"][key] = 98;
  j["reports"][0]["project_name"] = "改正后的项目";
  std::ofstream(doc, std::ios::binary) << j.dump(2);
  ASSERT_EQ(Jixiao("score " + Quote(doc.string())).exit_code, 0);
  const json corrected = json::parse(ReadFile(doc));
  CommandResult r = Jixiao(Load(Quote(doc.string())));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string where = " WHERE document_sha256 = '" + sha + "'";
  EXPECT_EQ(QueryText(target_, "SELECT project_name FROM report" + where + " AND report_index = 0"), "改正后的项目");
  EXPECT_EQ(Count(target_, "SELECT count(*) FROM flag" + where), CountsOf({corrected}).flags);
  EXPECT_EQ(Count(target_, "SELECT count(*) FROM report_total_mismatch" + where), 0);
  Counts after = CountsIn(target_);
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.reports, before.reports);
  EXPECT_LT(after.flags, before.flags);  // HEADER_TOTAL_MISMATCH and TOTAL_MISMATCH are gone
  EXPECT_EQ(after.flags, before.flags - CountsOf({json::parse(ReadFile(SampleDocumentsDir() / "zengdu-2020-group-weights.json"))}).flags +
                             CountsOf({corrected}).flags);
}

// Starts `jixiao load` on version B of a batch already loaded as version A,
// kills it with SIGKILL once some of B is in, and checks that every document
// is wholly A or wholly B.
TEST_P(AcceptanceTest, ALoadKilledMidwayLeavesNoHalfDocument) {
  const int n = 1500;
  WriteJsonLines(scratch_ / "a.jsonl", GeneratedBatch(n, "(A)"));
  WriteJsonLines(scratch_ / "b.jsonl", GeneratedBatch(n, "(B)", /*extra_flag=*/true));
  ASSERT_EQ(Jixiao(Load(Quote((scratch_ / "a.jsonl").string()))).exit_code, 0);
  std::vector<std::string> args = {JIXIAO_BINARY, "load", (scratch_ / "b.jsonl").string(), "-q", "--batch", "50",
                                   "--db", target_};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, JIXIAO_BINARY, nullptr, nullptr, argv.data(), environ), 0);
  const std::string b_reports = "SELECT count(*) FROM report WHERE project_name LIKE '%(B)'";
  for (int i = 0; i < 6000 && Count(target_, b_reports) <= 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the load ended before it could be killed";

  EXPECT_EQ(Count(target_, "SELECT count(*) FROM document"), n);
  const long long b = Count(target_, "SELECT count(*) FROM document WHERE CAST(body AS TEXT) LIKE '%MANUAL_NOTE%'");
  EXPECT_GT(b, 0);
  EXPECT_LT(b, n);
  // Every document's rows are those of the version its document row holds.
  EXPECT_EQ(Count(target_,
                  "SELECT count(*) FROM document d WHERE flag_count <> "
                  "(SELECT count(*) FROM flag f WHERE f.document_sha256 = d.sha256) OR report_count <> "
                  "(SELECT count(*) FROM report r WHERE r.document_sha256 = d.sha256)"),
            0);
  EXPECT_EQ(Count(target_,
                  "SELECT count(*) FROM document d WHERE (CAST(d.body AS TEXT) LIKE '%MANUAL_NOTE%') <> "
                  "EXISTS (SELECT 1 FROM report r WHERE r.document_sha256 = d.sha256 AND r.project_name LIKE '%(B)')"),
            0);
  EXPECT_EQ(Count(target_,
                  "SELECT count(*) FROM document d WHERE EXISTS (SELECT 1 FROM report r WHERE r.document_sha256 = "
                  "d.sha256 AND r.project_name LIKE '%(A)') AND EXISTS (SELECT 1 FROM report r WHERE "
                  "r.document_sha256 = d.sha256 AND r.project_name LIKE '%(B)')"),
            0);
  // Loading again finishes the job.
  ASSERT_EQ(Jixiao(Load(Quote((scratch_ / "b.jsonl").string()))).exit_code, 0);
  EXPECT_EQ(Count(target_, b_reports), CountsOf(GeneratedBatch(n, "(B)")).reports);
  EXPECT_EQ(CountsIn(target_), CountsOf(GeneratedBatch(n, "(B)", true)));
}

TEST_P(AcceptanceTest, BadInputIsRefusedByNameAndTheRestLoaded) {
  fs::path dir = scratch_ / "in";
  fs::create_directories(dir);
  fs::copy_file(SampleDocumentsDir() / "tieshan-2022-goal-table.json", dir / "good.json");
  std::ofstream(dir / "broken.json") << "{\"schema_version\": \"1\", \"reports\": [";
  std::ofstream(dir / "not-a-document.json") << "{\"hello\": 1}";
  std::vector<json> lines = GeneratedBatch(2, "(L)");
  lines[1]["source"]["sha256"] = "not a hash";
  WriteJsonLines(scratch_ / "lines.jsonl", lines);
  CommandResult r = Jixiao("load " + Quote(dir.string()) + " " + Quote((scratch_ / "lines.jsonl").string()) +
                           " --db " + Quote(target_));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("broken.json: not valid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not-a-document.json: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lines.jsonl:2: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 loaded, 0 unchanged, 3 refused"), std::string::npos) << r.err;
  EXPECT_EQ(Count(target_, "SELECT count(*) FROM document"), 2);
}

// Runs `sql` on `target` with the engine's own client library; false when
// it fails.
inline bool ExecuteSql(const std::string& target, const std::string& sql) {
  if (target.rfind("postgresql://", 0) == 0) {
    PGconn* conn = PQconnectdb(target.c_str());
    PGresult* r = PQexec(conn, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    PQfinish(conn);
    return ok;
  }
  sqlite3* db = nullptr;
  sqlite3_open(target.c_str(), &db);
  const bool ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

TEST_P(AcceptanceTest, ASchemaFromAnotherVersionIsRefusedAndNotWritten) {
  ASSERT_EQ(Jixiao(Load(Quote((SampleDocumentsDir() / "tieshan-2022-goal-table.json").string()))).exit_code, 0);
  ASSERT_TRUE(ExecuteSql(target_, "UPDATE warehouse_meta SET value = '99' WHERE key = 'schema_version'"));
  CommandResult r = Jixiao(Load(Quote(SampleDocumentsDir().string())));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("schema 99 from a newer jixiao"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(Count(target_, "SELECT count(*) FROM document"), 1);

  // An older layout this jixiao has no migration for is refused the same way.
  ASSERT_TRUE(ExecuteSql(target_, "UPDATE warehouse_meta SET value = '0' WHERE key = 'schema_version'"));
  r = Jixiao(Load(Quote(SampleDocumentsDir().string())));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("schema 0, which this jixiao cannot migrate"), std::string::npos) << r.err;
  EXPECT_EQ(Count(target_, "SELECT count(*) FROM document"), 1);
  EXPECT_EQ(QueryText(target_, "SELECT value FROM warehouse_meta WHERE key = 'schema_version'"), "0");

  // So is a version that is not a number.
  ASSERT_TRUE(ExecuteSql(target_, "UPDATE warehouse_meta SET value = 'one' WHERE key = 'schema_version'"));
  r = Jixiao(Load(Quote(SampleDocumentsDir().string())));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no readable schema_version"), std::string::npos) << r.err;
  EXPECT_EQ(Count(target_, "SELECT count(*) FROM document"), 1);
}

// A database holding a "document" table of its own (no warehouse_meta) is
// refused before anything is created or written in it.
TEST_P(AcceptanceTest, AForeignDocumentTableIsRefusedAndNotWritten) {
  ASSERT_TRUE(ExecuteSql(target_, "CREATE TABLE document (id INTEGER, note TEXT)"));
  ASSERT_TRUE(ExecuteSql(target_, "INSERT INTO document (id, note) VALUES (1, 'theirs')"));
  CommandResult r = Jixiao(Load(Quote(SampleDocumentsDir().string())));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("holds a table \"document\" that jixiao did not create"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(QueryText(target_, "SELECT note FROM document"), "theirs");
  EXPECT_EQ(Count(target_, "SELECT count(*) FROM document"), 1);
  EXPECT_EQ(QueryText(target_, "SELECT count(*) FROM warehouse_meta").rfind("error", 0), 0u);
}

TEST_P(AcceptanceTest, ExportWritesEveryTableAsCsvWithAByteOrderMark) {
  ASSERT_EQ(Jixiao(Load(Quote(SampleDocumentsDir().string()))).exit_code, 0);
  fs::path out = scratch_ / "csv";
  CommandResult r = Jixiao("export --csv " + Quote(out.string()) + " --db " + Quote(target_));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* table : {"document", "report", "budget_line", "indicator", "flag", "report_total_mismatch",
                            "error_flags_by_code", "error_flags_by_county_year", "budget_by_department"}) {
    std::string text = ReadFile(out / (std::string(table) + ".csv"));
    ASSERT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << table;
    EXPECT_NE(text.find("\r\n"), std::string::npos) << table;  // a header line at least
  }
  std::string reports = ReadFile(out / "report.csv");
  EXPECT_EQ(std::count(reports.begin(), reports.end(), '\n'), 1 + CountsOf(SampleDocuments()).reports);
  EXPECT_NE(reports.find("document_sha256,report_index,title,project_name"), std::string::npos);
  EXPECT_NE(reports.find("打击欺诈骗保奖励及工作经费"), std::string::npos);
}

TEST_P(AcceptanceTest, RunWithDbLoadsEachDocument) {
  CommandResult r = Jixiao("run " + Quote(JIXIAO_SOURCE_DIR "/samples") + " -q --db " + Quote(target_));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountsIn(target_), CountsOf(SampleDocuments()));
}

}  // namespace jixiao::warehouse_testing
