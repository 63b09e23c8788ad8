// OwnedPix release and Leptonica message control.
#include "extract/image_pix.h"

#include <leptonica/allheaders.h>

namespace jixiao {

void PixFree::operator()(Pix* pix) const {
  if (pix != nullptr) pixDestroy(&pix);
}

void QuietLeptonica() {
  static const bool done = [] {
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)done;
}

}  // namespace jixiao
