// OcrPage: clean the page, find table grids, recognize cells one by one and
// the rest of the page as paragraphs, then build blocks with page_layout.
#include "extract/ocr_page.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <chrono>
#include <cmath>

#include "extract/image_clean.h"
#include "extract/ocr_comparators.h"
#include "extract/ocr_dates.h"
#include "extract/ocr_engine.h"
#include "extract/ocr_lines.h"
#include "extract/ocr_script_check.h"
#include "extract/ocr_symbols.h"
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

// Rows of ink in a 1 bpp region: the number of text lines and the bounding
// rectangle of the ink. A band of rows with ink is a text line when it is at
// least `min_band` tall or holds at least `min_ink` pixels (a dash "-" is
// flat but solid); anything less is a speck of noise.
struct InkExtent {
  int lines = 0;
  Rect box;  // relative to the region; empty when there is no ink
};

InkExtent MeasureInk(Pix* binary, int min_band, int min_ink) {
  InkExtent ink;
  const int w = pixGetWidth(binary), h = pixGetHeight(binary), wpl = pixGetWpl(binary);
  const l_uint32* data = pixGetData(binary);
  int x0 = w, x1 = 0, y0 = h, y1 = 0;
  int band = 0, band_ink = 0, gap = 0;
  auto end_band = [&] {
    if (band >= min_band || (band > 0 && band_ink >= min_ink)) ++ink.lines;
    band = 0;
    band_ink = 0;
  };
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
      band_ink += count;
      gap = 0;
    } else if (++gap == 2) {
      // Two blank rows end a band (one may fall between parts of a glyph).
      end_band();
    }
  }
  end_band();
  if (ink.lines > 0 && x1 > x0 && y1 > y0) ink.box = Rect{x0, y0, x1, y1};
  return ink;
}

// One em of the forms' body text (10.5 pt) in pixels at `dpi`.
double BodyEm(double dpi) { return dpi * 10.5 / 72; }

// A cell holding nothing but one flat bar is a dash: "-" or, about a
// character wide, "—" (Tesseract reads a lone bar as 7, = or nothing).
// Returns the dash, or an empty string.
std::string LoneDash(Pix* binary, double dpi) {
  BOXA* parts = pixConnCompBB(binary, 8);
  if (parts == nullptr) return "";
  std::string dash;
  l_int32 x = 0, y = 0, w = 0, h = 0;
  if (boxaGetCount(parts) == 1 && boxaGetBoxGeometry(parts, 0, &x, &y, &w, &h) == 0) {
    const double em = BodyEm(dpi);
    if (h * 2 <= w && h <= em * 0.25 && w >= em * 0.15) dash = w >= em * 0.55 ? "—" : "-";
  }
  boxaDestroy(&parts);
  return dash;
}

// True when the only thing read is one non-ASCII symbol whose ink is
// half-width: as tall as a character but clearly narrower than a Chinese one.
bool IsLoneNarrowGlyph(const std::vector<OcrWord>& words, const Rect& ink, double dpi) {
  if (words.size() != 1 || words[0].symbols.size() != 1) return false;
  const std::string& text = words[0].symbols[0].text;
  if (text.empty() || static_cast<unsigned char>(text[0]) < 0x80) return false;
  const double em = BodyEm(dpi);
  return ink.width() < em * 0.7 && ink.height() > em * 0.5;
}

// True when all that was read is one ASCII digit.
bool IsLoneDigit(const std::vector<OcrWord>& words) {
  return words.size() == 1 && words[0].symbols.size() == 1 && words[0].text.size() == 1 && words[0].text[0] >= '0' &&
         words[0].text[0] <= '9';
}

// A cell holding one digit is where the line model is least sure of itself:
// read as a line, a clean "6" can come back as "0" at 0.99. The digit is
// read twice more, as a word and as a raw line with digits only, and the
// majority of the three readings is kept; when all three differ nobody
// knows, and the word's confidence drops to 0 (the cell is unreadable).
Status VoteOnLoneDigit(Pix* padded, double dpi, const PageClock& clock, const ExtractOptions& options,
                       OcrWord* word) {
  std::string votes[2];
  double confidence[2] = {0, 0};
  const OcrLayout layouts[2] = {OcrLayout::kWord, OcrLayout::kRawLine};
  for (int i = 0; i < 2; ++i) {
    OcrRequest request;
    request.layout = layouts[i];
    request.whitelist = "0123456789";
    request.dpi = dpi;
    request.timeout_seconds = clock.Remaining();
    Result<std::vector<OcrWord>> read = RecognizeWords(padded, request, options);
    if (!read.ok()) return read.status();
    if (IsLoneDigit(read.value())) votes[i] = read.value()[0].text, confidence[i] = read.value()[0].confidence;
  }
  if (votes[0] == word->text || votes[1] == word->text) return Status::Ok();
  if (!votes[0].empty() && votes[0] == votes[1]) {
    word->text = votes[0];
    word->symbols[0].text = votes[0];
    word->confidence = word->symbols[0].confidence = std::min(confidence[0], confidence[1]);
    return Status::Ok();
  }
  word->confidence = word->symbols[0].confidence = 0;
  return Status::Ok();
}

// Recognized words of a region, moved into page points. A region of
// several separate lines is read line by line (see ocr_lines.h) when
// `split_lines`.
Status RecognizeRegion(Pix* text_image, Pix* text_binary, const Rect& region, double dpi,
                       const PageClock& clock, const ExtractOptions& options, bool split_lines,
                       std::vector<Word>* words) {
  OwnedPix bin = Crop(text_binary, region);
  if (!bin) return Status::Ok();
  const int min_band = std::max(3, static_cast<int>(std::lround(dpi * 0.03)));
  const int min_ink = std::max(6, static_cast<int>(std::lround(dpi * 0.06)));
  const InkExtent ink = MeasureInk(bin.get(), min_band, min_ink);
  if (ink.lines == 0) return Status::Ok();  // blank (or specks only)
  if (split_lines && ink.lines > 1) {
    const std::vector<LineBand> bands = TextLineBands(bin.get(), dpi);
    if (AreSeparateLines(bands, dpi)) {
      for (size_t i = 0; i < bands.size(); ++i) {
        // Each line with the paper halfway to its neighbours.
        const int top = i == 0 ? 0 : (bands[i - 1].y1 + bands[i].y0) / 2;
        const int bottom = i + 1 == bands.size() ? region.height() : (bands[i].y1 + bands[i + 1].y0) / 2;
        const Rect line{region.x0, region.y0 + top, region.x1, region.y0 + bottom};
        Status st = RecognizeRegion(text_image, text_binary, line, dpi, clock, options, false, words);
        if (!st.ok()) return st;
      }
      return Status::Ok();
    }
  }
  // Tight around the ink with a margin, then padded with paper: Tesseract
  // reads glyphs touching the image edge poorly.
  const int margin = std::max(2, static_cast<int>(std::lround(dpi * 0.02)));
  Rect tight{region.x0 + ink.box.x0 - margin, region.y0 + ink.box.y0 - margin,
             region.x0 + ink.box.x1 + margin, region.y0 + ink.box.y1 + margin};
  tight.x0 = std::max(tight.x0, region.x0);
  tight.y0 = std::max(tight.y0, region.y0);
  tight.x1 = std::min(tight.x1, region.x1);
  tight.y1 = std::min(tight.y1, region.y1);
  const double pt_per_px = 72.0 / dpi;
  if (ink.lines == 1) {
    OwnedPix tight_bin = Crop(text_binary, tight);
    if (const std::string dash = tight_bin ? LoneDash(tight_bin.get(), dpi) : ""; !dash.empty()) {
      Word word;
      word.text = dash;
      word.confidence = 0.9;  // read from shape alone
      word.bbox = BBox{tight.x0 * pt_per_px, tight.y0 * pt_per_px, tight.x1 * pt_per_px, tight.y1 * pt_per_px};
      words->push_back(std::move(word));
      return Status::Ok();
    }
  }
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
  if (found.value().empty()) {
    // Tesseract's layout analysis sometimes discards a clean line as
    // non-text; read it again as a raw line (or each line of a block).
    request.layout = OcrLayout::kRawLine;
    request.timeout_seconds = clock.Remaining();
    if (ink.lines > 1) request.layout = OcrLayout::kAuto;
    found = RecognizeWords(padded.get(), request, options);
    if (!found.ok()) return found.status();
  }
  if (CountLatinNoise(found.value()) > 0) {
    request.languages = OcrLanguages::kChineseOnly;
    request.timeout_seconds = clock.Remaining();
    Result<std::vector<OcrWord>> chinese = RecognizeWords(padded.get(), request, options);
    if (!chinese.ok()) return chinese.status();
    if (PreferChineseOnlyReading(found.value(), chinese.value())) found = MergeReadings(found.value(), chinese.value());
    request.languages = OcrLanguages::kChineseAndEnglish;
  }
  if (IsLoneNarrowGlyph(found.value(), ink.box, dpi)) {
    // One half-width glyph read as a Chinese character (7 as 了): Chinese
    // characters are full width, so read it again as a digit.
    request.layout = OcrLayout::kLine;
    request.whitelist = "0123456789";
    request.timeout_seconds = clock.Remaining();
    Result<std::vector<OcrWord>> digit = RecognizeWords(padded.get(), request, options);
    if (!digit.ok()) return digit.status();
    if (digit.value().size() == 1 && digit.value()[0].symbols.size() == 1) found = std::move(digit);
  }
  if (IsOnlyShapesOfOne(found.value())) {
    // "11" read as "ll": read again as digits; kept only when all digits.
    request.layout = OcrLayout::kLine;
    request.whitelist = "0123456789";
    request.timeout_seconds = clock.Remaining();
    Result<std::vector<OcrWord>> digits = RecognizeWords(padded.get(), request, options);
    if (!digits.ok()) return digits.status();
    bool all_digits = !digits.value().empty();
    for (const OcrWord& w : digits.value())
      for (const OcrSymbol& s : w.symbols) all_digits = all_digits && s.text.size() == 1 && std::isdigit(s.text[0]);
    if (all_digits) found = std::move(digits);
  }
  if (IsLoneDigit(found.value())) {
    Status st = VoteOnLoneDigit(padded.get(), dpi, clock, options, &found.value()[0]);
    if (!st.ok()) return st;
  }
  if (OwnedPix tight_bin = Crop(text_binary, tight)) {
    std::vector<ComparatorGlyph> glyphs = FindComparatorGlyphs(tight_bin.get(), dpi);
    for (ComparatorGlyph& g : glyphs) g.x0 += pad, g.x1 += pad, g.y0 += pad, g.y1 += pad;
    ApplyComparators(glyphs, &found.value());
  }
  CleanSymbols(&found.value());
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

// Reads `box` of `image` on its own, cropped and padded with paper, and
// returns the words in `image`'s pixels (none when the box is empty).
Result<std::vector<OcrWord>> ReadBox(Pix* image, Rect box, OcrRequest request, double dpi, const PageClock& clock,
                                     const ExtractOptions& options) {
  box.x0 = std::max(box.x0, 0), box.y0 = std::max(box.y0, 0);
  box.x1 = std::min(box.x1, static_cast<int>(pixGetWidth(image)));
  box.y1 = std::min(box.y1, static_cast<int>(pixGetHeight(image)));
  const int pad = std::max(8, static_cast<int>(std::lround(dpi * 0.05)));
  OwnedPix crop = Crop(image, box);
  OwnedPix padded(crop ? pixAddBorder(crop.get(), pad, pixGetDepth(crop.get()) == 1 ? 0 : 255) : nullptr);
  if (!padded) return std::vector<OcrWord>{};
  request.dpi = dpi;
  request.timeout_seconds = clock.Remaining();
  Result<std::vector<OcrWord>> read = RecognizeWords(padded.get(), request, options);
  if (!read.ok()) return read.status();
  const int dx = box.x0 - pad, dy = box.y0 - pad;
  for (OcrWord& w : read.value()) {
    w.x0 += dx, w.x1 += dx, w.y0 += dy, w.y1 += dy;
    for (OcrSymbol& s : w.symbols) s.x0 += dx, s.x1 += dx, s.y0 += dy, s.y1 += dy;
  }
  return read;
}

// Words of a page-level reading that hold Latin noise are read again, each
// on its own, with chi_sim alone (see ocr_script_check.h); a reading that is
// more Chinese replaces the word.
Status RereadLatinWords(Pix* image, double dpi, const PageClock& clock, const ExtractOptions& options,
                        std::vector<OcrWord>* words) {
  std::vector<OcrWord> out;
  for (OcrWord& word : *words) {
    if (CountLatinNoise(word.text) == 0) {
      out.push_back(std::move(word));
      continue;
    }
    OcrRequest request;
    request.layout = OcrLayout::kLine;
    request.languages = OcrLanguages::kChineseOnly;
    Result<std::vector<OcrWord>> chinese =
        ReadBox(image, Rect{word.x0 - 2, word.y0 - 2, word.x1 + 2, word.y1 + 2}, request, dpi, clock, options);
    if (!chinese.ok()) return chinese.status();
    const std::vector<OcrWord> original{word};
    if (!PreferChineseOnlyReading(original, chinese.value())) {
      out.push_back(std::move(word));
      continue;
    }
    for (OcrWord& c : MergeReadings(original, chinese.value())) out.push_back(std::move(c));
  }
  *words = std::move(out);
  return Status::Ok();
}

// Date-like runs that are not well-formed dates are read again with the date
// character set (see ocr_dates.h).
Status RereadDates(Pix* image, double dpi, const PageClock& clock, const ExtractOptions& options,
                   std::vector<OcrWord>* words) {
  const int margin = std::max(2, static_cast<int>(std::lround(dpi * 0.01)));
  std::vector<std::pair<int, int>> tried;  // run corners: a run read once is not read again
  while (true) {
    std::vector<DateRun> runs = FindDateRuns(*words, dpi);
    auto next = std::find_if(runs.begin(), runs.end(), [&](const DateRun& r) {
      return std::find(tried.begin(), tried.end(), std::make_pair(r.x0, r.y0)) == tried.end();
    });
    if (next == runs.end()) return Status::Ok();
    tried.emplace_back(next->x0, next->y0);
    OcrRequest request;
    request.layout = OcrLayout::kLine;
    request.whitelist = kDateWhitelist;
    const Rect box{next->x0 - margin, next->y0 - margin, next->x1 + margin, next->y1 + margin};
    Result<std::vector<OcrWord>> reading = ReadBox(image, box, request, dpi, clock, options);
    if (!reading.ok()) return reading.status();
    ReplaceDateRun(*next, reading.value(), words);
  }
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
  Status st = RereadLatinWords(masked.get(), dpi, clock, options, &found.value());
  if (!st.ok()) return st;
  st = RereadDates(masked.get(), dpi, clock, options, &found.value());
  if (!st.ok()) return st;
  ApplyComparators(FindComparatorGlyphs(masked_bin.get(), dpi), &found.value());
  CleanSymbols(&found.value());
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
  // Checked on every page, even one without ink, so that a missing language
  // is reported the same way whatever the page holds.
  if (Result<std::string> tessdata = FindTessdata(options); !tessdata.ok()) return tessdata.status();
  Result<CleanPage> cleaned = CleanPageImage(image, dpi);
  if (!cleaned.ok()) return cleaned.status();
  CleanPage& clean = cleaned.value();
  const int w = pixGetWidth(clean.grey.get()), h = pixGetHeight(clean.grey.get());

  // Grids from the page as scanned (deskewed, seals faded): the clean-up
  // that makes text crisp can wash out a faint outer rule.
  const std::vector<TableGrid> grids = DetectTableGrids(clean.plain.get(), 72.0 / dpi);
  clean.plain.reset();

  // Ruling lines erased from both images: they would be read as 一, |, 1.
  OwnedPix rules = RulingLineMask(clean.binary.get(), dpi);
  if (!rules) return Result<OcrPageResult>::Error("cannot find ruling lines");
  OwnedPix text_binary(pixSubtract(nullptr, clean.binary.get(), rules.get()));
  if (!text_binary) return Result<OcrPageResult>::Error("cannot erase ruling lines");
  if (pixSetMasked(clean.grey.get(), rules.get(), 255) != 0)
    return Result<OcrPageResult>::Error("cannot erase ruling lines");
  rules.reset();
  // Tesseract binarizes each region itself (Otsu on the region); on the
  // normalized grey it keeps thin strokes that a page-wide threshold loses.
  Pix* text_image = clean.grey.get();

  std::vector<Word> words;
  const double px_per_pt = dpi / 72.0;
  const int inset = std::max(1, static_cast<int>(std::lround(dpi * 0.005)));
  for (const TableGrid& grid : grids) {
    for (const GridCell& cell : grid.cells) {
      if (clock.Expired()) return Result<OcrPageResult>::Error("OCR time limit reached");
      const Rect r = Inset(ToPixels(cell.bbox, px_per_pt, w, h), inset);
      Status st = RecognizeRegion(text_image, text_binary.get(), r, dpi, clock, options, true, &words);
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
