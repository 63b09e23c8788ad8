// Owning handle for a Leptonica image, for the OCR path's own code.
//
// Leptonica images are reference counted C objects; OwnedPix releases one
// reference when it goes out of scope, so every early return frees what was
// made. A null OwnedPix means "no image" (a Leptonica call failed).
#pragma once

#include <memory>

struct Pix;

namespace jixiao {

struct PixFree {
  void operator()(Pix* pix) const;
};
using OwnedPix = std::unique_ptr<Pix, PixFree>;

// An 8 bpp image of the same size and resolution as the 32 bpp `rgb`, each
// pixel `grey_of(r, g, b)` clamped to 0..255; null when it cannot be made.
OwnedPix GreyFromRgb(Pix* rgb, int (*grey_of)(int r, int g, int b));

// Silences Leptonica's messages on stderr (process-wide; idempotent). Bad
// input is reported through our own errors instead.
void QuietLeptonica();

}  // namespace jixiao
