// Test helpers: layout blocks written compactly by hand.
//
// Grid() takes rows of cell texts; "^" marks a position covered by the
// cell above (a row span), "<" one covered by the cell on its left (a
// column span), "" an empty position. Used by the form tests only.
#pragma once

#include <string>
#include <vector>

#include "model/layout.h"

namespace jixiao::form::testing {

inline Block Paragraph(std::string text, int page = 1) {
  Block b;
  b.kind = Block::Kind::kParagraph;
  b.page = page;
  b.text = std::move(text);
  return b;
}

inline Block Grid(const std::vector<std::vector<std::string>>& rows, int page = 1) {
  Block b;
  b.kind = Block::Kind::kTable;
  b.page = page;
  Table& t = b.table;
  t.rows = static_cast<int>(rows.size());
  for (const auto& row : rows) t.cols = std::max(t.cols, static_cast<int>(row.size()));
  // Anchor index per position, to extend spans.
  std::vector<std::vector<int>> owner(rows.size(), std::vector<int>(static_cast<std::size_t>(t.cols), -1));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& text = rows[r][c];
      if (text == "^" && r > 0 && owner[r - 1][c] >= 0) {
        int i = owner[r - 1][c];
        Cell& cell = t.cells[static_cast<std::size_t>(i)];
        if (cell.row + cell.row_span == static_cast<int>(r)) cell.row_span++;
        owner[r][c] = i;
        continue;
      }
      if (text == "<" && c > 0 && owner[r][c - 1] >= 0) {
        int i = owner[r][c - 1];
        Cell& cell = t.cells[static_cast<std::size_t>(i)];
        if (cell.col + cell.col_span == static_cast<int>(c)) cell.col_span++;
        owner[r][c] = i;
        continue;
      }
      if (text.empty()) continue;
      Cell cell;
      cell.row = static_cast<int>(r);
      cell.col = static_cast<int>(c);
      cell.text = text;
      t.cells.push_back(cell);
      owner[r][c] = static_cast<int>(t.cells.size()) - 1;
    }
  }
  return b;
}

// A table the producer could not grid: one cell per line, column 0; ""
// is a blank line between cells (an empty row).
inline Block Linear(const std::vector<std::string>& lines, int page = 1) {
  Block b;
  b.kind = Block::Kind::kTable;
  b.page = page;
  b.table.linear = true;
  b.table.cols = 1;
  for (const std::string& line : lines) {
    if (line.empty()) {
      b.table.rows++;
      continue;
    }
    Cell c;
    c.row = b.table.rows++;
    c.col = 0;
    c.text = line;
    b.table.cells.push_back(c);
  }
  return b;
}

}  // namespace jixiao::form::testing
