// Plain text / Markdown from other converters -> layout model.
//
// Handles the styles seen in archives: tab-separated table rows with merged
// cells as empty fields, HTML fragments (<p>, <br>, checkbox <input>, tables),
// LaTeX-ish $\geq X$, Markdown pipe tables, and raw `pdftotext` output where
// each table cell stands on its own line (emitted as a `linear` table).
// Pages are unknown (page 0), except that form feeds start a new page.
#pragma once

#include <string_view>

#include "model/layout.h"
#include "model/status.h"

namespace jixiao {

// `text` must be valid UTF-8 (the caller checks). Fails only when the text
// holds nothing readable (empty, or no letters or digits at all).
Result<LayoutDocument> ExtractText(std::string_view text);

}  // namespace jixiao
