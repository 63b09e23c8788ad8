// Finds form tables in text that lost its table structure (pdftotext).
//
// pdftotext prints a bordered form one cell (or a few cells on one baseline)
// per line, with cells of neighbouring columns interleaved. Such a stretch
// reads as a dense run of short lines: labels (一级指标, 预算数, 得分 ...),
// short figures (110, 85%, ≥90%, 60分钟以内), few sentences. FindLinearTables
// marks those runs; the caller emits each as a `linear` table, one line per
// row in column 0, and reads the text around them as paragraphs.
//
// A run starts where a window of lines is dense enough in short lines,
// figures and labels; the title, year line and "label: value" lines printed
// above a form stay outside. It ends before a line that closes a form
// (填报人, 联系电话, 备注, ...), before a heading or report title, or where
// two lines of running prose (as wide as the page, no cell gaps) follow.
#pragma once

#include <cstddef>
#include <vector>

#include "extract/text_paragraphs.h"

namespace jixiao::text {

struct LineRange {
  size_t begin = 0;  // first line of the table
  size_t end = 0;    // one past its last line
  // Lines inside [begin, end) that are not cells: a year line pdftotext put
  // after the first labels ("项目名称 / 主管部门 / （2022年度）"). The caller
  // reads them as paragraphs before the table.
  std::vector<size_t> lifted;
  // The table goes on from the previous page (see FindLinearTables).
  bool continued = false;
};

// Table runs in `lines`, in order, not overlapping; each begins and ends on a
// non-blank line. With `continues_table` (the previous page ended inside a
// form), the cells at the top of `lines` up to what closes the form are
// returned first, marked `continued`, however few they are.
std::vector<LineRange> FindLinearTables(const std::vector<PlainLine>& lines,
                                        bool continues_table);

// Whether `line` starts with the label of a form field printed outside the
// grid or under it (填报日期, 联系电话, 项目单位(盖章), 备注 ...).
bool OpensFormField(std::string_view line);

}  // namespace jixiao::text
