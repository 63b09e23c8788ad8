// Finding the one figure in a folded cell: a number with its magnitude,
// unit, denominators and comparator, or a date; with the range, change or
// period it is part of (ranges.h, changes.h, periods.h).
//
// Labels before the figure are skipped (填报日期: 2023.6.21, 自评得分 94 分),
// trailing nouns after the unit are ignored (10 个医疗保障服务中心), and the
// first readable figure wins, except that a year alone (2022年度) that is
// followed by another figure is read as a label. Chinese numerals count only
// where they stand as a figure of their own, never inside a word (一站式,
// 一次性, 五险一金).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "normalize/text.h"

namespace jixiao::norm {

struct Figure {
  std::optional<double> number;
  std::optional<std::string> date;        // ISO, when the figure is a date
  std::optional<std::string> unit;        // "元", "%", "人", "date", ...
  std::optional<std::string> comparator;  // ">=", ">", "<=", "<", "="
  std::vector<std::string> per;
  bool scaled = false;  // a magnitude word (万, 亿) or 百分之 was printed
  double factor = 1;    // what magnitude and unit multiplied the printed number by
  std::optional<Range> range;
  std::optional<Change> change;
  std::optional<Period> period;
};

struct FigureSearch {
  std::optional<Figure> figure;
  // A figure-like run could not be read with certainty (mangled digits,
  // stray symbols, too many digits); `figure` is then empty.
  bool noisy = false;
};

// Searches `text` (folded by fold.h) for its figure.
FigureSearch FindFigure(TextView text);

// The first figure of `text` and where it stands ([begin, end) in `text`),
// without looking at what follows it as FindFigure does.
struct LocatedFigure {
  FigureSearch search;
  std::size_t begin = 0;
  std::size_t end = 0;
};
LocatedFigure FindFirstFigure(TextView text);

}  // namespace jixiao::norm
