#include "score/flag_collector.h"

#include <utility>

namespace jixiao::score {

void Collector::Add(const FlagBuilder& builder) { Add(builder.flag()); }

void Collector::Add(Flag flag) {
  for (const Flag& f : flags_)
    if (f.code == flag.code && f.path == flag.path && f.severity == flag.severity) return;
  flags_.push_back(std::move(flag));
}

bool Collector::Has(FlagCode code, const std::string& path) const {
  for (const Flag& f : flags_)
    if (f.code == code && (path.empty() || f.path == path)) return true;
  return false;
}

}  // namespace jixiao::score
