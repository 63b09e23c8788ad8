// Paragraphs (and one-cell-per-line tables) from plain text lines.
//
// Converters give text in two shapes: one paragraph per line (Markdown-like),
// or hard-wrapped lines as printed (pdftotext), sometimes with a blank line
// after every printed line. Every non-blank line starts a paragraph unless it
// continues a wrapped one: the line before it is as wide as the printed
// column around it and does not end a sentence, and it does not open a
// heading or a numbered item. Wrapped Chinese lines join without a space.
#pragma once

#include <string>
#include <vector>

#include "extract/text_source.h"
#include "model/layout.h"

namespace jixiao::text {

struct PlainLine {
  std::string text;  // cleaned (markup removed), trimmed; empty = blank line
  int width = 0;     // PrintWidth of `text`
  SourcePosition where;  // of the raw line it came from, when known
};

// Turns raw lines (markup allowed; a line may hold <p>/<br>) into PlainLines,
// placed by `source` when given.
std::vector<PlainLine> CleanPlainLines(const std::vector<std::string_view>& raw,
                                       const SourceMap* source = nullptr);

// Paragraph blocks for `lines` in reading order, all on `page`; a block
// starts where its first line does.
std::vector<Block> ParagraphsFromLines(const std::vector<PlainLine>& lines, int page);

// Whether `line` opens a heading or a numbered item (一、 （二） 3、 4. ①).
bool OpensHeading(std::string_view line);

}  // namespace jixiao::text
