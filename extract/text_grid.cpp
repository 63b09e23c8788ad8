#include "extract/text_grid.h"

#include <algorithm>

#include "extract/text_chars.h"
#include "extract/text_html.h"

namespace jixiao::text {
namespace {

// A table row wider than this is split text, not a form; extra fields are
// folded into the last column so the grid stays bounded.
constexpr size_t kMaxColumns = 200;

std::vector<std::string> SplitFields(std::string_view line, char sep) {
  std::vector<std::string> fields;
  size_t begin = 0;
  while (true) {
    size_t end = line.find(sep, begin);
    if (end == std::string_view::npos || fields.size() + 1 >= kMaxColumns) end = line.size();
    fields.push_back(CleanInline(line.substr(begin, end - begin)));
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

Table GridFromRows(const std::vector<std::vector<std::string>>& rows, bool spans) {
  Table table;
  table.rows = static_cast<int>(rows.size());
  for (const auto& row : rows) {
    int last = -1;
    for (size_t c = 0; c < row.size(); ++c)
      if (!row[c].empty()) last = static_cast<int>(c);
    table.cols = std::max(table.cols, last + 1);
  }
  // owner[c] = index into table.cells of the cell covering (previous row, c).
  std::vector<int> owner(static_cast<size_t>(table.cols), -1);
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    std::vector<int> next_owner(static_cast<size_t>(table.cols), -1);
    size_t first_filled = row.size();
    for (size_t c = 0; c < row.size(); ++c) {
      if (!row[c].empty()) {
        first_filled = c;
        break;
      }
    }
    if (spans && first_filled < row.size()) {
      for (size_t c = 0; c < first_filled && c < owner.size(); ++c) {
        const int above = owner[c];
        if (above < 0) break;
        Cell& cell = table.cells[static_cast<size_t>(above)];
        if (cell.row + cell.row_span != static_cast<int>(r)) break;
        ++cell.row_span;
        next_owner[c] = above;
      }
    }
    for (size_t c = 0; c < row.size() && c < static_cast<size_t>(table.cols); ++c) {
      if (row[c].empty()) continue;
      Cell cell;
      cell.row = static_cast<int>(r);
      cell.col = static_cast<int>(c);
      cell.text = row[c];
      table.cells.push_back(std::move(cell));
      next_owner[c] = static_cast<int>(table.cells.size()) - 1;
    }
    owner.swap(next_owner);
  }
  std::sort(table.cells.begin(), table.cells.end(), [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  return table;
}

}  // namespace

DelimitedTable TableFromTabLines(const std::vector<std::string_view>& lines) {
  std::vector<std::vector<std::string>> rows;
  for (std::string_view line : lines)
    if (!IsBlank(line)) rows.push_back(SplitFields(line, '\t'));

  DelimitedTable result;
  size_t skip = 0;
  while (skip + 1 < rows.size()) {
    const auto& row = rows[skip];
    int filled = 0;
    const std::string* text = nullptr;
    for (const std::string& f : row) {
      if (!f.empty()) {
        ++filled;
        text = &f;
      }
    }
    if (filled == 0) {
      ++skip;
      continue;
    }
    if (filled != 1 || !LooksLikeTitle(*text)) break;
    result.titles.push_back(*text);
    ++skip;
  }
  rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(skip));
  result.table = GridFromRows(rows, /*spans=*/true);
  return result;
}

bool IsPipeRow(std::string_view line) {
  const std::string_view t = TrimSpaces(line);
  return t.size() >= 3 && t.front() == '|' && t.find('|', 1) != std::string_view::npos;
}

Table TableFromPipeLines(const std::vector<std::string_view>& lines) {
  std::vector<std::vector<std::string>> rows;
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
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
        field += '|';
        ++i;
      } else if (t[i] == '|' && raw.size() + 1 < kMaxColumns) {
        raw.push_back(field);
        field.clear();
      } else {
        field += t[i];
      }
    }
    raw.push_back(field);
    std::vector<std::string> row;
    for (const std::string& f : raw) {
      // "<br>" is how Markdown writers put line breaks into a cell.
      row.push_back(CleanInline(f));
    }
    rows.push_back(std::move(row));
  }
  return GridFromRows(rows, /*spans=*/false);
}

}  // namespace jixiao::text
