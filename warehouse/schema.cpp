// Creating, checking and migrating the warehouse schema.

#include "warehouse/schema.h"

#include <array>
#include <regex>

namespace jixiao::warehouse {

namespace {

// A step from one layout to the next. Version 1 is the first layout; a step
// is added here with each change to schema/warehouse.sql.
struct Migration {
  int from;
  const char* sql;
};
constexpr std::array<Migration, 0> kMigrations{};

Status Refuse(const std::string& target, const std::string& why) {
  return Status::Error(target + ": " + why + "; nothing was written");
}

}  // namespace

std::string SchemaScript(const Backend& backend) {
  std::string sql(WarehouseSchemaSql());
  if (std::string(backend.engine()) == "sqlite") {
    // SQLite keeps JSON and timestamps as text.
    sql = std::regex_replace(sql, std::regex("\\bJSONB\\b"), "TEXT");
    sql = std::regex_replace(sql, std::regex("\\bTIMESTAMPTZ\\b"), "TEXT");
    // The tables keyed by (document_sha256, ...) keep their rows in the
    // primary key's b-tree: one insert per row instead of two (row and
    // key index). The document table, whose rows hold the whole JSON,
    // keeps its rowid.
    sql = std::regex_replace(sql, std::regex("(PRIMARY KEY \\(document_sha256, [^)]*\\)\\s*\\))"),
                             "$1 WITHOUT ROWID");
  }
  return sql;
}

Status PrepareSchema(Backend& backend, const std::string& target) {
  Result<bool> has_meta = backend.TableExists("warehouse_meta");
  if (!has_meta.ok()) return has_meta.status();
  if (!has_meta.value()) {
    Result<bool> has_document = backend.TableExists("document");
    if (!has_document.ok()) return has_document.status();
    if (has_document.value())
      return Refuse(target, "holds a table \"document\" that jixiao did not create (no warehouse_meta)");
    return backend.ExecuteScript(SchemaScript(backend));
  }
  Result<std::optional<std::string>> stored =
      backend.QueryText("SELECT value FROM warehouse_meta WHERE key = 'schema_version'");
  if (!stored.ok()) return stored.status();
  const std::string text = stored.value().value_or("");
  int version = 0;
  try {
    version = std::stoi(text);
  } catch (const std::exception&) {
    return Refuse(target, "warehouse_meta has no readable schema_version (\"" + text + "\")");
  }
  if (version > kSchemaVersion)
    return Refuse(target, "holds warehouse schema " + text + " from a newer jixiao; this one writes schema " +
                              std::to_string(kSchemaVersion));
  while (version < kSchemaVersion) {
    const Migration* step = nullptr;
    for (const Migration& m : kMigrations)
      if (m.from == version) step = &m;
    if (!step)
      return Refuse(target, "holds warehouse schema " + std::to_string(version) +
                                ", which this jixiao cannot migrate to schema " + std::to_string(kSchemaVersion));
    std::string sql = std::string(step->sql) + "\nUPDATE warehouse_meta SET value = '" +
                      std::to_string(version + 1) + "' WHERE key = 'schema_version';";
    if (Status s = backend.ExecuteScript(sql); !s.ok()) return s;
    ++version;
  }
  return Status::Ok();
}

}  // namespace jixiao::warehouse
