// Owning handle for a Leptonica image, for the OCR path's own code.
//
// Leptonica images are reference counted C objects; OwnedPix releases one
// reference when it goes out of scope, so every early return frees what was
// made. A null OwnedPix means "no image" (a Leptonica call failed).
#pragma once

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstddef>
#include <memory>

namespace jixiao {

struct PixFree {
  void operator()(Pix* pix) const;
};
using OwnedPix = std::unique_ptr<Pix, PixFree>;

// An 8 bpp image of the same size and resolution as the 32 bpp `rgb`, each
// pixel `grey_of(r, g, b)` clamped to 0..255; null when it cannot be made.
// A template so that the per-pixel rule is inlined (a page is ~9 M pixels).
template <class GreyOf>
OwnedPix GreyFromRgb(Pix* rgb, GreyOf grey_of) {
  if (rgb == nullptr || pixGetDepth(rgb) != 32) return nullptr;
  const int w = pixGetWidth(rgb), h = pixGetHeight(rgb);
  OwnedPix out(pixCreate(w, h, 8));
  if (!out) return nullptr;
  pixCopyResolution(out.get(), rgb);
  const l_uint32* src = pixGetData(rgb);
  l_uint32* dst = pixGetData(out.get());
  const int swpl = pixGetWpl(rgb), dwpl = pixGetWpl(out.get());
  for (int y = 0; y < h; ++y) {
    const l_uint32* sline = src + static_cast<std::size_t>(y) * swpl;
    l_uint32* dline = dst + static_cast<std::size_t>(y) * dwpl;
    for (int x = 0; x < w; ++x) {
      l_int32 r = 0, g = 0, b = 0;
      extractRGBValues(sline[x], &r, &g, &b);
      SET_DATA_BYTE(dline, x, std::clamp(grey_of(r, g, b), 0, 255));
    }
  }
  return out;
}

// Whether a Leptonica file format is one of the TIFF variants (multi-page).
bool IsTiffFormat(l_int32 format);

// The resolution a page image was scanned at: its recorded resolution when
// plausible, else 300. 72 or 96 is what many tools write when they know
// nothing, and no page scan is finer than 2400 dpi. A page image's bboxes
// are its pixels scaled by 72 / ScanDpi.
double ScanDpi(Pix* pix);

// Silences Leptonica's messages on stderr (process-wide; idempotent). Bad
// input is reported through our own errors instead.
void QuietLeptonica();

}  // namespace jixiao
