// Units, magnitude words and per-unit denominators.
//
// The lexicon maps a unit as printed to the unit the conventions report:
// 元整/圆 -> 元, 个月 -> 月 (个 is dropped before a time unit), ‰ -> % with
// scale 0.1, 成 -> % with scale 10. Everything else keeps the measure word
// as printed (人次, 家, 工作日). Matching is longest-first, so 人次 wins over
// 人 and 分钟 over 分.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "normalize/text.h"

namespace jixiao::norm {

enum class UnitKind { kMoney, kPercent, kPoints, kTime, kCount, kMeasure };

struct UnitMatch {
  std::size_t end = 0;   // position after the printed unit
  TextView unit;         // unit to report (static storage)
  double scale = 1;      // multiply the number by this
  UnitKind kind = UnitKind::kCount;
};

// The unit printed at `pos`, longest match; nullopt when none.
std::optional<UnitMatch> MatchUnit(TextView text, std::size_t pos);

struct Multiplier {
  std::size_t end = 0;
  double factor = 1;
};

// A magnitude word at `pos`: 万 亿 千 百 and the pairs 千万 百万 万亿.
// 千米, 千克, 百分点, 千分之 and the like are units or ratios, not magnitudes.
std::optional<Multiplier> MatchMultiplier(TextView text, std::size_t pos);

struct PerMatch {
  std::size_t end = 0;
  std::vector<TextView> per;  // denominators in printed order
};

// Denominators printed after a unit: "/人/年", "/人·年", "/(人·年)".
// nullopt unless `pos` (after spaces) holds '/' followed by a unit.
std::optional<PerMatch> MatchPerSuffix(TextView text, std::size_t pos);

// Denominators printed before a figure in [begin, end): 每人每年 -> 人, 年;
// 人均 -> 人. 每个 followed by a noun (每个参保人) names no unit.
std::vector<TextView> PerPrefix(TextView text, std::size_t begin, std::size_t end);

}  // namespace jixiao::norm
