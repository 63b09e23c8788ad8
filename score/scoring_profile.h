// ScoringProfile: the typed form of a profile's "scoring" section.
//
// Everything the rules need to know about a template lives here as data:
// the budget row's weight, the form's total weight, where indicator weights
// come from, which printing conventions (floor, round, one decimal...) make a
// declared figure consistent, the qualitative tiers the form's notes allow,
// the tolerance table and which checks apply. ParseScoringProfile fills
// every field; a key the section leaves out takes the default written
// beside the field (the conventions of the self-evaluation forms in use),
// a key of the wrong type or an unknown value is an error. Internal to score/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/flag_code.h"
#include "model/profile.h"
#include "model/status.h"
#include "score/rounding.h"

namespace jixiao::score {

// How indicator weights are found when the form does not print them per row.
enum class WeightMode {
  kColumn,          // printed per indicator (分值 column); nothing to infer
  kGroupSplit,      // printed per group (产出指标(40分)), split equally
  kGoalInference,   // goal table: a met target's score is its weight, the
                    // missed one gets the goal weight minus the others
};

// One qualitative tier as fractions of the weight, e.g. {0.8, 1.0}.
struct Tier {
  double low = 0;
  double high = 1;
};

// A form's three tiers, best first: 100-80% / 80-50% / 50-0%.
struct TierSet {
  std::vector<Tier> tiers;
};

// Money and counts: consistent within one unit of the last printed digit,
// a discrepancy from max(factor x that unit, relative x value, minimum).
struct AmountTolerance {
  double factor = 10;
  double relative = 0.02;
  double minimum = 1;
};

struct Checks {
  bool budget = true;          // rate, budget score
  bool indicators = true;      // indicator scores, ratios
  bool totals = true;          // bottom total vs items, header, self-score
  bool weight_sums = true;     // member weights vs group, groups vs form total
  bool sections = true;        // narrative 满分/得分 sections
  bool facts = true;           // remainder, parts, unit prices, cross refs
  bool dates = true;           // fill / signature / cut-off dates
};

struct ScoringProfile {
  std::string name;
  std::optional<double> budget_weight;           // "budget_weight": 20 / 10 / null
  std::optional<double> form_total = 100;        // "form_total": weights add up to it
  WeightMode weight_mode = WeightMode::kColumn;  // "weights": column|group_split|goal_inference
  ConventionSet rate_conventions;                // "conventions.rate"
  ConventionSet rate_unusual;                    // "conventions.rate_unusual"
  ConventionSet score_conventions;               // "conventions.score"
  ConventionSet score_unusual;                   // "conventions.score_unusual"
  ConventionSet total_conventions;               // "conventions.total"
  std::vector<TierSet> qualitative_tiers;        // "qualitative_tiers": [[[80,100],[50,80],[0,50]], ...]
  std::vector<std::string> achieved_words;       // "qualitative_achieved": evidence of tier 1
  std::vector<std::string> partial_words;        // "qualitative_partial": evidence of tier 2
  std::vector<std::string> negation_words;       // "qualitative_negation": the text says it was not reached
  Tolerance rate_tolerance{1.0, 2.0};            // "tolerances.rate"
  Tolerance score_tolerance{1.0, 1.5};           // "tolerances.score"
  Tolerance total_tolerance{0.05, 1.5};          // "tolerances.total"
  Tolerance ratio_tolerance{1.0, 2.0};           // "tolerances.ratio"
  AmountTolerance amount_tolerance;              // "tolerances.amount"
  // Severity of a flag whose expected figure rests on an inferred weight.
  Severity inferred_weight_severity = Severity::kWarning;  // "inferred_weight_severity"
  Checks checks;                                 // "checks": {"budget": true, ...}
};

// The scoring profile the built-in defaults describe (used for reports whose
// template has no profile).
ScoringProfile DefaultScoringProfile();

// Reads and validates profile.scoring. Errors name the profile and the key.
Result<ScoringProfile> ParseScoringProfile(const Profile& profile);

}  // namespace jixiao::score
