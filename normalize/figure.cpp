#include "normalize/figure.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "normalize/arabic_number.h"
#include "normalize/changes.h"
#include "normalize/chinese_numerals.h"
#include "normalize/comparators.h"
#include "normalize/dates.h"
#include "normalize/periods.h"
#include "normalize/ranges.h"
#include "normalize/units.h"

namespace jixiao::norm {
namespace {

// 百分之九十五 -> 95 %, 千分之五 -> 0.5 %, 万分之三 -> 0.03 %.
struct FractionWord {
  TextView word;
  double scale;
};
constexpr std::array kFractionWords = {FractionWord{U"百分之", 1}, FractionWord{U"千分之", 0.1},
                                       FractionWord{U"万分之", 0.01}};

// Symbols that never sit right next to a clean figure: seeing one glued to
// digits means OCR mangled the cell.
bool IsJunkSymbol(char32_t c) {
  switch (c) {
    case U'?': case U'#': case U'*': case U'@': case U'&': case U'^': case U'_':
    case U'\\': case U'$': case U'~': case U'`': case 0xFFFD:
      return true;
    default:
      return false;
  }
}

// Words after which a Chinese numeral may stand although they are Han:
// verbs and particles that introduce a figure (达 为 约 共 ...), and the ends of
// comparator and per words (不低于, 超过, 人均).
bool IntroducesFigure(char32_t c) {
  static constexpr TextView kIntroducers = U"达为约共计是有到至于过少多均近逾满足超";
  return kIntroducers.find(c) != TextView::npos;
}

struct Quantity {
  Figure figure;
  std::size_t begin = 0;  // start of the figure, sign and fraction word included
  std::size_t end = 0;
  bool mangled = false;
  std::optional<std::string> after_op;  // comparator printed after the figure
};

class Finder {
 public:
  // Searches `text` from `start` on; text before `start` is not looked at.
  Finder(TextView text, std::size_t start) : t_(text), start_(start), region_(start) {}

  FigureSearch Run() {
    FigureSearch search;
    std::optional<Figure> year_label;
    std::size_t year_begin = 0;
    std::size_t year_end = 0;
    std::size_t i = start_;
    while (i < t_.size()) {
      if (auto q = TryFractionWord(i)) {
        if (q->mangled) return Noisy();
        return FoundQuantity(*q);
      }
      const bool arabic = CanStartArabicNumber(t_, i);
      const bool chinese = CanStartChineseNumber(t_, i);
      if (!arabic && !chinese) {
        ++i;
        continue;
      }
      const bool may_start = !chinese || ChineseBoundaryBefore(i);
      if (auto period = may_start ? ReadPeriod(t_, i) : std::nullopt) return FoundPeriod(*period);
      if (auto date = ReadDate(t_, i); date && may_start) {
        std::size_t date_end = date->end;
        Figure figure = DateFigure(*date, &date_end);
        if (date->year_only && FigureAfter(date->end)) {
          if (!year_label) {
            year_label = figure;
            year_begin = date->begin;
            year_end = date_end;
          }
          region_ = date->end;
          i = date->end;
          continue;
        }
        return Found(figure, date->begin, date_end);
      }
      if (auto day = may_start ? ReadYearlessDay(t_, i) : std::nullopt) {
        if (auto deadline = FoundYearlessDeadline(*day)) return *deadline;
      }
      if (arabic) {
        NumberIssue issue = NumberIssue::kNone;
        std::size_t resume = i + 1;
        auto number = ReadArabicNumber(t_, i, &issue, &resume);
        if (!number) {
          if (issue != NumberIssue::kNone) noisy_ = true;
          i = std::max(resume, i + 1);
          // The rest of a mangled number is no figure of its own: ".00" of
          // "120,00.00" is not 0.
          if (issue == NumberIssue::kMangled)
            while (i < t_.size() && (IsAsciiDigit(t_[i]) || t_[i] == U'.' || t_[i] == U',')) ++i;
          continue;
        }
        if (std::size_t after = ListMarkerEnd(*number)) {
          region_ = i = after;
          continue;
        }
        Quantity q = ReadQuantity(*number, std::nullopt);
        if (q.mangled) return Noisy();
        if (AcceptArabic(q, *number)) return FoundQuantity(q);
        i = std::max(number->end, i + 1);
        continue;
      }
      auto number = ReadChineseNumber(t_, i);
      if (!number) {
        ++i;
        continue;
      }
      if (std::size_t after = ListMarkerEnd(*number)) {
        region_ = i = after;
        continue;
      }
      if (!number->digit_sequence || number->int_digits == 1) {
        Quantity q = ReadQuantity(*number, std::nullopt);
        if (AcceptChinese(q)) return FoundQuantity(q);
      }
      i = std::max(number->end, i + 1);
    }
    if (year_label) return Found(*year_label, year_begin, year_end);
    search.noisy = noisy_;
    return search;
  }

  // Where the figure Run() found starts and ends.
  std::size_t found_begin() const { return found_begin_; }
  std::size_t found_end() const { return found_end_; }

 private:
  FigureSearch Found(Figure figure, std::size_t begin, std::size_t end) {
    found_begin_ = begin;
    found_end_ = std::max(begin, end);
    return FigureSearch{std::move(figure), false};
  }
  FigureSearch Noisy() const { return FigureSearch{std::nullopt, true}; }

  // A period reads as its end: a date when the year is printed, else the
  // month (1-12月 -> 12 月). Deadline words around it give the comparator.
  FigureSearch FoundPeriod(const PeriodMatch& period) {
    Figure f;
    f.period = Period{period.from, period.to};
    if (period.has_year) {
      f.date = period.to;
      f.unit = "date";
    } else {
      f.number = period.end_month;
      f.unit = "月";
    }
    std::size_t end = period.end;
    if (auto c = DateComparatorAfter(t_, SkipSpaces(t_, period.end))) {
      f.comparator = std::string(c->op);
      end = c->end;
    } else if (auto b = DateComparatorBefore(t_, region_, period.begin)) {
      f.comparator = std::string(b->op);
    }
    return Found(std::move(f), period.begin, end);
  }

  // 12月底前, 截至6月30日: a month and day with no year, read only beside a
  // deadline word. The month is the number; the period holds the day.
  std::optional<FigureSearch> FoundYearlessDeadline(const PeriodMatch& day) {
    std::optional<ComparatorMatch> c = DateComparatorAfter(t_, SkipSpaces(t_, day.end));
    std::size_t end = day.end;
    if (c) {
      end = c->end;
    } else {
      c = DateComparatorBefore(t_, region_, day.begin);
    }
    if (!c || c->op == "=") return std::nullopt;
    Figure f;
    f.number = day.end_month;
    f.unit = "月";
    f.comparator = std::string(c->op);
    const bool from = c->op == ">=" || c->op == ">";
    f.period = from ? Period{day.to, std::nullopt} : Period{std::nullopt, day.to};
    return Found(std::move(f), day.begin, end);
  }

  // Completes an accepted quantity with the words printed before it: a
  // comparator (which wins over one printed after) and per words. Done only
  // once a figure is accepted, since it looks back over the label.
  FigureSearch FoundQuantity(Quantity q) {
    Figure& f = q.figure;
    std::size_t words_end = q.begin;
    if (auto c = ComparatorBefore(t_, region_, q.begin)) {
      f.comparator = std::string(c->op);
      words_end = c->begin;
    } else {
      f.comparator = q.after_op;
    }
    // The baseline may stand before a year read as a label (较2022年提高).
    // A change is a size: 下降-3% has no clear reading of its sign.
    if (auto change = ChangeBefore(t_, start_, words_end); change && f.number && *f.number >= 0) {
      f.change = Change{std::string(change->direction), change->baseline};
    }
    if (f.unit && *f.unit != "%") {
      std::vector<std::string> per;
      for (TextView d : PerPrefix(t_, region_, q.begin)) per.push_back(EncodeUtf8(d));
      per.insert(per.end(), f.per.begin(), f.per.end());
      f.per = std::move(per);
    }
    return Found(std::move(f), q.begin, q.end);
  }

  // "一、", "1.", "(三)" opening the text number a list item or heading, not
  // a figure. Returns the position after the marker, or 0 when `number` is
  // not one.
  std::size_t ListMarkerEnd(const NumberToken& number) const {
    std::size_t b = SkipSpacesBack(t_, number.begin);
    bool paren = false;
    if (b > region_ && t_[b - 1] == U'(') {
      paren = true;
      b = SkipSpacesBack(t_, b - 1);
    }
    if (b != start_ || number.end >= t_.size()) return 0;
    const char32_t next = t_[number.end];
    const std::size_t after = SkipSpaces(t_, number.end + 1);
    const bool more = after < t_.size();
    if (paren) return next == U')' && more && !MoneyAt(after) ? after : 0;
    if (next == U'、') return after;
    if (next == U'.' && more && (IsHan(t_[after]) || after > number.end + 1) &&
        !IsAsciiDigit(t_[after])) {
      return after;
    }
    return 0;
  }

  // True when another figure may follow `pos` (a digit or Chinese numeral).
  bool FigureAfter(std::size_t pos) const {
    for (std::size_t i = pos; i < t_.size(); ++i) {
      if (IsAsciiDigit(t_[i]) || ChineseDigit(t_[i])) return true;
    }
    return false;
  }

  Figure DateFigure(const DateMatch& date, std::size_t* end) const {
    Figure figure;
    figure.date = date.iso;
    figure.unit = "date";
    std::size_t after = SkipSpaces(t_, date.end);
    if (auto c = DateComparatorAfter(t_, after)) {
      figure.comparator = std::string(c->op);
      *end = c->end;
    } else if (auto b = DateComparatorBefore(t_, region_, date.begin)) {
      figure.comparator = std::string(b->op);
    }
    return figure;
  }

  // A Chinese numeral may not start inside a word: the character before it
  // (spaces skipped) must not be Han, unless it introduces a figure.
  bool ChineseBoundaryBefore(std::size_t begin) const {
    const std::size_t b = SkipSpacesBack(t_, begin);
    if (b <= region_ || b == 0) return true;
    const char32_t c = t_[b - 1];
    if (!IsHan(c)) return true;
    if (IntroducesFigure(c)) return true;
    // 每人, 每年: a per word right before.
    return b >= 2 && t_[b - 2] == U'每' && MatchUnit(t_, b - 1).has_value();
  }

  // ... and nothing but punctuation may follow the figure, or the 至/到 of
  // a range to another figure (九十至九十五, 三到五个工作日).
  bool ChineseBoundaryAfter(std::size_t end) const {
    const std::size_t e = SkipSpaces(t_, end);
    if (e >= t_.size()) return true;
    const char32_t c = t_[e];
    if (c == U'至' || c == U'到') {
      const std::size_t next = SkipSpaces(t_, e + 1);
      return next < t_.size() && (CanStartChineseNumber(t_, next) || IsAsciiDigit(t_[next]) ||
                                  MatchAt(t_, next, U"百分之"));
    }
    return !IsHan(c) && !IsLatinLetter(c) && !IsAsciiDigit(c);
  }

  // A numeral with a unit of its own may follow a label word (资金五十万元,
  // 开展一次); a bare one may not (统一, 唯一).
  bool AcceptChinese(const Quantity& q) const {
    if (!ChineseBoundaryAfter(q.end)) return false;
    if (q.begin > 0 && t_[q.begin - 1] == U'第') return false;  // 第一名
    return q.figure.unit.has_value() || ChineseBoundaryBefore(q.begin);
  }

  bool AcceptArabic(const Quantity& q, const NumberToken& number) const {
    const std::size_t b = q.begin;
    if (b > 0 && (t_[b - 1] == U'第' || IsLatinLetter(t_[b - 1]))) return false;  // 第3名, A1
    // 5G, 3D: digits that are part of a Latin term.
    if (!q.figure.unit && number.end < t_.size() && IsLatinLetter(t_[number.end])) return false;
    return true;
  }

  // 百分之九十五 and friends at `pos`.
  std::optional<Quantity> TryFractionWord(std::size_t pos) const {
    for (const FractionWord& fw : kFractionWords) {
      if (!MatchAt(t_, pos, fw.word)) continue;
      const std::size_t at = pos + fw.word.size();
      std::optional<NumberToken> number;
      if (CanStartArabicNumber(t_, at)) {
        NumberIssue issue = NumberIssue::kNone;
        std::size_t resume = at;
        number = ReadArabicNumber(t_, at, &issue, &resume);
      } else if (at < t_.size() && t_[at] == U'百' &&
                 (at + 1 >= t_.size() || !ChineseDigit(t_[at + 1]))) {
        NumberToken hundred;  // 百分之百
        hundred.begin = at;
        hundred.end = at + 1;
        hundred.value = 100;
        hundred.int_digits = 3;
        hundred.chinese = true;
        number = hundred;
      } else {
        number = ReadChineseNumber(t_, at);
      }
      if (!number || number->digit_sequence) return std::nullopt;
      Quantity q = ReadQuantity(*number, fw.scale);
      q.begin = pos;
      if (!number->chinese || AcceptChinese(q)) return q;
      return std::nullopt;
    }
    return std::nullopt;
  }

  // The magnitude, unit, denominators and comparators around `number`.
  // `percent_scale` is set when a fraction word (百分之) already made it a
  // percentage.
  Quantity ReadQuantity(const NumberToken& number, std::optional<double> percent_scale) const {
    Quantity q;
    Figure& f = q.figure;
    double value = number.value;
    q.begin = number.begin;
    std::size_t p = number.end;
    if (!number.chinese && q.begin > region_ &&
        (t_[q.begin - 1] == U'-' || t_[q.begin - 1] == U'+') &&
        (q.begin - 1 == 0 || !(IsAsciiDigit(t_[q.begin - 2]) || IsLatinLetter(t_[q.begin - 2])))) {
      if (t_[q.begin - 1] == U'-') value = -value;
      --q.begin;
    } else if (std::size_t fu = NegativeWordAt(q.begin); fu != q.begin) {
      value = -value;  // 负5万元
      q.begin = fu;
    } else if (auto close = AccountingClose(number)) {
      value = -value;  // (12.5)万元: an amount in parentheses is negative
      q.begin = SkipSpacesBack(t_, number.begin) - 1;
      p = *close;
    }
    std::optional<std::string> after_op;
    double factor = 1;

    if (percent_scale) {
      value *= *percent_scale;
      factor = *percent_scale;
      f.unit = "%";
      f.scaled = true;
    } else {
      std::size_t at = SkipSpaces(t_, p);
      bool paren = false;
      if (at < t_.size() && t_[at] == U'(') {
        const std::size_t inner = SkipSpaces(t_, at + 1);
        if (MatchMultiplier(t_, inner) || MatchUnit(t_, inner)) {
          paren = true;
          at = inner;
        }
      }
      if (auto m = MatchMultiplier(t_, at)) {
        value *= m->factor;
        factor = m->factor;
        f.scaled = true;
        at = m->end;
        p = at;
      }
      if (at < t_.size() && (t_[at] == U'余' || t_[at] == U'多')) {
        after_op = ">=";  // 3000余名, 三千余: a lower bound
        ++at;
        p = at;
      }
      const std::size_t unit_at = SkipSpaces(t_, at);
      if (auto u = MatchUnit(t_, unit_at)) {
        // 成 (the only unit with scale 10) counts tenths only right after a
        // small number (九成, 8成).
        const bool tenths = u->scale == 10;
        if (!tenths || (unit_at == number.end && value <= 10)) {
          f.unit = EncodeUtf8(u->unit);
          value *= u->scale;
          factor *= u->scale;
          p = u->end;
          if (u->kind == UnitKind::kMoney) p = ReadJiaoFen(p, &value);
        }
      }
      if (paren) {
        const std::size_t close = SkipSpaces(t_, p);
        if (close < t_.size() && t_[close] == U')') p = close + 1;
      }
    }

    if (f.unit && *f.unit != "%") {
      if (auto per = MatchPerSuffix(t_, p)) {
        for (TextView d : per->per) f.per.push_back(EncodeUtf8(d));
        p = per->end;
      }
    }
    p = SkipApproximation(t_, p);
    if (auto c = ComparatorAfter(t_, p)) {
      if (!after_op) after_op = std::string(c->op);
      p = c->end;
    }
    p = SkipApproximation(t_, p);
    q.end = p;

    q.after_op = after_op;
    if (!f.unit && CurrencyBefore(q.begin)) f.unit = "元";

    if (!std::isfinite(value)) {
      q.mangled = true;
    } else if (!number.chinese) {
      q.mangled = MangledAround(number, q.end, f.unit.has_value());
    }
    f.number = value;
    f.factor = factor;
    return q;
  }

  // A money unit or a magnitude word at `pos` (spaces skipped).
  bool MoneyAt(std::size_t pos) const {
    const std::size_t at = SkipSpaces(t_, pos);
    if (MatchMultiplier(t_, at)) return true;
    auto unit = MatchUnit(t_, at);
    return unit && unit->kind == UnitKind::kMoney;
  }

  // Where 负 (negative) starts when it stands right before `begin`, as a
  // word of its own (为负5万元, 负5万元; not 自负5万元, which is self-paid);
  // `begin` when it does not.
  std::size_t NegativeWordAt(std::size_t begin) const {
    const std::size_t b = SkipSpacesBack(t_, begin);
    if (b <= region_ || t_[b - 1] != U'负') return begin;
    const std::size_t c = SkipSpacesBack(t_, b - 1);
    if (c > region_ && IsHan(t_[c - 1]) && !IntroducesFigure(t_[c - 1])) return begin;
    return b - 1;
  }

  // The position after ")" when `number` stands alone in parentheses and a
  // money unit or magnitude follows: (12.5)万元.
  std::optional<std::size_t> AccountingClose(const NumberToken& number) const {
    const std::size_t open = SkipSpacesBack(t_, number.begin);
    if (open <= region_ || t_[open - 1] != U'(') return std::nullopt;
    const std::size_t close = SkipSpaces(t_, number.end);
    if (close >= t_.size() || t_[close] != U')' || !MoneyAt(close + 1)) return std::nullopt;
    return close + 1;
  }

  // 3元4角5分, 12元5角: 角 and 分 after 元 add tenths and hundredths.
  std::size_t ReadJiaoFen(std::size_t pos, double* value) const {
    std::size_t p = pos;
    for (auto [word, scale] : {std::pair{U'角', 0.1}, std::pair{U'分', 0.01}}) {
      std::optional<int> digit;
      if (p < t_.size() && IsAsciiDigit(t_[p])) {
        digit = static_cast<int>(t_[p] - U'0');
      } else if (p < t_.size()) {
        digit = ChineseDigit(t_[p]);
      }
      if (!digit || p + 1 >= t_.size() || t_[p + 1] != word) continue;
      *value += *digit * scale;
      p += 2;
    }
    return p;
  }

  // ¥ or 人民币 shortly before the number (人民币（大写）：贰拾万).
  bool CurrencyBefore(std::size_t begin) const {
    constexpr std::size_t kReach = 12;
    const std::size_t from = begin > region_ + kReach ? begin - kReach : region_;
    for (std::size_t i = from; i < begin; ++i) {
      if (t_[i] == U'¥' || MatchAt(t_, i, U"人民币") || MatchAt(t_, i, U"RMB")) return true;
    }
    return false;
  }

  // Stray symbols or confusable letters glued to the digits, or a second
  // bare number right after this one ("95 5%"), make the reading uncertain.
  bool MangledAround(const NumberToken& number, std::size_t end, bool has_unit) const {
    if (number.begin > 0) {
      const char32_t before = t_[number.begin - 1];
      if (IsJunkSymbol(before)) return true;
      // ".5": a decimal point with no integer part before it.
      if (before == U'.' && (number.begin < 2 || !IsAsciiDigit(t_[number.begin - 2]))) return true;
    }
    if (number.end < t_.size()) {
      const char32_t after = t_[number.end];
      if (IsJunkSymbol(after)) return true;
      if (IsConfusableLetter(after) && !MatchUnit(t_, number.end)) return true;
    }
    if (!has_unit && end == number.end) {
      const std::size_t next = SkipSpaces(t_, end);
      if (next > end && next < t_.size() && IsAsciiDigit(t_[next])) return true;
    }
    return false;
  }

  TextView t_;
  std::size_t start_ = 0;
  std::size_t region_ = 0;  // start of the text not yet consumed by a label
  bool noisy_ = false;
  std::size_t found_begin_ = 0;
  std::size_t found_end_ = 0;
};

// Words that separate two figures printed side by side (two values or a
// range): 普通居民 61 元/人/年；特殊人员 140 元/人/年, 2021年9月至2022年2月.
bool SeparatesFigures(TextView text, std::size_t begin, std::size_t end) {
  static constexpr TextView kSeparators = U";,、/~-—至到和与及";
  for (std::size_t i = begin; i < end && i < text.size(); ++i) {
    if (kSeparators.find(text[i]) != TextView::npos) return true;
  }
  return false;
}

}  // namespace

LocatedFigure FindFirstFigure(TextView text) {
  Finder finder(text, 0);
  FigureSearch search = finder.Run();
  return LocatedFigure{std::move(search), finder.found_begin(), finder.found_end()};
}

FigureSearch FindFigure(TextView text) {
  Finder first(text, 0);
  FigureSearch search = first.Run();
  if (!search.figure) return search;
  std::size_t end = first.found_end();
  if (auto range = JoinRange(text, *search.figure, end)) {
    search.figure = std::move(range->figure);
    end = range->end;
  }
  if (!search.figure->unit) return search;
  // A second figure of the same kind after a separator: no single reading.
  Finder rest(text, end);
  FigureSearch second = rest.Run();
  if (second.figure && second.figure->unit == search.figure->unit &&
      SeparatesFigures(text, end, rest.found_begin())) {
    return FigureSearch{};
  }
  return search;
}

}  // namespace jixiao::norm
