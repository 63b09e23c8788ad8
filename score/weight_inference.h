// AssignWeights: the weight of every indicator, printed or derived.
//
// Weight-column forms print each weight (kept as they are; a group printed
// without a weight carries its members' sum). Group-weight forms print
// 产出指标(40分): the group weight is split equally among the group's
// indicators that print none (source "group"), unless several members'
// scores contradict the share or the group holds rows of another 一级指标
// (the grouping was not read as printed; nothing rests on it then). Goal
// tables infer their weights (source "inferred"), see goal_weights.h.
// Printed weights that cannot be weights (<= 0, above the form total) are
// dropped with an info note.
// Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

// Needs ctx.state.assessments; fills the rest of ctx.state.
void AssignWeights(RuleContext& ctx);

// A printed group weight, unless it cannot be one (not above 0 and at most
// the form total: else it was read from the wrong cell).
std::optional<double> PrintedGroupWeight(const RuleContext& ctx, const Group& group);

// Sets indicator i's weight as inferred by a rule (source "inferred").
void SetInferredWeight(RuleContext& ctx, int i, double weight);

// Whether the group's members carry the group's 一级指标 (when both are
// known). A member of another 一级指标 means the rows were not grouped as
// printed, so no weight is split from, or added up against, the group.
bool MembershipConsistent(const Report& report, const Group& group);

// budget weight + every group weight (ctx.state.group_weight), when all of
// them are known.
std::optional<double> BudgetAndGroupWeights(const RuleContext& ctx);

// The same, when moreover the report has groups, each holds only rows of its
// own 一级指标 and every indicator belongs to a group: the form's parts as
// read, to hold against the form total.
std::optional<double> FormWeightSum(const RuleContext& ctx);

// WEIGHT_SUM_MISMATCH at /groups: the parts (budget weight and each group's
// weight in ctx.state, a group without a label named 第N + `unnamed_group`)
// add up to `sum`, not the form's `total`; `note` is appended to the message.
void AddFormSumFlag(RuleContext& ctx, Severity severity, double sum, double total,
                    const std::string& unnamed_group, const std::string& note = "");

}  // namespace jixiao::score
