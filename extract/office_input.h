// Word (.docx) and Excel (.xlsx) files -> the page layout model.
//
// Both are Office Open XML packages (ZIP archives of XML parts), read with
// libzip and pugixml under the limits of office_zip.h. Word: body paragraphs
// and tables in order (w:gridSpan and w:vMerge become spans; a cell's
// paragraphs are its lines). Excel: every visible sheet, its cells rendered
// as the sheet shows them (shared strings, numbers through their number
// format, so 0.9562 in a 0.00% cell reads "95.62%"), each run of rows that
// holds one full-width text a paragraph, each other region of rows a table
// with the merged cells as spans. Empty rows are never materialized, so a
// sheet with a million of them costs no more than its XML.
//
// Like plain text the result is coordinate-free (page 0, one PageInfo
// {1, "plain"}); each block and cell carries a `ref`: "p12" (the 12th body
// paragraph), "t2.r3.c1" (table 2, grid row 3, column 1) for Word,
// "Sheet1!B7" (or its merged range "Sheet1!A10:A14") for Excel.
#pragma once

#include <string>
#include <string_view>

#include "model/layout.h"
#include "model/status.h"

namespace jixiao {

// A .docx or .xlsx held in memory (which one is told by the parts it holds).
// Errors are one line without the file name: corrupt archive, encrypted,
// over the size limits, neither Word nor Excel, or no text at all.
Result<LayoutDocument> ExtractOfficePackage(std::string_view bytes);

}  // namespace jixiao
