#include "score/rule_context.h"

#include <algorithm>
#include <cmath>

#include "score/printed_figure.h"
#include "score/rounding.h"

namespace jixiao::score {

Severity RuleContext::ForInferred(Severity severity) const {
  return std::min(severity, profile.inferred_weight_severity);
}

bool RuleContext::PlausibleWeight(std::optional<double> w) const {
  return w && std::isfinite(*w) && *w > 0 && *w <= Ceiling() + 1e-9;
}

std::optional<double> RuleContext::BudgetWeight() const {
  return PlausibleWeight(report.budget.weight) ? report.budget.weight : profile.budget_weight;
}

std::optional<double> RuleContext::PlausiblePoints(const ScoredNumber& number) const {
  if (!number.declared || number.blank) return std::nullopt;
  const double v = *number.declared;
  if (std::isfinite(v) && v >= 0 && v <= 1.5 * Ceiling()) return v;
  return std::nullopt;
}

std::optional<double> RuleContext::Points(const ScoredNumber& number, const std::string& path) {
  std::optional<double> points = PlausiblePoints(number);
  if (points || !number.declared || number.blank) return points;
  const double v = *number.declared;
  flags.Add(FlagBuilder(FlagCode::kImplausibleFigure, Severity::kInfo, path)
                .Message("“" + (number.raw.empty() ? FormatNumber(v) : number.raw) + "”不可能是得分（总分仅 " +
                         FormatNumber(Ceiling()) + "），疑为读错栏位，未作比较")
                .Evidence(number));
  return std::nullopt;
}

std::string IndicatorLabel(const Indicator& indicator, size_t index) {
  if (!indicator.name.empty()) return "指标“" + indicator.name + "”";
  return "第" + std::to_string(index + 1) + "个指标";
}

}  // namespace jixiao::score
