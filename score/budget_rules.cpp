#include "score/budget_rules.h"

#include <algorithm>
#include <cmath>

#include "score/printed_figure.h"
#include "score/rounding.h"

namespace jixiao::score {

namespace {

struct Execution {
  const Value* planned = nullptr;
  const Value* executed = nullptr;
  std::optional<double> rate;  // percent, when applicable
};

// executed / planned x 100 when both are clean money figures and planned > 0.
Execution ExecutionOf(const std::optional<Value>& planned, const std::optional<Value>& executed) {
  Execution e;
  if (IsCleanAmount(planned)) e.planned = &*planned;
  if (IsCleanAmount(executed)) e.executed = &*executed;
  if (e.planned && e.executed && *e.planned->number > 0 && *e.executed->number >= 0)
    e.rate = *e.executed->number / *e.planned->number * 100.0;
  return e;
}

// "325.19/400.77" as printed (same scale), else the normalized amounts.
std::string Quotient(const Value& executed, const Value& planned) {
  std::optional<PrintedForm> fe = PrintedFormOf(executed), fp = PrintedFormOf(planned);
  if (fe && fp && fe->scale == fp->scale)
    return FormatNumber(*executed.number / fe->scale, fe->decimals + 2) + "/" +
           FormatNumber(*planned.number / fp->scale, fp->decimals + 2);
  return FormatNumber(*executed.number) + "/" + FormatNumber(*planned.number);
}

void CheckRate(RuleContext& ctx, const Value& declared, const Execution& e, const std::string& path,
               const std::string& what) {
  if (!declared.number || !e.rate) return;
  Agreement verdict = Judge(*declared.number, {*e.rate}, ctx.profile.rate_conventions, ctx.profile.rate_unusual,
                            ctx.profile.rate_tolerance);
  std::optional<Severity> severity = SeverityOf(verdict);
  if (!severity) return;
  std::string shown = declared.raw.empty() ? FormatNumber(*declared.number) + "%" : declared.raw;
  std::string message = what + " " + shown + " 与 执行数/预算数 = " + Quotient(*e.executed, *e.planned) +
                        " = " + FormatNumber(*e.rate, 2) + "% 不符";
  if (verdict == Agreement::kTolerated) message = what + " " + shown + " 与计算值 " + FormatNumber(*e.rate, 2) +
                                                  "% 略有出入，但在容差之内";
  ctx.flags.Add(FlagBuilder(FlagCode::kRateMismatch, *severity, path)
                    .Message(message)
                    .Declared(*declared.number)
                    .Expected(*e.rate)
                    .Evidence(declared)
                    .Evidence(*e.executed)
                    .Evidence(*e.planned));
}

void CheckBudgetScore(RuleContext& ctx, const Execution& e) {
  Budget& b = ctx.report.budget;
  std::optional<double> weight = ctx.BudgetWeight();
  if (!weight) return;
  bool not_applicable = e.planned && *e.planned->number <= 0;
  if (not_applicable) b.score.recomputed = 0.0;
  if (e.rate) b.score.recomputed = *weight * std::min(1.0, *e.rate / 100.0);
  std::optional<double> points = ctx.Points(b.score, "/budget/score");
  if (!points) return;
  double declared = *points;

  if (declared > *weight + 1e-6) {
    ctx.flags.Add(FlagBuilder(FlagCode::kScoreExceedsWeight, Severity::kError, "/budget/score")
                      .Message("预算执行得分 " + FormatNumber(declared) + " 超过其分值 " + FormatNumber(*weight))
                      .Declared(declared)
                      .Expected(*weight)
                      .Evidence(b.score));
  }
  if (not_applicable) {
    if (std::fabs(declared) > 1e-9)
      ctx.flags.Add(FlagBuilder(FlagCode::kBudgetScoreMismatch, Severity::kInfo, "/budget/score")
                        .Message("预算数为 0，执行率不适用，预算执行得分应为 0，表中为 " + FormatNumber(declared))
                        .Declared(declared)
                        .Expected(0)
                        .Evidence(b.score));
    return;
  }
  if (!e.rate) return;
  double exact = *b.score.recomputed;
  std::vector<double> bases = {exact};
  // A score computed from the printed rate is as good as one from the
  // exact rate, when the printed rate is itself consistent.
  if (b.rate && b.rate->number &&
      Judge(*b.rate->number, {*e.rate}, ctx.profile.rate_conventions, {}, ctx.profile.rate_tolerance) ==
          Agreement::kConsistent)
    bases.push_back(*weight * std::min(1.0, *b.rate->number / 100.0));
  Agreement verdict = Judge(declared, bases, ctx.profile.score_conventions, ctx.profile.score_unusual,
                            ctx.profile.score_tolerance);
  std::optional<Severity> severity = SeverityOf(verdict);
  if (!severity) return;
  std::string rule = FormatNumber(*weight) + "×min(1, " + Quotient(*e.executed, *e.planned) + ")=" +
                     FormatNumber(exact, 2);
  std::string message = "预算执行得分 " + FormatNumber(declared) + " 与 " + rule + " 不符";
  if (verdict == Agreement::kUnusual) message += "（仅能以少见的取整方式解释）";
  if (verdict == Agreement::kTolerated) message = "预算执行得分 " + FormatNumber(declared) + " 与 " + rule +
                                                  " 略有出入，但在容差之内";
  ctx.flags.Add(FlagBuilder(FlagCode::kBudgetScoreMismatch, *severity, "/budget/score")
                    .Message(message)
                    .Declared(declared)
                    .Expected(exact)
                    .Evidence(b.score)
                    .Evidence(*e.executed)
                    .Evidence(*e.planned));
}

}  // namespace

void CheckBudget(RuleContext& ctx) {
  Budget& b = ctx.report.budget;
  for (auto [value, path] : {std::pair{&b.planned, "/budget/planned"}, std::pair{&b.executed, "/budget/executed"}}) {
    if (*value && (*value)->number && !LooksLikeAmount((*value)->raw))
      ctx.flags.Add(FlagBuilder(FlagCode::kImplausibleFigure, Severity::kInfo, path)
                        .Message("“" + (*value)->raw + "”不像一个金额，疑为读错栏位，未据以计算执行率")
                        .Evidence(**value));
  }
  Execution e = ExecutionOf(b.planned, b.executed);
  b.rate_recomputed = e.rate;
  b.score.recomputed.reset();
  if (!ctx.profile.checks.budget) return;
  if (b.rate) CheckRate(ctx, *b.rate, e, "/budget/rate", "执行率");
  CheckBudgetScore(ctx, e);

  const std::vector<RateStatement>& statements = ctx.report.facts.rate_statements;
  for (size_t k = 0; k < statements.size(); ++k) {
    const RateStatement& s = statements[k];
    if (!s.rate) continue;
    // A statement that gives only the rate is read against the table's figures.
    Execution se = ExecutionOf(s.planned && s.planned->number ? s.planned : b.planned,
                               s.executed && s.executed->number ? s.executed : b.executed);
    // A rate read by OCR one digit away from the table's own (739% beside
    // 73%) is the table's rate misread, when the table's rate is right.
    if (b.rate && MaybeMisread(*s.rate, *b.rate) && !ctx.flags.Has(FlagCode::kRateMismatch, "/budget/rate")) {
      ctx.flags.Add(FlagBuilder(FlagCode::kRateMismatch, Severity::kInfo, "/facts/rate_statements/" + std::to_string(k))
                        .Message("文中所述执行率 " + s.rate->raw + " 与表中执行率 " + b.rate->raw +
                                 " 仅差一字，系识读所得，疑为识读误差，未作比较")
                        .Evidence(*s.rate)
                        .Evidence(*b.rate));
      continue;
    }
    CheckRate(ctx, *s.rate, se, "/facts/rate_statements/" + std::to_string(k), "文中所述执行率");
  }
}

}  // namespace jixiao::score
