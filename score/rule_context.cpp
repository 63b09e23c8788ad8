#include "score/rule_context.h"

#include "score/rounding.h"

namespace jixiao::score {

std::string RuleContext::ForInferred(const std::string& severity) const {
  return MilderOf(severity, profile.inferred_weight_severity);
}

}  // namespace jixiao::score
