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
// Where the figures disagree (an all-met goal whose scores do not add up to
// its printed weight; budget + goal weights != the form total), the single
// figure whose change explains every disagreement is named: a printed goal
// weight (WEIGHT_SUM_MISMATCH, /groups/g/weight and /groups), or a member's
// score (INDICATOR_SCORE_MISMATCH at /groups/g, with SCORE_EXCEEDS_WEIGHT
// when the scores exceed the goal weight). The README of the forms' corpus
// guarantees at most one missed quantitative target per goal, which makes
// "goal weight minus the others" exact; a flag resting on an inferred
// weight still carries the profile's inferred_weight_severity (a warning),
// because the rule is an assumption about how the form was filled in.
// Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

// Needs ctx.state.assessments; fills the rest of ctx.state.
void AssignWeights(RuleContext& ctx);

// Whether the group's members carry the group's 一级指标 (when both are
// known). A member of another 一级指标 means the rows were not grouped as
// printed, so no weight is split from, or added up against, the group.
bool MembershipConsistent(const Report& report, const Group& group);

// budget weight + every group weight (printed or derived), when the report
// has groups, every group's weight is known and every indicator belongs to
// a group.
std::optional<double> FormWeightSum(const RuleContext& ctx);

}  // namespace jixiao::score
