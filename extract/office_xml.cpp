#include "extract/office_xml.h"

#include <charconv>
#include <cstring>
#include <vector>

namespace jixiao::office {

std::string_view LocalName(const char* name) {
  std::string_view s(name);
  const size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  return {};
}

const char* Attr(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (LocalName(a.name()) == local) return a.value();
  return "";
}

long long IntAttr(const pugi::xml_node& node, std::string_view local, long long fallback) {
  const char* text = Attr(node, local);
  long long value = 0;
  const char* end = text + std::strlen(text);
  auto [ptr, ec] = std::from_chars(text, end, value);
  return (ec == std::errc() && ptr == end && ptr != text) ? value : fallback;
}

Status ParsePart(pugi::xml_document& doc, const std::string& xml, const std::string& part) {
  // No DOCTYPE handling: Office parts have none, and pugixml expands no
  // external entities, so an XML bomb cannot grow past the part's size.
  const pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                                                   pugi::encoding_auto);
  if (!r) return Status::Error("corrupt Office file (" + part + ": " + r.description() + ")");
  return Status::Ok();
}

std::string ResolveTarget(const std::string& from_part, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::vector<std::string> parts;
  const size_t slash = from_part.rfind('/');
  std::string path = (slash == std::string::npos ? "" : from_part.substr(0, slash + 1)) + target;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t end = path.find('/', begin);
    if (end == std::string::npos) end = path.size();
    const std::string piece = path.substr(begin, end - begin);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    begin = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace jixiao::office
