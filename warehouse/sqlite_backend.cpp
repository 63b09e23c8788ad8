// The SQLite backend: one connection, prepared statements reused for every
// row, one transaction per batch, written as its documents come (staged).
// The rollback journal keeps a killed load's batch out of the database (the
// next connection rolls it back) and, unlike a write-ahead log, does not
// write every new page twice.

#include <sqlite3.h>

#include <algorithm>

#include "warehouse/backend.h"

namespace jixiao::warehouse {

namespace {

// A prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept : stmt_(o.stmt_) { o.stmt_ = nullptr; }
  ~Statement() { sqlite3_finalize(stmt_); }
  sqlite3_stmt** out() { return &stmt_; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteBackend : public Backend {
 public:
  SqliteBackend(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  // close_v2: statements held by members (versions_) are finalized after
  // this body runs; the connection is closed when the last one is.
  ~SqliteBackend() override {
    AbandonStaged();
    inserts_.clear();
    deletes_.clear();
    sqlite3_close_v2(db_);
  }

  const char* engine() const override { return "sqlite"; }

  Status Execute(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return Status::Ok();
    std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return Error(text);
  }

  Status ExecuteScript(const std::string& sql) override {
    if (Status s = Execute("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = Execute(sql);
    if (!s.ok()) {
      Execute("ROLLBACK");
      return s;
    }
    return Execute("COMMIT");
  }

  Result<std::optional<std::string>> QueryText(const std::string& sql) override {
    std::optional<std::string> first;
    bool seen = false;
    Status s = ForEachRow(sql, [&](const Fields& row) {
      if (!seen && !row.empty()) first = row[0];
      seen = true;
    }, nullptr);
    if (!s.ok()) return s;
    return first;
  }

  Result<bool> TableExists(const std::string& table) override {
    Result<std::optional<std::string>> n = QueryText(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'");
    if (!n.ok()) return n.status();
    return n.value().value_or("0") != "0";
  }

  Result<std::map<std::string, std::string>> StoredVersions(const std::vector<std::string>& sha256s) override {
    Result<sqlite3_stmt*> stmt = VersionQuery();
    if (!stmt.ok()) return stmt.status();
    // One read transaction for all the lookups: in autocommit each
    // statement would take and drop the file lock and re-check the journal
    // and the header (a dozen system calls a document).
    if (Status s = Execute("BEGIN"); !s.ok()) return s;
    Result<std::map<std::string, std::string>> stored = LookUp(stmt.value(), sha256s);
    if (Status s = Execute("COMMIT"); !s.ok() && stored.ok()) return s;
    return stored;
  }

  Status Replace(const std::vector<const DocumentRows*>& documents) override {
    if (Status s = Execute("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = WriteAll(documents);
    if (!s.ok()) {
      Execute("ROLLBACK");
      return s;
    }
    return Execute("COMMIT");
  }

  bool CanStage() const override { return true; }

  Result<bool> StageDocument(DocumentRows& document) override {
    if (!staging_) {
      if (Status s = Execute("BEGIN IMMEDIATE"); !s.ok()) return s;
      staging_ = true;
    }
    Result<bool> written = WriteUnlessUnchanged(document);
    if (!written.ok()) AbandonStaged();
    return written;
  }

  Status CommitStaged() override {
    if (!staging_) return Status::Ok();
    Status s = Execute("COMMIT");
    // A failed COMMIT (the database stayed busy) leaves the transaction open.
    if (!s.ok()) Execute("ROLLBACK");
    staging_ = false;
    return s;
  }

  void AbandonStaged() override {
    if (staging_) Execute("ROLLBACK");
    staging_ = false;
  }

  Status ForEachRow(const std::string& sql, const std::function<void(const Fields&)>& row,
                    const std::function<void(const Fields&)>& names) override {
    Statement stmt;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, stmt.out(), nullptr) != SQLITE_OK) return Error(sqlite3_errmsg(db_));
    const int columns = sqlite3_column_count(stmt.get());
    Fields fields(columns);
    if (names) {
      for (int i = 0; i < columns; ++i) fields[i] = sqlite3_column_name(stmt.get(), i);
      names(fields);
    }
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      for (int i = 0; i < columns; ++i) {
        const unsigned char* text = sqlite3_column_text(stmt.get(), i);
        fields[i] = text ? std::optional<std::string>(reinterpret_cast<const char*>(text)) : std::nullopt;
      }
      row(fields);
    }
    return rc == SQLITE_DONE ? Status::Ok() : Error(sqlite3_errmsg(db_));
  }

 private:
  Result<sqlite3_stmt*> VersionQuery() {
    return Prepared(versions_, [] { return "SELECT content_sha256 FROM document WHERE sha256 = ?"; });
  }

  // The content_sha256 stored for `sha`, or nullopt when it is not stored.
  Result<std::optional<std::string>> StoredVersion(sqlite3_stmt* stmt, const std::string& sha) {
    sqlite3_bind_text(stmt, 1, sha.data(), static_cast<int>(sha.size()), SQLITE_STATIC);
    std::optional<std::string> version;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) version = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    Status error = rc == SQLITE_ROW || rc == SQLITE_DONE ? Status::Ok() : Error(sqlite3_errmsg(db_));
    sqlite3_reset(stmt);
    if (!error.ok()) return error;
    return version;
  }

  // content_sha256 of each stored document, inside a transaction.
  Result<std::map<std::string, std::string>> LookUp(sqlite3_stmt* stmt, const std::vector<std::string>& sha256s) {
    std::map<std::string, std::string> stored;
    for (const std::string& sha : sha256s) {
      Result<std::optional<std::string>> version = StoredVersion(stmt, sha);
      if (!version.ok()) return version.status();
      if (version.value()) stored[sha] = std::move(*version.value());
    }
    return stored;
  }

  // Inside the staged transaction: writes `doc` unless it is stored with
  // the same content.
  Result<bool> WriteUnlessUnchanged(DocumentRows& doc) {
    Result<sqlite3_stmt*> stmt = VersionQuery();
    if (!stmt.ok()) return stmt.status();
    Result<std::optional<std::string>> version = StoredVersion(stmt.value(), doc.sha256);
    if (!version.ok()) return version.status();
    doc.stored = version.value().has_value();
    if (doc.stored && *version.value() == doc.content_sha256) return false;
    if (Status s = WriteDocument(doc); !s.ok()) return s;
    return true;
  }

  Status Error(const std::string& message) const { return Status::Error(path_ + ": " + message); }

  // `stmt`, prepared from the text `sql()` gives on first use (the text is
  // not made again for every row).
  template <class Sql>
  Result<sqlite3_stmt*> Prepared(Statement& stmt, Sql sql) {
    if (!stmt.get() && sqlite3_prepare_v3(db_, std::string(sql()).c_str(), -1, SQLITE_PREPARE_PERSISTENT,
                                          stmt.out(), nullptr) != SQLITE_OK)
      return Error(sqlite3_errmsg(db_));
    return stmt.get();
  }

  // Binds `row` to the parameters after the first `offset`.
  Status Bind(sqlite3_stmt* stmt, const Row& row, size_t offset) {
    for (size_t i = 0; i < row.size(); ++i) {
      const int at = static_cast<int>(offset + i) + 1;
      const Field& f = row[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<long long>(f))
        rc = sqlite3_bind_int64(stmt, at, std::get<long long>(f));
      else if (std::holds_alternative<double>(f))
        rc = sqlite3_bind_double(stmt, at, std::get<double>(f));
      else if (const std::string* s = std::get_if<std::string>(&f))
        rc = sqlite3_bind_text(stmt, at, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
      else
        rc = sqlite3_bind_null(stmt, at);
      if (rc != SQLITE_OK) return Error(sqlite3_errmsg(db_));
    }
    return Status::Ok();
  }

  Status Step(sqlite3_stmt* stmt) {
    if (sqlite3_step(stmt) == SQLITE_DONE) {
      sqlite3_reset(stmt);
      return Status::Ok();
    }
    Status error = Error(sqlite3_errmsg(db_));
    sqlite3_reset(stmt);
    return error;
  }

  Status WriteAll(const std::vector<const DocumentRows*>& documents) {
    for (const DocumentRows* doc : documents)
      if (Status s = WriteDocument(*doc); !s.ok()) return s;
    return Status::Ok();
  }

  // Replaces the rows of one document, inside a transaction.
  Status WriteDocument(const DocumentRows& doc) {
    const auto& specs = Tables();
    if (inserts_.empty()) {
      inserts_.resize(kTableCount);
      for (std::vector<Statement>& by_rows : inserts_) by_rows.resize(kRowsPerInsert);
      deletes_.resize(kTableCount);
    }
    // Children first, so that the document row goes last. A document not
    // stored before has nothing to delete.
    for (int t = kTableCount - 1; t >= 0 && doc.stored; --t) {
      Result<sqlite3_stmt*> del = Prepared(deletes_[t], [&] {
        return std::string("DELETE FROM ") + specs[t].name + " WHERE " + specs[t].document_key + " = ?";
      });
      if (!del.ok()) return del.status();
      sqlite3_bind_text(del.value(), 1, doc.sha256.data(), static_cast<int>(doc.sha256.size()), SQLITE_STATIC);
      if (Status s = Step(del.value()); !s.ok()) return s;
    }
    for (int t = 0; t < kTableCount; ++t) {
      const std::vector<Row>& rows = doc.tables[t];
      for (size_t at = 0; at < rows.size();) {
        const size_t n = std::min(rows.size() - at, kRowsPerInsert);
        Result<sqlite3_stmt*> insert = Prepared(inserts_[t][n - 1], [&] { return InsertSql(specs[t], n); });
        if (!insert.ok()) return insert.status();
        for (size_t k = 0; k < n; ++k)
          if (Status s = Bind(insert.value(), rows[at + k], k * specs[t].columns.size()); !s.ok()) return s;
        if (Status s = Step(insert.value()); !s.ok()) return Status::Error(s.message() + " (" + doc.name + ")");
        sqlite3_clear_bindings(insert.value());
        at += n;
      }
    }
    return Status::Ok();
  }

  // An INSERT of `rows` rows. OR FAIL: a statement of several rows that may
  // ABORT half-way needs a statement journal to undo its first rows, and
  // every failure here rolls back the whole transaction anyway.
  static std::string InsertSql(const TableSpec& spec, size_t rows) {
    std::string columns, marks;
    for (const char* c : spec.columns) {
      columns += (columns.empty() ? "" : ", ") + std::string(c);
      marks += marks.empty() ? "?" : ", ?";
    }
    std::string values;
    for (size_t r = 0; r < rows; ++r) values += (r ? ", (" : "(") + marks + ")";
    return std::string("INSERT OR FAIL INTO ") + spec.name + " (" + columns + ") VALUES " + values;
  }

  sqlite3* db_;
  std::string path_;
  Statement versions_;
  bool staging_ = false;                 // a staged batch's transaction is open
  // A document's rows of a table go in one statement (up to
  // kRowsPerInsert rows): each statement costs as much again as a row to
  // start and end. inserts_[table][rows - 1].
  static constexpr size_t kRowsPerInsert = 16;
  std::vector<std::vector<Statement>> inserts_;
  std::vector<Statement> deletes_;
};

}  // namespace

Result<std::unique_ptr<Backend>> OpenSqlite(const std::string& path) {
  // NOMUTEX: the connection is used by one thread at a time (the writer),
  // so SQLite need not lock a mutex around every call.
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string message = path + ": cannot open SQLite database: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Status::Error(message);
  }
  auto backend = std::make_unique<SqliteBackend>(db, path);
  // A file that is not a database fails here, on its first read. NORMAL
  // syncs at each commit, which a batch of documents amortizes. A killed
  // process leaves a hot journal that the next connection rolls back, so a
  // batch is wholly in or wholly out. The 32 MB page cache holds a batch's
  // pages (up to kBatchBytes of JSON and its rows), so that none is written
  // before the commit; a larger one costs more in first-touch page faults
  // than it saves. A new database gets 64 KB pages: a document's JSON (10 KB or
  // so) then fits in its row's page instead of a chain of overflow pages,
  // and a batch is written with fewer, larger writes (an existing one keeps
  // its size).
  sqlite3_busy_timeout(db, 10000);
  Status s = backend->Execute(
      "PRAGMA page_size = 65536; PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL; "
      "PRAGMA cache_size = -32768");
  if (!s.ok()) return s;
  return std::unique_ptr<Backend>(std::move(backend));
}

}  // namespace jixiao::warehouse
