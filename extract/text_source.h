// Where a piece of a text input stands in it: the 1-based line and column.
//
// The plain-text reader keeps string_views into one buffer (the input with
// uniform line breaks) down to the fields and lines it makes blocks and
// cells from; a SourceMap over that buffer turns such a view back into a
// position, so values read from text inputs can be found in the file.
// Lines are counted at '\n' in the text as read (where "\r\n", "\r", "\v",
// U+2028, U+2029 and U+0085 each ended a line), the column in characters
// (code points) of that text, both from 1. Lookups that move forward
// through the text cost time linear in the distance moved.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace jixiao::text {

struct SourcePosition {
  int line = 0;    // 1-based; 0 = not in the text
  int column = 0;  // 1-based, in characters
};

class SourceMap {
 public:
  explicit SourceMap(std::string_view text);

  // The position of `p`; {0, 0} unless it points into the text.
  SourcePosition Locate(const char* p) const;
  // The position of the first character of `piece` that is not a space or
  // tab (of its start when it is all spaces); {0, 0} unless it is in the text.
  SourcePosition LocateStart(std::string_view piece) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;  // byte offset of each line
  // The last answer, to count columns from when the next one is further
  // along the same line.
  mutable size_t last_offset_ = 0;
  mutable SourcePosition last_;
};

}  // namespace jixiao::text
