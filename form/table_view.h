// A table block prepared for reading by label: every cell's lines joined
// and folded once, a position index over the grid (merged cells cover all
// their positions), and each cell's page and bbox as a Location.
//
// JoinTableBlocks() appends the rows of a continuation block (the part of a
// table printed on the next page, e.g. only its 总分 row) under the first
// block, mapping columns by x position when both have boxes.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"
#include "model/layout.h"

namespace jixiao::form {

struct ViewCell {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::string text;       // lines joined (JoinLines), trimmed
  std::string folded;     // Fold(text)
  Location where;
  double confidence = 1.0;

  int last_row() const { return row + row_span - 1; }
  int last_col() const { return col + col_span - 1; }
  bool empty() const { return folded.empty(); }
};

class TableView {
 public:
  // `page` is the block's page (cells with page 0 stand on it).
  TableView(const Table& table, int page);

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  const std::vector<ViewCell>& cells() const { return cells_; }

  // The cell covering (row, col), or nullptr.
  const ViewCell* At(int row, int col) const;
  // Distinct cells covering `row`, left to right.
  std::vector<const ViewCell*> RowCells(int row) const;
  // Pages the cells stand on (sorted, unique, without 0).
  std::vector<int> Pages() const;

 private:
  int rows_ = 0;
  int cols_ = 0;
  std::vector<ViewCell> cells_;
  std::vector<int> index_;  // rows_ * cols_, cell index or -1
};

// The rows of `more` appended under `first` (cells keep their own page).
Table JoinTableBlocks(const Block& first, const std::vector<const Block*>& more);

}  // namespace jixiao::form
