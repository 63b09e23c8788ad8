// Clean-up steps: seal colour removal, deskew angle, binarization, rules.
#include "extract/image_clean.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cmath>

#include "extract/image_test_images.h"

namespace jixiao {
namespace {

l_int32 GreyAt(Pix* pix, int x, int y) {
  l_uint32 v = 0;
  pixGetPixel(pix, x, y, &v);
  return static_cast<l_int32>(v);
}

TEST(GreyWithoutSeals, RedInkFadesDarkStrokesStay) {
  OwnedPix rgb(pixCreate(5, 1, 32));
  pixSetRGBPixel(rgb.get(), 0, 0, 245, 245, 245);  // paper
  pixSetRGBPixel(rgb.get(), 1, 0, 220, 40, 50);    // seal over paper
  pixSetRGBPixel(rgb.get(), 2, 0, 20, 4, 5);       // black text under the seal
  pixSetRGBPixel(rgb.get(), 3, 0, 40, 40, 40);     // grey text
  pixSetRGBPixel(rgb.get(), 4, 0, 190, 40, 170);   // magenta seal
  OwnedPix grey = GreyWithoutSeals(rgb.get());
  ASSERT_TRUE(grey);
  ASSERT_EQ(pixGetDepth(grey.get()), 8);
  EXPECT_GE(GreyAt(grey.get(), 0, 0), 240);
  EXPECT_GE(GreyAt(grey.get(), 1, 0), 200);
  EXPECT_LE(GreyAt(grey.get(), 2, 0), 30);
  EXPECT_LE(GreyAt(grey.get(), 3, 0), 45);
  EXPECT_GE(GreyAt(grey.get(), 4, 0), 180);
}

TEST(GreyWithoutSeals, AcceptsGreyAndBinary) {
  OwnedPix table = test_images::LoadTable();
  ASSERT_TRUE(table) << test_images::FixturePath();
  OwnedPix grey = GreyWithoutSeals(table.get());
  ASSERT_TRUE(grey);
  EXPECT_EQ(pixGetDepth(grey.get()), 8);
  OwnedPix binary(pixThresholdToBinary(table.get(), 128));
  OwnedPix from_binary = GreyWithoutSeals(binary.get());
  ASSERT_TRUE(from_binary);
  EXPECT_EQ(pixGetDepth(from_binary.get()), 8);
  EXPECT_FALSE(GreyWithoutSeals(nullptr));
}

TEST(NormalizeBackground, FlattensTintedUnevenPaper) {
  // Paper darkening from 230 (left) to 150 (right), with a dark stroke.
  OwnedPix grey(pixCreate(400, 200, 8));
  for (int y = 0; y < 200; ++y)
    for (int x = 0; x < 400; ++x) pixSetPixel(grey.get(), x, y, 230 - x / 5);
  for (int y = 90; y < 96; ++y)
    for (int x = 20; x < 380; ++x) pixSetPixel(grey.get(), x, y, 20);
  OwnedPix norm = NormalizeBackground(grey.get());
  ASSERT_TRUE(norm);
  EXPECT_GE(GreyAt(norm.get(), 10, 20), 245);
  EXPECT_GE(GreyAt(norm.get(), 390, 180), 245);
  EXPECT_LE(GreyAt(norm.get(), 200, 92), 80);
  EXPECT_LE(GreyAt(norm.get(), 370, 92), 80);
}

class DeskewTest : public ::testing::TestWithParam<double> {};

TEST_P(DeskewTest, RecoversTheRotation) {
  const double rotation = GetParam();
  OwnedPix table = test_images::LoadTable();
  ASSERT_TRUE(table) << test_images::FixturePath();
  OwnedPix colour = test_images::ToColour(table.get());
  OwnedPix rotated = test_images::RotateBy(colour.get(), rotation);
  test_images::AddNoise(rotated.get(), 25);
  Result<CleanPage> clean = CleanPageImage(rotated.get(), 200);
  ASSERT_TRUE(clean.ok()) << clean.status().message();
  EXPECT_NEAR(clean.value().skew_degrees, -rotation, 0.3);
  // A level page stays level.
  Result<CleanPage> level = CleanPageImage(table.get(), 200);
  ASSERT_TRUE(level.ok());
  EXPECT_NEAR(level.value().skew_degrees, 0, 0.1);
}

INSTANTIATE_TEST_SUITE_P(Angles, DeskewTest, ::testing::Values(2.0, -2.0, 0.7));

TEST(RulingLineMask, FindsTableRulesNotText) {
  OwnedPix table = test_images::LoadTable();
  ASSERT_TRUE(table);
  OwnedPix binary(pixThresholdToBinary(table.get(), 160));
  OwnedPix mask = RulingLineMask(binary.get(), 200);
  ASSERT_TRUE(mask);
  // The table's outer left rule (x ~ 135 with the margin) is masked over its
  // height; the middle of the "93.76" text is not.
  l_int32 count = 0;
  BOX* rule = boxCreate(125, 100, 25, 300);
  OwnedPix rule_part(pixClipRectangle(mask.get(), rule, nullptr));
  boxDestroy(&rule);
  pixCountPixels(rule_part.get(), &count, nullptr);
  EXPECT_GT(count, 300 * 2);
  BOX* text = boxCreate(950, 172, 100, 36);
  OwnedPix text_part(pixClipRectangle(mask.get(), text, nullptr));
  boxDestroy(&text);
  pixCountPixels(text_part.get(), &count, nullptr);
  EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace jixiao
