// JoinContinuedTables (page_layout.h): a table at the top of a page that
// continues the table ending the previous page is appended to it.
//
// Continuation is recognized by column edges (browsers and office programs
// keep one column layout for the whole table, so the continuation's edges
// are a subset of the first part's, with the same outer edges) or, for
// the self-evaluation form, by the first part lacking its 总分 row while the
// second part lacks the form's title rows. Joining re-indexes both parts'
// columns onto the union of their edges, drops a repeated header (one or two
// rows equal to rows of the first part) and merges a rowspan cell cut by the
// page break back into one cell when one side of the cut is empty.
#include <algorithm>
#include <cmath>
#include <string>

#include "extract/page_layout.h"
#include "extract/pdf_utf8.h"

namespace jixiao {
namespace {

constexpr double kEdgeTolerance = 3.0;  // points

std::string Squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t') out += c;
  return out;
}

bool AnyCellContains(const Table& t, const char* needle, int max_row = 1 << 30) {
  for (const Cell& c : t.cells)
    if (c.row <= max_row && Squeeze(c.text).find(needle) != std::string::npos) return true;
  return false;
}

// Page numbers and similar furniture between the two parts of a table.
bool IsFurniture(const Block& b) {
  if (b.kind != Block::Kind::kParagraph) return false;
  std::size_t pos = 0;
  int count = 0;
  while (pos < b.text.size()) {
    const char32_t c = pdf_utf8::Next(b.text, &pos);
    if (c == ' ') continue;
    ++count;
    if (pdf_utf8::IsHan(c) && c != U'第' && c != U'页' && c != U'共') return false;
  }
  return count <= 12;
}

// Sorted distinct x edges of the cells (clustered within the tolerance).
std::vector<double> ColumnEdges(const Table& t) {
  std::vector<double> xs;
  for (const Cell& c : t.cells) {
    if (!c.bbox) return {};
    xs.push_back(c.bbox->x0);
    xs.push_back(c.bbox->x1);
  }
  std::sort(xs.begin(), xs.end());
  std::vector<double> edges;
  for (double x : xs)
    if (edges.empty() || x - edges.back() > kEdgeTolerance) edges.push_back(x);
  return edges;
}

int EdgeIndex(const std::vector<double>& edges, double x) {
  int best = -1;
  double best_d = 1e18;
  for (size_t i = 0; i < edges.size(); ++i) {
    const double d = std::abs(edges[i] - x);
    if (d < best_d) {
      best_d = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

bool EdgesMatch(const std::vector<double>& first, const std::vector<double>& next) {
  if (first.size() < 2 || next.size() < 2) return false;
  if (std::abs(first.front() - next.front()) > kEdgeTolerance ||
      std::abs(first.back() - next.back()) > kEdgeTolerance)
    return false;
  for (double x : next)
    if (std::abs(first[EdgeIndex(first, x)] - x) > kEdgeTolerance) return false;
  return true;
}

// Re-indexes columns onto `edges` (every cell must have a bbox).
void Reindex(Table& t, const std::vector<double>& edges) {
  for (Cell& c : t.cells) {
    const int a = EdgeIndex(edges, c.bbox->x0), b = EdgeIndex(edges, c.bbox->x1);
    c.col = a;
    c.col_span = std::max(1, b - a);
  }
  t.cols = static_cast<int>(edges.size()) - 1;
}

// Row `r` as (col, text) pairs of its non-empty cells anchored there.
std::vector<std::pair<int, std::string>> RowKey(const Table& t, int r) {
  std::vector<std::pair<int, std::string>> key;
  for (const Cell& c : t.cells)
    if (c.row == r && !Squeeze(c.text).empty()) key.emplace_back(c.col, Squeeze(c.text));
  std::sort(key.begin(), key.end());
  return key;
}

// How many leading rows of `next` repeat rows of `first` (0, 1 or 2).
int RepeatedHeaderRows(const Table& first, const Table& next) {
  for (int k = 2; k >= 1; --k) {
    if (next.rows <= k) continue;
    bool single = true;
    for (const Cell& c : next.cells)
      if (c.row < k && c.row + c.row_span > k) single = false;
    if (!single) continue;
    for (int r = 0; r + k <= first.rows && r < 12; ++r) {
      bool same = true;
      for (int i = 0; i < k && same; ++i) {
        const auto a = RowKey(first, r + i), b = RowKey(next, i);
        same = a.size() >= 2 && a == b;
      }
      if (same) return k;
    }
  }
  return 0;
}

bool Continues(const Table& first, const Table& next, const std::vector<double>& e1,
               const std::vector<double>& e2, const BBox* b1, const BBox* b2) {
  if (first.linear || next.linear) return false;
  if (EdgesMatch(e1, e2)) return true;
  // The form's own signs: the first part has no 总分 row yet and the next
  // part does not open a new form.
  if (b1 == nullptr || b2 == nullptr || e1.empty() || e2.empty()) return false;
  const double width = std::max(1.0, b1->width());
  if (std::abs(b1->x0 - b2->x0) > 0.03 * width || std::abs(b1->x1 - b2->x1) > 0.03 * width) return false;
  const bool first_is_form = AnyCellContains(first, "指标") || AnyCellContains(first, "项目名称");
  return first_is_form && !AnyCellContains(first, "总分") && !AnyCellContains(next, "项目名称") &&
         !AnyCellContains(next, "自评表", 1);
}

void Append(Block& into, Block& part) {
  Table& first = into.table;
  Table& next = part.table;
  const std::vector<double> e1 = ColumnEdges(first), e2 = ColumnEdges(next);
  if (!e1.empty() && !e2.empty()) {
    std::vector<double> all = e1;
    for (double x : e2)
      if (std::abs(e1[EdgeIndex(e1, x)] - x) > kEdgeTolerance) all.push_back(x);
    std::sort(all.begin(), all.end());
    Reindex(first, all);
    Reindex(next, all);
  }
  const int dropped = RepeatedHeaderRows(first, next);
  std::vector<Cell> rest;
  for (Cell& c : next.cells)
    if (c.row >= dropped) rest.push_back(std::move(c));

  // A rowspan cell cut by the page break: the cell ending the first part and
  // the cell opening the next part in the same columns, one side empty.
  const int last = first.rows - 1;
  std::vector<bool> merged(rest.size(), false);
  for (size_t i = 0; i < rest.size(); ++i) {
    Cell& x = rest[i];
    if (x.row != dropped) continue;
    for (Cell& p : first.cells) {
      if (p.col != x.col || p.col_span != x.col_span || p.row + p.row_span - 1 != last) continue;
      const bool one_empty = Squeeze(p.text).empty() || Squeeze(x.text).empty();
      if (!one_empty || (p.row_span == 1 && x.row_span == 1)) break;
      p.row_span += x.row_span;
      if (!x.text.empty()) {
        if (!p.text.empty()) p.text += '\n';
        p.text += x.text;
      }
      p.confidence = std::min(p.confidence, x.confidence);
      merged[i] = true;
      break;
    }
  }
  const int shift = first.rows - dropped;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (merged[i]) continue;
    Cell c = std::move(rest[i]);
    c.row += shift;
    if (c.page == 0 && part.page != into.page) c.page = part.page;
    first.cells.push_back(std::move(c));
  }
  first.rows += next.rows - dropped;
  std::sort(first.cells.begin(), first.cells.end(), [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  into.confidence = std::min(into.confidence, part.confidence);
}

}  // namespace

void JoinContinuedTables(std::vector<Block>& blocks) {
  std::vector<Block> out;
  std::vector<int> last_page;  // per out block: the last page it covers
  int current_page = -1;
  bool seen_content_on_page = false;
  for (Block& b : blocks) {
    if (b.page != current_page) {
      current_page = b.page;
      seen_content_on_page = false;
    }
    const bool top_of_page = !seen_content_on_page;
    if (!IsFurniture(b)) seen_content_on_page = true;
    if (b.kind == Block::Kind::kTable && top_of_page && b.page > 1) {
      // The last real block before this one must be a table ending the
      // previous page.
      int target = -1;
      for (int i = static_cast<int>(out.size()) - 1; i >= 0; --i) {
        if (IsFurniture(out[i]) && last_page[i] >= b.page - 1) continue;
        if (out[i].kind == Block::Kind::kTable && last_page[i] == b.page - 1) target = i;
        break;
      }
      if (target >= 0) {
        Block& into = out[target];
        const std::vector<double> e1 = ColumnEdges(into.table), e2 = ColumnEdges(b.table);
        const BBox* b1 = into.bbox ? &*into.bbox : nullptr;
        const BBox* b2 = b.bbox ? &*b.bbox : nullptr;
        if (Continues(into.table, b.table, e1, e2, b1, b2)) {
          Append(into, b);
          last_page[target] = b.page;
          continue;
        }
      }
    }
    last_page.push_back(b.page);
    out.push_back(std::move(b));
  }
  blocks = std::move(out);
}

}  // namespace jixiao
