// Backend: the small interface through which the warehouse writes a database,
// with one implementation per engine (SQLite, PostgreSQL). Internal to
// warehouse/.
//
// A backend knows nothing of documents: it runs the schema script, reads the
// schema version and the stored content hashes, replaces the rows of a batch
// of documents in one transaction, and streams query results. Rows come as
// fields in the column order of kTables (tables.h). A Status whose message
// starts with the target's name is the backend's complete one-line error.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/status.h"
#include "warehouse/tables.h"

namespace jixiao::warehouse {

class Backend {
 public:
  virtual ~Backend() = default;

  // "sqlite" or "postgresql": which dialect of the schema script to run.
  virtual const char* engine() const = 0;

  // Runs a script of one or more statements in one transaction.
  virtual Status ExecuteScript(const std::string& sql) = 0;

  // The first column of the first row of `sql`, or nullopt when it gives no
  // row or NULL.
  virtual Result<std::optional<std::string>> QueryText(const std::string& sql) = 0;

  virtual Result<bool> TableExists(const std::string& table) = 0;

  // content_sha256 of each stored document among `sha256s`.
  virtual Result<std::map<std::string, std::string>> StoredVersions(const std::vector<std::string>& sha256s) = 0;

  // Deletes every row of these documents and writes their new rows, all in
  // one transaction: on failure nothing of the batch is written.
  virtual Status Replace(const std::vector<const DocumentRows*>& documents) = 0;

  // Writing a batch as its documents come, for a backend that can: the
  // writes then overlap with the reading and preparing of the batch's later
  // documents instead of all following them. StageDocument opens the
  // batch's transaction when none is open and writes one document into it,
  // unless it is stored with the same content; it says whether it wrote, and
  // sets `document.stored`. CommitStaged commits the transaction. When
  // either fails, the transaction is rolled back and the caller writes the
  // batch again with StoredVersions and Replace. By default nothing stages.
  virtual bool CanStage() const { return false; }
  virtual Result<bool> StageDocument(DocumentRows& document);
  virtual Status CommitStaged() { return Status::Ok(); }
  // Rolls back a staged transaction, if one is open.
  virtual void AbandonStaged() {}

  using Fields = std::vector<std::optional<std::string>>;

  // Calls `row` for each row of `sql` (NULL fields are nullopt), after
  // `names` (when given) with the column names.
  virtual Status ForEachRow(const std::string& sql, const std::function<void(const Fields&)>& row,
                            const std::function<void(const Fields&)>& names = nullptr) = 0;
};

inline Result<bool> Backend::StageDocument(DocumentRows&) {
  return Status::Error(std::string(engine()) + ": writes whole batches only");
}

Result<std::unique_ptr<Backend>> OpenSqlite(const std::string& path);
Result<std::unique_ptr<Backend>> OpenPostgres(const std::string& uri);

}  // namespace jixiao::warehouse
