// PDF -> layout model, page by page, with Poppler (poppler-cpp).
//
// A page with a usable text layer gives words with boxes (page::text_list),
// with /Rotate applied, in points from the displayed top-left; its tables
// come from the ruling lines found on a 100 dpi render (ruling_grid.h; only
// pages whose words are laid out like a table, or that follow a page
// ending in a table, are rendered: rendering costs far more than reading
// text) or, for tables without borders, from word alignment
// (page_layout.h). A page whose text layer is empty or garbage
// (pdf_text_quality.h) is rendered in colour at options.ocr_dpi and OCRed
// (ocr_page.h) unless options say never; with OcrMode::kAlways every page
// is. A page without a usable text layer that draws nothing at all
// (blank_page.h: a separator sheet, an empty back) is read as empty, with
// no OCR and no problem. One page is rendered at a time and freed before
// the next.
//
// Encrypted (with a user password), damaged, truncated, empty or non-PDF
// files fail with a one-line message. A page that fails, times out
// (checked between stages), exceeds max_page_pixels or cannot be read
// without OCR gives an ExtractProblem with code UNREADABLE and the other
// pages are still read. Poppler's own error output is silenced.
#pragma once

#include <string>

#include "extract/extract.h"

namespace jixiao {

Result<LayoutDocument> ExtractPdf(const std::string& path, const ExtractOptions& options);

// The number of pages, from the document's page tree alone (no page is read).
Result<int> CountPdfPages(const std::string& path);

}  // namespace jixiao
