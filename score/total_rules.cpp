#include "score/total_rules.h"

#include <cmath>

#include "score/printed_figure.h"
#include "score/rounding.h"

namespace jixiao::score {

namespace {

struct ItemSums {
  std::optional<double> declared;    // all declared item scores, when every one is printed
  std::optional<double> recomputed;  // all recomputed ones, when every one is known
  std::string parts;                 // "20 + 15 + 10 ..." for messages
  std::optional<double> weights;     // the items' weights, when every one is known
};

ItemSums SumItems(RuleContext& ctx) {
  const Report& r = ctx.report;
  ItemSums sums;
  double declared = 0, recomputed = 0, weights = 0;
  bool declared_ok = true, recomputed_ok = true, weights_ok = true;
  size_t items = 0;
  auto add = [&](const ScoredNumber& n, const std::string& path, std::optional<double> recomputed_score,
                 std::optional<double> weight) {
    ++items;
    if (weight) weights += *weight; else weights_ok = false;
    if (std::optional<double> points = ctx.Points(n, path)) {
      declared += *points;
      sums.parts += (sums.parts.empty() ? "" : " + ") + FormatNumber(*points);
    } else {
      declared_ok = false;
    }
    if (recomputed_score) recomputed += *recomputed_score; else recomputed_ok = false;
  };
  if (ctx.BudgetWeight()) add(r.budget.score, "/budget/score", r.budget.score.recomputed, ctx.BudgetWeight());
  std::vector<bool> merged(r.indicators.size(), false);
  for (size_t gi = 0; gi < r.groups.size(); ++gi) {
    const Group& g = r.groups[gi];
    if (!g.score.declared || g.score.blank) continue;
    double members = 0;
    bool members_ok = true;
    for (int i : g.indicators) {
      if (!MemberValid(r, i)) continue;
      merged[i] = true;
      if (r.indicators[i].score.recomputed) members += *r.indicators[i].score.recomputed; else members_ok = false;
    }
    add(g.score, "/groups/" + std::to_string(gi) + "/score", members_ok ? std::optional<double>(members) : std::nullopt,
        ctx.state.group_weight[gi]);
  }
  for (size_t i = 0; i < r.indicators.size(); ++i)
    if (!merged[i])
      add(r.indicators[i].score, "/indicators/" + std::to_string(i) + "/score", r.indicators[i].score.recomputed,
          r.indicators[i].weight.value);
  if (items == 0) return sums;
  if (declared_ok) sums.declared = declared;
  if (recomputed_ok) sums.recomputed = recomputed;
  if (weights_ok) sums.weights = weights;
  return sums;
}

std::optional<double> SectionScoreSum(const Report& r) {
  if (r.sections.empty()) return std::nullopt;
  double sum = 0;
  for (const Section& s : r.sections) {
    if (!s.score) return std::nullopt;
    sum += *s.score;
  }
  return sum;
}

// A warning or an error; nullopt when the figures agree or are within
// tolerance (not worth a note for totals).
std::optional<Severity> Verdict(const RuleContext& ctx, double declared, double reference, bool allow_rounding) {
  Agreement a = Judge(declared, {reference}, allow_rounding ? ctx.profile.total_conventions : ConventionSet{}, {},
                      ctx.profile.total_tolerance);
  std::optional<Severity> severity = SeverityOf(a);
  return severity == Severity::kInfo ? std::nullopt : severity;
}

}  // namespace

void CheckTotals(RuleContext& ctx) {
  Report& r = ctx.report;
  Total& t = r.total;
  ItemSums sums = SumItems(ctx);
  t.recomputed = sums.recomputed;
  if (!t.recomputed && r.indicators.empty() && !ctx.BudgetWeight()) t.recomputed = SectionScoreSum(r);
  if (!ctx.profile.checks.totals) return;

  std::optional<double> bottom = ctx.Points(t.declared, "/total/declared");
  std::optional<double> header = ctx.Points(t.declared_header, "/total/declared_header");
  std::optional<double> self = ctx.Points(t.self_score_text, "/total/self_score_text");

  if (bottom && sums.declared) {
    std::optional<Severity> severity = Verdict(ctx, *bottom, *sums.declared, true);
    // Items whose weights fall short of the full marks leave rows unread; the
    // difference may be theirs, so the sum cannot contradict the total.
    std::string shortfall;
    const std::optional<double> full = ctx.FormTotal();
    if (severity && sums.weights && full &&
        *sums.weights < *full - ctx.profile.total_tolerance.consistent && *bottom > *sums.declared) {
      severity = Severity::kInfo;
      shortfall = "（已读出各项分值合计 " + FormatNumber(*sums.weights) + "，不足满分 " + FormatNumber(*full) +
                  "，或有未读出的行）";
    }
    if (severity)
      ctx.flags.Add(FlagBuilder(FlagCode::kTotalMismatch, *severity, "/total/declared")
                        .Message("总分 " + FormatNumber(*bottom) + " 与各项得分之和 " + sums.parts + " = " +
                                 FormatNumber(*sums.declared) + " 不符" + shortfall)
                        .Declared(*bottom)
                        .Expected(*sums.declared)
                        .Evidence(t.declared));
  }

  if (header && bottom) {
    std::optional<Severity> severity = Verdict(ctx, *header, *bottom, true);
    if (severity)
      ctx.flags.Add(FlagBuilder(FlagCode::kHeaderTotalMismatch, *severity, "/total/declared_header")
                        .Message("表头总分 " + FormatNumber(*header) + " 与表尾总分 " + FormatNumber(*bottom) + " 不符")
                        .Declared(*header)
                        .Expected(*bottom)
                        .Evidence(t.declared_header)
                        .Evidence(t.declared));
  }

  if (self) {
    // The table's total: the bottom one, else the header one.
    std::optional<double> table = bottom ? bottom : header;
    const ScoredNumber& table_cell = bottom ? t.declared : t.declared_header;
    if (table) {
      std::optional<Severity> severity = Verdict(ctx, *self, *table, true);
      if (severity)
        ctx.flags.Add(FlagBuilder(FlagCode::kSelfScoreTextMismatch, *severity, "/total/self_score_text")
                          .Message("报告所述自评得分 " + FormatNumber(*self) + " 与自评表总分 " + FormatNumber(*table) +
                                   " 不符")
                          .Declared(*self)
                          .Expected(*table)
                          .Evidence(t.self_score_text)
                          .Evidence(table_cell));
    }
    std::optional<double> sections = SectionScoreSum(r);
    if (sections && ctx.profile.checks.sections) {
      std::optional<Severity> severity = Verdict(ctx, *self, *sections, true);
      if (severity) {
        std::string parts;
        for (const Section& s : r.sections)
          parts += (parts.empty() ? "" : " + ") + s.name + " " + FormatNumber(*s.score);
        FlagBuilder flag(FlagCode::kSelfScoreTextMismatch, *severity, "/total/self_score_text");
        flag.Message("报告所述自评得分 " + FormatNumber(*self) + " 与各部分得分之和 " + parts + " = " +
                     FormatNumber(*sections) + " 不符")
            .Declared(*self)
            .Expected(*sections)
            .Evidence(t.self_score_text);
        for (const Section& s : r.sections) flag.Evidence(s.where, s.raw);
        ctx.flags.Add(flag);
      }
    }
  }
}

}  // namespace jixiao::score
