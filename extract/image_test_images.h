// Test images for the OCR path: the project's clean table fixture, and the
// damage scans show (rotation, noise, a red seal multiplied into the page),
// drawn with Leptonica so every test makes the same pixels.
#pragma once

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "extract/image_pix.h"

namespace jixiao::test_images {

inline std::string FixturePath() {
  return std::string(JIXIAO_SOURCE_DIR) + "/tests/data/ocr/budget_table.png";
}

// The fixture: a bordered budget table (200 dpi, 8 bpp), white margin added.
// Cell "93.76" is centred near (1000, 190) after the margin.
constexpr int kMargin = 60;
inline OwnedPix LoadTable() {
  OwnedPix raw(pixRead(FixturePath().c_str()));
  if (!raw) return nullptr;
  OwnedPix grey(pixConvertTo8(raw.get(), 0));
  OwnedPix framed(pixAddBorder(grey.get(), kMargin, 255));
  pixSetResolution(framed.get(), 200, 200);
  return framed;
}

inline OwnedPix ToColour(Pix* pix) { return OwnedPix(pixConvertTo32(pix)); }

inline OwnedPix RotateBy(Pix* pix, double degrees) {
  return OwnedPix(pixRotate(pix, static_cast<float>(degrees * M_PI / 180.0), L_ROTATE_AREA_MAP,
                            L_BRING_IN_WHITE, 0, 0));
}

// Adds uniform noise of +-amplitude to every channel of a 32 bpp image
// (deterministic).
inline void AddNoise(Pix* rgb, int amplitude) {
  uint32_t state = 12345;
  const int w = pixGetWidth(rgb), h = pixGetHeight(rgb);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      l_int32 r = 0, g = 0, b = 0;
      pixGetRGBPixel(rgb, x, y, &r, &g, &b);
      state = state * 1664525u + 1013904223u;
      const int n = static_cast<int>((state >> 16) % (2 * amplitude + 1)) - amplitude;
      pixSetRGBPixel(rgb, x, y, std::clamp(r + n, 0, 255), std::clamp(g + n, 0, 255),
                     std::clamp(b + n, 0, 255));
    }
}

// Multiplies seal ink (red) into the pixels of a 32 bpp image where `mask`
// (1 bpp, same size) is set, as a scanner sees a stamp over print.
inline void MultiplyRed(Pix* rgb, Pix* mask) {
  const int w = pixGetWidth(rgb), h = pixGetHeight(rgb);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      l_uint32 on = 0;
      pixGetPixel(mask, x, y, &on);
      if (!on) continue;
      l_int32 r = 0, g = 0, b = 0;
      pixGetRGBPixel(rgb, x, y, &r, &g, &b);
      pixSetRGBPixel(rgb, x, y, r * 225 / 255, g * 35 / 255, b * 45 / 255);
    }
}

// A seal: a ring of `radius` around (cx, cy), 7 px thick, a filled disc in
// the middle and a line of bitmap text across (tx, ty), all in red.
inline void StampSeal(Pix* rgb, int cx, int cy, int radius, int tx, int ty) {
  const int w = pixGetWidth(rgb), h = pixGetHeight(rgb);
  OwnedPix mask(pixCreate(w, h, 1));
  for (int y = std::max(0, cy - radius); y < std::min(h, cy + radius + 1); ++y)
    for (int x = std::max(0, cx - radius); x < std::min(w, cx + radius + 1); ++x) {
      const double d = std::hypot(x - cx, y - cy);
      if ((d <= radius && d >= radius - 7) || d <= radius / 5.0) pixSetPixel(mask.get(), x, y, 1);
    }
  L_BMF* font = bmfCreate(nullptr, 20);
  if (font != nullptr) {
    pixSetTextline(mask.get(), font, "OFFICIAL SEAL 2023", 1, tx, ty, nullptr, nullptr);
    bmfDestroy(&font);
  }
  MultiplyRed(rgb, mask.get());
}

}  // namespace jixiao::test_images
