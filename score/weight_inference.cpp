#include "score/weight_inference.h"

#include <cmath>

#include "score/printed_figure.h"

namespace jixiao::score {

namespace {

bool MemberValid(const Report& report, int i) { return i >= 0 && static_cast<size_t>(i) < report.indicators.size(); }

void SplitGroupWeights(RuleContext& ctx) {
  Report& r = ctx.report;
  for (const Group& g : r.groups) {
    if (!g.weight) continue;
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
    double share = (*g.weight - printed_sum) / static_cast<double>(open.size());
    if (!(share > 0)) continue;
    for (int i : open) {
      r.indicators[i].weight.value = share;
      r.indicators[i].weight.source = "group";
    }
  }
}

bool CountsAsMet(const Assessment& a) { return a.outcome == Outcome::kMet || a.outcome == Outcome::kQualitative; }

void SetInferred(RuleContext& ctx, int i, double weight) {
  Indicator& ind = ctx.report.indicators[i];
  ind.weight.value = weight;
  ind.weight.source = "inferred";
  ctx.state.weight_inferred[i] = true;
}

struct GoalSummary {
  double known_sum = 0;       // weights known (printed, or a met member's score)
  std::vector<int> open;      // members whose weight is still unknown
};

GoalSummary SummarizeGoal(RuleContext& ctx, const Group& g) {
  Report& r = ctx.report;
  GoalSummary s;
  for (int i : g.indicators) {
    if (!MemberValid(r, i)) continue;
    Indicator& ind = r.indicators[i];
    if (ind.weight.value) {
      s.known_sum += *ind.weight.value;
    } else if (CountsAsMet(ctx.state.assessments[i]) && ind.score.declared) {
      SetInferred(ctx, i, *ind.score.declared);
      s.known_sum += *ind.score.declared;
    } else {
      s.open.push_back(i);
    }
  }
  return s;
}

std::string GoalName(const Group& g, size_t index) {
  return g.label.empty() ? "第" + std::to_string(index + 1) + "个绩效目标" : "“" + g.label + "”";
}

void InferGoalWeights(RuleContext& ctx) {
  Report& r = ctx.report;
  const size_t n = r.groups.size();
  std::vector<GoalSummary> goals(n);
  std::vector<size_t> all_met_mismatch;   // every member met, scores != printed goal weight
  std::vector<size_t> awaiting_remainder;  // one open member, goal weight not printed
  for (size_t g = 0; g < n; ++g) {
    goals[g] = SummarizeGoal(ctx, r.groups[g]);
    const GoalSummary& s = goals[g];
    std::optional<double> printed = r.groups[g].weight;
    if (s.open.empty()) {
      if (!printed) {
        ctx.state.group_weight[g] = s.known_sum;
        ctx.state.group_weight_derived[g] = true;
      } else if (std::fabs(s.known_sum - *printed) >= ctx.profile.total_tolerance.consistent) {
        all_met_mismatch.push_back(g);
      }
    } else if (s.open.size() == 1 && printed) {
      double w = *printed - s.known_sum;
      if (w > 1e-9) {
        SetInferred(ctx, s.open[0], w);
      } else {
        ctx.flags.Add(FlagBuilder("WEIGHT_SUM_MISMATCH", ctx.ForInferred("error"),
                                  "/groups/" + std::to_string(g) + "/weight")
                          .Message(GoalName(r.groups[g], g) + "分值 " + FormatNumber(*printed) +
                                   " 不大于其下已完成指标得分之和 " + FormatNumber(s.known_sum) +
                                   "，未完成指标无分值可分")
                          .Declared(*printed)
                          .Expected(s.known_sum)
                          .Evidence(r.groups[g].where, r.groups[g].weight_raw));
      }
    } else if (s.open.size() == 1) {
      awaiting_remainder.push_back(g);
    }
  }

  // A goal printed without a weight (年度绩效目标2) carries what the form
  // total leaves after the budget row and the other goals.
  std::optional<double> budget = ctx.BudgetWeight();
  std::optional<double> form_total = r.form_weight_total ? r.form_weight_total : ctx.profile.form_total;
  size_t unweighted = 0;
  double others = 0;
  for (size_t g = 0; g < n; ++g) {
    if (ctx.state.group_weight[g])
      others += *ctx.state.group_weight[g];
    else
      ++unweighted;
  }
  if (awaiting_remainder.size() == 1 && unweighted == 1 && budget && form_total) {
    size_t g = awaiting_remainder[0];
    double remainder = *form_total - *budget - others;
    double w = remainder - goals[g].known_sum;
    if (w > 1e-9) SetInferred(ctx, goals[g].open[0], w);
  }

  // Is the form's weight sum consistent with its printed goal weights?
  std::optional<double> sum = FormWeightSum(ctx);
  bool form_checked = sum && form_total;
  bool form_ok = form_checked && std::fabs(*sum - *form_total) < ctx.profile.total_tolerance.consistent;

  if (form_checked && !form_ok) {
    // One goal weight is off by the form's excess; a missed member's score
    // may rest on the goal weight as it should have been printed.
    double excess = *sum - *form_total;
    for (size_t g = 0; g < n; ++g) {
      if (!r.groups[g].weight || goals[g].open.size() != 1) continue;
      int i = goals[g].open[0];
      if (r.indicators[i].weight.value) {
        double alternative = *r.indicators[i].weight.value - excess;
        if (alternative > 1e-9) ctx.state.alternative_weight[i] = alternative;
      }
    }
  }

  for (size_t g : all_met_mismatch) {
    const Group& group = r.groups[g];
    double printed = *group.weight;
    double scores = goals[g].known_sum;
    std::string where = "/groups/" + std::to_string(g);
    if (form_ok) {
      // The goal weights agree with the form total, so the members' scores,
      // each the weight of a met target, must be what is wrong.
      ctx.flags.Add(FlagBuilder("INDICATOR_SCORE_MISMATCH", ctx.ForInferred("error"), where)
                        .Message(GoalName(group, g) + "下各指标均已完成，得分之和应等于目标分值 " +
                                 FormatNumber(printed) + "，实为 " + FormatNumber(scores))
                        .Declared(scores)
                        .Expected(printed)
                        .Evidence(group.where, group.weight_raw));
      if (scores > printed)
        ctx.flags.Add(FlagBuilder("SCORE_EXCEEDS_WEIGHT", ctx.ForInferred("error"), where)
                          .Message(GoalName(group, g) + "下指标得分之和 " + FormatNumber(scores) +
                                   " 超过目标分值 " + FormatNumber(printed) + "，至少一项得分超过其权重")
                          .Declared(scores)
                          .Expected(printed)
                          .Evidence(group.where, group.weight_raw));
    } else {
      ctx.flags.Add(FlagBuilder("WEIGHT_SUM_MISMATCH", ctx.ForInferred("error"), where + "/weight")
                        .Message(GoalName(group, g) + "分值 " + FormatNumber(printed) +
                                 " 与其下已完成指标的得分（即权重）之和 " + FormatNumber(scores) + " 不符")
                        .Declared(printed)
                        .Expected(scores)
                        .Evidence(group.where, group.weight_raw));
    }
  }
}

}  // namespace

std::optional<double> FormWeightSum(const RuleContext& ctx) {
  const Report& r = ctx.report;
  std::optional<double> budget = ctx.BudgetWeight();
  if (!budget) return std::nullopt;
  double sum = *budget;
  std::vector<bool> grouped(r.indicators.size(), false);
  for (size_t g = 0; g < r.groups.size(); ++g) {
    std::optional<double> w = g < ctx.state.group_weight.size() ? ctx.state.group_weight[g] : std::nullopt;
    if (!w) return std::nullopt;
    sum += *w;
    for (int i : r.groups[g].indicators)
      if (MemberValid(r, i)) grouped[i] = true;
  }
  size_t counted = 0;
  for (size_t i = 0; i < r.indicators.size(); ++i) {
    if (grouped[i]) continue;
    if (!r.indicators[i].weight.value) return std::nullopt;
    sum += *r.indicators[i].weight.value;
    ++counted;
  }
  if (r.groups.empty() && counted == 0) return std::nullopt;
  return sum;
}

void AssignWeights(RuleContext& ctx) {
  Report& r = ctx.report;
  ScoringState& st = ctx.state;
  st.weight_inferred.assign(r.indicators.size(), false);
  st.alternative_weight.assign(r.indicators.size(), std::nullopt);
  st.group_weight.clear();
  st.group_weight_derived.assign(r.groups.size(), false);
  for (const Group& g : r.groups) st.group_weight.push_back(g.weight);
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
