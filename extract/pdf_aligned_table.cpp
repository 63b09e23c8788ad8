#include "extract/pdf_aligned_table.h"

#include <algorithm>

namespace jixiao::pdf_aligned {
namespace {

using pdf_lines::Line;

// Words of a line separated by a gap of at least this many character
// heights belong to different columns.
constexpr double kColumnGapEm = 1.6;
constexpr size_t kMinRows = 3;
constexpr int kMaxCols = 12;

struct Piece {
  std::vector<const Word*> words;
  double x0 = 0, x1 = 0;
};

std::vector<Piece> SplitLine(const Line& line, double em) {
  std::vector<Piece> pieces;
  for (const Word* w : line.words) {
    if (pieces.empty() || w->bbox.x0 - pieces.back().x1 >= kColumnGapEm * em) {
      pieces.push_back(Piece{{w}, w->bbox.x0, w->bbox.x1});
    } else {
      pieces.back().words.push_back(w);
      pieces.back().x1 = std::max(pieces.back().x1, w->bbox.x1);
    }
  }
  return pieces;
}

// Column bands: the union of all pieces' x extents, split where no piece of
// any line reaches.
std::vector<std::pair<double, double>> Bands(const std::vector<std::vector<Piece>>& rows, double em) {
  std::vector<std::pair<double, double>> spans;
  for (const auto& row : rows)
    for (const Piece& p : row) spans.emplace_back(p.x0, p.x1);
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<double, double>> bands;
  for (const auto& s : spans) {
    if (!bands.empty() && s.first < bands.back().second + 0.5 * em) {
      bands.back().second = std::max(bands.back().second, s.second);
    } else {
      bands.push_back(s);
    }
  }
  return bands;
}

int BandOf(const std::vector<std::pair<double, double>>& bands, double x0, double x1) {
  const double mid = (x0 + x1) / 2;
  for (size_t i = 0; i < bands.size(); ++i)
    if (mid >= bands[i].first - 0.01 && mid <= bands[i].second + 0.01) return static_cast<int>(i);
  return -1;
}

// Builds the table for lines [first, last]; false when they do not align.
bool BuildRun(const std::vector<Line>& lines, size_t first, size_t last, double em, LineRun* run) {
  std::vector<std::vector<Piece>> rows;
  for (size_t i = first; i <= last; ++i) rows.push_back(SplitLine(lines[i], std::max(em, lines[i].em)));
  const auto bands = Bands(rows, em);
  const int cols = static_cast<int>(bands.size());
  if (cols < 2 || cols > kMaxCols) return false;
  // Most rows must use at least two columns, and the columns must be used by
  // several rows (not one stray wide line).
  size_t multi = 0;
  std::vector<int> use(cols, 0);
  for (const auto& row : rows) {
    if (row.size() >= 2) ++multi;
    for (const Piece& p : row) {
      const int b = BandOf(bands, p.x0, p.x1);
      if (b >= 0) ++use[b];
    }
  }
  if (multi * 3 < rows.size() * 2) return false;
  for (int u : use)
    if (u < 2) return false;

  Table table;
  table.cols = cols;
  run->first = first;
  run->last = last;
  run->confidence = 1.0;
  bool have_box = false;
  int row_index = -1;
  for (size_t r = 0; r < rows.size(); ++r) {
    const Line& line = lines[first + r];
    // A single-piece line just under a row continues that row's cell.
    bool continues = false;
    if (rows[r].size() == 1 && row_index >= 0 && r > 0) {
      const double gap = line.box.y0 - lines[first + r - 1].box.y1;
      const int b = BandOf(bands, rows[r][0].x0, rows[r][0].x1);
      if (gap < 0.8 * em && b >= 0) {
        for (Cell& c : table.cells)
          if (c.row == row_index && c.col == b) {
            c.text += '\n';
            c.text += pdf_lines::JoinWords(rows[r][0].words, line.em);
            c.bbox = c.bbox->Union(BBox{rows[r][0].x0, line.box.y0, rows[r][0].x1, line.box.y1});
            c.confidence = std::min(c.confidence, line.confidence);
            continues = true;
          }
      }
    }
    if (!continues) {
      ++row_index;
      for (const Piece& p : rows[r]) {
        const int b = BandOf(bands, p.x0, p.x1);
        if (b < 0) continue;
        Cell* existing = nullptr;
        for (Cell& c : table.cells)
          if (c.row == row_index && c.col == b) existing = &c;
        const std::string text = pdf_lines::JoinWords(p.words, line.em);
        const BBox box{p.x0, line.box.y0, p.x1, line.box.y1};
        if (existing != nullptr) {
          existing->text += ' ';
          existing->text += text;
          existing->bbox = existing->bbox->Union(box);
          continue;
        }
        Cell c;
        c.row = row_index;
        c.col = b;
        c.text = text;
        c.bbox = box;
        c.confidence = line.confidence;
        table.cells.push_back(std::move(c));
      }
    }
    run->confidence = std::min(run->confidence, line.confidence);
    run->bbox = have_box ? run->bbox.Union(line.box) : line.box;
    have_box = true;
  }
  table.rows = row_index + 1;
  if (table.rows < static_cast<int>(kMinRows)) return false;
  std::sort(table.cells.begin(), table.cells.end(), [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  run->table = std::move(table);
  return true;
}

}  // namespace

std::vector<LineRun> FindAlignedTables(const std::vector<Line>& lines, double em) {
  std::vector<LineRun> runs;
  em = std::max(1.0, em);
  size_t i = 0;
  while (i < lines.size()) {
    if (SplitLine(lines[i], std::max(em, lines[i].em)).size() < 2) {
      ++i;
      continue;
    }
    // Extend over lines that are columnar, or single pieces that may be a
    // wrapped cell, while the vertical spacing stays table-like.
    size_t j = i;
    while (j + 1 < lines.size()) {
      const Line& next = lines[j + 1];
      const double gap = next.box.y0 - lines[j].box.y1;
      if (gap > 2.5 * em) break;
      const size_t pieces = SplitLine(next, std::max(em, next.em)).size();
      if (pieces >= 2) {
        ++j;
        continue;
      }
      // A single piece continues the run only when a columnar line follows.
      if (j + 2 < lines.size() && gap < 0.8 * em &&
          SplitLine(lines[j + 2], std::max(em, lines[j + 2].em)).size() >= 2 &&
          lines[j + 2].box.y0 - next.box.y1 < 2.5 * em) {
        ++j;
        continue;
      }
      break;
    }
    LineRun run;
    if (j - i + 1 >= kMinRows && BuildRun(lines, i, j, em, &run)) {
      runs.push_back(std::move(run));
      i = j + 1;
    } else {
      ++i;
    }
  }
  return runs;
}

}  // namespace jixiao::pdf_aligned
