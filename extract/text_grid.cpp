#include "extract/text_grid.h"

#include <algorithm>

#include "extract/text_chars.h"
#include "extract/text_html.h"

namespace jixiao::text {
namespace {

// A table row wider than this is split text, not a form; extra fields are
// folded into the last column so the grid stays bounded.
constexpr size_t kMaxColumns = 200;

// Non-empty fields of a row with their column; empty fields take no memory,
// so a line of many tabs stays cheap.
struct Field {
  int col = 0;
  std::string text;
  std::string_view printed;  // the field in the input, for its position
};
using Row = std::vector<Field>;

Row SplitFields(std::string_view line, char sep) {
  Row fields;
  size_t begin = 0;
  int col = 0;
  while (true) {
    size_t end = line.find(sep, begin);
    if (end == std::string_view::npos || static_cast<size_t>(col) + 1 >= kMaxColumns)
      end = line.size();
    const std::string_view printed = line.substr(begin, end - begin);
    std::string text = CleanInline(printed);
    if (!text.empty()) fields.push_back({col, std::move(text), printed});
    ++col;
    if (end >= line.size()) break;
    begin = end + 1;
  }
  return fields;
}

bool IsBlank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// A title printed above a form: "项目支出绩效自评表", "（2021 年度）", "附件 1".
bool LooksLikeTitle(std::string_view text) {
  if (text.empty() || CharCount(text) > 40 || text.find('\n') != std::string_view::npos)
    return false;
  if (EndsWith(text, "表") || StartsWith(text, "附件")) return true;
  const char32_t first = FirstChar(text);
  const char32_t last = LastChar(text);
  const bool parenthesized = (first == '(' || first == 0xFF08) && (last == ')' || last == 0xFF09);
  return parenthesized && text.find("年") != std::string_view::npos;
}

Table GridFromRows(const std::vector<Row>& rows, bool spans, const SourceMap* source) {
  Table table;
  table.rows = static_cast<int>(rows.size());
  for (const Row& row : rows)
    if (!row.empty()) table.cols = std::max(table.cols, row.back().col + 1);
  // owner[c] = index into table.cells of the cell covering (previous row, c).
  std::vector<int> owner(static_cast<size_t>(table.cols), -1);
  std::vector<int> next_owner(static_cast<size_t>(table.cols), -1);
  for (size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    std::fill(next_owner.begin(), next_owner.end(), -1);
    if (spans && !row.empty()) {
      const int first_filled = row.front().col;
      for (int c = 0; c < first_filled; ++c) {
        const int above = owner[static_cast<size_t>(c)];
        if (above < 0) break;
        Cell& cell = table.cells[static_cast<size_t>(above)];
        if (cell.row + cell.row_span != static_cast<int>(r)) break;
        ++cell.row_span;
        next_owner[static_cast<size_t>(c)] = above;
      }
    }
    for (const Field& field : row) {
      Cell cell;
      cell.row = static_cast<int>(r);
      cell.col = field.col;
      cell.text = field.text;
      if (source != nullptr) {
        const SourcePosition where = source->LocateStart(field.printed);
        cell.line = where.line;
        cell.column = where.column;
      }
      table.cells.push_back(std::move(cell));
      next_owner[static_cast<size_t>(field.col)] = static_cast<int>(table.cells.size()) - 1;
    }
    owner.swap(next_owner);
  }
  // Cells were appended row by row, columns ascending: already sorted.
  return table;
}

}  // namespace

DelimitedTable TableFromTabLines(const std::vector<std::string_view>& lines, const SourceMap* source) {
  std::vector<Row> rows;
  for (std::string_view line : lines)
    if (!IsBlank(line)) rows.push_back(SplitFields(line, '\t'));

  DelimitedTable result;
  size_t skip = 0;
  while (skip + 1 < rows.size()) {
    const Row& row = rows[skip];
    if (row.empty()) {
      ++skip;
      continue;
    }
    if (row.size() != 1 || !LooksLikeTitle(row[0].text)) break;
    result.titles.push_back(
        {row[0].text, source != nullptr ? source->LocateStart(row[0].printed) : SourcePosition{}});
    ++skip;
  }
  rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(skip));
  result.table = GridFromRows(rows, /*spans=*/true, source);
  return result;
}

bool IsPipeRow(std::string_view line) {
  const std::string_view t = TrimSpaces(line);
  return t.size() >= 3 && t.front() == '|' && t.find('|', 1) != std::string_view::npos;
}

Table TableFromPipeLines(const std::vector<std::string_view>& lines, const SourceMap* source) {
  std::vector<Row> rows;
  for (std::string_view line : lines) {
    std::string_view t = TrimSpaces(line);
    if (t.empty()) continue;
    if (t.front() == '|') t.remove_prefix(1);
    if (!t.empty() && t.back() == '|') t.remove_suffix(1);
    // The header separator row holds only dashes, colons and spaces.
    bool separator = t.find('-') != std::string_view::npos;
    for (char c : t)
      if (c != '-' && c != ':' && c != '|' && c != ' ') separator = false;
    if (separator) continue;
    // Split on unescaped pipes.
    std::string field;
    std::vector<std::string> raw;
    std::vector<std::string_view> printed;
    size_t field_start = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
        field += '|';
        ++i;
      } else if (t[i] == '|' && raw.size() + 1 < kMaxColumns) {
        raw.push_back(field);
        printed.push_back(t.substr(field_start, i - field_start));
        field.clear();
        field_start = i + 1;
      } else {
        field += t[i];
      }
    }
    raw.push_back(field);
    printed.push_back(t.substr(std::min(field_start, t.size())));
    Row row;
    for (size_t c = 0; c < raw.size(); ++c) {
      // "<br>" is how Markdown writers put line breaks into a cell.
      std::string text = CleanInline(raw[c]);
      if (!text.empty()) row.push_back({static_cast<int>(c), std::move(text), printed[c]});
    }
    rows.push_back(std::move(row));
  }
  return GridFromRows(rows, /*spans=*/false, source);
}

}  // namespace jixiao::text
