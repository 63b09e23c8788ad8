// Finding figures in the source text of a text input, which has no boxes.
//
// A figure is placed by its line and column when the document gives them
// (and the text there is the figure's raw text, else the raw text is looked
// for in that line), otherwise by searching the raw text in its report's
// part of the text: the first occurrence in a line holding the text it was
// printed near (an indicator's name, a sentence), else after that text,
// else the first one; failing all, anywhere. A figure whose text is digits is only found
// where it is not part of a longer number. Spans already given to another
// figure are not given twice unless the figures' texts are the same (then
// both share the one span). Positions are in code points. Internal to
// review/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/geometry.h"

namespace jixiao::review {

struct TextSpan {
  size_t begin = 0, end = 0;  // code points into the text, end exclusive
  bool by_line = false;       // placed by the document's line/column
  bool operator==(const TextSpan& o) const { return begin == o.begin && end == o.end; }
};

class TextLocator {
 public:
  explicit TextLocator(std::u32string text);

  const std::u32string& text() const { return text_; }
  // Code point offset where each line starts (line 1 at index 0).
  const std::vector<size_t>& line_starts() const { return line_starts_; }

  // Where `raw` stands, or nullopt; a span found is taken. `from` is where
  // the figure's report begins (searches start there, then anywhere).
  std::optional<TextSpan> Locate(const std::string& raw, const Location& where, const std::string& near,
                                 size_t from = 0);
  // Where `text` first occurs, or 0.
  size_t Find(const std::string& text) const;

 private:
  std::optional<TextSpan> AtLine(const std::u32string& raw, const Location& where) const;
  std::optional<TextSpan> NearAnchor(const std::u32string& raw, const std::u32string& anchor, size_t from) const;
  std::optional<TextSpan> Search(const std::u32string& raw, size_t from, size_t to) const;
  bool Free(const TextSpan& span) const;
  bool Bounded(size_t begin, size_t end) const;

  std::u32string text_;
  std::vector<size_t> line_starts_;
  std::vector<TextSpan> taken_;
};

}  // namespace jixiao::review
