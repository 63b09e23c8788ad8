// Symbol fixes after recognition that the model needs on these forms.
//
// A piece of a ruling line
// next to the text comes back as "|" or "丨" (neither occurs in the text);
// the full-width parentheses, which chi_sim lacks, come back as 〈 〉 (which
// the forms never use), sometimes followed by an ASCII one for the same
// glyph; a % sign read twice over itself ("100%%") counts once, and the
// narrow 9 before it and the digit after it that the model sometimes reads
// inside a % sign's box ("959%0" for "95%") are parts of the sign.
// Words left without symbols are dropped; a word whose symbols changed gets
// the box of those that remain.
#pragma once

#include <vector>

#include "extract/ocr_engine.h"

namespace jixiao {

void CleanSymbols(std::vector<OcrWord>* words);

// True when all that was read are one to four shapes a printed 1 takes in
// Latin letters (l I | ! ] [), as in a score cell "11" read "ll": nothing
// else in these forms is written so, and the cell is worth reading again
// as digits.
bool IsOnlyShapesOfOne(const std::vector<OcrWord>& words);

}  // namespace jixiao
