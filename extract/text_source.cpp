#include "extract/text_source.h"

#include <algorithm>
#include <functional>

#include "extract/text_chars.h"

namespace jixiao::text {

SourceMap::SourceMap(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

SourcePosition SourceMap::Locate(const char* p) const {
  // Compared as addresses: p may belong to another buffer altogether.
  const std::less_equal<const char*> le;
  if (p == nullptr || !le(text_.data(), p) || !le(p, text_.data() + text_.size())) return {};
  const size_t offset = static_cast<size_t>(p - text_.data());
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line = static_cast<size_t>(after - line_starts_.begin());  // 1-based
  const size_t line_start = line_starts_[line - 1];
  size_t from = line_start;
  int column = 1;
  if (last_.line == static_cast<int>(line) && last_offset_ >= line_start && last_offset_ <= offset) {
    from = last_offset_;
    column = last_.column;
  }
  column += static_cast<int>(CharCount(text_.substr(from, offset - from)));
  last_offset_ = offset;
  last_ = {static_cast<int>(line), column};
  return last_;
}

SourcePosition SourceMap::LocateStart(std::string_view piece) const {
  size_t skip = 0;
  while (skip < piece.size() && (piece[skip] == ' ' || piece[skip] == '\t')) ++skip;
  if (skip == piece.size()) skip = 0;
  return Locate(piece.data() + skip);
}

}  // namespace jixiao::text
