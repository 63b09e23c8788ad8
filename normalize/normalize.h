// normalize: one cell or phrase of Chinese report text -> a Value.
//
// Follows ../shared/docs/normalization-conventions.md: money becomes 元,
// percentages percent units, counts keep their measure word, per-unit rates
// list their denominators, comparator words become ">=", "<=" ..., dates
// become ISO strings with unit "date". Full-width forms are folded with ICU
// NFKC; Chinese and financial numerals are read with ICU's numeric values.
//
// Ranges, changes and periods are read as the contract (model/document.h
// Value) describes them: 90%-95% and ≥95%且≤100% -> the lower bound with
// `range`; 下降3%, 较上年提高2个百分点 -> the size of the change with
// `change`; 2023年1-12月 -> its end with `period`; 12月底前 -> 12 月, "<=",
// period to --12-31. Negative amounts: -5, 负5万元, (12.5)万元.
//
// Never throws and never guesses: text with no clear figure gives a Value
// whose number/date are empty and whose `text` keeps the words (trimmed);
// the caller decides whether that is qualitative or UNREADABLE (see
// Normalized::noisy). Ill-formed UTF-8 gives no figure, noisy, and `raw` and
// `text` with the bad bytes replaced by U+FFFD. Two figures side by side
// that form no range (two values: 61元；140元) have no single reading and
// give no figure either.
// Safe to call from many threads at once (no mutable state; ICU singletons).
//
// Internals, one reader each: fold.h (UTF-8, NFKC), arabic_number.h,
// chinese_numerals.h, units.h, comparators.h, dates.h, periods.h,
// changes.h, ranges.h, and figure.h which puts them together.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"

namespace jixiao {

// What the surrounding table says about a bare cell.
struct NormalizeContext {
  // Unit printed in the column or row header, e.g. "万元" from
  // 预算执行情况（万元）: applied to bare numbers ("110" -> 1100000 元).
  // Parentheses and a 单位： prefix are allowed ("（单位：万元）"); a header
  // that is not just a unit is ignored. A cell's own unit or magnitude
  // (30万, 5元) always wins.
  std::optional<std::string> column_unit;
  // The column is headed with % (执行率, 完成率): "95" reads as 95 %.
  // Like column_unit, only for a number printed without a unit.
  bool percent_column = false;
};

struct Normalized {
  Value value;               // where/confidence left default; the caller sets them
  // The text looked like a figure but could not be read with certainty
  // (mangled digits, stray symbols); value.number/date are empty. Callers
  // raise UNREADABLE for it rather than treating it as qualitative text.
  bool noisy = false;
};

Normalized Normalize(std::string_view text, const NormalizeContext& context = {});

// Convenience: the number in `text` read as points ("94", "94分", "19.5",
// "（２０分）"); nullopt when the text is no figure, a date, or a figure in
// another unit (95%, 10 万元), with a bound (≥90分), or a range, change or
// period (90-95分, 提高2分).
std::optional<double> ParsePoints(std::string_view text);

}  // namespace jixiao
