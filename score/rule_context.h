// RuleContext: what every rule of score/ reads and writes for one report.
//
// The rules run in a fixed order (budget, indicator assessment, weights,
// indicator scores, weight sums, totals, narrative facts, dates); what one
// stage works out for the next (how each indicator fared, which weights were
// inferred, the weight each group ends up with) is kept in ScoringState.
// Internal to score/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/flag_builder.h"
#include "score/flag_collector.h"
#include "score/scoring_profile.h"

namespace jixiao::score {

// Two figures that differ by kScaleGap times or more are not of one scale:
// the gap a lost decimal point or a unit read as a digit (万 as 77, 元 as 7)
// makes, far more often than a document's own contradiction.
constexpr double kScaleGap = 8;

// max/min of two magnitudes, or 0 when either is zero (no scale to compare).
inline double ScaleGap(double a, double b) {
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  if (a == 0 || b == 0) return 0;
  return a > b ? a / b : b / a;
}

// How an indicator fared against its target.
enum class Outcome {
  kMet,          // target reached: the rules give the full weight
  kMissed,       // quantitative target missed: weight x ratio
  kMissedDate,   // a deadline missed: not full marks, no formula
  kQualitative,  // judged by tiers
  kUnknown,      // figures missing or not comparable
};

struct Assessment {
  Outcome outcome = Outcome::kUnknown;
  std::string direction;               // positive / reverse / equal, as used
  std::optional<double> score_ratio;   // min(1, B/A) or min(1, A/B): the score is weight x this
  std::optional<double> completion;    // B/A x 100 uncapped (the ratio column's figure)
  std::optional<double> reverse_completion;  // A/B x 100 for reverse targets
  std::vector<double> other_completions;     // a range target: B against either bound
  std::string formula;                 // "min(1, 31053/38100)" as printed, for messages
  bool implausible_target = false;     // a percent target above 100%: misread, not compared
  bool unread_comparator = false;      // OCR read a character where a comparator stands ("委2%")
  double scale_gap = 0;                // a miss by this factor (>= kScaleGap): misread, not compared
};

struct ScoringState {
  std::vector<Assessment> assessments;          // one per indicator
  std::vector<bool> weight_inferred;            // one per indicator
  // Per group: the weight it carries (printed, or derived from its members
  // in a goal table) and whether it was derived rather than printed.
  std::vector<std::optional<double>> group_weight;
  std::vector<bool> group_weight_derived;
};

// Whether `i` names one of the report's indicators (group member lists are
// read from documents and may point anywhere).
inline bool MemberValid(const Report& report, int i) {
  return i >= 0 && static_cast<size_t>(i) < report.indicators.size();
}

struct RuleContext {
  const ScoringProfile& profile;
  Report& report;
  Collector& flags;
  ScoringState state;

  // The budget row's weight: printed in the report when it is a plausible
  // weight, else the profile's.
  std::optional<double> BudgetWeight() const;
  // The most points any weight of the form can be (the form total).
  double Ceiling() const { return profile.form_total.value_or(100); }
  // The full marks the form's parts must add up to: printed in the report,
  // else the profile's.
  std::optional<double> FormTotal() const {
    return report.form_weight_total ? report.form_weight_total : profile.form_total;
  }
  // Whether `w` can be a weight: above 0 and at most the form total (else it
  // was read from the wrong cell).
  bool PlausibleWeight(std::optional<double> w) const;
  // A declared score, or nullopt when it is blank, missing, or not a
  // plausible score: negative, not finite, or far above the form total
  // (half as much again: a total typed as 103 is a finding, 719.8 is an
  // amount read from the wrong cell). An implausible one gets an info note.
  std::optional<double> Points(const ScoredNumber& number, const std::string& path);
  // The same figure without the flag: for sums that only gauge the form.
  std::optional<double> PlausiblePoints(const ScoredNumber& number) const;
  // Severity for a flag whose expected figure rests on an inferred weight.
  Severity ForInferred(Severity severity) const;
};

// "指标“预计参保人数”" — how messages name an indicator.
std::string IndicatorLabel(const Indicator& indicator, size_t index);

}  // namespace jixiao::score
