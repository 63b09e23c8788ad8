// The warehouse tables as the loader sees them: each table's name, the
// column that ties its rows to a document, and its columns in the order rows
// carry them. schema/warehouse.sql declares the same columns; a test keeps
// the two in step. Internal to warehouse/.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/document.h"
#include "model/status.h"

namespace jixiao::warehouse {

// NULL, an integer, a floating-point number or text.
using Field = std::variant<std::monostate, long long, double, std::string>;
using Row = std::vector<Field>;

// Field makers both row readers share: empty text, an absent number and a
// page not known (0) are NULL.
inline Field Text(std::string_view s) { return s.empty() ? Field() : Field(std::string(s)); }
inline Field Text(const std::string& s) { return Text(std::string_view(s)); }
inline Field Text(const std::optional<std::string>& s) { return s ? Text(*s) : Field(); }
inline Field Text(const std::optional<std::string_view>& s) { return s ? Text(*s) : Field(); }
inline Field Number(const std::optional<double>& d) { return d ? Field(*d) : Field(); }
inline Field Integer(long long i) { return Field(i); }
inline Field Page(int page) { return page > 0 ? Field(static_cast<long long>(page)) : Field(); }

// x0, y0, x1, y1 of a box, or four NULLs.
inline void AppendBBox(Row& row, const std::optional<BBox>& b) {
  if (!b) {
    row.resize(row.size() + 4);
    return;
  }
  for (double x : {b->x0, b->y0, b->x1, b->y1}) row.emplace_back(x);
}

struct TableSpec {
  const char* name;
  const char* document_key;              // column holding the document's sha256
  std::vector<const char*> columns;
  std::vector<const char*> order_by;     // primary key, for stable exports
};

enum TableId { kDocument = 0, kReport, kBudgetLine, kIndicator, kFlag, kTableCount };

// Indexed by TableId; the document table comes first (children refer to it).
const std::array<TableSpec, kTableCount>& Tables();

// Everything one document writes, table by table.
struct DocumentRows {
  std::string name;                      // file (and line) it came from, for messages
  std::string sha256;                    // source.sha256: the key
  std::string content_sha256;            // of the JSON as loaded
  size_t json_bytes = 0;                 // size of the JSON as loaded
  bool stored = true;                    // a version may be stored (rows to delete first)
  std::array<std::vector<Row>, kTableCount> tables;
};

// What a document row records beyond the JSON itself.
struct DocumentInfo {
  std::string name;
  std::string json_text;                 // the whole document, compact
  std::string content_sha256;
  std::string processed_at;              // ISO 8601 UTC, "" = unknown
  std::string loaded_at;                 // ISO 8601 UTC
};

// The rows of `document` (read from `json` by emit/). The document must have
// passed CheckDocumentJson.
DocumentRows BuildRows(const nlohmann::json& json, const Document& document, const DocumentInfo& info);

// The rows of a parsed document checked and read with emit/
// (DocumentFromJson), or why it is not a document (warehouse.cpp).
Result<DocumentRows> RowsFromJson(const nlohmann::json& json, const DocumentInfo& info);

// The same rows read straight from the document's JSON text (text_rows.cpp),
// or nullopt when that reader cannot vouch for the document: text it does
// not parse, or a member it is not sure emit/'s reader would accept. Then
// the document is read with emit/ (DocumentFromJson) and BuildRows, which
// refuse it or read it after all. `info.json_text` is the stored body; the
// document row takes it over.
std::optional<DocumentRows> RowsFromText(std::string_view json_text, DocumentInfo info);

// pdf, image, text, ... from a source file's extension.
std::string InputKindOfPath(const std::string& path);

// The leading place name of a department or unit name ("东川区医疗保障局" ->
// "东川区"), or "" when it starts with none.
std::string CountyOf(const std::string& organization);

}  // namespace jixiao::warehouse
