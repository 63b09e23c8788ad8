// Comparator glyphs found by shape and put into recognized words.
#include "extract/ocr_comparators.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <algorithm>

#include "extract/image_pix.h"

namespace jixiao {
namespace {

// Draws a chevron (apex right when `right`) with `bars` bars under it, at
// (x, y), about 16 px tall as at 200 dpi.
void DrawComparator(Pix* pix, int x, int y, bool right, int bars) {
  const int w = 16, h = 14;
  const int tip = right ? x + w : x, back = right ? x : x + w;
  pixRenderLine(pix, back, y, tip, y + h / 2, 3, L_SET_PIXELS);
  pixRenderLine(pix, tip, y + h / 2, back, y + h, 3, L_SET_PIXELS);
  for (int i = 0; i < bars; ++i) pixRenderLine(pix, x, y + h + 6 + 6 * i, x + w, y + h + 6 + 6 * i, 3, L_SET_PIXELS);
}

TEST(FindComparatorGlyphs, ReadsTheFourComparators) {
  OwnedPix pix(pixCreate(400, 80, 1));
  DrawComparator(pix.get(), 20, 20, true, 1);
  DrawComparator(pix.get(), 120, 20, false, 1);
  DrawComparator(pix.get(), 220, 20, true, 2);
  DrawComparator(pix.get(), 320, 20, false, 2);
  std::vector<ComparatorGlyph> glyphs = FindComparatorGlyphs(pix.get(), 200);
  ASSERT_EQ(glyphs.size(), 4u);
  std::sort(glyphs.begin(), glyphs.end(), [](const auto& a, const auto& b) { return a.x0 < b.x0; });
  EXPECT_EQ(glyphs[0].text, "≥");
  EXPECT_EQ(glyphs[1].text, "≤");
  EXPECT_EQ(glyphs[2].text, "≧");
  EXPECT_EQ(glyphs[3].text, "≦");
  EXPECT_LE(glyphs[0].x0, 21);
  EXPECT_GE(glyphs[0].y1, 40);
}

// Draws ≧ at (20, 20) with its first bar fused to the lower arm (as blur
// does) and the second `gap` px further down.
void DrawFusedGreaterEqual(Pix* pix, int gap) {
  const int x = 20, y = 20, w = 16, h = 14;
  pixRenderLine(pix, x, y, x + w, y + h / 2, 3, L_SET_PIXELS);
  pixRenderLine(pix, x + w, y + h / 2, x, y + h, 3, L_SET_PIXELS);
  pixRenderLine(pix, x, y + h + 2, x + w, y + h + 2, 3, L_SET_PIXELS);
  pixRenderLine(pix, x, y + h + 2 + gap, x + w, y + h + 2 + gap, 3, L_SET_PIXELS);
}

TEST(FindComparatorGlyphs, CountsABarFusedToTheChevron) {
  OwnedPix pix(pixCreate(200, 80, 1));
  DrawFusedGreaterEqual(pix.get(), 6);
  std::vector<ComparatorGlyph> glyphs = FindComparatorGlyphs(pix.get(), 200);
  ASSERT_EQ(glyphs.size(), 1u);
  EXPECT_EQ(glyphs[0].text, "≧");
}

TEST(FindComparatorGlyphs, ASpeckUnderAFusedBarDoesNotHideIt) {
  // JPEG noise: one pixel hanging under the fused bar makes the component's
  // bottom row narrow.
  OwnedPix pix(pixCreate(200, 80, 1));
  DrawFusedGreaterEqual(pix.get(), 7);
  pixSetPixel(pix.get(), 25, 38, 1);  // just under the fused bar
  std::vector<ComparatorGlyph> glyphs = FindComparatorGlyphs(pix.get(), 200);
  ASSERT_EQ(glyphs.size(), 1u);
  EXPECT_EQ(glyphs[0].text, "≧");
}

TEST(FindComparatorGlyphs, ReadsAThickChevronWithABlobUnderItsFusedBar) {
  // Bold print at 300 dpi: arms 5 px thick reach past 0.4 of the width with
  // their far edge; a blob 4 px wide hangs under the fused bar.
  OwnedPix pix(pixCreate(200, 80, 1));
  const int x = 20, y = 20, w = 15, h = 18;
  pixRenderLine(pix.get(), x + 2, y + 2, x + w - 3, y + h / 2, 5, L_SET_PIXELS);
  pixRenderLine(pix.get(), x + w - 3, y + h / 2, x + 2, y + h - 2, 5, L_SET_PIXELS);
  pixRenderLine(pix.get(), x, y + h + 1, x + w, y + h + 1, 3, L_SET_PIXELS);
  pixRenderLine(pix.get(), x + 5, y + h + 3, x + 8, y + h + 3, 1, L_SET_PIXELS);
  pixRenderLine(pix.get(), x, y + h + 8, x + w, y + h + 8, 3, L_SET_PIXELS);
  std::vector<ComparatorGlyph> glyphs = FindComparatorGlyphs(pix.get(), 300);
  ASSERT_EQ(glyphs.size(), 1u);
  EXPECT_EQ(glyphs[0].text, "≧");
}

TEST(FindComparatorGlyphs, ReadsABarSlantedParallelToTheLowerArm) {
  // "⩾" as scanned at 300 dpi (the cell "≥95%"): the bar under the chevron
  // runs parallel to its lower arm, so its box is 0.62 of the chevron's
  // height: the arm's half plus the stroke.
  const char* const kChevron[] = {
      "####.......................", "#######....................", "#########..................",
      "..##########...............", ".....#########.............", ".......#########...........",
      "..........#########........", "............#########......", "...............#########...",
      ".................#########.", "..................#########", ".................#########.",
      "...............#########...", "............##########.....", "..........#########........",
      ".......##########..........", ".....#########.............", "..##########...............",
      "#########..................", "#######....................", "####.......................",
  };
  OwnedPix pix(pixCreate(100, 60, 1));
  for (int row = 0; row < 21; ++row)
    for (int col = 0; kChevron[row][col] != '\0'; ++col)
      if (kChevron[row][col] == '#') pixSetPixel(pix.get(), 10 + col, 10 + row, 1);
  pixRenderLine(pix.get(), 35, 28, 11, 38, 4, L_SET_PIXELS);
  std::vector<ComparatorGlyph> glyphs = FindComparatorGlyphs(pix.get(), 300);
  ASSERT_EQ(glyphs.size(), 1u);
  EXPECT_EQ(glyphs[0].text, "≥");
}

TEST(FindComparatorGlyphs, IgnoresABoldDigitTwo) {
  // A "2" as scanned at 300 dpi (the cell "620.5"): its diagonal and foot
  // look like a chevron's lower arm with a fused bar.
  const char* const kTwo[] = {
      "........##.........", "....#########......", "..############.....", ".###############...",
      "################...", "#####......######..", ".###........#####..", "............#####..",
      ".............####..", ".............####..", ".............####..", ".............####..",
      "............#####..", "............#####..", "...........#####...", "...........#####...",
      "..........#####....", "..........#####....", ".........#####.....", "........######.....",
      ".......######......", "......######.......", ".....######........", "....######.........",
      "...#######.........", "..#######..........", ".########..........", "##################.",
      "###################", "###################", "##################.",
  };
  OwnedPix pix(pixCreate(100, 60, 1));
  for (int row = 0; row < 31; ++row)
    for (int col = 0; kTwo[row][col] != '\0'; ++col)
      if (kTwo[row][col] == '#') pixSetPixel(pix.get(), 20 + col, 10 + row, 1);
  EXPECT_TRUE(FindComparatorGlyphs(pix.get(), 300).empty());
}

TEST(FindComparatorGlyphs, IgnoresOtherShapes) {
  OwnedPix pix(pixCreate(400, 80, 1));
  // A chevron alone (">"), an "=", and a chevron with a bar and a stroke
  // crossing the glyph's box (part of a larger character).
  pixRenderLine(pix.get(), 20, 20, 36, 27, 3, L_SET_PIXELS);
  pixRenderLine(pix.get(), 36, 27, 20, 34, 3, L_SET_PIXELS);
  pixRenderLine(pix.get(), 120, 30, 140, 30, 3, L_SET_PIXELS);
  pixRenderLine(pix.get(), 120, 38, 140, 38, 3, L_SET_PIXELS);
  DrawComparator(pix.get(), 220, 20, true, 1);
  pixRenderLine(pix.get(), 226, 25, 226, 60, 2, L_SET_PIXELS);
  EXPECT_TRUE(FindComparatorGlyphs(pix.get(), 200).empty());
  EXPECT_TRUE(FindComparatorGlyphs(nullptr, 200).empty());
}

OcrWord Word(const std::string& chars, int x0, int y0, int step) {
  OcrWord w;
  int x = x0;
  for (char c : chars) {
    w.symbols.push_back(OcrSymbol{std::string(1, c), x, y0, x + step - 2, y0 + 20, 0.95});
    x += step;
  }
  w.x0 = x0, w.y0 = y0, w.x1 = x, w.y1 = y0 + 20;
  w.confidence = 0.9;
  for (const auto& s : w.symbols) w.text += s.text;
  return w;
}

TEST(ApplyComparators, ReplacesTheMisreadSymbol) {
  std::vector<OcrWord> words = {Word("290%", 100, 10, 12)};
  words[0].symbols[0].confidence = 0.3;  // the doubtful "2"
  words[0].confidence = 0.3;
  ApplyComparators({ComparatorGlyph{"≥", 99, 10, 110, 30}}, &words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].text, "≥90%");
  EXPECT_NEAR(words[0].confidence, kComparatorConfidence, 1e-9);
}

TEST(ApplyComparators, MergesSeveralSymbolsIntoOne) {
  std::vector<OcrWord> words = {Word(">=2%", 100, 10, 8)};
  ApplyComparators({ComparatorGlyph{"≤", 99, 10, 114, 30}}, &words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].text, "≤2%");
}

TEST(ApplyComparators, InsertsADroppedGlyph) {
  std::vector<OcrWord> words = {Word("90%", 120, 10, 12)};
  ApplyComparators({ComparatorGlyph{"≥", 100, 12, 114, 30}}, &words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].text, "≥90%");
  EXPECT_EQ(words[0].x0, 100);
  std::vector<OcrWord> none;
  ApplyComparators({ComparatorGlyph{"≥", 100, 12, 114, 30}}, &none);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].text, "≥");
}

}  // namespace
}  // namespace jixiao
