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
//
// Parts of a document that belong to no project (a department's list of
// its projects, a preface before the first report) make no Report. The
// group-weight split and weight inference are score/'s: the parser records
// the weights as printed (分值 column, 产出指标（40分）, 年度绩效目标1（70分）).
// Internal files: segment.h (projects and pairing), grid_table.h and
// linear_table.h (the table readers), form_lines.h (title and header
// lines), profile_detect.h (templates), narrative.h (the prose).
#pragma once

#include <vector>

#include "model/document.h"
#include "model/layout.h"
#include "model/profile.h"

namespace jixiao {

struct FormParseResult {
  std::vector<Report> reports;   // document order; index = position
  std::vector<Flag> flags;       // document-level: NO_REPORT (error) when no
                                 // table or narrative report was found
};

// `profiles` in the order they are tried (BuiltinProfiles() order); each
// report's template_name is the first whose "detect" section matches.
// Never throws.
FormParseResult ParseReports(const LayoutDocument& layout, const std::vector<Profile>& profiles);

}  // namespace jixiao
