// OcrPage: clean the page, find table grids, recognize cells one by one and
// the rest of the page as paragraphs, then build blocks with page_layout.
#include "extract/ocr_page.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "extract/image_clean.h"
#include "extract/ocr_engine.h"
#include "extract/page_layout.h"
#include "extract/ruling_grid.h"

namespace jixiao {
namespace {

using Clock = std::chrono::steady_clock;

// Pixel rectangle, x1/y1 exclusive.
struct Rect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
};

// Remaining time of the page budget, for each recognition call.
class PageClock {
 public:
  explicit PageClock(double limit_seconds) : limit_(limit_seconds), start_(Clock::now()) {}
  // 0 = no limit; otherwise at least a millisecond while time remains.
  double Remaining() const {
    if (limit_ <= 0) return 0;
    const double used = std::chrono::duration<double>(Clock::now() - start_).count();
    return std::max(limit_ - used, 0.001);
  }
  bool Expired() const {
    if (limit_ <= 0) return false;
    return std::chrono::duration<double>(Clock::now() - start_).count() >= limit_;
  }

 private:
  double limit_;
  Clock::time_point start_;
};

Rect ToPixels(const BBox& b, double px_per_pt, int width, int height) {
  Rect r;
  r.x0 = std::clamp(static_cast<int>(std::floor(b.x0 * px_per_pt)), 0, width);
  r.y0 = std::clamp(static_cast<int>(std::floor(b.y0 * px_per_pt)), 0, height);
  r.x1 = std::clamp(static_cast<int>(std::ceil(b.x1 * px_per_pt)), r.x0, width);
  r.y1 = std::clamp(static_cast<int>(std::ceil(b.y1 * px_per_pt)), r.y0, height);
  return r;
}

Rect Inset(Rect r, int by) {
  if (r.width() > 2 * by) r.x0 += by, r.x1 -= by;
  if (r.height() > 2 * by) r.y0 += by, r.y1 -= by;
  return r;
}

OwnedPix Crop(Pix* pix, const Rect& r) {
  if (r.width() <= 0 || r.height() <= 0) return nullptr;
  BOX* box = boxCreate(r.x0, r.y0, r.width(), r.height());
  if (box == nullptr) return nullptr;
  OwnedPix out(pixClipRectangle(pix, box, nullptr));
  boxDestroy(&box);
  return out;
}

// Rows of ink in a 1 bpp region: the number of text lines (bands of rows
// with ink at least `min_band` tall) and the bounding rectangle of the ink.
struct InkExtent {
  int lines = 0;
  Rect box;  // relative to the region; empty when there is no ink
};

InkExtent MeasureInk(Pix* binary, int min_band) {
  InkExtent ink;
  const int w = pixGetWidth(binary), h = pixGetHeight(binary), wpl = pixGetWpl(binary);
  const l_uint32* data = pixGetData(binary);
  int x0 = w, x1 = 0, y0 = h, y1 = 0;
  int band = 0, gap = 0;
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    int count = 0;
    for (int x = 0; x < w; ++x) {
      if (GET_DATA_BIT(line, x)) {
        ++count;
        x0 = std::min(x0, x);
        x1 = std::max(x1, x + 1);
      }
    }
    if (count > 0) {
      y0 = std::min(y0, y);
      y1 = std::max(y1, y + 1);
      ++band;
      gap = 0;
    } else {
      // A band ends at a gap of two blank rows (one may be noise between
      // the parts of a glyph).
      if (++gap == 2) {
        if (band >= min_band) ++ink.lines;
        band = 0;
      }
    }
  }
  if (band >= min_band) ++ink.lines;
  if (x1 > x0 && y1 > y0) ink.box = Rect{x0, y0, x1, y1};
  return ink;
}

// Recognized words of a region, moved into page points.
Status RecognizeRegion(Pix* text_image, Pix* text_binary, const Rect& region, double dpi,
                       const PageClock& clock, const ExtractOptions& options,
                       std::vector<Word>* words) {
  OwnedPix bin = Crop(text_binary, region);
  if (!bin) return Status::Ok();
  const int min_band = std::max(3, static_cast<int>(std::lround(dpi * 0.03)));
  const InkExtent ink = MeasureInk(bin.get(), min_band);
  if (ink.lines == 0) return Status::Ok();  // blank (or specks only)
  // Tight around the ink with a margin, then padded with paper: Tesseract
  // reads glyphs touching the image edge poorly.
  const int margin = std::max(2, static_cast<int>(std::lround(dpi * 0.02)));
  Rect tight{region.x0 + ink.box.x0 - margin, region.y0 + ink.box.y0 - margin,
             region.x0 + ink.box.x1 + margin, region.y0 + ink.box.y1 + margin};
  tight.x0 = std::max(tight.x0, region.x0);
  tight.y0 = std::max(tight.y0, region.y0);
  tight.x1 = std::min(tight.x1, region.x1);
  tight.y1 = std::min(tight.y1, region.y1);
  OwnedPix crop = Crop(text_image, tight);
  if (!crop) return Status::Ok();
  const int pad = std::max(8, static_cast<int>(std::lround(dpi * 0.05)));
  const l_uint32 white = pixGetDepth(crop.get()) == 1 ? 0 : 255;
  OwnedPix padded(pixAddBorder(crop.get(), pad, white));
  if (!padded) return Status::Error("out of memory while cropping a table cell");

  OcrRequest request;
  request.layout = ink.lines <= 1 ? OcrLayout::kLine : OcrLayout::kBlock;
  request.dpi = dpi;
  request.timeout_seconds = clock.Remaining();
  Result<std::vector<OcrWord>> found = RecognizeWords(padded.get(), request, options);
  if (!found.ok()) return found.status();
  const double pt_per_px = 72.0 / dpi;
  for (const OcrWord& w : found.value()) {
    Word word;
    word.text = w.text;
    word.confidence = w.confidence;
    word.bbox = BBox{(tight.x0 - pad + w.x0) * pt_per_px, (tight.y0 - pad + w.y0) * pt_per_px,
                     (tight.x0 - pad + w.x1) * pt_per_px, (tight.y0 - pad + w.y1) * pt_per_px};
    words->push_back(std::move(word));
  }
  return Status::Ok();
}

// Recognizes the page outside the tables (table areas painted white) with
// page segmentation.
Status RecognizeFreeText(Pix* text_image, Pix* text_binary, const std::vector<TableGrid>& grids,
                         double dpi, const PageClock& clock, const ExtractOptions& options,
                         std::vector<Word>* words) {
  const int w = pixGetWidth(text_image), h = pixGetHeight(text_image);
  OwnedPix masked(pixCopy(nullptr, text_image));
  OwnedPix masked_bin(pixCopy(nullptr, text_binary));
  if (!masked || !masked_bin) return Status::Error("out of memory while masking tables");
  const double px_per_pt = dpi / 72.0;
  const int white_op = pixGetDepth(masked.get()) == 1 ? PIX_CLR : PIX_SET;
  for (const TableGrid& grid : grids) {
    const Rect r = ToPixels(grid.bbox, px_per_pt, w, h);
    if (r.width() <= 0 || r.height() <= 0) continue;
    pixRasterop(masked.get(), r.x0, r.y0, r.width(), r.height(), white_op, nullptr, 0, 0);
    pixRasterop(masked_bin.get(), r.x0, r.y0, r.width(), r.height(), PIX_CLR, nullptr, 0, 0);
  }
  l_int32 empty = 1;
  pixZero(masked_bin.get(), &empty);
  if (empty) return Status::Ok();
  OcrRequest request;
  request.layout = OcrLayout::kAuto;
  request.dpi = dpi;
  request.timeout_seconds = clock.Remaining();
  Result<std::vector<OcrWord>> found = RecognizeWords(masked.get(), request, options);
  if (!found.ok()) return found.status();
  const double pt_per_px = 72.0 / dpi;
  for (const OcrWord& ow : found.value()) {
    Word word;
    word.text = ow.text;
    word.confidence = ow.confidence;
    word.bbox = BBox{ow.x0 * pt_per_px, ow.y0 * pt_per_px, ow.x1 * pt_per_px, ow.y1 * pt_per_px};
    words->push_back(std::move(word));
  }
  return Status::Ok();
}

Result<OcrPageResult> OcrPageUnguarded(Pix* image, int page, double dpi,
                                       const ExtractOptions& options) {
  QuietLeptonica();
  const PageClock clock(options.page_timeout_seconds);
  Result<CleanPage> cleaned = CleanPageImage(image, dpi);
  if (!cleaned.ok()) return cleaned.status();
  CleanPage& clean = cleaned.value();
  const int w = pixGetWidth(clean.grey.get()), h = pixGetHeight(clean.grey.get());

  const std::vector<TableGrid> grids = DetectTableGrids(clean.binary.get(), 72.0 / dpi);

  // Ruling lines erased from both images: they would be read as 一, |, 1.
  OwnedPix rules = RulingLineMask(clean.binary.get(), dpi);
  if (!rules) return Result<OcrPageResult>::Error("cannot find ruling lines");
  OwnedPix text_binary(pixSubtract(nullptr, clean.binary.get(), rules.get()));
  if (!text_binary) return Result<OcrPageResult>::Error("cannot erase ruling lines");
  if (pixSetMasked(clean.grey.get(), rules.get(), 255) != 0)
    return Result<OcrPageResult>::Error("cannot erase ruling lines");
  rules.reset();
  Pix* text_image = clean.grey.get();

  std::vector<Word> words;
  const double px_per_pt = dpi / 72.0;
  const int inset = std::max(1, static_cast<int>(std::lround(dpi * 0.005)));
  for (const TableGrid& grid : grids) {
    for (const GridCell& cell : grid.cells) {
      if (clock.Expired()) return Result<OcrPageResult>::Error("OCR time limit reached");
      const Rect r = Inset(ToPixels(cell.bbox, px_per_pt, w, h), inset);
      Status st = RecognizeRegion(text_image, text_binary.get(), r, dpi, clock, options, &words);
      if (!st.ok()) return st;
    }
  }
  Status st = RecognizeFreeText(text_image, text_binary.get(), grids, dpi, clock, options, &words);
  if (!st.ok()) return st;

  OcrPageResult result;
  double sum = 0;
  for (const Word& word : words) sum += word.confidence;
  result.confidence = words.empty() ? 0.0 : std::clamp(sum / words.size(), 0.0, 1.0);
  result.blocks = BuildPageBlocks(page, words, grids, w * 72.0 / dpi, h * 72.0 / dpi);
  return result;
}

}  // namespace

Result<OcrPageResult> OcrPage(Pix* image, int page, double dpi, const ExtractOptions& options) {
  if (image == nullptr) return Result<OcrPageResult>::Error("no page image");
  if (!std::isfinite(dpi) || dpi < 50 || dpi > 2400)
    return Result<OcrPageResult>::Error("page image resolution out of range: " + std::to_string(dpi));
  const long long pixels = static_cast<long long>(pixGetWidth(image)) * pixGetHeight(image);
  if (pixels <= 0) return Result<OcrPageResult>::Error("empty page image");
  if (options.max_page_pixels > 0 && pixels > options.max_page_pixels)
    return Result<OcrPageResult>::Error("page image too large to OCR (" + std::to_string(pixels) +
                                        " pixels)");
  try {
    return OcrPageUnguarded(image, page, dpi, options);
  } catch (const std::exception& e) {
    return Result<OcrPageResult>::Error(std::string("OCR failed: ") + e.what());
  } catch (...) {
    return Result<OcrPageResult>::Error("OCR failed");
  }
}

}  // namespace jixiao
