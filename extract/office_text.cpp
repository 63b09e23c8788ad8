#include "extract/office_text.h"

#include "extract/text_chars.h"

namespace jixiao::office {

std::string CleanText(std::string_view raw) {
  std::string line, out;
  auto flush = [&]() {
    const std::string collapsed = text::CollapseSpaces(line);
    const std::string_view trimmed = text::TrimSpaces(collapsed);
    // A line's outer spaces, of any width, print nothing.
    if (!trimmed.empty()) {
      if (!out.empty()) out += '\n';
      out.append(trimmed);
    }
    line.clear();
  };
  for (size_t pos = 0; pos < raw.size();) {
    const char32_t c = text::NextChar(raw, pos);
    if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == '\v') {
      flush();
    } else if (c == '\t' || c == 0xA0) {
      line += ' ';
    } else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFEFF || c == 0x200B || c == 0xAD) {
      continue;
    } else {
      AppendUtf8(line, c);
    }
  }
  flush();
  return out;
}

std::string CleanLine(std::string_view raw) {
  std::string text = CleanText(raw);
  for (char& ch : text)
    if (ch == '\n') ch = ' ';
  return text;
}

}  // namespace jixiao::office
