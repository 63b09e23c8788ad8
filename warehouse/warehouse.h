// warehouse: jixiao documents as relational tables in SQLite or PostgreSQL.
//
// A Warehouse is an open database holding the schema of
// schema/warehouse.sql (created, migrated or refused on Open). Documents are
// added one by one and written in batches; each batch is one transaction, so
// a document is always either wholly its previous version or wholly its new
// one, whatever interrupts the load. A document is keyed by the sha256 of its
// input file: adding it again replaces its rows, and adding it unchanged
// (same JSON) writes nothing. A document that is not valid is refused by
// name and nothing of it is written; the others are still loaded.
//
// TARGET is a `postgresql://` (or `postgres://`) URI, or else the path of
// an SQLite database file (created when missing).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/status.h"

namespace jixiao {

namespace warehouse {
class Backend;
struct DocumentRows;
}  // namespace warehouse

bool IsPostgresTarget(const std::string& target);

struct LoadCounts {
  int loaded = 0;      // written: new, or changed since the last load
  int unchanged = 0;   // already stored with the same content
  int refused = 0;     // not a valid document, or its rows were refused
};

// One document checked and turned into rows, ready for Warehouse::Add, or
// the one line saying why it is refused. Making one touches no database, so
// documents can be prepared on another thread while a batch is written.
class PreparedDocument {
 public:
  // `json_text` on one line (JSON Lines) is stored as it is; otherwise the
  // document is stored compact. `name` names it in messages; `processed_at`
  // (ISO 8601 UTC, may be "") is when it was produced unless the JSON says.
  static PreparedDocument FromText(const std::string& json_text, const std::string& name,
                                   const std::string& processed_at);
  static PreparedDocument FromJson(const nlohmann::json& document, const std::string& name,
                                   const std::string& processed_at);
  static PreparedDocument Refused(std::string message);

  // Refused because the text is not JSON at all.
  bool not_json() const { return not_json_; }

 private:
  friend class Warehouse;
  static PreparedDocument FromParsed(const nlohmann::json& document, std::string text, const std::string& name,
                                     const std::string& processed_at);
  std::shared_ptr<warehouse::DocumentRows> rows_;
  std::string refused_;
  bool not_json_ = false;
};

class Warehouse {
 public:
  // Called with one line naming each refused document and why.
  using RefusedFn = std::function<void(const std::string& message)>;

  // Connects to (or creates) TARGET and checks its schema; the error is one
  // line naming the target. Up to `batch_documents` documents go in a
  // transaction, fewer when their JSON passes kBatchBytes or, on a backend
  // that writes them into the open transaction as they come, once it has
  // been open kMaxBatchOpen.
  static Result<std::unique_ptr<Warehouse>> Open(const std::string& target, RefusedFn refused,
                                                 int batch_documents = kDefaultBatchDocuments);
  // Each commit waits for the disk (SQLite syncs the journal and the
  // file), so large batches load faster; the byte bound keeps a batch of
  // large documents from filling memory.
  static constexpr int kDefaultBatchDocuments = 1000;
  static constexpr size_t kBatchBytes = 16u << 20;
  // An open transaction keeps other writers of the database waiting: a
  // slow source (documents piped in as they are made) must not hold it
  // open for a thousand of them.
  static constexpr std::chrono::milliseconds kMaxBatchOpen{2000};
  ~Warehouse();
  Warehouse(const Warehouse&) = delete;
  Warehouse& operator=(const Warehouse&) = delete;

  // Queues one document (a refused one is reported and counted). A non-ok
  // Status means the database failed as a whole (e.g. the connection was
  // lost): stop loading.
  Status Add(PreparedDocument document);

  // Writes the queued documents. Documents still queued when a Warehouse
  // is destroyed are not written.
  Status Flush();

  // Counts a source refused before it reached Add (e.g. a file that cannot
  // be read) and reports it.
  void Refuse(const std::string& message);

  const LoadCounts& counts() const { return counts_; }

  // Writes each table and view as DIR/<name>.csv (UTF-8 with a byte order
  // mark, so spreadsheets read Chinese text correctly). The document table
  // leaves out the JSON body.
  Status ExportCsv(const std::string& dir);

 private:
  Warehouse(std::unique_ptr<warehouse::Backend> backend, std::string target, RefusedFn refused, int batch);
  void Stage(warehouse::DocumentRows& document);
  Status Write(const std::vector<warehouse::DocumentRows*>& documents);

  std::unique_ptr<warehouse::Backend> backend_;
  std::string target_;
  RefusedFn refused_;
  size_t batch_;
  std::vector<warehouse::DocumentRows> pending_;
  size_t pending_bytes_ = 0;                   // of the pending documents' JSON
  std::unordered_set<std::string> pending_sha256s_;
  // The pending batch as written so far into its open transaction, by a
  // backend that stages documents (Backend::StageDocument).
  struct Staging {
    bool ok = false;                           // every pending document staged
    int written = 0, unchanged = 0;
    std::chrono::steady_clock::time_point opened;  // when the first was staged
  };
  Staging staging_;
  LoadCounts counts_;
};

// Loads SOURCES: document JSON files, folders (their *.json files, walked
// recursively, in name order), JSON Lines files (one document a line) or "-"
// for JSON Lines on stdin. Unreadable sources are refused like documents.
// Returns non-ok only when the database failed as a whole.
Status LoadSources(Warehouse& warehouse, const std::vector<std::string>& sources);

// The current time as ISO 8601 UTC ("2026-12-06T20:18:30Z").
std::string UtcNow();

}  // namespace jixiao
