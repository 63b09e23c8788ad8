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

// Silences Leptonica's messages on stderr (process-wide; idempotent). Bad
// input is reported through our own errors instead.
void QuietLeptonica();

}  // namespace jixiao
