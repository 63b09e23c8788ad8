#include "score/indicator_assessment.h"

#include <algorithm>
#include <cmath>

#include "model/utf8.h"
#include "score/printed_figure.h"

namespace jixiao::score {

namespace {

bool Close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

std::string DirectionOf(const Indicator& indicator) {
  if (indicator.direction == "positive" || indicator.direction == "reverse" || indicator.direction == "equal")
    return indicator.direction;
  std::string comparator = indicator.target ? indicator.target->comparator.value_or("") : "";
  if (comparator == ">=" || comparator == ">") return "positive";
  if (comparator == "<=" || comparator == "<") return "reverse";
  if (comparator == "=") return "equal";
  if (indicator.target && indicator.target->date) return "reverse";  // a plain date is a deadline
  return "positive";
}

// The two figures as a message prints them: the numbers as written when
// both were written at the same scale, the normalized ones otherwise.
std::string Quotient(const Value& numerator, const Value& denominator) {
  std::optional<PrintedForm> fn = PrintedFormOf(numerator), fd = PrintedFormOf(denominator);
  if (fn && fd && fn->scale == fd->scale && numerator.number && denominator.number) {
    return FormatNumber(*numerator.number / fn->scale, fn->decimals + 2) + "/" +
           FormatNumber(*denominator.number / fd->scale, fd->decimals + 2);
  }
  return FormatNumber(numerator.number.value_or(0), 4) + "/" + FormatNumber(denominator.number.value_or(0), 4);
}

// ISO date text padded to the first or the last day of the period it names.
std::string DateBound(const std::string& iso, bool end) {
  if (iso.size() == 4) return iso + (end ? "-12-31" : "-01-01");
  if (iso.size() == 7) return iso + (end ? "-31" : "-01");
  return iso;
}

// An OCR target with one character glued before its figure and no
// comparator read: "≤2%" read as "委2%" or "和2%". Which way the target
// points is unknown, so nothing is computed from it.
bool ComparatorMisread(const Value& target) {
  if (target.confidence >= 1.0 || target.comparator) return false;
  const std::u32string raw = DecodeUtf8Lossy(target.raw);
  const size_t at = raw.find_first_not_of(U' ');
  return at != std::u32string::npos && raw[at] >= 0x80 && at + 1 < raw.size() && raw[at + 1] >= U'0' &&
         raw[at + 1] <= U'9';
}

bool UnitsComparable(const Value& a, const Value& b) {
  if (!a.unit || !b.unit) return true;
  if (*a.unit == *b.unit) return true;
  return false;
}

Assessment AssessDates(const Indicator& indicator, const std::string& direction) {
  Assessment a;
  a.direction = direction;
  const std::string& target = *indicator.target->date;
  const std::string& actual = *indicator.actual->date;
  std::string comparator = indicator.target->comparator.value_or("");
  bool met;
  if (comparator == ">=" || comparator == ">") {
    met = DateBound(actual, true) >= DateBound(target, false);  // not before
  } else {
    met = DateBound(actual, false) <= DateBound(target, true);  // a deadline
  }
  a.outcome = met ? Outcome::kMet : Outcome::kMissedDate;
  if (met) a.score_ratio = 1.0;
  a.formula = indicator.actual->raw + " 对 " + indicator.target->raw;
  return a;
}

std::string WithoutSpaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  return out;
}

std::string TextOf(const std::optional<Value>& v) {
  if (!v) return "";
  return WithoutSpaces(v->text ? *v->text : v->raw);
}

bool Contains(const std::string& text, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (!w.empty() && text.find(w) != std::string::npos) return true;
  return false;
}

// Which tier (0 = best) the result text points to, or -1 when it does not tell.
int EvidenceTier(const ScoringProfile& profile, const Indicator& ind) {
  std::string actual = TextOf(ind.actual);
  std::string target = TextOf(ind.target);
  if (actual.empty()) return -1;
  if (Contains(actual, profile.negation_words)) return -1;
  if (Contains(actual, profile.partial_words)) return 1;
  if (actual == target || Contains(actual, profile.achieved_words)) return 0;
  return -1;
}

// A range target: met inside it (a printed ratio may then be 100% or B
// against either bound). Below it, when its upper bound is only a rate's
// ceiling (≥95%且≤100%, 100-80%), the positive rule on the lower bound. Any
// other actual outside the band is not judged: whether over- or undershooting
// it misses the target depends on what is measured.
Assessment AssessRange(const Value& target, const Value& actual, Assessment a) {
  const Range& r = *target.range;
  if (actual.range) {  // a band reported: met when it lies inside the target's
    const bool inside = (actual.range->lower.value >= r.lower.value || Close(actual.range->lower.value, r.lower.value)) &&
                        (actual.range->upper.value <= r.upper.value || Close(actual.range->upper.value, r.upper.value));
    if (inside) {
      a.outcome = Outcome::kMet;
      a.score_ratio = 1.0;
    }
    return a;
  }
  const double B = *actual.number;
  const bool above_lower = r.lower.inclusive ? B >= r.lower.value || Close(B, r.lower.value) : B > r.lower.value;
  const bool below_upper = r.upper.inclusive ? B <= r.upper.value || Close(B, r.upper.value) : B < r.upper.value;
  if (above_lower && below_upper) {
    a.outcome = Outcome::kMet;
    a.score_ratio = 1.0;
    a.completion = 100;
    if (r.lower.value > 0) a.other_completions.push_back(B / r.lower.value * 100);
    if (r.upper.value > 0) a.other_completions.push_back(B / r.upper.value * 100);
    return a;
  }
  const bool rate_ceiling = target.unit == "%" && Close(r.upper.value, 100);
  if (above_lower || !rate_ceiling || r.lower.value <= 0) return a;
  a.direction = "positive";
  a.completion = B / r.lower.value * 100;
  a.score_ratio = std::min(1.0, B / r.lower.value);
  a.formula = "min(1, " + Quotient(actual, target) + ")";
  a.outcome = Outcome::kMissed;
  return a;
}

// A change target (下降3%, 较上年提高2个百分点) is met by a change the same
// way of at least its size (at most, with <=: 增长不超过5%); a change the
// other way misses an "at least" target and meets an "at most" one. An
// actual that states a level, not a change, or a change against a plain
// target, cannot be compared.
Assessment AssessChange(const Value& target, const Value& actual, Assessment a) {
  if (!target.change || !actual.change) return a;
  const double A = *target.number, B = *actual.number;
  const bool at_most = target.comparator == "<=" || target.comparator == "<";
  const bool same_way = target.change->direction == actual.change->direction;
  a.direction = at_most ? "reverse" : "positive";
  if (!same_way) {
    a.outcome = at_most || (A == 0 && B == 0) ? Outcome::kMet : Outcome::kMissed;
    a.score_ratio = a.outcome == Outcome::kMet ? 1.0 : 0.0;
    a.formula = at_most ? "1" : "0";
    return a;
  }
  if (A > 0) a.completion = B / A * 100;
  if (at_most) {
    a.score_ratio = B > 0 ? std::min(1.0, A / B) : 1.0;
    if (B > 0) a.formula = "min(1, " + Quotient(target, actual) + ")";
    a.outcome = B <= A || Close(A, B) ? Outcome::kMet : Outcome::kMissed;
    return a;
  }
  a.score_ratio = A > 0 ? std::min(1.0, B / A) : 1.0;
  if (A > 0) a.formula = "min(1, " + Quotient(actual, target) + ")";
  a.outcome = B >= A || Close(A, B) ? Outcome::kMet : Outcome::kMissed;
  return a;
}

// A level target (positive, reverse or equal) against the actual level.
Assessment AssessLevel(double A, double B, const Value& target, const Value& actual, Assessment a) {
  if (a.direction == "reverse") {
    if (A > 0) a.completion = B / A * 100;
    if (B > 0) {
      a.reverse_completion = A / B * 100;
      a.score_ratio = std::min(1.0, A / B);
      a.formula = "min(1, " + Quotient(target, actual) + ")";
    } else {
      a.score_ratio = 1.0;  // nothing happened where "at most A" was allowed
    }
    a.outcome = (B <= A || Close(A, B)) ? Outcome::kMet : Outcome::kMissed;
    return a;
  }
  if (a.direction == "equal") {
    if (Close(A, B)) {
      a.outcome = Outcome::kMet;
      a.score_ratio = 1.0;
      if (A > 0) a.completion = 100;
    } else if (B < A && A > 0) {
      // Short of an equal target: the positive rule is the only one the
      // notes give for a shortfall.
      a.outcome = Outcome::kMissed;
      a.completion = B / A * 100;
      a.score_ratio = B / A;
      a.formula = "min(1, " + Quotient(actual, target) + ")";
    }
    return a;  // above an equal target: no rule says what it is worth
  }
  // positive
  if (A > 0) {
    a.completion = B / A * 100;
    a.score_ratio = std::min(1.0, B / A);
    a.formula = "min(1, " + Quotient(actual, target) + ")";
  } else {
    a.score_ratio = 1.0;  // a target of 0 is met by anything
  }
  a.outcome = (B >= A || Close(A, B)) ? Outcome::kMet : Outcome::kMissed;
  return a;
}

// A target missed by a factor of kScaleGap or more (25万 against 2577, 1407
// against 140) is not a shortfall anyone scores: the two figures are not of
// one scale (a unit read as a digit, a lost decimal point or a unit left
// out). Nothing is computed from such a pair.
Assessment ScaleChecked(Assessment a, double A, double B) {
  if (a.outcome != Outcome::kMissed) return a;
  const double gap = ScaleGap(A, B);
  if (gap < kScaleGap) return a;
  Assessment unknown;
  unknown.direction = a.direction;
  unknown.scale_gap = gap;
  return unknown;
}

}  // namespace

Tier AllowedFraction(const ScoringProfile& profile, const Indicator& indicator) {
  int tier = EvidenceTier(profile, indicator);
  Tier allowed{0, 1};
  if (tier < 0) return allowed;
  bool found = false;
  for (const TierSet& set : profile.qualitative_tiers) {
    if (static_cast<size_t>(tier) >= set.tiers.size()) continue;
    const Tier& t = set.tiers[tier];
    allowed.low = found ? std::min(allowed.low, t.low) : t.low;
    allowed.high = found ? std::max(allowed.high, t.high) : t.high;
    found = true;
  }
  return found ? allowed : Tier{0, 1};
}

Assessment AssessIndicator(const Indicator& indicator) {
  Assessment a;
  a.direction = DirectionOf(indicator);
  bool target_figure = indicator.target && indicator.target->has_figure();
  bool actual_figure = indicator.actual && indicator.actual->has_figure();
  if (indicator.kind == "qualitative" || (!target_figure && indicator.kind != "quantitative")) {
    a.outcome = indicator.target || indicator.actual ? Outcome::kQualitative : Outcome::kUnknown;
    a.direction.clear();
    return a;
  }
  if (!target_figure || !actual_figure) return a;  // kUnknown
  if (indicator.target->date || indicator.actual->date) {
    if (indicator.target->date && indicator.actual->date) return AssessDates(indicator, a.direction);
    return a;
  }
  const Value& target = *indicator.target;
  const Value& actual = *indicator.actual;
  if (!UnitsComparable(target, actual)) return a;
  double A = *target.number, B = *actual.number;
  if (!std::isfinite(A) || !std::isfinite(B) || A < 0 || B < 0) return a;
  // A change may well be above 100%; its size is not a rate's level.
  if (target.change || actual.change) return AssessChange(target, actual, a);
  // A rate cannot be aimed above 100%; a target read so ("≧90%" read as
  // "290%") is a misreading, and nothing is computed from it.
  bool percent = target.unit == "%" || (!target.unit && actual.unit == "%");
  if (percent && A > 100) {
    a.implausible_target = true;
    return a;
  }
  if (ComparatorMisread(target)) {
    a.unread_comparator = true;
    return a;
  }
  if (target.range) return AssessRange(target, actual, a);
  return ScaleChecked(AssessLevel(A, B, target, actual, a), A, B);
}

}  // namespace jixiao::score
