// One worksheet as the cells that show text, and how its rows become
// paragraphs and tables (xlsx_reader.cpp reads the XML into a Sheet).
//
// Rows without text are never stored. A row holding one text alone (no
// other cell, merged range or cell element outside the text's own range,
// not part of a vertical merge) is a paragraph; each run of other rows
// with text, adjacent or bridged by a vertical merge, is one table. In a
// table, rows without text are dropped and columns no cell edge separates
// are joined, so the grid is only as large as the text in it; positions no
// cell covers become empty cells (as the ruled cells of a printed form do),
// unless the grid is too large for that to be useful.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/layout.h"

namespace jixiao::office {

struct CellRange {
  int row0 = 0, col0 = 0, row1 = 0, col1 = 0;  // 0-based, inclusive
};

struct SheetRow {
  std::vector<std::pair<int, std::string>> texts;  // (column, text), ascending
  std::vector<int> other_cells;                    // columns of cell elements without text
};

struct Sheet {
  std::string name;
  std::map<int, SheetRow> rows;      // only rows with text
  std::vector<CellRange> merges;
};

// "B7" from 0-based (row 6, col 1); "'My sheet'!B7" with the sheet name.
std::string CellName(int row, int col);
std::string SheetRef(const std::string& sheet, const CellRange& range);

// "AB12" -> row 11, col 27; false for anything else or beyond XFD1048576.
bool ParseCellName(std::string_view name, int& row, int& col);
// "A1:B2" (or a single cell) -> range.
bool ParseRange(std::string_view text, CellRange& range);

// The paragraphs and tables of a sheet, top to bottom.
std::vector<Block> SheetBlocks(const Sheet& sheet);

}  // namespace jixiao::office
