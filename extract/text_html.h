// HTML fragments and Markdown / LaTeX markup in converter text.
//
// Converters leave markup in their text: <p> and <br> inside long table
// cells, <input type="checkbox"/> for the tick boxes of the form, entities,
// LaTeX-ish `$\geq X$`, Markdown **bold**, and sometimes whole <table>s with
// rowspan / colspan. CleanInline turns a fragment into the text a reader sees
// (checked box "☑", unchecked "□", block tags become line breaks); only known
// HTML tag names are removed, so "<5%" or "a<b" stay as printed.
// ParseHtmlTable rebuilds the grid of one <table> element, spans included.
// Both run in time linear in the input and never recurse.
#pragma once

#include <string>
#include <string_view>

#include "extract/text_source.h"
#include "model/layout.h"

namespace jixiao::text {

// Text of `fragment` without markup. Lines are trimmed, runs of ASCII spaces
// collapsed, empty lines dropped; lines are joined with '\n'.
std::string CleanInline(std::string_view fragment);

// Position of the next "<table" tag (case-insensitive) at or after `from`, or
// npos.
size_t FindTableStart(std::string_view text, size_t from);

// End (one past "</table>") of the table element starting at `start`,
// counting nested tables; text.size() when it is never closed.
size_t FindTableEnd(std::string_view text, size_t start);

// Grid of the table element `html` (from "<table" to "</table>"). Every <td>
// and <th> becomes a Cell (empty ones too, so merged blanks keep their
// place); spans running past the last row are clipped. A nested table is
// flattened into the text of its cell. With `source` (over the text `html`
// is a view into), each cell gets the line and column of its <td>/<th> tag.
Table ParseHtmlTable(std::string_view html, const SourceMap* source = nullptr);

}  // namespace jixiao::text
