#include "normalize/ranges.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "normalize/comparators.h"
#include "normalize/periods.h"

namespace jixiao::norm {
namespace {

bool Close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

bool IsLowerBound(const std::optional<std::string>& op) { return op && (*op == ">=" || *op == ">"); }
bool IsUpperBound(const std::optional<std::string>& op) { return op && (*op == "<=" || *op == "<"); }

// A plain number second bound that may close a range.
bool Boundable(const Figure& f) {
  return f.number && std::isfinite(*f.number) && !f.date && !f.range && !f.change && !f.period;
}

// The two bounds in one unit: a bound without a unit takes the other's unit
// and magnitude. Returns false when the units differ.
bool Reconcile(const Figure& first, const Figure& second, double* a, double* b, Figure* out) {
  *a = *first.number;
  *b = *second.number;
  *out = second;
  if (first.unit && second.unit) {
    if (*first.unit != *second.unit) return false;
    if (!first.per.empty() && !second.per.empty() && first.per != second.per) return false;
  } else if (second.unit) {
    if (!first.scaled) *a *= second.factor;
  } else if (first.unit) {
    if (second.scaled || first.factor != 1) return false;  // 3万元-5: no clear reading
    out->unit = first.unit;
  }
  if (out->per.empty()) out->per = first.per;
  out->scaled = first.scaled || second.scaled;
  out->change = first.change;
  return std::isfinite(*a);
}

// The second figure of a range, when it starts right at the beginning of
// `tail` (spaces and, with `comparator_ok`, a comparator before it allowed).
std::optional<LocatedFigure> SecondBound(TextView tail, bool comparator_ok) {
  const std::size_t lead = SkipSpaces(tail, 0);
  LocatedFigure second = FindFirstFigure(tail);
  if (!second.search.figure || !Boundable(*second.search.figure)) return std::nullopt;
  if (second.begin == lead) return second;
  if (!comparator_ok) return std::nullopt;
  auto c = ComparatorBefore(tail, lead, second.begin);
  if (!c || c->begin != lead) return std::nullopt;
  return second;
}

Figure Finish(Figure f, Range range) {
  f.number = range.lower.value;
  f.comparator = range.lower.inclusive ? ">=" : ">";
  f.range = range;
  return f;
}

// 之间 and a note on the bounds after a range: (含80%), (不含80%).
std::size_t ReadBoundNote(TextView text, std::size_t end, double factor, Range* range) {
  std::size_t p = SkipSpaces(text, end);
  if (MatchAt(text, p, U"之间")) {
    end = p + 2;
    p = SkipSpaces(text, end);
  }
  if (p >= text.size() || text[p] != U'(') return end;
  const std::size_t close = text.find(U')', p);
  if (close == TextView::npos) return end;
  TextView inner = text.substr(p + 1, close - p - 1);
  inner.remove_prefix(std::min(inner.size(), SkipSpaces(inner, 0)));
  bool inclusive = true;
  if (inner.starts_with(U"不含") || inner.starts_with(U"不包含") || inner.starts_with(U"不包括")) {
    inclusive = false;
  } else if (!inner.starts_with(U"含") && !inner.starts_with(U"包含") && !inner.starts_with(U"包括")) {
    return end;
  }
  LocatedFigure note = FindFirstFigure(inner);
  if (!note.search.figure || !Boundable(*note.search.figure)) return end;
  double v = *note.search.figure->number;
  if (!note.search.figure->unit && !note.search.figure->scaled) v *= factor;
  if (Close(v, range->lower.value)) {
    range->lower.inclusive = inclusive;
  } else if (Close(v, range->upper.value)) {
    range->upper.inclusive = inclusive;
  } else {
    return end;
  }
  return close + 1;
}

// A - B, and A 和 B 之间.
std::optional<RangeJoin> JoinConnected(TextView text, const Figure& first, std::size_t after) {
  auto second = SecondBound(text.substr(after), false);
  if (!second) return std::nullopt;
  double a = 0, b = 0;
  Figure out;
  if (!Reconcile(first, *second->search.figure, &a, &b, &out)) return std::nullopt;
  Range range{{std::min(a, b), true}, {std::max(a, b), true}};
  const std::size_t end = ReadBoundNote(text, after + second->end, out.factor, &range);
  return RangeJoin{Finish(std::move(out), range), end};
}

// ≥95%且≤100%: two opposite bounds.
std::optional<RangeJoin> JoinBounds(TextView text, const Figure& first, std::size_t after) {
  auto second = SecondBound(text.substr(after), true);
  if (!second) return std::nullopt;
  const Figure& s = *second->search.figure;
  const bool first_lower = IsLowerBound(first.comparator) && IsUpperBound(s.comparator);
  const bool first_upper = IsUpperBound(first.comparator) && IsLowerBound(s.comparator);
  if (!first_lower && !first_upper) return std::nullopt;
  double a = 0, b = 0;
  Figure out;
  if (!Reconcile(first, s, &a, &b, &out)) return std::nullopt;
  const std::string& lower_op = first_lower ? *first.comparator : *s.comparator;
  const std::string& upper_op = first_lower ? *s.comparator : *first.comparator;
  Range range{{first_lower ? a : b, lower_op == ">="}, {first_lower ? b : a, upper_op == "<="}};
  if (range.lower.value > range.upper.value) return std::nullopt;
  return RangeJoin{Finish(std::move(out), range), after + second->end};
}

// Words joining two bounds (且) or two figures closed by 之间 (和), longest first.
constexpr std::array<TextView, 9> kJoiners = {U"并且", U"而且", U"同时", U"且", U",", U";", U"、", U"和", U"与"};

}  // namespace

std::optional<RangeJoin> JoinRange(TextView text, const Figure& first, std::size_t first_end) {
  if (!Boundable(first)) return std::nullopt;
  if (auto connector = RangeConnectorEnd(text, first_end)) {
    if (first.comparator) return std::nullopt;
    return JoinConnected(text, first, *connector);
  }
  const std::size_t p = SkipSpaces(text, first_end);
  for (TextView joiner : kJoiners) {
    if (!MatchAt(text, p, joiner)) continue;
    const std::size_t after = p + joiner.size();
    if (first.comparator) return JoinBounds(text, first, after);
    if (joiner != U"和" && joiner != U"与") return std::nullopt;
    auto between = JoinConnected(text, first, after);
    // Without 之间 two figures joined by 和 are two values, not a range.
    if (!between || text.substr(after, between->end - after).find(U"之间") == TextView::npos) return std::nullopt;
    return between;
  }
  return std::nullopt;
}

}  // namespace jixiao::norm
