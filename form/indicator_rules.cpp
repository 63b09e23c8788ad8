#include "form/indicator_rules.h"

#include <cmath>

#include "form/form_text.h"
#include "form/labels.h"

namespace jixiao::form {

void ClassifyIndicator(Indicator& indicator) {
  indicator.kind.clear();
  indicator.direction.clear();
  if (!indicator.target || !indicator.target->has_figure()) {
    indicator.kind = "qualitative";
    return;
  }
  const Value& t = *indicator.target;
  indicator.kind = "quantitative";
  const std::string unit = t.unit.value_or("");
  if (unit == "%" && t.number && std::fabs(*t.number - 100.0) < 1e-9) {
    indicator.direction = "equal";
    return;
  }
  if (t.comparator) {
    const std::string& c = *t.comparator;
    if (c == ">=" || c == ">") {
      indicator.direction = "positive";
    } else if (c == "<=" || c == "<") {
      indicator.direction = "reverse";
    } else {
      indicator.direction = "equal";
    }
    return;
  }
  if (t.date || unit == "date" || unit == "元" || !t.per.empty()) {
    indicator.direction = "equal";
    return;
  }
  if (t.number && std::fabs(*t.number - 1.0) < 1e-9 && !unit.empty() && unit != "%") {
    indicator.direction = "equal";
    return;
  }
  indicator.direction = "positive";
}

void ApplyMoneyContext(std::optional<Value>& value, const NormalizeContext& context) {
  if (!value || !value->number || value->unit || value->date) return;
  if (context.column_unit && *context.column_unit == "元") value->unit = "元";
}

NormalizeContext IndicatorValueContext(std::string_view name, std::string_view level2) {
  NormalizeContext context;
  std::string folded = Fold(name);
  if (EndsWith(folded, "(%)")) {
    context.percent_column = true;
    return context;
  }
  if (EndsWith(folded, ")")) {
    std::size_t open = folded.rfind('(');
    if (open != std::string::npos) {
      if (std::optional<std::string> unit = MoneyUnitOf(folded.substr(open))) {
        context.column_unit = unit;
        return context;
      }
    }
  }
  if (Contains(Fold(level2), "成本")) context.column_unit = "元";
  return context;
}

}  // namespace jixiao::form
