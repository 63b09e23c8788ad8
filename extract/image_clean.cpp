// Seal removal, background normalization, binarization, deskew, rule masks.
#include "extract/image_clean.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

namespace jixiao {
namespace {

// Red minus green at which a pixel starts / fully counts as seal ink. Paper
// tints (grey, yellowish) stay well below the start; seal red and magenta
// are far above the end.
constexpr int kRednessStart = 30;
constexpr int kRednessFull = 80;

// Global threshold on the normalized grey (paper 255): faint thin strokes of
// serif CJK glyphs after blur and JPEG stay ink, paper noise does not.
constexpr int kInkThreshold = 180;

// Luminance, moved toward the brightest channel as the pixel gets redder.
int GreyFadingSealInk(int r, int g, int b) {
  const int lum = (77 * r + 150 * g + 29 * b) >> 8;
  const int redness = r - g;
  if (redness <= kRednessStart) return lum;
  const int bright = std::max(r, b);
  const int wgt = std::min(redness - kRednessStart, kRednessFull - kRednessStart);
  return lum + (bright - lum) * wgt / (kRednessFull - kRednessStart);
}

}  // namespace

OwnedPix GreyWithoutSeals(Pix* page) {
  if (page == nullptr) return nullptr;
  OwnedPix plain;
  Pix* src = page;
  if (pixGetColormap(page) != nullptr) {
    plain.reset(pixRemoveColormap(page, REMOVE_CMAP_BASED_ON_SRC));
    if (!plain) return nullptr;
    src = plain.get();
  }
  if (pixGetDepth(src) == 32) return GreyFromRgb(src, [](int r, int g, int b) { return GreyFadingSealInk(r, g, b); });
  if (pixGetDepth(src) == 8) return OwnedPix(pixCopy(nullptr, src));
  return OwnedPix(pixConvertTo8(src, 0));
}

OwnedPix NormalizeBackground(Pix* grey) {
  if (grey == nullptr || pixGetDepth(grey) != 8) return nullptr;
  // Tiles of 10 x 15 px, pixels darker than 100 are ink, the background of
  // each tile is mapped to 255.
  OwnedPix norm(pixBackgroundNorm(grey, nullptr, nullptr, 10, 15, 100, 50, 255, 2, 1));
  if (!norm) return nullptr;
  // Stretch: what is within a few levels of the paper becomes paper.
  return OwnedPix(pixGammaTRC(nullptr, norm.get(), 1.0, 0, 235));
}

OwnedPix Binarize(Pix* grey) {
  if (grey == nullptr || pixGetDepth(grey) != 8) return nullptr;
  return OwnedPix(pixThresholdToBinary(grey, kInkThreshold));
}

double FindSkewDegrees(Pix* binary) {
  if (binary == nullptr || pixGetDepth(binary) != 1) return 0;
  l_float32 angle = 0, conf = 0;
  // Sweep +-3 degrees in 0.5 degree steps at 1/4 size, then refine by
  // binary search at 1/2 size to 0.01 degree.
  if (pixFindSkewSweepAndSearch(binary, &angle, &conf, 4, 2, 3.0f, 0.5f, 0.01f) != 0) return 0;
  if (!std::isfinite(angle) || conf < 2.0f || std::fabs(angle) > 3.0f) return 0;
  return angle;
}

OwnedPix RotateDegrees(Pix* pix, double degrees) {
  if (pix == nullptr) return nullptr;
  const float radians = static_cast<float>(degrees * M_PI / 180.0);
  return OwnedPix(pixRotate(pix, radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
}

OwnedPix RulingLineMask(Pix* binary, double dpi) {
  if (binary == nullptr || pixGetDepth(binary) != 1) return nullptr;
  // A rule is at least ~0.4 inch long: three or four characters, longer than
  // any stroke of one glyph. Small breaks from noise are closed first.
  const int length = std::max(20, static_cast<int>(std::lround(dpi * 0.4)));
  OwnedPix hclosed(pixCloseBrick(nullptr, binary, 5, 1));
  OwnedPix vclosed(pixCloseBrick(nullptr, binary, 1, 5));
  if (!hclosed || !vclosed) return nullptr;
  OwnedPix horizontal(pixOpenBrick(nullptr, hclosed.get(), length, 1));
  OwnedPix vertical(pixOpenBrick(nullptr, vclosed.get(), 1, length));
  if (!horizontal || !vertical) return nullptr;
  OwnedPix both(pixOr(nullptr, horizontal.get(), vertical.get()));
  if (!both) return nullptr;
  return OwnedPix(pixDilateBrick(nullptr, both.get(), 3, 3));
}

Result<CleanPage> CleanPageImage(Pix* page, double dpi) {
  (void)dpi;
  OwnedPix grey = GreyWithoutSeals(page);
  if (!grey) return Result<CleanPage>::Error("cannot convert the page image to grey");
  OwnedPix norm = NormalizeBackground(grey.get());
  if (!norm) return Result<CleanPage>::Error("cannot normalize the page background");
  OwnedPix binary = Binarize(norm.get());
  if (!binary) return Result<CleanPage>::Error("cannot binarize the page image");
  CleanPage clean;
  clean.skew_degrees = FindSkewDegrees(binary.get());
  if (std::fabs(clean.skew_degrees) >= 0.05) {
    OwnedPix level = RotateDegrees(norm.get(), clean.skew_degrees);
    if (!level) return Result<CleanPage>::Error("cannot deskew the page image");
    norm = std::move(level);
    binary = Binarize(norm.get());
    if (!binary) return Result<CleanPage>::Error("cannot binarize the page image");
    OwnedPix plain_level = RotateDegrees(grey.get(), clean.skew_degrees);
    if (!plain_level) return Result<CleanPage>::Error("cannot deskew the page image");
    grey = std::move(plain_level);
  } else {
    clean.skew_degrees = 0;
  }
  clean.grey = std::move(norm);
  clean.binary = std::move(binary);
  clean.plain = std::move(grey);
  return clean;
}

}  // namespace jixiao
