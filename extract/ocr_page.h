// One page image -> blocks, through Leptonica clean-up and Tesseract.
//
// Clean-up: red-seal removal by colour, background normalization, deskew,
// binarization fit for thin Chinese strokes. Tables: grids from
// ruling_grid.h on the cleaned image, each cell recognized on its own with
// settings fit for it (single line / block; digits and units for numeric
// columns); text outside tables recognized as paragraphs. Confidences flow
// into cells and blocks. Each thread keeps one Tesseract engine (chi_sim+eng)
// and reuses it across pages.
#pragma once

#include <string>
#include <vector>

#include "extract/extract.h"
#include "model/layout.h"

struct Pix;

namespace jixiao {

struct OcrPageResult {
  std::vector<Block> blocks;
  double confidence = 0;          // mean word confidence, 0..1; 0 when the
                                  // page had no words at all
};

// `image` is the page at `dpi` (colour or grey; best at the scan's own
// resolution, 200-300 dpi); boxes come out in PDF points from the top-left of
// the deskewed page (same size as the image). Not modified. Errors: no
// tessdata (the message names the Debian package), an image over
// options.max_page_pixels, options.page_timeout_seconds exceeded.
Result<OcrPageResult> OcrPage(Pix* image, int page, double dpi, const ExtractOptions& options);

// PNG / JPEG / TIFF (multi-page TIFF included) -> layout, each image a page
// with PageInfo{page, "ocr", confidence, size in points}. Resolution from the
// file, 300 dpi when it is missing or implausible (below 100, e.g. the 72 a
// tool writes when it knows nothing). Every page's size is read from its
// header before decoding: a page over options.max_page_pixels is an
// UNREADABLE problem (the whole file's error when it is the only page). A
// file that cannot be decoded is an error.
Result<LayoutDocument> ExtractImageFile(const std::string& path, const ExtractOptions& options);

// The number of pages of an image file: a TIFF's image count, else 1.
Result<int> CountImagePages(const std::string& path);

// The tessdata directory that will be used, or an error naming the Debian
// package to install when chi_sim or eng is missing.
Result<std::string> FindTessdata(const ExtractOptions& options);

}  // namespace jixiao
