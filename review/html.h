// HTML text for the review page: escaping and number formatting.
//
// Everything taken from a document goes through Escape (element text and
// attribute values alike): & < > " ' become entities and ill-formed UTF-8
// becomes U+FFFD, so no document text can open a tag, end an attribute or
// start a script. Internal to review/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/document.h"

namespace jixiao::review {

std::string Escape(std::string_view text);

// 6400000, 19.95, 0.333333: at most 10 significant digits, no exponent for
// the sizes documents print.
std::string FormatNumber(double n);
std::string FormatNumber(const std::optional<double>& n);  // "—" when absent
// A computed figure for the eye: at most two decimals (19.9509 -> 19.95).
std::string FormatComputed(const std::optional<double>& n);

// A Value as a person reads its normalized form: "≥95 %", "61 元/人/年",
// "2022-12-31", the text of a qualitative value; "—" when nothing was read.
std::string ShowValue(const Value& value);

}  // namespace jixiao::review
