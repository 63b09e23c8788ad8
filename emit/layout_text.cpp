// LayoutAsText: the layout model printed for a person.
#include <cstdio>
#include <string>

#include "emit/emit.h"

namespace jixiao {
namespace {

// printf-style formatting of a few numbers into a short string.
template <typename... Numbers>
std::string Format(const char* format, Numbers... numbers) {
  char buf[96];
  std::snprintf(buf, sizeof buf, format, numbers...);
  return buf;
}

std::string BoxText(const std::optional<BBox>& box) {
  if (!box) return "-";
  return Format("%.1f,%.1f,%.1f,%.1f", box->x0, box->y0, box->x1, box->y1);
}

std::string Confidence(double c) { return Format("%.2f", c); }

// " l<line>:<column>" for text inputs, where the block or cell starts.
std::string SourceLine(int line, int column) { return line > 0 ? Format(" l%d:%d", line, column) : ""; }

// Line breaks inside a cell or paragraph shown as "⏎" so that each item
// stays on one line of the listing.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\n') out += "⏎";
    else out += ch;
  }
  return out;
}

}  // namespace

std::string LayoutAsText(const LayoutDocument& layout) {
  std::string out;
  for (const PageInfo& p : layout.pages) {
    out += "page " + std::to_string(p.page) + " " + p.method + " confidence " + Confidence(p.confidence);
    if (p.width_pt > 0) out += Format(" size %.0fx%.0f pt", p.width_pt, p.height_pt);
    out += "\n";
  }
  if (!layout.encoding.empty()) out += "encoding " + layout.encoding + "\n";
  for (const ExtractProblem& problem : layout.problems)
    out += "problem page " + std::to_string(problem.page) + " " + ToString(problem.code) + ": " + problem.message +
           "\n";
  int index = 0;
  for (const Block& b : layout.blocks) {
    std::string head = "#" + std::to_string(index++) + " p" + std::to_string(b.page) + SourceLine(b.line, b.column) +
                       " [" + BoxText(b.bbox) + "] " + Confidence(b.confidence);
    if (!b.ref.empty()) head += " " + b.ref;
    if (b.kind == Block::Kind::kParagraph) {
      out += head + " paragraph: " + OneLine(b.text) + "\n";
      continue;
    }
    const Table& t = b.table;
    out += head + " table " + std::to_string(t.rows) + "x" + std::to_string(t.cols) + (t.linear ? " linear" : "") +
           "\n";
    for (const Cell& c : t.cells) {
      out += "  r" + std::to_string(c.row) + " c" + std::to_string(c.col);
      if (c.row_span > 1 || c.col_span > 1)
        out += " span " + std::to_string(c.row_span) + "x" + std::to_string(c.col_span);
      if (c.page != 0) out += " p" + std::to_string(c.page);
      out += SourceLine(c.line, c.column);
      out += " [" + BoxText(c.bbox) + "] " + Confidence(c.confidence);
      if (!c.ref.empty()) out += " " + c.ref;
      out += ": " + OneLine(c.text) + "\n";
    }
  }
  return out;
}

}  // namespace jixiao
