// Ranges: two bounds printed as one figure.
//
// Two forms, read after the first figure of a cell:
// - A connector between two figures (periods.h RangeConnectorEnd: -, ~, 至,
//   到, —, OCR 一): 90%-95%, 90%～95%, 90-95%, 3-5个工作日, 100-80%; also two
//   figures joined by 和/与 and closed by 之间 (介于90%和95%之间). Both bounds
//   are inclusive unless a note after says otherwise: (不含80%) makes that
//   bound exclusive, (含80%) inclusive. A comparator before the first figure
//   (≥90%-95%) leaves no single reading: no range.
// - Two opposite bounds joined by 且, 并且, 同时, 、, ',' or ';':
//   ≥95%且≤100%, >90%,<95%, 90%以上且100%以下; > and < are exclusive.
// A bound printed without a unit takes the other's unit and magnitude
// (3-5万元 is 30000 to 50000 元); two different units are no range. A range
// printed high to low (100-80%) is stored low to high.
#pragma once

#include <cstddef>
#include <optional>

#include "normalize/figure.h"
#include "normalize/text.h"

namespace jixiao::norm {

struct RangeJoin {
  Figure figure;        // number = lower bound, comparator ">=" or ">", range set
  std::size_t end = 0;  // position after the range and any note on its bounds
};

// The range that `first` (a figure ending at `first_end` in `text`) opens, or
// nullopt when no second bound follows.
std::optional<RangeJoin> JoinRange(TextView text, const Figure& first, std::size_t first_end);

}  // namespace jixiao::norm
