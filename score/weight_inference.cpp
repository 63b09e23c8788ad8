#include "score/weight_inference.h"

#include <algorithm>
#include <cmath>

#include "score/goal_weights.h"
#include "score/indicator_assessment.h"
#include "score/printed_figure.h"
#include "score/rounding.h"

namespace jixiao::score {

namespace {

// Whether indicator i's declared score fits `share` as its weight: the
// rule's figure for a quantitative target (by a usual convention, or within
// the consistent tolerance); for a qualitative one, within the tier its
// result text allows.
bool ScoreFitsShare(const RuleContext& ctx, int i, double share) {
  const Indicator& ind = ctx.report.indicators[i];
  const Assessment& a = ctx.state.assessments[i];
  if (!ind.score.declared || ind.score.blank) return true;
  double declared = *ind.score.declared;
  double slack = ctx.profile.score_tolerance.consistent;
  if (declared > share + slack) return false;
  if (a.outcome == Outcome::kQualitative) return declared >= AllowedFraction(ctx.profile, ind).low * share - slack;
  if (!a.score_ratio) return true;
  Agreement verdict = Judge(declared, {share * *a.score_ratio}, ctx.profile.score_conventions,
                            ctx.profile.score_unusual, ctx.profile.score_tolerance);
  return verdict == Agreement::kConsistent || verdict == Agreement::kTolerated;
}

// Whether group g's members together score more than the whole group:
// they cannot all be its members (a row of the next group was counted here).
bool Overfull(const RuleContext& ctx, const Group& g, double weight, double* scores) {
  *scores = 0;
  for (int i : g.indicators)
    if (MemberValid(ctx.report, i)) *scores += ctx.PlausiblePoints(ctx.report.indicators[i].score).value_or(0);
  return *scores > weight + ctx.profile.score_tolerance.consistent;
}

void SplitGroupWeights(RuleContext& ctx) {
  Report& r = ctx.report;
  const size_t n = r.groups.size();
  // A row displaced into one group was taken from a neighbour: when any
  // group is overfull, no group's members are certain.
  std::vector<double> scores(n, 0);
  std::vector<bool> overfull(n, false);
  for (size_t g = 0; g < n; ++g)
    if (const std::optional<double>& weight = ctx.state.group_weight[g])
      overfull[g] = Overfull(ctx, r.groups[g], *weight, &scores[g]);
  const bool displaced = std::find(overfull.begin(), overfull.end(), true) != overfull.end();
  for (size_t gi = 0; gi < n; ++gi) {
    const Group& g = r.groups[gi];
    const std::optional<double>& weight = ctx.state.group_weight[gi];
    if (!weight || !MembershipConsistent(r, g)) continue;
    double printed_sum = 0;
    std::vector<int> open;
    for (int i : g.indicators) {
      if (!MemberValid(r, i)) continue;
      if (r.indicators[i].weight.value)
        printed_sum += *r.indicators[i].weight.value;
      else
        open.push_back(i);
    }
    if (open.empty()) continue;
    double share = (*weight - printed_sum) / static_cast<double>(open.size());
    if (!(share > 0)) continue;
    // One member whose score does not fit its share is a finding; several
    // mean the share itself is wrong (the form weighs its indicators
    // unequally, or rows were grouped wrongly), and nothing should rest on it.
    int misfits = 0;
    for (int i : open)
      if (!ScoreFitsShare(ctx, i, share)) ++misfits;
    if (misfits > 1 || displaced) {
      const std::string why = overfull[gi] ? "其下各指标得分合计 " + FormatNumber(scores[gi]) + " 已超过该分值"
                              : displaced ? "另一组的指标得分已超过其分值，各组成员不能确定"
                                          : "均分后每项 " + FormatNumber(share) + "，有 " + std::to_string(misfits) +
                                                " 项得分与之不符";
      ctx.flags.Add(FlagBuilder(FlagCode::kImplausibleFigure, Severity::kInfo,
                                "/groups/" + std::to_string(gi) + "/weight")
                        .Message("“" + g.label + "”分值 " + FormatNumber(*weight) + "，" + why + "，各指标权重无法确定")
                        .Evidence(g.where, g.weight_raw));
      continue;
    }
    for (int i : open) {
      r.indicators[i].weight.value = share;
      r.indicators[i].weight.source = "group";
    }
  }
}

}  // namespace

std::optional<double> PrintedGroupWeight(const RuleContext& ctx, const Group& group) {
  return ctx.PlausibleWeight(group.weight) ? group.weight : std::nullopt;
}

void SetInferredWeight(RuleContext& ctx, int i, double weight) {
  Indicator& ind = ctx.report.indicators[i];
  ind.weight.value = weight;
  ind.weight.source = "inferred";
  ctx.state.weight_inferred[i] = true;
}

bool MembershipConsistent(const Report& report, const Group& group) {
  if (group.level1.empty()) return true;
  for (int i : group.indicators) {
    if (!MemberValid(report, i)) return false;
    const std::string& level1 = report.indicators[i].level1;
    if (!level1.empty() && level1 != group.level1) return false;
  }
  return true;
}

std::optional<double> BudgetAndGroupWeights(const RuleContext& ctx) {
  std::optional<double> sum = ctx.BudgetWeight();
  if (!sum || ctx.state.group_weight.size() != ctx.report.groups.size()) return std::nullopt;
  for (const std::optional<double>& w : ctx.state.group_weight) {
    if (!w) return std::nullopt;
    *sum += *w;
  }
  return sum;
}

std::optional<double> FormWeightSum(const RuleContext& ctx) {
  const Report& r = ctx.report;
  // Without group rows the form's structure was not read: nothing to add up.
  if (r.groups.empty()) return std::nullopt;
  std::vector<bool> grouped(r.indicators.size(), false);
  for (const Group& g : r.groups) {
    if (!MembershipConsistent(r, g)) return std::nullopt;
    for (int i : g.indicators)
      if (MemberValid(r, i)) grouped[i] = true;
  }
  // An indicator outside every group means the form's structure was not
  // read in full: its weights cannot be added up with confidence.
  if (std::find(grouped.begin(), grouped.end(), false) != grouped.end()) return std::nullopt;
  return BudgetAndGroupWeights(ctx);
}

void AddFormSumFlag(RuleContext& ctx, Severity severity, double sum, double total,
                    const std::string& unnamed_group, const std::string& note) {
  const Report& r = ctx.report;
  std::string parts = "预算执行 " + FormatNumber(ctx.BudgetWeight().value_or(0));
  for (size_t g = 0; g < r.groups.size(); ++g)
    parts += " + " + (r.groups[g].label.empty() ? "第" + std::to_string(g + 1) + unnamed_group : r.groups[g].label) +
             " " + FormatNumber(ctx.state.group_weight[g].value_or(0));
  FlagBuilder flag(FlagCode::kWeightSumMismatch, severity, "/groups");
  flag.Message("各部分分值之和 " + parts + " = " + FormatNumber(sum) + " 与总分值 " + FormatNumber(total) + " 不符" + note)
      .Declared(sum)
      .Expected(total);
  for (const Group& group : r.groups) flag.Evidence(group.where, group.weight_raw);
  ctx.flags.Add(flag);
}

void AssignWeights(RuleContext& ctx) {
  Report& r = ctx.report;
  ScoringState& st = ctx.state;
  st.weight_inferred.assign(r.indicators.size(), false);
  st.group_weight.clear();
  st.group_weight_derived.assign(r.groups.size(), false);
  for (const Group& g : r.groups) st.group_weight.push_back(PrintedGroupWeight(ctx, g));
  for (size_t i = 0; i < r.indicators.size(); ++i) {
    Weight& w = r.indicators[i].weight;
    if (!w.value || ctx.PlausibleWeight(w.value)) continue;
    ctx.flags.Add(FlagBuilder(FlagCode::kImplausibleFigure, Severity::kInfo,
                              "/indicators/" + std::to_string(i) + "/weight")
                      .Message("“" + (w.raw.empty() ? FormatNumber(*w.value) : w.raw) + "”不可能是权重，未作比较")
                      .Evidence(r.indicators[i].where, w.raw));
    w.value.reset();
    w.source.clear();
  }
  switch (ctx.profile.weight_mode) {
    case WeightMode::kColumn:
      // A group printed without a weight carries its members' weights.
      for (size_t g = 0; g < r.groups.size(); ++g) {
        if (st.group_weight[g]) continue;
        double sum = 0;
        bool complete = !r.groups[g].indicators.empty();
        for (int i : r.groups[g].indicators) {
          if (!MemberValid(r, i) || !r.indicators[i].weight.value) {
            complete = false;
            break;
          }
          sum += *r.indicators[i].weight.value;
        }
        if (complete) {
          st.group_weight[g] = sum;
          st.group_weight_derived[g] = true;
        }
      }
      break;
    case WeightMode::kGroupSplit:
      SplitGroupWeights(ctx);
      break;
    case WeightMode::kGoalInference:
      InferGoalWeights(ctx);
      break;
  }
}

}  // namespace jixiao::score
