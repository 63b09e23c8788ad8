#include "score/indicator_rules.h"

#include <algorithm>
#include <cmath>

#include "score/indicator_assessment.h"
#include "score/printed_figure.h"
#include "score/rounding.h"

namespace jixiao::score {

namespace {

std::string Path(size_t i, const char* leaf) { return "/indicators/" + std::to_string(i) + "/" + leaf; }

std::string WeightNote(const RuleContext& ctx, size_t i) {
  const Indicator& ind = ctx.report.indicators[i];
  if (!ctx.state.weight_inferred[i] && ind.weight.source != "inferred") return "";
  return "（权重 " + FormatNumber(*ind.weight.value) + " 系按填表规则推定：已完成指标得分即其权重，目标分值减去其余指标权重）";
}

bool Inferred(const RuleContext& ctx, size_t i) {
  return ctx.state.weight_inferred[i] || ctx.report.indicators[i].weight.source == "inferred";
}

// An error, capped when the weight it rests on was inferred.
Severity ErrorUnlessInferred(const RuleContext& ctx, bool inferred) {
  return inferred ? ctx.ForInferred(Severity::kError) : Severity::kError;
}

void CheckRatio(RuleContext& ctx, size_t i, const Assessment& a) {
  Indicator& ind = ctx.report.indicators[i];
  if (!ind.ratio || !ind.ratio->number || !a.completion) return;
  std::vector<double> exacts = {*a.completion};
  if (a.reverse_completion) exacts.push_back(*a.reverse_completion);
  exacts.insert(exacts.end(), a.other_completions.begin(), a.other_completions.end());
  Agreement verdict = Judge(*ind.ratio->number, exacts, ctx.profile.rate_conventions, ctx.profile.rate_unusual,
                            ctx.profile.ratio_tolerance);
  std::optional<Severity> severity = SeverityOf(verdict);
  if (!severity) return;
  std::string shown = ind.ratio->raw.empty() ? FormatNumber(*ind.ratio->number) + "%" : ind.ratio->raw;
  ctx.flags.Add(FlagBuilder(FlagCode::kIndicatorRateMismatch, *severity, Path(i, "ratio"))
                    .Message(IndicatorLabel(ind, i) + "完成率 " + shown + " 与 实际完成值/目标值 = " +
                             (ind.actual ? ind.actual->raw : "") + "/" + (ind.target ? ind.target->raw : "") + " = " +
                             FormatNumber(*a.completion, 2) + "% 不符")
                    .Declared(*ind.ratio->number)
                    .Expected(*a.completion)
                    .Evidence(*ind.ratio)
                    .Evidence(ind.actual)
                    .Evidence(ind.target));
}

void CheckQualitative(RuleContext& ctx, size_t i) {
  Indicator& ind = ctx.report.indicators[i];
  if (!ind.weight.value || *ind.weight.value <= 0) return;
  double w = *ind.weight.value;
  Tier allowed = AllowedFraction(ctx.profile, ind);
  double low = allowed.low, high = allowed.high;
  std::optional<double> points = ctx.Points(ind.score, Path(i, "score"));
  if (!points) {
    ind.score.recomputed = w * high;
    return;
  }
  double declared = *points;
  if (declared > w + 1e-6) {
    ctx.flags.Add(FlagBuilder(FlagCode::kScoreExceedsWeight, ErrorUnlessInferred(ctx, Inferred(ctx, i)),
                              Path(i, "score"))
                      .Message(IndicatorLabel(ind, i) + "得分 " + FormatNumber(declared) + " 超过其权重 " +
                               FormatNumber(w) + WeightNote(ctx, i))
                      .Declared(declared)
                      .Expected(w)
                      .Evidence(ind.score));
  }
  ind.score.recomputed = std::clamp(declared, w * low, w * high);
  double slack = ctx.profile.score_tolerance.consistent;
  if (declared >= w * low - slack || declared > w + 1e-6) return;  // in tier, or flagged as above weight
  ctx.flags.Add(FlagBuilder(FlagCode::kIndicatorScoreMismatch, Severity::kWarning, Path(i, "score"))
                    .Message(IndicatorLabel(ind, i) + "实际完成情况“" + (ind.actual ? ind.actual->raw : "") +
                             "”对应 " + FormatNumber(low * 100) + "%-" + FormatNumber(high * 100) + "% 档（" +
                             FormatNumber(w * low, 2) + "-" + FormatNumber(w * high, 2) + " 分），得分 " +
                             FormatNumber(declared) + " 不在该档内" + WeightNote(ctx, i))
                    .Declared(declared)
                    .Expected(w * low)
                    .Evidence(ind.score)
                    .Evidence(ind.actual));
}

void CheckQuantitative(RuleContext& ctx, size_t i, const Assessment& a) {
  Indicator& ind = ctx.report.indicators[i];
  if (!ind.weight.value) return;
  double w = *ind.weight.value;
  bool inferred = Inferred(ctx, i);
  std::optional<double> expected;
  if (a.score_ratio) expected = w * *a.score_ratio;
  ind.score.recomputed = expected;
  std::optional<double> points = ctx.Points(ind.score, Path(i, "score"));
  if (!points) return;
  double declared = *points;
  std::string label = IndicatorLabel(ind, i);

  if (declared > w + 1e-6) {
    ctx.flags.Add(FlagBuilder(FlagCode::kScoreExceedsWeight, ErrorUnlessInferred(ctx, inferred), Path(i, "score"))
                      .Message(label + "得分 " + FormatNumber(declared) + " 超过其权重 " + FormatNumber(w) +
                               WeightNote(ctx, i))
                      .Declared(declared)
                      .Expected(w)
                      .Evidence(ind.score));
  }

  bool full = std::fabs(declared - w) < 1e-6;
  bool clearly_missed = (a.outcome == Outcome::kMissed && expected &&
                         *expected <= w - ctx.profile.score_tolerance.consistent) ||
                        a.outcome == Outcome::kMissedDate;
  if (clearly_missed && full) {
    ctx.flags.Add(FlagBuilder(FlagCode::kTargetNotMetFullScore, ErrorUnlessInferred(ctx, inferred), Path(i, "score"))
                      .Message(label + "未达到目标（目标 " + (ind.target ? ind.target->raw : "") + "，实际 " +
                               (ind.actual ? ind.actual->raw : "") + "），却得满分 " + FormatNumber(w) +
                               WeightNote(ctx, i))
                      .Declared(declared)
                      .Expected(expected.value_or(w))
                      .Evidence(ind.score)
                      .Evidence(ind.target)
                      .Evidence(ind.actual));
  }
  if (!expected) return;

  Agreement verdict = Judge(declared, {*expected}, ctx.profile.score_conventions, ctx.profile.score_unusual,
                            ctx.profile.score_tolerance);
  if (verdict == Agreement::kConsistent) return;
  std::optional<Severity> severity = SeverityOf(verdict);
  if (inferred && severity) severity = ctx.ForInferred(*severity);
  if (!severity) return;
  std::string rule = FormatNumber(w) + "×" + (a.formula.empty() ? "1" : a.formula) + "=" + FormatNumber(*expected, 2);
  std::string message = label + "得分 " + FormatNumber(declared) + " 与 " + rule + " 不符";
  if (verdict == Agreement::kUnusual) message += "（仅能以少见的取整方式解释）";
  if (verdict == Agreement::kTolerated) message = label + "得分 " + FormatNumber(declared) + " 与 " + rule +
                                                  " 略有出入，但在容差之内";
  message += WeightNote(ctx, i);
  ctx.flags.Add(FlagBuilder(FlagCode::kIndicatorScoreMismatch, *severity, Path(i, "score"))
                    .Message(message)
                    .Declared(declared)
                    .Expected(*expected)
                    .Evidence(ind.score)
                    .Evidence(ind.target)
                    .Evidence(ind.actual));
}

// A group printed with one merged score (得分 cell spanning its rows): the
// score must be the sum of its members' rule scores and within its weight.
void CheckMergedGroupScores(RuleContext& ctx) {
  const Report& r = ctx.report;
  for (size_t g = 0; g < r.groups.size(); ++g) {
    const Group& group = r.groups[g];
    std::string path = "/groups/" + std::to_string(g) + "/score";
    std::optional<double> points = ctx.Points(group.score, path);
    if (!points) continue;
    double declared = *points;
    std::string name = group.label.empty() ? "第" + std::to_string(g + 1) + "组" : "“" + group.label + "”";
    if (group.weight && declared > *group.weight + 1e-6)
      ctx.flags.Add(FlagBuilder(FlagCode::kScoreExceedsWeight, Severity::kError, path)
                        .Message(name + "得分 " + FormatNumber(declared) + " 超过其分值 " + FormatNumber(*group.weight))
                        .Declared(declared)
                        .Expected(*group.weight)
                        .Evidence(group.score));
    double expected = 0;
    bool complete = !group.indicators.empty();
    bool inferred = false;
    for (int i : group.indicators) {
      if (!MemberValid(r, i) || !r.indicators[i].score.recomputed) {
        complete = false;
        break;
      }
      expected += *r.indicators[i].score.recomputed;
      inferred = inferred || Inferred(ctx, static_cast<size_t>(i));
    }
    if (!complete) continue;
    Agreement verdict = Judge(declared, {expected}, ctx.profile.score_conventions, ctx.profile.score_unusual,
                              ctx.profile.score_tolerance);
    std::optional<Severity> severity = SeverityOf(verdict);
    if (inferred && severity) severity = ctx.ForInferred(*severity);
    if (!severity || *severity == Severity::kInfo) continue;
    ctx.flags.Add(FlagBuilder(FlagCode::kIndicatorScoreMismatch, *severity, path)
                      .Message(name + "合并得分 " + FormatNumber(declared) + " 与其下各指标按规则计算的得分之和 " +
                               FormatNumber(expected, 2) + " 不符")
                      .Declared(declared)
                      .Expected(expected)
                      .Evidence(group.score));
  }
}

}  // namespace

void CheckIndicators(RuleContext& ctx) {
  Report& r = ctx.report;
  for (size_t i = 0; i < r.indicators.size(); ++i) {
    Indicator& ind = r.indicators[i];
    const Assessment& a = ctx.state.assessments[i];
    ind.ratio_recomputed = a.completion;
    ind.score.recomputed.reset();
    if (!ctx.profile.checks.indicators) continue;
    if (a.outcome == Outcome::kQualitative) {
      CheckQualitative(ctx, i);
      continue;
    }
    if (a.implausible_target)
      ctx.flags.Add(FlagBuilder(FlagCode::kImplausibleFigure, Severity::kInfo, Path(i, "target"))
                        .Message(IndicatorLabel(ind, i) + "目标值“" + ind.target->raw +
                                 "”超过 100%，疑为读错（如“≧”读作“2”），未据以计算得分")
                        .Evidence(ind.target));
    if (a.unread_comparator)
      ctx.flags.Add(FlagBuilder(FlagCode::kUnreadable, Severity::kInfo, Path(i, "target"))
                        .Message(IndicatorLabel(ind, i) + "目标值“" + ind.target->raw +
                                 "”的比较符号未能识读（如“≤”读作汉字），方向不明，未据以计算得分")
                        .Evidence(ind.target));
    if (a.scale_gap > 0)
      ctx.flags.Add(FlagBuilder(FlagCode::kImplausibleFigure, Severity::kInfo, Path(i, "actual"))
                        .Message(IndicatorLabel(ind, i) + "目标值“" + ind.target->raw + "”与实际完成值“" +
                                 ind.actual->raw + "”相差 " + FormatNumber(a.scale_gap, 1) +
                                 " 倍，疑为单位或小数点读错（如“万”“元”读作“7”），未据以计算得分")
                        .Evidence(ind.target)
                        .Evidence(ind.actual));
    CheckQuantitative(ctx, i, a);
    CheckRatio(ctx, i, a);
  }
  if (ctx.profile.checks.indicators) CheckMergedGroupScores(ctx);
}

}  // namespace jixiao::score
