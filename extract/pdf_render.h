// Rendering one PDF page to a Leptonica image with Poppler's Splash backend.
//
// The image shows the page as displayed (/Rotate applied), so pixel (x, y)
// is PDF point (x, y) * 72 / dpi from the displayed top-left. Images are
// 32 bpp RGB, so that red seals stay red and can be faded. kForOcr renders
// smoothly (anti-aliased text and shapes); kForRules renders without
// anti-aliasing and with hairlines at least one pixel wide, for crisp
// ruling lines (ruling_grid.h). The caller owns the image; one page at a
// time.
#pragma once

#include <memory>

#include "extract/image_pix.h"
#include "model/status.h"

struct Pix;

namespace poppler {
class page;
}

namespace jixiao {

// A page's size in PDF points as displayed (crop box, /Rotate applied): the
// frame every bbox is measured in.
struct PageSize {
  double width = 0, height = 0;
};
PageSize DisplayedSize(const poppler::page& page);

// Pixel count of a page of width x height points rendered at `dpi`.
long long RenderedPixels(double width_pt, double height_pt, double dpi);

enum class RenderUse { kForOcr, kForRules };

// `quarter_turns` turns the image counter-clockwise by that many quarter
// turns after /Rotate (to show sideways content upright; see PageTurn in
// pdf_words.h).
Result<OwnedPix> RenderPage(const poppler::page& page, double dpi, RenderUse use, int quarter_turns = 0);

}  // namespace jixiao
