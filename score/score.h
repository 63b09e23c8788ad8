// score: recompute what a form's own rules give and flag contradictions.
//
// For each Report, with the profile named by Report::template_name (its
// "scoring" section: budget weight, printing conventions, qualitative tiers,
// tolerances, which checks apply):
//   - budget: execution rate = executed / planned, budget score = weight x
//     min(1, rate); a planned amount of 0 makes both not applicable (score 0,
//     nothing flagged);
//   - weights: printed per indicator, split from a printed group weight, or
//     inferred in goal tables (a met target's score is its weight, the missed
//     one takes the goal weight minus the others); Indicator::weight is set;
//   - indicators: positive weight x min(1, B/A), reverse weight x min(1, A/B),
//     equal and date targets met or not, qualitative scores within the tier
//     the evidence allows, printed completion ratios against B/A;
//   - totals against the item scores, the header total and the narrative
//     self-score against the table, weight sums of groups, forms and
//     narrative sections;
//   - narrative relations: remainder, parts and totals, unit prices, one
//     quantity printed twice, dates against the fiscal year.
// Fills every `recomputed` field. Report::flags keeps the flags other stages
// raised (MISSING_FIELD, UNREADABLE) and gets the ones computed here in place
// of any from an earlier run, so scoring twice gives the same result; a
// blank required cell listed in Report::missing_fields always carries a
// MISSING_FIELD flag. A declared figure that a usual printing convention of
// the profile explains is not flagged; one that only an unusual convention
// explains, or that lies between the "consistent" and "discrepancy"
// tolerances, is a warning; beyond that, an error. A flag resting on an
// inferred weight is at most the profile's inferred_weight_severity. Figures
// that cannot be what their cell says (a score far above the form total, a
// budget cell holding text from another cell, a percent target above 100%,
// a group whose members' scores contradict its share) are left out of the
// comparisons with an info note (IMPLAUSIBLE_FIGURE) rather than turned
// into contradictions. Messages are in Chinese, with the figures as printed
// and evidence for each.
// Pure computation: no I/O, no exceptions escape, deterministic.
#pragma once

#include <vector>

#include "model/document.h"
#include "model/profile.h"

namespace jixiao {

// Scores one report with `profile`; a profile whose scoring section does not
// validate is replaced by the built-in defaults (noted by an info flag).
void ScoreReport(Report& report, const Profile& profile);

// Scores every report with its profile (unknown names: the "generic" one,
// else the built-in defaults).
void ScoreDocument(Document& document, const std::vector<Profile>& profiles);

}  // namespace jixiao
