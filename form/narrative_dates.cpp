// Dates a narrative states, with their role: the date under the unit's name
// (signature), a cut-off (截止至 / 截至 2022年12月31日) and a deadline
// (2022年12月31日之前, 2020年10月底前). A date inside an explanation
// (参保缴费时间段为2021年9月至2022年2月底) has none of these roles and is
// not recorded.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "form/narrative_parts.h"
#include "normalize/normalize.h"

namespace jixiao::narrative {
namespace {

constexpr std::size_t kUnitMaxChars = 30;

bool IsColon(char32_t c) { return c == U'：' || c == U':'; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[(month - 1) % 12];
}

std::string Iso(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool EndsWithCutoffWord(std::u32string_view before) {
  std::u32string tight = RemoveSpaces(before);
  if (EndsWith(tight, U"于")) tight.pop_back();
  return EndsWith(tight, U"截止至") || EndsWith(tight, U"截至") || EndsWith(tight, U"截止") ||
         EndsWith(tight, U"截止到") || EndsWith(tight, U"截至到");
}

bool StartsWithDeadlineWord(std::u32string_view after) {
  std::u32string tight = RemoveSpaces(after.substr(0, 8));
  return StartsWith(tight, U"之前") || StartsWith(tight, U"以前") ||
         (StartsWith(tight, U"前") && !StartsWith(tight, U"前期") && !StartsWith(tight, U"前年"));
}

// Keeps one fact per role and date; a date printed without its day (a
// converter broke "2023 年 12 月 / 31日" over two paragraphs) gives way to
// the full date of the same month.
// Words of a plan for later years: a deadline or cut-off there is not one
// of the year evaluated.
bool SpeaksOfPlans(std::u32string_view text) {
  return ContainsAny(text, {U"计划", U"将于", U"拟", U"力争", U"争取", U"下一步", U"建议", U"预计", U"次年",
                            U"明年", U"整改", U"改进"});
}

// A section heading of the first two levels: 三、… or （二）… .
bool IsSectionHeading(std::u32string_view tight) {
  constexpr std::size_t kHeadingMaxChars = 24;
  if (tight.size() < 2 || tight.size() > kHeadingMaxChars) return false;
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  std::size_t i = 0;
  bool paren = tight[0] == U'（' || tight[0] == U'(';
  if (paren) ++i;
  std::size_t digits = 0;
  while (i < tight.size() && kNumerals.find(tight[i]) != std::u32string_view::npos) {
    ++i;
    ++digits;
  }
  if (digits == 0 || i >= tight.size()) return false;
  return paren ? (tight[i] == U'）' || tight[i] == U')') : tight[i] == U'、';
}

// For each paragraph, whether it stands under a heading about problems,
// improvements or plans (四、存在的问题及改进措施 ... until the next heading).
std::vector<bool> PlanSections(const Context& context) {
  std::vector<bool> plan(context.paragraphs.size(), false);
  bool current = false;
  for (std::size_t i = 0; i < context.paragraphs.size(); ++i) {
    const Paragraph& p = context.paragraphs[i];
    std::u32string tight = RemoveSpaces(p.lines.empty() ? std::u32string_view() : p.lines.front());
    if (IsSectionHeading(tight)) current = SpeaksOfPlans(tight) || Contains(tight, U"问题");
    plan[i] = current;
  }
  return plan;
}

void AddDate(Narrative& out, std::string role, Value date, std::string raw) {
  if (!date.date) return;
  const std::string& iso = *date.date;
  for (DateFact& d : out.facts.dates) {
    if (d.role != role || !d.date.date) continue;
    const std::string& have = *d.date.date;
    if (have == iso) return;
    if (iso.size() < have.size() && have.compare(0, iso.size(), iso) == 0) return;
    if (have.size() < iso.size() && iso.compare(0, have.size(), have) == 0) {
      d.date = std::move(date);
      d.raw = std::move(raw);
      return;
    }
  }
  DateFact fact;
  fact.role = std::move(role);
  fact.date = std::move(date);
  fact.raw = std::move(raw);
  out.facts.dates.push_back(std::move(fact));
}

}  // namespace

// A name line: short, no punctuation or digits, not a numbered heading.
bool LooksLikeUnitName(std::u32string_view tight) {
  if (tight.size() < 4 || tight.size() > kUnitMaxChars) return false;
  for (char32_t c : tight) {
    if (IsAsciiDigitChar(c) || IsSentenceEnd(c) || IsColon(c) || c == U'，' || c == U'、' ||
        c == U'（' || c == U'(' || c == U'“' || c == U'"')
      return false;
  }
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  if (kNumerals.find(tight.front()) != std::u32string_view::npos && tight.size() > 1 && tight[1] == U'、')
    return false;
  if (ContainsAny(tight, {U"日期", U"时间", U"截止", U"截至", U"之前", U"以前"})) return false;
  return !EndsWith(tight, U"报告") && !EndsWith(tight, U"年度");
}

std::optional<SignatureLine> ReadSignatureLine(std::u32string_view folded_line) {
  std::u32string tight = RemoveSpaces(folded_line);
  std::vector<DateSpan> spans = ScanDates(tight);
  if (spans.size() != 1 || spans[0].month == 0 || spans[0].end != tight.size()) return std::nullopt;
  std::u32string unit = tight.substr(0, spans[0].begin);
  if (!unit.empty() && !LooksLikeUnitName(unit)) return std::nullopt;
  SignatureLine line;
  line.unit = std::move(unit);
  line.date = spans[0];
  return line;
}

Value DateValue(const SentenceFigures& s, const DateSpan& span, const Location& where) {
  std::string raw = RawOf(s.sentence, span.begin, span.end);
  Value v = Normalize(raw).value;
  v.raw = raw;
  v.where = where;
  if (span.month_end && span.month >= 1 && span.month <= 12)
    v.date = Iso(span.year, span.month, DaysInMonth(span.year, span.month));
  return v;
}

void ReadDates(const Context& context, Narrative& out) {
  for (const Paragraph& p : context.paragraphs) {
    for (const std::u32string& line : p.lines) {
      std::optional<SignatureLine> sig = ReadSignatureLine(FoldForScan(line));
      if (!sig) continue;
      // The date as printed: the line after the unit's name.
      std::u32string printed = Trim(line);
      std::size_t skip = 0;
      for (std::size_t seen = 0; skip < printed.size() && seen < sig->unit.size(); ++skip)
        if (!IsSpaceChar(printed[skip])) ++seen;
      std::string raw = EncodeUtf8(Trim(std::u32string_view(printed).substr(skip)));
      Value v = Normalize(raw).value;
      if (!v.date) continue;
      v.raw = raw;
      v.where = p.where;
      out.signature_date = v;
      AddDate(out, "signature", std::move(v), raw);
    }
  }
  const std::vector<bool> plan = PlanSections(context);
  for (const SentenceFigures& s : context.sentences) {
    std::u32string_view text = s.sentence.folded;
    const Paragraph& p = context.paragraphs[s.sentence.paragraph];
    if (Contains(text, U"填报日期") || plan[s.sentence.paragraph] || SpeaksOfPlans(text)) continue;
    for (const DateSpan& span : ScanDates(text)) {
      if (span.month == 0) continue;
      std::string role;
      // A cut-off dates a figure stated after it (截止至 2022年12月31日，此项
      // 资金已使用 X 元).
      bool figure_after = std::any_of(s.figures.begin(), s.figures.end(), [&](const Figure& f) {
        return f.begin >= span.end && f.kind != FigureKind::kBare;
      });
      if (EndsWithCutoffWord(text.substr(0, span.begin))) {
        if (!figure_after) continue;
        role = "cutoff";
      } else if (StartsWithDeadlineWord(text.substr(span.end))) {
        role = "deadline";
      } else {
        continue;
      }
      Value v = DateValue(s, span, p.where);
      if (!v.date) continue;
      std::string raw = v.raw;
      if (role == "deadline") {
        // Keep the deadline word with the date: 2022年10月底前.
        std::size_t e = span.end;
        while (e < text.size() && IsSpaceChar(text[e])) ++e;
        std::u32string_view rest = text.substr(e);
        std::size_t len = StartsWith(rest, U"之前") || StartsWith(rest, U"以前") ? 2 : 1;
        raw = RawOf(s.sentence, span.begin, e + len);
        v.raw = raw;
        if (!v.comparator) v.comparator = "<=";
      }
      AddDate(out, role, std::move(v), raw);
    }
  }
}

}  // namespace jixiao::narrative
