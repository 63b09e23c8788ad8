// extract: an input file -> the page layout model (model/layout.h).
//
// Reads PDFs from their text layer with Poppler, OCRs pages that have no
// usable text layer (and PNG/JPEG/TIFF page images) with Leptonica and
// Tesseract, and accepts UTF-8 text or Markdown that another converter
// produced. Tables are rebuilt as grids with merged cells; everything keeps
// its page and bbox (PDF points from the top-left).
//
// Errors are values: a file that cannot be read at all gives a Result with a
// one-line message (without the file name; the caller adds it). Pages that
// fail inside a readable document are reported in LayoutDocument::problems
// and the other pages are still returned. Thread-safe: each thread uses its
// own OCR engine, created on first use and reused. With a ThreadBudget, the
// pages of one PDF are read on as many threads as it spares, each holding at
// most one rendered page; the result is the same as reading them one by one.
#pragma once

#include <string>
#include <string_view>

#include "extract/thread_budget.h"
#include "model/layout.h"
#include "model/status.h"

namespace jixiao {

enum class OcrMode {
  kAuto,    // OCR only pages whose text layer is missing or unusable
  kAlways,  // OCR every PDF page
  kNever,   // never OCR; pages without text are reported unreadable
};

struct ExtractOptions {
  OcrMode ocr = OcrMode::kAuto;
  int ocr_dpi = 300;                     // render resolution for OCR
  double page_timeout_seconds = 0;       // 0 = no limit
  long long max_page_pixels = 150'000'000;  // larger page images are skipped
  std::string tessdata_dir;              // empty: TESSDATA_PREFIX, then Debian's
  ThreadBudget* threads = nullptr;       // extra threads for the pages of one
                                         // document; nullptr: one page at a time
};

enum class InputKind { kPdf, kImage, kText, kBinary };

// What a file is, from its first bytes (magic numbers; UTF-8 validity).
InputKind SniffInputKind(std::string_view head);

Result<LayoutDocument> Extract(const std::string& path, const ExtractOptions& options);

// How many pages `path` has, for balancing work without reading it: a PDF's
// page count, a TIFF's image count, 1 for other images and for text. An
// error when the file cannot be opened or is not a readable PDF.
Result<int> CountPages(const std::string& path);

}  // namespace jixiao
