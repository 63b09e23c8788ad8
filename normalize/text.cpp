#include "normalize/text.h"

namespace jixiao::norm {

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;  // 〇 is a Han numeral
}

bool MatchAt(TextView text, std::size_t pos, TextView word) {
  return pos <= text.size() && text.substr(pos).starts_with(word);
}

bool MatchBefore(TextView text, std::size_t end, TextView word) {
  return end <= text.size() && word.size() <= end &&
         text.substr(end - word.size(), word.size()) == word;
}

std::size_t SkipSpaces(TextView text, std::size_t pos) {
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
  return pos;
}

std::size_t SkipSpacesBack(TextView text, std::size_t end) {
  while (end > 0 && end <= text.size() && IsSpace(text[end - 1])) --end;
  return end;
}


}  // namespace jixiao::norm
