// OwnedPix release and Leptonica message control.
#include "extract/image_pix.h"

#include <leptonica/allheaders.h>

namespace jixiao {

void PixFree::operator()(Pix* pix) const {
  if (pix != nullptr) pixDestroy(&pix);
}

bool IsTiffFormat(l_int32 format) {
  switch (format) {
    case IFF_TIFF:
    case IFF_TIFF_PACKBITS:
    case IFF_TIFF_RLE:
    case IFF_TIFF_G3:
    case IFF_TIFF_G4:
    case IFF_TIFF_LZW:
    case IFF_TIFF_ZIP:
    case IFF_TIFF_JPEG:
      return true;
    default:
      return false;
  }
}

double ScanDpi(Pix* pix) {
  constexpr int kMinPlausibleDpi = 100;
  constexpr int kMaxPlausibleDpi = 2400;
  constexpr double kDefaultDpi = 300;
  const l_int32 res = pixGetXRes(pix);
  if (res >= kMinPlausibleDpi && res <= kMaxPlausibleDpi) return res;
  return kDefaultDpi;
}

void QuietLeptonica() {
  static const bool done = [] {
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)done;
}

}  // namespace jixiao
