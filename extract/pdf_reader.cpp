// ExtractPdf: open with poppler-cpp, then per page: text layer -> words,
// a low-resolution grey render -> ruling grids, words + grids -> blocks; or,
// for pages without a usable text layer, a colour render -> OCR. Tables cut
// by page breaks are joined at the end. Each thread renders one page at a
// time and frees it before the next; pages come together in page order.
#include "extract/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-font.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <cmath>
#include <fstream>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "extract/blank_page.h"
#include "extract/ocr_page.h"
#include "extract/page_layout.h"
#include "extract/pdf_lines.h"
#include "extract/pdf_render.h"
#include "extract/pdf_text_quality.h"
#include "extract/pdf_words.h"
#include "extract/ruling_grid.h"

namespace jixiao {
namespace {

// Ruling lines need no more: a 0.75 pt rule is one pixel, the narrowest
// cell about 20 pixels.
constexpr double kGridDpi = 100.0;

// Poppler reports damaged streams on stderr by default; keep the last
// message per thread instead, to name the cause in our own error.
thread_local std::string last_poppler_error;

void QuietPopplerError(const std::string& message, void*) { last_poppler_error = message; }

void InstallQuietErrors() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(QuietPopplerError, nullptr); });
}

using Clock = std::chrono::steady_clock;

class PageTimer {
 public:
  explicit PageTimer(double limit_seconds) : limit_(limit_seconds), start_(Clock::now()) {}
  bool Expired() const {
    if (!(limit_ > 0)) return false;
    return std::chrono::duration<double>(Clock::now() - start_).count() > limit_;
  }

 private:
  double limit_;
  Clock::time_point start_;
};

ExtractProblem Problem(int page, std::string message) {
  return ExtractProblem{FlagCode::kUnreadable, std::move(message), page};
}

// Checks the file before Poppler sees it, so the message can say what is
// wrong (missing, empty, not a PDF) instead of a generic failure.
Status CheckFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot open file");
  char head[1024] = {};
  in.read(head, sizeof head);
  const std::streamsize n = in.gcount();
  if (n == 0) return Status::Error("file is empty");
  const std::string_view view(head, static_cast<size_t>(n));
  if (view.find("%PDF-") == std::string_view::npos) return Status::Error("not a PDF file (no %PDF header)");
  return Status::Ok();
}

std::string PageLabel(int page) { return "page " + std::to_string(page); }

// Boxes of blocks read on a page turned upright, back on the page as
// displayed.
void ToDisplayed(const PageTurn& turn, std::vector<Block>* blocks) {
  if (turn.rotation() == 0) return;
  for (Block& b : *blocks) {
    if (b.bbox) b.bbox = turn.ToDisplayed(*b.bbox);
    for (Cell& c : b.table.cells)
      if (c.bbox) c.bbox = turn.ToDisplayed(*c.bbox);
  }
}

// OCR of one page; false when it could not be done (problem recorded).
bool OcrOnePage(const poppler::page& page, int number, const PageSize& size, const PageTurn& turn,
                const ExtractOptions& options, LayoutDocument* doc, std::vector<Block>* blocks,
                PageInfo* info) {
  const double dpi = options.ocr_dpi > 0 ? options.ocr_dpi : 300;
  const long long pixels = RenderedPixels(size.width, size.height, dpi);
  if (pixels < 0 || pixels > options.max_page_pixels) {
    doc->problems.push_back(Problem(number, PageLabel(number) + ": page image too large to OCR (" +
                                                std::to_string(pixels) + " pixels)"));
    return false;
  }
  Result<OwnedPix> pix = RenderPage(page, dpi, RenderUse::kForOcr, turn.rotation());
  if (!pix.ok()) {
    doc->problems.push_back(Problem(number, PageLabel(number) + ": " + pix.status().message()));
    return false;
  }
  Result<OcrPageResult> ocr = OcrPage(pix.value().get(), number, dpi, options);
  pix.value().reset();
  if (!ocr.ok()) {
    doc->problems.push_back(Problem(number, PageLabel(number) + ": OCR failed: " + ocr.status().message()));
    return false;
  }
  *blocks = std::move(ocr.value().blocks);
  ToDisplayed(turn, blocks);
  info->method = "ocr";
  info->confidence = std::clamp(ocr.value().confidence, 0.0, 1.0);
  return true;
}

// Whether the page's text is laid out like a table (several lines broken
// into pieces by wide gaps). Rendering a page costs far more than reading
// its text (Type 3 fonts are drawn glyph by glyph), so pages of running text
// are not rendered to look for rules.
bool MayHoldTable(const std::vector<LayerWord>& layer) {
  std::vector<const Word*> words;
  words.reserve(layer.size());
  for (const LayerWord& w : layer) words.push_back(&w.word);
  int columnar = 0;
  for (const pdf_lines::Line& line : pdf_lines::GroupLines(words)) {
    const double em = std::max(1.0, line.em);
    for (size_t i = 1; i < line.words.size(); ++i)
      if (line.words[i]->bbox.x0 - line.words[i - 1]->bbox.x1 >= 1.0 * em) {
        ++columnar;
        break;
      }
    if (columnar >= 2) return true;
  }
  return false;
}

// Text-layer reading of one page.
// `after_table`: the previous page ended with a table, which may continue
// here with a single row.
void ReadTextPage(const poppler::page& page, int number, const PageSize& size, const PageTurn& turn,
                  const std::vector<LayerWord>& layer, bool after_table, const PageTimer& timer,
                  const ExtractOptions& options, LayoutDocument* doc, std::vector<Block>* blocks) {
  std::vector<TableGrid> grids;
  const long long pixels = RenderedPixels(size.width, size.height, kGridDpi);
  if (!after_table && !MayHoldTable(layer)) {
    // Running text only: no render.
  } else if (pixels < 0 || pixels > options.max_page_pixels) {
    doc->problems.push_back(Problem(number, PageLabel(number) +
                                                ": page too large to look for table rules; tables read from alignment only"));
  } else {
    Result<OwnedPix> pix = RenderPage(page, kGridDpi, RenderUse::kForRules, turn.rotation());
    if (pix.ok()) {
      std::vector<BBox> text_boxes;
      text_boxes.reserve(layer.size());
      for (const LayerWord& w : layer) text_boxes.push_back(w.word.bbox);
      grids = DetectTableGrids(pix.value().get(), 72.0 / kGridDpi, text_boxes);
    } else {
      doc->problems.push_back(Problem(number, PageLabel(number) + ": " + pix.status().message() +
                                                  "; tables read from alignment only"));
    }
  }
  if (timer.Expired()) {
    doc->problems.push_back(Problem(number, PageLabel(number) + ": page timed out after finding tables"));
    return;
  }
  *blocks = BuildPageBlocks(number, CutWords(layer, grids), grids, turn.width(), turn.height());
  ToDisplayed(turn, blocks);
}

// What reading one page gave, kept until the pages before it are in.
struct PageOutcome {
  PageInfo info;
  std::vector<Block> blocks;
  std::vector<ExtractProblem> problems;
  // Read from its text layer without looking for ruling lines: a table
  // that ends the page before would have made it look (after_table).
  bool read_without_rules = false;
  std::exception_ptr failure;  // thrown while reading; rethrown in order
};

// Reads page `index` (0-based). `after_table`: the previous page ended
// with a table, which may continue here with a single row.
PageOutcome ReadOnePage(poppler::document& pdf, int index, bool after_table, const ExtractOptions& options) {
  const int number = index + 1;
  PageOutcome out;
  LayoutDocument sink;  // collects this page's problems
  const PageTimer timer(options.page_timeout_seconds);
  std::unique_ptr<poppler::page> page(pdf.create_page(index));
  if (!page) {
    out.problems.push_back(Problem(number, PageLabel(number) + ": cannot be read"));
    out.info = PageInfo{number, "text", 0, 0, 0};
    return out;
  }
  const PageSize size = DisplayedSize(*page);
  out.info = PageInfo{number, "text", 1.0, size.width, size.height};
  if (!(size.width > 0) || !(size.height > 0) || !std::isfinite(size.width * size.height)) {
    out.problems.push_back(Problem(number, PageLabel(number) + ": has no valid size"));
    out.info.confidence = 0;
    return out;
  }
  std::vector<LayerWord> layer = ReadTextLayer(*page);
  const PageTurn turn(DominantRotation(layer), size.width, size.height);
  TurnUpright(layer, turn);
  const TextLayerVerdict verdict = JudgeTextLayer(PlainWords(layer));
  // A page that draws nothing (a separator sheet, an empty back) is read
  // as empty: no OCR, no "unreadable" problem.
  if (!verdict.usable && PdfPageIsBlank(*page, options.max_page_pixels)) return out;
  bool done = false;
  const bool want_ocr = options.ocr == OcrMode::kAlways || (options.ocr == OcrMode::kAuto && !verdict.usable);
  if (want_ocr) {
    if (timer.Expired())
      sink.problems.push_back(Problem(number, PageLabel(number) + ": page timed out before OCR"));
    else
      done = OcrOnePage(*page, number, size, turn, options, &sink, &out.blocks, &out.info);
  }
  if (!done) {
    out.info.method = "text";
    if (verdict.usable) {
      out.info.confidence = verdict.quality;
      out.read_without_rules = !after_table && !MayHoldTable(layer);
      ReadTextPage(*page, number, size, turn, layer, after_table, timer, options, &sink, &out.blocks);
    } else {
      out.info.confidence = 0;
      // With OCR off, say why nothing was read; after a failed OCR the
      // failure is already recorded.
      if (!want_ocr)
        sink.problems.push_back(Problem(number, PageLabel(number) + ": " + verdict.reason + " and OCR is off"));
    }
  }
  out.problems = std::move(sink.problems);
  return out;
}

PageOutcome ReadOnePageGuarded(poppler::document& pdf, int index, bool after_table, const ExtractOptions& options) {
  try {
    return ReadOnePage(pdf, index, after_table, options);
  } catch (...) {
    PageOutcome failed;
    failed.failure = std::current_exception();
    return failed;
  }
}

std::unique_ptr<poppler::document> OpenPdf(const std::string& path) {
  return std::unique_ptr<poppler::document>(poppler::document::load_from_file(path));
}

// The order threads take the pages of `pdf` in. One thread reads them in
// page order. When more may work on a scan (a document whose first page has
// no font: its pages are images to OCR), the costliest pages go first, cost
// being the page's ink in a small render (OCR time grows with the text to
// read, the render takes a hundredth of it). Taken in page order, a costly
// page taken last kept its thread busy long after the others ran out of
// pages: a tenth of a long scan's time. A document with text is read in page
// order, since there the small renders would cost as much as the reading.
// Outcomes are stored by page, so the order changes no output.
std::vector<int> ReadingOrder(poppler::document& pdf, int count, const ExtractOptions& options) {
  std::vector<int> order(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) order[static_cast<size_t>(i)] = i;
  if (count < 3 || options.threads == nullptr || options.threads->spare() == 0) return order;
  if (std::unique_ptr<poppler::font_iterator> fonts(pdf.create_font_iterator(0)); !fonts || !fonts->next().empty())
    return order;
  std::vector<long long> ink(static_cast<size_t>(count), 0);
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page(pdf.create_page(i));
    if (page) ink[static_cast<size_t>(i)] = PdfPageInk(*page, options.max_page_pixels).value_or(0);
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ink[a] > ink[b]; });
  return order;
}

// Reads every page of `pdf` (opened from `path`) into `outcomes`, on this
// thread and on as many more as options.threads spares, each with its own
// copy of the document (Poppler's documents are not shared across threads).
// A thread takes the next page of ReadingOrder nobody has taken, so each
// holds at most one rendered page at a time.
void ReadAllPages(const std::string& path, poppler::document& pdf, const ExtractOptions& options,
                  std::vector<PageOutcome>* outcomes) {
  const int count = static_cast<int>(outcomes->size());
  const std::vector<int> order = ReadingOrder(pdf, count, options);
  std::atomic<int> next{0};
  auto read_pages = [&](poppler::document& doc) {
    for (int i = next++; i < count; i = next++)
      (*outcomes)[order[i]] = ReadOnePageGuarded(doc, order[i], false, options);
  };
  auto helper = [&] {
    InstallQuietErrors();
    try {
      // A helper that cannot open its copy leaves the pages to the others.
      if (std::unique_ptr<poppler::document> own = OpenPdf(path)) read_pages(*own);
    } catch (...) {
    }
    options.threads->Release();
  };
  std::vector<std::thread> helpers;
  auto add_helpers = [&] {
    // One more thread only while at least two pages are left to take.
    while (options.threads && count - next.load() - static_cast<int>(helpers.size()) >= 2 &&
           options.threads->TryAcquire()) {
      try {
        helpers.emplace_back(helper);
      } catch (const std::system_error&) {  // no more threads to be had
        options.threads->Release();
        return;
      }
    }
  };
  for (int i = (add_helpers(), next++); i < count; i = next++) {
    (*outcomes)[order[i]] = ReadOnePageGuarded(pdf, order[i], false, options);
    add_helpers();  // tokens that other documents gave back meanwhile
  }
  for (std::thread& t : helpers) t.join();
}

Result<LayoutDocument> ReadDocument(const std::string& path, const ExtractOptions& options) {
  InstallQuietErrors();
  if (Status s = CheckFile(path); !s.ok()) return Result<LayoutDocument>(s);
  last_poppler_error.clear();
  std::unique_ptr<poppler::document> pdf = OpenPdf(path);
  if (!pdf) {
    std::string message = "damaged or truncated PDF";
    std::string cause = last_poppler_error;
    if (cause.rfind("error: ", 0) == 0) cause = cause.substr(7);
    if (!cause.empty()) message += " (" + cause + ")";
    return Result<LayoutDocument>::Error(message);
  }
  if (pdf->is_locked()) return Result<LayoutDocument>::Error("PDF is encrypted and needs a password");
  const int count = pdf->pages();
  if (count <= 0) return Result<LayoutDocument>::Error("PDF has no pages (damaged or truncated)");

  std::vector<PageOutcome> outcomes(static_cast<size_t>(count));
  ReadAllPages(path, *pdf, options, &outcomes);
  LayoutDocument doc;
  for (int i = 0; i < count; ++i) {
    PageOutcome& page = outcomes[static_cast<size_t>(i)];
    if (page.failure) std::rethrow_exception(page.failure);
    // Pages were read without knowing how the page before ended; the rare
    // page read without rules after a page ending in a table is read again.
    const bool after_table = !doc.blocks.empty() && doc.blocks.back().kind == Block::Kind::kTable &&
                             doc.blocks.back().page == i;
    if (after_table && page.read_without_rules) {
      page = ReadOnePage(*pdf, i, true, options);
    }
    for (ExtractProblem& p : page.problems) doc.problems.push_back(std::move(p));
    for (Block& b : page.blocks) doc.blocks.push_back(std::move(b));
    doc.pages.push_back(page.info);
  }
  JoinContinuedTables(doc.blocks);
  return doc;
}

}  // namespace

Result<LayoutDocument> ExtractPdf(const std::string& path, const ExtractOptions& options) {
  try {
    return ReadDocument(path, options);
  } catch (const std::bad_alloc&) {
    return Result<LayoutDocument>::Error("out of memory reading the PDF");
  } catch (const std::exception& e) {
    return Result<LayoutDocument>::Error(std::string("cannot read the PDF: ") + e.what());
  } catch (...) {
    return Result<LayoutDocument>::Error("cannot read the PDF");
  }
}

Result<int> CountPdfPages(const std::string& path) {
  InstallQuietErrors();
  if (Status s = CheckFile(path); !s.ok()) return Result<int>(s);
  std::unique_ptr<poppler::document> pdf = OpenPdf(path);
  if (!pdf) return Result<int>::Error("damaged or truncated PDF");
  if (pdf->is_locked()) return Result<int>::Error("PDF is encrypted and needs a password");
  return pdf->pages();
}

}  // namespace jixiao
