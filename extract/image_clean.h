// Page-image clean-up before OCR (Leptonica): seals, paper, skew, binarization.
//
// Scans of the reports carry red official seals multiplied into the page over
// text and table rules, tinted paper with uneven illumination, a rotation of
// up to about 2 degrees, JPEG noise and blur. Each step here takes an image
// and returns a new one (the input is never modified); a null result means
// Leptonica could not make the image (out of memory, unsupported depth).
// Geometry is unchanged except by RotateDegrees, which keeps the page size.
#pragma once

#include "extract/image_pix.h"
#include "model/status.h"

namespace jixiao {

// Any depth -> 8 bpp grey. Pixels whose colour is clearly red or magenta
// (red well above green) take their brightest channel instead of their
// luminance, so seal ink fades toward the paper while dark strokes that pass
// under the seal (multiplied: dark in every channel) stay dark.
OwnedPix GreyWithoutSeals(Pix* page);

// 8 bpp grey -> 8 bpp grey with the paper flattened to white: uneven
// illumination and grey or yellowish tint removed, ink contrast stretched.
OwnedPix NormalizeBackground(Pix* grey);

// 8 bpp grey (paper white) -> 1 bpp, ink black: a global threshold (the
// paper is flat after NormalizeBackground) that keeps the faint thin strokes
// of serif CJK glyphs. Used to find skew, ink, rules and glyph shapes;
// Tesseract reads the grey image.
OwnedPix Binarize(Pix* grey);

// The skew of the text lines of a 1 bpp page, in degrees within +-3: the
// angle RotateDegrees needs to make them level. 0 when no skew was found
// with confidence.
double FindSkewDegrees(Pix* binary);

// Rotates about the centre by `degrees`, keeping the size; corners brought
// in are white. Any depth.
OwnedPix RotateDegrees(Pix* pix, double degrees);

// 1 bpp mask of the ruling lines of a 1 bpp page: horizontal and vertical
// strokes much longer than a character, slightly dilated so erasing them
// leaves no fringe.
OwnedPix RulingLineMask(Pix* binary, double dpi);

// The whole clean-up of one page image: seal removal, background
// normalization, deskew, binarization.
struct CleanPage {
  OwnedPix grey;              // 8 bpp, deskewed, paper white
  OwnedPix binary;            // 1 bpp, deskewed
  OwnedPix plain;             // 8 bpp, deskewed, seals faded but paper as
                              // scanned: faint rules survive here (for grids)
  double skew_degrees = 0;    // rotation that was applied
};
Result<CleanPage> CleanPageImage(Pix* page, double dpi);

}  // namespace jixiao
