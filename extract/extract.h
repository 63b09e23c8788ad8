// extract: an input file -> the page layout model (model/layout.h).
//
// Reads PDFs from their text layer with Poppler, OCRs pages that have no
// usable text layer (and PNG/JPEG/TIFF page images) with Leptonica and
// Tesseract, reads Word (.docx) and Excel (.xlsx) files (office_input.h),
// and accepts text or Markdown that another converter produced, in UTF-8,
// UTF-16, GB18030/GBK or Big5 (text_encoding.h). Legacy binary Word, Excel
// and WPS files are refused with the command that converts them. Tables are rebuilt as grids with merged cells; everything keeps
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
#include <vector>

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
  std::string encoding;                  // text inputs: ICU charset name; empty = detect
  ThreadBudget* threads = nullptr;       // extra threads for the pages of one
                                         // document; nullptr: one page at a time
};

enum class InputKind { kPdf, kImage, kText, kOffice, kLegacyOffice, kBinary };

// What a file is, from its first bytes: magic numbers (PDF, PNG, JPEG,
// TIFF, ZIP for .docx/.xlsx, OLE2 for legacy Office), then text (NUL bytes
// only as UTF-16 has them) or binary.
InputKind SniffInputKind(std::string_view head);

Result<LayoutDocument> Extract(const std::string& path, const ExtractOptions& options);

// One page of a PDF or page image drawn for a person to look at (the review
// page): a JPEG at about the asked resolution, and the page's size in PDF
// points, the frame its bboxes are measured in (so a bbox maps to pixels by
// width_px / width_pt).
struct PagePicture {
  int page = 0;                          // 1-based
  double width_pt = 0, height_pt = 0;
  int width_px = 0, height_px = 0;
  std::string jpeg;                      // encoded bytes
};

// Every page of the PDF or page image at `path`, drawn at `dpi`. A page that
// cannot be drawn (or would exceed `max_page_pixels`) is left out, so the
// caller sees which numbers are missing. An error when the file is neither
// a readable PDF nor an image.
Result<std::vector<PagePicture>> DrawPages(const std::string& path, double dpi, long long max_page_pixels);
// How many pages `path` has, for balancing work without reading it: a PDF's
// page count, a TIFF's image count, 1 for other images and for text. An
// error when the file cannot be opened or is not a readable PDF.
Result<int> CountPages(const std::string& path);

}  // namespace jixiao
