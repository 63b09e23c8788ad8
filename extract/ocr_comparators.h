// Comparator glyphs that the Chinese model cannot read: ≥ ≤ ≧ ≦.
//
// chi_sim has no ≥ or ≤ in its character set, so a target printed "≥90%"
// comes back as "290%", ">90%" or "之90%", which changes the figure. The
// glyph is easy to see in the binarized cell, though: a chevron ("<" or
// ">") with one or two flat bars right under it and nothing else around.
// FindComparatorGlyphs finds such glyphs; ApplyComparators puts the right
// character in place of whatever Tesseract read there (or inserts it when
// Tesseract dropped the glyph).
#pragma once

#include <string>
#include <vector>

#include "extract/ocr_engine.h"

struct Pix;

namespace jixiao {

struct ComparatorGlyph {
  std::string text;                    // "≥", "≤", "≧" or "≦"
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // pixels of the image searched
};

// `binary` is 1 bpp (ink = 1) of a text region without ruling lines.
// `dpi` bounds the glyph size (between about 5 and 20 points tall).
std::vector<ComparatorGlyph> FindComparatorGlyphs(Pix* binary, double dpi);

// `words` and `glyphs` in the same pixel coordinates. A symbol whose centre
// lies in a glyph's box is replaced by the glyph's character (several such
// symbols, e.g. ">" "=", become one); a glyph no symbol covers is inserted
// before the first symbol to its right on the same line. The glyph counts as
// read with kComparatorConfidence, and a word it changed takes the lowest
// confidence of its symbols (the doubtful symbol it replaced no longer
// counts).
inline constexpr double kComparatorConfidence = 0.9;
void ApplyComparators(const std::vector<ComparatorGlyph>& glyphs, std::vector<OcrWord>* words);

}  // namespace jixiao
