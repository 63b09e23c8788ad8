// Excel number formats: a number stored in a cell -> the text the sheet
// shows, so that values read from .xlsx look as they look printed.
//
// Covers what forms use: General, fixed decimals ("0.00"), thousands
// separators ("#,##0.00"), percentages ("0%", "0.00%": 0.9562 -> "95.62%"),
// scientific ("0.00E+00"), literal text ("0.0\"万元\"", [Red], _x, *x),
// positive;negative;zero sections, and dates and times ("yyyy\"年\"m\"月\"d\"日\"",
// "yyyy/m/d h:mm") on the 1900 or 1904 date system. A format it cannot
// place (fractions) falls back to General. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::office {

// The format code of a built-in number format id (0-49 and the CJK date
// ids 27-36, 50-58), or "" for an id that has none (then General applies).
std::string BuiltinFormatCode(int id);

// `value` as shown by format `code`. `date1904`: the workbook counts dates
// from 1904-01-01 instead of 1899-12-30.
std::string RenderNumber(double value, std::string_view code, bool date1904 = false);

}  // namespace jixiao::office
