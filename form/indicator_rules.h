// An indicator's kind and direction, from its target as printed.
//
// kind: "quantitative" when the target holds a figure (a number or a date),
// else "qualitative" (then direction is empty = null).
//
// direction, in this order:
//  1. a target of 100 % (with or without a comparator: 达到100%, 100%) is
//     "equal": it cannot be over-achieved;
//  2. a comparator decides: >= or > -> "positive" (≥, 以上, 不低于, 不少于),
//     <= or < -> "reverse" (≤, 以内, 不高于, 不超过, ...前), = -> "equal";
//  3. without a comparator, a date, a money amount or a per-unit standard
//     (61元/人/年, 每人每年110元) is "equal" (a deadline or cost standard
//     that is met or not), a count of exactly one (1人: one designated
//     person) is "equal", and any other count, percentage or bare number
//     is "positive" (more is better).
// These are the conventions of the corpus README's "Scoring rules" and of
// the forms' own notes (正向指标 ≥X, 反向指标 ≤X).
#pragma once

#include <string_view>

#include "model/document.h"
#include "normalize/normalize.h"

namespace jixiao::form {

void ClassifyIndicator(Indicator& indicator);

// How to read an indicator's bare target and actual figures: a name that
// ends with its unit, "…比例（%）" or "…经费（万元）", gives that unit; a cost
// indicator (二级指标 成本指标) counts money ("16万" is 160000 元).
NormalizeContext IndicatorValueContext(std::string_view name, std::string_view level2);

// A figure read in a money context that came back without a unit ("16万"
// under 成本指标) is money in 元.
void ApplyMoneyContext(std::optional<Value>& value, const NormalizeContext& context);

}  // namespace jixiao::form
