// Read completeness and the severity it allows (see ReadQuality in
// model/document.h).
//
// CheckStructure runs before the rules: it works out
// Report::reading.structure_problems from what the profile says a complete
// form looks like (for a form that prints a weight per indicator, every row
// has one and they add up, with the budget's, to the form total).
//
// GateSeverities runs after the rules, over the flags score/ raised:
//   - a flag that sums over rows or groups (TOTAL_MISMATCH, WEIGHT_SUM_MISMATCH)
//     on a report whose reading is not complete becomes info, and its
//     message says why: the difference may be a row or a group not read;
//   - a flag whose declared and expected figures differ by a factor of 8 or
//     more, on figures read by OCR, becomes info: OCR makes such gaps (a lost
//     decimal point, 万 read as 77) far more often than documents do;
//   - an error whose evidence holds a figure read below kDoubtfulConfidence
//     becomes a warning that says the figure may be misread.
// Internal to score/.
#pragma once

#include <vector>

#include "model/document.h"
#include "score/rule_context.h"

namespace jixiao::score {

void CheckStructure(RuleContext& ctx);

void GateSeverities(const Report& report, std::vector<Flag>& flags);

}  // namespace jixiao::score
