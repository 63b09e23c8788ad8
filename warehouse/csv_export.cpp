// Warehouse::ExportCsv: each table and view as a CSV file for spreadsheets.

#include <cstdio>
#include <filesystem>

#include "warehouse/backend.h"
#include "warehouse/warehouse.h"

namespace jixiao {

namespace {

// RFC 4180: quoted when it holds a separator, a quote or a line break.
void AppendCsvField(std::string& out, const std::optional<std::string>& field) {
  if (!field) return;
  const std::string& s = *field;
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  out += '"';
}

void AppendCsvLine(std::string& out, const warehouse::Backend::Fields& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    AppendCsvField(out, fields[i]);
  }
  out += "\r\n";
}

struct Export {
  std::string name;
  std::vector<std::string> columns;  // empty: every column
  std::string order_by;
};

std::vector<Export> Exports() {
  std::vector<Export> exports;
  for (const warehouse::TableSpec& t : warehouse::Tables()) {
    Export e{t.name, {}, ""};
    for (const char* c : t.columns)
      if (std::string(c) != "body") e.columns.push_back(c);
    for (const char* c : t.order_by) e.order_by += (e.order_by.empty() ? "" : ", ") + std::string(c);
    exports.push_back(e);
  }
  exports.push_back({"report_total_mismatch", {}, "document_sha256, report_index"});
  exports.push_back({"error_flags_by_code", {}, "code"});
  exports.push_back({"error_flags_by_county_year", {}, "county, fiscal_year, code"});
  exports.push_back({"budget_by_department", {}, "department, fiscal_year"});
  return exports;
}

// Writes one query's rows to `path` through a temporary file renamed over
// it, so that a failed export leaves no half file.
Status WriteCsv(warehouse::Backend& backend, const Export& e, const std::filesystem::path& path) {
  std::string columns;
  for (const std::string& c : e.columns) columns += (columns.empty() ? "" : ", ") + c;
  const std::string sql =
      "SELECT " + (columns.empty() ? std::string("*") : columns) + " FROM " + e.name + " ORDER BY " + e.order_by;
  const std::string temporary = path.string() + ".tmp";
  std::FILE* out = std::fopen(temporary.c_str(), "wb");
  if (!out) return Status::Error(path.string() + ": cannot write");
  std::string buffer = "\xEF\xBB\xBF";  // UTF-8 byte order mark
  bool written = true;
  auto row = [&](const warehouse::Backend::Fields& fields) {
    AppendCsvLine(buffer, fields);
    if (buffer.size() > (1 << 20)) {
      written = written && std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
      buffer.clear();
    }
  };
  Status s = backend.ForEachRow(sql, row, row);
  written = written && std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
  written = std::fclose(out) == 0 && written;
  if (!s.ok() || !written) {
    std::remove(temporary.c_str());
    return s.ok() ? Status::Error(path.string() + ": cannot write") : s;
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  return ec ? Status::Error(path.string() + ": " + ec.message()) : Status::Ok();
}

}  // namespace

Status Warehouse::ExportCsv(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Error(dir + ": cannot create folder: " + ec.message());
  for (const Export& e : Exports())
    if (Status s = WriteCsv(*backend_, e, std::filesystem::path(dir) / (e.name + ".csv")); !s.ok()) return s;
  return Status::Ok();
}

}  // namespace jixiao
