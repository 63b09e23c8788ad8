// Helpers over pugixml for Office Open XML parts: names compared without
// their namespace prefix (producers pick prefixes freely: w:, x:, none), and
// a part parsed with one call that turns a malformed part into a Status.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "model/status.h"

namespace jixiao::office {

// "w:tbl" -> "tbl".
std::string_view LocalName(const char* name);
inline std::string_view LocalName(const pugi::xml_node& node) { return LocalName(node.name()); }

// The first child element with this local name, or an empty node.
pugi::xml_node Child(const pugi::xml_node& node, std::string_view local);
// The attribute with this local name ("w:val" for "val"), or "".
const char* Attr(const pugi::xml_node& node, std::string_view local);
// An integer attribute, or `fallback` when absent or not a number.
long long IntAttr(const pugi::xml_node& node, std::string_view local, long long fallback);

// Parses `xml` into `doc`; `part` names it in the error.
Status ParsePart(pugi::xml_document& doc, const std::string& xml, const std::string& part);

// Resolves a relationship target against the folder of the part that holds
// it ("xl/workbook.xml" + "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml").
std::string ResolveTarget(const std::string& from_part, const std::string& target);

}  // namespace jixiao::office
