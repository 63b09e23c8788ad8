// What a narrative says about itself: title, project name, units, fiscal
// year and 填报日期, from its label lines (项目名称：…), its title lines,
// the quoted name of a 绩效自评综述 and the unit signed under the text.
#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "form/form_lines.h"
#include "form/narrative_parts.h"
#include "normalize/normalize.h"

namespace jixiao::narrative {
namespace {

constexpr std::size_t kTitleMaxChars = 40;
constexpr std::size_t kTitleScanLines = 16;

bool IsColon(char32_t c) { return c == U'：' || c == U':'; }

// Drops parenthesized remarks such as （公章） / (盖章) / （一级预算单位）,
// and a remark whose opening parenthesis the converter lost (公章)新丰县…).
std::u32string DropRemarks(std::u32string_view text) {
  std::u32string out;
  int depth = 0;
  for (char32_t c : text) {
    if (c == U'（' || c == U'(') {
      ++depth;
    } else if (c == U'）' || c == U')') {
      if (depth > 0) {
        --depth;
      } else {
        out.clear();
      }
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return Trim(out);
}

// The value of a "label：value" line, cut before a second label on the same
// line (填报日期：2022 年 6 月　　总分：97) or a run of spaces.
std::optional<std::u32string> LabelValue(std::u32string_view line, std::u32string_view label) {
  std::u32string tight = Trim(line);
  if (!StartsWith(tight, label)) return std::nullopt;
  std::size_t i = label.size();
  while (i < tight.size() && IsSpaceChar(tight[i])) ++i;
  if (i >= tight.size() || !IsColon(tight[i])) return std::nullopt;
  std::u32string value = tight.substr(i + 1);
  for (std::size_t k = 0; k + 1 < value.size(); ++k) {
    if (IsSpaceChar(value[k]) && IsSpaceChar(value[k + 1])) {
      value.resize(k);
      break;
    }
  }
  return Trim(value);
}

// "YYYY年度" / "YYYY 年度" at `pos` of a folded text; the year or 0.
int YearDuAt(std::u32string_view s, std::size_t pos, std::size_t* end = nullptr) {
  if (pos + 4 > s.size()) return 0;
  int year = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    if (!IsAsciiDigitChar(s[pos + k])) return 0;
    year = year * 10 + static_cast<int>(s[pos + k] - U'0');
  }
  if (pos > 0 && IsAsciiDigitChar(s[pos - 1])) return 0;
  std::size_t i = pos + 4;
  while (i < s.size() && IsSpaceChar(s[i])) ++i;
  if (i + 2 > s.size() || s.substr(i, 2) != U"年度") return 0;
  if (end) *end = i + 2;
  return year >= 1990 && year <= 2099 ? year : 0;
}

// A line that is only a year in parentheses: （2019 年度）.
int ParenthesizedYear(std::u32string_view folded_line) {
  std::u32string tight = RemoveSpaces(folded_line);
  if (tight.size() != 8) return 0;
  bool open = tight.front() == U'（' || tight.front() == U'(';
  bool close = tight.back() == U'）' || tight.back() == U')';
  if (!open || !close) return 0;
  std::size_t end = 0;
  int year = YearDuAt(tight, 1, &end);
  return end == 7 ? year : 0;
}

// A line that ends with "YYYY年度" (the issuing unit and year above a title).
int TrailingYear(std::u32string_view tight, std::size_t* start) {
  if (tight.size() < 6) return 0;
  std::size_t pos = tight.size() - 6;
  std::size_t end = 0;
  int year = YearDuAt(tight, pos, &end);
  if (year == 0 || end != tight.size()) return 0;
  if (start) *start = pos;
  return year;
}

bool LooksLikeSentence(std::u32string_view line) {
  for (char32_t c : line)
    if (IsSentenceEnd(c) || IsColon(c) || c == U'，' || c == U',') return true;
  return false;
}

// 遵义市湄潭县医疗保障局 -> 湄潭县医疗保障局: the unit is the county or
// district office; the city before it only places it.
std::u32string DropCityPrefix(std::u32string_view unit) {
  std::size_t city = unit.find(U'市');
  if (city == std::u32string_view::npos || city + 1 >= unit.size()) return std::u32string(unit);
  std::u32string_view rest = unit.substr(city + 1);
  std::size_t county = rest.find_first_of(U"县区旗");
  if (county != std::u32string_view::npos && county >= 1 && county <= 4) return std::u32string(rest);
  return std::u32string(unit);
}

// Words a report title adds after the project's name.
std::u32string NameFromTitle(std::u32string_view title) {
  std::u32string name(title);
  std::size_t year_end = 0;
  if (YearDuAt(name, 0, &year_end) != 0) name.erase(0, year_end);
  static constexpr std::u32string_view kSuffixes[] = {U"报告", U"综述", U"自评", U"评价", U"绩效",
                                                      U"预算", U"支出", U"项目"};
  bool changed = true;
  for (int guard = 0; changed && guard < 16; ++guard) {
    changed = false;
    for (std::u32string_view suffix : kSuffixes) {
      if (EndsWith(name, suffix) && name.size() > suffix.size()) {
        name.resize(name.size() - suffix.size());
        changed = true;
      }
    }
    std::size_t start = 0;
    if (TrailingYear(name, &start) != 0) {
      name.resize(start);
      changed = true;
    }
  }
  if (name.size() < 4 || IsAsciiDigitChar(name.front())) return {};
  return name;
}

struct Line {
  std::u32string text;    // trimmed as printed
  std::u32string tight;   // folded, spaces removed
  std::size_t paragraph;
};

std::vector<Line> AllLines(const Context& context) {
  std::vector<Line> lines;
  for (std::size_t p = 0; p < context.paragraphs.size(); ++p) {
    for (const std::u32string& line : context.paragraphs[p].lines)
      lines.push_back({line, RemoveSpaces(FoldForScan(line)), p});
  }
  return lines;
}

// At least two Chinese characters: names of projects and units are words.
bool HasHanWord(std::u32string_view text) {
  std::size_t han = 0;
  for (char32_t c : text)
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) ++han;
  return han >= 2;
}

// A label value a converter wrapped: the next line of the same paragraph,
// when short and not a label itself (项目名称：…市级财政补 / 助资金).
std::u32string WithContinuation(const std::vector<Line>& lines, std::size_t k, std::u32string value) {
  constexpr std::size_t kContinuationMaxChars = 12;
  if (k + 1 >= lines.size() || lines[k + 1].paragraph != lines[k].paragraph) return value;
  const std::u32string& next = lines[k + 1].tight;
  if (next.empty() || next.size() > kContinuationMaxChars || LooksLikeSentence(next)) return value;
  if (next.front() == U'（' || next.front() == U'(' || IsAsciiDigitChar(next.front())) return value;
  return value + next;
}

void ReadLabels(const std::vector<Line>& lines, Narrative& out) {
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    auto fill = [&](std::string& field, std::u32string_view label, bool wraps) {
      if (!field.empty()) return;
      std::optional<std::u32string> value = LabelValue(line.text, label);
      if (!value) return;
      std::u32string text = DropRemarks(*value);
      if (!HasHanWord(text)) return;  // a seal or noise read in place of a name
      if (wraps) text = WithContinuation(lines, k, std::move(text));
      field = EncodeUtf8(text);
    };
    fill(out.project_name, U"项目名称", true);
    fill(out.implementing_unit, U"项目单位", false);
    fill(out.implementing_unit, U"项目实施单位", false);
    fill(out.implementing_unit, U"实施单位", false);
    fill(out.department, U"主管部门", false);
    if (!out.fill_date) {
      if (std::optional<std::u32string> v = LabelValue(line.text, U"填报日期"); v && !v->empty()) {
        std::string raw = EncodeUtf8(*v);
        Value date = Normalize(raw).value;
        if (date.date) {
          date.raw = raw;
          out.fill_date = std::move(date);
        }
      }
    }
  }
}

// The length of a title line without a heading word a converter joined to
// it ("…自评报告" + "摘要"), or 0 when the line does not end a title.
std::size_t TitleEnd(std::u32string_view tight) {
  if (EndsWith(tight, U"报告")) return tight.size();
  static constexpr std::u32string_view kHeadings[] = {U"摘要", U"目录", U"正文"};
  for (std::u32string_view h : kHeadings)
    if (EndsWith(tight, h) && EndsWith(tight.substr(0, tight.size() - h.size()), U"报告"))
      return tight.size() - h.size();
  return 0;
}

// Title lines: the short lines up to the first one ending in 报告, after the
// issuing unit's "…YYYY年度" line when there is one.
void ReadTitle(const std::vector<Line>& lines, Narrative& out, std::u32string* org_line) {
  std::size_t limit = std::min(lines.size(), kTitleScanLines);
  for (std::size_t r = 0; r < limit; ++r) {
    const std::u32string& tight = lines[r].tight;
    if (tight.size() > kTitleMaxChars || LooksLikeSentence(tight)) continue;
    std::size_t title_end = TitleEnd(tight);
    if (title_end == 0) continue;
    std::size_t start = r;
    while (start > 0) {
      const std::u32string& prev = lines[start - 1].tight;
      if (prev.empty() || prev.size() > kTitleMaxChars || LooksLikeSentence(prev)) break;
      std::size_t year_at = 0;
      if (TrailingYear(prev, &year_at) != 0) {
        if (!out.fiscal_year) out.fiscal_year = TrailingYear(prev, nullptr);
        *org_line = prev.substr(0, year_at);
        break;
      }
      if (StartsWith(prev, U"附件") || start + 2 <= r) break;
      --start;
    }
    std::u32string title;
    for (std::size_t k = start; k < r; ++k) title += lines[k].tight;
    title += tight.substr(0, title_end);
    out.title = EncodeUtf8(title);
    std::size_t end = 0;
    if (!out.fiscal_year) {
      if (int y = YearDuAt(lines[r].tight, 0, &end); y != 0) out.fiscal_year = y;
    }
    return;
  }
}

// The quoted name of a "“X”项目绩效自评综述" paragraph.
std::u32string QuotedProjectName(const Context& context) {
  for (const SentenceFigures& s : context.sentences) {
    std::u32string_view text = s.sentence.text;
    std::size_t summary = text.find(U"绩效自评综述");
    if (summary == std::u32string_view::npos) continue;
    std::size_t close = text.rfind(U'”', summary);
    std::size_t open = close == std::u32string_view::npos ? close : text.rfind(U'“', close);
    if (open == std::u32string_view::npos || close - open < 2) continue;
    std::u32string between = RemoveSpaces(text.substr(close + 1, summary - close - 1));
    if (!between.empty() && between != U"项目") continue;
    return Trim(text.substr(open + 1, close - open - 1));
  }
  return {};
}

// "我单位对2021年度X实施绩效评价": the project evaluated.
std::u32string EvaluatedProjectName(const Context& context) {
  for (const SentenceFigures& s : context.sentences) {
    std::u32string_view text = s.sentence.folded;
    std::size_t verb = text.find(U"实施绩效评价");
    if (verb == std::u32string_view::npos) continue;
    std::size_t dui = text.rfind(U'对', verb);
    if (dui == std::u32string_view::npos) continue;
    std::u32string name = RemoveSpaces(text.substr(dui + 1, verb - dui - 1));
    std::size_t end = 0;
    if (YearDuAt(name, 0, &end) != 0) name.erase(0, end);
    if (name.size() >= 4 && name.size() <= kTitleMaxChars) return name;
  }
  return {};
}

// The unit's name signed above (or before) the date at the end.
std::u32string SignatureUnit(const std::vector<Line>& lines) {
  for (std::size_t k = lines.size(); k-- > 0;) {
    std::optional<SignatureLine> sig = ReadSignatureLine(lines[k].tight);
    if (!sig) continue;
    if (!sig->unit.empty()) return sig->unit;
    if (k > 0 && LooksLikeUnitName(lines[k - 1].tight)) return lines[k - 1].tight;
  }
  return {};
}

// The year most "YYYY年度" mentions of the text name.
std::optional<int> MostNamedYear(const Context& context) {
  std::map<int, int> counts;
  std::vector<int> order;
  for (const SentenceFigures& s : context.sentences) {
    std::u32string_view text = s.sentence.folded;
    for (std::size_t i = 0; i + 4 < text.size(); ++i) {
      if (int y = YearDuAt(text, i); y != 0) {
        if (counts[y]++ == 0) order.push_back(y);
      }
    }
  }
  std::optional<int> best;
  int best_count = 0;
  for (int y : order) {
    if (counts[y] > best_count) {
      best = y;
      best_count = counts[y];
    }
  }
  return best;
}

// Every "YYYY年度" the paragraphs print, as date Values placed on their
// paragraph: the witnesses the fiscal year read from a form title is
// checked against.
std::vector<Value> YearMentions(const Context& context) {
  constexpr std::size_t kMaxMentions = 50;
  std::vector<Value> mentions;
  for (const Paragraph& p : context.paragraphs) {
    const std::u32string tight = RemoveSpaces(p.folded);
    for (std::size_t i = 0; i + 6 <= tight.size() && mentions.size() < kMaxMentions; ++i) {
      int year = YearDuAt(tight, i);
      if (year != 0) mentions.push_back(form::FiscalYearValue(year, p.where, p.confidence));
    }
  }
  return mentions;
}

}  // namespace

void ReadHeader(const Context& context, Narrative& out) {
  out.year_mentions = YearMentions(context);
  std::vector<Line> lines = AllLines(context);
  ReadLabels(lines, out);
  for (const Line& line : lines) {
    if (int y = ParenthesizedYear(line.tight); y != 0) {
      out.fiscal_year = y;
      break;
    }
  }
  std::u32string org_line;
  ReadTitle(lines, out, &org_line);
  if (out.project_name.empty()) out.project_name = EncodeUtf8(QuotedProjectName(context));
  if (out.project_name.empty()) out.project_name = EncodeUtf8(EvaluatedProjectName(context));
  if (out.project_name.empty() && !out.title.empty()) out.project_name = EncodeUtf8(NameFromTitle(DecodeUtf8Lossy(out.title)));
  if (out.implementing_unit.empty()) out.implementing_unit = EncodeUtf8(SignatureUnit(lines));
  if (out.implementing_unit.empty() && !org_line.empty()) out.implementing_unit = EncodeUtf8(DropCityPrefix(org_line));
  if (!out.fiscal_year) out.fiscal_year = MostNamedYear(context);
}

}  // namespace jixiao::narrative
