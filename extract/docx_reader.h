// The Word half of office_input.h: word/document.xml -> paragraphs and
// tables of the layout model (see office_input.h for refs and limits).
#pragma once

#include "extract/office_zip.h"
#include "model/layout.h"
#include "model/status.h"

namespace jixiao::office {

Result<LayoutDocument> ReadDocx(OfficeZip& zip);

// The part the package's relationships name as the main document, or
// `fallback` when they name none.
std::string MainPart(OfficeZip& zip, const std::string& fallback);

}  // namespace jixiao::office
