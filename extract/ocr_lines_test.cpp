// Line bands of a cell's ink.
#include "extract/ocr_lines.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include "extract/image_pix.h"

namespace jixiao {
namespace {

// At 300 dpi one em of 10.5 pt body text is about 44 px.
constexpr double kDpi = 300;

// A text line: solid ink rows y0..y1 across x 10..200.
void Line(Pix* pix, int y0, int y1) {
  for (int y = y0; y < y1; ++y) pixRenderLine(pix, 10, y, 200, y, 1, L_SET_PIXELS);
}

TEST(TextLineBands, FindsTwoLines) {
  OwnedPix pix(pixCreate(220, 120, 1));
  Line(pix.get(), 10, 50);
  Line(pix.get(), 62, 100);
  const std::vector<LineBand> bands = TextLineBands(pix.get(), kDpi);
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_EQ(bands[0].y0, 10);
  EXPECT_EQ(bands[0].y1, 50);
  EXPECT_EQ(bands[1].y0, 62);
  EXPECT_EQ(bands[1].y1, 100);
  EXPECT_TRUE(AreSeparateLines(bands, kDpi));
}

TEST(TextLineBands, StrokesOfOneLineAndSpecksAreNotLines) {
  // 三 alone: three strokes 4 px thick with 12 px between them.
  OwnedPix pix(pixCreate(220, 120, 1));
  Line(pix.get(), 20, 24);
  Line(pix.get(), 36, 40);
  Line(pix.get(), 52, 56);
  pixSetPixel(pix.get(), 100, 110, 1);  // a speck of noise far below
  const std::vector<LineBand> bands = TextLineBands(pix.get(), kDpi);
  ASSERT_EQ(bands.size(), 1u);
  EXPECT_EQ(bands[0].y0, 20);
  EXPECT_EQ(bands[0].y1, 56);
  EXPECT_FALSE(AreSeparateLines(bands, kDpi));
}

TEST(TextLineBands, AShortPieceJoinsTheNearerLine) {
  // A piece of a glyph (the tail of 乚, 8 rows of 10 px) 3 px under the
  // first line, then a second line.
  OwnedPix pix(pixCreate(220, 140, 1));
  Line(pix.get(), 10, 50);
  for (int y = 53; y < 61; ++y) pixRenderLine(pix.get(), 60, y, 69, y, 1, L_SET_PIXELS);
  Line(pix.get(), 80, 120);
  const std::vector<LineBand> bands = TextLineBands(pix.get(), kDpi);
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_EQ(bands[0].y1, 61);
  EXPECT_EQ(bands[1].y0, 80);
}

TEST(TextLineBands, ABlockTallerThanALineIsNotSplit) {
  OwnedPix pix(pixCreate(220, 160, 1));
  Line(pix.get(), 10, 90);  // two lines touching: one band 80 px tall
  Line(pix.get(), 100, 140);
  EXPECT_FALSE(AreSeparateLines(TextLineBands(pix.get(), kDpi), kDpi));
  EXPECT_TRUE(TextLineBands(nullptr, kDpi).empty());
  OwnedPix blank(pixCreate(50, 50, 1));
  EXPECT_TRUE(TextLineBands(blank.get(), kDpi).empty());
}

}  // namespace
}  // namespace jixiao
