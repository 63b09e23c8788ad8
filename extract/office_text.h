// Text of Office cells and paragraphs made uniform with the other input
// kinds: tabs and no-break spaces as spaces, runs of ASCII spaces collapsed,
// each line trimmed, empty lines and control characters dropped. Ideographic
// spaces (U+3000) between printed fields are kept, as in plain text.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::office {

// Lines kept, joined with '\n'.
std::string CleanText(std::string_view raw);
// Everything on one line.
std::string CleanLine(std::string_view raw);

}  // namespace jixiao::office
