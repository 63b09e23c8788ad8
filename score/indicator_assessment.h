// AssessIndicator: how one indicator fared against its target, before any
// weight is known.
//
// The forms' notes give the rules: a positive target (>=, 以上, 不低于, a plain
// count) scores weight x min(1, B/A); a reverse one (<=, 以内, 不高于) weight x
// min(1, A/B); an equal target (100%, 1人, a per-capita standard) is met or
// not; a date target is a deadline; a qualitative one is judged by tiers.
// The direction is the indicator's own when form/ set it, else it follows the
// target's comparator (none: positive, or a deadline for dates). A range
// target is met by an actual inside it; a change target (下降3%) by a change
// the same way of at least its size. Figures that cannot be compared
// (missing, negative, different units, a percent target above 100%, which is
// a misreading, a level against a change, an actual outside a band whose
// binding side is unknown) give kUnknown and no check rests on them.
// Internal to score/.
#pragma once

#include "model/document.h"
#include "score/rule_context.h"

namespace jixiao::score {

Assessment AssessIndicator(const Indicator& indicator);

// The fractions of its weight a qualitative indicator's score may take:
// the tier its result text points to (the same words as the target, or an
// achieved word: the top tier; a partly word: the middle one) in any of the
// profile's tier sets, or the whole [0, 1] when the text tells nothing.
Tier AllowedFraction(const ScoringProfile& profile, const Indicator& indicator);

}  // namespace jixiao::score
