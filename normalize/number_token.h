// NumberToken: one number as printed, read by arabic_number.h or
// chinese_numerals.h, before any multiplier (万, 亿) or unit is applied.
//
// Invariants: begin < end <= text size; `value` is finite and >= 0 (a sign
// is the caller's business); int_digits counts the digits before the
// decimal point as printed (leading zeros included), so a 4-digit year is
// recognisable.
#pragma once

#include <cstddef>

namespace jixiao::norm {

struct NumberToken {
  std::size_t begin = 0;
  std::size_t end = 0;
  double value = 0;
  int int_digits = 0;
  int frac_digits = 0;
  bool chinese = false;         // read from Chinese or financial numerals
  bool digit_sequence = false;  // Chinese digits without place words (二〇二三)
  bool grouped = false;         // thousands separators or spaced digits
  bool ocr_repaired = false;    // letters read as digits (1OO, l00)

  bool is_integer() const { return frac_digits == 0; }
};

// Why a run that looked like a number was not read as one. kNone means the
// text at that position simply is not a number.
enum class NumberIssue {
  kNone,
  kTooLong,        // more digits than a double holds exactly
  kMangled,        // digits mixed with symbols or confusable letters
};

}  // namespace jixiao::norm
