// Plain text / Markdown from other converters -> layout model.
//
// Handles the styles seen in archives: tab-separated table rows with merged
// cells as empty fields, HTML fragments (<p>, <br>, checkbox <input> read as
// ☑ / □, <table> with rowspan / colspan), LaTeX-ish $\geq X$, Markdown
// headings and pipe tables, and raw `pdftotext` output where each table cell
// stands on its own line (emitted as a `linear` table, one line per row; a
// run of blank lines between cells leaves one empty row).
// Paragraphs are one block each; hard-wrapped lines are joined (Chinese
// without a space); titles and "label: value" lines stay blocks of their own.
// Pages are unknown (page 0, one PageInfo{1, "plain"}), except that form
// feeds start a new page (pages 1..n). Every block and cell carries the line
// and column where it starts in the text (extract/text_source.h). Time and
// memory are linear in the input; markup is read without recursion.
#pragma once

#include <string_view>

#include "model/layout.h"
#include "model/status.h"

namespace jixiao {

// `text` must be valid UTF-8 (the caller checks). Fails only when the text
// holds nothing readable (empty, or no letters or digits at all).
Result<LayoutDocument> ExtractText(std::string_view text);

}  // namespace jixiao
