#include "form/table_view.h"

#include <algorithm>
#include <cmath>

#include "form/form_text.h"

namespace jixiao::form {

namespace {

// Grids larger than this are not indexed position by position (a producer
// bug or hostile input); their cells are still read.
constexpr long long kMaxPositions = 1'000'000;

}  // namespace

TableView::TableView(const Table& table, int page) {
  int max_row = 0, max_col = 0;
  for (const Cell& c : table.cells) {
    if (c.row < 0 || c.col < 0) continue;
    ViewCell v;
    v.row = c.row;
    v.col = c.col;
    v.row_span = std::max(1, c.row_span);
    v.col_span = std::max(1, c.col_span);
    v.text = Trim(JoinLines(c.text));
    v.folded = Fold(v.text);
    v.where.page = c.page != 0 ? c.page : page;
    v.where.bbox = c.bbox;
    v.where.ref = c.ref;
    v.where.line = c.line;
    v.where.column = c.column;
    v.confidence = c.confidence;
    max_row = std::max(max_row, v.row + v.row_span);
    max_col = std::max(max_col, v.col + v.col_span);
    cells_.push_back(std::move(v));
  }
  rows_ = std::max(table.rows, max_row);
  cols_ = std::max(table.cols, max_col);
  if (static_cast<long long>(rows_) * cols_ > kMaxPositions) {
    rows_ = std::min(rows_, 2000);
    cols_ = std::min(cols_, 200);
  }
  std::stable_sort(cells_.begin(), cells_.end(),
                   [](const ViewCell& a, const ViewCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  index_.assign(static_cast<std::size_t>(rows_) * cols_, -1);
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    const ViewCell& c = cells_[i];
    for (int r = c.row; r <= c.last_row() && r < rows_; ++r)
      for (int k = c.col; k <= c.last_col() && k < cols_; ++k) {
        int& slot = index_[static_cast<std::size_t>(r) * cols_ + k];
        if (slot < 0) slot = static_cast<int>(i);  // overlapping spans: first anchor wins
      }
  }
}

const ViewCell* TableView::At(int row, int col) const {
  if (row < 0 || col < 0 || row >= rows_ || col >= cols_) return nullptr;
  int i = index_[static_cast<std::size_t>(row) * cols_ + col];
  return i < 0 ? nullptr : &cells_[static_cast<std::size_t>(i)];
}

std::vector<const ViewCell*> TableView::RowCells(int row) const {
  std::vector<const ViewCell*> out;
  for (int c = 0; c < cols_; ++c) {
    const ViewCell* v = At(row, c);
    if (v != nullptr && (out.empty() || out.back() != v)) out.push_back(v);
  }
  return out;
}

std::vector<int> TableView::Pages() const {
  std::vector<int> pages;
  for (const ViewCell& c : cells_)
    if (c.where.page > 0) pages.push_back(c.where.page);
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  return pages;
}

Table JoinTableBlocks(const Block& first, const std::vector<const Block*>& more) {
  Table joined = first.table;
  for (Cell& c : joined.cells)
    if (c.page == 0) c.page = first.page;
  // Column boundaries of the first block, from its single-column cells.
  std::vector<double> left(static_cast<std::size_t>(std::max(0, joined.cols)), NAN);
  std::vector<double> right(left.size(), NAN);
  for (const Cell& c : joined.cells) {
    if (!c.bbox || c.col < 0 || c.col >= joined.cols) continue;
    std::size_t a = static_cast<std::size_t>(c.col);
    std::size_t b = static_cast<std::size_t>(std::min(joined.cols - 1, c.col + std::max(1, c.col_span) - 1));
    if (std::isnan(left[a]) || c.bbox->x0 < left[a]) left[a] = c.bbox->x0;
    if (std::isnan(right[b]) || c.bbox->x1 > right[b]) right[b] = c.bbox->x1;
  }
  auto column_at = [&](double x) {
    int best = -1;
    double best_d = 1e18;
    for (std::size_t k = 0; k < left.size(); ++k) {
      if (std::isnan(left[k]) || std::isnan(right[k])) continue;
      double d = x < left[k] ? left[k] - x : (x > right[k] ? x - right[k] : 0);
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(k);
      }
    }
    return best;
  };
  for (const Block* block : more) {
    if (block == nullptr || block->kind != Block::Kind::kTable) continue;
    const Table& t = block->table;
    bool same_grid = t.cols == joined.cols;
    int offset = joined.rows;
    int added_rows = 0;
    for (const Cell& c : t.cells) {
      Cell copy = c;
      if (copy.page == 0) copy.page = block->page;
      copy.row += offset;
      if (!same_grid && copy.bbox) {
        int col0 = column_at(copy.bbox->x0 + 1);
        int col1 = column_at(copy.bbox->x1 - 1);
        if (col0 >= 0) {
          copy.col = col0;
          copy.col_span = std::max(1, col1 - col0 + 1);
        }
      }
      copy.col = std::clamp(copy.col, 0, std::max(0, joined.cols - 1));
      if (copy.col + copy.col_span > joined.cols) copy.col_span = std::max(1, joined.cols - copy.col);
      added_rows = std::max(added_rows, c.row + std::max(1, c.row_span));
      joined.cells.push_back(std::move(copy));
    }
    joined.rows += std::max(added_rows, t.rows);
  }
  return joined;
}

}  // namespace jixiao::form
