// AssessReading: how completely a report's table was read (Report::reading).
//
// What the reader can tell from its own result, for every input kind:
//   - an indicator name holding a weight label such as "（10分）": a group or
//     goal label was interleaved with the row (converter text that lost the
//     table's columns), so the row's group and the group sums are doubtful;
//   - an indicator name holding a target's or an actual's figure ("85%",
//     "≧26641"): the row's cells ran together;
//   - a goal label's numbered end ("标2" of 年度绩效目标2) inside a name;
//   - an indicator row with a name and no figure at all while other rows
//     have figures: the row's cells were not found;
//   - how many figures were read and how many below kDoubtfulConfidence.
// Each problem is one line for a Chinese-reading reviewer; problems the
// reader already listed are kept. Internal to form/.
#pragma once

#include "model/document.h"

namespace jixiao::form {

void AssessReading(Report& report);

}  // namespace jixiao::form
