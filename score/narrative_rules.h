// Relations the narrative states about money and counts.
//
// REMAINING_MISMATCH: the stated 结余/剩余 is not planned − executed
// (/budget/remaining), or 审核额度 − 缩减 is not the planned amount
// (/budget/planned). COMPONENT_SUM_MISMATCH: stated parts do not add up to
// their stated total (/facts/components/k). UNIT_PRICE_MISMATCH: count x
// per-unit amount is not the stated amount (/facts/unit_prices/k).
// CROSS_REFERENCE_MISMATCH: one quantity printed with different values
// (/facts/cross_refs/k). Amounts are consistent within one unit of the last
// printed digit (read from each figure's raw text and unit: "296.2 万元" is
// good to 1000 元), a discrepancy from max(factor x that, relative x the
// amount, minimum) (the profile's amount tolerance); in between is a
// warning. Rates and scores mentioned twice use the rate and total
// tolerances. Mentions that cannot be one figure misprinted are not
// compared: the same digits at two scales ("358" in a 万元 column beside
// "358万元"), amounts a hundredfold apart, digits torn apart ("1 9万元").
// Internal to score/.
#pragma once

#include "score/rule_context.h"

namespace jixiao::score {

void CheckNarrativeFacts(RuleContext& ctx);

}  // namespace jixiao::score
