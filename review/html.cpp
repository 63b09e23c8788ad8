#include "review/html.h"

#include <cmath>
#include <cstdio>

#include "model/utf8.h"

namespace jixiao::review {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char32_t c : DecodeUtf8Lossy(text)) {
    switch (c) {
      case U'&': out += "&amp;"; break;
      case U'<': out += "&lt;"; break;
      case U'>': out += "&gt;"; break;
      case U'"': out += "&quot;"; break;
      case U'\'': out += "&#39;"; break;
      case U'\0': out += "\xEF\xBF\xBD"; break;
      default: AppendUtf8(out, c);
    }
  }
  return out;
}

std::string FormatNumber(double n) {
  if (!std::isfinite(n)) return "—";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", n);
  std::string s = buffer;
  return s == "-0" ? "0" : s;
}

std::string FormatNumber(const std::optional<double>& n) { return n ? FormatNumber(*n) : "—"; }

std::string FormatComputed(const std::optional<double>& n) {
  if (!n) return "—";
  return FormatNumber(std::round(*n * 100.0) / 100.0);
}

std::string ShowValue(const Value& value) {
  std::string s;
  if (value.comparator) {
    const std::string& c = *value.comparator;
    s += c == ">=" ? "≥" : c == "<=" ? "≤" : c;
  }
  if (value.number) {
    s += FormatNumber(*value.number);
    if (value.unit) s += " " + *value.unit;
    for (const std::string& per : value.per) s += "/" + per;
  } else if (value.date) {
    s += *value.date;
  } else if (value.text) {
    s += *value.text;
  } else {
    s += "—";
  }
  return s;
}

}  // namespace jixiao::review
