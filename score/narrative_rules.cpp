#include "score/narrative_rules.h"

#include <algorithm>
#include <cmath>

#include "score/printed_figure.h"
#include "score/rounding.h"

namespace jixiao::score {

namespace {

bool HasNumber(const Value& v) { return v.number && std::isfinite(*v.number); }

// nullopt (consistent), a warning (between) or an error (a discrepancy) for
// two amounts, given the consistent tolerance `tol` and the discrepancy floor
// taken from `digit` (one unit of the last printed digit).
std::optional<Severity> AmountVerdict(const RuleContext& ctx, double declared, double exact, double tol,
                                      double digit) {
  double d = std::fabs(declared - exact);
  if (d <= tol + 1e-6 * std::max(1.0, std::fabs(exact))) return std::nullopt;
  const AmountTolerance& a = ctx.profile.amount_tolerance;
  double magnitude = std::max(std::fabs(declared), std::fabs(exact));
  double threshold = std::max({a.factor * digit, a.relative * magnitude, a.minimum});
  return d >= threshold ? Severity::kError : Severity::kWarning;
}

std::string Shown(const Value& v) {
  if (!v.raw.empty()) return v.raw;
  return v.number ? FormatNumber(*v.number) : "";
}

void CheckRemaining(RuleContext& ctx) {
  const Budget& b = ctx.report.budget;
  if (IsCleanAmount(b.remaining) && IsCleanAmount(b.planned) && IsCleanAmount(b.executed)) {
    double exact = *b.planned->number - *b.executed->number;
    double stated = *b.remaining->number;
    double digit = CoarsestDigit({&*b.planned, &*b.executed, &*b.remaining});
    std::optional<Severity> severity = AmountVerdict(ctx, stated, exact, digit, digit);
    // A shortfall printed as a positive difference (相差 X) is the same figure.
    if (severity && !AmountVerdict(ctx, std::fabs(stated), std::fabs(exact), digit, digit)) severity.reset();
    if (severity)
      ctx.flags.Add(FlagBuilder(FlagCode::kRemainingMismatch, *severity, "/budget/remaining")
                        .Message("结余 " + FormatLike(stated, *b.remaining) + " 与 预算数−执行数 = " +
                                 FormatLike(*b.planned->number, *b.planned) + "−" +
                                 FormatLike(*b.executed->number, *b.executed) + " = " +
                                 FormatLike(exact, *b.remaining) + " 不符")
                        .Declared(stated)
                        .Expected(exact)
                        .Evidence(*b.remaining)
                        .Evidence(*b.planned)
                        .Evidence(*b.executed));
  }
  if (IsCleanAmount(b.initial) && IsCleanAmount(b.reduction) && IsCleanAmount(b.planned)) {
    double exact = *b.initial->number - *b.reduction->number;
    double stated = *b.planned->number;
    double digit = CoarsestDigit({&*b.initial, &*b.reduction, &*b.planned});
    std::optional<Severity> severity = AmountVerdict(ctx, stated, exact, digit, digit);
    if (severity)
      ctx.flags.Add(FlagBuilder(FlagCode::kRemainingMismatch, *severity, "/budget/planned")
                        .Message("剩余指标 " + FormatLike(stated, *b.planned) + " 与 审核额度−缩减 = " +
                                 FormatLike(*b.initial->number, *b.initial) + "−" +
                                 FormatLike(*b.reduction->number, *b.reduction) + " = " +
                                 FormatLike(exact, *b.planned) + " 不符")
                        .Declared(stated)
                        .Expected(exact)
                        .Evidence(*b.planned)
                        .Evidence(*b.initial)
                        .Evidence(*b.reduction));
  }
}

void CheckComponents(RuleContext& ctx) {
  const std::vector<Component>& components = ctx.report.facts.components;
  for (size_t k = 0; k < components.size(); ++k) {
    const Component& c = components[k];
    if (!HasNumber(c.total) || c.parts.empty()) continue;
    double sum = 0;
    std::vector<const Value*> figures = {&c.total};
    bool complete = true;
    std::string parts;
    for (const Value& p : c.parts) {
      if (!HasNumber(p)) {
        complete = false;
        break;
      }
      sum += *p.number;
      figures.push_back(&p);
      parts += (parts.empty() ? "" : "+") + Shown(p);
    }
    // A total that is not one figure ("00" torn from "44,800,000.00") was
    // not read whole.
    if (!complete || !LooksLikeAmount(c.total.raw)) continue;
    double digit = CoarsestDigit(figures);
    std::optional<Severity> severity = AmountVerdict(ctx, *c.total.number, sum, digit, digit);
    if (!severity) continue;
    FlagBuilder flag(FlagCode::kComponentSumMismatch, *severity, "/facts/components/" + std::to_string(k));
    flag.Message((c.label.empty() ? std::string("各分项") : "“" + c.label + "”各分项") + "之和 " + parts + " = " +
                 FormatLike(sum, c.total) + " 与所述合计 " + Shown(c.total) + " 不符")
        .Declared(*c.total.number)
        .Expected(sum)
        .Evidence(c.total);
    for (const Value& p : c.parts) flag.Evidence(p);
    ctx.flags.Add(flag);
  }
}

void CheckUnitPrices(RuleContext& ctx) {
  const std::vector<UnitPrice>& prices = ctx.report.facts.unit_prices;
  for (size_t k = 0; k < prices.size(); ++k) {
    const UnitPrice& u = prices[k];
    if (!HasNumber(u.count) || !HasNumber(u.unit_amount) || !HasNumber(u.amount)) continue;
    double count = *u.count.number;
    double product = count * *u.unit_amount.number;
    double digit = LastDigitUnit(u.amount).value_or(0);
    // A per-unit amount printed rounded carries its half unit per item.
    double tol = digit + std::fabs(count) * LastDigitUnit(u.unit_amount).value_or(0) / 2;
    std::optional<Severity> severity = AmountVerdict(ctx, *u.amount.number, product, tol, std::max(digit, tol));
    if (!severity) continue;
    ctx.flags.Add(FlagBuilder(FlagCode::kUnitPriceMismatch, *severity, "/facts/unit_prices/" + std::to_string(k))
                      .Message("数量 " + Shown(u.count) + " × 单价 " + Shown(u.unit_amount) + " = " +
                               FormatLike(product, u.amount) + "，与所述金额 " + Shown(u.amount) + " 不符")
                      .Declared(*u.amount.number)
                      .Expected(product)
                      .Evidence(u.amount)
                      .Evidence(u.count)
                      .Evidence(u.unit_amount));
  }
}

// Counts are amounts too ("31053人", "1.6万人"): the unit word goes before
// the figure is read as one.
std::string StripCountUnit(const std::string& raw) {
  for (const char* unit : {"人次", "人", "户", "次", "份", "期", "个", "家", "名"}) {
    std::string u(unit);
    if (raw.size() > u.size() && raw.compare(raw.size() - u.size(), u.size(), u) == 0)
      return raw.substr(0, raw.size() - u.size());
  }
  return raw;
}

std::string QuantityName(const std::string& quantity) {
  if (quantity == "planned") return "预算数";
  if (quantity == "executed") return "执行数";
  if (quantity == "rate") return "执行率";
  if (quantity == "self_score") return "自评得分";
  if (quantity == "remaining") return "结余";
  return "“" + quantity + "”";
}

enum class QuantityKind { kAmount, kPercent, kScore };

QuantityKind KindOf(const CrossRef& ref) {
  if (ref.quantity.find("score") != std::string::npos) return QuantityKind::kScore;
  if (ref.quantity.find("rate") != std::string::npos) return QuantityKind::kPercent;
  for (const Value& m : ref.mentions) {
    if (m.unit == "%") return QuantityKind::kPercent;
    if (m.unit == "分") return QuantityKind::kScore;
  }
  return QuantityKind::kAmount;
}

// How two mentions of one quantity compare: not comparable, or comparable
// and agreeing (no severity) or differing (a warning or an error).
struct MentionVerdict {
  bool comparable = true;
  std::optional<Severity> severity;
  bool agrees() const { return comparable && !severity; }
};

MentionVerdict CompareMentions(const RuleContext& ctx, QuantityKind kind, const Value& a, const Value& b) {
  if (kind == QuantityKind::kAmount) {
    // The same digits read at two scales ("358" in a 万元 column, "358万元"
    // in prose) are one figure whose unit was read differently, not two.
    std::optional<double> pa = FirstNumberIn(a.raw), pb = FirstNumberIn(b.raw);
    if (pa && pb && *pa == *pb && *pa != 0) return {};
    // Amounts a hundredfold apart are not one figure misprinted but a unit
    // or a cell read wrongly; they are not compared.
    double lo = std::min(std::fabs(*a.number), std::fabs(*b.number));
    double hi = std::max(std::fabs(*a.number), std::fabs(*b.number));
    if (hi > 0 && (lo == 0 || hi / lo >= 100)) return {false, std::nullopt};
    double digit = CoarsestDigit({&a, &b});
    return {true, AmountVerdict(ctx, *a.number, *b.number, digit, digit)};
  }
  const Tolerance& t = kind == QuantityKind::kPercent ? ctx.profile.rate_tolerance : ctx.profile.total_tolerance;
  std::optional<Severity> severity = SeverityOf(Judge(*a.number, {*b.number}, {}, {}, t));
  return {true, severity == Severity::kInfo ? std::nullopt : severity};
}

void CheckCrossReferences(RuleContext& ctx) {
  const std::vector<CrossRef>& refs = ctx.report.facts.cross_refs;
  for (size_t k = 0; k < refs.size(); ++k) {
    const CrossRef& ref = refs[k];
    // The fiscal year's witnesses are read by the date rules: a narrative
    // naming other years (上年度, the next budget) contradicts nothing.
    if (ref.quantity == "fiscal_year") continue;
    QuantityKind kind = KindOf(ref);
    std::vector<const Value*> mentions;
    for (const Value& m : ref.mentions) {
      if (!HasNumber(m)) continue;
      // An amount written in digits must read as one figure; "1 9万元" is a
      // torn one. Amounts in Chinese numerals have no digits and are kept.
      if (kind == QuantityKind::kAmount && FirstNumberIn(m.raw) && !LooksLikeAmount(m.raw) &&
          !LooksLikeAmount(StripCountUnit(m.raw)))
        continue;
      mentions.push_back(&m);
    }
    if (mentions.size() < 2 || mentions.size() > 1000) continue;
    // The reference is the mention most others agree with; among equals,
    // the one comparable with most others (not a misread figure).
    size_t best = 0, best_rank = 0;
    for (size_t a = 0; a < mentions.size(); ++a) {
      size_t agree = 0, comparable = 0;
      for (size_t b = 0; b < mentions.size(); ++b) {
        if (a == b) continue;
        MentionVerdict v = CompareMentions(ctx, kind, *mentions[a], *mentions[b]);
        if (v.agrees()) ++agree;
        if (v.comparable) ++comparable;
      }
      size_t rank = agree * (mentions.size() + 1) + comparable;
      if (rank > best_rank) {
        best = a;
        best_rank = rank;
      }
    }
    std::optional<Severity> severity;
    std::string listed;
    std::vector<const Value*> odd;
    bool misread_only = true;  // every odd mention may be a misread digit
    for (size_t b = 0; b < mentions.size(); ++b) {
      MentionVerdict v = b == best ? MentionVerdict{} : CompareMentions(ctx, kind, *mentions[b], *mentions[best]);
      if (!v.comparable) continue;
      listed += (listed.empty() ? "" : "、") + Shown(*mentions[b]);
      if (!v.severity) continue;
      odd.push_back(mentions[b]);
      misread_only = misread_only && MaybeMisread(*mentions[b], *mentions[best]);
      if (severity != Severity::kError) severity = v.severity;
    }
    if (!severity) continue;
    if (misread_only) severity = Severity::kInfo;
    FlagBuilder flag(FlagCode::kCrossReferenceMismatch, *severity, "/facts/cross_refs/" + std::to_string(k));
    flag.Message(QuantityName(ref.quantity) + "在文中多处出现，数值不一：" + listed + "（多数为 " +
                 Shown(*mentions[best]) + "）" + (misread_only ? "；识读所得，仅差一字，疑为识读误差" : ""))
        .Declared(*odd.front()->number)
        .Expected(*mentions[best]->number)
        .Evidence(*mentions[best]);
    for (const Value* v : odd) flag.Evidence(*v);
    ctx.flags.Add(flag);
  }
}

}  // namespace

void CheckNarrativeFacts(RuleContext& ctx) {
  if (!ctx.profile.checks.facts) return;
  CheckRemaining(ctx);
  CheckComponents(ctx);
  CheckUnitPrices(ctx);
  CheckCrossReferences(ctx);
}

}  // namespace jixiao::score
