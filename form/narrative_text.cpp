// Paragraphs, sentences, figures and dates for the narrative parser.
#include "form/narrative_text.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "normalize/normalize.h"

namespace jixiao::narrative {
namespace {

bool IsHanChar(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

bool IsLatinChar(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

bool IsAsciiAlnum(char32_t c) { return IsAsciiDigitChar(c) || IsLatinChar(c); }

// Characters of a Chinese or financial numeral (place words included).
bool IsChineseNumeralChar(char32_t c) {
  static constexpr std::u32string_view kChars =
      U"零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億";
  return kChars.find(c) != std::u32string_view::npos;
}

// A numeral run needs a digit, not only place words (万, 亿 ...).
bool HasChineseDigit(std::u32string_view run) {
  static constexpr std::u32string_view kDigits = U"一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾";
  return std::any_of(run.begin(), run.end(),
                     [](char32_t c) { return kDigits.find(c) != std::u32string_view::npos; });
}

std::size_t SkipSpaces(std::u32string_view s, std::size_t i) {
  while (i < s.size() && IsSpaceChar(s[i])) ++i;
  return i;
}

// Index of the last non-space character before `i`, or npos.
std::size_t PrevNonSpace(std::u32string_view s, std::size_t i) {
  while (i > 0) {
    --i;
    if (!IsSpaceChar(s[i])) return i;
  }
  return std::u32string_view::npos;
}

// Reads up to `max_digits` ASCII digits at `i`; returns the count read.
int ReadDigits(std::u32string_view s, std::size_t& i, int max_digits, int& value) {
  int n = 0;
  value = 0;
  while (i < s.size() && IsAsciiDigitChar(s[i]) && n < max_digits) {
    value = value * 10 + static_cast<int>(s[i] - U'0');
    ++i;
    ++n;
  }
  return n;
}

// Units a figure may carry, longest first so 万元 wins over 万.
struct UnitSpec {
  std::u32string_view text;
  FigureKind kind;
};
constexpr UnitSpec kUnits[] = {
    {U"万元", FigureKind::kMoney}, {U"亿元", FigureKind::kMoney}, {U"千元", FigureKind::kMoney},
    {U"元", FigureKind::kMoney},   {U"%", FigureKind::kPercent},  {U"万人次", FigureKind::kCount},
    {U"万人", FigureKind::kCount}, {U"人次", FigureKind::kCount}, {U"家次", FigureKind::kCount},
    {U"人", FigureKind::kCount},   {U"名", FigureKind::kCount},   {U"期", FigureKind::kCount},
    {U"家", FigureKind::kCount},   {U"次", FigureKind::kCount},   {U"户", FigureKind::kCount},
    {U"份", FigureKind::kCount},   {U"个", FigureKind::kCount},   {U"项", FigureKind::kCount},
    {U"分", FigureKind::kScore},
};

// Words after a numeral that make it part of a date, an ordinal, a document
// number or a duration rather than a figure.
bool NotAFigureAfter(std::u32string_view s, std::size_t u) {
  if (u >= s.size()) return false;
  static constexpr std::u32string_view kStops = U"年月日号岁天周时〕]】)）:";
  return kStops.find(s[u]) != std::u32string_view::npos;
}

// 分 is the point unit only when it ends the phrase (分别, 分担, 分管,
// 分钟 ... are words).
bool IsPointUnit(std::u32string_view s, std::size_t after) {
  return after >= s.size() || !IsHanChar(s[after]);
}

// Extends a money unit over "/人/年" or "/人·年" denominators.
std::size_t ExtendPerUnit(std::u32string_view s, std::size_t end) {
  std::size_t i = end;
  while (i < s.size() && (s[i] == U'/' || s[i] == U'·')) {
    std::size_t j = i + 1;
    if (j < s.size() && IsHanChar(s[j])) {
      i = j + 1;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace



bool IsSpaceChar(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0 || c == U'\r'; }

bool IsAsciiDigitChar(char32_t c) { return c >= U'0' && c <= U'9'; }

bool IsClauseDelimiter(char32_t c) {
  static constexpr std::u32string_view kMarks = U"，,；;。！？!?：:、\n";
  return kMarks.find(c) != std::u32string_view::npos;
}

bool IsSentenceEnd(char32_t c) {
  static constexpr std::u32string_view kMarks = U"。；;！？!?";
  return kMarks.find(c) != std::u32string_view::npos;
}

std::u32string Trim(std::u32string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && IsSpaceChar(text[b])) ++b;
  while (e > b && IsSpaceChar(text[e - 1])) --e;
  return std::u32string(text.substr(b, e - b));
}

std::u32string RemoveSpaces(std::u32string_view text) {
  std::u32string out;
  for (char32_t c : text)
    if (!IsSpaceChar(c)) out.push_back(c);
  return out;
}

bool Contains(std::u32string_view text, std::u32string_view word) {
  return text.find(word) != std::u32string_view::npos;
}
bool StartsWith(std::u32string_view text, std::u32string_view word) {
  return text.substr(0, word.size()) == word;
}
bool EndsWith(std::u32string_view text, std::u32string_view word) {
  return text.size() >= word.size() && text.substr(text.size() - word.size()) == word;
}
bool ContainsAny(std::u32string_view text, std::initializer_list<std::u32string_view> words) {
  for (std::u32string_view w : words)
    if (Contains(text, w)) return true;
  return false;
}

std::u32string FoldForScan(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) {
    if (c >= 0xFF10 && c <= 0xFF19) {
      c = U'0' + (c - 0xFF10);
    } else if (c == 0xFF0E) {
      c = U'.';
    } else if (c == 0xFF05) {
      c = U'%';
    } else if (c == 0xFF0D || c == 0x2212) {
      c = U'-';
    } else if (c == 0xFF0F) {
      c = U'/';
    } else if (c == 0x3000 || c == 0xA0 || c == U'\t') {
      c = U' ';
    }
  }
  return out;
}

Paragraph MakeParagraph(const Block& block) {
  Paragraph p;
  p.where.page = block.page;
  p.where.ref = block.ref;
  p.where.bbox = block.bbox;
  p.where.line = block.line;
  p.where.column = block.column;
  p.confidence = block.confidence;
  std::u32string all = DecodeUtf8Lossy(block.text);
  std::size_t start = 0;
  while (start <= all.size()) {
    std::size_t nl = all.find(U'\n', start);
    std::u32string line = Trim(std::u32string_view(all).substr(
        start, nl == std::u32string::npos ? std::u32string::npos : nl - start));
    if (!line.empty()) p.lines.push_back(std::move(line));
    if (nl == std::u32string::npos) break;
    start = nl + 1;
  }
  std::size_t longest = 0;
  for (const std::u32string& line : p.lines) longest = std::max(longest, line.size());
  for (std::size_t k = 0; k < p.lines.size(); ++k) {
    const std::u32string& line = p.lines[k];
    if (k > 0) {
      char32_t before = p.text.empty() ? U' ' : p.text.back();
      const std::u32string& prev = p.lines[k - 1];
      // A short line that does not end a sentence is a hard break (a title,
      // a label line, a unit name above a date): keep it a sentence of its
      // own. Wrapped lines of a printed paragraph are all about as long.
      if (prev.size() * 10 < longest * 7 && !IsSentenceEnd(before)) {
        p.text.push_back(U'\n');
      } else if (IsAsciiAlnum(before) && IsAsciiAlnum(line.front())) {
        p.text.push_back(U' ');
      }
    }
    p.text += line;
  }
  p.folded = FoldForScan(p.text);
  return p;
}

std::vector<Sentence> SplitSentences(const Paragraph& paragraph, std::size_t index) {
  std::vector<Sentence> out;
  std::u32string_view text = paragraph.text;
  std::u32string_view folded = paragraph.folded;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    std::u32string_view piece = text.substr(start, end - start);
    bool blank = std::all_of(piece.begin(), piece.end(),
                             [](char32_t c) { return IsSpaceChar(c) || c == U'\n'; });
    if (!blank) out.push_back({piece, folded.substr(start, end - start), index, start});
    start = end;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'\n') {
      emit(i);
      start = i + 1;
    } else if (IsSentenceEnd(text[i])) {
      emit(i + 1);
    }
  }
  if (start < text.size()) emit(text.size());
  return out;
}

std::vector<DateSpan> ScanDates(std::u32string_view s) {
  std::vector<DateSpan> out;
  std::size_t i = 0;
  while (i < s.size()) {
    bool starts = IsAsciiDigitChar(s[i]) && (i == 0 || !IsAsciiAlnum(s[i - 1]));
    if (!starts) {
      ++i;
      continue;
    }
    std::size_t j = i;
    int year = 0;
    if (ReadDigits(s, j, 5, year) != 4 || year < 1900 || year > 2099) {
      while (j < s.size() && IsAsciiDigitChar(s[j])) ++j;
      i = std::max(j, i + 1);
      continue;
    }
    DateSpan d;
    d.begin = i;
    d.year = year;
    std::size_t k = SkipSpaces(s, j);
    if (k < s.size() && s[k] == U'年') {
      std::size_t m = SkipSpaces(s, k + 1);
      int month = 0;
      std::size_t mend = m;
      if (ReadDigits(s, mend, 2, month) > 0 && month >= 1 && month <= 12) {
        std::size_t after_month = SkipSpaces(s, mend);
        if (after_month < s.size() && s[after_month] == U'月') {
          d.month = month;
          d.end = after_month + 1;
          std::size_t dd = SkipSpaces(s, after_month + 1);
          int day = 0;
          std::size_t dend = dd;
          if (ReadDigits(s, dend, 2, day) > 0) {
            std::size_t after_day = SkipSpaces(s, dend);
            if (day >= 1 && day <= 31 && after_day < s.size() && (s[after_day] == U'日' || s[after_day] == U'号')) {
              d.day = day;
              d.end = after_day + 1;
            }
          } else if (dd < s.size() && s[dd] == U'日') {
            d.end = dd + 1;  // 2022 年 3 月 日: the day left blank
          } else if (dd < s.size() && s[dd] == U'底') {
            d.month_end = true;
            d.end = dd + 1;
          }
          out.push_back(d);
          i = d.end;
          continue;
        }
      }
    } else if (k < s.size() && s[k] == U'.' && k == j) {
      // 2023.6.21 (both dots, day present): a date only with three parts,
      // since 2024.10 may be money.
      std::size_t m = k + 1;
      int month = 0, day = 0;
      std::size_t mend = m;
      if (ReadDigits(s, mend, 2, month) > 0 && month >= 1 && month <= 12 && mend < s.size() &&
          s[mend] == U'.') {
        std::size_t dend = mend + 1;
        if (ReadDigits(s, dend, 2, day) > 0 && day >= 1 && day <= 31 &&
            (dend >= s.size() || !IsAsciiDigitChar(s[dend]))) {
          d.month = month;
          d.day = day;
          d.end = dend;
          out.push_back(d);
          i = d.end;
          continue;
        }
      }
    }
    i = j;
  }
  return out;
}

std::u32string_view ClauseBefore(std::u32string_view text, std::size_t pos, std::size_t floor) {
  pos = std::min(pos, text.size());
  std::size_t b = pos;
  while (b > floor && !IsClauseDelimiter(text[b - 1])) --b;
  return text.substr(b, pos - b);
}

std::string RawOf(const Sentence& sentence, std::size_t begin, std::size_t end) {
  end = std::min(end, sentence.text.size());
  begin = std::min(begin, end);
  return EncodeUtf8(Trim(sentence.text.substr(begin, end - begin)));
}

namespace {

// Where the Arabic numeral starting at s[i] ends: digits, thousands
// separators and one decimal point, and with `ocr` the spaces OCR puts
// between digits and after a decimal point.
std::size_t ArabicNumeralEnd(std::u32string_view s, std::size_t i, bool ocr) {
  constexpr std::size_t kOcrDigitGroup = 3;
  std::size_t j = i;
  bool dot = false;
  std::size_t group = 0;  // digits since the last space
  while (j < s.size()) {
    if (IsAsciiDigitChar(s[j])) {
      ++j;
      ++group;
    } else if (ocr && s[j] == U' ' && group <= kOcrDigitGroup && j + 1 < s.size() &&
               (IsAsciiDigitChar(s[j + 1]) ||
                (s[j + 1] == U'.' && !dot && j + 2 < s.size() && IsAsciiDigitChar(s[j + 2])))) {
      // OCR spaces out digits (3 5 5 6 4 1 .8): one number, as printed.
      ++j;
      group = 0;
    } else if (s[j] == U',' && j + 3 < s.size() && IsAsciiDigitChar(s[j + 1]) &&
               IsAsciiDigitChar(s[j + 2]) && IsAsciiDigitChar(s[j + 3]) &&
               (j + 4 >= s.size() || !IsAsciiDigitChar(s[j + 4]))) {
      j += 4;
    } else if (s[j] == U'.' && !dot && j + 1 < s.size() && IsAsciiDigitChar(s[j + 1])) {
      dot = true;
      j += 2;
    } else if (ocr && s[j] == U'.' && !dot && j + 2 < s.size() && s[j + 1] == U' ' && IsAsciiDigitChar(s[j + 2])) {
      // OCR puts a space after a decimal point (269. 82万元); Chinese
      // prose ends its sentences with 。, never with a full stop.
      dot = true;
      j += 3;
    } else {
      break;
    }
  }
  return j;
}

// The Arabic figure starting at s[i]: its numeral, a minus sign before it
// and its unit. Sets `*next` to where the scan goes on; nothing when the
// numeral is no figure (第3, list markers 1. / 1、 / （1）, Latin codes).
std::optional<Figure> ArabicFigureAt(std::u32string_view s, std::size_t i, bool ocr, std::size_t* next) {
  std::size_t j = ArabicNumeralEnd(s, i, ocr);
  Figure f;
  f.begin = i;
  f.numeral_end = j;
  std::size_t before = PrevNonSpace(s, i);
  char32_t pc = before == std::u32string_view::npos ? U' ' : s[before];
  if (pc == U'-' && (before == 0 || !IsAsciiAlnum(s[before - 1]))) {
    f.negative = true;
    f.begin = before;
  }
  std::size_t u = SkipSpaces(s, j);
  bool skip = pc == U'第' || NotAFigureAfter(s, u) || IsLatinChar(u < s.size() ? s[u] : U' ');
  // List markers: "1." / "1、" / "（1）".
  if (u < s.size() && (s[u] == U'、' || (s[u] == U'.' && (u + 1 >= s.size() || !IsAsciiDigitChar(s[u + 1])))))
    skip = true;
  if (pc == U'（' || pc == U'(') {
    if (u < s.size() && (s[u] == U'）' || s[u] == U')')) skip = true;
  }
  if (skip) {
    *next = std::max(j, i + 1);
    return std::nullopt;
  }
  f.end = j;
  f.kind = FigureKind::kBare;
  for (const UnitSpec& spec : kUnits) {
    if (s.substr(u, spec.text.size()) != spec.text) continue;
    std::size_t after = u + spec.text.size();
    if (spec.kind == FigureKind::kScore && !IsPointUnit(s, after)) break;
    f.unit = std::u32string(spec.text);
    f.kind = spec.kind;
    f.end = after;
    if (spec.kind == FigureKind::kMoney) f.end = ExtendPerUnit(s, after);
    break;
  }
  if (f.kind == FigureKind::kBare && s.substr(u, 1) == U"万") {
    f.unit = U"万";
    f.end = u + 1;
  }
  *next = std::max(std::max(f.end, j), i + 1);
  return f;
}

// A sum written in Chinese or financial numerals starting at s[i] and
// followed by 元 (壹佰万元整). Sets `*next` to where the scan goes on.
std::optional<Figure> ChineseMoneyAt(std::u32string_view s, std::size_t i, std::size_t* next) {
  std::size_t j = i;
  while (j < s.size() && IsChineseNumeralChar(s[j])) ++j;
  std::u32string_view run = s.substr(i, j - i);
  std::size_t u = SkipSpaces(s, j);
  bool money = u < s.size() && (s[u] == U'元' || s[u] == U'圆');
  // A numeral char just before the run means the run is the tail of a
  // numeral OCR garbled (肆佰融拾喜万参什玖佰元整): not a figure.
  constexpr std::size_t kGarbleLookback = 3;
  for (std::size_t k = i; k > 0 && i - k < kGarbleLookback; --k)
    if (IsChineseNumeralChar(s[k - 1])) money = false;
  if (money && HasChineseDigit(run)) {
    Figure f;
    f.begin = i;
    f.numeral_end = j;
    f.end = u + 1;
    if (f.end < s.size() && (s[f.end] == U'整' || s[f.end] == U'正')) ++f.end;
    f.unit = U"元";
    f.kind = FigureKind::kMoney;
    f.chinese = true;
    *next = f.end;
    return f;
  }
  *next = j;
  return std::nullopt;
}

// Reads figure `f` of the sentence and adds it to `out` when Normalize()
// can read it.
void AddFigure(const Sentence& sentence, const Location& where, double confidence, bool ocr, Figure f,
               std::vector<Figure>& out) {
  std::string raw = RawOf(sentence, f.begin, f.end);
  std::string readable = raw;  // without the space OCR put after a decimal point
  for (std::size_t at; ocr && (at = readable.find(". ")) != std::string::npos;) readable.erase(at + 1, 1);
  Normalized n = Normalize(readable);
  if (!n.value.number) return;
  f.value = std::move(n.value);
  f.value.raw = raw;
  f.value.where = where;
  f.value.confidence = confidence;
  if (f.negative && *f.value.number > 0) f.value.number = -*f.value.number;
  out.push_back(std::move(f));
}

}  // namespace

std::vector<Figure> ScanFigures(const Sentence& sentence, const Location& where, double confidence) {
  // Text read by OCR (confidence below 1) may space out the digits of one
  // number; text from a text layer or a converter does not.
  const bool ocr = confidence < 1.0;
  std::vector<Figure> out;
  std::u32string_view s = sentence.folded;
  std::vector<DateSpan> dates = ScanDates(s);
  std::size_t next_date = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (next_date < dates.size() && dates[next_date].end <= i) ++next_date;
    if (next_date < dates.size() && dates[next_date].begin <= i) {
      i = dates[next_date].end;
      continue;
    }
    char32_t c = s[i];
    char32_t prev = i > 0 ? s[i - 1] : U' ';
    if (IsAsciiDigitChar(c) && !IsAsciiAlnum(prev) && prev != U'.') {
      std::size_t next = i;
      if (std::optional<Figure> f = ArabicFigureAt(s, i, ocr, &next))
        AddFigure(sentence, where, confidence, ocr, std::move(*f), out);
      i = next;
      continue;
    }
    if (IsChineseNumeralChar(c) && !IsChineseNumeralChar(prev) && !IsAsciiDigitChar(prev) && prev != U'.') {
      std::size_t next = i;
      if (std::optional<Figure> f = ChineseMoneyAt(s, i, &next))
        AddFigure(sentence, where, confidence, ocr, std::move(*f), out);
      i = next;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace jixiao::narrative
