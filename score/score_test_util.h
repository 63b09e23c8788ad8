// Helpers for score/'s tests: hand-built figures, reports and flag lookups.
// Header-only so that it stays out of the library.
#pragma once

#include <string>

#include "model/document.h"
#include "model/profile.h"

namespace jixiao::score_test {

// Money printed as `raw` in a column of `unit_printed` (万元 or 元).
inline Value Money(double yuan, const std::string& raw) {
  Value v;
  v.raw = raw;
  v.number = yuan;
  v.unit = "元";
  return v;
}

inline Value Percent(double value, const std::string& raw, const std::string& comparator = "") {
  Value v;
  v.raw = raw;
  v.number = value;
  v.unit = "%";
  if (!comparator.empty()) v.comparator = comparator;
  return v;
}

inline Value Count(double value, const std::string& raw, const std::string& unit = "",
                   const std::string& comparator = "") {
  Value v;
  v.raw = raw;
  v.number = value;
  if (!unit.empty()) v.unit = unit;
  if (!comparator.empty()) v.comparator = comparator;
  return v;
}

inline Value Date(const std::string& iso, const std::string& raw, const std::string& comparator = "") {
  Value v;
  v.raw = raw;
  v.date = iso;
  v.unit = "date";
  if (!comparator.empty()) v.comparator = comparator;
  return v;
}

inline Value Words(const std::string& text) {
  Value v;
  v.raw = text;
  v.text = text;
  return v;
}

inline ScoredNumber Declared(double value) {
  ScoredNumber s;
  s.declared = value;
  s.raw = std::to_string(value);
  return s;
}

inline Indicator Quantitative(const std::string& name, Value target, Value actual, double score,
                              const std::string& direction = "") {
  Indicator ind;
  ind.name = name;
  ind.kind = "quantitative";
  ind.direction = direction;
  ind.target = std::move(target);
  ind.actual = std::move(actual);
  ind.score = Declared(score);
  return ind;
}

inline Indicator Qualitative(const std::string& name, const std::string& target, const std::string& actual,
                             double score) {
  Indicator ind;
  ind.name = name;
  ind.kind = "qualitative";
  ind.target = Words(target);
  ind.actual = Words(actual);
  ind.score = Declared(score);
  return ind;
}

inline Indicator WithWeight(Indicator ind, double weight) {
  ind.weight.value = weight;
  ind.weight.source = "column";
  ind.weight.raw = std::to_string(weight);
  return ind;
}

inline const Profile& BuiltinProfile(const std::string& name) {
  static const Profile kMissing{};
  const Profile* p = FindProfile(BuiltinProfiles(), name);
  return p ? *p : kMissing;
}

inline const Flag* FindFlag(const Report& r, FlagCode code, const std::string& path = "") {
  for (const Flag& f : r.flags)
    if (f.code == code && (path.empty() || f.path == path)) return &f;
  return nullptr;
}

// Flags that count: severity error or warning.
inline int CountingFlags(const Report& r) {
  int n = 0;
  for (const Flag& f : r.flags)
    if (f.severity == Severity::kError || f.severity == Severity::kWarning) ++n;
  return n;
}

inline std::string Describe(const Report& r) {
  std::string s;
  for (const Flag& f : r.flags)
    s += "[" + ToString(f.severity) + "] " + ToString(f.code) + " " + f.path + " " + f.message + "\n";
  return s;
}

}  // namespace jixiao::score_test
