// How a figure was printed: its unit as shown and its last printed digit.
//
// Values arrive normalized (money in 元, counts in their unit) with the text
// they came from in `raw`. Tolerances and messages need the printed form
// back: "358" in a 万元 column is 3580000 元 printed to the nearest 10000 元,
// and a message about it should say "358万元", not "3580000元". The scale
// is value / (the number written in raw); it is snapped to a power of ten.
// Internal to score/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace jixiao::score {

struct PrintedForm {
  double scale = 1;        // normalized value per printed unit (10000 for 万元)
  int decimals = 0;        // digits after the decimal point as printed
  std::string unit_label;  // "万元", "元", "%", "人", or "" when unknown
};

// The first number written in `raw` (ASCII or full-width digits, thousands
// separators allowed), or nullopt (Chinese numerals, no digits).
std::optional<double> FirstNumberIn(const std::string& raw, int* decimals = nullptr);

// The printed form of `value`, or nullopt when raw holds no digits.
std::optional<PrintedForm> PrintedFormOf(const Value& value);

// Whether `raw` reads as one money figure and nothing else: a number (ASCII
// or full-width digits, thousands separators, a decimal point, a sign or
// ¥) and at most a money unit (元, 万元, 万, 千元, 亿元). Text cut from a
// neighbouring cell ("标1（70", "（20分*执") or a zero-padded "00" does not.
// Empty text passes (nothing says it is wrong).
bool LooksLikeAmount(const std::string& raw);

// Whether two figures print digits one character apart: one digit changed,
// added or dropped (4630.9 / 1630.9, 739% / 73%). Only digits and the
// decimal point count; figures without digits are never apart by one.
bool DigitsOneEditApart(const std::string& raw_a, const std::string& raw_b);

// Whether a disagreement between `a` and `b` may be a misread rather than
// the document's: one of them was read by OCR (confidence below 1) and
// their digits are one character apart, which is how a misread digit looks.
// A figure in Chinese numerals has no printed digits; its value's
// significant digits stand in (拾肆万元整 read for 贰拾肆万元整: 14 / 24).
bool MaybeMisread(const Value& a, const Value& b);

// Whether `v` holds a finite number printed as one money figure
// (LooksLikeAmount): safe to compute with.
bool IsCleanAmount(const std::optional<Value>& v);

// One unit of the last printed digit, in the normalized unit (100 元 for
// "400.77" 万元). Nullopt when it cannot be told from raw.
std::optional<double> LastDigitUnit(const Value& value);

// One unit of the last printed digit of the coarsest of `values`, in the
// normalized unit; 0 when none tells. Forms drop trailing zeros ("6" for
// 6.00 万元 beside "3.98"), so a whole number printed at the same scale as
// figures with decimals counts as exact to their precision.
double CoarsestDigit(const std::vector<const Value*>& values);

// Shortest decimal text for x with at most `max_decimals` decimals
// ("19.95", "20", "-3.5").
std::string FormatNumber(double x, int max_decimals = 2);

// A normalized amount written the way `like` was printed: 20200 元 as
// "2.02万元" when `like` came from a 万元 column. Falls back to the
// normalized unit.
std::string FormatLike(double normalized, const Value& like, int extra_decimals = 0);

}  // namespace jixiao::score
