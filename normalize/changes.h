// Changes: a figure printed as a rise or fall, and what it is measured
// against.
//
// The direction is a verb right before the figure (a comparator may stand
// between: 提高不低于2个百分点): 提高 提升 增长 增加 上升 上涨 升高 ->
// increase, 下降 降低 减少 下调 缩减 压缩 减低 回落 -> decrease; 了, 幅度,
// 比例, 为, 达, 约 and spaces may stand between. Nouns that name a level
// (增长率, 增幅) are not changes: 增长率≤5% is a rate of 5 %, not a rise.
// The baseline is printed before the verb: 较上年, 比上年同期, 与上年相比,
// 较2022年, 较年初; 同比 reads 上年同期, 环比 上期.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "normalize/text.h"

namespace jixiao::norm {

struct ChangeMatch {
  std::string_view direction;       // "increase" or "decrease"
  std::optional<std::string> baseline;
  std::size_t begin = 0;            // where the baseline or the verb starts
};

// The change words printed before `end` (the figure or its comparator).
// Nothing before `floor` is read.
std::optional<ChangeMatch> ChangeBefore(TextView text, std::size_t floor, std::size_t end);

}  // namespace jixiao::norm
