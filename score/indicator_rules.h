// Indicator scores and completion ratios.
//
// With each indicator's weight known (printed, split from its group, or
// inferred) and its Assessment: a quantitative score must be weight x
// min(1, B/A) (reverse: A/B) printed by a usual convention
// (INDICATOR_SCORE_MISMATCH, /indicators/i/score); no score may exceed its
// weight (SCORE_EXCEEDS_WEIGHT); a clearly missed target must not get the
// full weight (TARGET_NOT_MET_FULL_SCORE); a printed completion ratio must be
// B/A (INDICATOR_RATE_MISMATCH, /indicators/i/ratio). A qualitative score
// must fall in a tier the evidence allows (achieved: the top tier, partly:
// the middle one), else a warning. A group printed with one merged score is
// held to the sum of its members' rule scores (/groups/g/score). Flags
// resting on an inferred weight carry
// the profile's inferred_weight_severity. Fills score.recomputed and
// ratio_recomputed. Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

void CheckIndicators(RuleContext& ctx);

}  // namespace jixiao::score
