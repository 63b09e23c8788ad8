// Rendering one PDF page to a Leptonica image with Poppler's Splash backend.
//
// The image shows the page as displayed (/Rotate applied), so pixel (x, y)
// is PDF point (x, y) * 72 / dpi from the displayed top-left. Colour renders
// are 32 bpp RGB (for OCR, where red seals must stay red to be removed);
// grey renders are 8 bpp without anti-aliasing (crisp ruling lines for
// ruling_grid.h). The caller owns the image; one page at a time.
#pragma once

#include <memory>

#include "model/status.h"

struct Pix;

namespace poppler {
class page;
}

namespace jixiao {

struct PixDestroyer {
  void operator()(Pix* p) const;
};
using PixPtr = std::unique_ptr<Pix, PixDestroyer>;

// Pixel count of a page of width x height points rendered at `dpi`.
long long RenderedPixels(double width_pt, double height_pt, double dpi);

Result<PixPtr> RenderPage(const poppler::page& page, double dpi, bool colour);

}  // namespace jixiao
