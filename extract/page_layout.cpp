// BuildPageBlocks: words -> grid cells, the rest -> lines -> paragraphs (or a
// table when the lines are clearly columnar), then blocks top to bottom.
#include "extract/page_layout.h"

#include <algorithm>
#include <cmath>

#include "extract/pdf_aligned_table.h"
#include "extract/pdf_lines.h"
#include "extract/pdf_utf8.h"

namespace jixiao {
namespace {

using pdf_lines::Line;

double CentreX(const BBox& b) { return (b.x0 + b.x1) / 2; }
double CentreY(const BBox& b) { return (b.y0 + b.y1) / 2; }

// Index of the interval [edges[i], edges[i+1]) holding v, clamped.
int Slot(const std::vector<double>& edges, double v) {
  auto it = std::upper_bound(edges.begin(), edges.end(), v);
  int i = static_cast<int>(it - edges.begin()) - 1;
  return std::clamp(i, 0, static_cast<int>(edges.size()) - 2);
}

// A grid with the words that fell into it.
struct GridWords {
  const TableGrid* grid = nullptr;
  std::vector<std::vector<const Word*>> cell_words;  // per grid cell
};

Block MakeTableBlock(int page, const GridWords& gw) {
  const TableGrid& grid = *gw.grid;
  Block block;
  block.kind = Block::Kind::kTable;
  block.page = page;
  block.bbox = grid.bbox;
  block.table.rows = grid.rows();
  block.table.cols = grid.cols();
  double table_conf = 1.0;
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const GridCell& gc = grid.cells[i];
    Cell cell;
    cell.row = gc.row;
    cell.col = gc.col;
    cell.row_span = gc.row_span;
    cell.col_span = gc.col_span;
    cell.bbox = gc.bbox;
    std::vector<Line> lines = pdf_lines::GroupLines(gw.cell_words[i]);
    for (const Line& line : lines) {
      if (!cell.text.empty()) cell.text += '\n';
      cell.text += line.text;
      cell.confidence = std::min(cell.confidence, line.confidence);
    }
    table_conf = std::min(table_conf, cell.confidence);
    block.table.cells.push_back(std::move(cell));
  }
  std::sort(block.table.cells.begin(), block.table.cells.end(), [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  block.confidence = table_conf;
  return block;
}

// --- paragraphs ----------------------------------------------------------

// Page-level measures the paragraph rules compare against.
struct TextFrame {
  double left = 0, right = 0;   // usual left / right text margins
  double em = 10;               // usual body character height
  double gap = 5;               // usual gap between lines of one paragraph
};

double Median(std::vector<double> v, double fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

double Percentile(std::vector<double> v, double q, double fallback) {
  if (v.empty()) return fallback;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(q * (v.size() - 1) + 0.5));
  return v[i];
}

TextFrame MeasureFrame(const std::vector<Line>& lines, double page_width) {
  TextFrame f;
  std::vector<double> ems, lefts, rights, gaps;
  for (const Line& l : lines) {
    ems.push_back(l.em);
    lefts.push_back(l.box.x0);
    rights.push_back(l.box.x1);
  }
  f.em = Median(ems, 10);
  f.left = Percentile(lefts, 0.1, 0);
  f.right = Percentile(rights, 0.9, page_width);
  for (size_t i = 1; i < lines.size(); ++i) {
    const double g = lines[i].box.y0 - lines[i - 1].box.y1;
    if (g >= -0.2 * f.em && g < 1.5 * f.em) gaps.push_back(std::max(0.0, g));
  }
  f.gap = Median(gaps, 0.5 * f.em);
  return f;
}

// 一、 （一） (一) 1、 1. 第一章 ... at the start of a line.
bool StartsWithHeading(const std::string& text) {
  std::size_t pos = 0;
  auto next = [&]() { return pos < text.size() ? pdf_utf8::Next(text, &pos) : char32_t{0}; };
  auto is_cn_num = [](char32_t c) {
    static const std::u32string kNums = U"一二三四五六七八九十";
    return kNums.find(c) != std::u32string::npos;
  };
  char32_t c = next();
  if (c == U'第') {
    c = next();
    if (!is_cn_num(c) && !(c >= '0' && c <= '9')) return false;
    while (is_cn_num(c) || (c >= '0' && c <= '9')) c = next();
    return c == U'章' || c == U'节' || c == U'部' || c == U'条';
  }
  if (c == U'（' || c == '(') {
    c = next();
    if (!is_cn_num(c) && !(c >= '0' && c <= '9')) return false;
    while (is_cn_num(c) || (c >= '0' && c <= '9')) c = next();
    return c == U'）' || c == ')';
  }
  if (is_cn_num(c)) {
    while (is_cn_num(c)) c = next();
    return c == U'、';
  }
  if (c >= '0' && c <= '9') {
    int digits = 0;
    while (c >= '0' && c <= '9' && digits < 3) { c = next(); ++digits; }
    if (c == U'、') return true;
    if (c == '.' || c == U'．') {
      const char32_t d = next();
      return d != 0 && !(d >= '0' && d <= '9');  // not 2023.3.25
    }
  }
  return false;
}

bool IsCentred(const Line& l, const TextFrame& f, double page_width) {
  const double width = l.box.width();
  const double text_width = std::max(1.0, f.right - f.left);
  if (width > 0.75 * text_width) return false;
  if (l.box.x0 < f.left + 2 * f.em) return false;
  const double mid = CentreX(l.box);
  return std::abs(mid - (f.left + f.right) / 2) < 1.5 * f.em ||
         std::abs(mid - page_width / 2) < 1.5 * f.em;
}

// A short line set off from the left margin: a centred title, a signature
// or a date pushed to the right. It is a paragraph of its own.
bool IsStandalone(const Line& l, const TextFrame& f) {
  const double text_width = std::max(1.0, f.right - f.left);
  return l.box.width() < 0.6 * text_width && l.box.x0 > f.left + 2.5 * f.em;
}

// Whether `line` starts a new paragraph after `prev` (both outside tables).
bool StartsParagraph(const Line& prev, const Line& line, int lines_in_para, const TextFrame& f,
                     double page_width) {
  const double em = std::max(prev.em, line.em);
  const double gap = line.box.y0 - prev.box.y1;
  if (gap > std::max(0.9 * em, 1.8 * f.gap + 0.2 * em)) return true;
  if (gap < -0.5 * em) return true;  // overlapping lines: different columns
  const double ratio = line.em / std::max(0.1, prev.em);
  if (ratio > 1.25 || ratio < 0.8) return true;
  if (StartsWithHeading(line.text) || (StartsWithHeading(prev.text) && prev.box.x1 < f.right - 2 * em))
    return true;
  if (IsCentred(line, f, page_width) || IsCentred(prev, f, page_width)) return true;
  if (IsStandalone(line, f) || IsStandalone(prev, f)) return true;
  // The previous line stopped well short of the margin: it ended its paragraph.
  if (prev.box.x1 < f.right - 2.5 * em) return true;
  // First-line indent.
  if (line.box.x0 > prev.box.x0 + 1.5 * em) return true;
  // A third line further left than the second: a new block.
  if (lines_in_para >= 2 && line.box.x0 < prev.box.x0 - 1.5 * em) return true;
  return false;
}

std::vector<Block> MakeParagraphs(int page, const std::vector<Line>& lines, const TextFrame& f,
                                  double page_width) {
  std::vector<Block> out;
  int in_para = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (out.empty() || StartsParagraph(lines[i - 1], line, in_para, f, page_width)) {
      Block b;
      b.kind = Block::Kind::kParagraph;
      b.page = page;
      b.bbox = line.box;
      b.confidence = line.confidence;
      b.text = line.text;
      out.push_back(std::move(b));
      in_para = 1;
      continue;
    }
    Block& b = out.back();
    pdf_lines::AppendWrapped(b.text, line.text);
    b.bbox = b.bbox->Union(line.box);
    b.confidence = std::min(b.confidence, line.confidence);
    ++in_para;
  }
  return out;
}

}  // namespace

std::vector<Block> BuildPageBlocks(int page, const std::vector<Word>& words,
                                   const std::vector<TableGrid>& grids, double page_width_pt,
                                   double page_height_pt) {
  (void)page_height_pt;
  std::vector<GridWords> in_grid(grids.size());
  // Position -> cell index, per grid.
  std::vector<std::vector<int>> cell_at(grids.size());
  for (size_t g = 0; g < grids.size(); ++g) {
    const TableGrid& grid = grids[g];
    in_grid[g].grid = &grid;
    in_grid[g].cell_words.resize(grid.cells.size());
    const int nr = grid.rows(), nc = grid.cols();
    if (nr <= 0 || nc <= 0) continue;
    cell_at[g].assign(static_cast<size_t>(nr) * nc, -1);
    for (size_t i = 0; i < grid.cells.size(); ++i) {
      const GridCell& c = grid.cells[i];
      for (int r = c.row; r < c.row + c.row_span && r < nr; ++r)
        for (int k = c.col; k < c.col + c.col_span && k < nc; ++k)
          cell_at[g][static_cast<size_t>(r) * nc + k] = static_cast<int>(i);
    }
  }

  std::vector<const Word*> free_words;
  for (const Word& w : words) {
    if (w.text.empty()) continue;
    const double cx = CentreX(w.bbox), cy = CentreY(w.bbox);
    bool placed = false;
    for (size_t g = 0; g < grids.size() && !placed; ++g) {
      const TableGrid& grid = grids[g];
      if (grid.rows() <= 0 || grid.cols() <= 0) continue;
      const BBox& b = grid.bbox;
      if (cx < b.x0 || cx > b.x1 || cy < b.y0 || cy > b.y1) continue;
      const int r = Slot(grid.row_edges, cy), c = Slot(grid.col_edges, cx);
      const int cell = cell_at[g][static_cast<size_t>(r) * grid.cols() + c];
      if (cell < 0) continue;
      in_grid[g].cell_words[cell].push_back(&w);
      placed = true;
    }
    if (!placed) free_words.push_back(&w);
  }

  std::vector<Block> blocks;
  for (const GridWords& gw : in_grid) {
    if (gw.grid->rows() <= 0 || gw.grid->cols() <= 0) continue;
    blocks.push_back(MakeTableBlock(page, gw));
  }

  std::vector<Line> lines = pdf_lines::GroupLines(free_words);
  const TextFrame frame = MeasureFrame(lines, page_width_pt);
  // Runs of columnar lines become tables; the rest are paragraphs.
  std::vector<pdf_aligned::LineRun> runs = pdf_aligned::FindAlignedTables(lines, frame.em);
  size_t next = 0;
  auto flush_paragraphs = [&](size_t from, size_t to) {
    std::vector<Line> part(lines.begin() + from, lines.begin() + to);
    for (Block& b : MakeParagraphs(page, part, frame, page_width_pt)) blocks.push_back(std::move(b));
  };
  for (const pdf_aligned::LineRun& run : runs) {
    if (run.first < next) continue;
    flush_paragraphs(next, run.first);
    Block b;
    b.kind = Block::Kind::kTable;
    b.page = page;
    b.table = run.table;
    b.bbox = run.bbox;
    b.confidence = run.confidence;
    blocks.push_back(std::move(b));
    next = run.last + 1;
  }
  flush_paragraphs(next, lines.size());

  std::stable_sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) {
    const double ya = a.bbox ? a.bbox->y0 : 0, yb = b.bbox ? b.bbox->y0 : 0;
    return ya < yb;
  });
  return blocks;
}

}  // namespace jixiao
