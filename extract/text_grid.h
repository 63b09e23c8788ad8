// Tables written as delimited rows: tab-separated lines and Markdown pipes.
//
// In tab-separated converter output each line is a row and each field a grid
// position; a merged cell leaves empty fields behind. Empty fields keep their
// position (columns never shift left) and produce no Cell. The one span read
// back is the clear case: the leading empty fields of a row, directly under a
// cell of the row above, continue that cell downwards (the label column of a
// form: 年度绩效目标 over its indicator rows). Everything else stays empty.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/text_source.h"
#include "model/layout.h"

namespace jixiao::text {

struct TitleLine {
  std::string text;
  SourcePosition where;
};

struct DelimitedTable {
  std::vector<TitleLine> titles;    // title rows peeled off the top, in order
  Table table;                      // rows == 0 when nothing was left
};

// `lines` are the table's lines (blank lines are skipped). A leading row
// holding a single title-like field (…表, （2021年度）) becomes a title.
// Cells and titles get their line and column from `source`, when given and
// the lines are views into its text.
DelimitedTable TableFromTabLines(const std::vector<std::string_view>& lines,
                                 const SourceMap* source = nullptr);

// Markdown pipe table: `| a | b |` rows; the `|---|` separator is skipped.
Table TableFromPipeLines(const std::vector<std::string_view>& lines, const SourceMap* source = nullptr);

// True for a Markdown pipe-table row.
bool IsPipeRow(std::string_view line);

}  // namespace jixiao::text
