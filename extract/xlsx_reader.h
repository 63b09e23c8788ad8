// The Excel half of office_input.h: the workbook's visible sheets -> blocks
// of the layout model (see office_input.h for the rules and refs).
#pragma once

#include "extract/office_zip.h"
#include "model/layout.h"
#include "model/status.h"

namespace jixiao::office {

Result<LayoutDocument> ReadXlsx(OfficeZip& zip);

}  // namespace jixiao::office
