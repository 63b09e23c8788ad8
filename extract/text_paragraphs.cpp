#include "extract/text_paragraphs.h"

#include <algorithm>

#include "extract/text_chars.h"
#include "extract/text_html.h"
#include "extract/text_linear.h"

namespace jixiao::text {
namespace {

// Lines looked at on each side when judging the printed column width.
constexpr size_t kWidthWindow = 10;
// A wrapped paragraph may continue after this many blank lines (double-spaced
// conversions put one after every printed line, a page break a few more).
constexpr int kMaxBlankGap = 4;
// Narrower columns than this are not wrapped prose.
constexpr int kMinWrapWidth = 24;
// A line this wide may be continued by a one- or two-character remainder.
constexpr int kMinRemainderWidth = 40;
// No portrait column is this wide (70 ideographs): such a line is a whole
// paragraph, and one that stops mid-sentence was cut by a page break.
constexpr int kParagraphLineWidth = 140;

bool IsChineseNumeral(char32_t c) {
  return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' ||
         c == U'七' || c == U'八' || c == U'九' || c == U'十' || c == U'〇' || c == U'零';
}

bool EndsWithComma(std::string_view line) {
  const char32_t c = LastChar(line);
  return c == U'，' || c == U'、' || c == ',';
}

bool EndsSentence(std::string_view line) {
  const char32_t c = LastChar(line);
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'：' || c == '!' ||
         c == '?' || c == ';' || c == ':' || c == U'…';
}

std::string StripMarkdownHeading(std::string_view line) {
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6 || hashes >= line.size() || line[hashes] != ' ')
    return std::string(line);
  return std::string(TrimSpaces(line.substr(hashes)));
}

// Appends wrapped line `b` to paragraph `a`: Chinese joins directly; words
// in Latin script, and a number next to Chinese, keep a space between them
// (as pdftotext prints them within a line).
void AppendWrapped(std::string& a, std::string_view b) {
  const char32_t last = LastChar(a);
  const char32_t first = FirstChar(b);
  const bool space = (!IsWide(last) && !IsWide(first)) ||
                     (IsAsciiAlnum(last) && IsCjk(first)) || (IsCjk(last) && IsAsciiAlnum(first));
  if (space) a += ' ';
  a.append(b);
}

// "项目单位：…", "联系电话: …": up to eight ideographs and a colon open a
// field. Cover pages list such fields one per line; two in a row are never
// one wrapped line (a wrapped sentence may well go on with "原因：无。").
bool OpensLabelledField(std::string_view line) {
  size_t pos = 0;
  int n = 0;
  while (pos < line.size() && n <= 8) {
    const char32_t c = NextChar(line, pos);
    if (c == U'：' || c == ':') return n >= 2;
    if (!IsCjk(c)) return false;
    ++n;
  }
  return false;
}

}  // namespace

bool OpensHeading(std::string_view line) {
  size_t pos = 0;
  if (line.empty()) return false;
  char32_t c = NextChar(line, pos);
  if (c >= U'①' && c <= U'⑳') return true;
  if (StartsWith(line, "附件")) return true;
  if (c == U'第') {
    size_t p = pos;
    int n = 0;
    while (p < line.size() && n < 4) {
      const char32_t d = NextChar(line, p);
      if (IsChineseNumeral(d) || IsDigit(d)) {
        ++n;
        continue;
      }
      return n > 0 && (d == U'章' || d == U'节' || d == U'条' || d == U'部');
    }
    return false;
  }
  if (IsChineseNumeral(c)) {
    while (pos < line.size()) {
      c = NextChar(line, pos);
      if (!IsChineseNumeral(c)) return c == U'、' || c == U'．' || c == '.';
    }
    return false;
  }
  if (c == '(' || c == U'（') {
    int n = 0;
    while (pos < line.size() && n < 4) {
      c = NextChar(line, pos);
      if (IsChineseNumeral(c) || IsDigit(c)) {
        ++n;
        continue;
      }
      return n > 0 && (c == ')' || c == U'）');
    }
    return false;
  }
  if (IsDigit(c)) {
    int n = 1;
    while (pos < line.size() && n < 4) {
      c = NextChar(line, pos);
      if (IsDigit(c)) {
        ++n;
        continue;
      }
      if (c == U'、' || c == ')' || c == U'）') return true;
      if (c == '.' || c == U'．') {
        // "4. 基于…" is an item; "1.5万元" is a number.
        if (pos >= line.size()) return true;
        size_t p = pos;
        return !IsDigit(NextChar(line, p));
      }
      return false;
    }
  }
  return false;
}

std::vector<PlainLine> CleanPlainLines(const std::vector<std::string_view>& raw, const SourceMap* source) {
  std::vector<PlainLine> out;
  out.reserve(raw.size());
  for (std::string_view line : raw) {
    const std::string clean = CleanInline(line);
    if (clean.empty()) {
      out.push_back({});
      continue;
    }
    // Block markup (<p>, <br>) may have split the line.
    size_t begin = 0;
    while (begin <= clean.size()) {
      size_t end = clean.find('\n', begin);
      if (end == std::string::npos) end = clean.size();
      PlainLine pl;
      if (source != nullptr) pl.where = source->LocateStart(line);
      pl.text = StripMarkdownHeading(std::string_view(clean).substr(begin, end - begin));
      pl.width = PrintWidth(pl.text);
      if (!pl.text.empty()) out.push_back(std::move(pl));
      begin = end + 1;
    }
  }
  return out;
}

std::vector<Block> ParagraphsFromLines(const std::vector<PlainLine>& lines, int page) {
  // Non-blank lines in order; the printed column width is judged among them.
  std::vector<size_t> text_lines;
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].text.empty()) text_lines.push_back(i);

  // full[k]: text line k is as wide as the column around it, i.e. it was
  // probably wrapped by the printer rather than ended by the writer. The
  // window maximum must be reached by at least two lines, so a stack of short
  // lines (a cover page) has no "column" to fill: three lines must reach it.
  std::vector<bool> full(text_lines.size(), false);
  for (size_t k = 0; k < text_lines.size(); ++k) {
    const size_t lo = k > kWidthWindow ? k - kWidthWindow : 0;
    const size_t hi = std::min(text_lines.size(), k + kWidthWindow + 1);
    // The second widest line is the column: one overlong line (a row of
    // figures, a URL) must not raise it.
    int widest = 0;
    int second = 0;
    for (size_t j = lo; j < hi; ++j) {
      const int w = lines[text_lines[j]].width;
      if (w > widest) {
        second = widest;
        widest = w;
      } else if (w > second) {
        second = w;
      }
    }
    widest = second;
    if (widest < kMinWrapWidth) continue;
    // Justified Chinese text wraps a few characters early now and then.
    const int tolerance = std::max(4, widest * 18 / 100);
    int near_widest = 0;
    for (size_t j = lo; j < hi; ++j)
      if (lines[text_lines[j]].width >= widest - tolerance) ++near_widest;
    full[k] = near_widest >= 3 && lines[text_lines[k]].width >= widest - tolerance;
  }

  std::vector<Block> blocks;
  std::string paragraph;
  SourcePosition start;
  auto flush = [&]() {
    if (paragraph.empty()) return;
    Block block;
    block.kind = Block::Kind::kParagraph;
    block.page = page;
    block.line = start.line;
    block.column = start.column;
    block.text = std::move(paragraph);
    blocks.push_back(std::move(block));
    paragraph.clear();
  };
  for (size_t k = 0; k < text_lines.size(); ++k) {
    const std::string& text = lines[text_lines[k]].text;
    bool continues = false;
    if (k > 0 && !paragraph.empty()) {
      const size_t gap = text_lines[k] - text_lines[k - 1] - 1;
      const PlainLine& prev = lines[text_lines[k - 1]];
      // A line of one or two characters after a long unfinished one is the
      // remainder of a wrapped title or cell ("…绩效自评" / "表").
      const bool remainder = CharCount(text) <= 2 && prev.width >= kMinRemainderWidth;
      const bool open_end = full[k - 1] || EndsWithComma(prev.text) || remainder ||
                            prev.width >= kParagraphLineWidth;
      continues = gap <= static_cast<size_t>(kMaxBlankGap) && open_end &&
                  !EndsSentence(prev.text) && !OpensHeading(text) && !OpensFormField(text) &&
                  !(OpensLabelledField(prev.text) && OpensLabelledField(text));
    }
    if (continues) {
      AppendWrapped(paragraph, text);
    } else {
      flush();
      paragraph = text;
      start = lines[text_lines[k]].where;
    }
  }
  flush();
  return blocks;
}

}  // namespace jixiao::text
