#include "score/total_rules.h"

#include <cmath>

#include "score/printed_figure.h"
#include "score/rounding.h"

namespace jixiao::score {

namespace {

bool Present(const ScoredNumber& n) { return n.declared.has_value() && !n.blank; }

struct ItemSums {
  std::optional<double> declared;    // all declared item scores, when every one is printed
  std::optional<double> recomputed;  // all recomputed ones, when every one is known
  std::string parts;                 // "20 + 15 + 10 ..." for messages
};

ItemSums SumItems(const RuleContext& ctx) {
  const Report& r = ctx.report;
  ItemSums sums;
  double declared = 0, recomputed = 0;
  bool declared_ok = true, recomputed_ok = true;
  size_t items = 0;
  auto add = [&](const ScoredNumber& n, std::optional<double> recomputed_score) {
    ++items;
    if (Present(n)) {
      declared += *n.declared;
      sums.parts += (sums.parts.empty() ? "" : " + ") + FormatNumber(*n.declared);
    } else {
      declared_ok = false;
    }
    if (recomputed_score) recomputed += *recomputed_score; else recomputed_ok = false;
  };
  if (ctx.BudgetWeight()) add(r.budget.score, r.budget.score.recomputed);
  std::vector<bool> merged(r.indicators.size(), false);
  for (const Group& g : r.groups) {
    if (!Present(g.score)) continue;
    double members = 0;
    bool members_ok = true;
    for (int i : g.indicators) {
      if (i < 0 || static_cast<size_t>(i) >= r.indicators.size()) continue;
      merged[i] = true;
      if (r.indicators[i].score.recomputed) members += *r.indicators[i].score.recomputed; else members_ok = false;
    }
    add(g.score, members_ok ? std::optional<double>(members) : std::nullopt);
  }
  for (size_t i = 0; i < r.indicators.size(); ++i)
    if (!merged[i]) add(r.indicators[i].score, r.indicators[i].score.recomputed);
  if (items == 0) return sums;
  if (declared_ok) sums.declared = declared;
  if (recomputed_ok) sums.recomputed = recomputed;
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

std::string Verdict(const RuleContext& ctx, double declared, double reference, bool allow_rounding) {
  Agreement a = Judge(declared, {reference}, allow_rounding ? ctx.profile.total_conventions : ConventionSet{}, {},
                      ctx.profile.total_tolerance);
  std::string severity = SeverityOf(a);
  return severity == "info" ? "" : severity;
}

}  // namespace

void CheckTotals(RuleContext& ctx) {
  Report& r = ctx.report;
  Total& t = r.total;
  ItemSums sums = SumItems(ctx);
  t.recomputed = sums.recomputed;
  if (!t.recomputed && r.indicators.empty() && !ctx.BudgetWeight()) t.recomputed = SectionScoreSum(r);
  if (!ctx.profile.checks.totals) return;

  if (Present(t.declared) && sums.declared) {
    std::string severity = Verdict(ctx, *t.declared.declared, *sums.declared, true);
    if (!severity.empty())
      ctx.flags.Add(FlagBuilder("TOTAL_MISMATCH", severity, "/total/declared")
                        .Message("总分 " + FormatNumber(*t.declared.declared) + " 与各项得分之和 " + sums.parts +
                                 " = " + FormatNumber(*sums.declared) + " 不符")
                        .Declared(*t.declared.declared)
                        .Expected(*sums.declared)
                        .Evidence(t.declared));
  }

  if (Present(t.declared_header) && Present(t.declared)) {
    std::string severity = Verdict(ctx, *t.declared_header.declared, *t.declared.declared, false);
    if (!severity.empty())
      ctx.flags.Add(FlagBuilder("HEADER_TOTAL_MISMATCH", severity, "/total/declared_header")
                        .Message("表头总分 " + FormatNumber(*t.declared_header.declared) + " 与表尾总分 " +
                                 FormatNumber(*t.declared.declared) + " 不符")
                        .Declared(*t.declared_header.declared)
                        .Expected(*t.declared.declared)
                        .Evidence(t.declared_header)
                        .Evidence(t.declared));
  }

  if (Present(t.self_score_text)) {
    double self = *t.self_score_text.declared;
    const ScoredNumber* table = Present(t.declared) ? &t.declared
                                : Present(t.declared_header) ? &t.declared_header
                                                             : nullptr;
    if (table) {
      std::string severity = Verdict(ctx, self, *table->declared, false);
      if (!severity.empty())
        ctx.flags.Add(FlagBuilder("SELF_SCORE_TEXT_MISMATCH", severity, "/total/self_score_text")
                          .Message("报告所述自评得分 " + FormatNumber(self) + " 与自评表总分 " +
                                   FormatNumber(*table->declared) + " 不符")
                          .Declared(self)
                          .Expected(*table->declared)
                          .Evidence(t.self_score_text)
                          .Evidence(*table));
    }
    std::optional<double> sections = SectionScoreSum(r);
    if (sections && ctx.profile.checks.sections) {
      std::string severity = Verdict(ctx, self, *sections, false);
      if (!severity.empty()) {
        std::string parts;
        for (const Section& s : r.sections)
          parts += (parts.empty() ? "" : " + ") + s.name + " " + FormatNumber(*s.score);
        FlagBuilder flag("SELF_SCORE_TEXT_MISMATCH", severity, "/total/self_score_text");
        flag.Message("报告所述自评得分 " + FormatNumber(self) + " 与各部分得分之和 " + parts + " = " +
                     FormatNumber(*sections) + " 不符")
            .Declared(self)
            .Expected(*sections)
            .Evidence(t.self_score_text);
        for (const Section& s : r.sections) flag.Evidence(s.where, s.raw);
        ctx.flags.Add(flag);
      }
    }
  }
}

}  // namespace jixiao::score
