// Tables without ruling lines, recognized from word alignment.
//
// A run of at least three consecutive lines, each broken by wide gaps into
// pieces, whose pieces fall into the same columns (the gaps line up down the
// whole run, like whitespace rivers) is read as a table: one row per line,
// one column per x band. A line that carries text in a single column right
// under a row (wrapped cell text) continues that row's cell. Paragraph text
// never qualifies: justified lines have no gaps wider than a character.
#pragma once

#include <cstddef>
#include <vector>

#include "extract/pdf_lines.h"
#include "model/layout.h"

namespace jixiao::pdf_aligned {

struct LineRun {
  std::size_t first = 0, last = 0;  // line indices, inclusive
  Table table;
  BBox bbox;
  double confidence = 1.0;
};

// `lines` top to bottom (pdf_lines::GroupLines); `em` the page's body
// character height. Runs come out in order and do not overlap.
std::vector<LineRun> FindAlignedTables(const std::vector<pdf_lines::Line>& lines, double em);

}  // namespace jixiao::pdf_aligned
