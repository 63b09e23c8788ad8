// Ruling-line table detection. Steps, all in pixels until the end:
//   1. binarize (colour: the brightest channel, so red seals fade; background
//      normalized so tinted or unevenly lit scans threshold alike);
//   2. deskew by the text-line angle when the page is visibly skewed;
//   3. keep long horizontal / vertical strokes by morphological opening after
//      closing small gaps, and read each connected stroke as a segment;
//   4. keep segments that cross at least two perpendicular segments (table
//      rules do; underlines, text strokes and seal arcs do not) and cluster
//      crossing segments into tables;
//   5. row / column edges from the segment positions; a grid rectangle is
//      joined to its neighbour when the separator between them is not drawn
//      (coverage below a ratio), with union-find over grid positions.
#include "extract/ruling_grid.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "extract/image_pix.h"

namespace jixiao {
namespace {

struct BoxaDeleter {
  void operator()(Boxa* b) const { boxaDestroy(&b); }
};
using BoxaPtr = std::unique_ptr<Boxa, BoxaDeleter>;

// One straight stroke: `pos` is its centre across the stroke (y for a
// horizontal one), [lo, hi] its extent along it.
struct Segment {
  double pos = 0;
  double lo = 0, hi = 0;
  double thick = 0;
};

// Tunables, in pixels, derived from the image size and resolution.
struct Scale {
  int min_len = 0;        // shortest kept rule
  int gap = 0;            // gaps closed inside a rule
  double touch = 0;       // how far a rule may stop short of another and still touch it
  double same_edge = 0;   // rules closer than this are one grid edge
  double max_thick = 0;   // thicker strokes are filled areas, not rules
};

Scale MakeScale(int width, int height, double points_per_pixel) {
  const double px_per_pt = 1.0 / points_per_pixel;
  Scale s;
  // Longer than the strokes of body text (about 10 pt), shorter than the
  // narrowest cell or the lowest row (about 15 pt).
  s.min_len = std::max(6, static_cast<int>(std::lround(std::min(width, height) / 45.0)));
  s.min_len = std::min(s.min_len, static_cast<int>(std::lround(14 * px_per_pt)));
  s.min_len = std::max(s.min_len, static_cast<int>(std::lround(8 * px_per_pt)));
  // Gaps in rules come from scanning (noise, JPEG, thin strokes); a render
  // at screen resolution has none, and closing would only glue glyphs.
  // Only small breaks are closed: the gaps between neighbouring glyphs are
  // about a point, and closing them would glue text strokes into runs as
  // long as rules. Longer breaks in faint rules are handled by the averaged
  // masks (see DirectionalMean).
  s.gap = px_per_pt < 2.0 ? 0 : std::max(1, static_cast<int>(std::lround(0.5 * px_per_pt)));
  s.touch = std::max(2.0, 0.7 * px_per_pt);
  s.same_edge = std::max(2.0, 3.5 * px_per_pt);
  s.max_thick = std::max(3.0, 4.0 * px_per_pt);
  return s;
}

// The grey level of a colour page's pixel with red ink (official seals)
// turned to paper: a pixel much redder than it is green or blue becomes
// white, any other its luminance. Black rules under a seal stay black (a seal printed
// over them cannot lighten them), rules in blue or green stay dark.
int GreyFadingRed(int r, int g, int b) {
  return (r - std::max(g, b) > 60) ? 255 : (299 * r + 587 * g + 114 * b) / 1000;
}

// The page as ink (1 bpp, ink = 1), and for scans also the grey image with
// its background evened out to 200, from which faint rules are recovered.
// Grey levels by which an averaged pixel must be darker than the paper
// beside it to belong to a faint rule.
constexpr int kFaintContrast = 5;

// Ink on a background-normalized scan (paper at 200).
constexpr int kInkThreshold = 140;

struct Prepared {
  OwnedPix binary;
  OwnedPix grey;  // only for large (scanned) grey or colour input
};

Prepared Binarize(Pix* page) {
  Prepared out;
  const int depth = pixGetDepth(page);
  if (depth == 1) {
    out.binary.reset(pixCopy(nullptr, page));  // a copy: text gets blanked
    return out;
  }
  OwnedPix grey;
  if (depth == 32) {
    grey = GreyFromRgb(page, [](int r, int g, int b) { return GreyFadingRed(r, g, b); });
  } else {
    grey.reset(pixConvertTo8(page, 0));
  }
  if (!grey) return out;
  // Even out paper tint and illumination (background goes to 200); only
  // worth it on scans, which are large.
  const bool large = pixGetWidth(grey.get()) * static_cast<long long>(pixGetHeight(grey.get())) >
                     2'000'000;
  if (large) {
    OwnedPix norm(pixBackgroundNormSimple(grey.get(), nullptr, nullptr));
    if (norm) {
      out.binary.reset(pixThresholdToBinary(norm.get(), kInkThreshold));
      out.grey = std::move(norm);
      return out;
    }
  }
  out.binary.reset(pixThresholdToBinary(grey.get(), 160));
  return out;
}

// Mean of each pixel with its `radius` neighbours along one direction
// (8 bpp): noise averages out, a faint rule along that direction does not.
OwnedPix DirectionalMean(Pix* grey, bool vertical, int radius) {
  const int w = pixGetWidth(grey), h = pixGetHeight(grey);
  OwnedPix out(pixCreate(w, h, 8));
  if (!out) return nullptr;
  const l_uint32* src = pixGetData(grey);
  l_uint32* dst = pixGetData(out.get());
  const int swpl = pixGetWpl(grey), dwpl = pixGetWpl(out.get());
  const int n = 2 * radius + 1;
  if (vertical) {
    std::vector<int> acc(w, 0);
    auto row = [&](int y) { return src + static_cast<long long>(std::clamp(y, 0, h - 1)) * swpl; };
    for (int k = -radius; k <= radius; ++k) {
      const l_uint32* r = row(k);
      for (int x = 0; x < w; ++x) acc[x] += GET_DATA_BYTE(r, x);
    }
    for (int y = 0; y < h; ++y) {
      l_uint32* d = dst + static_cast<long long>(y) * dwpl;
      for (int x = 0; x < w; ++x) SET_DATA_BYTE(d, x, acc[x] / n);
      const l_uint32* add = row(y + radius + 1);
      const l_uint32* sub = row(y - radius);
      for (int x = 0; x < w; ++x) acc[x] += static_cast<int>(GET_DATA_BYTE(add, x)) - GET_DATA_BYTE(sub, x);
    }
  } else {
    for (int y = 0; y < h; ++y) {
      const l_uint32* r = src + static_cast<long long>(y) * swpl;
      l_uint32* d = dst + static_cast<long long>(y) * dwpl;
      auto at = [&](int x) { return static_cast<int>(GET_DATA_BYTE(r, std::clamp(x, 0, w - 1))); };
      int acc = 0;
      for (int k = -radius; k <= radius; ++k) acc += at(k);
      for (int x = 0; x < w; ++x) {
        SET_DATA_BYTE(d, x, acc / n);
        acc += at(x + radius + 1) - at(x - radius);
      }
    }
  }
  return out;
}

// Connected components of a line mask as segments.
// The rules inside a thick component at (x, y, w, h) of a line mask: runs
// of rows (columns for vertical rules) inked over most of the length.
std::vector<Segment> RulesInBlob(Pix* mask, bool horizontal, int x, int y, int w, int h,
                                 const Scale& scale) {
  std::vector<Segment> out;
  const l_uint32* data = pixGetData(mask);
  const int wpl = pixGetWpl(mask);
  const int along = horizontal ? w : h, across = horizontal ? h : w;
  std::vector<int> count(across, 0);
  for (int yy = y; yy < y + h; ++yy) {
    const l_uint32* line = data + static_cast<long long>(yy) * wpl;
    for (int xx = x; xx < x + w; ++xx)
      if (GET_DATA_BIT(line, xx)) ++count[horizontal ? yy - y : xx - x];
  }
  const int need = static_cast<int>(0.6 * along);
  for (int i = 0; i < across;) {
    if (count[i] < need) {
      ++i;
      continue;
    }
    int j = i;
    while (j + 1 < across && count[j + 1] >= need) ++j;
    if (j - i + 1 <= scale.max_thick) {
      Segment s;
      s.pos = (horizontal ? y : x) + (i + j + 1) / 2.0;
      s.lo = horizontal ? x : y;
      s.hi = (horizontal ? x + w : y + h) - 1;
      s.thick = j - i + 1;
      out.push_back(s);
    }
    i = j + 1;
  }
  return out;
}

std::vector<Segment> ReadSegments(Pix* mask, bool horizontal, const Scale& scale) {
  std::vector<Segment> out;
  BoxaPtr boxes(pixConnCompBB(mask, 8));
  if (!boxes) return out;
  const int n = boxaGetCount(boxes.get());
  for (int i = 0; i < n; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    const double along = horizontal ? w : h;
    const double across = horizontal ? h : w;
    if (along < scale.min_len) continue;
    // A long rule may look thick from a small residual skew, hence the
    // ratio. Otherwise a thick component is a filled area, or a rule with a
    // blob touching it (a seal, a bar): keep the lines across it that are
    // inked over most of its length.
    if (across > scale.max_thick && across > along * 0.02) {
      for (const Segment& s : RulesInBlob(mask, horizontal, x, y, w, h, scale)) out.push_back(s);
      continue;
    }
    Segment s;
    s.pos = horizontal ? y + h / 2.0 : x + w / 2.0;
    s.lo = horizontal ? x : y;
    s.hi = horizontal ? x + w - 1 : y + h - 1;
    s.thick = across;
    out.push_back(s);
  }
  return out;
}

// Joins collinear pieces of one rule broken by noise.
std::vector<Segment> MergeCollinear(std::vector<Segment> segs, const Scale& scale) {
  std::sort(segs.begin(), segs.end(), [](const Segment& a, const Segment& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.lo < b.lo;
  });
  std::vector<bool> used(segs.size(), false);
  std::vector<Segment> out;
  for (size_t i = 0; i < segs.size(); ++i) {
    if (used[i]) continue;
    Segment cur = segs[i];
    used[i] = true;
    bool grew = true;
    // Bounded: each pass either absorbs a segment or stops.
    while (grew) {
      grew = false;
      for (size_t j = i + 1; j < segs.size() && segs[j].pos - cur.pos <= scale.same_edge / 2; ++j) {
        if (used[j]) continue;
        const Segment& o = segs[j];
        if (std::abs(o.pos - cur.pos) > scale.same_edge / 2) continue;
        if (o.lo > cur.hi + 2 * scale.gap + 1 || o.hi < cur.lo - 2 * scale.gap - 1) continue;
        const double len_cur = cur.hi - cur.lo, len_o = o.hi - o.lo;
        cur.pos = (cur.pos * len_cur + o.pos * len_o) / std::max(1.0, len_cur + len_o);
        cur.lo = std::min(cur.lo, o.lo);
        cur.hi = std::max(cur.hi, o.hi);
        cur.thick = std::max(cur.thick, o.thick);
        used[j] = true;
        grew = true;
      }
    }
    out.push_back(cur);
  }
  return out;
}

// Share of positions along a segment that have ink in a band beside it
// (the more inked side), leaving out where the `crossing` rules pass. A
// rule has paper beside it (cell padding); the edge of a column of text
// has glyphs beside it.
double SideInk(Pix* binary, const Segment& seg, bool horizontal, int near, int far,
               const std::vector<Segment>& crossing) {
  const int w = pixGetWidth(binary), h = pixGetHeight(binary);
  const l_uint32* data = pixGetData(binary);
  const int wpl = pixGetWpl(binary);
  auto ink = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= w || y >= h) return false;
    return GET_DATA_BIT(data + static_cast<long long>(y) * wpl, x) != 0;
  };
  const int lo = static_cast<int>(seg.lo), hi = static_cast<int>(seg.hi);
  std::vector<bool> skip(static_cast<size_t>(std::max(0, hi - lo + 1)), false);
  for (const Segment& o : crossing) {
    if (seg.pos < o.lo - far || seg.pos > o.hi + far) continue;
    const int a = static_cast<int>(o.pos - o.thick / 2) - far, b = static_cast<int>(o.pos + o.thick / 2) + far;
    for (int t = std::max(a, lo); t <= std::min(b, hi); ++t) skip[t - lo] = true;
  }
  const int centre = static_cast<int>(std::lround(seg.pos));
  const int half = static_cast<int>(std::ceil(seg.thick / 2));
  int before = 0, after = 0, total = 0;
  for (int t = lo; t <= hi; ++t) {
    if (skip[t - lo]) continue;
    bool b = false, a = false;
    for (int d = half + near; d <= half + far; ++d) {
      b = b || (horizontal ? ink(t, centre - d) : ink(centre - d, t));
      a = a || (horizontal ? ink(t, centre + d) : ink(centre + d, t));
    }
    before += b ? 1 : 0;
    after += a ? 1 : 0;
    ++total;
  }
  return total == 0 ? 1.0 : static_cast<double>(std::max(before, after)) / total;
}

// Whether two rules meet. Drawn rules meet by overlapping, so an end may
// stop short of the other rule's centre line by its half-thickness and a
// small `touch`; text strokes inside a cell stop a padding short.
bool Crosses(const Segment& h, const Segment& v, double touch) {
  const double th = touch + std::min(v.thick, 4.0) / 2;
  const double tv = touch + std::min(h.thick, 4.0) / 2;
  return v.pos >= h.lo - th && v.pos <= h.hi + th && h.pos >= v.lo - tv && h.pos <= v.hi + tv;
}

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  void Join(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Groups positions closer than `tol` into one edge (length-weighted mean).
std::vector<double> ClusterEdges(std::vector<const Segment*> segs, double tol) {
  std::sort(segs.begin(), segs.end(), [](const Segment* a, const Segment* b) { return a->pos < b->pos; });
  std::vector<double> edges;
  double sum = 0, weight = 0, last = 0;
  for (const Segment* s : segs) {
    const double w = std::max(1.0, s->hi - s->lo);
    if (weight > 0 && s->pos - last > tol) {
      edges.push_back(sum / weight);
      sum = weight = 0;
    }
    sum += s->pos * w;
    weight += w;
    last = s->pos;
  }
  if (weight > 0) edges.push_back(sum / weight);
  return edges;
}

// Fraction of [from, to] covered by the segments lying on `edge`.
double Coverage(const std::vector<const Segment*>& segs, double edge, double from, double to,
                double tol) {
  if (to <= from) return 1.0;
  std::vector<std::pair<double, double>> parts;
  for (const Segment* s : segs) {
    if (std::abs(s->pos - edge) > tol) continue;
    const double lo = std::max(from, s->lo), hi = std::min(to, s->hi);
    if (hi > lo) parts.emplace_back(lo, hi);
  }
  std::sort(parts.begin(), parts.end());
  double covered = 0, end = from;
  for (const auto& [lo, hi] : parts) {
    const double a = std::max(lo, end);
    if (hi > a) {
      covered += hi - a;
      end = hi;
    }
  }
  return covered / (to - from);
}

// Grid of one cluster of rules, in pixels.
struct PixelGrid {
  std::vector<double> rows, cols;
  std::vector<GridCell> cells;  // bbox in pixels
};

// A table cut by a page break may be printed without the rule on the cut
// side while its column rules run on past the last horizontal rule: a row
// is printed there. When both outer column rules (and so at least two) run
// on by more than the shortest rule, the grid is closed where the column
// rules that run on end (their median end), so that row is read as a row.
void CloseOpenEnds(const std::vector<const Segment*>& vs, const Scale& scale, std::vector<double>* rows,
                   const std::vector<double>& cols) {
  if (rows->size() < 2 || cols.size() < 2) return;
  for (const bool top : {true, false}) {
    const double edge = top ? rows->front() : rows->back();
    std::vector<double> ends;
    bool left = false, right = false;
    for (const Segment* s : vs) {
      const double end = top ? s->lo : s->hi;
      if (top ? end > edge - scale.min_len : end < edge + scale.min_len) continue;
      if (top ? s->hi < edge - scale.touch : s->lo > edge + scale.touch) continue;  // not this table's rule
      ends.push_back(end);
      left = left || std::abs(s->pos - cols.front()) <= scale.same_edge;
      right = right || std::abs(s->pos - cols.back()) <= scale.same_edge;
    }
    if (ends.size() < 2 || !left || !right) continue;
    std::sort(ends.begin(), ends.end());
    const double closed = ends[ends.size() / 2];
    if (top) rows->insert(rows->begin(), closed);
    else rows->push_back(closed);
  }
}

// `hs` and `vs` are the crossing rules of one table; `pieces_h` and
// `pieces_v` the strokes of the page that meet at least one other stroke,
// which also count towards whether a separator is drawn.
bool BuildGrid(const std::vector<const Segment*>& hs, const std::vector<const Segment*>& vs,
               const std::vector<Segment>& pieces_h, const std::vector<Segment>& pieces_v,
               const Scale& scale, PixelGrid* grid) {
  grid->rows = ClusterEdges(hs, scale.same_edge);
  grid->cols = ClusterEdges(vs, scale.same_edge);
  CloseOpenEnds(vs, scale, &grid->rows, grid->cols);
  const int nr = static_cast<int>(grid->rows.size()) - 1;
  const int nc = static_cast<int>(grid->cols.size()) - 1;
  if (nr < 1 || nc < 1 || nr * nc < 2) return false;
  // Guard against pathological inputs (a page of hatching).
  if (nr > 400 || nc > 100) return false;

  const double tol = scale.same_edge;
  // A separator counts as drawn when rules cover a third of it: a merged
  // cell's missing separator has no rule at all (text never reaches the
  // line masks), while a drawn one may be interrupted by a seal or a
  // washed-out stretch of a scan.
  constexpr double kDrawn = 0.35;
  // The segments lying on each edge, found once.
  auto on_edges = [tol](const std::vector<Segment>& segs, const std::vector<double>& edges,
                        const std::vector<double>& span) {
    std::vector<std::vector<const Segment*>> out(edges.size());
    for (const Segment& s : segs) {
      if (s.hi < span.front() - tol || s.lo > span.back() + tol) continue;
      auto it = std::lower_bound(edges.begin(), edges.end(), s.pos - tol);
      for (; it != edges.end() && *it <= s.pos + tol; ++it) out[it - edges.begin()].push_back(&s);
    }
    return out;
  };
  const auto v_on = on_edges(pieces_v, grid->cols, grid->rows);
  const auto h_on = on_edges(pieces_h, grid->rows, grid->cols);
  UnionFind uf(static_cast<size_t>(nr) * nc);
  auto id = [nc](int r, int c) { return r * nc + c; };
  for (int r = 0; r < nr; ++r) {
    const double y0 = grid->rows[r], y1 = grid->rows[r + 1];
    const double my = std::min((y1 - y0) / 4, scale.touch);
    for (int c = 0; c + 1 < nc; ++c) {
      if (Coverage(v_on[c + 1], grid->cols[c + 1], y0 + my, y1 - my, tol) < kDrawn) uf.Join(id(r, c), id(r, c + 1));
    }
  }
  for (int c = 0; c < nc; ++c) {
    const double x0 = grid->cols[c], x1 = grid->cols[c + 1];
    const double mx = std::min((x1 - x0) / 4, scale.touch);
    for (int r = 0; r + 1 < nr; ++r) {
      if (Coverage(h_on[r + 1], grid->rows[r + 1], x0 + mx, x1 - mx, tol) < kDrawn) uf.Join(id(r, c), id(r + 1, c));
    }
  }

  // Make every group a rectangle: join everything inside each group's
  // bounding rectangle until nothing changes. Each round that changes
  // something lowers the number of groups, so there are at most nr * nc
  // rounds, and a round costs the area of the groups' rectangles.
  struct Rect { int r0, c0, r1, c1; };
  const size_t positions = static_cast<size_t>(nr) * nc;
  for (size_t round = 0; round < positions; ++round) {
    std::vector<Rect> rect(positions, Rect{nr, nc, -1, -1});
    for (int r = 0; r < nr; ++r)
      for (int c = 0; c < nc; ++c) {
        Rect& b = rect[uf.Find(id(r, c))];
        b.r0 = std::min(b.r0, r); b.c0 = std::min(b.c0, c);
        b.r1 = std::max(b.r1, r); b.c1 = std::max(b.c1, c);
      }
    bool changed = false;
    for (size_t root = 0; root < positions; ++root) {
      const Rect& b = rect[root];
      if (b.r1 < 0) continue;
      for (int rr = b.r0; rr <= b.r1; ++rr)
        for (int cc = b.c0; cc <= b.c1; ++cc)
          if (uf.Find(id(rr, cc)) != uf.Find(static_cast<int>(root))) {
            uf.Join(id(rr, cc), static_cast<int>(root));
            changed = true;
          }
    }
    if (!changed) break;
  }

  std::vector<bool> emitted(static_cast<size_t>(nr) * nc, false);
  for (int r = 0; r < nr; ++r)
    for (int c = 0; c < nc; ++c) {
      const int root = uf.Find(id(r, c));
      if (emitted[root]) continue;
      emitted[root] = true;
      int r1 = r, c1 = c;
      while (r1 + 1 < nr && uf.Find(id(r1 + 1, c)) == root) ++r1;
      while (c1 + 1 < nc && uf.Find(id(r, c1 + 1)) == root) ++c1;
      GridCell cell;
      cell.row = r;
      cell.col = c;
      cell.row_span = r1 - r + 1;
      cell.col_span = c1 - c + 1;
      cell.bbox = {grid->cols[c], grid->rows[r], grid->cols[c1 + 1], grid->rows[r1 + 1]};
      grid->cells.push_back(cell);
    }
  return true;
}

// Maps points of the deskewed image back to the original one.
struct Unrotate {
  double cx = 0, cy = 0, cos_a = 1, sin_a = 0;
  bool active = false;
  void Map(double x, double y, double* ox, double* oy) const {
    if (!active) {
      *ox = x;
      *oy = y;
      return;
    }
    // The image was turned by +angle (clockwise on screen) about its centre;
    // turn back.
    const double dx = x - cx, dy = y - cy;
    *ox = cx + dx * cos_a + dy * sin_a;
    *oy = cy - dx * sin_a + dy * cos_a;
  }
  BBox MapBox(const BBox& b, double ppp) const {
    double xs[4], ys[4];
    Map(b.x0, b.y0, &xs[0], &ys[0]);
    Map(b.x1, b.y0, &xs[1], &ys[1]);
    Map(b.x0, b.y1, &xs[2], &ys[2]);
    Map(b.x1, b.y1, &xs[3], &ys[3]);
    BBox out{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4),
             *std::max_element(xs, xs + 4), *std::max_element(ys, ys + 4)};
    out.x0 *= ppp; out.y0 *= ppp; out.x1 *= ppp; out.y1 *= ppp;
    return out;
  }
};

}  // namespace

std::vector<TableGrid> DetectTableGrids(Pix* page, double points_per_pixel) {
  return DetectTableGrids(page, points_per_pixel, {});
}

std::vector<TableGrid> DetectTableGrids(Pix* page, double points_per_pixel,
                                        const std::vector<BBox>& text_boxes) {
  std::vector<TableGrid> grids;
  if (page == nullptr || !(points_per_pixel > 0) || !std::isfinite(points_per_pixel)) return grids;
  const int width = pixGetWidth(page), height = pixGetHeight(page);
  if (width < 16 || height < 16) return grids;
  const Scale scale = MakeScale(width, height, points_per_pixel);

  Prepared prepared = Binarize(page);
  OwnedPix binary = std::move(prepared.binary);
  if (!binary) return grids;

  // Deskew when the text lines are visibly tilted. Only scans can be
  // tilted; a page rendered from vectors (below 144 dpi here) never is.
  // The grey image is turned (and the ink taken from it again) so that
  // rules are straight in both masks below.
  Unrotate unrotate;
  if (points_per_pixel < 0.5) {
    l_float32 angle = 0, conf = 0;
    if (pixFindSkew(binary.get(), &angle, &conf) == 0 && conf > 2.5 && std::abs(angle) >= 0.1 &&
        std::abs(angle) <= 5.0) {
      const double rad = angle * M_PI / 180.0;
      Pix* source = prepared.grey ? prepared.grey.get() : binary.get();
      OwnedPix rotated(pixRotate(source, static_cast<l_float32>(rad),
                               prepared.grey ? L_ROTATE_SHEAR : L_ROTATE_SAMPLING, L_BRING_IN_WHITE,
                               0, 0));
      if (rotated && pixGetWidth(rotated.get()) == width && pixGetHeight(rotated.get()) == height) {
        if (prepared.grey) {
          binary.reset(pixThresholdToBinary(rotated.get(), kInkThreshold));
          prepared.grey = std::move(rotated);
        } else {
          binary = std::move(rotated);
        }
        if (!binary) return grids;
        unrotate.active = true;
        unrotate.cx = width / 2.0;
        unrotate.cy = height / 2.0;
        unrotate.cos_a = std::cos(rad);
        unrotate.sin_a = std::sin(rad);
      }
    }
  }

  // Faint rules of a scan (a hairline printed light, then blurred and
  // JPEG-compressed): averaged along each direction, noise fades while a
  // rule stays a little darker than the paper beside it (a black top-hat
  // across the rule, independent of uneven light). Only long, thin runs are
  // taken from these masks.
  OwnedPix faint_h, faint_v;
  if (prepared.grey) {
    const int radius = std::max(2, static_cast<int>(std::lround(1.5 / points_per_pixel)));
    const int across = 2 * radius + 1;
    for (const bool vertical : {true, false}) {
      OwnedPix mean = DirectionalMean(prepared.grey.get(), vertical, radius);
      if (!mean) continue;
      OwnedPix dark(pixTophat(mean.get(), vertical ? across : 1, vertical ? 1 : across, L_TOPHAT_BLACK));
      if (!dark) continue;
      OwnedPix mask(pixThresholdToBinary(dark.get(), kFaintContrast));
      if (!mask) continue;
      pixInvert(mask.get(), mask.get());
      (vertical ? faint_v : faint_h) = std::move(mask);
    }
    prepared.grey.reset();
  }

  // Blank the known text, one pixel inside each box so that a rule the box
  // touches survives. (Text boxes are only given for unskewed renders.)
  for (const BBox& b : text_boxes) {
    const double k = 1.0 / points_per_pixel;
    const int x0 = static_cast<int>(std::ceil(b.x0 * k)) + 1, y0 = static_cast<int>(std::ceil(b.y0 * k)) + 1;
    const int x1 = static_cast<int>(std::floor(b.x1 * k)) - 1, y1 = static_cast<int>(std::floor(b.y1 * k)) - 1;
    if (x1 < x0 || y1 < y0 || x1 < 0 || y1 < 0 || x0 >= width || y0 >= height) continue;
    pixRasterop(binary.get(), x0, y0, x1 - x0 + 1, y1 - y0 + 1, PIX_CLR, nullptr, 0, 0);
  }

  OwnedPix hclosed(scale.gap > 0 ? pixCloseSafeBrick(nullptr, binary.get(), scale.gap + 1, 1)
                               : pixClone(binary.get()));
  OwnedPix vclosed(scale.gap > 0 ? pixCloseSafeBrick(nullptr, binary.get(), 1, scale.gap + 1)
                               : pixClone(binary.get()));
  if (!hclosed || !vclosed) return grids;
  OwnedPix hmask(pixOpenCompBrickExtendDwa(nullptr, hclosed.get(), scale.min_len, 1));
  OwnedPix vmask(pixOpenCompBrickExtendDwa(nullptr, vclosed.get(), 1, scale.min_len));
  if (!hmask || !vmask) return grids;
  hclosed.reset();
  vclosed.reset();

  std::vector<Segment> hs = ReadSegments(hmask.get(), true, scale);
  std::vector<Segment> vs = ReadSegments(vmask.get(), false, scale);
  hmask.reset();
  vmask.reset();
  if (faint_h && faint_v) {
    // Long runs only: a faint rule is kept when it is at least three times
    // the shortest rule, which noise and glyph smears never are.
    Scale strict = scale;
    strict.min_len = 3 * scale.min_len;
    strict.max_thick = scale.max_thick * 0.75;  // the masks below are dilated by 2 px
    // The averaged rule is thin and broken in places: bridge short breaks
    // along it and allow a pixel of jitter across it first.
    // Where rules cross, the top-hat of the averaged image is empty for
    // the averaging window plus the crossing rule: bridge that.
    const int radius = std::max(2, static_cast<int>(std::lround(1.5 / points_per_pixel)));
    const int bridge = 2 * radius + 1 + scale.gap + std::max(3, static_cast<int>(std::lround(1.0 / points_per_pixel)));
    pixCloseCompBrickExtendDwa(faint_h.get(), faint_h.get(), bridge, 1);
    pixCloseCompBrickExtendDwa(faint_v.get(), faint_v.get(), 1, bridge);
    pixDilateBrick(faint_h.get(), faint_h.get(), 1, 3);
    pixDilateBrick(faint_v.get(), faint_v.get(), 3, 1);
    OwnedPix fh(pixOpenCompBrickExtendDwa(nullptr, faint_h.get(), strict.min_len, 1));
    OwnedPix fv(pixOpenCompBrickExtendDwa(nullptr, faint_v.get(), 1, strict.min_len));
    if (fh && fv) {
      // A faint rule must meet several clear rules (a table's light outer
      // border meets every row rule); smeared text meets none.
      auto meets = [&](const Segment& seg, bool horizontal, const std::vector<Segment>& others) {
        int n = 0;
        for (const Segment& o : others)
          n += (horizontal ? Crosses(seg, o, scale.touch) : Crosses(o, seg, scale.touch)) ? 1 : 0;
        return n >= 3;
      };
      // Only rules missing from the clear masks are taken: next to a clear
      // piece of the same rule, the averaged mask would only lengthen it
      // into neighbouring text.
      auto known = [&](const Segment& seg, const std::vector<Segment>& same) {
        for (const Segment& o : same)
          if (std::abs(o.pos - seg.pos) <= scale.same_edge && o.hi >= seg.lo && o.lo <= seg.hi) return true;
        return false;
      };
      const int near = 2, far = std::max(near + 1, static_cast<int>(std::lround(1.5 / points_per_pixel)));
      auto clear_sides = [&](const Segment& seg, bool horizontal, const std::vector<Segment>& crossing) {
        return SideInk(binary.get(), seg, horizontal, near, far, crossing) <= 0.1;
      };
      // Next to a crossing rule the top-hat is empty for the averaging
      // window: a faint rule's ends are that much short of the rules it
      // meets.
      auto extended = [&](Segment seg) {
        seg.lo -= radius + 2;
        seg.hi += radius + 2;
        return seg;
      };
      const std::vector<Segment> strong_h = hs, strong_v = vs;
      for (const Segment& piece : ReadSegments(fh.get(), true, strict)) {
        const Segment seg = extended(piece);
        if (meets(seg, true, strong_v) && !known(seg, strong_h) && clear_sides(piece, true, strong_v)) hs.push_back(seg);
      }
      for (const Segment& piece : ReadSegments(fv.get(), false, strict)) {
        const Segment seg = extended(piece);
        if (meets(seg, false, strong_h) && !known(seg, strong_v) && clear_sides(piece, false, strong_h)) vs.push_back(seg);
      }
    }
  }
  hs = MergeCollinear(std::move(hs), scale);
  vs = MergeCollinear(std::move(vs), scale);
  if (hs.size() < 2 || vs.size() < 2 || hs.size() > 5000 || vs.size() > 5000) return grids;

  // Crossing pairs, computed once.
  std::vector<std::vector<int>> h_cross(hs.size()), v_cross(vs.size());
  for (size_t i = 0; i < hs.size(); ++i)
    for (size_t j = 0; j < vs.size(); ++j)
      if (Crosses(hs[i], vs[j], scale.touch)) {
        h_cross[i].push_back(static_cast<int>(j));
        v_cross[j].push_back(static_cast<int>(i));
      }

  // A rule crosses at least two perpendicular rules; dropping one may drop
  // others, so repeat (bounded by the number of segments).
  std::vector<bool> h_ok(hs.size(), true), v_ok(vs.size(), true);
  for (size_t round = 0; round < hs.size() + vs.size(); ++round) {
    bool changed = false;
    for (size_t i = 0; i < hs.size(); ++i) {
      if (!h_ok[i]) continue;
      int n = 0;
      for (int j : h_cross[i]) n += v_ok[j] ? 1 : 0;
      if (n < 2) { h_ok[i] = false; changed = true; }
    }
    for (size_t j = 0; j < vs.size(); ++j) {
      if (!v_ok[j]) continue;
      int n = 0;
      for (int i : v_cross[j]) n += h_ok[i] ? 1 : 0;
      if (n < 2) { v_ok[j] = false; changed = true; }
    }
    if (!changed) break;
  }

  // Pieces of rules for the drawn-separator test: a rule cut by a seal or
  // a washed-out stretch leaves pieces that meet fewer than two rules, or
  // only other such pieces; a stroke that meets nothing is text.
  std::vector<Segment> pieces_h, pieces_v;
  for (size_t i = 0; i < hs.size(); ++i)
    if (!h_cross[i].empty()) pieces_h.push_back(hs[i]);
  for (size_t j = 0; j < vs.size(); ++j)
    if (!v_cross[j].empty()) pieces_v.push_back(vs[j]);

  // Tables: connected groups of crossing rules. Ids: h first, then v.
  const size_t nh = hs.size();
  UnionFind uf(nh + vs.size());
  for (size_t i = 0; i < nh; ++i) {
    if (!h_ok[i]) continue;
    for (int j : h_cross[i])
      if (v_ok[j]) uf.Join(static_cast<int>(i), static_cast<int>(nh + j));
  }
  std::vector<std::vector<const Segment*>> group_h(nh + vs.size()), group_v(nh + vs.size());
  for (size_t i = 0; i < nh; ++i)
    if (h_ok[i]) group_h[uf.Find(static_cast<int>(i))].push_back(&hs[i]);
  for (size_t j = 0; j < vs.size(); ++j)
    if (v_ok[j]) group_v[uf.Find(static_cast<int>(nh + j))].push_back(&vs[j]);

  for (size_t g = 0; g < group_h.size(); ++g) {
    if (group_h[g].size() < 2 || group_v[g].size() < 2) continue;
    PixelGrid pg;
    if (!BuildGrid(group_h[g], group_v[g], pieces_h, pieces_v, scale, &pg)) continue;
    // Smaller than any real table (two cells of one text line): glyph strokes.
    const double px_per_pt = 1.0 / points_per_pixel;
    if (pg.rows.back() - pg.rows.front() < 10 * px_per_pt || pg.cols.back() - pg.cols.front() < 20 * px_per_pt)
      continue;
    TableGrid grid;
    const double ppp = points_per_pixel;
    const double mid_x = (pg.cols.front() + pg.cols.back()) / 2;
    const double mid_y = (pg.rows.front() + pg.rows.back()) / 2;
    for (double y : pg.rows) {
      double ox = 0, oy = 0;
      unrotate.Map(mid_x, y, &ox, &oy);
      grid.row_edges.push_back(oy * ppp);
    }
    for (double x : pg.cols) {
      double ox = 0, oy = 0;
      unrotate.Map(x, mid_y, &ox, &oy);
      grid.col_edges.push_back(ox * ppp);
    }
    std::sort(grid.row_edges.begin(), grid.row_edges.end());
    std::sort(grid.col_edges.begin(), grid.col_edges.end());
    grid.bbox = unrotate.MapBox({pg.cols.front(), pg.rows.front(), pg.cols.back(), pg.rows.back()}, ppp);
    for (GridCell cell : pg.cells) {
      cell.bbox = unrotate.MapBox(cell.bbox, ppp);
      grid.cells.push_back(cell);
    }
    grids.push_back(std::move(grid));
  }
  std::sort(grids.begin(), grids.end(), [](const TableGrid& a, const TableGrid& b) {
    return a.bbox.y0 != b.bbox.y0 ? a.bbox.y0 < b.bbox.y0 : a.bbox.x0 < b.bbox.x0;
  });
  return grids;
}

}  // namespace jixiao
