#include "score/weight_sum_rules.h"

#include <cmath>

#include "score/printed_figure.h"
#include "score/rounding.h"
#include "score/weight_inference.h"

namespace jixiao::score {

namespace {

constexpr int kMaxSectionDepth = 4;

std::optional<Severity> SumVerdict(const RuleContext& ctx, double declared, double sum) {
  return SeverityOf(Judge(declared, {sum}, {}, {}, ctx.profile.total_tolerance));
}

// Whether all printed group weights together equal all printed indicator
// weights together (every group weight and every indicator weight printed).
// Then a group whose members disagree with it lost a member to, or took one
// from, another group: the rows were grouped wrongly, the form adds up.
bool GroupsAddUpAsAWhole(const RuleContext& ctx) {
  const Report& r = ctx.report;
  if (r.groups.size() < 2 || r.indicators.empty()) return false;
  double groups = 0, members = 0;
  for (size_t g = 0; g < r.groups.size(); ++g) {
    if (ctx.state.group_weight_derived[g] || !ctx.state.group_weight[g]) return false;
    groups += *ctx.state.group_weight[g];
  }
  for (const Indicator& ind : r.indicators) {
    if (!ind.weight.value || ind.weight.source != "column") return false;
    members += *ind.weight.value;
  }
  return std::fabs(groups - members) < ctx.profile.total_tolerance.consistent;
}

// Whether the groups read fall short of the form's full marks: a group's
// label was not read, so its rows were counted under a neighbour or none.
bool GroupsMissing(const RuleContext& ctx) {
  const std::optional<double> full = ctx.FormTotal();
  const std::optional<double> parts = BudgetAndGroupWeights(ctx);
  return full && parts && *parts < *full - ctx.profile.total_tolerance.consistent;
}

// Printed group weights against their members' printed 分值. When the
// groups disagree with their members but add up with them as a whole, the
// rows were grouped wrongly (a member counted under its neighbour), which is
// not what the form says: noted, not flagged.
void CheckColumnGroups(RuleContext& ctx) {
  const Report& r = ctx.report;
  struct Mismatch {
    size_t group;
    double printed;
    double sum;
    std::string parts;
    Severity severity;
  };
  std::vector<Mismatch> mismatches;
  for (size_t g = 0; g < r.groups.size(); ++g) {
    const Group& group = r.groups[g];
    std::optional<double> printed = ctx.state.group_weight_derived[g] ? std::nullopt : ctx.state.group_weight[g];
    if (!printed || group.indicators.empty() || !MembershipConsistent(r, group)) continue;
    double sum = 0;
    bool complete = true;
    std::string parts;
    for (int i : group.indicators) {
      // Only printed weights: a derived one would make the sum agree by construction.
      if (!MemberValid(r, i) || !r.indicators[i].weight.value ||
          r.indicators[i].weight.source == "group" || r.indicators[i].weight.source == "inferred") {
        complete = false;
        break;
      }
      sum += *r.indicators[i].weight.value;
      parts += (parts.empty() ? "" : "+") + FormatNumber(*r.indicators[i].weight.value);
    }
    if (!complete) continue;
    std::optional<Severity> severity = SumVerdict(ctx, *printed, sum);
    if (!severity || *severity < Severity::kWarning) continue;
    mismatches.push_back({g, *printed, sum, parts, *severity});
  }
  // While a group is missing, its rows were counted under its neighbours
  // (which then exceed their weight, and push their own rows on to the
  // next): the members read say nothing about the form.
  const bool groups_missing = GroupsMissing(ctx);
  double printed_total = 0, member_total = 0;
  for (const Mismatch& m : mismatches) {
    printed_total += m.printed;
    member_total += m.sum;
  }
  bool regrouped = (mismatches.size() > 1 && std::fabs(printed_total - member_total) < ctx.profile.total_tolerance.consistent) ||
                   GroupsAddUpAsAWhole(ctx);
  for (const Mismatch& m : mismatches) {
    const Group& group = r.groups[m.group];
    const char* note = regrouped        ? "（各组合计相符，疑为指标归组有误）"
                       : groups_missing ? "（有分组未读出，各指标归组无法确定）"
                                        : "";
    FlagBuilder flag(FlagCode::kWeightSumMismatch, regrouped || groups_missing ? Severity::kInfo : m.severity,
                     "/groups/" + std::to_string(m.group) + "/weight");
    flag.Message("“" + group.label + "”分值 " + FormatNumber(m.printed) + " 与其下各指标分值之和 " + m.parts + "=" +
                 FormatNumber(m.sum) + " 不符" + note)
        .Declared(m.printed)
        .Expected(m.sum)
        .Evidence(group.where, group.weight_raw);
    for (int i : group.indicators) flag.Evidence(r.indicators[i].where, r.indicators[i].weight.raw);
    ctx.flags.Add(flag);
  }
}

// The budget's and the indicators' declared scores added up (those printed).
double DeclaredItemScores(const RuleContext& ctx) {
  const Report& r = ctx.report;
  double sum = ctx.PlausiblePoints(r.budget.score).value_or(0);
  for (const Indicator& ind : r.indicators) sum += ctx.PlausiblePoints(ind.score).value_or(0);
  return sum;
}

void CheckFormTotal(RuleContext& ctx) {
  std::optional<double> total = ctx.FormTotal();
  std::optional<double> sum = FormWeightSum(ctx);
  if (!total || !sum) return;
  std::optional<Severity> severity = SumVerdict(ctx, *sum, *total);
  if (!severity || *severity < Severity::kWarning) return;
  // Parts short of the total while the items already score more than those
  // parts allow: a part's label was not read, the form itself may add up.
  const bool parts_unread = *sum < *total && DeclaredItemScores(ctx) > *sum + ctx.profile.total_tolerance.consistent;
  if (parts_unread) severity = Severity::kInfo;
  AddFormSumFlag(ctx, *severity, *sum, *total, "组", parts_unread ? "（各项得分已超出已读出的分值，或有分组未读出）" : "");
}

void CheckSection(RuleContext& ctx, const Section& s, const std::string& path, int depth) {
  if (depth > kMaxSectionDepth) return;
  if (s.weight && s.score && *s.score > *s.weight + 1e-6) {
    ctx.flags.Add(FlagBuilder(FlagCode::kScoreExceedsWeight, Severity::kError, path + "/score")
                      .Message("“" + s.name + "”得分 " + FormatNumber(*s.score) + " 超过其满分 " +
                               FormatNumber(*s.weight))
                      .Declared(*s.score)
                      .Expected(*s.weight)
                      .Evidence(s.where, s.raw));
  }
  if (s.children.empty()) return;
  double weights = 0, scores = 0;
  bool all_weights = true, all_scores = true;
  for (const Section& c : s.children) {
    if (c.weight) weights += *c.weight; else all_weights = false;
    if (c.score) scores += *c.score; else all_scores = false;
  }
  if (s.weight && all_weights) {
    std::optional<Severity> severity = SumVerdict(ctx, *s.weight, weights);
    if (severity && *severity >= Severity::kWarning)
      ctx.flags.Add(FlagBuilder(FlagCode::kWeightSumMismatch, *severity, path + "/weight")
                        .Message("“" + s.name + "”满分 " + FormatNumber(*s.weight) + " 与其下各项满分之和 " +
                                 FormatNumber(weights) + " 不符")
                        .Declared(*s.weight)
                        .Expected(weights)
                        .Evidence(s.where, s.raw));
  }
  if (s.score && all_scores) {
    std::optional<Severity> severity = SumVerdict(ctx, *s.score, scores);
    if (severity && *severity >= Severity::kWarning)
      ctx.flags.Add(FlagBuilder(FlagCode::kTotalMismatch, *severity, path + "/score")
                        .Message("“" + s.name + "”得分 " + FormatNumber(*s.score) + " 与其下各项得分之和 " +
                                 FormatNumber(scores) + " 不符")
                        .Declared(*s.score)
                        .Expected(scores)
                        .Evidence(s.where, s.raw));
  }
  for (size_t j = 0; j < s.children.size(); ++j)
    CheckSection(ctx, s.children[j], path + "/children/" + std::to_string(j), depth + 1);
}

void CheckSections(RuleContext& ctx) {
  const Report& r = ctx.report;
  if (r.sections.empty()) return;
  double weights = 0;
  bool all_weights = true;
  for (size_t i = 0; i < r.sections.size(); ++i) {
    CheckSection(ctx, r.sections[i], "/sections/" + std::to_string(i), 0);
    if (r.sections[i].weight) weights += *r.sections[i].weight; else all_weights = false;
  }
  std::optional<double> total = ctx.profile.form_total;
  if (!all_weights || !total) return;
  std::optional<Severity> severity = SumVerdict(ctx, weights, *total);
  if (!severity || *severity < Severity::kWarning) return;
  FlagBuilder flag(FlagCode::kWeightSumMismatch, *severity, "/sections");
  flag.Message("各评价部分满分之和 " + FormatNumber(weights) + " 与总分 " + FormatNumber(*total) + " 不符")
      .Declared(weights)
      .Expected(*total);
  for (const Section& s : r.sections) flag.Evidence(s.where, s.raw);
  ctx.flags.Add(flag);
}

}  // namespace

void CheckWeightSums(RuleContext& ctx) {
  if (ctx.profile.checks.weight_sums) {
    if (ctx.profile.weight_mode == WeightMode::kColumn) CheckColumnGroups(ctx);
    // Goal tables compare their weights with the form total while inferring them.
    if (ctx.profile.weight_mode != WeightMode::kGoalInference) CheckFormTotal(ctx);
  }
  if (ctx.profile.checks.sections) CheckSections(ctx);
}

}  // namespace jixiao::score
