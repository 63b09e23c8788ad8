#include "form/form_lines.h"

#include <algorithm>

#include "form/form_text.h"
#include "form/narrative_text.h"
#include "form/vocabulary_scope.h"
#include "model/utf8.h"

namespace jixiao::form {

namespace {

constexpr std::size_t kMaxTitleChars = 80;

bool IsSpaceChar(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0x00A0; }

bool HasSentencePunctuation(std::string_view folded) {
  return ContainsAny(folded, {"。", "，", "；", ",", ";"});
}

bool IsDateLike(std::string_view folded) {
  if (folded.empty() || !(folded[0] >= '0' && folded[0] <= '9')) return false;
  return Contains(folded, "年") && (Contains(folded, "月") || Contains(folded, "日"));
}

bool StartsWithListMarker(std::string_view folded) {
  static const std::vector<std::string_view> kMarkers = {"一、", "二、", "三、", "四、", "五、", "六、", "七、",
                                                         "八、", "九、", "十、", "(一)", "(二)", "(三)", "(四)",
                                                         "(五)", "(六)"};
  for (std::string_view m : kMarkers)
    if (StartsWith(folded, m)) return true;
  if (!folded.empty() && folded[0] >= '0' && folded[0] <= '9') {
    std::size_t k = 0;
    while (k < folded.size() && folded[k] >= '0' && folded[k] <= '9') ++k;
    std::string_view rest = folded.substr(k);
    return StartsWith(rest, "、") || StartsWith(rest, ".") || StartsWith(rest, ")");
  }
  return false;
}

// The text after `label` in `raw` (past spaces and a colon), or nullopt
// when the label is not there.
std::optional<std::u32string> AfterLabel(const std::u32string& raw, std::u32string_view label) {
  std::size_t at = raw.find(label);
  if (at == std::u32string::npos) return std::nullopt;
  std::size_t k = at + label.size();
  while (k < raw.size() && (IsSpaceChar(raw[k]) || raw[k] == U':' || raw[k] == 0xFF1A)) ++k;
  return raw.substr(k);
}

// A form's title line ends so: 项目支出绩效自评表, …评分表.
bool EndsWithFormTitleWord(std::string_view f) {
  const std::vector<std::string_view>& words = Words("form_title_endings");
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return EndsWith(f, w); });
}

bool IsDateChar(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19) || c == U'.' || c == 0xFF0E || c == U'-' ||
         c == U'/' || c == U'年' || c == U'月' || c == U'日' || c == U'号';
}

}  // namespace

std::vector<std::string> BlockLines(const Block& block) {
  std::vector<std::string> lines;
  std::string_view text = block.text;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = Trim(text.substr(start, nl - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = nl + 1;
  }
  return lines;
}

bool IsFormTitle(const Block& paragraph) {
  if (paragraph.kind != Block::Kind::kParagraph) return false;
  std::string all = Fold(paragraph.text);
  if (all.empty() || CharCount(all) > kMaxTitleChars || Contains(all, "。") || Contains(all, "汇总")) return false;
  for (const std::string& line : BlockLines(paragraph)) {
    std::string f = Fold(line);
    if (EndsWithFormTitleWord(f)) return true;
  }
  return false;
}

namespace {

// Whether `a` becomes `b` by at most one edit: a character changed, added
// or dropped.
bool WithinOneEdit(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

// Whether `text` holds `word` with at most one character misread, added or
// lost: OCR reads a title's 告 as 生 or its 自 as 目 (绩效自评报生, 绩效目评
// 报告), or makes a stray stroke a character of its own (绩效自上评报告).
bool ContainsWithOneMisread(std::string_view text, std::string_view word) {
  const std::u32string t = DecodeUtf8Lossy(text), w = DecodeUtf8Lossy(word);
  const std::u32string_view tv(t);
  for (std::size_t i = 0; i < t.size(); ++i)
    for (std::size_t len = w.size() > 1 ? w.size() - 1 : 1; len <= w.size() + 1 && i + len <= t.size(); ++len)
      if (WithinOneEdit(tv.substr(i, len), w)) return true;
  return false;
}

}  // namespace

bool IsNarrativeTitle(const Block& paragraph) {
  if (paragraph.kind != Block::Kind::kParagraph) return false;
  std::string all = Fold(paragraph.text);
  if (all.empty() || CharCount(all) > kMaxTitleChars || HasSentencePunctuation(all)) return false;
  if (EndsWith(all, "如下") || EndsWith(all, "如下:")) return false;
  // A converter may run the next heading (摘要) into the title line.
  if (ContainsAny(all, Words("report_title_words"))) return true;
  // Read by OCR: one character of a long title word may be misread.
  if (paragraph.confidence >= 1.0) return false;
  for (std::string_view word : Words("report_title_ocr_words"))
    if (ContainsWithOneMisread(all, word)) return true;
  return false;
}

bool IsSummaryParagraph(const Block& paragraph) {
  if (paragraph.kind != Block::Kind::kParagraph) return false;
  std::string f = Fold(paragraph.text);
  std::size_t at = f.find("综述:");
  if (at == std::string::npos) return false;
  std::string head = f.substr(0, at);
  return CharCount(head) <= 60 && (Contains(head, "自评") || Contains(head, "绩效"));
}

bool IsSignatureLine(const Block& paragraph) {
  if (paragraph.kind != Block::Kind::kParagraph) return false;
  std::string f = Fold(paragraph.text);
  if (f.empty() || CharCount(f) > 80) return false;
  // The words hold 报日期: 填报日期 with its first character misread (让报日期).
  return ContainsAny(f, Words("signature_words")) || FillDateTextIn(paragraph.text).has_value();
}

bool IsFormHeaderLine(const Block& paragraph) {
  if (paragraph.kind != Block::Kind::kParagraph) return false;
  std::string f = Fold(paragraph.text);
  if (f.empty() || CharCount(f) > 80) return false;
  if (StartsWith(f, "附件") && CharCount(f) <= 5) return true;
  if (IsSignatureLine(paragraph)) return true;
  if (StartsWith(f, "总分:") || StartsWith(f, "总分")) return CharCount(f) <= 12;
  // （2021 年度）; OCR gives the full-width opening parenthesis, which chi_sim
  // lacks, as 《 or 〈 ("《2023年度)"): the confusion table reads it back.
  std::string inner = CorrectConfusions(f);
  if (StartsWith(inner, "(") && EndsWith(inner, ")")) inner = inner.substr(1, inner.size() - 2);
  return MatchCueWhole(inner, "#年度") || MatchCueWhole(inner, "#年");
}

bool IsTitleFragment(const Block& paragraph) {
  if (paragraph.kind != Block::Kind::kParagraph) return false;
  std::string f = Fold(paragraph.text);
  std::size_t n = CharCount(f);
  if (n < 2 || n > 40) return false;
  if (HasSentencePunctuation(f) || Contains(f, ":") || Contains(f, "、")) return false;
  if (IsDateLike(f) || IsFormHeaderLine(paragraph) || StartsWithListMarker(f)) return false;
  return true;
}

std::optional<int> FiscalYearIn(std::string_view text) {
  std::string f = Fold(text);
  for (std::string_view mark : {"年度", "年"}) {
    std::size_t from = 0;
    while (true) {
      std::size_t at = f.find(mark, from);
      if (at == std::string::npos) break;
      from = at + mark.size();
      if (at < 4) continue;
      std::string digits = f.substr(at - 4, 4);
      bool four = std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!four) continue;
      if (at >= 5 && f[at - 5] >= '0' && f[at - 5] <= '9') continue;
      int year = std::stoi(digits);
      if (year >= 1990 && year <= 2100) return year;
    }
  }
  return std::nullopt;
}

std::optional<std::string> FillDateTextIn(std::string_view text) {
  // The confusion table reads a misread label back (填报髓期 is 填报日期).
  std::u32string raw = CorrectConfusions(DecodeUtf8Lossy(text));
  for (std::string_view word : Words("fill_date_labels")) {
    const std::u32string label = DecodeUtf8Lossy(word);
    std::optional<std::u32string> after = AfterLabel(raw, label);
    if (!after) continue;
    // A scanned colon comes back as one or two stray symbols ("S\", "》")
    // or as a digit glued to the year ("82022年6月").
    size_t start = 0;
    while (start < after->size() && start < 2 && !IsDateChar((*after)[start]) && !IsSpaceChar((*after)[start]))
      ++start;
    if (start > 0 && start < after->size() && IsSpaceChar((*after)[start])) ++start;
    if (after->size() >= start + 6 && std::all_of(after->begin() + start, after->begin() + start + 5, narrative::IsAsciiDigitChar) &&
        (*after)[start + 5] == U'年')
      ++start;
    std::u32string date;
    int spaces = 0;
    for (char32_t c : after->substr(start)) {
      if (IsSpaceChar(c)) {
        // Two spaces or an ideographic space end the date.
        if (c == 0x3000 || ++spaces >= 2) break;
        continue;
      }
      if (!IsDateChar(c)) break;
      if (spaces == 1 && !date.empty()) date.push_back(U' ');
      spaces = 0;
      date.push_back(c);
    }
    std::string out = Trim(EncodeUtf8(date));
    if (HasDigit(out)) return out;
  }
  return std::nullopt;
}

std::optional<std::string> HeaderTotalIn(std::string_view text) {
  std::u32string raw = DecodeUtf8Lossy(text);
  std::optional<std::u32string> after = AfterLabel(raw, U"总分");
  if (!after) return std::nullopt;
  std::u32string figure;
  for (char32_t c : *after) {
    if ((c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19) || c == U'.') {
      figure.push_back(c);
      continue;
    }
    if (IsSpaceChar(c) && figure.empty()) continue;
    break;
  }
  return EncodeUtf8(figure);
}

Value FiscalYearValue(int year, const Location& where, double confidence) {
  Value v;
  v.raw = std::to_string(year) + "年度";
  v.date = std::to_string(year);
  v.unit = "date";
  v.where = where;
  v.confidence = confidence;
  return v;
}

std::optional<Value> ReadFormLines(const std::vector<const Block*>& paragraphs, Report& report, CellReader& reader) {
  std::optional<Value> year_read;
  auto read_year = [&](std::string_view text, const Location& where, double confidence) {
    if (report.fiscal_year) return;
    report.fiscal_year = FiscalYearIn(text);
    if (report.fiscal_year) year_read = FiscalYearValue(*report.fiscal_year, where, confidence);
  };
  for (const Block* p : paragraphs) {
    if (p == nullptr || p->kind != Block::Kind::kParagraph) continue;
    Location where{p->page, p->bbox, p->ref, p->line, p->column};
    if (report.title.empty() && IsFormTitle(*p)) {
      std::string title;
      for (const std::string& line : BlockLines(*p)) {
        std::string f = Fold(line);
        if (EndsWithFormTitleWord(f)) {
          title = line;
          break;
        }
      }
      report.title = title;
      read_year(title, where, p->confidence);
    }
    if (IsFormHeaderLine(*p)) {
      std::string f = Fold(p->text);
      if (!Contains(f, "填报") && Contains(f, "年度")) read_year(f, where, p->confidence);
      if (!report.fill_date) {
        if (std::optional<std::string> date = FillDateTextIn(p->text)) {
          std::optional<Value> v = reader.ReadValue({*date, where, p->confidence, false}, {}, "/fill_date");
          if (v && v->date) report.fill_date = v;
        }
      }
      if (!report.total.declared_header.declared) {
        if (std::optional<std::string> total = HeaderTotalIn(p->text); total && !total->empty()) {
          report.total.declared_header =
              reader.ReadPoints({*total, where, p->confidence, false}, "/total/declared_header");
        }
      }
    }
  }
  return year_read;
}

}  // namespace jixiao::form
