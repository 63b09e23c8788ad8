// The warehouse schema in a database: creates it in an empty one, migrates
// an older layout this jixiao knows, and refuses anything else before a row
// is written. Internal to warehouse/.
#pragma once

#include <string>
#include <string_view>

#include "model/status.h"
#include "warehouse/backend.h"

namespace jixiao {
std::string_view WarehouseSchemaSql();  // schema/warehouse.sql, embedded at build time
}

namespace jixiao::warehouse {

// The layout this jixiao writes: warehouse_meta.schema_version.
constexpr int kSchemaVersion = 1;

// schema/warehouse.sql in the backend's dialect.
std::string SchemaScript(const Backend& backend);

// Leaves the database holding schema kSchemaVersion, or says why it cannot.
Status PrepareSchema(Backend& backend, const std::string& target);

}  // namespace jixiao::warehouse
