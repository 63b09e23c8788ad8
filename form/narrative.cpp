// ParseNarrative: collects what the project's paragraphs state.
#include "form/narrative.h"

#include <algorithm>

namespace jixiao {
namespace {

// The text after a full-width or ASCII colon that follows `label`, up to the
// end of the line; empty when the line does not start with the label.
std::string LabelValue(const std::string& line, const std::string& label) {
  size_t start = line.find_first_not_of(" \t");
  if (start == std::string::npos || line.compare(start, label.size(), label) != 0) return {};
  std::string rest = line.substr(start + label.size());
  static const std::string kColons[] = {"\xEF\xBC\x9A", ":"};  // "：", ":"
  for (const std::string& colon : kColons) {
    if (rest.compare(0, colon.size(), colon) == 0) {
      rest = rest.substr(colon.size());
      size_t b = rest.find_first_not_of(" \t");
      size_t e = rest.find_last_not_of(" \t\r");
      return b == std::string::npos ? std::string() : rest.substr(b, e - b + 1);
    }
  }
  return {};
}

}  // namespace

Narrative ParseNarrative(const std::vector<const Block*>& paragraphs) {
  Narrative narrative;
  for (const Block* block : paragraphs) {
    if (block == nullptr || block->kind != Block::Kind::kParagraph) continue;
    if (block->page > 0) narrative.pages.push_back(block->page);
    size_t pos = 0;
    while (pos <= block->text.size()) {
      size_t nl = block->text.find('\n', pos);
      std::string line = block->text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      if (std::string v = LabelValue(line, "项目名称"); !v.empty() && narrative.project_name.empty())
        narrative.project_name = v;
      if (std::string v = LabelValue(line, "项目单位"); !v.empty() && narrative.implementing_unit.empty())
        narrative.implementing_unit = v;
      if (std::string v = LabelValue(line, "主管部门"); !v.empty() && narrative.department.empty())
        narrative.department = v;
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
  }
  std::sort(narrative.pages.begin(), narrative.pages.end());
  narrative.pages.erase(std::unique(narrative.pages.begin(), narrative.pages.end()), narrative.pages.end());
  return narrative;
}

}  // namespace jixiao
