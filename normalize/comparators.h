// Comparator words and symbols around a figure.
//
// Before a figure: ≥ >= 不低于 不少于 至少 ... -> ">=", > 大于 高于 超过 -> ">",
// ≤ <= 不高于 不超过 ... -> "<=", < 小于 低于 少于 -> "<", = 等于 -> "=".
// After a figure: 以上 及以上 -> ">=", 以下 以内 内 -> "<=". 余/多 after a number
// also read ">=" (handled by the figure reader, since they stand before the
// unit). 约/左右 mean "about" and give no comparator. Dates have their own
// deadline words (不晚于, 截至, 之前 -> "<=", 之后 -> ">=").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "normalize/text.h"

namespace jixiao::norm {

struct ComparatorMatch {
  std::string_view op;   // ">=", ">", "<=", "<" or "="
  std::size_t begin = 0;  // where the word starts
  std::size_t end = 0;    // position after the word
};

// The comparator printed just before `end` (spaces and colons skipped),
// not reaching before `floor`. Longest word wins (不低于 over 低于).
std::optional<ComparatorMatch> ComparatorBefore(TextView text, std::size_t floor, std::size_t end);

// The comparator printed at `pos` after a figure (spaces skipped).
std::optional<ComparatorMatch> ComparatorAfter(TextView text, std::size_t pos);

// Deadline words before a date (不晚于, 截至 ...), as ComparatorBefore.
std::optional<ComparatorMatch> DateComparatorBefore(TextView text, std::size_t floor,
                                                    std::size_t end);

// Deadline words after a date (之前, 前, 之后 ...), as ComparatorAfter.
std::optional<ComparatorMatch> DateComparatorAfter(TextView text, std::size_t pos);

// "About" words after a figure (左右, 上下): consumed, no comparator. Returns
// the position after the word, or `pos` when there is none.
std::size_t SkipApproximation(TextView text, std::size_t pos);

}  // namespace jixiao::norm
