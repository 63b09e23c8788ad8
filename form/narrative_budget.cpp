// The budget a narrative states: 预算数 / 执行数 / 结余 / 执行率 / 审核额度 /
// 缩减, every mention of them, and the rate statements (planned, executed
// and rate stated together).
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "form/narrative_parts.h"
#include "normalize/normalize.h"

namespace jixiao::narrative {
namespace {

enum class Cue { kPlanned, kExecuted, kRemaining, kReduction, kAudited, kLeftQuota, kIncome };

struct CueWord {
  std::u32string_view word;
  Cue cue;
};

// The words that name a budget quantity. The one ending nearest the figure
// wins (本级财政预算拨款 is money paid out, not the budget).
constexpr std::array<CueWord, 17> kCueWords = {{
    {U"预算", Cue::kPlanned},
    {U"下达", Cue::kPlanned},
    {U"收入", Cue::kIncome},
    {U"执行数", Cue::kExecuted},
    {U"支出", Cue::kExecuted},
    {U"拨付", Cue::kExecuted},
    {U"拨款", Cue::kExecuted},
    {U"使用", Cue::kExecuted},
    {U"支付", Cue::kExecuted},
    {U"结余", Cue::kRemaining},
    {U"剩", Cue::kRemaining},
    {U"相差", Cue::kRemaining},
    {U"差额", Cue::kRemaining},
    {U"缩减", Cue::kReduction},
    {U"审核额度", Cue::kAudited},
    {U"剩余指标", Cue::kLeftQuota},
    {U"剩余资金", Cue::kRemaining},
}};

// Clause words that make a money figure something other than the project's
// budget: a per-unit standard, a recovered or penalized sum, funds raised at
// other levels, last year's balance, a plan for preparing budgets.
constexpr std::array<std::u32string_view, 12> kNotBudget = {
    U"每", U"标准", U"人均", U"不予", U"追回", U"退款", U"处罚", U"筹集", U"上年", U"预算编制", U"以奖代补",
    U"预计"};

std::optional<Cue> NearestCue(std::u32string_view cue) {
  std::optional<Cue> best;
  std::size_t best_end = 0, best_len = 0;
  for (const CueWord& w : kCueWords) {
    std::size_t pos = cue.rfind(w.word);
    if (pos == std::u32string_view::npos) continue;
    std::size_t end = pos + w.word.size();
    if (!best || end > best_end || (end == best_end && w.word.size() > best_len)) {
      best = w.cue;
      best_end = end;
      best_len = w.word.size();
    }
  }
  return best;
}

bool IsPerUnit(const Figure& f) { return !f.value.per.empty() || f.unit.find(U'/') != std::u32string::npos; }

// Text of the sentence before / after the figure (folded).
std::u32string_view Before(const SentenceFigures& s, std::size_t figure) {
  return s.sentence.folded.substr(0, s.figures[figure].begin);
}
std::u32string_view After(const SentenceFigures& s, std::size_t figure) {
  std::size_t end = std::min(s.figures[figure].end, s.sentence.folded.size());
  return s.sentence.folded.substr(end);
}

std::size_t MoneyCount(const SentenceFigures& s) {
  return static_cast<std::size_t>(std::count_if(s.figures.begin(), s.figures.end(), [](const Figure& f) {
    return f.kind == FigureKind::kMoney;
  }));
}

std::string RawSpan(const Paragraph& p, std::size_t begin, std::size_t end) {
  end = std::min(end, p.text.size());
  begin = std::min(begin, end);
  std::u32string piece = Trim(std::u32string_view(p.text).substr(begin, end - begin));
  for (char32_t& c : piece)
    if (c == U'\n') c = U' ';
  return ToUtf8(piece);
}

}  // namespace

std::u32string CueOf(const SentenceFigures& s, std::size_t figure) {
  std::size_t floor = figure == 0 ? 0 : s.figures[figure - 1].end;
  return RemoveSpaces(ClauseBefore(s.sentence.folded, s.figures[figure].begin, floor));
}

MoneyRole RoleOf(const SentenceFigures& s, std::size_t figure) {
  const Figure& f = s.figures[figure];
  if (f.kind != FigureKind::kMoney || IsPerUnit(f)) return MoneyRole::kNone;
  // Parts of a breakdown are not the budget itself.
  if (Contains(Before(s, figure), U"其中")) return MoneyRole::kNone;
  std::u32string cue = CueOf(s, figure);
  for (std::u32string_view word : kNotBudget)
    if (Contains(cue, word)) return MoneyRole::kNone;
  std::optional<Cue> nearest = NearestCue(cue);
  if (!nearest) return MoneyRole::kNone;
  switch (*nearest) {
    case Cue::kPlanned:
      return MoneyRole::kPlanned;
    case Cue::kExecuted:
      return MoneyRole::kExecuted;
    case Cue::kRemaining:
      return MoneyRole::kRemaining;
    case Cue::kReduction:
      return MoneyRole::kReduction;
    case Cue::kAudited:
      // 审核额度 is the budget unless a reduction follows (审核额度 - 缩减 =
      // 剩余指标, the budget).
      return Contains(After(s, figure), U"缩减") ? MoneyRole::kInitial : MoneyRole::kPlanned;
    case Cue::kLeftQuota:
      return Contains(Before(s, figure), U"缩减") ? MoneyRole::kPlanned : MoneyRole::kRemaining;
    case Cue::kIncome:
      // 收入 X is the project's funding only when stated on its own, not as
      // the total of a breakdown (收入 X，其中 ...).
      if (Contains(After(s, figure), U"其中") || MoneyCount(s) != 1) return MoneyRole::kNone;
      return MoneyRole::kPlanned;
  }
  return MoneyRole::kNone;
}

bool IsRateFigure(const SentenceFigures& s, std::size_t figure) {
  const Figure& f = s.figures[figure];
  if (f.kind != FigureKind::kPercent) return false;
  std::u32string cue = CueOf(s, figure);
  return ContainsAny(cue, {U"执行率", U"使用率", U"完成预算的", U"支出率"});
}

void ReadBudget(const Context& context, Narrative& out) {
  struct Pending {
    const Value* value = nullptr;
    std::size_t sentence = 0;
  };
  Pending planned, executed;
  std::size_t paragraph = static_cast<std::size_t>(-1);
  std::optional<Value> first_planned, first_executed, first_rate;
  for (std::size_t si = 0; si < context.sentences.size(); ++si) {
    const SentenceFigures& s = context.sentences[si];
    if (s.sentence.paragraph != paragraph) {
      paragraph = s.sentence.paragraph;
      planned = executed = Pending{};
    }
    for (std::size_t k = 0; k < s.figures.size(); ++k) {
      const Value& v = s.figures[k].value;
      switch (RoleOf(s, k)) {
        case MoneyRole::kPlanned:
          out.planned_mentions.push_back(v);
          planned = {&v, si};
          if (!first_planned) first_planned = v;
          break;
        case MoneyRole::kExecuted:
          out.executed_mentions.push_back(v);
          executed = {&v, si};
          if (!first_executed) first_executed = v;
          break;
        case MoneyRole::kRemaining:
          if (!out.remaining) out.remaining = v;
          break;
        case MoneyRole::kInitial:
          if (!out.initial) out.initial = v;
          break;
        case MoneyRole::kReduction:
          if (!out.reduction) out.reduction = v;
          break;
        case MoneyRole::kNone:
          break;
      }
      if (!IsRateFigure(s, k)) continue;
      out.rate_mentions.push_back(v);
      if (!first_rate) first_rate = v;
      // A rate statement: the budget and the spending stated just before the
      // rate, in this sentence or the one before it of the same paragraph.
      if (planned.value && executed.value && si - std::min(planned.sentence, executed.sentence) <= 1) {
        const SentenceFigures& first = context.sentences[std::min(planned.sentence, executed.sentence)];
        const Paragraph& p = context.paragraphs[s.sentence.paragraph];
        RateStatement statement;
        statement.planned = *planned.value;
        statement.executed = *executed.value;
        statement.rate = v;
        statement.raw = RawSpan(p, first.sentence.offset, s.sentence.offset + s.sentence.text.size());
        statement.where = p.where;
        out.facts.rate_statements.push_back(std::move(statement));
        if (!out.planned) out.planned = *planned.value;
        if (!out.executed) out.executed = *executed.value;
        if (!out.rate) out.rate = v;
        planned = executed = Pending{};
      }
    }
  }
  if (!out.planned) out.planned = first_planned;
  if (!out.executed) out.executed = first_executed;
  if (!out.rate) out.rate = first_rate;
}

}  // namespace jixiao::narrative
