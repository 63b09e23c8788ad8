// Which of two readings of one region to keep when the English model may
// have taken over a line of Chinese.
//
// chi_sim+eng reads the forms' digits, % and (A)/(B/A) well, but on some
// clean lines of Chinese it returns Latin noise ("项目名称" as "TA ARK",
// "（白沙）" as "(ar)"). The pipeline reads such a region again with chi_sim
// alone and keeps that reading only when it is more Chinese and no more
// Latin: a real "DIP" or "(B/A)" reads the same both ways and stays.
#pragma once

#include <string_view>
#include <vector>

#include "extract/ocr_engine.h"

namespace jixiao {

// ASCII letters, and ASCII symbols the forms never print ({ } [ ] \ ~ ^ _ `
// @ # $ &; "(40分)" read as "(404})"), in `text`: the reason to ask for a
// second opinion.
int CountLatinNoise(std::string_view text);
int CountLatinNoise(const std::vector<OcrWord>& words);

// True when `chinese_only` (the chi_sim reading) should replace `combined`
// (the chi_sim+eng reading of the same region).
bool PreferChineseOnlyReading(const std::vector<OcrWord>& combined, const std::vector<OcrWord>& chinese_only);

// The chi_sim reading with its figures taken from the chi_sim+eng reading:
// chi_sim alone garbles % ("95%" as "959%4"), so each run of non-Chinese
// symbols holding a digit or % is replaced by the combined reading's
// symbols at the same place, when those are digits, % and number
// punctuation only and span the run. Both readings in the same pixel
// coordinates.
std::vector<OcrWord> MergeReadings(const std::vector<OcrWord>& combined, const std::vector<OcrWord>& chinese_only);

}  // namespace jixiao
