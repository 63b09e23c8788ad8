// PDF -> layout model, page by page, with Poppler (poppler-cpp).
//
// A page with a usable text layer gives words with boxes (page::text_list),
// in reading order with /Rotate applied; its tables come from the ruling
// lines found on a low-resolution render (ruling_grid.h) or, for tables
// without borders, from word alignment (page_layout.h). A page whose text
// layer is empty or garbage is OCRed (ocr_page.h) unless options say never.
// Encrypted, damaged or truncated files fail with a clear message; a page
// that fails is a problem entry, not a failed document.
#pragma once

#include <string>

#include "extract/extract.h"

namespace jixiao {

Result<LayoutDocument> ExtractPdf(const std::string& path, const ExtractOptions& options);

}  // namespace jixiao
