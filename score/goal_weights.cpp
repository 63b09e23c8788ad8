#include "score/goal_weights.h"

#include <cmath>

#include "score/printed_figure.h"
#include "score/rounding.h"
#include "score/weight_inference.h"

namespace jixiao::score {

namespace {

bool CountsAsMet(const Assessment& a) { return a.outcome == Outcome::kMet || a.outcome == Outcome::kQualitative; }

struct Goal {
  std::optional<double> printed;  // the goal weight as printed
  double known_sum = 0;           // weights known (printed, or a met member's score)
  std::vector<int> open;          // members whose weight is still unknown
  bool all_met() const { return open.empty(); }
};

Goal SummarizeGoal(RuleContext& ctx, const Group& g) {
  Report& r = ctx.report;
  Goal s;
  s.printed = PrintedGroupWeight(ctx, g);
  for (int i : g.indicators) {
    if (!MemberValid(r, i)) continue;
    Indicator& ind = r.indicators[i];
    // A row with neither a result nor a score carries nothing to infer from
    // (a blank or stray row); it takes no part in the goal's accounting.
    if (!ind.weight.value && !ind.score.declared && !(ind.actual && (ind.actual->has_figure() || ind.actual->text)))
      continue;
    if (ind.weight.value) {
      s.known_sum += *ind.weight.value;
    } else if (std::optional<double> points = ctx.Points(ind.score, "/indicators/" + std::to_string(i) + "/score");
               points && CountsAsMet(ctx.state.assessments[i])) {
      SetInferredWeight(ctx, i, *points);
      s.known_sum += *points;
    } else {
      s.open.push_back(i);
    }
  }
  return s;
}

std::string GoalName(const Group& g, size_t index) {
  return g.label.empty() ? "第" + std::to_string(index + 1) + "个绩效目标" : "“" + g.label + "”";
}

int MultipleOfFive(double w) { return std::fabs(w / 5 - std::round(w / 5)) < 1e-9 ? 1 : 0; }

// Whether a missed member's declared score fits `weight` x its ratio.
bool ScoreFits(const RuleContext& ctx, int i, double weight) {
  const Indicator& ind = ctx.report.indicators[i];
  const Assessment& a = ctx.state.assessments[i];
  if (!ind.score.declared || ind.score.blank || !a.score_ratio) return false;
  return Judge(*ind.score.declared, {weight * *a.score_ratio}, ctx.profile.score_conventions, {},
               ctx.profile.score_tolerance) == Agreement::kConsistent;
}

void FlagGoalWeight(RuleContext& ctx, size_t g, double printed, double implied, const std::string& why) {
  const Group& group = ctx.report.groups[g];
  ctx.flags.Add(FlagBuilder(FlagCode::kWeightSumMismatch, ctx.ForInferred(Severity::kError),
                            "/groups/" + std::to_string(g) + "/weight")
                    .Message(GoalName(group, g) + "分值 " + FormatNumber(printed) + " 与" + why + " " +
                             FormatNumber(implied) + " 不符")
                    .Declared(printed)
                    .Expected(implied)
                    .Evidence(group.where, group.weight_raw));
}

// The budget and goal weights (ctx.state) add up to `sum`, not the form's `total`.
void FlagFormSum(RuleContext& ctx, double sum, double total) {
  AddFormSumFlag(ctx, ctx.ForInferred(Severity::kError), sum, total, "个目标");
}

// The goal's met members' scores, each the weight of a met target, should
// add up to `weight` but add up to `scores`: one of them is wrong.
void FlagGoalScores(RuleContext& ctx, size_t g, double weight, double scores, const std::string& whence) {
  const Group& group = ctx.report.groups[g];
  std::string where = "/groups/" + std::to_string(g);
  ctx.flags.Add(FlagBuilder(FlagCode::kIndicatorScoreMismatch, ctx.ForInferred(Severity::kError), where)
                    .Message(GoalName(group, g) + "下已完成指标的得分（即其权重）之和应为 " + FormatNumber(weight) +
                             whence + "，实为 " + FormatNumber(scores))
                    .Declared(scores)
                    .Expected(weight)
                    .Evidence(group.where, group.weight_raw));
  if (scores > weight + 1e-6)
    ctx.flags.Add(FlagBuilder(FlagCode::kScoreExceedsWeight, ctx.ForInferred(Severity::kError), where)
                      .Message(GoalName(group, g) + "下已完成指标得分之和 " + FormatNumber(scores) + " 超过其权重之和 " +
                               FormatNumber(weight) + whence + "，至少一项得分超过其权重")
                      .Declared(scores)
                      .Expected(weight)
                      .Evidence(group.where, group.weight_raw));
}

// A printed goal with one open member: that member takes the rest.
// Returns the goals whose printed weight leaves nothing for it.
std::vector<size_t> GiveOpenMemberTheRest(RuleContext& ctx, const std::vector<Goal>& goals) {
  Report& r = ctx.report;
  const size_t n = goals.size();
  std::vector<size_t> too_light;  // goals whose printed weight leaves nothing for it
  for (size_t g = 0; g < n; ++g) {
    const Goal& s = goals[g];
    if (!s.printed || s.open.size() != 1) continue;
    double w = *s.printed - s.known_sum;
    const ScoredNumber& open_score = r.indicators[s.open[0]].score;
    if (w > 1e-9) {
      SetInferredWeight(ctx, s.open[0], w);
    } else if (open_score.declared && !open_score.blank) {
      // A scored indicator left without any weight.
      FlagGoalWeight(ctx, g, *s.printed, s.known_sum, "其下已完成指标得分之和（未完成指标已无分值可分）");
      too_light.push_back(g);
    }
  }
  return too_light;
}

// The one missed member's score does not fit the weight left to it. Either
// its score is wrong, or a met member's score (its weight) is, which shifts
// what is left. Forms weigh indicators in multiples of 5: when what is left
// is not one and a multiple of 5 fits the missed member's score, the met
// members' scores are what is wrong.
void RefitMissedMember(RuleContext& ctx, const std::vector<Goal>& goals) {
  Report& r = ctx.report;
  const size_t n = goals.size();
  for (size_t g = 0; g < n; ++g) {
    const Goal& s = goals[g];
    if (!s.printed || s.open.size() != 1) continue;
    int m = s.open[0];
    const std::optional<double>& left = r.indicators[m].weight.value;
    if (!left || MultipleOfFive(*left) || ScoreFits(ctx, m, *left)) continue;
    std::optional<double> fitting;
    for (double w = 5; w < *s.printed + 1e-9; w += 5)
      if (ScoreFits(ctx, m, w) && (!fitting || std::fabs(w - *left) < std::fabs(*fitting - *left))) fitting = w;
    if (!fitting) continue;
    SetInferredWeight(ctx, m, *fitting);
    FlagGoalScores(ctx, g, *s.printed - *fitting, s.known_sum,
                   "（目标分值 " + FormatNumber(*s.printed) + " 减去未完成指标的权重 " + FormatNumber(*fitting) + "）");
  }

}

// A printed goal with two missed members: honestly filled forms miss at
// most one target per goal, so one of the two may have been given its full
// weight for a miss. When exactly one such reading lets the other's score
// fit the rule, it gives both weights (and the rules then flag the miss).
// When both do, the reading whose weights are multiples of 5, as forms
// weigh their indicators, is taken if only one is.
void SplitTwoMissedMembers(RuleContext& ctx, const std::vector<Goal>& goals) {
  Report& r = ctx.report;
  const size_t n = goals.size();
  for (size_t g = 0; g < n; ++g) {
    const Goal& s = goals[g];
    if (!s.printed || s.open.size() != 2) continue;
    double rest = *s.printed - s.known_sum;
    struct Reading {
      int full, other;
      double full_weight, other_weight;
      int round_weights;
    };
    std::vector<Reading> readings;
    for (int k = 0; k < 2; ++k) {
      int x = s.open[k], y = s.open[1 - k];
      const ScoredNumber& sx = r.indicators[x].score;
      if (!sx.declared || sx.blank || *sx.declared <= 1e-9) continue;
      double wy = rest - *sx.declared;
      if (wy > 1e-9 && ScoreFits(ctx, y, wy))
        readings.push_back({x, y, *sx.declared, wy, MultipleOfFive(*sx.declared) + MultipleOfFive(wy)});
    }
    if (readings.size() == 2 && readings[0].round_weights != readings[1].round_weights) {
      if (readings[0].round_weights < readings[1].round_weights) readings.erase(readings.begin());
      else readings.pop_back();
    }
    if (readings.size() == 1) {
      SetInferredWeight(ctx, readings[0].full, readings[0].full_weight);
      SetInferredWeight(ctx, readings[0].other, readings[0].other_weight);
    }
  }
}

// Only the form total disagrees (by `excess`: the budget and goal weights
// add up to `parts_sum`, not `total`). A printed goal whose one missed
// member scores as if the goal weight were `excess` lower has the wrong
// weight; else an unprinted all-met goal's scores do not fill what the form
// total leaves it; else the form total is flagged.
void ExplainFormTotal(RuleContext& ctx, const std::vector<Goal>& goals, double excess, double parts_sum, double total) {
  Report& r = ctx.report;
  const size_t n = goals.size();
  for (size_t g = 0; g < n; ++g) {
    const Goal& s = goals[g];
    if (!s.printed || s.open.size() != 1) continue;
    int m = s.open[0];
    if (!r.indicators[m].weight.value) continue;
    double inferred = *r.indicators[m].weight.value;
    if (!ScoreFits(ctx, m, inferred) && inferred - excess > 1e-9 && ScoreFits(ctx, m, inferred - excess)) {
      SetInferredWeight(ctx, m, inferred - excess);
      FlagGoalWeight(ctx, g, *s.printed, *s.printed - excess, "按总分值及其下指标得分推算的分值");
      FlagFormSum(ctx, parts_sum, total);
      return;
    }
  }
  // Else an unprinted all-met goal's scores do not fill what the form
  // total leaves it.
  std::vector<size_t> unprinted;
  for (size_t g = 0; g < n; ++g)
    if (!goals[g].printed && goals[g].all_met()) unprinted.push_back(g);
  if (unprinted.size() == 1) {
    size_t g = unprinted[0];
    FlagGoalScores(ctx, g, goals[g].known_sum - excess, goals[g].known_sum,
                   "（总分值 " + FormatNumber(total) + " 减去预算执行与其他目标分值）");
    return;
  }
  FlagFormSum(ctx, parts_sum, total);
}

}  // namespace

// Goal tables. Each goal weight is printed, or (年度绩效目标2) what the form
// total leaves after the budget and the other goals. A goal whose members are
// all met must weigh the sum of their scores; the budget weight and the goal
// weights must add up to the form total. When these disagree, the one
// figure whose change explains every disagreement is named: a printed goal
// weight (WEIGHT_SUM_MISMATCH) or a member's score (INDICATOR_SCORE_MISMATCH).
void InferGoalWeights(RuleContext& ctx) {
  Report& r = ctx.report;
  const size_t n = r.groups.size();
  if (n == 0) return;  // no goal rows read: nothing to infer from
  const double tol = ctx.profile.total_tolerance.consistent;
  std::vector<Goal> goals(n);
  for (size_t g = 0; g < n; ++g) goals[g] = SummarizeGoal(ctx, r.groups[g]);
  std::vector<size_t> too_light = GiveOpenMemberTheRest(ctx, goals);
  RefitMissedMember(ctx, goals);
  SplitTwoMissedMembers(ctx, goals);

  std::optional<double> budget = ctx.BudgetWeight();
  std::optional<double> total = ctx.FormTotal();
  // W*: the printed weight, or an all-met goal's score sum.
  std::vector<std::optional<double>> weight_star(n);
  size_t unknown = 0;
  for (size_t g = 0; g < n; ++g) {
    if (goals[g].printed) weight_star[g] = goals[g].printed;
    else if (goals[g].all_met()) weight_star[g] = goals[g].known_sum;
    else ++unknown;
  }

  // An unprinted goal with an open member: the remainder of the form total.
  if (unknown == 1 && budget && total) {
    for (size_t g = 0; g < n; ++g) {
      if (weight_star[g]) continue;
      double others = 0;
      for (size_t h = 0; h < n; ++h)
        if (h != g) others += *weight_star[h];
      double remainder = *total - *budget - others;
      if (goals[g].open.size() == 1 && remainder - goals[g].known_sum > 1e-9)
        SetInferredWeight(ctx, goals[g].open[0], remainder - goals[g].known_sum);
    }
    return;  // the form total is used up by the remainder: nothing more to compare
  }
  for (size_t g = 0; g < n; ++g) {
    ctx.state.group_weight[g] = weight_star[g];
    ctx.state.group_weight_derived[g] = !goals[g].printed && weight_star[g].has_value();
  }

  // Disagreements: printed all-met goals whose scores miss their weight, and
  // the form total.
  std::vector<size_t> off_goals;
  for (size_t g = 0; g < n; ++g)
    if (goals[g].printed && goals[g].all_met() && std::fabs(goals[g].known_sum - *goals[g].printed) >= tol)
      off_goals.push_back(g);
  const std::optional<double> sum = total ? BudgetAndGroupWeights(ctx) : std::nullopt;
  const bool form_known = sum.has_value();
  const double parts_sum = sum.value_or(0);  // read only when form_known
  double excess = form_known ? parts_sum - *total : 0;
  bool form_ok = form_known && std::fabs(excess) < tol;

  bool explained = false;
  for (size_t g : too_light) {
    // The goal weight is the wrong figure; the form total says what it
    // should have been, which gives the missed member its weight.
    explained = true;
    if (!form_known || form_ok) continue;
    double corrected = *goals[g].printed - excess - goals[g].known_sum;
    if (corrected > 1e-9) SetInferredWeight(ctx, goals[g].open[0], corrected);
    FlagFormSum(ctx, parts_sum, *total);
  }
  for (size_t g : off_goals) {
    double printed = *goals[g].printed, scores = goals[g].known_sum;
    explained = true;
    if (form_ok) {
      FlagGoalScores(ctx, g, printed, scores, "");
      continue;
    }
    // Else the goal weight is named; when the form adds up with the weight
    // its members' scores give, it explains the form total as well.
    FlagGoalWeight(ctx, g, printed, scores, "其下已完成指标的得分（即权重）之和");
    if (form_known) FlagFormSum(ctx, parts_sum, *total);
  }
  if (!form_known || form_ok || explained) return;

  ExplainFormTotal(ctx, goals, excess, parts_sum, *total);
}

}  // namespace jixiao::score
