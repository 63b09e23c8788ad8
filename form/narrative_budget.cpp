// The budget a narrative states: 预算数 / 执行数 / 结余 / 执行率 / 审核额度 /
// 缩减, every mention of them, and the rate statements (planned, executed
// and rate stated together).
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "form/form_text.h"
#include "form/narrative_parts.h"
#include "model/utf8.h"
#include "normalize/normalize.h"

namespace jixiao::narrative {
namespace {

enum class Cue {
  kPlanned, kExecuted, kRemaining, kReduction, kAudited, kLeftQuota, kIncome, kAdjusted, kLeft,
  kNeutral,  // names money of another kind (支出 of a whole fund): blocks the words before it
};

struct CueWord {
  std::u32string_view word;
  Cue cue;
};

// The words that name a budget quantity. The one ending nearest the figure
// wins, the longer one on a tie (本级财政预算拨款 is money paid out, not the
// budget; 实际支出 is the project's spending, a bare 支出 may be a whole
// fund's).
constexpr std::array<CueWord, 37> kCueWords = {{
    {U"预算", Cue::kPlanned},
    {U"下达", Cue::kPlanned},
    {U"收入", Cue::kIncome},
    {U"执行数", Cue::kExecuted},
    {U"支出", Cue::kNeutral},
    {U"实际支出", Cue::kExecuted},
    {U"本年支出", Cue::kExecuted},
    {U"全年支出", Cue::kExecuted},
    {U"累计支出", Cue::kExecuted},
    {U"共支出", Cue::kExecuted},
    {U"已支出", Cue::kExecuted},
    {U"参保支出", Cue::kExecuted},  // 资助参保支出: the subsidy paid
    {U"拨付", Cue::kExecuted},
    {U"拨款", Cue::kExecuted},
    {U"使用", Cue::kNeutral},
    {U"已使用", Cue::kExecuted},
    {U"共使用", Cue::kExecuted},
    {U"累计使用", Cue::kExecuted},
    {U"实际使用", Cue::kExecuted},
    {U"支付", Cue::kNeutral},
    {U"共支付", Cue::kExecuted},
    {U"已支付", Cue::kExecuted},
    {U"累计支付", Cue::kExecuted},
    {U"实际支付", Cue::kExecuted},
    {U"结余", Cue::kRemaining},
    {U"剩", Cue::kLeft},
    {U"相差", Cue::kRemaining},
    {U"差额", Cue::kRemaining},
    {U"缩减", Cue::kReduction},
    {U"审核额度", Cue::kAudited},
    {U"剩余指标", Cue::kLeftQuota},
    {U"剩余资金", Cue::kRemaining},
    {U"调整后", Cue::kAdjusted},
    {U"调整数", Cue::kAdjusted},
    {U"调减后", Cue::kAdjusted},
    {U"压减后", Cue::kAdjusted},
    {U"调增后", Cue::kAdjusted},
}};

// Clause words that make a money figure something other than the project's
// budget: a per-unit standard, a recovered or penalized sum, funds raised at
// other levels, last year's balance, a plan for preparing budgets, a
// forecast, or a difference between two amounts (比预算减少 20 万元).
constexpr std::array<std::u32string_view, 20> kNotBudget = {
    U"每",   U"标准", U"人均", U"不予", U"追回", U"退款", U"处罚", U"筹集", U"上年", U"预算编制",
    U"以奖代补", U"预计", U"增加", U"减少", U"增长", U"下降", U"超支", U"节约", U"较", U"比"};

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

// A figure printed as money. A bare 万 figure (预算拨款 960 万) is not:
// its unit is not stated, and a guessed mention would be a false
// cross-reference.
bool IsMoneyLike(const Figure& f) { return f.kind == FigureKind::kMoney; }

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
  return static_cast<std::size_t>(std::count_if(s.figures.begin(), s.figures.end(), IsMoneyLike));
}

std::string RawSpan(const Paragraph& p, std::size_t begin, std::size_t end) {
  end = std::min(end, p.text.size());
  begin = std::min(begin, end);
  std::u32string piece = Trim(std::u32string_view(p.text).substr(begin, end - begin));
  for (char32_t& c : piece)
    if (c == U'\n') c = U' ';
  return EncodeUtf8(piece);
}

}  // namespace

std::u32string CueOf(const SentenceFigures& s, std::size_t figure) {
  std::size_t floor = figure == 0 ? 0 : s.figures[figure - 1].end;
  return RemoveSpaces(ClauseBefore(s.sentence.folded, s.figures[figure].begin, floor));
}

namespace {

// The cue of a money figure, or nothing when the figure is not about the
// project's budget at all.
std::optional<Cue> BudgetCue(const SentenceFigures& s, std::size_t figure) {
  const Figure& f = s.figures[figure];
  if (!IsMoneyLike(f) || IsPerUnit(f)) return std::nullopt;
  // Parts of a breakdown are not the budget itself.
  if (Contains(Before(s, figure), U"其中")) return std::nullopt;
  std::u32string cue = CueOf(s, figure);
  for (std::u32string_view word : kNotBudget)
    if (Contains(cue, word)) return std::nullopt;
  return NearestCue(cue);
}

// Whether a later figure of the sentence states the budget after an
// adjustment (压减后预算调整数 640万元 after 年初预算 700万元).
bool AdjustedLater(const SentenceFigures& s, std::size_t figure) {
  for (std::size_t k = figure + 1; k < s.figures.size(); ++k)
    if (BudgetCue(s, k) == Cue::kAdjusted) return true;
  return false;
}

// Whether the money figure before this one is a reduction (缩减 X 元，剩余 Y 元).
bool FollowsReduction(const SentenceFigures& s, std::size_t figure) {
  for (std::size_t k = figure; k-- > 0;) {
    if (!IsMoneyLike(s.figures[k])) continue;
    return BudgetCue(s, k) == Cue::kReduction;
  }
  return false;
}

// Whether the nearest figure cued `wanted` in the direction `step` (+1
// later, -1 earlier) from `figure` comes before any spending. Between an
// audited amount and a quota left (审核额度 X … 剩余指标 Y … 已使用 Z) with no
// money spent, Y is what the quota became, so X was cut, whether or not the
// word for the cut (缩减, which OCR misreads) was read.
bool CuedBeforeSpending(const SentenceFigures& s, std::size_t figure, Cue wanted, int step) {
  const auto count = static_cast<std::ptrdiff_t>(s.figures.size());
  for (auto k = static_cast<std::ptrdiff_t>(figure) + step; k >= 0 && k < count; k += step) {
    std::optional<Cue> cue = BudgetCue(s, static_cast<std::size_t>(k));
    if (cue == Cue::kExecuted) return false;
    if (cue == wanted) return true;
  }
  return false;
}

}  // namespace

MoneyRole RoleOf(const SentenceFigures& s, std::size_t figure) {
  std::optional<Cue> cue = BudgetCue(s, figure);
  if (!cue) return MoneyRole::kNone;
  switch (*cue) {
    case Cue::kPlanned:
      return AdjustedLater(s, figure) ? MoneyRole::kInitial : MoneyRole::kPlanned;
    case Cue::kAdjusted:
      return MoneyRole::kPlanned;
    case Cue::kExecuted:
      return MoneyRole::kExecuted;
    case Cue::kRemaining:
      return MoneyRole::kRemaining;
    case Cue::kReduction:
      return MoneyRole::kReduction;
    case Cue::kAudited:
      // 审核额度 is the budget unless a reduction or adjustment follows
      // (审核额度 - 缩减 = 剩余指标, the budget).
      if (Contains(After(s, figure), U"缩减") || Contains(After(s, figure), U"调减") || AdjustedLater(s, figure) ||
          CuedBeforeSpending(s, figure, Cue::kLeftQuota, +1))
        return MoneyRole::kInitial;
      return MoneyRole::kPlanned;
    case Cue::kLeftQuota:
    case Cue::kLeft:
      // What is left after a reduction is the budget; what is left after
      // the spending is the remainder.
      if (FollowsReduction(s, figure) ||
          (*cue == Cue::kLeftQuota &&
           (Contains(Before(s, figure), U"缩减") || CuedBeforeSpending(s, figure, Cue::kAudited, -1))))
        return MoneyRole::kPlanned;
      return MoneyRole::kRemaining;
    case Cue::kNeutral:
      return MoneyRole::kNone;
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

namespace {

// The fund a budget clause names as its subject: a name ending in 资金 or
// 经费 right before the budget word (…地方配套资金预算数为 4292 万元), from
// the clause's start; empty when the subject is only generic words (本项目
// 资金, 全年专项经费), which name no fund.
std::u32string FundNamedBefore(const SentenceFigures& s, std::size_t figure) {
  const std::u32string text = RemoveSpaces(Before(s, figure));
  std::size_t end = std::u32string::npos;
  for (std::size_t at = 0; at + 2 <= text.size(); ++at) {
    const std::u32string_view noun(text.data() + at, 2);
    if (noun != U"资金" && noun != U"经费") continue;
    const std::u32string_view rest(text.data() + at + 2, text.size() - at - 2);
    if (StartsWith(rest, U"预算") || StartsWith(rest, U"执行") || StartsWith(rest, U"结余") || StartsWith(rest, U"实际"))
      end = at + 2;
  }
  if (end == std::u32string::npos) return {};
  std::size_t begin = end;
  while (begin > 0 && !IsClauseDelimiter(text[begin - 1])) --begin;
  std::u32string subject = text.substr(begin, end - begin);
  std::u32string distinct;
  for (char32_t c : subject)
    if (!IsAsciiDigitChar(c) && std::u32string_view(U"年度全本该项目专资金经费").find(c) == std::u32string_view::npos)
      distinct.push_back(c);
  return distinct.size() >= 4 ? subject : std::u32string();
}

// A budget figure of another fund named in this project's narrative (the
// fund the project is part of, or a neighbouring one) is not the project's.
bool OfAnotherFund(const SentenceFigures& s, std::size_t figure, const std::string& project) {
  if (project.empty()) return false;
  const std::u32string fund = FundNamedBefore(s, figure);
  return !fund.empty() && form::NamesConflict(EncodeUtf8(fund), project);
}

}  // namespace

void ReadBudget(const Context& context, Narrative& out) {
  struct Pending {
    const Value* value = nullptr;
    std::size_t sentence = 0;
  };
  Pending planned, executed;
  std::size_t paragraph = static_cast<std::size_t>(-1);
  std::optional<Value> first_executed, first_rate;
  for (std::size_t si = 0; si < context.sentences.size(); ++si) {
    const SentenceFigures& s = context.sentences[si];
    if (s.sentence.paragraph != paragraph) {
      paragraph = s.sentence.paragraph;
      planned = executed = Pending{};
    }
    for (std::size_t k = 0; k < s.figures.size(); ++k) {
      const Value& v = s.figures[k].value;
      const MoneyRole role = OfAnotherFund(s, k, out.project_name) ? MoneyRole::kNone : RoleOf(s, k);
      switch (role) {
        case MoneyRole::kPlanned:
          out.planned_mentions.push_back(v);
          planned = {&v, si};
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
  // 年初预算 700 before 调整数 640: other statements of the 700 are the
  // initial budget too, not a second value of the budget.
  if (out.initial && out.initial->number) {
    const double initial = *out.initial->number;
    auto is_initial = [initial](const Value& v) { return v.number && *v.number == initial; };
    if (!std::all_of(out.planned_mentions.begin(), out.planned_mentions.end(), is_initial))
      std::erase_if(out.planned_mentions, is_initial);
  }
  if (!out.planned && !out.planned_mentions.empty()) out.planned = out.planned_mentions.front();
  if (!out.executed) out.executed = first_executed;
  if (!out.rate) out.rate = first_rate;
}

}  // namespace jixiao::narrative
