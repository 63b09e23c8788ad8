// The per-thread Tesseract engine and word recognition on one image.
//
// Each thread lazily creates one tesseract::TessBaseAPI (LSTM) per language
// set on first use and reuses it for every later page and region; an engine
// is rebuilt only when a different tessdata directory is asked for.
// Tesseract's own messages go to /dev/null. Coordinates of recognized words
// are pixels of the image that was passed in.
#pragma once

#include <string>
#include <vector>

#include "extract/extract.h"
#include "model/status.h"

struct Pix;

namespace jixiao {

// How Tesseract should segment the image it is given.
enum class OcrLayout {
  kAuto,   // page segmentation (PSM_AUTO): paragraphs and columns
  kBlock,  // one uniform block of text (PSM_SINGLE_BLOCK)
  kLine,   // one text line (PSM_SINGLE_LINE)
  kRawLine,  // one text line, no layout analysis at all (PSM_RAW_LINE)
  kWord,     // one word (PSM_SINGLE_WORD)
};

// One recognized character (Tesseract "symbol"), pixels.
struct OcrSymbol {
  std::string text;          // UTF-8, usually one code point
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double confidence = 0;     // 0..1
};

struct OcrWord {
  std::string text;          // UTF-8, no surrounding spaces; the symbols joined
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // pixels, x1/y1 exclusive
  double confidence = 0;     // 0..1
  std::vector<OcrSymbol> symbols;  // left to right
};

// The confidence of `word`'s least certain symbol; 1 without symbols.
double LeastSymbolConfidence(const OcrWord& word);

// Raises `word`'s confidence to its least certain symbol's when Tesseract's
// word confidence is lower: that can count a blank symbol recognized inside
// the word (and dropped), and then says 0 for "2%" read at 0.46 and 0.97.
void HoldConfidenceToSymbols(OcrWord* word);

// Gives `word` the text and the box of its symbols, after symbols were
// dropped, merged or replaced. A word without symbols keeps its box.
void FitToSymbols(OcrWord* word);

// Which models read the image. chi_sim+eng reads digits, % and Latin far
// better than chi_sim alone (which gives "9%0" for "%"), but now and then
// lets the English model take a whole line of Chinese ("项目名称" as
// "TA ARK"); chi_sim alone is the second opinion for such lines.
enum class OcrLanguages {
  kChineseAndEnglish,  // chi_sim+eng
  kChineseOnly,        // chi_sim
};

struct OcrRequest {
  OcrLayout layout = OcrLayout::kBlock;
  OcrLanguages languages = OcrLanguages::kChineseAndEnglish;
  double dpi = 300;          // of the image, for Tesseract's size heuristics
  std::string whitelist;     // empty: every character of the languages
  double timeout_seconds = 0;  // 0 = no limit
};

// Recognizes `image` (8 bpp grey or 1 bpp) with this thread's engine.
// An error when the engine cannot be created or the deadline passed.
Result<std::vector<OcrWord>> RecognizeWords(Pix* image, const OcrRequest& request,
                                            const ExtractOptions& options);

// The Tesseract language string of `languages`.
const char* TesseractLanguages(OcrLanguages languages);

}  // namespace jixiao
