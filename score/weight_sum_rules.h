// Weight sums: members vs their group, groups vs the form, sections.
//
// WEIGHT_SUM_MISMATCH when the printed 分值 of a weight-column form's
// indicators do not add up to their printed group weight (/groups/g/weight);
// when the budget weight and the group weights (printed or derived) do not
// add up to the form total — the 分值 of the 总分 row, else the profile's
// form_total — (/groups); when a narrative section's 满分 differs from its
// sub-sections' (/sections/i/weight) or the sections' 满分 do not add up to
// the form total (/sections). A section scored above its 满分 raises
// SCORE_EXCEEDS_WEIGHT, one whose 得分 is not its sub-sections' sum
// TOTAL_MISMATCH (/sections/i/score). Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

void CheckWeightSums(RuleContext& ctx);

}  // namespace jixiao::score
