// InferGoalWeights: weights of a goal table's indicators, which it does not
// print (年度绩效目标1 (70分) / 年度绩效目标2 rows, source "inferred").
//
// The documented rules:
//   - a met target's (or a qualitative indicator's) score is its weight;
//   - the one missed indicator of a goal weighs the goal weight minus the
//     others' weights (the forms' convention, kept by the dev corpus: at most
//     one quantitative target per goal is missed, so this is exact);
//   - a goal printed without a weight weighs the form total minus the budget
//     weight and the other goals;
//   - a goal with two missed members: if exactly one of them read as given
//     its full weight lets the other's score fit the rule, that reading
//     gives both weights (a miss given full marks is then flagged); when
//     both do, the one whose weights are multiples of 5 (as forms weigh
//     their indicators) is taken if it is the only such one.
// When the missed member's score does not fit the weight left to it, and
// that weight is not a multiple of 5 while a multiple of 5 fits, a met
// member's score is what is wrong (INDICATOR_SCORE_MISMATCH at /groups/g).
// Where the figures disagree (an all-met goal whose scores do not add up to
// its printed weight; budget + goal weights != the form total), the single
// figure whose change explains every disagreement is named: a printed goal
// weight (WEIGHT_SUM_MISMATCH, /groups/g/weight and /groups), or a member's
// score (INDICATOR_SCORE_MISMATCH at /groups/g, with SCORE_EXCEEDS_WEIGHT
// when the scores exceed the goal weight). Every such flag, and every flag
// later resting on an inferred weight, carries the profile's
// inferred_weight_severity (a warning): the rules are an assumption about
// how the form was filled in, not figures it prints. Rows with neither a
// result nor a score take no part. Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

// Needs ctx.state.assessments and ctx.state.group_weight initialised.
void InferGoalWeights(RuleContext& ctx);

}  // namespace jixiao::score
