// Relations a narrative states between its figures:
// - unit prices: a count, then one per-unit amount for the same unit, then
//   the amount (7 名，每人每年 7.2 万元，计 50.4 万元; 参保人数 31053人，按照
//   标准 46元/人/年，即拨付 1,894,233.00元);
// - components: a total and its parts (X，其中 A、B、C; 其中：A，B after the
//   budget; A人，B人，共 C人);
// - counts stated with what they count (预计/实际 参保人数).
// Anything less clear is left out: a false relation becomes a false flag.
#include <algorithm>
#include <optional>
#include <string_view>

#include "form/narrative_parts.h"

namespace jixiao::narrative {
namespace {

// How many sentences back a sentence that opens with 其中 may look for the
// budget it breaks down.
constexpr std::size_t kBreakdownLookback = 2;

// The denominators a clause gives a per-unit amount: 每人每年 -> 人, 年;
// an average names its measure before 均: 人均 -> 人, 户均 -> 户.
std::vector<std::string> PerFromCue(std::u32string_view cue) {
  std::vector<std::string> per;
  for (std::size_t i = 0; i + 1 < cue.size(); ++i) {
    if (cue[i + 1] == U'均' && (cue[i] == U'人' || cue[i] == U'户' || cue[i] == U'次')) {
      per.push_back(EncodeUtf8(std::u32string(1, cue[i])));
      continue;
    }
    if (cue[i] != U'每') continue;
    char32_t unit = cue[i + 1];
    if (unit == U'个' && i + 2 < cue.size()) unit = cue[i + 2];
    per.push_back(EncodeUtf8(std::u32string(1, unit)));
  }
  return per;
}

bool IsPerUnitFigure(const SentenceFigures& s, std::size_t k) {
  const Figure& f = s.figures[k];
  if (f.kind != FigureKind::kMoney) return false;
  if (!f.value.per.empty() || f.unit.find(U'/') != std::u32string::npos) return true;
  std::u32string cue = CueOf(s, k);
  return ContainsAny(cue, {U"每", U"人均", U"标准"});
}

// The measure a count is of, as a per-unit denominator names it.
std::u32string CountMeasure(const Figure& f) {
  if (f.unit == U"名" || f.unit == U"人" || f.unit == U"万人") return U"人";
  if (f.unit == U"万人次") return U"人次";
  return f.unit;
}

bool Approximate(const SentenceFigures& s, std::size_t k) {
  const Figure& f = s.figures[k];
  if (f.value.comparator) return true;
  std::u32string cue = CueOf(s, k);
  return EndsWith(cue, U"约") || EndsWith(cue, U"约为") || EndsWith(cue, U"近") ||
         EndsWith(cue, U"超过") || EndsWith(cue, U"不少于");
}

std::string SentenceRaw(const SentenceFigures& s) {
  std::u32string text = Trim(s.sentence.text);
  for (char32_t& c : text)
    if (c == U'\n') c = U' ';
  return EncodeUtf8(text);
}

void ReadUnitPrices(const SentenceFigures& s, const Paragraph& p, Narrative& out) {
  const std::vector<Figure>& figs = s.figures;
  for (std::size_t c = 0; c < figs.size(); ++c) {
    if (figs[c].kind != FigureKind::kCount || Approximate(s, c)) continue;
    // The next money figure must be the per-unit amount ...
    std::size_t price = c + 1;
    while (price < figs.size() && figs[price].kind != FigureKind::kMoney) ++price;
    if (price >= figs.size() || !IsPerUnitFigure(s, price)) continue;
    // ... and the money figure after it the amount, with no other count or
    // per-unit amount in between.
    std::size_t amount = price + 1;
    bool clean = true;
    while (amount < figs.size() && figs[amount].kind != FigureKind::kMoney) {
      if (figs[amount].kind == FigureKind::kCount) clean = false;
      ++amount;
    }
    if (!clean || amount >= figs.size() || IsPerUnitFigure(s, amount) || Approximate(s, amount)) continue;
    std::u32string_view between = s.sentence.folded.substr(figs[c].end, figs[amount].begin - figs[c].end);
    if (Contains(between, U"其中")) continue;
    Value unit_amount = figs[price].value;
    if (unit_amount.per.empty()) unit_amount.per = PerFromCue(CueOf(s, price));
    std::u32string measure = CountMeasure(figs[c]);
    if (unit_amount.per.empty() || DecodeUtf8Lossy(unit_amount.per.front()) != measure) continue;
    UnitPrice fact;
    fact.count = figs[c].value;
    fact.unit_amount = std::move(unit_amount);
    fact.amount = figs[amount].value;
    fact.raw = SentenceRaw(s);
    fact.where = p.where;
    out.facts.unit_prices.push_back(std::move(fact));
    c = amount;
  }
}

// Parts after `from` of the same kind (and unit, for counts) as `total`,
// up to the end of the sentence; empty when any is per-unit or approximate,
// or, for money, when a part's unit was misread.
std::vector<Value> PartsAfter(const SentenceFigures& s, std::size_t from, const Figure& total) {
  std::vector<Value> parts;
  for (std::size_t k = from; k < s.figures.size(); ++k) {
    const Figure& f = s.figures[k];
    if (f.kind == FigureKind::kBare) {
      // A sum whose 元 was misread (1923.47万TUo): the breakdown cannot be
      // read whole, and a sum of the other parts would accuse the text.
      if (total.kind == FigureKind::kMoney && f.unit == U"万") return {};
      continue;
    }
    if (f.kind != total.kind) break;
    if (f.kind == FigureKind::kCount && CountMeasure(f) != CountMeasure(total)) break;
    if (IsPerUnitFigure(s, k) || Approximate(s, k)) return {};
    parts.push_back(f.value);
  }
  return parts;
}

void AddComponent(Narrative& out, Value total, std::vector<Value> parts, std::string label,
                  const SentenceFigures& s, const Paragraph& p) {
  if (parts.size() < 2) return;
  Component c;
  c.total = std::move(total);
  c.parts = std::move(parts);
  c.label = std::move(label);
  c.raw = SentenceRaw(s);
  c.where = p.where;
  out.facts.components.push_back(std::move(c));
}

// The budget a sentence opening with 其中 breaks down: the last 预算 figure
// of the sentences just before it in the same paragraph.
std::optional<Value> BudgetBefore(const Context& context, std::size_t si) {
  std::size_t paragraph = context.sentences[si].sentence.paragraph;
  for (std::size_t back = 1; back <= kBreakdownLookback && back <= si; ++back) {
    const SentenceFigures& prev = context.sentences[si - back];
    if (prev.sentence.paragraph != paragraph) break;
    for (std::size_t k = prev.figures.size(); k-- > 0;)
      if (RoleOf(prev, k) == MoneyRole::kPlanned) return prev.figures[k].value;
  }
  return std::nullopt;
}

void ReadComponents(const Context& context, std::size_t si, Narrative& out) {
  const SentenceFigures& s = context.sentences[si];
  const Paragraph& p = context.paragraphs[s.sentence.paragraph];
  std::u32string_view text = s.sentence.folded;
  std::size_t among = text.find(U"其中");
  if (among != std::u32string_view::npos) {
    std::size_t first_after = 0;
    while (first_after < s.figures.size() && s.figures[first_after].begin < among) ++first_after;
    if (first_after == 0) {
      // 其中：上级补助资金 X 元，本级财政安排 Y 元。 -- the budget just stated.
      if (!RemoveSpaces(text.substr(0, among)).empty()) return;
      std::optional<Value> budget = BudgetBefore(context, si);
      if (!budget || s.figures.empty() || s.figures[0].kind != FigureKind::kMoney) return;
      Figure shape;
      shape.kind = FigureKind::kMoney;
      AddComponent(out, *budget, PartsAfter(s, 0, shape), "planned", s, p);
      return;
    }
    // X，其中 A、B: the figure right before 其中 is the total.
    std::size_t t = first_after - 1;
    const Figure& total = s.figures[t];
    if (total.kind != FigureKind::kMoney && total.kind != FigureKind::kCount) return;
    std::u32string gap = RemoveSpaces(text.substr(total.end, among - total.end));
    if (gap.size() > 1 || IsPerUnitFigure(s, t) || Approximate(s, t)) return;
    AddComponent(out, total.value, PartsAfter(s, first_after, total), EncodeUtf8(CueOf(s, t)), s, p);
    return;
  }
  // A，B，共 C: a total stated after its parts.
  for (std::size_t t = 2; t < s.figures.size(); ++t) {
    const Figure& total = s.figures[t];
    if (total.kind != FigureKind::kMoney && total.kind != FigureKind::kCount) continue;
    std::u32string cue = CueOf(s, t);
    if (!ContainsAny(cue, {U"共", U"合计", U"总计"}) || IsPerUnitFigure(s, t) || Approximate(s, t)) continue;
    std::vector<Value> parts;
    bool clean = true;
    for (std::size_t k = 0; k < t; ++k) {
      const Figure& f = s.figures[k];
      if (f.kind != total.kind) {
        if (f.kind != FigureKind::kBare && f.kind != FigureKind::kPercent) clean = false;
        continue;
      }
      if (f.kind == FigureKind::kCount && CountMeasure(f) != CountMeasure(total)) clean = false;
      if (IsPerUnitFigure(s, k) || Approximate(s, k)) clean = false;
      parts.push_back(f.value);
    }
    if (clean) AddComponent(out, total.value, std::move(parts), EncodeUtf8(cue), s, p);
    return;
  }
}

// 预计/实际 ... 人数 N人: a count with what it counts.
void ReadCounts(const SentenceFigures& s, Narrative& out) {
  for (std::size_t k = 0; k < s.figures.size(); ++k) {
    const Figure& f = s.figures[k];
    if (f.kind != FigureKind::kCount || CountMeasure(f) != U"人") continue;
    std::u32string cue = CueOf(s, k);
    std::size_t at = cue.rfind(U"人数");
    if (at == std::u32string::npos || at < 2) continue;
    bool expected = Contains(cue, U"预计");
    bool actual = Contains(cue, U"实际");
    if (expected == actual) continue;
    CountMention m;
    m.noun = EncodeUtf8(cue.substr(at - 2, 4));
    m.expected = expected;
    m.value = f.value;
    out.count_mentions.push_back(std::move(m));
  }
}

}  // namespace

void ReadRelations(const Context& context, Narrative& out) {
  for (std::size_t si = 0; si < context.sentences.size(); ++si) {
    const SentenceFigures& s = context.sentences[si];
    const Paragraph& p = context.paragraphs[s.sentence.paragraph];
    ReadUnitPrices(s, p, out);
    ReadComponents(context, si, out);
    ReadCounts(s, out);
  }
}

}  // namespace jixiao::narrative
