// Dates on a page read a second time with a date character set.
//
// A fill date such as "2023 年 5 月" is short, sits beside a label and often
// under a seal; page-level recognition garbles it ("2023 45月",
// "20254824 13日", "2024年]月13捍") though the digits are clean.
// FindDateRuns finds runs of symbols on one line made of digits, 年月日
// . - / and the shapes a 1 takes under a seal stroke (] [ | l I) that start
// with a year (19xx or 20xx) and say more than the year, but are not a
// well-formed date (one character right after "…月13" goes with them: it
// stands where 日 does); the caller reads each run's box again (digits and 年月日 only) and
// ReplaceDateRun puts that reading in place when it is a well-formed date.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/ocr_engine.h"

namespace jixiao {

struct DateRun {
  std::vector<std::pair<size_t, size_t>> symbols;  // (word, symbol) indexes, in order
  std::string text;                                // the run as read
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;              // pixels, the symbols' union
};

// Characters a date re-read may return.
inline constexpr const char* kDateWhitelist = "0123456789年月日.";

// "2023年5月", "2023年5月13日", "2023.6.21", "2023-06" (valid month and
// day); nothing else.
bool IsWellFormedDate(std::string_view text);

// `dpi` bounds the gap allowed between two symbols of one date.
std::vector<DateRun> FindDateRuns(const std::vector<OcrWord>& words, double dpi);

// Replaces the run's symbols with `reading` (words in the same pixel
// coordinates as `words`) when its text, without a "." at either end, is a
// well-formed date; returns whether it did. Words left without symbols are
// dropped.
bool ReplaceDateRun(const DateRun& run, const std::vector<OcrWord>& reading, std::vector<OcrWord>* words);

}  // namespace jixiao
