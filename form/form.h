// form: the page layout model -> one Report per project.
//
// Splits a document into projects (a self-evaluation table and the narrative
// report of the same project are merged, whichever comes first), recognizes
// the template of each from the profiles' "detect" sections, and fills every
// contract field the document states by label and table grid (never by line
// number or fixed position), normalizing each figure and keeping its raw text
// and location. Leaves `recomputed` values and flags to score/, except the
// flags only the parser can see (UNREADABLE cells, MISSING_FIELD for blank
// required cells).
#pragma once

#include <vector>

#include "model/document.h"
#include "model/layout.h"
#include "model/profile.h"

namespace jixiao {

struct FormParseResult {
  std::vector<Report> reports;   // document order; index = position
  std::vector<Flag> flags;       // document-level (e.g. no report found)
};

FormParseResult ParseReports(const LayoutDocument& layout, const std::vector<Profile>& profiles);

}  // namespace jixiao
