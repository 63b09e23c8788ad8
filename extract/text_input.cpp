#include "extract/text_input.h"

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "extract/text_chars.h"
#include "extract/text_grid.h"
#include "extract/text_html.h"
#include "extract/text_linear.h"
#include "extract/text_paragraphs.h"
#include "extract/text_source.h"

namespace jixiao {
namespace {

using text::PlainLine;
using text::SourceMap;
using text::SourcePosition;

// Line breaks made uniform ('\n'), byte-order marks and control characters
// other than tab, newline and form feed removed, no-break spaces made plain,
// malformed bytes replaced by U+FFFD.
std::string NormalizeText(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t pos = 0; pos < in.size();) {
    const char32_t c = text::NextChar(in, pos);
    if (c == '\r') {
      out += '\n';
      if (pos < in.size() && in[pos] == '\n') ++pos;
      continue;
    }
    if (c == '\n' || c == '\t' || c == '\f') {
      out += static_cast<char>(c);
      continue;
    }
    if (c == '\v' || c == 0x2028 || c == 0x2029 || c == 0x85) {
      out += '\n';
      continue;
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFEFF || c == 0x200B || c == 0xAD) continue;
    if (c == 0xA0) {
      out += ' ';
      continue;
    }
    AppendUtf8(out, c);
  }
  return out;
}

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin <= s.size()) {
    size_t end = s.find('\n', begin);
    if (end == std::string_view::npos) end = s.size();
    lines.push_back(s.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

bool HasTab(std::string_view line) { return line.find('\t') != std::string_view::npos; }

bool IsBlankLine(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// A table starts where its first cell does.
Block TableBlock(Table table, int page) {
  Block block;
  block.kind = Block::Kind::kTable;
  block.page = page;
  block.table = std::move(table);
  if (!block.table.cells.empty()) {
    block.line = block.table.cells.front().line;
    block.column = block.table.cells.front().column;
  }
  return block;
}

Block ParagraphBlock(std::string text, int page, SourcePosition where) {
  Block block;
  block.kind = Block::Kind::kParagraph;
  block.page = page;
  block.line = where.line;
  block.column = where.column;
  block.text = std::move(text);
  return block;
}

// Receives the blocks of one page. A table that opens a page continues the
// table that closed the previous one (the layout model joins a table over a
// page break into one block) when both are grids or both linear.
class PageSink {
 public:
  PageSink(int page, const SourceMap& source, std::vector<Block>& blocks, bool previous_page_ended_in_table)
      : page_(page), source_(source), blocks_(blocks), open_table_(previous_page_ended_in_table) {}

  int page() const { return page_; }
  // Where the pieces of the page stand in the input.
  const SourceMap& source() const { return source_; }

  // The previous page ended in a linear table and nothing is on this page yet.
  bool ContinuesLinearTable() const { return open_table_ && blocks_.back().table.linear; }

  // `may_join` is false for a table known to start afresh.
  void Add(Block block, bool may_join = true) {
    const bool joins = may_join && open_table_ && block.kind == Block::Kind::kTable &&
                       block.table.linear == blocks_.back().table.linear;
    open_table_ = false;
    if (!joins) {
      blocks_.push_back(std::move(block));
      return;
    }
    Table& into = blocks_.back().table;
    for (Cell& cell : block.table.cells) {
      cell.row += into.rows;
      into.cells.push_back(std::move(cell));
    }
    into.rows += block.table.rows;
    into.cols = std::max(into.cols, block.table.cols);
  }

 private:
  int page_;
  const SourceMap& source_;
  std::vector<Block>& blocks_;
  bool open_table_;
};

// Reads one stretch of text without HTML tables: tab-separated and pipe
// tables are taken out, the lines in between become paragraphs.
class SegmentReader {
 public:
  explicit SegmentReader(PageSink& sink) : sink_(sink), page_(sink.page()) {}

  void Read(std::string_view segment) {
    const std::vector<std::string_view> lines = SplitLines(segment);
    size_t i = 0;
    while (i < lines.size()) {
      if (HasTab(lines[i]) && !IsBlankLine(lines[i])) {
        i = ReadTabTable(lines, i);
      } else if (text::IsPipeRow(lines[i]) && i + 1 < lines.size() &&
                 text::IsPipeRow(lines[i + 1])) {
        i = ReadPipeTable(lines, i);
      } else {
        plain_.push_back(lines[i]);
        ++i;
      }
    }
    FlushPlain();
  }

 private:
  // Consecutive tab lines are one table; blank lines between tab lines do
  // not break it (converters put one before a total row on its own).
  size_t ReadTabTable(const std::vector<std::string_view>& lines, size_t i) {
    FlushPlain();
    std::vector<std::string_view> rows;
    size_t j = i;
    while (j < lines.size()) {
      if (IsBlankLine(lines[j])) {
        size_t k = j;
        while (k < lines.size() && IsBlankLine(lines[k])) ++k;
        if (k < lines.size() && HasTab(lines[k])) {
          j = k;
          continue;
        }
        break;
      }
      if (!HasTab(lines[j])) break;
      rows.push_back(lines[j]);
      ++j;
    }
    text::DelimitedTable table = text::TableFromTabLines(rows, &sink_.source());
    for (text::TitleLine& title : table.titles) sink_.Add(ParagraphBlock(std::move(title.text), page_, title.where));
    if (table.table.cells.size() == 1) {
      // A lone field (a title line with stray tabs) is a paragraph.
      Cell& lone = table.table.cells[0];
      sink_.Add(ParagraphBlock(std::move(lone.text), page_, {lone.line, lone.column}));
    } else if (!table.table.cells.empty()) {
      sink_.Add(TableBlock(std::move(table.table), page_));
    }
    return j;
  }

  size_t ReadPipeTable(const std::vector<std::string_view>& lines, size_t i) {
    FlushPlain();
    std::vector<std::string_view> rows;
    size_t j = i;
    while (j < lines.size() && text::IsPipeRow(lines[j])) rows.push_back(lines[j++]);
    Table table = text::TableFromPipeLines(rows, &sink_.source());
    if (!table.cells.empty()) sink_.Add(TableBlock(std::move(table), page_));
    return j;
  }

  // Plain lines: form tables that lost their grid become linear tables, the
  // rest paragraphs.
  void FlushPlain() {
    if (plain_.empty()) return;
    const std::vector<PlainLine> lines = text::CleanPlainLines(plain_, &sink_.source());
    plain_.clear();
    size_t done = 0;
    for (const text::LineRange& range :
         text::FindLinearTables(lines, sink_.ContinuesLinearTable())) {
      AddParagraphs(lines, done, range.begin);
      for (size_t i : range.lifted) sink_.Add(ParagraphBlock(lines[i].text, page_, lines[i].where));
      Table table;
      table.linear = true;
      table.cols = 1;
      bool after_blank = false;
      for (size_t i = range.begin; i < range.end; ++i) {
        if (lines[i].text.empty()) {
          after_blank = true;
          continue;
        }
        if (std::find(range.lifted.begin(), range.lifted.end(), i) != range.lifted.end()) continue;
        // A blank line is kept as an empty row: converters that print a
        // cell (or a few) per paragraph put blank lines between cells, never
        // inside one, and the reader uses that to keep a wrapped cell whole.
        if (after_blank && !table.cells.empty()) ++table.rows;
        after_blank = false;
        Cell cell;
        cell.row = table.rows++;
        cell.text = lines[i].text;
        cell.line = lines[i].where.line;
        cell.column = lines[i].where.column;
        table.cells.push_back(std::move(cell));
      }
      sink_.Add(TableBlock(std::move(table), page_), range.continued);
      done = range.end;
    }
    AddParagraphs(lines, done, lines.size());
  }

  void AddParagraphs(const std::vector<PlainLine>& lines, size_t begin, size_t end) {
    if (begin >= end) return;
    const std::vector<PlainLine> part(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                      lines.begin() + static_cast<std::ptrdiff_t>(end));
    for (Block& block : text::ParagraphsFromLines(part, page_)) sink_.Add(std::move(block));
  }

  PageSink& sink_;
  int page_;
  std::vector<std::string_view> plain_;
};

// One page: HTML tables are cut out first (they may span lines), the text
// around them is read line by line.
void ReadPage(std::string_view page_text, PageSink& sink) {
  size_t pos = 0;
  while (pos < page_text.size()) {
    const size_t start = text::FindTableStart(page_text, pos);
    if (start == std::string_view::npos) break;
    SegmentReader(sink).Read(page_text.substr(pos, start - pos));
    const size_t end = text::FindTableEnd(page_text, start);
    Table table = text::ParseHtmlTable(page_text.substr(start, end - start), &sink.source());
    if (!table.cells.empty()) sink.Add(TableBlock(std::move(table), sink.page()));
    pos = end;
  }
  if (pos < page_text.size()) SegmentReader(sink).Read(page_text.substr(pos));
}

bool BlockHasText(const Block& block) {
  if (block.kind == Block::Kind::kParagraph) return text::HasLetterOrDigit(block.text);
  for (const Cell& cell : block.table.cells)
    if (text::HasLetterOrDigit(cell.text)) return true;
  return false;
}

Result<LayoutDocument> ExtractTextUnchecked(std::string_view utf8) {
  if (!text::HasLetterOrDigit(utf8)) return Result<LayoutDocument>::Error("no readable text");
  const std::string normalized = NormalizeText(utf8);

  // Form feeds separate pages; without any, the page is unknown (0).
  std::vector<std::string_view> pages;
  const bool paged = normalized.find('\f') != std::string::npos;
  {
    const std::string_view all(normalized);
    size_t begin = 0;
    while (begin <= all.size()) {
      size_t end = all.find('\f', begin);
      if (end == std::string_view::npos) end = all.size();
      pages.push_back(all.substr(begin, end - begin));
      begin = end + 1;
    }
    // pdftotext ends the last page with a form feed: no page follows it.
    while (pages.size() > 1 &&
           pages.back().find_first_not_of(" \t\n") == std::string_view::npos)
      pages.pop_back();
  }

  const SourceMap source(normalized);
  LayoutDocument doc;
  for (size_t p = 0; p < pages.size(); ++p) {
    const int page = paged ? static_cast<int>(p) + 1 : 0;
    const bool ended_in_table = paged && !doc.blocks.empty() &&
                                doc.blocks.back().kind == Block::Kind::kTable;
    PageSink sink(page, source, doc.blocks, ended_in_table);
    ReadPage(pages[p], sink);
    if (paged) doc.pages.push_back(PageInfo{page, "plain", 1.0, 0, 0});
  }
  if (!paged) doc.pages.push_back(PageInfo{1, "plain", 1.0, 0, 0});

  bool readable = false;
  for (const Block& block : doc.blocks) readable = readable || BlockHasText(block);
  if (!readable) return Result<LayoutDocument>::Error("no readable text");
  return doc;
}

}  // namespace

Result<LayoutDocument> ExtractText(std::string_view utf8) {
  try {
    return ExtractTextUnchecked(utf8);
  } catch (const std::exception& e) {
    return Result<LayoutDocument>::Error(std::string("text input: ") + e.what());
  } catch (...) {
    return Result<LayoutDocument>::Error("text input: unexpected failure");
  }
}

}  // namespace jixiao
