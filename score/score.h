// score: recompute what a form's own rules give and flag contradictions.
//
// For each Report, with the profile named by Report::template_name:
// execution rate and budget score, indicator scores (positive weight x B/A,
// reverse weight x A/B, capped at the weight; equal targets met or not;
// qualitative tiers), inferred weights where the form prints none, totals,
// group and section weight sums, narrative relations (remainder, parts, unit
// prices, cross references, dates against the fiscal year). Fills every
// `recomputed` field and replaces Report::flags with the flags found; a
// declared figure that a printing convention of the profile explains is not
// flagged, one only an unusual convention explains is a warning. Pure
// computation: no I/O, no exceptions, deterministic.
#pragma once

#include <vector>

#include "model/document.h"
#include "model/profile.h"

namespace jixiao {

void ScoreReport(Report& report, const Profile& profile);

// Scores every report with its profile (unknown names: the "generic" one).
void ScoreDocument(Document& document, const std::vector<Profile>& profiles);

}  // namespace jixiao
