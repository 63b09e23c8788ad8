// Budget execution: 执行率 and the budget score.
//
// rate = executed / planned x 100; budget score = weight x min(1, rate).
// A planned amount of 0 (or none) makes both not applicable: the rate is
// printed "/" or "—", the budget score is 0, nothing is flagged. Raises
// RATE_MISMATCH (/budget/rate, and /facts/rate_statements/k for each
// narrative statement "预算数 X，执行数 Y，执行率 Z"), BUDGET_SCORE_MISMATCH and
// SCORE_EXCEEDS_WEIGHT (/budget/score). Fills rate_recomputed and
// score.recomputed. A planned or executed cell whose text is not one money
// figure (text cut from a neighbouring cell) is not computed with; a score
// far outside the form total is not compared (both noted as info).
// Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

void CheckBudget(RuleContext& ctx);

}  // namespace jixiao::score
