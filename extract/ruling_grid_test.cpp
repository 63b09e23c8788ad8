#include "extract/ruling_grid.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <chrono>
#include <cmath>
#include <memory>

namespace jixiao {
namespace {

struct PixFree {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using Image = std::unique_ptr<Pix, PixFree>;

// A black line on a white grey or colour page.
void Line(Pix* pix, int x0, int y0, int x1, int y1, int width) {
  if (pixGetDepth(pix) == 32) {
    pixRenderLineArb(pix, x0, y0, x1, y1, width, 0, 0, 0);
  } else {
    pixRenderLine(pix, x0, y0, x1, y1, width, L_CLEAR_PIXELS);
  }
}

// A 4 x 4 table (points): rows at 100..220 every 30, columns at 60..540 every
// 120. Cell (0,0) spans two columns (no rule at x=180 in row 0); cell (1,3)
// spans two rows (no rule at y=160 in column 3).
constexpr double kRows[] = {100, 130, 160, 190, 220};
constexpr double kCols[] = {60, 180, 300, 420, 540};

// Draws the table on a white A4 page at `dpi` (grey or colour), with a
// little clutter that must not be taken for rules: text-like strokes in the
// cells and an underline below the table.
Image DrawTable(double dpi, bool colour, int line_px) {
  const double k = dpi / 72.0;
  const int w = static_cast<int>(595 * k), h = static_cast<int>(842 * k);
  Image pix(pixCreate(w, h, colour ? 32 : 8));
  pixSetAll(pix.get());
  auto line = [&](double x0, double y0, double x1, double y1, int width) {
    Line(pix.get(), static_cast<int>(x0 * k), static_cast<int>(y0 * k), static_cast<int>(x1 * k),
         static_cast<int>(y1 * k), width);
  };
  for (int r = 0; r < 5; ++r) {
    const double y = kRows[r];
    if (r == 2) {
      line(kCols[0], y, kCols[3], y, line_px);  // column 3 is merged here
    } else {
      line(kCols[0], y, kCols[4], y, line_px);
    }
  }
  for (int c = 0; c < 5; ++c) {
    const double x = kCols[c];
    if (c == 1) {
      line(x, kRows[1], x, kRows[4], line_px);  // row 0 is merged here
    } else {
      line(x, kRows[0], x, kRows[4], line_px);
    }
  }
  // Glyph-like strokes inside cells (about 9 pt), and an underline.
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) {
      const double x = kCols[c] + 10, y = kRows[r] + 10;
      line(x, y, x + 9, y, std::max(1, line_px));
      line(x + 4, y - 3, x + 4, y + 6, std::max(1, line_px));
      line(x + 12, y + 4, x + 21, y + 4, std::max(1, line_px));
    }
  line(100, 300, 300, 300, line_px);
  return pix;
}

// Multiplies a red ring (an official seal) into a colour page.
void AddSeal(Pix* pix, double dpi, double cx_pt, double cy_pt) {
  const double k = dpi / 72.0;
  const double cx = cx_pt * k, cy = cy_pt * k, r_out = 42 * k, r_in = 38 * k;
  for (int y = static_cast<int>(cy - r_out); y <= cy + r_out; ++y)
    for (int x = static_cast<int>(cx - r_out); x <= cx + r_out; ++x) {
      const double d = std::hypot(x - cx, y - cy);
      const bool ring = d <= r_out && d >= r_in;
      const bool star = d < 12 * k && std::abs(x - cx) < 2 * k;  // a stroke in the middle
      if (!ring && !star) continue;
      l_int32 rv = 0, gv = 0, bv = 0;
      if (pixGetRGBPixel(pix, x, y, &rv, &gv, &bv) != 0) continue;
      pixSetRGBPixel(pix, x, y, rv * 230 / 255, gv * 30 / 255, bv * 30 / 255);
    }
}

Image JpegRoundTrip(Pix* pix, int quality) {
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemJpeg(&data, &size, pix, quality, 0) != 0) return nullptr;
  Image out(pixReadMemJpeg(data, size, 0, 1, nullptr, 0));
  lept_free(data);
  return out;
}

// Where a point of the drawn page lands on the image the detector sees
// (identity unless the page was turned).
struct Turn {
  double angle_rad = 0, cx_pt = 0, cy_pt = 0;
  void Apply(double x, double y, double* ox, double* oy) const {
    const double c = std::cos(angle_rad), s = std::sin(angle_rad);
    const double dx = x - cx_pt, dy = y - cy_pt;
    *ox = cx_pt + dx * c - dy * s;  // Leptonica: positive angles turn clockwise
    *oy = cy_pt + dx * s + dy * c;
  }
};

void ExpectTableStructure(const std::vector<TableGrid>& grids, double tolerance_pt,
                          const Turn& turn = Turn{}) {
  ASSERT_EQ(grids.size(), 1u);
  const TableGrid& g = grids[0];
  ASSERT_EQ(g.rows(), 4);
  ASSERT_EQ(g.cols(), 4);
  ASSERT_EQ(g.cells.size(), 14u);
  if (turn.angle_rad == 0) {
    for (int i = 0; i < 5; ++i) {
      EXPECT_NEAR(g.row_edges[i], kRows[i], tolerance_pt) << "row edge " << i;
      EXPECT_NEAR(g.col_edges[i], kCols[i], tolerance_pt) << "col edge " << i;
    }
  }
  int merged = 0;
  for (const GridCell& c : g.cells) {
    int span_r = 1, span_c = 1;
    if (c.row == 0 && c.col == 0) span_c = 2;
    if (c.row == 1 && c.col == 3) span_r = 2;
    merged += (span_r > 1 || span_c > 1) ? 1 : 0;
    EXPECT_EQ(c.row_span, span_r) << c.row << "," << c.col;
    EXPECT_EQ(c.col_span, span_c) << c.row << "," << c.col;
    // The cell's centre (a turned rectangle's box keeps its centre).
    double ex = 0, ey = 0;
    turn.Apply((kCols[c.col] + kCols[c.col + span_c]) / 2, (kRows[c.row] + kRows[c.row + span_r]) / 2,
               &ex, &ey);
    EXPECT_NEAR((c.bbox.x0 + c.bbox.x1) / 2, ex, tolerance_pt) << c.row << "," << c.col;
    EXPECT_NEAR((c.bbox.y0 + c.bbox.y1) / 2, ey, tolerance_pt) << c.row << "," << c.col;
  }
  EXPECT_EQ(merged, 2);
  for (size_t i = 1; i < g.cells.size(); ++i) {
    const GridCell& a = g.cells[i - 1];
    const GridCell& b = g.cells[i];
    EXPECT_TRUE(a.row < b.row || (a.row == b.row && a.col < b.col));
  }
}

TEST(RulingGridTest, CleanGreyRenderGivesMergedCells) {
  Image pix = DrawTable(100, false, 1);
  ExpectTableStructure(DetectTableGrids(pix.get(), 72.0 / 100), 1.5);
}

TEST(RulingGridTest, OneBitInputWorksAndIsNotModified) {
  Image grey = DrawTable(100, false, 1);
  Image bin(pixConvertTo1(grey.get(), 128));
  l_int32 before = 0, after = 0;
  pixCountPixels(bin.get(), &before, nullptr);
  // Blanking text boxes must not touch the caller's image.
  ExpectTableStructure(DetectTableGrids(bin.get(), 72.0 / 100, {{65, 105, 90, 120}}), 1.5);
  pixCountPixels(bin.get(), &after, nullptr);
  EXPECT_EQ(before, after);
}

TEST(RulingGridTest, SkewedNoisyJpegScanWithRedSeal) {
  constexpr double kDpi = 200;
  Image page = DrawTable(kDpi, true, 3);
  AddSeal(page.get(), kDpi, 470, 170);  // over the merged cell and its rules
  Image rotated(pixRotate(page.get(), static_cast<float>(1.6 * M_PI / 180), L_ROTATE_AREA_MAP,
                          L_BRING_IN_WHITE, 0, 0));
  ASSERT_TRUE(rotated);
  Image noisy(pixAddGaussianNoise(rotated.get(), 18));
  ASSERT_TRUE(noisy);
  Image scan = JpegRoundTrip(noisy.get(), 60);
  ASSERT_TRUE(scan);
  Turn turn;
  turn.angle_rad = 1.6 * M_PI / 180;
  turn.cx_pt = pixGetWidth(page.get()) / 2.0 * 72.0 / kDpi;
  turn.cy_pt = pixGetHeight(page.get()) / 2.0 * 72.0 / kDpi;
  ExpectTableStructure(DetectTableGrids(scan.get(), 72.0 / kDpi), 2.0, turn);
}

TEST(RulingGridTest, ABlobOnARuleDoesNotHideIt) {
  // A dark bar (a stamp, a redaction) 40 x 8 pt lying across the rule at
  // y=130: the rule and the bar form one thick component.
  constexpr double kDpi = 100;
  Image page = DrawTable(kDpi, false, 1);
  const double k = kDpi / 72.0;
  pixRasterop(page.get(), static_cast<int>(320 * k), static_cast<int>(126 * k), static_cast<int>(40 * k),
              static_cast<int>(8 * k), PIX_CLR, nullptr, 0, 0);
  ExpectTableStructure(DetectTableGrids(page.get(), 72.0 / kDpi), 1.5);
}

TEST(RulingGridTest, RedSealOnACleanColourRenderIsIgnored) {
  constexpr double kDpi = 100;
  Image page = DrawTable(kDpi, true, 1);
  AddSeal(page.get(), kDpi, 300, 160);
  ExpectTableStructure(DetectTableGrids(page.get(), 72.0 / kDpi), 1.5);
}

TEST(RulingGridTest, BrokenRulesOnAScanAreBridged) {
  constexpr double kDpi = 300;
  Image page = DrawTable(kDpi, false, 3);
  // Knock small holes (about 0.5 pt) into every rule every 25-40 pt, as a
  // light scan does.
  const double k = kDpi / 72.0;
  for (double y : kRows)
    for (double x = 75; x < 540; x += 40)
      pixRasterop(page.get(), static_cast<int>(x * k), static_cast<int>(y * k - 4), 2, 9, PIX_SET, nullptr, 0, 0);
  for (double x : kCols)
    for (double y = 105; y < 220; y += 25)
      pixRasterop(page.get(), static_cast<int>(x * k - 4), static_cast<int>(y * k), 9, 2, PIX_SET, nullptr, 0, 0);
  ExpectTableStructure(DetectTableGrids(page.get(), 72.0 / kDpi), 1.5);
}

TEST(RulingGridTest, TextAndUnderlinesAreNotTables) {
  Image pix(pixCreate(826, 1169, 8));
  pixSetAll(pix.get());
  for (int i = 0; i < 30; ++i) {
    const int y = 100 + i * 20;
    for (int x = 80; x < 700; x += 14) Line(pix.get(), x, y, x + 10, y, 1);
  }
  Line(pix.get(), 100, 900, 500, 900, 1);
  Line(pix.get(), 100, 940, 100, 1000, 1);
  EXPECT_TRUE(DetectTableGrids(pix.get(), 0.72).empty());
}

TEST(RulingGridTest, DenseHatchingFinishesQuickly) {
  // Graph paper: 150 x 80 cells of 5 pt; every inner rule drawn except a
  // staircase of gaps, so many cells merge.
  Image pix(pixCreate(826, 1169, 8));
  pixSetAll(pix.get());
  const double k = 100.0 / 72.0;
  for (int i = 0; i <= 150; ++i) {
    const int y = static_cast<int>((20 + i * 5) * k);
    Line(pix.get(), static_cast<int>(20 * k), y, static_cast<int>(420 * k), y, 1);
  }
  for (int j = 0; j <= 80; ++j) {
    const int x = static_cast<int>((20 + j * 5) * k);
    Line(pix.get(), x, static_cast<int>(20 * k), x, static_cast<int>(770 * k), 1);
  }
  for (int i = 0; i < 80; ++i) {
    const int x = static_cast<int>((20 + i * 5 + 1) * k), y = static_cast<int>((20 + i * 5 + 1) * k);
    pixRasterop(pix.get(), x, y - 3, 4, 7, PIX_SET, nullptr, 0, 0);
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<TableGrid> grids = DetectTableGrids(pix.get(), 72.0 / 100);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
  for (const TableGrid& g : grids) {
    // Whatever was found is a consistent grid: cells tile without overlap.
    std::vector<int> covered(static_cast<size_t>(g.rows()) * g.cols(), 0);
    for (const GridCell& c : g.cells)
      for (int r = c.row; r < c.row + c.row_span; ++r)
        for (int col = c.col; col < c.col + c.col_span; ++col) ++covered[static_cast<size_t>(r) * g.cols() + col];
    for (int n : covered) EXPECT_EQ(n, 1);
  }
}

// A table continued from the previous page: no rule above its first row,
// but the column rules start 30 pt higher. That row is part of the grid.
// A blank grey A4 page at 100 dpi and a way to draw 1-pixel rules on it in points.
struct RulePage {
  static constexpr double kDpi = 100;
  Image pix{pixCreate(static_cast<int>(595 * kDpi / 72), static_cast<int>(842 * kDpi / 72), 8)};
  RulePage() { pixSetAll(pix.get()); }
  void Rule(double x0, double y0, double x1, double y1) {
    const double k = kDpi / 72.0;
    Line(pix.get(), static_cast<int>(x0 * k), static_cast<int>(y0 * k), static_cast<int>(x1 * k),
         static_cast<int>(y1 * k), 1);
  }
  std::vector<TableGrid> Grids() { return DetectTableGrids(pix.get(), 72.0 / kDpi); }
};

TEST(RulingGridTest, ATableCutOpenAtThePageTopKeepsItsFirstRow) {
  RulePage page;
  auto line = [&](double x0, double y0, double x1, double y1) { page.Rule(x0, y0, x1, y1); };
  for (double y : {100.0, 130.0, 160.0}) line(60, y, 540, y);  // no rule at y=70
  for (double x : {60.0, 180.0, 300.0, 540.0}) line(x, 70, x, 160);
  std::vector<TableGrid> grids = page.Grids();
  ASSERT_EQ(grids.size(), 1u);
  ASSERT_EQ(grids[0].rows(), 3);
  EXPECT_NEAR(grids[0].row_edges.front(), 70, 2.0);
  EXPECT_EQ(grids[0].cols(), 3);
}

// Column rules that stop at the last rule leave the grid as drawn.
TEST(RulingGridTest, AClosedTableGetsNoExtraRow) {
  RulePage page;
  auto line = [&](double x0, double y0, double x1, double y1) { page.Rule(x0, y0, x1, y1); };
  for (double y : {100.0, 130.0, 160.0}) line(60, y, 540, y);
  for (double x : {60.0, 180.0, 540.0}) line(x, 100, x, 160);
  line(300, 70, 300, 160);  // one inner rule running on is not an open end
  std::vector<TableGrid> grids = page.Grids();
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows(), 2);
}

TEST(RulingGridTest, BadInputGivesNothing) {
  EXPECT_TRUE(DetectTableGrids(nullptr, 1.0).empty());
  Image tiny(pixCreate(4, 4, 8));
  EXPECT_TRUE(DetectTableGrids(tiny.get(), 1.0).empty());
  Image pix = DrawTable(100, false, 1);
  EXPECT_TRUE(DetectTableGrids(pix.get(), 0).empty());
  EXPECT_TRUE(DetectTableGrids(pix.get(), std::nan("")).empty());
}

}  // namespace
}  // namespace jixiao
