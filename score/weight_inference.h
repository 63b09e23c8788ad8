// AssignWeights: the weight of every indicator, printed or derived.
//
// Weight-column forms print each weight (kept as they are). Group-weight
// forms print 产出指标(40分): the group weight is split equally among the
// group's indicators that print none (source "group"). Goal tables print
// only the goal weight (年度绩效目标1 (70分)); the weights follow from the
// documented rules (source "inferred"):
//   - a met target's (or a qualitative indicator's) score is its weight;
//   - the one missed indicator of a goal weighs the goal weight minus the
//     others' weights (at most one quantitative target per goal is missed);
//   - a goal printed without a weight weighs the form total minus the budget
//     weight and the other goals.
// A goal whose members are all met but whose scores do not add up to the
// printed goal weight is flagged here: WEIGHT_SUM_MISMATCH when the goal
// weight is what disagrees with the form total, INDICATOR_SCORE_MISMATCH
// (and SCORE_EXCEEDS_WEIGHT when above) when the goal weights agree with
// the form total, so a member's score must be wrong. Flags resting on
// inferred weights carry the profile's inferred_weight_severity.
// Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

// Needs ctx.state.assessments; fills the rest of ctx.state.
void AssignWeights(RuleContext& ctx);

// budget weight + every group weight (printed or derived) + the weights of
// indicators outside any group, when all of them are known.
std::optional<double> FormWeightSum(const RuleContext& ctx);

}  // namespace jixiao::score
