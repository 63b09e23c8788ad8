// Totals: the bottom 总分, the header 总分 and the narrative's 自评得分.
//
// total.recomputed is the sum of the item scores the rules give (budget and
// indicators; a group printed with one merged score counts once). The
// declared figures are checked against each other, with the total
// tolerances: TOTAL_MISMATCH (/total/declared) when the bottom total is not
// the sum of the declared item scores; HEADER_TOTAL_MISMATCH
// (/total/declared_header) when the header total differs from the bottom
// one; SELF_SCORE_TEXT_MISMATCH (/total/self_score_text) when the narrative's
// self-score differs from the table's total (bottom, else header) or from
// the sum of the narrative's own section scores. A blank total is the
// parser's MISSING_FIELD, and nothing is compared with it.
// Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

void CheckTotals(RuleContext& ctx);

}  // namespace jixiao::score
