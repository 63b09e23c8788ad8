// OwnedPix release, RGB to grey, and Leptonica message control.
#include "extract/image_pix.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstddef>

namespace jixiao {

void PixFree::operator()(Pix* pix) const {
  if (pix != nullptr) pixDestroy(&pix);
}

OwnedPix GreyFromRgb(Pix* rgb, int (*grey_of)(int r, int g, int b)) {
  if (rgb == nullptr || pixGetDepth(rgb) != 32) return nullptr;
  const int w = pixGetWidth(rgb), h = pixGetHeight(rgb);
  OwnedPix out(pixCreate(w, h, 8));
  if (!out) return nullptr;
  pixCopyResolution(out.get(), rgb);
  const l_uint32* src = pixGetData(rgb);
  l_uint32* dst = pixGetData(out.get());
  const int swpl = pixGetWpl(rgb), dwpl = pixGetWpl(out.get());
  for (int y = 0; y < h; ++y) {
    const l_uint32* sline = src + static_cast<size_t>(y) * swpl;
    l_uint32* dline = dst + static_cast<size_t>(y) * dwpl;
    for (int x = 0; x < w; ++x) {
      l_int32 r = 0, g = 0, b = 0;
      extractRGBValues(sline[x], &r, &g, &b);
      SET_DATA_BYTE(dline, x, std::clamp(grey_of(r, g, b), 0, 255));
    }
  }
  return out;
}

void QuietLeptonica() {
  static const bool done = [] {
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)done;
}

}  // namespace jixiao
