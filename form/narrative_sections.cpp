// The self-score a narrative states (自评得分 94 分, 绩效评价得分为99分,
// 项目绩效自评得分为 100 分) and its scored sections: 一级指标 X 满分 N 分
// ... 得分 M 分, with the 二级指标 lines that follow as children.
#include <optional>
#include <string_view>

#include "form/narrative_parts.h"

namespace jixiao::narrative {
namespace {

// A point figure whose clause ends with `word` (spaces and 为 allowed
// between), searched from figure `from` on.
std::optional<std::size_t> PointsAfterWord(const SentenceFigures& s, std::u32string_view word,
                                           std::size_t from) {
  for (std::size_t k = from; k < s.figures.size(); ++k) {
    if (s.figures[k].kind != FigureKind::kScore) continue;
    std::u32string cue = CueOf(s, k);
    if (EndsWith(cue, U"为")) cue.pop_back();
    if (EndsWith(cue, word)) return k;
  }
  return std::nullopt;
}

// The section name of a 一级指标 sentence: 一级指标项目决策包含... -> 项目决策;
// otherwise the words right before 满分 in its clause.
std::u32string Level1Name(std::u32string_view text) {
  std::size_t at = text.find(U"一级指标");
  if (at != std::u32string_view::npos) {
    std::size_t b = at + 4;
    std::size_t e = text.find(U"包含", b);
    if (e != std::u32string_view::npos && e > b && e - b <= 20) return Trim(text.substr(b, e - b));
  }
  std::size_t full = text.find(U"满分");
  if (full == std::u32string_view::npos) return {};
  std::u32string_view clause = ClauseBefore(text, full, 0);
  return Trim(clause);
}

// Quotes around a name, as printed or as OCR reads them.
constexpr std::u32string_view kOpenQuotes = U"“\"「『‘'";
constexpr std::u32string_view kCloseQuotes = U"”\"」』’'";

// The name of a 二级指标 sentence: the quoted words, else the words between
// 二级指标 and 满分.
std::u32string Level2Name(std::u32string_view text) {
  std::size_t open = text.find_first_of(kOpenQuotes);
  std::size_t close = open == std::u32string_view::npos ? open : text.find_first_of(kCloseQuotes, open + 1);
  if (open != std::u32string_view::npos && close != std::u32string_view::npos)
    return Trim(text.substr(open + 1, close - open - 1));
  std::size_t at = text.find(U"二级指标");
  std::size_t full = text.find(U"满分");
  if (at == std::u32string_view::npos || full == std::u32string_view::npos || full < at + 4) return {};
  return Trim(text.substr(at + 4, full - at - 4));
}

bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

// A section name without spaces and without the quote marks or specks
// around it (OCR: *产出数量").
std::string CleanName(std::u32string_view name) {
  std::u32string tight = RemoveSpaces(name);
  std::size_t b = 0, e = tight.size();
  while (b < e && !IsHan(tight[b])) ++b;
  while (e > b && !IsHan(tight[e - 1])) --e;
  return EncodeUtf8(std::u32string_view(tight).substr(b, e - b));
}

// The list number a sentence opens with: "2." / "2、" / "（2）", or 0.
int ListNumber(std::u32string_view text) {
  std::size_t i = 0;
  while (i < text.size() && IsSpaceChar(text[i])) ++i;
  bool paren = i < text.size() && (text[i] == U'（' || text[i] == U'(');
  if (paren) ++i;
  int n = 0;
  std::size_t digits = 0;
  while (i < text.size() && IsAsciiDigitChar(text[i]) && digits < 3) {
    n = n * 10 + static_cast<int>(text[i] - U'0');
    ++i;
    ++digits;
  }
  if (digits == 0 || i >= text.size()) return 0;
  if (paren) return text[i] == U'）' || text[i] == U')' ? n : 0;
  return text[i] == U'.' || text[i] == U'、' ? n : 0;
}

// "设置3个一级指标": how many sections the text announces, or 0.
int AnnouncedSections(const SentenceFigures& s) {
  std::u32string_view text = s.sentence.folded;
  std::size_t at = text.find(U"个一级指标");
  if (at == std::u32string_view::npos) return 0;
  std::size_t b = at;
  while (b > 0 && IsAsciiDigitChar(text[b - 1])) --b;
  if (b == at || at - b > 2) return 0;
  int n = 0;
  for (std::size_t i = b; i < at; ++i) n = n * 10 + static_cast<int>(text[i] - U'0');
  return n;
}

// Sections as numbered in the text: 1, 2, 3 ... in order (0 = no number).
bool NumberedInOrder(const std::vector<int>& numbers) {
  for (std::size_t i = 0; i < numbers.size(); ++i)
    if (numbers[i] != 0 && numbers[i] != static_cast<int>(i) + 1) return false;
  return true;
}

// Reads 满分 N 分 ... 得分 M 分 from a sentence; false when either is missing.
bool ReadSectionScores(const SentenceFigures& s, Section& section) {
  std::optional<std::size_t> full = PointsAfterWord(s, U"满分", 0);
  if (!full) return false;
  std::optional<std::size_t> score = PointsAfterWord(s, U"得分", *full + 1);
  if (!score) return false;
  section.weight = s.figures[*full].value.number;
  section.score = s.figures[*score].value.number;
  return section.weight.has_value() && section.score.has_value();
}

}  // namespace

void ReadScores(const Context& context, Narrative& out) {
  // A 一级指标 sentence without scores names the section whose 满分/得分
  // follow in the next sentence of the same paragraph.
  std::u32string pending_name;
  int pending_number = 0;
  std::size_t pending_paragraph = 0;
  // The sections' list numbers, to see whether OCR or a converter lost a
  // line: a child under the wrong section is worse than no sections.
  std::vector<int> numbers;
  std::vector<std::vector<int>> child_numbers;
  bool orphan_child = false;
  int announced = 0;
  for (const SentenceFigures& s : context.sentences) {
    std::u32string_view text = s.sentence.folded;
    const Paragraph& p = context.paragraphs[s.sentence.paragraph];
    bool level1 = Contains(text, U"一级指标");
    bool level2 = !level1 && Contains(text, U"二级指标");
    if (!Contains(text, U"满分")) {
      if (level1 && Contains(text, U"包含")) {
        pending_name = Level1Name(text);
        pending_number = ListNumber(text);
        pending_paragraph = s.sentence.paragraph;
      } else if (level1 && announced == 0) {
        announced = AnnouncedSections(s);
      }
    } else {
      std::u32string name;
      int number = ListNumber(text);
      if (level1) {
        name = Level1Name(text);
      } else if (level2) {
        name = Level2Name(text);
      } else if (!pending_name.empty() && pending_paragraph == s.sentence.paragraph) {
        name = pending_name;
        number = pending_number;
        level1 = true;
      }
      pending_name.clear();
      Section section;
      if ((level1 || level2) && !name.empty() && ReadSectionScores(s, section)) {
        section.name = CleanName(name);
        section.raw = EncodeUtf8(Trim(s.sentence.text));
        section.where = p.where;
        if (section.name.empty()) {
          orphan_child = true;  // a scored line we cannot name
        } else if (level1) {
          out.sections.push_back(std::move(section));
          numbers.push_back(number);
          child_numbers.emplace_back();
        } else if (!out.sections.empty()) {
          out.sections.back().children.push_back(std::move(section));
          child_numbers.back().push_back(number);
        } else {
          orphan_child = true;
        }
      } else if (level1 || level2) {
        orphan_child = true;  // a section line whose scores were not read
      }
      continue;
    }
    for (std::size_t k = 0; k < s.figures.size(); ++k) {
      const Figure& f = s.figures[k];
      if (f.kind != FigureKind::kScore || !f.value.number) continue;
      if (*f.value.number < 0 || *f.value.number > 100) continue;
      std::u32string cue = CueOf(s, k);
      if (!ContainsAny(cue, {U"自评", U"评价得分", U"绩效得分", U"评价总分", U"综合得分"})) continue;
      // Another year's score is not this report's.
      if (ContainsAny(cue, {U"上年", U"去年", U"上一年", U"前年", U"往年"})) continue;
      out.self_score_mentions.push_back(f.value);
      if (!out.self_score.declared) {
        out.self_score.declared = f.value.number;
        out.self_score.raw = f.value.raw;
        out.self_score.where = f.value.where;
      }
    }
  }
  bool consistent = !orphan_child && NumberedInOrder(numbers) &&
                    (announced == 0 || announced == static_cast<int>(out.sections.size()));
  for (const std::vector<int>& children : child_numbers) consistent = consistent && NumberedInOrder(children);
  if (!consistent) out.sections.clear();
}

}  // namespace jixiao::narrative
