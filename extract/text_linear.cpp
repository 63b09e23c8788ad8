#include "extract/text_linear.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "extract/text_chars.h"

namespace jixiao::text {
namespace {

// Density test: among this many consecutive non-blank lines ...
constexpr size_t kWindow = 12;
constexpr int kMinShortInWindow = 8;   // ... this many are short,
constexpr int kMinFiguresInWindow = 3;  // ... hold a short figure,
constexpr int kMinLabelsInWindow = 2;   // ... and name a form column or row.
// A table needs this many lines and figures in all.
constexpr size_t kMinTableLines = 6;
constexpr int kMinTableFigures = 2;
// A figure cell is at most this wide (half-em units: 12 ideographs).
constexpr int kMaxFigureWidth = 24;
constexpr int kMaxLabelWidth = 32;
constexpr int kMaxTitleWidth = 70;
constexpr int kDefaultColumn = 80;
// A landscape A4 column holds about 75 ideographs.
constexpr int kMaxPrintedColumn = 160;
// Lines of running text a table may hold between two runs of cells.
constexpr size_t kMaxProseCellLines = 8;
// Lines between running text in a form and the field that closes the form.
constexpr size_t kMaxCellTailLines = 16;
// Header lines are lifted out of this many first lines of a table.
constexpr size_t kLiftWindow = 6;
// How far back a table may reach before the line where it became dense.
constexpr size_t kMaxReachBack = 30;

// Words that name the rows and columns of the performance forms.
constexpr std::array<std::string_view, 14> kLabelWords = {
    "指标", "预算", "执行", "得分", "分值", "项目", "目标",
    "资金", "单位", "部门", "完成", "总分", "金额", "年度"};

// Fields printed around a form, outside its grid.
constexpr std::array<std::string_view, 14> kOutsideFields = {
    "填报人", "填报日期", "填报时间", "联系电话", "填报单位", "单位负责人", "主要领导",
    "财务负责人", "审核人", "备注", "项目单位（盖章）", "项目单位(盖章)", "项目单位 (盖章)",
    "单位（盖章）"};

bool IsChineseNumeral(char32_t c) {
  return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' ||
         c == U'七' || c == U'八' || c == U'九' || c == U'十';
}

// 一、… or （一）…: a section of a report, never a form cell.
bool IsSectionHeading(std::string_view line) {
  size_t pos = 0;
  if (line.empty()) return false;
  char32_t c = NextChar(line, pos);
  const bool paren = c == '(' || c == U'（';
  if (paren) {
    if (pos >= line.size()) return false;
    c = NextChar(line, pos);
  }
  if (!IsChineseNumeral(c)) return false;
  int n = 1;
  while (pos < line.size() && n < 4) {
    c = NextChar(line, pos);
    if (IsChineseNumeral(c)) {
      ++n;
      continue;
    }
    return paren ? (c == ')' || c == U'）') : c == U'、';
  }
  return false;
}

bool HasDigit(std::string_view s) {
  for (size_t pos = 0; pos < s.size();)
    if (IsDigit(NextChar(s, pos))) return true;
  return false;
}

// "label：value" or "label:" — a field written as text, not a grid cell.
bool IsColonField(std::string_view s) {
  const size_t wide = s.find("：");
  const size_t narrow = s.find(':');
  return wide != std::string_view::npos || narrow != std::string_view::npos;
}

// A space between two ideographs: pdftotext joined neighbouring cells.
bool HasCellGap(std::string_view s) {
  char32_t before = 0;
  bool space = false;
  for (size_t pos = 0; pos < s.size();) {
    const char32_t c = NextChar(s, pos);
    if (c == ' ') {
      space = true;
      continue;
    }
    if (space && IsWide(before) && IsWide(c)) return true;
    space = false;
    before = c;
  }
  return false;
}

bool IsTitle(std::string_view s, int width) {
  if (width > kMaxTitleWidth) return false;
  return EndsWith(s, "表") || EndsWith(s, "报告") || EndsWith(s, "自评");
}

bool IsYearLine(std::string_view s) {
  const char32_t first = FirstChar(s);
  const char32_t last = LastChar(s);
  return (first == '(' || first == U'（') && (last == ')' || last == U'）') &&
         s.find("年") != std::string_view::npos && CharCount(s) <= 12;
}

// Starts with a year ("2022 年度…"): a title line when it is not a figure.
bool StartsWithYearTitle(std::string_view s, int width) {
  if (width <= kMaxFigureWidth || width > kMaxTitleWidth || s.size() < 4) return false;
  if (s.find("，") != std::string_view::npos || s.find("。") != std::string_view::npos) return false;
  for (int i = 0; i < 4; ++i)
    if (s[static_cast<size_t>(i)] < '0' || s[static_cast<size_t>(i)] > '9') return false;
  std::string_view rest = s.substr(4);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return StartsWith(rest, "年");
}

// Two to eight ideographs naming a form row, then a space.
bool StartsWithRowLabel(std::string_view s) {
  size_t pos = 0;
  int n = 0;
  while (pos < s.size() && n <= 8) {
    const char32_t c = NextChar(s, pos);
    if (c == ' ') break;
    if (!IsCjk(c)) return false;
    ++n;
  }
  if (n < 2 || n > 8 || pos >= s.size()) return false;
  const std::string_view label = s.substr(0, pos);
  for (std::string_view word : kLabelWords)
    if (label.find(word) != std::string_view::npos) return true;
  return false;
}

struct Features {
  bool shortish = false;
  bool figure = false;
  bool label = false;
  bool prose = false;
  bool header = false;   // printed above a form: title, year, field line
  bool year = false;     // （2022年度）
  bool liftable = false; // a header line that may sit among the first cells
  bool outside = false;  // a field printed outside the grid (填报人, 备注)
  bool gapped = false;   // cells of neighbouring columns on one line
  bool row_label = false;  // "项目名称 打击欺诈…": a row label, a space, its value
  bool closes = false;   // ends a form: outside field, heading, report title
};

int ColumnWidth(const std::vector<PlainLine>& lines) {
  std::vector<int> widths;
  for (const PlainLine& l : lines)
    if (l.width >= 20) widths.push_back(l.width);
  if (widths.size() < 5) return kDefaultColumn;
  const size_t at = widths.size() * 8 / 10;
  std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(at), widths.end());
  return std::max(40, widths[at]);
}

Features Describe(const PlainLine& line, int column) {
  Features f;
  const std::string_view s = line.text;
  const int w = line.width;
  const bool colon = IsColonField(s);
  f.shortish = w <= std::max(30, column * 6 / 10);
  f.figure = w <= kMaxFigureWidth && HasDigit(s) && !colon && !OpensHeading(s) &&
             !EndsWith(s, "。");
  if (w <= kMaxLabelWidth) {
    for (std::string_view word : kLabelWords) {
      if (s.find(word) != std::string_view::npos) {
        f.label = true;
        break;
      }
    }
  }
  f.gapped = HasCellGap(s);
  f.row_label = StartsWithRowLabel(s);
  f.prose = w >= column * 8 / 10 && !f.gapped && !f.figure;
  const bool outside = OpensFormField(s);
  f.outside = outside;
  f.year = IsYearLine(s);
  // A row label ending in a colon (年度资金总额：) has its value in the next
  // cells: it is a cell of the form, not a field printed above it.
  const bool row_label_cell = colon && f.label && !outside && (EndsWith(s, "：") || EndsWith(s, ":"));
  f.header = outside || (colon && !row_label_cell) || IsTitle(s, w) || f.year || StartsWithYearTitle(s, w) ||
             IsSectionHeading(s);
  // A year or a short "总分：92" that pdftotext put among the first cells.
  f.liftable = f.year || (colon && w <= kMaxFigureWidth && !outside && !row_label_cell);
  f.closes = outside || IsSectionHeading(s) || IsTitle(s, w) || StartsWith(s, "附件") ||
             StartsWithYearTitle(s, w);
  return f;
}

// `from` starts running text. When a field that closes a form (备注, 填报人)
// follows within a few lines, with no heading or title in between, the text
// is a long cell: returns the position of that field. Returns `from` else.
size_t FormCloseAfterText(const std::vector<Features>& f, size_t from) {
  const size_t limit = std::min(f.size(), from + kMaxCellTailLines);
  for (size_t j = from; j < limit; ++j) {
    if (f[j].outside) return j;
    // The text itself may open with "偏差大原因：": only other lines count.
    if (j > from && !f[j].prose && (f[j].header || f[j].closes)) return from;
  }
  return from;
}

// From the first cell at `begin`, the end (one past the last cell) of the
// form; counts the figures on the way.
size_t WalkToFormEnd(const std::vector<Features>& f, size_t begin, int& figures) {
  size_t end = begin;
  while (end < f.size()) {
    const Features& g = f[end];
    if (end > begin && g.closes) break;
    if (g.prose && end + 1 < f.size() && f[end + 1].prose) {
      // Running text inside the form (a long 偏差原因 / 改进措施 cell) is
      // followed by more cells and then by what closes the form.
      const size_t close = FormCloseAfterText(f, end);
      return close == end ? end : close;
    }
    figures += g.figure ? 1 : 0;
    ++end;
  }
  return end;
}

}  // namespace

bool OpensFormField(std::string_view line) {
  for (std::string_view field : kOutsideFields)
    if (StartsWith(line, field)) return true;
  return false;
}

std::vector<LineRange> FindLinearTables(const std::vector<PlainLine>& lines,
                                        bool continues_table) {
  std::vector<size_t> nb;  // indices of non-blank lines
  for (size_t i = 0; i < lines.size(); ++i)
    if (!lines[i].text.empty()) nb.push_back(i);
  std::vector<LineRange> tables;
  if (nb.empty()) return tables;

  // Text whose lines are wider than any printed column was not hard-wrapped
  // by a PDF converter: its short lines are headings and fields, not cells.
  const int column = ColumnWidth(lines);
  if (column > kMaxPrintedColumn) return tables;
  std::vector<Features> f;
  f.reserve(nb.size());
  for (size_t i : nb) f.push_back(Describe(lines[i], column));

  size_t floor = 0;  // lines before this belong to an earlier table
  if (continues_table && !f[0].header && !f[0].closes) {
    int figures = 0;
    const size_t end = WalkToFormEnd(f, 0, figures);
    if (end > 0) {
      tables.push_back({nb[0], nb[end - 1] + 1, {}, /*continued=*/true});
      floor = end;
    }
  }
  if (nb.size() < kMinTableLines) return tables;

  // Prefix counts for the window test.
  std::vector<int> shorts(nb.size() + 1, 0), figures(nb.size() + 1, 0), labels(nb.size() + 1, 0);
  for (size_t k = 0; k < nb.size(); ++k) {
    shorts[k + 1] = shorts[k] + (f[k].shortish ? 1 : 0);
    figures[k + 1] = figures[k] + (f[k].figure ? 1 : 0);
    labels[k + 1] = labels[k] + (f[k].label ? 1 : 0);
  }

  size_t k = floor;
  while (k + kWindow <= nb.size()) {
    const size_t e = k + kWindow;
    const bool dense = shorts[e] - shorts[k] >= kMinShortInWindow &&
                       figures[e] - figures[k] >= kMinFiguresInWindow &&
                       labels[e] - labels[k] >= kMinLabelsInWindow;
    if (!dense || f[k].closes || !f[k].shortish) {
      ++k;
      continue;
    }
    // Reach back over cells that came before the dense part (项目名称 and
    // its value) but not over the title and field lines above the form.
    size_t begin = k;
    const size_t reach = k > floor + kMaxReachBack ? k - kMaxReachBack : floor;
    std::vector<size_t> lifted;
    while (begin > reach) {
      const Features& g = f[begin - 1];
      if (!g.header && (g.row_label || ((g.shortish || g.gapped) && !g.prose))) {
        --begin;
      } else if (g.liftable && begin - 1 > reach && f[begin - 2].label && !f[begin - 2].header) {
        lifted.push_back(nb[begin - 1]);
        --begin;
      } else {
        break;
      }
    }
    while (begin < k && f[begin].header) ++begin;
    lifted.erase(std::remove_if(lifted.begin(), lifted.end(),
                                [&](size_t line) { return line < nb[begin]; }),
                 lifted.end());
    std::reverse(lifted.begin(), lifted.end());
    // The same among the first cells of the dense part itself.
    for (size_t j = std::max(begin + 1, k); j < std::min(nb.size(), begin + kLiftWindow); ++j)
      if (f[j].liftable && f[j - 1].label && !f[j - 1].header) lifted.push_back(nb[j]);
    int table_figures = 0;
    const size_t end = WalkToFormEnd(f, begin, table_figures);
    if (end - begin >= kMinTableLines && table_figures >= kMinTableFigures) {
      // A few lines of running text between two tables with nothing that
      // closes a form in between are a long cell (预期目标 / 实际完成情况).
      bool joins = !tables.empty() && begin - floor <= kMaxProseCellLines;
      for (size_t j = floor; joins && j < begin; ++j) joins = !f[j].closes && !f[j].header;
      if (joins) {
        tables.back().end = nb[end - 1] + 1;
        tables.back().lifted.insert(tables.back().lifted.end(), lifted.begin(), lifted.end());
      } else {
        tables.push_back({nb[begin], nb[end - 1] + 1, std::move(lifted), false});
      }
      floor = end;
      k = end;
    } else {
      ++k;
    }
  }
  return tables;
}

}  // namespace jixiao::text
